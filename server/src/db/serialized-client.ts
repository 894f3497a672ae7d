import type { Client, InArgs, InStatement, ResultSet, Transaction, TransactionMode } from '@libsql/client';
import { createTurns } from './turns';
import { canWriteAhead } from './write-ahead';

/**
 * One connection for a file database, with its users taking turns.
 *
 * The writer of a file database is a single connection (writer-thread.ts): pragmas are per connection,
 * so `synchronous = NORMAL` (no fsync per commit in WAL mode) holds for every write, and there is one
 * writer for SQLite's one write lock. A single connection cannot serve others while a transaction is
 * open on it, so this wrapper queues every call behind an open transaction, in turns (turns.ts). Other
 * processes coordinate through SQLite's file locks and the busy timeout.
 */
export function createSerializedClient(inner: Client): Client {
  const { acquire, exclusive } = createTurns();

  function wrapTransaction(tx: Transaction, release: () => void): Transaction {
    let released = false;
    const done = () => {
      if (!released) {
        released = true;
        release();
      }
    };
    return {
      execute: (stmt: InStatement) => tx.execute(stmt),
      batch: (stmts: InStatement[]) => tx.batch(stmts),
      ...(canWriteAhead(tx) ? { writeAhead: (stmts: InStatement[]) => tx.writeAhead(stmts) } : {}),
      executeMultiple: (sql: string) => tx.executeMultiple(sql),
      rollback: () => tx.rollback().finally(done),
      commit: () => tx.commit().finally(done),
      close: () => {
        try {
          tx.close();
        } finally {
          done();
        }
      },
      get closed() {
        return tx.closed;
      },
    };
  }

  const client: Client = {
    execute: ((stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> =>
      exclusive(() => (typeof stmtOrSql === 'string' ? inner.execute(stmtOrSql, args) : inner.execute(stmtOrSql)))) as Client['execute'],
    batch: (stmts, mode) => exclusive(() => inner.batch(stmts, mode)),
    migrate: (stmts) => exclusive(() => inner.migrate(stmts)),
    transaction: async (mode?: TransactionMode) => {
      const release = await acquire();
      try {
        return wrapTransaction(await inner.transaction(mode), release);
      } catch (e) {
        release();
        throw e;
      }
    },
    executeMultiple: (sql) => exclusive(() => inner.executeMultiple(sql)),
    sync: () => inner.sync(),
    close: () => inner.close(),
    reconnect: () => inner.reconnect(),
    get closed() {
      return inner.closed;
    },
    get protocol() {
      return inner.protocol;
    },
  };
  return client;
}
