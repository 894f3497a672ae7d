import type { InStatement, Transaction } from '@libsql/client';

/**
 * A transaction that runs its requests in the order they are sent (the writer thread's: writer-thread.ts)
 * can take writes without the caller waiting for each: `writeAhead` sends them and returns. The event loop
 * goes on with its own work (the next rows to build, the analysis of the next threads) while the thread
 * runs them, and a read sent later still sees them. A write that fails rolls the transaction back on the
 * thread, and the transaction's next request (a read, a batch, the commit) fails with that write's error.
 *
 * Why: ingest alternates between work on the event loop and statements on the thread; awaiting every write
 * left one of the two idle while the other worked.
 */
export interface WriteAheadTransaction extends Transaction {
  writeAhead(stmts: InStatement[]): void;
}

export function canWriteAhead(tx: object): tx is WriteAheadTransaction {
  return typeof (tx as Partial<WriteAheadTransaction>).writeAhead === 'function';
}
