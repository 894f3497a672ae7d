import { browser } from 'wxt/browser';
import { createApiClient, normalizeServerUrl, originPattern } from '../utils/api-client';
import { onMessage, type ConnectionTestResult, type QueueItem } from '../utils/messaging';
import { describeWrite, type QueueEntry } from '../utils/offline-queue';
import { readManagedSettings, seededSettings } from '../utils/managed-settings';
import { completeSettings, isSignedIn } from '../utils/settings';
import { accountItem, apiTokenStore, localClientsItem, localStateItem, settingsItem, TOKEN_STORED } from '../utils/storage';
import { currentClient, localMemory, openClientsPage, openLink, queue, toRemote } from './context';
import { getClient, getClientProfile, getClientPromises, getClientThreads, getClientTouchpoints, listClients, updateClientProfile } from './clients';
import { engineAnalyze, engineRememberedFacts, engineReport, warmEngine } from './engine';
import { dataSummary, eraseAll, exportAll, uploadMemory } from './data';
import { connectMailbox, disconnectMailbox, listMailboxes, syncMailbox } from './mailboxes';
import { openNotification, openReminder, refreshReminders, snoozeReminder } from './reminders';
import { pullServerSettings, saveSettings } from './settings-sync';
import { logTouchpoint, pushThreadMessages, rememberThread, report, setPromiseVerdict, threadSummary } from './sidebar';
import { cancelSignIn, resumeSignIn, signOut, startSignIn, whenSignedIn } from './sign-in';
import {
  answerInvitation,
  cancelOrgInvitation,
  createOrg,
  getOrgMembers,
  getTeamClient,
  getTeamStats,
  getTeamTimeline,
  inviteOrgMember,
  listMyInvitations,
  listOrgs,
  listTeamClients,
  removeOrgMember,
  setDepartment,
  updateOrgMember,
  updateTeamClient,
} from './team';

/**
 * The background: the only code with the server's token. Every capability lives in its own file beside
 * this one; this is the one place their messages, alarms and browser events are registered.
 */
const ALARM_REMINDERS = 'refresh-reminders';
const ALARM_QUEUE = 'flush-queue';
const ALARM_SIGN_IN = 'resume-sign-in';

async function scheduleAlarms(): Promise<void> {
  const settings = completeSettings(await settingsItem.getValue());
  await browser.alarms.create(ALARM_REMINDERS, { periodInMinutes: Math.max(1, settings.refreshMinutes), delayInMinutes: 0.1 });
  await browser.alarms.create(ALARM_QUEUE, { periodInMinutes: 1 });
}

/** A token saved before it moved out of storage.local (where content scripts can read it) moves now. */
async function moveLegacyToken(): Promise<void> {
  const settings = await settingsItem.getValue();
  if (!settings.token || settings.token === TOKEN_STORED) return;
  await apiTokenStore.set(settings.token);
  await settingsItem.setValue({ ...settings, token: TOKEN_STORED });
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

const item = (e: QueueEntry): QueueItem => ({ key: e.key, description: describeWrite(e.write), enqueuedAt: e.enqueuedAt, attempts: e.attempts, lastError: e.lastError, nextAttemptAt: e.nextAttemptAt });

/** After signing in: the server's settings, what waited in the queue, and the server's reminders. */
async function afterSignIn(): Promise<void> {
  localMemory.invalidate();
  await pullServerSettings().catch(() => undefined);
  await queue.retryNow();
  void queue.flush().catch(() => undefined);
  void refreshReminders().catch(() => undefined);
  const who = await (await currentClient())?.whoAmI();
  if (who?.ok) await accountItem.setValue({ ...(await accountItem.getValue()), email: who.data.email });
}

export function registerBackground(): void {
  whenSignedIn(afterSignIn);

  // The engine, for the content scripts (they load none of it).
  onMessage('analyzeSnapshot', ({ data }) => engineAnalyze(data));
  onMessage('localReport', ({ data }) => engineReport(data));
  onMessage('rememberedFacts', ({ data }) => engineRememberedFacts(data));
  onMessage('warmEngine', () => warmEngine());

  // The sidebar.
  onMessage('getThreadSummary', ({ data }) => threadSummary(data.threadId));
  onMessage('pushThreadMessages', ({ data }) => pushThreadMessages(data.messages));
  onMessage('rememberThread', ({ data }) => rememberThread(data.thread, data.facts));
  onMessage('logTouchpoint', ({ data }) => logTouchpoint(data.touchpoint));
  onMessage('setPromiseVerdict', ({ data }) => setPromiseVerdict(data.promiseId, data.verdict));
  onMessage('getReport', ({ data }) => report(data.counterpart, data.since));

  // Clients.
  onMessage('getClientProfile', ({ data }) => getClientProfile(data.counterpart));
  onMessage('updateClientProfile', async ({ data }) => updateClientProfile(data.counterpart, data.patch, isSignedIn(completeSettings(await settingsItem.getValue()))));
  onMessage('listClients', ({ data }) => listClients(data));
  onMessage('getClient', ({ data }) => getClient(data.counterpart));
  onMessage('getClientThreads', ({ data }) => getClientThreads(data.counterpart, data.cursor ?? null));
  onMessage('getClientPromises', ({ data }) => getClientPromises(data.counterpart, data.cursor ?? null));
  onMessage('getClientTouchpoints', ({ data }) => getClientTouchpoints(data.counterpart, data.cursor ?? null));
  onMessage('openClients', ({ data }) => openClientsPage(data.counterpart));
  onMessage('openOptions', () => browser.runtime.openOptionsPage());

  // Teams.
  onMessage('listOrgs', () => listOrgs());
  onMessage('createOrg', ({ data }) => createOrg(data));
  onMessage('getOrgMembers', ({ data }) => getOrgMembers(data));
  onMessage('inviteOrgMember', ({ data }) => inviteOrgMember(data));
  onMessage('updateOrgMember', ({ data }) => updateOrgMember(data));
  onMessage('removeOrgMember', ({ data }) => removeOrgMember(data));
  onMessage('cancelOrgInvitation', ({ data }) => cancelOrgInvitation(data));
  onMessage('listMyInvitations', () => listMyInvitations());
  onMessage('answerInvitation', ({ data }) => answerInvitation(data));
  onMessage('listTeamClients', ({ data }) => listTeamClients(data));
  onMessage('getTeamClient', ({ data }) => getTeamClient(data));
  onMessage('getTeamTimeline', ({ data }) => getTeamTimeline(data));
  onMessage('updateTeamClient', ({ data }) => updateTeamClient(data));
  onMessage('getTeamStats', ({ data }) => getTeamStats(data));
  onMessage('setDepartment', ({ data }) => setDepartment(data.department));

  // Signing in.
  onMessage('startSignIn', ({ data }) => startSignIn(data.serverUrl));
  onMessage('cancelSignIn', () => cancelSignIn());
  onMessage('signOut', () => signOut());
  onMessage('testConnection', async ({ data }) => {
    // The options form shows a stored token as TOKEN_STORED: test with the token itself.
    const token = data.token === TOKEN_STORED ? await apiTokenStore.get() : data.token;
    const result = await testConnection(data.serverUrl, token);
    if (result.ok) await afterSignIn();
    return result;
  });

  // Settings.
  onMessage('loadSettings', () => pullServerSettings());
  onMessage('saveSettings', ({ data }) => saveSettings(data.values));
  onMessage('getAnalysisStatus', async () => {
    const client = await currentClient();
    if (!client) return { status: 'local-only' };
    const me = toRemote(await client.whoAmI());
    return me.status === 'ok' ? { status: 'ok', data: me.data.analysis } : me;
  });

  // Reminders.
  onMessage('refreshReminders', () => refreshReminders());
  onMessage('snoozeReminder', ({ data }) => snoozeReminder(data.reminderId, data.until));
  onMessage('openReminder', ({ data }) => openReminder(data.reminder));
  onMessage('openThread', ({ data }) => openLink(data.link));

  // Mailboxes.
  onMessage('listMailboxes', () => listMailboxes());
  onMessage('connectMailbox', ({ data }) => connectMailbox(data.provider, data.access));
  onMessage('disconnectMailbox', ({ data }) => disconnectMailbox(data.id));
  onMessage('syncMailbox', ({ data }) => syncMailbox(data.id));

  // Your data.
  onMessage('dataSummary', () => dataSummary());
  onMessage('exportAll', () => exportAll());
  onMessage('eraseAll', () => eraseAll());
  onMessage('uploadMemory', () => uploadMemory());
  onMessage('dismissMemoryOffer', async () => {
    await accountItem.setValue({ ...(await accountItem.getValue()), memoryOffer: null });
  });

  // Writes waiting for the server.
  onMessage('getQueueStatus', async () => {
    const state = await queue.pending();
    return { pending: state.entries.length, failed: state.failed.length, oldestPendingAt: state.entries[0]?.enqueuedAt ?? null };
  });
  onMessage('getQueue', async () => {
    const state = await queue.pending();
    return { entries: state.entries.map(item), failed: state.failed.map(item) };
  });
  onMessage('retryWrite', async ({ data }) => {
    const ok = await queue.retry(data.key);
    void queue.flush().catch(() => undefined);
    return { ok };
  });
  onMessage('discardWrite', async ({ data }) => ({ ok: (await queue.discard(data.key)) !== null }));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_REMINDERS) void refreshReminders().catch(() => undefined);
    if (alarm.name === ALARM_QUEUE) void queue.flush().catch(() => undefined);
    if (alarm.name === ALARM_SIGN_IN) void resumeSignIn().catch(() => undefined);
  });
  browser.notifications.onClicked.addListener((notificationId) => void openNotification(notificationId).catch(() => undefined));

  // An administrator's server (and token) from managed storage seed a user who has none yet; a token in
  // storage.local (seeded, or saved before it moved) then moves to the extension-only store.
  void (async () => {
    const seeded = seededSettings(completeSettings(await settingsItem.getValue()), await readManagedSettings());
    if (seeded) await settingsItem.setValue(seeded);
    await moveLegacyToken();
    // A sign-in the worker was polling when it stopped goes on.
    await browser.alarms.create(ALARM_SIGN_IN, { periodInMinutes: 1 });
    void resumeSignIn();
  })().catch(() => undefined);
  browser.runtime.onInstalled.addListener(() => void scheduleAlarms());
  browser.runtime.onStartup.addListener(() => {
    // After a browser restart: whatever was queued before is sent now.
    void scheduleAlarms();
    void queue.flush().catch(() => undefined);
  });
  settingsItem.watch((next, previous) => {
    localMemory.invalidate();
    if (next?.refreshMinutes !== previous?.refreshMinutes) void scheduleAlarms();
    // Signed in, or to another server: send what waited (local-only writes included) now.
    if (next && isSignedIn(next) && (next.serverUrl !== previous?.serverUrl || next.token !== previous?.token)) {
      void queue.retryNow().then(() => queue.flush()).catch(() => undefined);
      void refreshReminders().catch(() => undefined);
    }
  });
  // Local figures follow local edits made elsewhere (another tab's sidebar).
  localStateItem.watch(() => localMemory.invalidate());
  localClientsItem.watch(() => localMemory.invalidate());
}
