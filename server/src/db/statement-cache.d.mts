export interface StatementCache<S> {
  prepared(sql: string): S;
  clear(): void;
}

export function createStatementCache<S>(db: { prepare(sql: string): S }, size: number, configure?: (stmt: S) => void): StatementCache<S>;
