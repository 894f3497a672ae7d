import { storage } from 'wxt/utils/storage';
import type { PromiseVerdict, Touchpoint } from '@followthrough/shared/model';
import type { CounterpartProfile, MailProviderName, Reminder, UserSettings } from '@followthrough/shared/contract';
import type { QueueState } from './offline-queue';
import { completeSettings, DEFAULT_SETTINGS, type ExtensionSettings } from './settings';

/**
 * Every item the extension stores, in one file, each versioned so a later shape change ships with
 * a migration instead of a crash. Keys (for e2e tests and support): see extension/README.md.
 */

export const settingsItem = storage.defineItem<ExtensionSettings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  // v2: per-kind notification switches and the initiation target.
  migrations: { 2: (old: Partial<ExtensionSettings>) => completeSettings(old) },
});

/** Pending server writes (touchpoints, verdicts): survives browser restarts. */
export const offlineQueueItem = storage.defineItem<QueueState>('local:offlineQueue', {
  fallback: { entries: [], failed: [] },
  version: 1,
});

export interface CachedReminders {
  fetchedAt: string;
  reminders: Reminder[];
  /** The last refresh error, shown in the popup; null when the last refresh worked. */
  error: string | null;
  /**
   * Mailboxes the server syncs whose grant was revoked ("reconnect needed"): the popup says so, because
   * their analysis silently stops being current otherwise. Absent in caches written before it existed.
   */
  reconnectNeeded?: { email: string; provider: MailProviderName }[];
}

export const remindersItem = storage.defineItem<CachedReminders>('local:reminders', {
  fallback: { fetchedAt: '', reminders: [], error: null },
  version: 1,
});

/** Reminder ids already notified, with when: a reminder is notified once per day at most. */
export const notifiedItem = storage.defineItem<Record<string, string>>('local:notified', {
  fallback: {},
  version: 1,
});

/**
 * Where a notification leads: its thread's link, or (no thread) the client's page. Kept by notification id,
 * so a click after a service-worker restart still opens it.
 */
export interface NotificationTarget {
  link: string | null;
  counterpart: string;
}

export const notificationLinksItem = storage.defineItem<Record<string, NotificationTarget>>('local:notificationLinks', {
  fallback: {},
  version: 2,
  // v1 kept only the thread link.
  migrations: { 2: (old: Record<string, string>) => Object.fromEntries(Object.entries(old).map(([id, link]) => [id, { link, counterpart: '' }])) },
});

/**
 * What the user decided locally: verdicts and touchpoints, so local-only mode honours them and the
 * sidebar shows them at once while the queued server write is pending.
 */
export interface LocalState {
  verdicts: Record<string, PromiseVerdict & { updatedAt: string }>;
  touchpoints: Touchpoint[];
}

export const localStateItem = storage.defineItem<LocalState>('local:localState', {
  fallback: { verdicts: {}, touchpoints: [] },
  version: 1,
});

/** Keeps the local touchpoint log bounded: the server holds history, the sidebar needs the recent ones. */
export const LOCAL_TOUCHPOINT_LIMIT = 500;

/**
 * What the user set about clients and reminders without a server (local-only mode): each client's
 * profile (name, cadence, renewal, notes, initiation target) and reminder snoozes by reminder id. Signed
 * in, the server keeps both; this holds what waits to be sent only through the offline queue.
 */
export interface LocalClients {
  /** The intervals came with issue 13: a profile stored before has none (read as null). */
  profiles: Record<string, Omit<CounterpartProfile, 'reviewIntervalDays' | 'feedbackIntervalDays'> & Partial<Pick<CounterpartProfile, 'reviewIntervalDays' | 'feedbackIntervalDays'>> & { updatedAt: string }>;
  snoozes: Record<string, string>;
}

export const localClientsItem = storage.defineItem<LocalClients>('local:localClients', {
  fallback: { profiles: {}, snoozes: {} },
  version: 1,
});

/** The server's copy of the user's settings as last read (fields the options page does not edit are kept). */
export const serverSettingsItem = storage.defineItem<UserSettings | null>('local:serverSettings', {
  fallback: null,
  version: 1,
});

/**
 * The sign-in as the options page and the sidebar show it (no secret here: the verifier and the token are
 * in the extension-only store). `email` is who is signed in; `signIn` a sign-in in progress or its outcome.
 */
export interface AccountState {
  email: string | null;
  signIn: {
    state: 'waiting' | 'failed';
    serverUrl: string;
    /** Four characters the server's page shows too. */
    checkCode: string;
    expiresAt: string;
    message: string | null;
  } | null;
  /** Signed in with threads remembered before: the options page offers to upload them (null = nothing to offer). */
  memoryOffer: { threads: number; messages: number } | null;
}

export const accountItem = storage.defineItem<AccountState>('local:account', {
  fallback: { email: null, signIn: null, memoryOffer: null },
  version: 1,
});

/**
 * The API token lives apart from the settings, in the extension's own IndexedDB: storage.local is readable by
 * the content scripts, which run inside Gmail and Outlook next to strangers' mail; an IndexedDB database
 * belongs to its origin, and a content script's origin is the mail site's, so only the extension's own pages
 * (the background, the options page) can open this one. The settings keep only TOKEN_STORED in `token`, so
 * the sidebar can still tell "a server is configured" without ever holding the secret.
 *
 * Call only from the background or an extension page: in a content script `indexedDB` is the mail site's.
 */
export const TOKEN_STORED = 'stored-in-extension-only';

const SECRETS_DB = 'followthrough-secrets';
const SECRETS_STORE = 'secrets';
const TOKEN_KEY = 'apiToken';
const SIGN_IN_KEY = 'signInRequest';

function openSecrets(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(SECRETS_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(SECRETS_STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB open failed'));
  });
}

async function withSecrets<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openSecrets();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = work(db.transaction(SECRETS_STORE, mode).objectStore(SECRETS_STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
  } finally {
    db.close();
  }
}

export const apiTokenStore = {
  async get(): Promise<string> {
    const value = await withSecrets<unknown>('readonly', (store) => store.get(TOKEN_KEY));
    return typeof value === 'string' ? value : '';
  },
  async set(token: string): Promise<void> {
    if (token) await withSecrets<IDBValidKey>('readwrite', (store) => store.put(token, TOKEN_KEY));
    else await withSecrets<undefined>('readwrite', (store) => store.delete(TOKEN_KEY));
  },
};

/**
 * The sign-in in progress: the request id and the verifier only this extension knows (the server has its
 * SHA-256). Kept here so a service worker stopped while the user signs in can finish polling when it wakes.
 */
export interface PendingSignIn {
  serverUrl: string;
  requestId: string;
  verifier: string;
  expiresAt: string;
  pollIntervalMs: number;
  tabId: number | null;
}

export const signInSecretStore = {
  async get(): Promise<PendingSignIn | null> {
    const value = await withSecrets<unknown>('readonly', (store) => store.get(SIGN_IN_KEY));
    return value && typeof value === 'object' ? (value as PendingSignIn) : null;
  },
  async set(pending: PendingSignIn | null): Promise<void> {
    if (pending) await withSecrets<IDBValidKey>('readwrite', (store) => store.put(pending, SIGN_IN_KEY));
    else await withSecrets<undefined>('readwrite', (store) => store.delete(SIGN_IN_KEY));
  },
};

/**
 * Saves settings from the options page: a newly typed token goes to apiTokenStore and the settings keep
 * TOKEN_STORED; TOKEN_STORED itself (the form showed the stored one) keeps it; an empty one removes it.
 */
export async function saveSettingsWithToken(settings: ExtensionSettings): Promise<void> {
  if (settings.token !== TOKEN_STORED) await apiTokenStore.set(settings.token);
  await settingsItem.setValue({ ...settings, token: settings.token ? TOKEN_STORED : '' });
}

/** The token for requests (background only): from apiTokenStore, or a token stored before it existed. */
export async function apiTokenOf(settings: ExtensionSettings): Promise<string> {
  return settings.token === TOKEN_STORED ? apiTokenStore.get() : settings.token;
}
