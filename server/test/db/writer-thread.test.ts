import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LibsqlBatchError, LibsqlError } from '@libsql/client';
import Database from 'libsql';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '../../src/db/index';
import { canWriteAhead } from '../../src/db/write-ahead';
import { createWriterThreadClient } from '../../src/db/writer-thread';
import { createTestDb } from '../support/test-db';

// The writer connection of a file database runs on a thread of its own (writer-thread.ts). What must hold:
// the event loop runs while a statement does, and callers see what @libsql/client would have given them.

let env: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  env = await createTestDb();
  await env.database.client.execute('CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, size REAL, data BLOB)');
});
afterAll(() => env.cleanup());

/** A statement that keeps SQLite busy for a while (a few hundred ms here), with no I/O. */
const SLOW = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) AS n FROM n';

describe('the writer thread', () => {
  it('leaves the event loop running while a statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    try {
      const result = await env.database.client.execute(SLOW);
      expect(result.rows[0]!.n).toBe(3_000_000);
    } finally {
      clearInterval(timer);
    }
    // On the event loop the statement would have run in one synchronous call: no timer in between.
    expect(ticks).toBeGreaterThan(3);
  });

  it('gives rows by index and by column name, integers as numbers and blobs as ArrayBuffers', async () => {
    const client = env.database.client;
    const insert = await client.execute({ sql: 'INSERT INTO things (name, size, data) VALUES (?, ?, ?)', args: ['anvil', 2.5, new Uint8Array([1, 2, 3])] });
    expect(insert.rowsAffected).toBe(1);
    expect(typeof insert.lastInsertRowid).toBe('bigint');
    const { rows, columns } = await client.execute({ sql: 'SELECT id, name, size, data, id AS again FROM things WHERE name = ?', args: ['anvil'] });
    expect(columns).toEqual(['id', 'name', 'size', 'data', 'again']);
    const row = rows[0]!;
    expect([row.name, row[1], row.size, row.length]).toEqual(['anvil', 'anvil', 2.5, 5]);
    expect(typeof row.id).toBe('number');
    expect([...new Uint8Array(row.data as ArrayBuffer)]).toEqual([1, 2, 3]);
    // Enumerable by name only, as drizzle expects (it copies rows with Object.keys).
    expect(Object.keys(row)).toEqual(['id', 'name', 'size', 'data', 'again']);
    expect(Array.prototype.slice.call(row)).toHaveLength(5);
  });

  it('gives every row of a result its own values by index, also where a name repeats or is a number', async () => {
    const client = env.database.client;
    const many = await client.execute("SELECT name, size FROM (SELECT 'a' AS name, 1 AS size UNION ALL SELECT 'b', 2 UNION ALL SELECT 'c', 3) ORDER BY name");
    expect(many.rows.map((r) => [r[0], r[1], r.name, r.size, r.length])).toEqual([['a', 1, 'a', 1, 2], ['b', 2, 'b', 2, 2], ['c', 3, 'c', 3, 2]]);
    expect(many.rows.map((r) => JSON.stringify(r))).toEqual(['{"name":"a","size":1}', '{"name":"b","size":2}', '{"name":"c","size":3}']);
    // A repeated name: by name the first, by index each.
    const repeated = (await client.execute("SELECT 'x' AS v, 'y' AS v")).rows[0]!;
    expect([repeated.v, repeated[0], repeated[1], repeated.length]).toEqual(['x', 'x', 'y', 2]);
    // Names that are an index or "length" are hidden by them, as in @libsql/client's rows; by index all are there.
    const odd = (await client.execute("SELECT 7 AS length, 'z' AS \"0\", 1")).rows[0]!;
    expect([odd[0], odd[1], odd[2], odd.length, Object.keys(odd)]).toEqual([7, 'z', 1, 3, []]);
  });

  it('stores long argument lists exactly, whether they travel as JSON text or value by value', async () => {
    const client = env.database.client;
    // 40 rows of 3 values: over the length from which plain strings and numbers travel as JSON text.
    const texts = ['plain', 'ümlaut ✓', 'emoji 🙂', 'lone \ud800 surrogate', 'quote " and \\ backslash', 'line\nbreak', '', '\u0000nul'];
    const sizes = [0, -0, 1.5, -2.25, Number.MAX_SAFE_INTEGER, 1e-300, 123456789.123];
    const rowsOf = (prefix: string, extra: (i: number) => unknown) =>
      Array.from({ length: 40 }, (_, i) => [`${prefix}-${i}-${texts[i % texts.length]}`, i % 5 === 0 ? null : sizes[i % sizes.length]!, extra(i)]);
    const insertAll = (rows: unknown[][]) =>
      client.execute({ sql: `INSERT INTO things (name, size, data) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`, args: rows.flat() as never });
    // Only strings, numbers and null: sent as JSON text.
    const plain = rowsOf('json', () => null);
    // A blob among them: sent value by value, as the driver needs it.
    const mixed = rowsOf('values', (i) => (i === 7 ? new Uint8Array([9, 8, 7]) : null));
    expect((await insertAll(plain)).rowsAffected).toBe(40);
    expect((await insertAll(mixed)).rowsAffected).toBe(40);
    const storedOf = async (prefix: string) =>
      (await client.execute({ sql: 'SELECT name, size FROM things WHERE name LIKE ? ORDER BY id', args: [`${prefix}-%`] })).rows.map((r) => [
        String(r.name).slice(prefix.length),
        r.size,
      ]);
    const viaJson = await storedOf('json');
    // The same text and numbers either way, including what the driver itself does to a lone surrogate
    // (U+FFFD) and to a NUL (the end of the text).
    expect(viaJson).toEqual(await storedOf('values'));
    expect(viaJson.map(([, size]) => size)).toEqual(plain.map((r) => (Object.is(r[1], -0) ? 0 : r[1])));
    expect(viaJson.slice(0, 3).map(([name]) => name)).toEqual(['-0-plain', '-1-ümlaut ✓', '-2-emoji 🙂']);
    const blob = await client.execute({ sql: 'SELECT data FROM things WHERE name = ?', args: [mixed[7]![0] as string] });
    expect([...new Uint8Array(blob.rows[0]!.data as ArrayBuffer)]).toEqual([9, 8, 7]);
    // A value SQLite cannot take fails as it does value by value, whatever the list's length.
    const bad = rowsOf('bad', () => null);
    bad[3]![1] = Number.NaN;
    await expect(insertAll(bad)).rejects.toThrow(/finite numbers/);
  });

  it('puts long strings back in their places when they travel beside the JSON text', async () => {
    const client = env.database.client;
    // 40 rows of 3 values, as JSON text; every third name is long (stored JSON, as ingest sends) and travels apart.
    const longText = (i: number) => `${JSON.stringify({ id: `<m${i}@x.example>`, subject: 'Re: "quote" ✓ 🙂', body: 'x'.repeat(150) })}`;
    const rows = Array.from({ length: 40 }, (_, i) => [i % 3 === 0 ? `long-${i}-${longText(i)}` : `long-${i}-short`, i % 4 === 0 ? null : i * 1.5, null]);
    await client.execute({ sql: `INSERT INTO things (name, size, data) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`, args: rows.flat() as never });
    const stored = await client.execute({ sql: "SELECT name, size FROM things WHERE name LIKE 'long-%' ORDER BY id", args: [] });
    expect(stored.rows.map((r) => [r.name, r.size])).toEqual(rows.map((r) => [r[0], r[1]]));
  });

  it("sends a statement's text once and its number after, in batches too; texts past the numbered ones go whole", async () => {
    const posted = vi.spyOn(Worker.prototype, 'postMessage');
    // Its own thread, with room for three numbered texts.
    const client = await createWriterThreadClient(join(env.dir, 'test.db'), 1000, { numberedTexts: 3 });
    try {
      const sent = () =>
        posted.mock.calls
          .flatMap(([message]) => {
            const m = message as { stmt?: { textId?: number; sql?: string }; stmts?: { textId?: number; sql?: string }[] };
            return m.stmts ?? (m.stmt ? [m.stmt] : []);
          })
          .map((s) => ({ numbered: s.textId !== undefined, withText: s.sql !== undefined }));
      const ask = { sql: 'SELECT ? AS n, ? AS name', args: [7, 'anvil'] };
      for (let i = 0; i < 3; i++) expect((await client.execute({ ...ask, args: [i, `anvil ${i}`] })).rows.map((r) => [r.n, r.name])).toEqual([[i, `anvil ${i}`]]);
      expect(sent()).toEqual([
        { numbered: true, withText: true },
        { numbered: true, withText: false },
        { numbered: true, withText: false },
      ]);

      // A batch that fails at its first statement: the text of the one after was sent all the same, and known after.
      posted.mockClear();
      const after = { sql: 'SELECT ? AS n', args: [5] };
      const tx = await client.transaction('write');
      await expect(tx.batch([{ sql: 'INSERT INTO things (id, name) VALUES (?, ?)', args: [1_000_000, null] }, after])).rejects.toThrow(/NOT NULL/);
      expect((await tx.execute(after)).rows.map((r) => r.n)).toEqual([5]);
      tx.close();
      expect(sent().slice(-1)).toEqual([{ numbered: true, withText: false }]);

      // More distinct texts than the numbered ones: all answered, those past them sent whole each time.
      posted.mockClear();
      const many = Array.from({ length: 6 }, (_, i) => `SELECT ${i} AS n`);
      for (const sql of [...many, ...many]) expect((await client.execute(sql)).rows.map((r) => r.n)).toEqual([Number(sql.split(' ')[1])]);
      expect(sent().slice(-6)).toEqual(Array.from({ length: 6 }, () => ({ numbered: false, withText: true })));
      // The numbered ones are still answered by number.
      expect((await client.execute(ask)).rows.map((r) => r.n)).toEqual([7]);
      expect(sent().slice(-1)).toEqual([{ numbered: true, withText: false }]);
    } finally {
      client.close();
      posted.mockRestore();
    }
  });

  it('fails with the SQLite codes @libsql/client gives, naming the statement of a batch', async () => {
    const client = env.database.client;
    await client.execute({ sql: 'INSERT INTO things (name) VALUES (?)', args: ['hammer'] });
    const duplicate = await client.execute({ sql: 'INSERT INTO things (name) VALUES (?)', args: ['hammer'] }).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(LibsqlError);
    expect((duplicate as LibsqlError).code).toBe('SQLITE_CONSTRAINT');
    expect((duplicate as LibsqlError).extendedCode).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect((duplicate as LibsqlError).message).toMatch(/^SQLITE_CONSTRAINT: UNIQUE constraint failed: things.name/);

    const failed = await client
      .batch([{ sql: 'INSERT INTO things (name) VALUES (?)', args: ['chisel'] }, { sql: 'INSERT INTO things (name) VALUES (?)', args: ['hammer'] }], 'write')
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(LibsqlBatchError);
    expect((failed as LibsqlBatchError).statementIndex).toBe(1);
    // The batch was one transaction: the first insert went with it.
    expect((await client.execute({ sql: 'SELECT count(*) AS n FROM things WHERE name = ?', args: ['chisel'] })).rows[0]!.n).toBe(0);

    await expect(client.execute({ sql: 'SELECT ?', args: [undefined as unknown as null] })).rejects.toThrow(TypeError);
  });

  it("runs a transaction's batch in order, and stops it at the first statement that fails", async () => {
    const client = env.database.client;
    const tx = await client.transaction('write');
    const results = await tx.batch([
      { sql: 'INSERT INTO things (name) VALUES (?)', args: ['gimlet'] },
      { sql: 'SELECT name FROM things WHERE name = ?', args: ['gimlet'] },
    ]);
    // The second statement saw the first: they ran in order, in the transaction.
    expect(results.map((r) => r.rows.length)).toEqual([0, 1]);
    const failed = await tx
      .batch([
        { sql: 'INSERT INTO things (name) VALUES (?)', args: ['awl'] },
        { sql: 'INSERT INTO things (name) VALUES (?)', args: ['gimlet'] },
        { sql: 'INSERT INTO things (name) VALUES (?)', args: ['rasp'] },
      ])
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(LibsqlBatchError);
    expect((failed as LibsqlBatchError).statementIndex).toBe(1);
    expect((failed as LibsqlBatchError).extendedCode).toBe('SQLITE_CONSTRAINT_UNIQUE');
    const seen = await tx.execute("SELECT name FROM things WHERE name IN ('awl', 'rasp') ORDER BY name");
    expect(seen.rows.map((r) => r.name)).toEqual(['awl']);
    await tx.rollback();
    const kept = await client.execute("SELECT count(*) AS n FROM things WHERE name IN ('gimlet', 'awl', 'rasp')");
    expect(kept.rows[0]!.n).toBe(0);
  });

  it('runs nothing more of a batch once SQLite has rolled its transaction back (the rest would commit on their own)', async () => {
    const client = env.database.client;
    const tx = await client.transaction('write');
    // ROLLBACK stands for a failure SQLite answers by ending the transaction (SQLITE_FULL, IOERR).
    const failed = await tx
      .batch([{ sql: 'INSERT INTO things (name) VALUES (?)', args: ['plane'] }, 'ROLLBACK', { sql: 'INSERT INTO things (name) VALUES (?)', args: ['file'] }])
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(LibsqlBatchError);
    expect((failed as LibsqlBatchError).statementIndex).toBe(2);
    tx.close();
    const kept = await client.execute("SELECT count(*) AS n FROM things WHERE name IN ('plane', 'file')");
    expect(kept.rows[0]!.n).toBe(0);
  });

  it('rolls back a transaction that is closed without a commit, before anything asked after it', async () => {
    const client = env.database.client;
    const tx = await client.transaction('write');
    await tx.execute({ sql: 'INSERT INTO things (name) VALUES (?)', args: ['saw'] });
    tx.close();
    expect(tx.closed).toBe(true);
    await expect(tx.execute('SELECT 1')).rejects.toThrow(/transaction is closed/i);
    expect((await client.execute({ sql: 'SELECT count(*) AS n FROM things WHERE name = ?', args: ['saw'] })).rows[0]!.n).toBe(0);
  });

  it('writes ahead in a transaction: later reads see the writes, and the commit keeps them', async () => {
    const tx = await env.database.client.transaction('write');
    expect(canWriteAhead(tx)).toBe(true);
    if (!canWriteAhead(tx)) return;
    tx.writeAhead([{ sql: 'INSERT INTO things (name) VALUES (?)', args: ['brace'] }]);
    tx.writeAhead([{ sql: 'UPDATE things SET size = 3 WHERE name = ?', args: ['brace'] }]);
    // Sent after the writes, so run after them, though nothing waited for them.
    expect((await tx.execute({ sql: 'SELECT size FROM things WHERE name = ?', args: ['brace'] })).rows.map((r) => r.size)).toEqual([3]);
    tx.writeAhead([{ sql: 'UPDATE things SET size = 4 WHERE name = ?', args: ['brace'] }]);
    await tx.commit();
    expect((await env.database.client.execute({ sql: 'SELECT size FROM things WHERE name = ?', args: ['brace'] })).rows.map((r) => r.size)).toEqual([4]);
  });

  it('a write ahead that fails fails the next read with its own error, and nothing sent after it runs, in the transaction or outside', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await env.database.client.execute({ sql: 'INSERT INTO things (name) VALUES (?)', args: ['chisel'] });
      const tx = await env.database.client.transaction('write');
      if (!canWriteAhead(tx)) throw new Error('the writer thread writes ahead');
      tx.writeAhead([{ sql: 'INSERT INTO things (name) VALUES (?)', args: ['gouge'] }]);
      // A duplicate name: fails on the thread, after the event loop has gone on.
      tx.writeAhead([{ sql: 'INSERT INTO things (name) VALUES (?)', args: ['chisel'] }]);
      // Sent before the failure is known here. The thread rolled back at the failure: run now, this would
      // commit on its own.
      tx.writeAhead([{ sql: 'INSERT INTO things (name) VALUES (?)', args: ['mallet'] }]);
      const failed = await tx.execute('SELECT count(*) AS n FROM things').catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(LibsqlBatchError);
      expect((failed as LibsqlBatchError).extendedCode).toBe('SQLITE_CONSTRAINT_UNIQUE');
      // Writing ahead again, or committing, fails the same way.
      expect(() => tx.writeAhead(['SELECT 1'])).toThrow(failed as Error);
      await expect(tx.commit()).rejects.toBe(failed);
      const kept = await env.database.client.execute("SELECT name FROM things WHERE name IN ('gouge', 'chisel', 'mallet') ORDER BY name");
      expect(kept.rows.map((r) => r.name)).toEqual(['chisel']);
      // The next transaction is whole again.
      const next = await env.database.client.transaction('write');
      if (!canWriteAhead(next)) throw new Error('the writer thread writes ahead');
      next.writeAhead([{ sql: 'INSERT INTO things (name) VALUES (?)', args: ['mallet'] }]);
      await next.commit();
      expect((await env.database.client.execute({ sql: 'SELECT count(*) AS n FROM things WHERE name = ?', args: ['mallet'] })).rows[0]!.n).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a transaction closed after a failed write ahead ends it on the thread, before anything asked after', async () => {
    const tx = await env.database.client.transaction('write');
    if (!canWriteAhead(tx)) throw new Error('the writer thread writes ahead');
    tx.writeAhead([{ sql: 'INSERT INTO things (name) VALUES (?)', args: ['rasp-1'] }, { sql: 'INSERT INTO things (id, name) VALUES (NULL, NULL)', args: [] }]);
    tx.close();
    // Run outside any transaction, after the close: stored on its own.
    await env.database.client.execute({ sql: 'INSERT INTO things (name) VALUES (?)', args: ['rasp-2'] });
    const kept = await env.database.client.execute("SELECT name FROM things WHERE name LIKE 'rasp-%' ORDER BY name");
    expect(kept.rows.map((r) => r.name)).toEqual(['rasp-2']);
  });

  it('answers SQLITE_BUSY when another connection holds the write lock past the busy timeout', async () => {
    // Another process's connection, as with FT_WORKERS: it holds the lock; the writer waits 5 s, then says busy.
    const other = new Database(env.url.slice('file:'.length));
    other.exec('BEGIN IMMEDIATE');
    try {
      const busy = await env.database.client.execute({ sql: 'INSERT INTO things (name) VALUES (?)', args: ['drill'] }).catch((e: unknown) => e);
      expect((busy as LibsqlError).code).toBe('SQLITE_BUSY');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await env.database.client.execute({ sql: 'INSERT INTO things (name) VALUES (?)', args: ['drill'] });
  }, 20_000);

  it('returns from close() once everything asked before it is written', async () => {
    const file = join(env.dir, 'closing.db');
    const database = await createDb(`file:${file}`);
    await database.client.execute('CREATE TABLE t (n INTEGER)');
    await database.client.execute('INSERT INTO t VALUES (42)');
    // The writer is still busy when close() is called: close() waits for it.
    const lastWrite = database.client.execute(SLOW.replace('SELECT count(*) AS n FROM n', 'INSERT INTO t SELECT count(*) FROM n'));
    // Callers take turns, each in an event-loop turn of its own: let this one reach the thread.
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
    database.close();
    const check = new Database(file, { timeout: 5000 });
    expect((check.prepare('SELECT n FROM t ORDER BY n').all() as { n: number }[]).map((r) => r.n)).toEqual([42, 3_000_000]);
    check.close();
    await lastWrite;
  });

  it('keeps a process alive while it waits for an answer, and lets it exit once closed', () => {
    // A script that does nothing but wait for the writer: an unreferenced thread would let it exit early.
    const file = join(env.dir, 'cli.db');
    const script = join(env.dir, 'wait-for-writer.mts');
    writeFileSync(script, `
      import { createDb } from ${JSON.stringify(join(__dirname, '../../src/db/index'))};
      const database = await createDb('file:${file}');
      await database.client.execute('CREATE TABLE t (n INTEGER)');
      await database.client.execute(${JSON.stringify(SLOW.replace('SELECT count(*) AS n FROM n', 'INSERT INTO t SELECT count(*) FROM n'))});
      database.close();
      console.log('done');`);
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: join(__dirname, '../..'), encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('done');
    expect(run.status).toBe(0);
    const check = new Database(file);
    expect((check.prepare('SELECT n FROM t').get() as { n: number }).n).toBe(3_000_000);
    check.close();
  }, 60_000);
});
