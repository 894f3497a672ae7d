import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ENGINE_NODE_FLAGS } from '../src/engine-node-flags';
import { serverDir } from './cli/cli-process';

const run = promisify(execFile);

// A fresh pattern run once, then asked (V8's test natives) whether it holds interpreter bytecode and machine code for
// one-byte subjects.
const PROBE = `
const r = new RegExp('(?:send|share) the (?:deck|plan)', 'i');
r.test('we will send the deck');
const has = new Function('r', 'return [%RegexpHasBytecode(r, true), %RegexpHasNativeCode(r, true)]');
console.log(JSON.stringify(has(r)));
`;

async function probe(flags: readonly string[]): Promise<[boolean, boolean]> {
  const { stdout } = await run(process.execPath, [...flags, '--allow-natives-syntax', '-e', PROBE]);
  return JSON.parse(stdout.trim()) as [boolean, boolean];
}

describe('ENGINE_NODE_FLAGS', () => {
  it('make V8 compile a pattern straight to machine code, where by default it first compiles bytecode', async () => {
    expect((await probe([]))[0]).toBe(true);
    expect(await probe(ENGINE_NODE_FLAGS)).toEqual([false, true]);
  });

  // The flags act only from the node command line: each script that runs the engine at volume starts node with them.
  it.each([
    ['package.json', 'followthrough', 'server/src/cli/main.ts'],
    ['server/package.json', 'start', 'src/main.ts'],
    ['server/package.json', 'cli', 'src/cli/main.ts'],
  ])('are on the command line of %s script "%s"', (file, script, entry) => {
    const scripts = (JSON.parse(readFileSync(join(serverDir, '..', file), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts[script]).toBe(['node', ...ENGINE_NODE_FLAGS, '--import', 'tsx', entry].join(' '));
  });

  // npx and pnpm link run bin/followthrough.js, whose shebang cannot carry the flags: it starts node again with them.
  it('reach the CLI through the followthrough bin, which ends as the CLI ended', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ft-bin-flags-'));
    try {
      // Preloaded into every node process the bin starts (NODE_OPTIONS is inherited): each main thread records its
      // flags (tsx's loader runs on a thread of its own, which preloads it too).
      const recorder = join(dir, 'record-flags.cjs');
      const record = join(dir, 'flags.jsonl');
      writeFileSync(recorder, `if (require('node:worker_threads').isMainThread) require('node:fs').appendFileSync(${JSON.stringify(record)}, JSON.stringify(process.execArgv) + '\\n');`);
      const env = { PATH: process.env.PATH ?? '', NODE_OPTIONS: `--require ${recorder}` };
      const { stdout } = await run(process.execPath, [join(serverDir, 'bin/followthrough.js'), '--help'], { env });
      expect(stdout).toContain('Usage: followthrough <command>');
      const started = readFileSync(record, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as string[]);
      expect(started).toHaveLength(2);
      expect(started[0]).not.toContain(ENGINE_NODE_FLAGS[0]);
      expect(started[1]).toEqual(expect.arrayContaining([...ENGINE_NODE_FLAGS]));

      const failed = await run(process.execPath, [join(serverDir, 'bin/followthrough.js'), 'no-such-command'], { env }).then(() => null, (error: { code: number; stderr: string }) => error);
      expect(failed?.code).toBe(2);
      expect(failed?.stderr).toContain('unknown command "no-such-command"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
