import type { InValue, Row } from '@libsql/client';

export interface ReadConnection {
  /** Runs one statement with positional arguments; its rows by column name. */
  run(sql: string, args: readonly InValue[]): Row[];
  close(): void;
}

export function openReadConnection(path: string, busyTimeoutMs: number): ReadConnection;
