import { LibsqlError } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Database } from '../../src/db/index';
import { createTestDb } from '../support/test-db';

// The server runs the read routes' SQL on threads (thread-reader.ts). What must hold: the event loop runs
// while a read does, a quick read does not wait behind a slow one, and callers get the rows, errors and
// snapshots the reader on the event loop (cached-reader.ts) gives them.

let env: Awaited<ReturnType<typeof createTestDb>>;
let threaded: Database;
beforeAll(async () => {
  env = await createTestDb();
  const { client } = env.database;
  await client.execute('CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL, size REAL)');
  await client.execute({ sql: 'INSERT INTO things (name, size) VALUES (?, ?), (?, ?), (?, NULL)', args: ['anvil', 2.5, 'bell', 1, 'crate'] });
  threaded = await createDb(env.url, undefined, { readThreads: 2 });
});
afterAll(() => {
  threaded.close();
  env.cleanup();
});

/** A read that keeps SQLite busy for a while (a few hundred ms here), with no I/O. */
const SLOW = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) AS n FROM n';

describe('reads on threads', () => {
  it('give the rows the reader on the event loop gives, by column name and by index', async () => {
    const statement = { sql: 'SELECT id, name, size, id * 2 AS twice FROM things WHERE id >= ? ORDER BY id', args: [1] };
    const onThreads = (await threaded.reader.execute(statement)).rows;
    const onLoop = (await env.database.reader.execute(statement)).rows;
    expect(onThreads.map((r) => [r.id, r.name, r.size, r.twice])).toEqual(onLoop.map((r) => [r.id, r.name, r.size, r.twice]));
    expect(onThreads.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      [1, 'anvil', 2.5, 2],
      [2, 'bell', 1, 4],
      [3, 'crate', null, 6],
    ]);
  });

  it('leave the event loop running while a read runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const { rows } = await threaded.reader.execute(SLOW);
      expect(rows[0]!.n).toBe(3_000_000);
    } finally {
      clearInterval(timer);
    }
    // On the event loop the read runs in one synchronous call: no timer fires until it ends.
    expect(ticks).toBeGreaterThan(3);
  });

  it('answer a quick read while another thread runs a slow one', async () => {
    const finished: string[] = [];
    const slow = threaded.reader.execute(SLOW).then(() => finished.push('slow'));
    const quick = threaded.reader.execute('SELECT count(*) AS n FROM things').then(() => finished.push('quick'));
    await Promise.all([slow, quick]);
    expect(finished).toEqual(['quick', 'slow']);
  });

  it('reject a failing statement with the SQLite code and go on serving', async () => {
    const failure = await threaded.reader.execute('SELECT name FROM nowhere').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LibsqlError);
    expect((failure as LibsqlError).code).toBe('SQLITE_ERROR');
    expect((failure as LibsqlError).message).toMatch(/no such table: nowhere/);
    expect((await threaded.reader.execute('SELECT count(*) AS n FROM things')).rows[0]!.n).toBe(3);
  });

  it('read a batch in one snapshot, and see what was committed before it', async () => {
    await env.database.client.execute({ sql: 'INSERT INTO things (name) VALUES (?)', args: ['drum'] });
    const [count, names] = await threaded.reader.batch(['SELECT count(*) AS n FROM things', 'SELECT group_concat(name) AS names FROM things']);
    expect(count!.rows[0]!.n).toBe(4);
    expect(names!.rows[0]!.names).toBe('anvil,bell,crate,drum');
  });
});
