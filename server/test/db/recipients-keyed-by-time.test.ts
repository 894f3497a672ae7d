import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate as drizzleMigrate } from 'drizzle-orm/libsql/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, migrate, MIGRATIONS_FOLDER, type Database } from '../../src/db/index';
import { createUser } from '../../src/store/users';

// Migration 0010 puts the time into the keys of evidence_recipients and promise_recipients and drops their
// (address, time) indexes, which the keys now are. A database with rows from before must keep every row, and the
// keys must still make a second copy of a row a conflict (ingest writes them with ON CONFLICT DO NOTHING).

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** The committed migrations up to and including `lastTag`, in a folder of their own. */
function migrationsUpTo(lastTag: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'ft-migrations-'));
  dirs.push(folder);
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  expect(last).toBeGreaterThanOrEqual(0);
  for (const e of journal.entries.slice(last + 1)) rmSync(join(folder, `${e.tag}.sql`));
  journal.entries = journal.entries.slice(0, last + 1);
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

async function rows(database: Database, sql: string): Promise<unknown[]> {
  return (await database.client.execute(sql)).rows.map((r) => ({ ...r }));
}

describe('migration 0010: recipients keyed by address and time', () => {
  it('keeps every row written before it, and a second copy of a row is still a conflict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ft-api-'));
    dirs.push(dir);
    const database = await createDb(`file:${join(dir, 'test.db')}`);
    try {
      await drizzleMigrate(database.db, { migrationsFolder: migrationsUpTo('0009_drop-evidence-counterpart-index') });
      const { userId } = await createUser(database.db, { email: 'ann@ours.example', now: new Date('2026-11-20T09:00:00Z') });
      await database.client.batch(
        [
          { sql: 'INSERT INTO evidence_recipients (user_id, address, counterpart, at, message_id) VALUES (?, ?, ?, ?, ?)', args: [userId, 'cleo@client.example', 'client.example', '2026-11-02T10:00:00.000Z', 'm2@ours.example'] },
          { sql: 'INSERT INTO evidence_recipients (user_id, address, counterpart, at, message_id) VALUES (?, ?, ?, ?, ?)', args: [userId, 'cleo@client.example', 'client.example', '2026-11-01T10:00:00.000Z', 'm1@ours.example'] },
          { sql: 'INSERT INTO evidence_recipients (user_id, address, counterpart, at, message_id) VALUES (?, ?, ?, ?, ?)', args: [userId, 'dan@client.example', null, '2026-11-01T10:00:00.000Z', 'm1@ours.example'] },
          { sql: 'INSERT INTO promise_recipients (user_id, address, made_at, promise_id) VALUES (?, ?, ?, ?)', args: [userId, 'cleo@client.example', '2026-10-30T10:00:00.000Z', 'p1'] },
          { sql: 'INSERT INTO promise_recipients (user_id, address, made_at, promise_id) VALUES (?, ?, ?, ?)', args: [userId, 'dan@client.example', '2026-10-30T10:00:00.000Z', 'p1'] },
        ],
        'write',
      );
      const evidenceBefore = await rows(database, 'SELECT * FROM evidence_recipients ORDER BY address, message_id');
      const promisesBefore = await rows(database, 'SELECT * FROM promise_recipients ORDER BY address, promise_id');

      await migrate(database);

      expect(await rows(database, 'SELECT * FROM evidence_recipients ORDER BY address, message_id')).toEqual(evidenceBefore);
      expect(await rows(database, 'SELECT * FROM promise_recipients ORDER BY address, promise_id')).toEqual(promisesBefore);
      await database.client.execute({ sql: 'INSERT INTO evidence_recipients (user_id, address, counterpart, at, message_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING', args: [userId, 'cleo@client.example', 'client.example', '2026-11-01T10:00:00.000Z', 'm1@ours.example'] });
      await database.client.execute({ sql: 'INSERT INTO promise_recipients (user_id, address, made_at, promise_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', args: [userId, 'cleo@client.example', '2026-10-30T10:00:00.000Z', 'p1'] });
      expect(await rows(database, 'SELECT count(*) AS n FROM evidence_recipients')).toEqual([{ n: 3 }]);
      expect(await rows(database, 'SELECT count(*) AS n FROM promise_recipients')).toEqual([{ n: 2 }]);
      // One b-tree less to write per row: the key serves the lookups by address and time.
      expect((await rows(database, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('evidence_recipients', 'promise_recipients') ORDER BY name")).map((r) => (r as { name: string }).name)).toEqual([
        'evidence_recipients_counterpart_idx',
        'sqlite_autoindex_evidence_recipients_1',
        'sqlite_autoindex_promise_recipients_1',
      ]);
      // The user's rows still go with the user.
      await database.client.execute({ sql: 'PRAGMA foreign_keys = ON' });
      await database.client.execute({ sql: 'DELETE FROM users WHERE id = ?', args: [userId] });
      expect(await rows(database, 'SELECT (SELECT count(*) FROM evidence_recipients) + (SELECT count(*) FROM promise_recipients) AS n')).toEqual([{ n: 0 }]);
    } finally {
      database.close();
      await database.whenClosed();
    }
  });
});
