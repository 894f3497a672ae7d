// A read-only connection to an embedded database file, as the read paths use it: prepared statements
// kept, rows as plain objects by column name. Plain JavaScript so that the reader thread
// (reader-worker.mjs) starts without a TypeScript loader; the event loop's own reader (cached-reader.ts)
// opens the same connection.
import Database from 'libsql';
import { createStatementCache } from './statement-cache.mjs';

/** Prepared statements kept per connection: the read paths use a few dozen distinct texts. */
const CACHE_SIZE = 256;

/**
 * @libsql/client prepares every statement anew, and for the thread summary (one statement with a dozen
 * subqueries) preparing cost as much as running it: 0.9 of 2.2 ms per call on the real-size bench's key
 * client (measured with the `libsql` driver that @libsql/client itself runs on, prepared once versus every
 * time), so statements are kept (statement-cache.mjs).
 */
export function openReadConnection(path, busyTimeoutMs) {
  // The same driver and timeout unit (milliseconds) @libsql/client passes it.
  const db = new Database(path, { timeout: busyTimeoutMs });
  db.exec('PRAGMA cache_size = -65536');
  // Reads map the file (up to SQLite's 2 GiB cap) instead of copying each page into the 64 MiB cache. On the
  // 1,000,000-message bench database (2.5 GB), from a cold start, the thread summary for random threads took p50
  // 3.1 ms falling to 0.84 ms over 8,000 requests, against 0.72 falling to 0.38 ms mapped (p90 2.4 against 0.56 ms
  // by then); fully warm, 0.40 against 0.33 ms.
  db.exec('PRAGMA mmap_size = 2147418112');
  const statements = createStatementCache(db, CACHE_SIZE);
  // Asked before every request's token lookup (token-users.ts): one value read as an array is about a third
  // of the cost of reading it as a row object through `all` (5 against 12-15 µs).
  let dataVersion = db.prepare('PRAGMA data_version').raw(true);

  return {
    run(sql, args) {
      return statements.prepared(sql).all(...args);
    },
    /** SQLite's `PRAGMA data_version` on this connection (cached-reader.ts says what it is for). */
    dataVersion() {
      return Number(dataVersion.get()[0]);
    },
    close() {
      statements.clear();
      dataVersion = null;
      db.close();
    },
  };
}
