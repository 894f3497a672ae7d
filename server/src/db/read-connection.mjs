// A read-only connection to an embedded database file, as the read paths use it: prepared statements
// kept, rows as plain objects by column name. Plain JavaScript so that the reader thread
// (reader-worker.mjs) starts without a TypeScript loader; the event loop's own reader (cached-reader.ts)
// opens the same connection.
import Database from 'libsql';

/** Prepared statements kept per connection: the read paths use a few dozen distinct texts. */
const CACHE_SIZE = 256;

/**
 * @libsql/client prepares every statement anew, and for the thread summary (one statement with a dozen
 * subqueries) preparing cost as much as running it: 0.9 of 2.2 ms per call on the real-size bench's key
 * client (measured with the `libsql` driver that @libsql/client itself runs on, prepared once versus every
 * time), so statements are kept, least recently used dropped first.
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
  const statements = new Map();

  function prepared(sql) {
    let stmt = statements.get(sql);
    if (stmt) {
      // Most recently used last, so the first key is the one to drop.
      statements.delete(sql);
    } else {
      stmt = db.prepare(sql);
      if (statements.size >= CACHE_SIZE) statements.delete(statements.keys().next().value);
    }
    statements.set(sql, stmt);
    return stmt;
  }

  return {
    run(sql, args) {
      return prepared(sql).all(...args);
    },
    close() {
      // Prepared statements hold the connection open until they are collected.
      statements.clear();
      db.close();
    },
  };
}
