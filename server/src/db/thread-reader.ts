import type { Client } from '@libsql/client';
import type { ReadExecutor } from './cached-reader';
import { createWriterThreadClient } from './writer-thread';

/**
 * The read paths' connections to an embedded file, each on a thread of its own (the same thread code
 * as the writer, writer-worker.mjs, sent only reads). The file driver runs a statement synchronously
 * on the calling thread: on the event loop, the thread summary's one statement was about a third of
 * the loop's time per request under load, and no other request moved meanwhile. Here the loop sends
 * the statement and serves others (parsing, health, JSON, sockets) while a thread runs it, and the
 * reads of several requests run on several threads at once. Each thread keeps its statements prepared.
 *
 * A statement goes to the connection with the fewest outstanding; a batch runs in one read
 * transaction, so its statements see one state of the file.
 */
export async function createThreadReader(path: string, timeoutMs: number, threads: number): Promise<ReadExecutor> {
  const connections: Client[] = await Promise.all(Array.from({ length: threads }, () => createWriterThreadClient(path, timeoutMs)));
  // 64 MiB page cache each (SQLite's default is 2 MiB), as the writer has.
  await Promise.all(connections.map((c) => c.execute('PRAGMA cache_size = -65536')));
  const outstanding = connections.map(() => 0);

  async function onLeastBusy<T>(work: (connection: Client) => Promise<T>): Promise<T> {
    let chosen = 0;
    for (let i = 1; i < connections.length; i++) if (outstanding[i]! < outstanding[chosen]!) chosen = i;
    outstanding[chosen]!++;
    try {
      return await work(connections[chosen]!);
    } finally {
      outstanding[chosen]!--;
    }
  }

  return {
    execute: (stmt) => onLeastBusy((c) => c.execute(stmt)),
    batch: (stmts) => onLeastBusy((c) => c.batch(stmts, 'read')),
    close: () => {
      for (const c of connections) c.close();
    },
  };
}
