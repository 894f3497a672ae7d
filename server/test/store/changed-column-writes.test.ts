import { analysisSettingsSchema, type NormalizedMessageInput } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestMessages } from '../../src/store/ingest';
import { changedColumns } from '../../src/store/sql';
import { createTestDbWithUser } from '../support/test-db';

/**
 * When new mail extends a thread or bears on a promise, the stored row is rewritten with only the columns
 * that changed: SQLite rewrites the entries of every index on a column an UPDATE sets, even to the same
 * value, and a thread row has seven indexes, a promise nine. Triggers on the real tables record which
 * columns each UPDATE set; the stored figures must still be right.
 */
const settings = analysisSettingsSchema.parse({ me: ['ann@ours.example'], timeZone: 'Europe/Berlin' });

const message = (n: number, from: 'us' | 'them', extra: Partial<NormalizedMessageInput> = {}): NormalizedMessageInput => ({
  id: `<m${n}@example.test>`,
  threadId: 'thread-1',
  from: from === 'us' ? 'Ann <ann@ours.example>' : 'Cleo <cleo@client.example>',
  to: [from === 'us' ? 'cleo@client.example' : 'ann@ours.example'],
  date: `2026-03-0${n}T10:00:00+01:00`,
  subject: n === 1 ? 'Rollout plan' : 'Re: Rollout plan',
  text: from === 'us' ? `Here is update ${n}.` : `Could you send the plan, part ${n}?`,
  ...extra,
});

/** Columns of `threads` whose updates are recorded (every one a thread index covers, and the facts). */
const WATCHED = ['counterpart', 'first_at', 'derived_hash', 'initiated_by', 'last_contact_at', 'awaiting_side', 'facts_json'];
/** Columns of `promises` whose updates are recorded. */
const WATCHED_PROMISE = ['kept_by', 'state', 'due_at', 'original_due_at', 'snoozed_until', 'overdue_after', 'folded_through'];

let env: Awaited<ReturnType<typeof createTestDbWithUser>>;
beforeAll(async () => {
  env = await createTestDbWithUser();
  await env.database.client.execute('CREATE TABLE column_sets (col TEXT NOT NULL)');
  for (const col of WATCHED) {
    await env.database.client.execute(`CREATE TRIGGER record_${col} AFTER UPDATE OF ${col} ON threads BEGIN INSERT INTO column_sets VALUES ('${col}'); END`);
  }
  for (const col of WATCHED_PROMISE) {
    await env.database.client.execute(`CREATE TRIGGER record_promise_${col} AFTER UPDATE OF ${col} ON promises BEGIN INSERT INTO column_sets VALUES ('promises.${col}'); END`);
  }
});
afterAll(() => env.cleanup());

const setColumns = async (): Promise<string[]> => {
  const rows = (await env.database.client.execute('SELECT DISTINCT col FROM column_sets ORDER BY col')).rows;
  await env.database.client.execute('DELETE FROM column_sets');
  return rows.map((r) => String(r.col));
};

describe('a thread row rewritten when mail extends it', () => {
  it('sets the columns that changed and leaves the others (and their indexes) alone', async () => {
    await ingestMessages(env.database, env.userId, [message(1, 'them')], settings);
    expect(await setColumns()).toEqual([]);

    // Our answer: last contact, who is waiting and the facts change; client, first message, initiator and
    // the derivation's settings do not.
    await ingestMessages(env.database, env.userId, [message(2, 'us', { inReplyTo: '<m1@example.test>' })], settings);
    expect(await setColumns()).toEqual(['awaiting_side', 'facts_json', 'last_contact_at']);

    const row = (await env.database.client.execute({ sql: 'SELECT counterpart, initiated_by, awaiting_side, message_count, last_contact_at FROM threads WHERE user_id = ?', args: [env.userId] })).rows[0]!;
    expect(row).toMatchObject({ counterpart: 'client.example', initiated_by: 'them', awaiting_side: 'them', message_count: 2 });
  });

  it('a message older than the thread sets what it changes (the first message, who initiated)', async () => {
    await ingestMessages(env.database, env.userId, [message(3, 'them', { inReplyTo: '<m2@example.test>' })], settings);
    await setColumns();
    // Out of order: our mail of March 1st, before the client's first message of the same day, starts the thread.
    await ingestMessages(env.database, env.userId, [message(0, 'us', { date: '2026-03-01T08:00:00+01:00', subject: 'Rollout plan' })], settings);
    const set = await setColumns();
    expect(set).toEqual(expect.arrayContaining(['first_at', 'initiated_by', 'facts_json']));
    expect(set).not.toContain('counterpart');
    expect(set).not.toContain('derived_hash');
    const row = (await env.database.client.execute({ sql: 'SELECT initiated_by, first_at, message_count FROM threads WHERE user_id = ?', args: [env.userId] })).rows[0]!;
    expect(row).toMatchObject({ initiated_by: 'us', first_at: '2026-03-01T07:00:00.000Z', message_count: 4 });
  });
});

describe('a promise settled again when our later mail bears on it', () => {
  it('sets what the delivery changed and leaves its dates alone', async () => {
    const promise = (n: number, extra: Partial<NormalizedMessageInput>): NormalizedMessageInput => ({ ...message(n, 'us'), threadId: 'thread-2', subject: 'Invoice copies', ...extra });
    await ingestMessages(env.database, env.userId, [promise(1, { id: '<p1@example.test>', text: "I'll send you the invoice copies by Friday." })], settings);
    await setColumns();
    await ingestMessages(
      env.database,
      env.userId,
      [promise(2, { id: '<p2@example.test>', inReplyTo: '<p1@example.test>', text: 'Attached are the invoice copies.', attachments: ['invoice-copies.pdf'] })],
      settings,
    );
    const set = (await setColumns()).filter((c) => c.startsWith('promises.'));
    expect(set).toEqual(expect.arrayContaining(['promises.kept_by', 'promises.state', 'promises.folded_through']));
    expect(set).not.toContain('promises.due_at');
    expect(set).not.toContain('promises.original_due_at');
    expect(set).not.toContain('promises.snoozed_until');
    const row = (await env.database.client.execute({ sql: "SELECT state, kept_by FROM promises WHERE user_id = ? AND thread_id <> ''", args: [env.userId] })).rows;
    expect(row).toEqual([expect.objectContaining({ state: 'kept', kept_by: '<p2@example.test>' })]);
  });
});

describe('changedColumns', () => {
  const columns = ['"a"', '"b"', '"c"'];
  it('groups rows by the columns that differ, and writes nothing for a row that is unchanged', () => {
    const updates = changedColumns(columns);
    updates.add(['u', 1], ['x', 1, null], ['x', 2, null]);
    updates.add(['u', 2], ['x', 1, null], ['y', 1, 'z']);
    updates.add(['u', 3], ['x', 5, 'q'], ['x', 6, 'q']);
    updates.add(['u', 4], ['x', 1, null], ['x', 1, null]);
    const statements = updates.statements('"t"', ['"user_id"', '"id"']);
    expect(statements).toHaveLength(2);
    expect(statements[0]!.sql).toMatch(/SET "b" = v\.column3\s/);
    expect(statements[0]!.args).toEqual(['u', 1, 2, 'u', 3, 6]);
    expect(statements[1]!.sql).toMatch(/SET "a" = v\.column3, "c" = v\.column4\s/);
    expect(statements[1]!.args).toEqual(['u', 2, 'y', 'z']);
  });

  it('counts a value of another type as changed (a number stored as text is written again)', () => {
    const updates = changedColumns(columns);
    updates.add(['u', 1], ['1', null, null], [1, null, null]);
    updates.add(['u', 2], [null, null, null], [null, '', null]);
    expect(updates.statements('"t"', ['"user_id"', '"id"']).map((s) => s.args)).toEqual([['u', 1, 1], ['u', 2, '']]);
  });
});
