import { mkdirSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import * as schema from './schema/index';
import { createSerializedClient } from './serialized-client';
import { createCachedReader, type ReadExecutor } from './cached-reader';
import { createReaderThread } from './reader-thread';
import { startCheckpointer } from './checkpointer';
import { createWriterThreadClient } from './writer-thread';

export type Schema = typeof schema;
export type Db = LibSQLDatabase<Schema>;

export interface Database {
  db: Db;
  /** The raw client, for hot paths that batch plain SQL. Writes and write transactions go here. */
  client: Client;
  /**
   * A second connection for the read paths, which must not queue behind a write transaction of this
   * process (a client with an open transaction serves nobody else until it ends); WAL lets it read the
   * last committed state meanwhile. For an embedded file it runs on a thread of its own and keeps its
   * statements prepared (reader-thread.ts); for a libSQL server it is the same client, which gives every
   * request its own connection server-side.
   */
  reader: ReadExecutor;
  /**
   * A read connection on the event loop, for single rows by a unique key: the token every request starts
   * with, the state of the caller's analysis. Run in place such a lookup costs about 0.02 ms, less than a
   * round trip to the reader thread, and it waits for no one's heavier read on that thread nor for the
   * thread to be scheduled when the cores are busy (another user's request during an import). For a
   * libSQL server it is the same client as `reader`.
   */
  lookups: ReadExecutor;
  /**
   * For an embedded file, a number that moves whenever anything has been committed to the file since it was
   * last asked (`LookupConnection.dataVersion`): what was read at one value is still what the file holds while
   * the value stays. Null for a libSQL server, which offers no such counter.
   */
  dataVersion: (() => number) | null;
  /**
   * Drizzle on a read connection of its own, for the routes that read through drizzle (the caller's
   * row, settings, mailboxes): on the writer (`db`) such a read waits for any open write transaction,
   * another user's import among them, while WAL lets this one read the last committed state at once.
   * For a libSQL server it is `db` (the server gives every request its own connection).
   */
  readDb: Db;
  /** True for an embedded file; false for a libSQL server / Turso over HTTP(S) or WebSockets. */
  isFile: boolean;
  close(): void;
  /**
   * Settles once the threads holding connections to the file (the reader, the checkpointer) have ended
   * after close(). A process must wait for it before exiting: a thread ended while inside the driver's
   * native call aborts with a panic (neon's PendingException).
   */
  whenClosed(): Promise<void>;
}

/** WAL pages past which a commit checkpoints itself when a checkpointer thread runs (64 MiB of 4 KiB pages). */
const WRITER_CHECKPOINT_PAGES = 16_384;

/** Milliseconds a writer waits for another process's lock before SQLITE_BUSY (file databases only). */
export const BUSY_TIMEOUT_MS = 5000;

function filePathOf(url: string): string {
  return url.slice('file:'.length).split('?')[0] ?? '';
}

/**
 * Opens the database named by a libSQL URL. `file:` URLs get their folder created, WAL mode, a busy
 * timeout and a single connection that callers take turns on (see serialized-client.ts). Remote URLs (`http(s)://`, `libsql://`, `ws(s)://`) get the auth token.
 */
export async function createDb(url: string, authToken?: string, options: { checkpointInBackground?: boolean } = {}): Promise<Database> {
  const isFile = url.startsWith('file:');
  if (url === ':memory:' || url.includes(':memory:')) {
    // @libsql/client gives every pooled connection its own empty in-memory database.
    throw new Error('DATABASE_URL: in-memory databases are not supported; use a file: URL');
  }
  if (isFile) {
    const path = filePathOf(url);
    if (path) mkdirSync(dirname(isAbsolute(path) ? path : resolve(path)), { recursive: true });
  }
  const open = async (): Promise<Client> => {
    if (!isFile) return createClient({ url, authToken: authToken || undefined });
    // The writer runs on a thread of its own (writer-thread.ts), callers taking turns on it.
    const client = createSerializedClient(await createWriterThreadClient(filePathOf(url), BUSY_TIMEOUT_MS));
    // WAL: readers never block the writer, and the mode is stored in the file. synchronous = NORMAL is
    // the documented pairing for WAL: a commit is not fsynced (a power cut may lose the last commits,
    // never consistency); checkpoints are. Pragmas are per connection, so each client sets its own.
    await client.execute('PRAGMA journal_mode = WAL');
    await client.execute('PRAGMA synchronous = NORMAL');
    // 64 MiB page cache (SQLite's default is 2 MiB).
    await client.execute('PRAGMA cache_size = -65536');
    return client;
  };
  const client = await open();
  const remote: ReadExecutor = { execute: (s) => client.execute(s), batch: (s) => client.batch(s), close: () => {} };
  const readerThread = isFile ? createReaderThread(filePathOf(url), BUSY_TIMEOUT_MS) : null;
  const reader: ReadExecutor = readerThread ?? remote;
  const lookupConnection = isFile ? createCachedReader(filePathOf(url), BUSY_TIMEOUT_MS) : null;
  const lookups: ReadExecutor = lookupConnection ?? remote;
  const db = drizzle(client, { schema });
  // Not serialized: nothing opens a transaction on it, and each read runs synchronously on the file.
  const readClient = isFile ? createClient({ url, timeout: BUSY_TIMEOUT_MS, concurrency: 1 }) : null;
  const readDb = readClient ? drizzle(readClient, { schema }) : db;
  // Long-running writers (the server, an import) copy the WAL off the event loop (checkpointer.ts).
  const checkpointer = isFile && options.checkpointInBackground ? startCheckpointer(filePathOf(url)) : null;
  let checkpointerStopped: Promise<void> = Promise.resolve();
  // The writer's own checkpoint stays as a bound on the WAL, much later than SQLite's 1,000 pages.
  if (checkpointer) await client.execute(`PRAGMA wal_autocheckpoint = ${WRITER_CHECKPOINT_PAGES}`);
  return {
    db,
    client,
    reader,
    lookups,
    dataVersion: lookupConnection ? () => lookupConnection.dataVersion() : null,
    readDb,
    isFile,
    close: () => {
      checkpointerStopped = checkpointer?.stop() ?? Promise.resolve();
      client.close();
      readClient?.close();
      reader.close();
      lookups.close();
    },
    whenClosed: async () => {
      await Promise.all([checkpointerStopped, readerThread?.ended()]);
    },
  };
}
