import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { turnBufferedLines } from '../../src/http/logger';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

// The server's log lines go out once per turn of the event loop, not one system call each. What must hold:
// every line arrives, in order, whole; nothing waits past its turn; nothing is lost when the process exits.
describe('log lines written a turn at a time', () => {
  it("writes a turn's lines together, in order, once the turn ends", async () => {
    const chunks: string[] = [];
    const lines = turnBufferedLines((chunk) => chunks.push(chunk));
    lines.write('{"n":1}');
    lines.write('{"n":2}');
    lines.write('{"n":3}');
    expect(chunks).toEqual([]);
    await nextTurn();
    expect(chunks).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n']);
    lines.write('{"n":4}');
    await nextTurn();
    expect(chunks).toEqual(['{"n":1}\n{"n":2}\n{"n":3}\n', '{"n":4}\n']);
  });

  it('does not hold a long turn\'s lines until it ends', async () => {
    const chunks: string[] = [];
    const lines = turnBufferedLines((chunk) => chunks.push(chunk));
    const line = JSON.stringify({ msg: 'x'.repeat(1000) });
    for (let i = 0; i < 200; i++) lines.write(line);
    // 200 kB in one turn: written as it grows, not kept whole.
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    await nextTurn();
    expect(chunks.join('')).toBe(`${line}\n`.repeat(200));
  });

  it("writes what is left when the process exits, from the server's own logger", () => {
    const script = `
      import { createJsonLogger } from ${JSON.stringify(join(__dirname, '../../src/http/logger'))};
      // Two loggers on stdout (the server's and a worker's, say): one buffer, their lines in the order written.
      const logger = createJsonLogger();
      const other = createJsonLogger(undefined, { pid: 7 });
      for (let i = 0; i < 3; i++) (i === 1 ? other : logger).info('line', { i });
      process.exit(0);`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: join(__dirname, '../..'), encoding: 'utf8', timeout: 60_000 });
    // No warning of listeners piling up on 'exit' either.
    expect(run.stderr).toBe('');
    const logged = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; i: number; level: string });
    expect(logged.map((l) => [l.level, l.msg, l.i])).toEqual([['info', 'line', 0], ['info', 'line', 1], ['info', 'line', 2]]);
  }, 60_000);
});
