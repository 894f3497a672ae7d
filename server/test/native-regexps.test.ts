import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { serverDir } from './cli/cli-process';

const run = promisify(execFile);

// A fresh pattern run once, then asked (V8's test natives) whether it holds interpreter bytecode and machine code
// for one-byte subjects: before native-regexps.ts (bytecode first, whatever else), then after it (machine code only).
const PROBE = `
const has = new Function('r', 'return [%RegexpHasBytecode(r, true), %RegexpHasNativeCode(r, true)]');
const probe = (source) => { const r = new RegExp(source, 'i'); r.test('we will send the deck'); return has(r); };
const before = probe('(?:send|share) the (?:deck|plan)');
await import('./src/native-regexps.ts');
const after = probe('(?:send|share) the (?:report|notes)');
console.log(JSON.stringify({ before, after }));
`;

describe('native-regexps', () => {
  it('makes V8 compile a pattern straight to machine code, where by default it first compiles bytecode', async () => {
    const { stdout } = await run(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', PROBE], { cwd: serverDir });
    const { before, after } = JSON.parse(stdout.trim()) as { before: [boolean, boolean]; after: [boolean, boolean] };
    expect(before[0]).toBe(true);
    expect(after).toEqual([false, true]);
  });

  // It acts only on patterns compiled after it runs: each entry point imports it before anything else.
  it.each(['src/cli/main.ts', 'src/main.ts', 'bench/mailbox-worker.ts'])('is the first import of %s', (file) => {
    const firstImport = /^import .*$/m.exec(readFileSync(join(serverDir, file), 'utf8'))?.[0];
    expect(firstImport).toMatch(/^import '(?:\.\.?\/)+(?:src\/)?native-regexps';$/);
  });
});
