import type { InStatement, InValue, ResultSet } from '@libsql/client';
import { openReadConnection } from './read-connection.mjs';
import { createTurns } from './turns';

/** What the read paths (store/read/*) need of a connection: run a statement, get its rows by column name. */
export interface ReadExecutor {
  execute(stmt: InStatement): Promise<Pick<ResultSet, 'rows'>>;
  batch(stmts: InStatement[]): Promise<Pick<ResultSet, 'rows'>[]>;
  /**
   * Independent statements asked together: where reads run on threads, spread over them to run side by
   * side (reader-thread.ts); elsewhere each statement as `execute` would run it. Answers in the same order.
   */
  spread?(stmts: InStatement[]): Promise<Pick<ResultSet, 'rows'>[]>;
  close(): void;
}

/** A statement as the read connection runs it: its text and positional arguments. */
export interface PositionalStatement {
  sql: string;
  args: InValue[];
}

export function positional(stmt: InStatement): PositionalStatement {
  if (typeof stmt === 'string') return { sql: stmt, args: [] };
  if (stmt.args !== undefined && !Array.isArray(stmt.args)) throw new Error('read connection: named arguments are not supported');
  return { sql: stmt.sql, args: (stmt.args as InValue[] | undefined) ?? [] };
}

/** A read connection on the event loop that can also tell, at once, whether the file has changed. */
export interface LookupConnection extends ReadExecutor {
  /**
   * SQLite's `PRAGMA data_version` on this connection: it moves whenever another connection (this process's
   * writer, another process) has committed since this one last asked, and only then. Run in place, without
   * waiting for a turn (about 0.014 ms: it takes and drops a read lock).
   */
  dataVersion(): number;
}

/**
 * A read-only connection to an embedded file (read-connection.mjs) on the event loop: the server's lookups
 * of single rows by key (client.ts), and what the reader thread falls back to if it cannot run (reader-thread.ts).
 */
export function createCachedReader(path: string, busyTimeoutMs: number): LookupConnection {
  const connection = openReadConnection(path, busyTimeoutMs);
  const run = (stmt: InStatement): Pick<ResultSet, 'rows'> => {
    const { sql, args } = positional(stmt);
    return { rows: connection.run(sql, args) };
  };
  // Statements take turns (turns.ts) so that many requests at once interleave with I/O instead of
  // holding the event loop for all of their statements together.
  const turns = createTurns();
  return {
    execute: (stmt) => turns.exclusive(() => run(stmt)),
    batch: (stmts) => turns.exclusive(() => stmts.map(run)),
    dataVersion: () => connection.dataVersion(),
    close: () => connection.close(),
  };
}
