import type { Transaction } from '@libsql/client';
import type { Database } from '../db/client';

const ATTEMPTS = 8;

function isBusy(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  return code.startsWith('SQLITE_BUSY') || (err instanceof Error && /SQLITE_BUSY|database is locked/.test(err.message));
}

/**
 * Runs `work` in a write transaction, and again from the start when the database was busy with another
 * writer. An embedded file waits for its lock (the busy timeout); a libSQL server answers SQLITE_BUSY at
 * once when another connection writes, as several API processes sharing it will. Everything `work` does
 * goes through the transaction, so a retry repeats nothing half done. Backoff doubles from 20 ms, with
 * jitter so two retrying writers do not meet again; after ATTEMPTS the error goes to the caller.
 */
export async function inWriteTransaction<T>(database: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    let tx: Transaction | undefined;
    try {
      tx = await database.client.transaction('write');
      const result = await work(tx);
      await tx.commit();
      return result;
    } catch (err) {
      if (!isBusy(err) || attempt >= ATTEMPTS) throw err;
    } finally {
      tx?.close();
    }
    const wait = 20 * 2 ** (attempt - 1);
    await new Promise((resolve) => setTimeout(resolve, wait / 2 + Math.random() * wait));
  }
}
