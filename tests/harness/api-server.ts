import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findFreePort } from './free-port';
import { SERVER_DIR } from './paths';

const execFileAsync = promisify(execFile);

export interface ApiServer {
  /** http://127.0.0.1:<port>, what the extension's options page is given. */
  url: string;
  port: number;
  databaseUrl: string;
  /** stdout + stderr of every process started so far, for failure messages. */
  log(): string;
  /** Stops the process (SIGTERM, then SIGKILL after 10 s) and waits until the port is closed. */
  stop(): Promise<void>;
  /** Starts it again on the same port and database file (with more environment, e.g. FT_NOW for a later day). */
  start(extraEnv?: Record<string, string>): Promise<void>;
  /** `followthrough user add <email>`: returns the API token printed as the last line. */
  addUser(email: string): Promise<string>;
  /** `followthrough <args>` against this server's database: its standard output. */
  cli(args: string[]): Promise<string>;
  /** `followthrough user pair <email>`: the one-time code it prints (ABCD-EFGH). */
  pairingCode(email: string): Promise<string>;
  /** Stops the server and deletes its temp database. */
  dispose(): Promise<void>;
}

const TSX_NODE_ARGS = ['--import', 'tsx'];

/**
 * The real API server as a child process on loopback with a temp libSQL file, the way a user runs it
 * (`pnpm start` = tsx src/main.ts); started with node --import tsx so the harness owns one pid to stop.
 */
export interface ApiServerOptions {
  /** More environment for the server and the CLI: provider stand-ins' URLs and OAuth clients, FT_ENCRYPTION_KEY. */
  env?: Record<string, string>;
}

export async function startApiServer(options: ApiServerOptions = {}): Promise<ApiServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'followthrough-e2e-db-'));
  const databaseUrl = `file:${path.join(dir, 'followthrough.db')}`;
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl, NODE_ENV: 'production', ...options.env };
  let output = '';
  let child: ChildProcess | undefined;

  async function start(extraEnv: Record<string, string> = {}): Promise<void> {
    if (child) throw new Error('the API server is already running');
    const proc = spawn(process.execPath, [...TSX_NODE_ARGS, 'src/main.ts'], { cwd: SERVER_DIR, env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let exited: string | undefined;
    proc.once('exit', (code, signal) => {
      exited = `exited with ${code ?? signal}`;
      if (child === proc) child = undefined;
    });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (exited) break;
      try {
        const response = await fetch(`${url}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const why = exited ?? 'did not answer GET /healthz within 60 s';
    await stop();
    throw new Error(`The API server (node --import tsx src/main.ts in ${SERVER_DIR}) ${why}. Its output:\n${output}`);
  }

  async function stop(): Promise<void> {
    const proc = child;
    if (!proc) return;
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill('SIGTERM');
    const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
    await gone;
    clearTimeout(timer);
    child = undefined;
  }

  async function addUser(email: string): Promise<string> {
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, [...TSX_NODE_ARGS, 'src/cli/main.ts', 'user', 'add', email], {
        cwd: SERVER_DIR,
        env,
        timeout: 60_000,
      });
      output += stdout + stderr;
      const lines = stdout.split('\n').map((line) => line.trim()).filter(Boolean);
      const token = lines.at(-1);
      if (!token || /\s/.test(token)) throw new Error(`the last line of its output is not a token: ${JSON.stringify(token)}`);
      return token;
    } catch (error) {
      throw new Error(`\`followthrough user add ${email}\` failed: ${(error as Error).message}`);
    }
  }

  async function cli(args: string[]): Promise<string> {
    try {
      const { stdout, stderr } = await execFileAsync(process.execPath, [...TSX_NODE_ARGS, 'src/cli/main.ts', ...args], { cwd: SERVER_DIR, env, timeout: 60_000 });
      output += stdout + stderr;
      return stdout;
    } catch (error) {
      throw new Error(`\`followthrough ${args.join(' ')}\` failed: ${(error as Error).message}`);
    }
  }

  async function pairingCode(email: string): Promise<string> {
    const code = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(await cli(['user', 'pair', email]))?.[1];
    if (!code) throw new Error(`\`followthrough user pair ${email}\` printed no code`);
    return code;
  }

  await start();
  return {
    cli,
    pairingCode,
    url,
    port,
    databaseUrl,
    log: () => output,
    stop,
    start,
    addUser,
    async dispose() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
