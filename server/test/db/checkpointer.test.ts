import { statSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, migrate, type Database } from '../../src/db/index';
import { createTestDb } from '../support/test-db';

// With a checkpointer thread the writer's own checkpoint waits for 16,384 pages of WAL; the pages of a
// few megabytes written reach the database file only if the thread copies them.

const made: Database[] = [];
let env: Awaited<ReturnType<typeof createTestDb>>;
afterAll(() => {
  for (const d of made) d.close();
  env?.cleanup();
});

async function writeMegabytes(database: Database, megabytes: number): Promise<void> {
  await database.client.execute('CREATE TABLE IF NOT EXISTS filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  const body = 'x'.repeat(4000);
  for (let i = 0; i < megabytes * 4; i++) {
    await database.client.batch(Array.from({ length: 64 }, () => ({ sql: 'INSERT INTO filler (body) VALUES (?)', args: [body] })), 'write');
  }
}

describe('the checkpointer thread', () => {
  it('copies the WAL into the database file while the writer keeps going', async () => {
    env = await createTestDb();
    const path = env.url.slice('file:'.length);
    const database = await createDb(env.url, undefined, { checkpointInBackground: true });
    made.push(database);
    await migrate(database);
    // The writer leaves 4 MB of WAL alone: what reaches the file is the thread's doing.
    expect(Number(Object.values((await database.client.execute('PRAGMA wal_autocheckpoint')).rows[0]!)[0])).toBe(16_384);
    const before = statSync(path).size;
    await writeMegabytes(database, 4);
    let grown = statSync(path).size;
    for (let i = 0; i < 50 && grown < before + 3_000_000; i++) {
      await new Promise((r) => setTimeout(r, 100));
      grown = statSync(path).size;
    }
    expect(grown).toBeGreaterThan(before + 3_000_000);
    const [{ n }] = (await database.reader.execute('SELECT count(*) AS n FROM filler')).rows as unknown as [{ n: number }];
    expect(Number(n)).toBe(4 * 4 * 64);
  });
});
