import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCachedReader } from '../../src/db/cached-reader';
import { createReaderThread, type ReaderThread } from '../../src/db/reader-thread';
import { createTestDb } from '../support/test-db';

// The read paths' connection to a file database runs on a thread of its own (reader-thread.ts). What must
// hold: the event loop runs while a read does, rows are those the event loop's own reader gives, errors say
// what SQLite said, and a thread that stops costs no read.

let env: Awaited<ReturnType<typeof createTestDb>>;
let path: string;
const readers: ReaderThread[] = [];
const open = (options?: Parameters<typeof createReaderThread>[2]) => {
  const reader = createReaderThread(path, 5_000, options);
  readers.push(reader);
  return reader;
};

beforeAll(async () => {
  env = await createTestDb();
  path = env.url.slice('file:'.length);
  await env.database.client.execute('CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL, size REAL, data BLOB)');
  await env.database.client.execute({ sql: 'INSERT INTO things (name, size, data) VALUES (?, ?, ?), (?, ?, ?)', args: ['anvil', 2.5, new Uint8Array([1, 2, 3]), 'bolt', null, null] });
});
afterAll(() => {
  for (const reader of readers) reader.close();
  env.cleanup();
});

/** A statement that keeps SQLite busy for a while (a few hundred ms here), with no I/O. */
const SLOW = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) AS n FROM n';

describe('the reader thread', () => {
  it('leaves the event loop running while a read runs', async () => {
    const reader = open();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const { rows } = await reader.execute(SLOW);
      expect(rows[0]!.n).toBe(3_000_000);
    } finally {
      clearInterval(timer);
    }
    // On the event loop the statement runs in one synchronous call: no timer fires in between.
    expect(ticks).toBeGreaterThan(3);
    expect(reader.stats()).toEqual({ onThread: true, readOnThread: 1, threadsStarted: 1 });
  });

  it('gives the rows the event loop\'s reader gives, for a statement and a batch, with positional arguments', async () => {
    const reader = open();
    const inProcess = createCachedReader(path, 5_000);
    try {
      const stmts = [
        { sql: 'SELECT id, name, size, data FROM things WHERE id >= ? ORDER BY id', args: [1] },
        { sql: 'SELECT count(*) AS n, json_group_array(name) AS names FROM things WHERE name <> ?', args: ['nothing'] },
        'SELECT 1 AS one',
      ];
      for (const stmt of stmts) expect((await reader.execute(stmt)).rows).toEqual((await inProcess.execute(stmt)).rows);
      expect((await reader.batch(stmts)).map((r) => r.rows)).toEqual((await inProcess.batch(stmts)).map((r) => r.rows));
      const [anvil] = (await reader.execute({ sql: 'SELECT name, size, data FROM things WHERE name = ?', args: ['anvil'] })).rows;
      expect(anvil).toMatchObject({ name: 'anvil', size: 2.5 });
      expect([...new Uint8Array(anvil!.data as ArrayBuffer)]).toEqual([1, 2, 3]);
    } finally {
      inProcess.close();
    }
  });

  it('sees what the writer committed before the read was asked', async () => {
    const reader = open();
    await env.database.client.execute({ sql: 'INSERT INTO things (name) VALUES (?)', args: ['crate'] });
    const { rows } = await reader.execute({ sql: 'SELECT count(*) AS n FROM things WHERE name = ?', args: ['crate'] });
    expect(rows[0]!.n).toBe(1);
  });

  it('rejects a statement SQLite refuses with its message and code, and goes on reading', async () => {
    const reader = open();
    await expect(reader.execute('SELECT nope FROM things')).rejects.toMatchObject({ message: expect.stringContaining('no such column: nope'), code: 'SQLITE_ERROR' });
    await expect(reader.execute({ sql: 'SELECT ?', args: { name: 'x' } })).rejects.toThrow('named arguments are not supported');
    expect((await reader.execute('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
    expect(reader.stats().onThread).toBe(true);
  });

  it('reads in the process when its thread stops, the reads that were waiting on it included', async () => {
    const reader = open({ workerUrl: new URL('./fixtures/reader-worker-that-stops.mjs', import.meta.url) });
    const one = reader.execute({ sql: 'SELECT name FROM things WHERE id = ?', args: [1] });
    const two = reader.batch(['SELECT 3 AS three', 'SELECT 4 AS four']);
    expect((await one).rows).toEqual([{ name: 'anvil' }]);
    expect((await two).map((r) => r.rows)).toEqual([[{ three: 3 }], [{ four: 4 }]]);
    expect((await reader.execute('SELECT 5 AS five')).rows).toEqual([{ five: 5 }]);
    expect(reader.stats()).toMatchObject({ onThread: false, readOnThread: 0 });
  });

  it('answers a read on a second thread while the first is held by a long one; reads one after another use one thread', async () => {
    const finished = async (reader: ReaderThread) => {
      const order: string[] = [];
      const slow = reader.execute(SLOW).then(() => order.push('slow'));
      // The slow read has held its thread for a while when the quick one is asked.
      await new Promise((resolve) => setTimeout(resolve, 30));
      await Promise.all([slow, reader.execute('SELECT 1 AS one').then(() => order.push('quick'))]);
      return order;
    };
    const pool = open();
    expect(await finished(pool)).toEqual(['quick', 'slow']);
    expect(pool.stats().threadsStarted).toBe(2);
    // One thread answers in arrival order: the quick read waits for the slow one.
    expect(await finished(open({ threads: 1 }))).toEqual(['slow', 'quick']);

    // Reads one after another all go to the first thread: the second starts only for a read that would wait.
    const sequential = open();
    for (let i = 0; i < 5; i++) await sequential.execute('SELECT 1 AS one');
    expect(sequential.stats()).toEqual({ onThread: true, readOnThread: 5, threadsStarted: 1 });
  });

  it('keeps a steady stream of quick reads on the first thread, however long the stream', async () => {
    // Four reads always outstanding for well past the spill time: the thread is never idle, but it answers
    // every read long before that time, so nothing holds the reads behind it.
    // The thread is started first: on a busy machine its start alone can outlast the stream's time.
    const pool = open({ spillAfterMs: 50 });
    await pool.execute('SELECT 1 AS one');
    // At least 400 ms (eight spill times) and at least 200 reads, whichever is later.
    const until = performance.now() + 400;
    let answered = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (performance.now() < until || answered < 200) {
          expect((await pool.execute({ sql: 'SELECT name FROM things WHERE id = ?', args: [1] })).rows).toEqual([{ name: 'anvil' }]);
          answered++;
        }
      }),
    );
    expect(pool.stats()).toEqual({ onThread: true, readOnThread: answered + 1, threadsStarted: 1 });

    // Many reads outstanding at once (many requests): the second thread takes a share of the backlog.
    const busy = open({ spillAfterMs: 50 });
    await Promise.all(Array.from({ length: 12 }, () => busy.execute({ sql: 'SELECT name FROM things WHERE id = ?', args: [1] })));
    expect(busy.stats()).toEqual({ onThread: true, readOnThread: 12, threadsStarted: 2 });
  });

  it('spreads statements asked together over both threads and answers each in its place', async () => {
    const pool = open();
    const statements = Array.from({ length: 7 }, (_, i) => ({ sql: 'SELECT ? AS i, name FROM things WHERE id = ?', args: [i, 1 + (i % 2)] }));
    const answers = await pool.spread(statements);
    expect(answers.map((a) => a.rows.map((r) => [r.i, r.name]))).toEqual(statements.map((_, i) => [[i, i % 2 ? 'bolt' : 'anvil']]));
    // Both threads took a share, though the statements were asked in one tick (execute alone would use one).
    expect(pool.stats()).toEqual({ onThread: true, readOnThread: 7, threadsStarted: 2 });

    // A statement SQLite refuses fails the whole group, with its message.
    await expect(pool.spread(['SELECT 1 AS one', 'SELECT * FROM nowhere'])).rejects.toThrow(/no such table: nowhere/);
    // A thread held by a long read takes no share: the group is answered by the other, before the long read ends.
    const held = open();
    const order: string[] = [];
    const slow = held.execute(SLOW).then(() => order.push('slow'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    await Promise.all([slow, held.spread(['SELECT 1 AS n', 'SELECT 2 AS n', 'SELECT 3 AS n']).then(() => order.push('group'))]);
    expect(order).toEqual(['group', 'slow']);
    // One thread: the group is one batch there, in order.
    expect((await open({ threads: 1 }).spread(['SELECT 1 AS n', 'SELECT 2 AS n'])).map((a) => a.rows[0]!.n)).toEqual([1, 2]);
  });

  it("sends a statement's text to each thread once and its number after; texts past the numbered ones go whole", async () => {
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    try {
      const pool = open();
      const sent = () =>
        posted.mock.calls.flatMap(([message]) => (message as { stmts?: { textId?: number; sql?: string }[] }).stmts ?? []).map((s) => ({ numbered: s.textId !== undefined, withText: s.sql !== undefined }));
      const ask = { sql: 'SELECT ? AS n, name FROM things WHERE id = ?', args: [7, 1] };
      for (let i = 0; i < 3; i++) expect((await pool.execute({ ...ask, args: [i, 1 + (i % 2)] })).rows).toEqual([{ n: i, name: i % 2 ? 'bolt' : 'anvil' }]);
      expect(sent()).toEqual([
        { numbered: true, withText: true },
        { numbered: true, withText: false },
        { numbered: true, withText: false },
      ]);
      // Spread over both threads: the second thread is sent the text the first already knows, once.
      posted.mockClear();
      for (let round = 0; round < 2; round++) {
        const answers = await pool.spread([ask, ask]);
        expect(answers.map((a) => a.rows)).toEqual([[{ n: 7, name: 'anvil' }], [{ n: 7, name: 'anvil' }]]);
      }
      expect(pool.stats().threadsStarted).toBe(2);
      expect(sent().filter((s) => s.withText)).toHaveLength(1);

      // Many distinct texts (a statement built per call): all answered, those past the numbered ones sent whole.
      posted.mockClear();
      const many = Array.from({ length: 600 }, (_, i) => `SELECT ${i} AS n`);
      for (const sql of many) expect((await pool.execute(sql)).rows).toEqual([{ n: Number(sql.split(' ')[1]) }]);
      for (const sql of [many[0]!, many[599]!]) expect((await pool.execute(sql)).rows).toEqual([{ n: Number(sql.split(' ')[1]) }]);
      const last = sent().slice(-2);
      expect(last).toEqual([
        { numbered: true, withText: false },
        { numbered: false, withText: true },
      ]);
    } finally {
      posted.mockRestore();
    }
  });

  it('knows every text of a batch that failed at its first statement', async () => {
    // The event loop counts both texts as sent; the thread must have kept the second, which never ran.
    const pool = open({ threads: 1 });
    await expect(pool.spread(['SELECT * FROM nowhere', 'SELECT 42 AS answer'])).rejects.toThrow(/no such table: nowhere/);
    expect((await pool.execute('SELECT 42 AS answer')).rows).toEqual([{ answer: 42 }]);
    expect(pool.stats().onThread).toBe(true);
  });

  it('answers the reads asked before it was closed, and refuses those after', async () => {
    const reader = open();
    const before = reader.execute({ sql: 'SELECT name FROM things WHERE id = ?', args: [2] });
    reader.close();
    expect((await before).rows).toEqual([{ name: 'bolt' }]);
    await expect(reader.execute('SELECT 1')).rejects.toThrow('the database reader is closed');
  });
});
