import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { Reminder } from '@followthrough/shared/contract';
import { createApiClient, normalizeServerUrl, originPattern, type ApiClient, type ApiResult } from '../utils/api-client';
import { onMessage, type ConnectionTestResult, type Remote } from '../utils/messaging';
import { createOfflineQueue, type QueuedWrite, type SendOutcome } from '../utils/offline-queue';
import { notificationText, pruneNotified, remindersToNotify } from '../utils/notify';
import { readManagedSettings, seededSettings } from '../utils/managed-settings';
import {
  LOCAL_TOUCHPOINT_LIMIT,
  localStateItem,
  notificationLinksItem,
  notifiedItem,
  offlineQueueItem,
  remindersItem,
  apiTokenOf,
  apiTokenStore,
  settingsItem,
  TOKEN_STORED,
} from '../utils/storage';

const ALARM_REMINDERS = 'refresh-reminders';
const ALARM_QUEUE = 'flush-queue';

/** The client for the configured server, or null in local-only mode. */
async function currentClient(): Promise<ApiClient | null> {
  const settings = await settingsItem.getValue();
  if (!settings.serverUrl || !settings.token) return null;
  try {
    return createApiClient({ baseUrl: settings.serverUrl, token: await apiTokenOf(settings) });
  } catch {
    return null;
  }
}

/**
 * A token saved before it moved out of storage.local (where content scripts can read it) moves to the
 * extension-only store on the background's first start after the update.
 */
async function moveLegacyToken(): Promise<void> {
  const settings = await settingsItem.getValue();
  if (!settings.token || settings.token === TOKEN_STORED) return;
  await apiTokenStore.set(settings.token);
  await settingsItem.setValue({ ...settings, token: TOKEN_STORED });
}

function toRemote<T>(result: ApiResult<T>): Remote<T> {
  if (result.ok) return { status: 'ok', data: result.data };
  if (result.status === 404) return { status: 'not-found' };
  return { status: 'error', message: result.error };
}

function toOutcome(result: ApiResult<unknown>): SendOutcome {
  if (result.ok) return { ok: true };
  return { ok: false, retry: result.retry, error: result.error, ...(result.retryAfterMs ? { retryAfterMs: result.retryAfterMs } : {}) };
}

const queue = createOfflineQueue({
  load: () => offlineQueueItem.getValue(),
  save: (state) => offlineQueueItem.setValue(state),
  now: () => Date.now(),
  async send(write: QueuedWrite) {
    const client = await currentClient();
    // Local-only mode: keep the write until a server is configured.
    if (!client) return { ok: false, retry: true, error: 'no server configured' };
    return toOutcome(write.kind === 'touchpoint' ? await client.createTouchpoint(write.touchpoint) : await client.updatePromise(write.promiseId, write.body));
  },
});

async function refreshReminders(): Promise<{ ok: boolean; count: number; error: string | null }> {
  const client = await currentClient();
  if (!client) return { ok: false, count: 0, error: 'No server configured' };
  const result = await client.reminders();
  if (!result.ok) {
    const cached = await remindersItem.getValue();
    await remindersItem.setValue({ ...cached, error: result.error });
    return { ok: false, count: cached.reminders.length, error: result.error };
  }
  const reminders = result.data.reminders;
  // The mailbox list is secondary: if it fails, keep what we knew rather than failing the refresh.
  const accounts = await client.accounts();
  const reconnectNeeded = accounts.ok
    ? accounts.data.accounts.filter((a) => a.reconnectNeeded).map((a) => ({ email: a.email, provider: a.provider }))
    : (await remindersItem.getValue()).reconnectNeeded ?? [];
  await remindersItem.setValue({ fetchedAt: new Date().toISOString(), reminders, error: null, reconnectNeeded });
  await notify(reminders);
  return { ok: true, count: reminders.length, error: null };
}

async function notify(reminders: Reminder[]): Promise<void> {
  const settings = await settingsItem.getValue();
  if (!settings.notifications) return;
  const now = Date.now();
  const notified = pruneNotified(await notifiedItem.getValue(), now);
  const links = await notificationLinksItem.getValue();
  for (const reminder of remindersToNotify(reminders, notified, now)) {
    const { title, message } = notificationText(reminder);
    const id = `ft:${reminder.id}`;
    await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    notified[reminder.id] = new Date(now).toISOString();
    if (reminder.link) links[id] = reminder.link;
  }
  await notifiedItem.setValue(notified);
  // Keep only links for reminders still notified (bounded).
  await notificationLinksItem.setValue(Object.fromEntries(Object.entries(links).filter(([id]) => notified[id.slice(3)])));
}

/** Opens a thread link (https only: links come from the server, so nothing else is opened). */
async function openThread(link: string): Promise<void> {
  const url = new URL(link);
  if (url.protocol !== 'https:') return;
  await browser.tabs.create({ url: url.href });
}

async function scheduleAlarms(): Promise<void> {
  const settings = await settingsItem.getValue();
  await browser.alarms.create(ALARM_REMINDERS, { periodInMinutes: Math.max(1, settings.refreshMinutes), delayInMinutes: 0.1 });
  await browser.alarms.create(ALARM_QUEUE, { periodInMinutes: 1 });
}

async function testConnection(serverUrl: string, token: string): Promise<ConnectionTestResult> {
  const steps: ConnectionTestResult['steps'] = [];
  let base: string;
  try {
    base = normalizeServerUrl(serverUrl);
  } catch (error) {
    return { ok: false, steps: [{ name: 'reachable', ok: false, detail: error instanceof Error ? error.message : String(error) }] };
  }
  const granted = await browser.permissions.contains({ origins: [originPattern(base)] });
  steps.push({ name: 'permission', ok: granted, detail: granted ? `Allowed to reach ${new URL(base).origin}` : `Permission for ${new URL(base).origin} not granted` });
  const client = createApiClient({ baseUrl: base, token });
  const health = await client.health();
  steps.push({ name: 'reachable', ok: health.ok, detail: health.ok ? `${base}/healthz answered` : health.error });
  if (health.ok) {
    const me = await client.me();
    steps.push({ name: 'token', ok: me.ok, detail: me.ok ? 'Token accepted' : me.status === 401 ? 'Token rejected (401): issue a new one with `followthrough user token <email>`' : me.error });
  }
  return { ok: steps.every((s) => s.ok), steps };
}

export default defineBackground(() => {
  onMessage('getThreadSummary', async ({ data }) => {
    const client = await currentClient();
    if (!client) return { status: 'local-only' };
    return toRemote(await client.threadSummary(data.threadId));
  });

  onMessage('pushThreadMessages', async ({ data }) => {
    const client = await currentClient();
    if (!client) return { status: 'local-only' };
    const result = await client.pushMessages(data.messages);
    return result.ok ? { status: 'ok', data: { accepted: data.messages.length } } : toRemote(result as ApiResult<{ accepted: number }>);
  });

  onMessage('logTouchpoint', async ({ data }) => {
    const local = await localStateItem.getValue();
    if (!local.touchpoints.some((t) => t.id === data.touchpoint.id)) {
      await localStateItem.setValue({ ...local, touchpoints: [...local.touchpoints, data.touchpoint].slice(-LOCAL_TOUCHPOINT_LIMIT) });
    }
    await queue.enqueue({ kind: 'touchpoint', touchpoint: data.touchpoint });
    void queue.flush();
    return { queued: true, pending: (await queue.pending()).entries.length };
  });

  onMessage('setPromiseVerdict', async ({ data }) => {
    const local = await localStateItem.getValue();
    const verdict = { ...data.verdict, updatedAt: new Date().toISOString() };
    await localStateItem.setValue({ ...local, verdicts: { ...local.verdicts, [data.promiseId]: verdict } });
    const { status, dueAt, snoozedUntil } = data.verdict;
    await queue.enqueue({
      kind: 'verdict',
      promiseId: data.promiseId,
      body: { status, ...(dueAt ? { dueAt } : {}), ...(snoozedUntil !== undefined ? { snoozedUntil } : {}) },
    });
    void queue.flush();
    return { queued: true, pending: (await queue.pending()).entries.length };
  });

  onMessage('getReport', async ({ data }) => {
    const client = await currentClient();
    if (!client) return { status: 'local-only' };
    return toRemote(await client.report(data.counterpart, data.since));
  });

  onMessage('testConnection', async ({ data }) => {
    // The options form shows the stored token as TOKEN_STORED: test with the token itself.
    const token = data.token === TOKEN_STORED ? await apiTokenStore.get() : data.token;
    const result = await testConnection(data.serverUrl, token);
    if (result.ok) {
      await queue.retryNow();
      void queue.flush();
      void refreshReminders();
    }
    return result;
  });

  onMessage('refreshReminders', () => refreshReminders());

  onMessage('getQueueStatus', async () => {
    const state = await queue.pending();
    return { pending: state.entries.length, failed: state.failed.length, oldestPendingAt: state.entries[0]?.enqueuedAt ?? null };
  });

  onMessage('openThread', async ({ data }) => {
    await openThread(data.link);
  });

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_REMINDERS) void refreshReminders().catch(() => undefined);
    if (alarm.name === ALARM_QUEUE) void queue.flush().catch(() => undefined);
  });

  browser.notifications.onClicked.addListener((notificationId) => {
    void (async () => {
      const link = (await notificationLinksItem.getValue())[notificationId];
      if (link) await openThread(link);
      await browser.notifications.clear(notificationId);
    })();
  });

  // An administrator's server and token (managed storage) seed a user who has none yet; a token in
  // storage.local (seeded, or saved before it moved) then moves to the extension-only store.
  void (async () => {
    const seeded = seededSettings(await settingsItem.getValue(), await readManagedSettings());
    if (seeded) await settingsItem.setValue(seeded);
    await moveLegacyToken();
  })().catch(() => undefined);
  browser.runtime.onInstalled.addListener(() => void scheduleAlarms());
  browser.runtime.onStartup.addListener(() => {
    // After a browser restart: whatever was queued before is sent now.
    void scheduleAlarms();
    void queue.flush().catch(() => undefined);
  });
  settingsItem.watch((next, previous) => {
    void scheduleAlarms();
    // A server was just configured or changed: send what waited (local-only writes included) now,
    // not when the backoff would next allow.
    if (next.serverUrl && next.token && (next.serverUrl !== previous?.serverUrl || next.token !== previous?.token)) {
      void queue.retryNow().then(() => queue.flush()).catch(() => undefined);
      void refreshReminders().catch(() => undefined);
    }
  });
});
