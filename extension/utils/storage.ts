import { storage } from 'wxt/utils/storage';
import type { PromiseVerdict, Touchpoint } from '@followthrough/shared/model';
import type { Reminder } from '@followthrough/shared/contract';
import type { QueueState } from './offline-queue';
import { DEFAULT_SETTINGS, type ExtensionSettings } from './settings';

/**
 * Every item the extension stores, in one file, each versioned so a later shape change ships with
 * a migration instead of a crash. Keys (for e2e tests and support): see extension/README.md.
 */

export const settingsItem = storage.defineItem<ExtensionSettings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
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
  reconnectNeeded?: { email: string; provider: 'google' | 'microsoft' }[];
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

/** Notification id -> thread link, so a click after a service-worker restart still opens the thread. */
export const notificationLinksItem = storage.defineItem<Record<string, string>>('local:notificationLinks', {
  fallback: {},
  version: 1,
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
