// Prepared statements kept by their text, for the connections that run the same few dozen statements over and over
// (the writer thread, the read connections): preparing can cost as much as running, and the driver does not keep them.

/**
 * A cache of `size` prepared statements of `db`, the least recently used dropped first. `configure` is applied
 * once to each statement when it is prepared.
 */
export function createStatementCache(db, size, configure = () => {}) {
  const statements = new Map();
  return {
    prepared(sql) {
      let stmt = statements.get(sql);
      if (stmt) {
        // Most recently used last, so the first key is the one to drop.
        statements.delete(sql);
      } else {
        stmt = db.prepare(sql);
        configure(stmt);
        if (statements.size >= size) statements.delete(statements.keys().next().value);
      }
      statements.set(sql, stmt);
      return stmt;
    },
    /** Prepared statements hold the connection open until they are collected: cleared before it closes. */
    clear: () => statements.clear(),
  };
}
