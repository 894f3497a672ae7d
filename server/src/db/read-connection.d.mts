import type { InValue, Row } from '@libsql/client';

export interface ReadConnection {
  /** Runs one statement with positional arguments; its rows by column name. */
  run(sql: string, args: readonly InValue[]): Row[];
  /** SQLite's `PRAGMA data_version` on this connection: it moves when another connection has committed since. */
  dataVersion(): number;
  close(): void;
}

export function openReadConnection(path: string, busyTimeoutMs: number): ReadConnection;
