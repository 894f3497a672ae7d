import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteIn, paddedLists, runAll, selectIn, sizedChunks, updateMany } from '../../src/store/sql';
import { createTestDb } from '../support/test-db';

// Multi-row statements come in a few fixed sizes so that the writer thread prepares each text once (store/sql.ts):
// whatever the number of rows or values, the statements hold them all, in order, and mean what one statement would.

describe('statement sizes', () => {
  it('cuts rows into full statements and then powers of two, in order', () => {
    const allowed = new Set([500, 256, 128, 64, 32, 16, 8, 4, 2, 1]);
    const lengths = new Set<number>();
    for (let n = 0; n <= 1_600; n++) {
      const items = Array.from({ length: n }, (_, i) => i);
      const parts = sizedChunks(items, 500);
      expect(parts.flat()).toEqual(items);
      for (const part of parts) {
        expect(allowed.has(part.length)).toBe(true);
        lengths.add(part.length);
      }
      // Largest first, and no two of the same size below a full statement (one per binary digit of the rest).
      const rest = parts.filter((p) => p.length < 500).map((p) => p.length);
      expect(rest).toEqual([...rest].sort((a, b) => b - a));
      expect(new Set(rest).size).toBe(rest.length);
    }
    expect(lengths.size).toBe(allowed.size);
  });

  it('pads the last IN list with its last value to a power of two, never past the most a list holds', () => {
    expect(paddedLists([], 2000)).toEqual([]);
    expect(paddedLists(['a'], 2000)).toEqual([['a']]);
    expect(paddedLists(['a', 'b', 'c'], 2000)).toEqual([['a', 'b', 'c', 'c']]);
    const many = Array.from({ length: 2_001 }, (_, i) => i);
    expect(paddedLists(many, 2000).map((p) => p.length)).toEqual([2000, 1]);
    const under = paddedLists(Array.from({ length: 1_500 }, (_, i) => i), 2000);
    expect(under.map((p) => p.length)).toEqual([2000]);
    expect(new Set(under[0]).size).toBe(1_500);
    for (let n = 1; n <= 2_000; n++) expect([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2000]).toContain(paddedLists(Array(n).fill(0), 2000)[0]!.length);
  });
});

describe('statements of fixed sizes on a database', () => {
  let env: Awaited<ReturnType<typeof createTestDb>>;
  beforeAll(async () => {
    env = await createTestDb();
    await env.database.client.execute('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER)');
  });
  afterAll(() => env.cleanup());

  it('reads, updates and deletes by IN lists and VALUES lists as one statement each would', async () => {
    const keys = Array.from({ length: 777 }, (_, i) => `k${i}`);
    await runAll(env.database.client, [{ sql: `INSERT INTO t (k, v) SELECT value, 0 FROM json_each(?)`, args: [JSON.stringify(keys)] }]);
    // Three values, padded to four with the last: each row once.
    const three = await selectIn(env.database.client, 'SELECT k FROM t WHERE k IN', [], ['k1', 'k2', 'k3']);
    expect(three.map((r) => r.k)).toEqual(['k1', 'k2', 'k3']);
    // 777 rows updated by key in statements of 500, 256, 16, 4 and 1 rows.
    await runAll(env.database.client, updateMany('t', ['k'], ['v'], keys.map((k, i) => [k, i + 1])));
    const sum = await env.database.client.execute('SELECT count(*) AS n, sum(v) AS total FROM t WHERE v > 0');
    expect(Number(sum.rows[0]!.n)).toBe(777);
    expect(Number(sum.rows[0]!.total)).toBe((777 * 778) / 2);
    // 300 of them deleted by a list padded to 512.
    await runAll(env.database.client, deleteIn('DELETE FROM t WHERE k IN', [], keys.slice(0, 300)));
    const left = await selectIn(env.database.client, 'SELECT k FROM t WHERE k IN', [], keys);
    expect(left.map((r) => r.k).sort()).toEqual(keys.slice(300).sort());
  });
});
