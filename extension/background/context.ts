import { browser } from 'wxt/browser';
import { createApiClient, type ApiClient, type ApiResult } from '../utils/api-client';
import { createLocalMemory } from '../utils/local-memory';
import { createMemoryStore } from '../utils/memory-store';
import type { Remote } from '../utils/messaging';
import { createOfflineQueue, type QueuedWrite, type SendOutcome } from '../utils/offline-queue';
import { completeSettings, isSignedIn } from '../utils/settings';
import { apiTokenOf, localClientsItem, localStateItem, offlineQueueItem, settingsItem } from '../utils/storage';

/**
 * What every background capability shares: the server client (the only code with the token), the
 * offline queue, and local-only mode's memory with the engine over it. One instance per service worker.
 */

/** The client for the signed-in server, or null in local-only mode. */
export async function currentClient(): Promise<ApiClient | null> {
  const settings = completeSettings(await settingsItem.getValue());
  if (!isSignedIn(settings)) return null;
  try {
    return createApiClient({ baseUrl: settings.serverUrl, token: await apiTokenOf(settings) });
  } catch {
    return null;
  }
}

/** A client for a server URL with no token yet (signing in). */
export function anonymousClient(serverUrl: string): ApiClient {
  return createApiClient({ baseUrl: serverUrl, token: '' });
}

export function toRemote<T>(result: ApiResult<T>): Remote<T> {
  if (result.ok) return { status: 'ok', data: result.data };
  if (result.status === 404) return { status: 'not-found' };
  return { status: 'error', message: result.error };
}

export function toOutcome(result: ApiResult<unknown>): SendOutcome {
  if (result.ok) return { ok: true };
  return { ok: false, retry: result.retry, error: result.error, ...(result.retryAfterMs ? { retryAfterMs: result.retryAfterMs } : {}) };
}

async function send(client: ApiClient, write: QueuedWrite): Promise<ApiResult<unknown>> {
  switch (write.kind) {
    case 'touchpoint':
      return client.createTouchpoint(write.touchpoint);
    case 'verdict':
      return client.updatePromise(write.promiseId, write.body);
    case 'profile':
      return client.updateCounterpart(write.counterpart, write.patch);
    case 'settings':
      return client.putSettings(write.settings);
    case 'snooze':
      return client.snoozeReminder(write.reminderId, write.until);
  }
}

export const queue = createOfflineQueue({
  load: () => offlineQueueItem.getValue(),
  save: (state) => offlineQueueItem.setValue(state),
  now: () => Date.now(),
  async send(write: QueuedWrite) {
    const client = await currentClient();
    // Local-only mode: keep the write until the user signs in.
    if (!client) return { ok: false, retry: true, error: 'not signed in to a server' };
    return toOutcome(await send(client, write));
  },
});

export const memoryStore = createMemoryStore();

export const localMemory = createLocalMemory({
  store: memoryStore,
  settings: async () => completeSettings(await settingsItem.getValue()),
  local: () => localStateItem.getValue(),
  clients: () => localClientsItem.getValue(),
  now: () => new Date(),
});

/** Opens an https link from the server or memory (nothing else is opened). */
export async function openLink(link: string): Promise<void> {
  const url = new URL(link);
  if (url.protocol !== 'https:') return;
  await browser.tabs.create({ url: url.href });
}

/** The Clients view, on a client's page when given. */
export async function openClientsPage(counterpart?: string): Promise<void> {
  const hash = counterpart ? `#client=${encodeURIComponent(counterpart)}` : '';
  await browser.tabs.create({ url: browser.runtime.getURL(`/clients.html${hash}`) });
}
