import type { StoredMessageFacts } from '@followthrough/shared/model';
import type { HostName } from '../hosts/mail-host';

/**
 * Local-only mode's memory: for every thread the user opens without a server, the same per-message facts
 * the server would store (shared readMessage: addresses, times, flags and the promise / request / risk
 * sentences; never a body), in the extension's own IndexedDB. Only the background and extension pages can
 * open it (a content script's IndexedDB is the mail site's). The engine runs over these facts
 * (local-memory.ts), so a client's figures, promises and reminders build up as the user reads mail.
 */
export interface RememberedThread {
  threadId: string;
  host: HostName;
  subject: string;
  /** Reopens the thread in the mail client. */
  link: string;
  /** The client the thread is with, as the engine saw it when it was read. */
  counterpart: string | null;
  /** The signed-in account the page showed: "us" when no own address is set in the options. */
  account: string | null;
  /** Gmail threads (provider message ids) can be uploaded: the server's sync keys them the same way. */
  uploadable: boolean;
  /** The latest message's time. */
  lastAt: string;
  rememberedAt: string;
}

export interface MemoryContents {
  threads: RememberedThread[];
  messages: StoredMessageFacts[];
}

export interface MemoryStore {
  /** Stores (or replaces) a thread and its messages' facts; whether anything changed. */
  remember(thread: RememberedThread, facts: readonly StoredMessageFacts[]): Promise<boolean>;
  all(): Promise<MemoryContents>;
  counts(): Promise<{ threads: number; messages: number }>;
  /** Forgets threads (after an upload, or erase). */
  forget(threadIds?: readonly string[]): Promise<void>;
}

const DB_NAME = 'followthrough-memory';
const THREADS = 'threads';
const MESSAGES = 'messages';

interface MessageRow {
  id: string;
  threadId: string;
  facts: StoredMessageFacts;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

function open(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore(THREADS, { keyPath: 'threadId' });
      db.createObjectStore(MESSAGES, { keyPath: 'id' }).createIndex('threadId', 'threadId');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
  });
}

/** The IndexedDB memory (background and extension pages only). */
export function createMemoryStore(factory: IDBFactory = indexedDB): MemoryStore {
  let dbPromise: Promise<IDBDatabase> | null = null;
  const db = () => (dbPromise ??= open(factory));
  return {
    async remember(thread, facts) {
      const conn = await db();
      const tx = conn.transaction([THREADS, MESSAGES], 'readwrite');
      const threads = tx.objectStore(THREADS);
      const messages = tx.objectStore(MESSAGES);
      const before = (await request(threads.get(thread.threadId))) as RememberedThread | undefined;
      let changed = !before || before.counterpart !== thread.counterpart || before.subject !== thread.subject;
      for (const f of facts) {
        const old = (await request(messages.get(f.id))) as MessageRow | undefined;
        // A message read again may have been read better (expanded now, collapsed before): the new read wins.
        if (!old || JSON.stringify(old.facts) !== JSON.stringify(f)) {
          changed = true;
          messages.put({ id: f.id, threadId: thread.threadId, facts: f } satisfies MessageRow);
        }
      }
      threads.put({ ...before, ...thread });
      await done(tx);
      return changed;
    },
    async all() {
      const conn = await db();
      const tx = conn.transaction([THREADS, MESSAGES], 'readonly');
      const [threads, rows] = await Promise.all([
        request(tx.objectStore(THREADS).getAll()) as Promise<RememberedThread[]>,
        request(tx.objectStore(MESSAGES).getAll()) as Promise<MessageRow[]>,
      ]);
      return { threads, messages: rows.map((r) => r.facts) };
    },
    async counts() {
      const conn = await db();
      const tx = conn.transaction([THREADS, MESSAGES], 'readonly');
      const [threads, messages] = await Promise.all([request(tx.objectStore(THREADS).count()), request(tx.objectStore(MESSAGES).count())]);
      return { threads, messages };
    },
    async forget(threadIds) {
      const conn = await db();
      const tx = conn.transaction([THREADS, MESSAGES], 'readwrite');
      if (!threadIds) {
        tx.objectStore(THREADS).clear();
        tx.objectStore(MESSAGES).clear();
      } else {
        const byThread = tx.objectStore(MESSAGES).index('threadId');
        for (const id of threadIds) {
          tx.objectStore(THREADS).delete(id);
          for (const key of await request(byThread.getAllKeys(id))) tx.objectStore(MESSAGES).delete(key);
        }
      }
      await done(tx);
    },
  };
}
