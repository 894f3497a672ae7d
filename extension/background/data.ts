import type { StoredMessageFacts } from '@followthrough/shared/model';
import type { LocalDataSummary } from '../utils/messaging';
import { completeSettings, DEFAULT_SETTINGS } from '../utils/settings';
import {
  accountItem,
  apiTokenStore,
  localClientsItem,
  localStateItem,
  notificationLinksItem,
  notifiedItem,
  offlineQueueItem,
  remindersItem,
  serverSettingsItem,
  settingsItem,
  signInSecretStore,
} from '../utils/storage';
import { currentClient, localMemory, memoryStore } from './context';

/**
 * "Your data": what is kept (on the server and in this browser), all of it as one file, and all of it
 * erased after a confirmation that names it. Also the upload of local-only mode's memory after signing in.
 */
export async function localSummary(): Promise<LocalDataSummary> {
  const [memory, local, clients, queueState] = await Promise.all([memoryStore.counts(), localStateItem.getValue(), localClientsItem.getValue(), offlineQueueItem.getValue()]);
  return {
    threads: memory.threads,
    messages: memory.messages,
    touchpoints: local.touchpoints.length,
    verdicts: Object.keys(local.verdicts).length,
    clients: Object.keys(clients.profiles).length,
    queued: queueState.entries.length + queueState.failed.length,
  };
}

export async function dataSummary() {
  const settings = completeSettings(await settingsItem.getValue());
  const local = await localSummary();
  const client = await currentClient();
  if (!client) return { server: null, serverUrl: null, local, error: null };
  const server = await client.dataSummary();
  return { server: server.ok ? server.data : null, serverUrl: settings.serverUrl, local, error: server.ok ? null : server.error };
}

/** Everything, server and local, as one JSON document (the token is never in it). */
export async function exportAll(): Promise<{ ok: boolean; json?: string; error?: string }> {
  const client = await currentClient();
  let server: unknown = null;
  if (client) {
    const result = await client.exportAll();
    if (!result.ok) return { ok: false, error: `The server's export failed: ${result.error}` };
    server = result.data;
  }
  const settings = completeSettings(await settingsItem.getValue());
  const { token: _token, ...settingsWithoutToken } = settings;
  const [memory, local, clients, queueState, reminders] = await Promise.all([memoryStore.all(), localStateItem.getValue(), localClientsItem.getValue(), offlineQueueItem.getValue(), remindersItem.getValue()]);
  const document = {
    exportedAt: new Date().toISOString(),
    format: 'followthrough-export/1',
    server: server ? { url: settings.serverUrl, ...(server as object) } : null,
    browser: {
      settings: settingsWithoutToken,
      rememberedThreads: memory.threads,
      rememberedMessages: memory.messages,
      touchpoints: local.touchpoints,
      promiseVerdicts: local.verdicts,
      clientProfiles: clients.profiles,
      reminderSnoozes: clients.snoozes,
      writesWaiting: queueState,
      reminders: reminders.reminders,
    },
  };
  return { ok: true, json: JSON.stringify(document, null, 2) };
}

/** Erases the server's account and data first (so a failure leaves everything as it was), then this browser's. */
export async function eraseAll(): Promise<{ ok: boolean; erased: string[]; error?: string }> {
  const erased: string[] = [];
  const client = await currentClient();
  if (client) {
    const result = await client.eraseMe();
    if (!result.ok) return { ok: false, erased, error: `The server did not erase your data: ${result.error}. Nothing was erased.` };
    erased.push('your account and everything stored on the server');
  }
  await memoryStore.forget();
  await Promise.all([
    localStateItem.setValue({ verdicts: {}, touchpoints: [] }),
    localClientsItem.setValue({ profiles: {}, snoozes: {} }),
    offlineQueueItem.setValue({ entries: [], failed: [] }),
    remindersItem.setValue({ fetchedAt: '', reminders: [], error: null }),
    notifiedItem.setValue({}),
    notificationLinksItem.setValue({}),
    serverSettingsItem.setValue(null),
    accountItem.setValue({ email: null, signIn: null, memoryOffer: null }),
    apiTokenStore.set(''),
    signInSecretStore.set(null),
    settingsItem.setValue(DEFAULT_SETTINGS),
  ]);
  localMemory.invalidate();
  erased.push('remembered threads, touchpoints, verdicts, client profiles, queued writes, reminders and settings in this browser');
  return { ok: true, erased };
}

const BATCH = 500;

/** Sends the Gmail threads remembered before signing in to the server (facts only), then forgets them here. */
export async function uploadMemory(): Promise<{ ok: boolean; accepted: number; threads: number; error?: string }> {
  const client = await currentClient();
  if (!client) return { ok: false, accepted: 0, threads: 0, error: 'Sign in first.' };
  const memory = await memoryStore.all();
  const threads = memory.threads.filter((t) => t.uploadable);
  const ids = new Set(threads.map((t) => t.threadId));
  const facts: StoredMessageFacts[] = memory.messages.filter((m) => m.providedThreadId !== undefined && ids.has(m.providedThreadId));
  let accepted = 0;
  for (let i = 0; i < facts.length; i += BATCH) {
    const result = await client.uploadMemory(facts.slice(i, i + BATCH));
    if (!result.ok) return { ok: false, accepted, threads: 0, error: result.error };
    accepted += result.data.accepted;
  }
  await memoryStore.forget([...ids]);
  localMemory.invalidate();
  const left = await memoryStore.counts();
  await accountItem.setValue({ ...(await accountItem.getValue()), memoryOffer: null });
  return { ok: true, accepted, threads: threads.length, ...(left.threads > 0 ? { error: `${left.threads} Outlook threads stay in this browser: their ids cannot be matched to the server's.` } : {}) };
}
