import { describe, expect, it } from 'vitest';
import { insertMany, ROWS_PER_INSERT } from '../../src/store/sql';

// insertMany keeps its texts by shape: the same shape must give the same text, and every shape its own.

/** The row counts of n rows' statements: as many of ROWS_PER_INSERT as fit, then the rest by its binary digits. */
function sizesOf(n: number): number[] {
  const sizes = Array<number>(Math.floor(n / ROWS_PER_INSERT)).fill(ROWS_PER_INSERT);
  const rest = n % ROWS_PER_INSERT;
  for (let bit = 256; bit >= 1; bit /= 2) if (rest & bit) sizes.push(bit);
  return sizes;
}
describe('insertMany', () => {
  it('gives each shape its own text, the same one each time, past the texts it keeps as well', () => {
    const expected = (table: string, columns: string[], rows: number, tail: string) =>
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => `(${columns.map(() => '?').join(',')})`).join(',')} ${tail}`;
    const first = insertMany('"t"', ['"a"', '"b"'], [[1, 2], [3, 4]], 'ON CONFLICT DO NOTHING');
    expect(first).toEqual([{ sql: expected('"t"', ['"a"', '"b"'], 2, 'ON CONFLICT DO NOTHING'), args: [1, 2, 3, 4] }]);
    // Many shapes (more than are kept: 60 tables, two tails, every row count up to 600 in its few sizes), then the
    // first ones again: each text still its own shape's, and the rows in their order across the statements.
    for (let round = 0; round < 2; round++) {
      for (let n = 1; n <= 600; n++) {
        const table = `"u${n % 60}"`;
        const rows = Array.from({ length: n }, (_, i) => [i, `v${i}`, null]);
        const tail = n % 2 ? '' : 'ON CONFLICT DO NOTHING';
        const stmts = insertMany(table, ['"x"', '"y"', '"z"'], rows, tail);
        expect(stmts.map((s) => (s as { sql: string }).sql)).toEqual(sizesOf(n).map((size) => expected(table, ['"x"', '"y"', '"z"'], size, tail)));
        expect(stmts.flatMap((s) => (s as { args: unknown[] }).args)).toEqual(rows.flat());
      }
    }
    // Another table or other columns with the same row count: not the first one's text.
    expect((insertMany('"v"', ['"a"', '"b"'], [[1, 2], [3, 4]], 'ON CONFLICT DO NOTHING')[0] as { sql: string }).sql).toBe(expected('"v"', ['"a"', '"b"'], 2, 'ON CONFLICT DO NOTHING'));
    expect((insertMany('"t"', ['"a"', '"c"'], [[1, 2], [3, 4]], 'ON CONFLICT DO NOTHING')[0] as { sql: string }).sql).toBe(expected('"t"', ['"a"', '"c"'], 2, 'ON CONFLICT DO NOTHING'));
    expect((insertMany('"t"', ['"a"', '"b"'], [[1, 2], [3, 4]])[0] as { sql: string }).sql).toBe(expected('"t"', ['"a"', '"b"'], 2, ''));
  });
});
