import Database from 'libsql';
import type { InStatement, InValue, ResultSet, Row } from '@libsql/client';
import { createTurns } from './turns';


/** What the read paths (store/read/*) need of a connection: run a statement, get its rows by column name. */
export interface ReadExecutor {
  execute(stmt: InStatement): Promise<Pick<ResultSet, 'rows'>>;
  batch(stmts: InStatement[]): Promise<Pick<ResultSet, 'rows'>[]>;
  close(): void;
}

/** Prepared statements kept per connection: the read paths use a few dozen distinct texts. */
const CACHE_SIZE = 256;

/**
 * A read-only connection to an embedded file with a cache of prepared statements, for the routes the
 * sidebar and the popup call on every open. @libsql/client prepares every statement anew, and for the
 * thread summary (one statement with a dozen subqueries) preparing cost as much as running it: 0.9 of
 * 2.2 ms per call on the real-size bench's key client (measured with the `libsql` driver that
 * @libsql/client itself runs on, prepared once versus every time). Rows come back as plain objects.
 * A libSQL server by URL keeps using @libsql/client, which has no such cache to reuse.
 */
export function createCachedReader(path: string, busyTimeoutMs: number): ReadExecutor {
  // The same driver and timeout unit (milliseconds) @libsql/client passes it.
  const db = new Database(path, { timeout: busyTimeoutMs });
  db.exec('PRAGMA cache_size = -65536');
  // Reads map the file (up to SQLite's 2 GiB cap) instead of copying each page into the 64 MiB cache. On the
  // 1,000,000-message bench database (2.5 GB), from a cold start, the thread summary for random threads took p50
  // 3.1 ms falling to 0.84 ms over 8,000 requests, against 0.72 falling to 0.38 ms mapped (p90 2.4 against 0.56 ms
  // by then); fully warm, 0.40 against 0.33 ms.
  db.exec('PRAGMA mmap_size = 2147418112');
  const statements = new Map<string, ReturnType<typeof db.prepare>>();

  function prepared(sql: string) {
    let stmt = statements.get(sql);
    if (stmt) {
      // Most recently used last, so the first key is the one to drop.
      statements.delete(sql);
    } else {
      stmt = db.prepare(sql);
      if (statements.size >= CACHE_SIZE) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, stmt);
    return stmt;
  }

  function run(stmt: InStatement): Pick<ResultSet, 'rows'> {
    const { sql, args } = typeof stmt === 'string' ? { sql: stmt, args: [] as InValue[] } : stmt;
    const values = Array.isArray(args) ? (args as InValue[]) : [];
    if (!Array.isArray(args) && args !== undefined) throw new Error('cached reader: named arguments are not supported');
    const statement = prepared(sql) as unknown as { all(...params: unknown[]): Row[] };
    const rows = statement.all(...values);
    return { rows };
  }

  // Statements take turns (turns.ts) so that many requests at once interleave with I/O instead of
  // holding the event loop for all of their statements together.
  const turns = createTurns();
  return {
    execute: (stmt) => turns.exclusive(() => run(stmt)),
    batch: (stmts) => turns.exclusive(() => stmts.map(run)),
    close: () => db.close(),
  };
}
