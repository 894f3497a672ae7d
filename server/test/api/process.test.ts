import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'ft-process-'));
const env = { ...process.env, DATABASE_URL: `file:${join(dir, 'ft.db')}`, HOST: '127.0.0.1', PORT: '0' };
let child: ReturnType<typeof spawn> | undefined;
afterAll(() => {
  // Only when a failed assertion left it running: the test itself stops it with SIGTERM.
  if (child && child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});
// Spawning tsx processes is slow on a busy two-core machine; these tests measure behaviour, not speed.
const PROCESS_TEST_TIMEOUT_MS = 120_000;

/** `followthrough <args>` as a user runs it (through tsx, as `pnpm followthrough` does). */
async function cli(...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: serverDir, env });
}

/** The JSON log lines a server process writes, and its URL once `processes` of it say they are listening. */
function logOf(server: ReturnType<typeof spawn>, processes: number): { lines: Record<string, unknown>[]; listening: Promise<string[]> } {
  const lines: Record<string, unknown>[] = [];
  let buffered = '';
  const listening = new Promise<string[]>((resolve, reject) => {
    const urls: string[] = [];
    server.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const line = JSON.parse(buffered.slice(0, nl)) as Record<string, unknown>;
        buffered = buffered.slice(nl + 1);
        lines.push(line);
        if (line.msg === 'listening') urls.push(String(line.url));
        if (urls.length === processes) resolve(urls);
      }
    });
    server.on('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
  return { lines, listening };
}

describe('the server process', () => {
  it('user add prints a token as the last line; the started server accepts it; SIGTERM stops it cleanly', async () => {
    const added = await cli('user', 'add', 'alice@acme.example', '--name', 'Alice Meyer');
    const token = added.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^ft_[A-Za-z0-9_-]{32}$/);

    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const server = child;
    const { lines, listening } = logOf(server, 1);
    const [url] = (await listening) as [string];
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const me = await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ email: 'alice@acme.example', name: 'Alice Meyer' });

    // A second token from the CLI works too; revoking the first by its prefix shuts it out.
    const second = (await cli('user', 'token', 'alice@acme.example')).stdout.trim().split('\n').at(-1)!;
    await cli('user', 'revoke', token.slice(0, 11));
    expect((await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    expect((await fetch(`${url}/v1/me`, { headers: { authorization: `Bearer ${second}` } })).status).toBe(200);

    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['listening', 'request', 'shutting down', 'stopped']));
    // The everyday routes ran once on a throwaway database before the server listened (warm-up.ts).
    expect(lines.findIndex((l) => l.msg === 'warmed up')).toBeGreaterThanOrEqual(0);
    expect(lines.findIndex((l) => l.msg === 'warmed up')).toBeLessThan(lines.findIndex((l) => l.msg === 'listening'));
    const request = lines.find((l) => l.msg === 'request' && l.path === '/v1/me');
    expect(request).toMatchObject({ method: 'GET', status: 200, requestId: expect.any(String) });
  }, PROCESS_TEST_TIMEOUT_MS);

  it('user add refuses a duplicate e-mail with exit code 2 and a clear message', async () => {
    const failure = await cli('user', 'add', 'alice@acme.example').then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('already exists');
  }, PROCESS_TEST_TIMEOUT_MS);
  it('FT_WORKERS=2: two workers share the port and both answer; SIGTERM stops them all', async () => {
    const workersDb = join(dir, 'workers.db');
    const token = (await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'user', 'add', 'bo@acme.example'], {
      cwd: serverDir,
      env: { ...env, DATABASE_URL: `file:${workersDb}` },
    })).stdout.trim().split('\n').at(-1)!;
    const primary = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: serverDir,
      env: { ...env, DATABASE_URL: `file:${workersDb}`, FT_WORKERS: '2' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = primary;
    const { lines, listening } = logOf(primary, 2);
    const urls = await listening;
    expect(urls[0]).toBe(urls[1]);
    const exited = new Promise<number | null>((resolve) => primary.on('exit', (code) => resolve(code)));
    // The workers are this process's children (Linux /proc).
    const childrenOf = (pid: number) =>
      readdirSync('/proc')
        .filter((entry) => /^\d+$/.test(entry))
        .filter((entry) => {
          try {
            return readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1] === String(pid);
          } catch {
            return false;
          }
        });
    const workers = childrenOf(primary.pid!);
    expect(workers).toHaveLength(2);

    // Many connections at once, each a new one: all answered.
    const answers = await Promise.all(
      Array.from({ length: 40 }, () => fetch(`${urls[0]}/v1/me`, { headers: { authorization: `Bearer ${token}`, connection: 'close' } })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 40 }, () => 200));
    const served = new Set(lines.filter((l) => l.msg === 'request').map((l) => l.pid));
    expect(served.size).toBe(2);

    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(workers.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
    expect(lines.filter((l) => l.msg === 'stopped')).toHaveLength(2);
  }, PROCESS_TEST_TIMEOUT_MS);
});
