import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
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
});
