import { describe, expect, it } from 'vitest';
import { threads } from '../../src/db/schema/index';
import { indexNamed, names } from '../../src/store/sql';

describe('plain SQL built from the schema', () => {
  it('quotes table and column names as the schema declares them', () => {
    const T = names(threads);
    expect(T.$).toBe('"threads"');
    expect(T.lastContactAt).toBe('"last_contact_at"');
  });

  it('names an index only if the schema has it, so a renamed index fails when the module loads', () => {
    expect(indexNamed(threads, 'threads_awaiting_idx')).toBe('"threads_awaiting_idx"');
    expect(() => indexNamed(threads, 'threads_no_such_idx')).toThrow(/no index threads_no_such_idx on threads/);
  });
});
