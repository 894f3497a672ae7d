import { browser } from 'wxt/browser';
import type { Reminder } from '@followthrough/shared/contract';
import { notificationText, pruneNotified, remindersToNotify } from '../utils/notify';
import { completeSettings, isSignedIn } from '../utils/settings';
import { localClientsItem, notificationLinksItem, notifiedItem, remindersItem, settingsItem } from '../utils/storage';
import { currentClient, localMemory, openClientsPage, openLink, queue } from './context';

/**
 * Reminders, signed in from the server and otherwise from local memory (the same rules: reminder-rules.ts),
 * cached for the popup; every kind can notify (per-kind switches in the options), at most once a day each;
 * a notification or a popup item opens the reminder's exact thread, or the client's page when it has none.
 */
export async function refreshReminders(): Promise<{ ok: boolean; count: number; error: string | null }> {
  const settings = completeSettings(await settingsItem.getValue());
  const client = await currentClient();
  if (!client) {
    if (isSignedIn(settings)) return { ok: false, count: 0, error: 'not signed in' };
    const reminders = await localMemory.reminders();
    await remindersItem.setValue({ fetchedAt: new Date().toISOString(), reminders, error: null, reconnectNeeded: [] });
    await notify(reminders);
    return { ok: true, count: reminders.length, error: null };
  }
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
    : ((await remindersItem.getValue()).reconnectNeeded ?? []);
  await remindersItem.setValue({ fetchedAt: new Date().toISOString(), reminders, error: null, reconnectNeeded });
  await notify(reminders);
  return { ok: true, count: reminders.length, error: null };
}

async function notify(reminders: Reminder[]): Promise<void> {
  const settings = completeSettings(await settingsItem.getValue());
  if (!settings.notifications) return;
  const now = Date.now();
  const notified = pruneNotified(await notifiedItem.getValue(), now);
  const targets = await notificationLinksItem.getValue();
  for (const reminder of remindersToNotify(reminders, notified, now, settings.notifyKinds)) {
    const { title, message } = notificationText(reminder);
    const id = `ft:${reminder.id}`;
    await browser.notifications.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
    notified[reminder.id] = new Date(now).toISOString();
    targets[id] = { link: reminder.link, counterpart: reminder.counterpart };
  }
  await notifiedItem.setValue(notified);
  // Keep only the targets of reminders still notified (bounded).
  await notificationLinksItem.setValue(Object.fromEntries(Object.entries(targets).filter(([id]) => notified[id.slice(3)])));
}

/** The thread when there is one, else the client's page. */
export async function openReminder(reminder: Pick<Reminder, 'link' | 'counterpart'>): Promise<void> {
  if (reminder.link) await openLink(reminder.link);
  else await openClientsPage(reminder.counterpart || undefined);
}

export async function openNotification(notificationId: string): Promise<void> {
  const target = (await notificationLinksItem.getValue())[notificationId];
  if (target) await openReminder(target);
  await browser.notifications.clear(notificationId);
}

/** Snooze for 1 day, 1 week or until a date (the popup sends the instant); signed in it goes to the server. */
export async function snoozeReminder(reminderId: string, until: string | null): Promise<{ queued: boolean }> {
  const clients = await localClientsItem.getValue();
  const snoozes = { ...clients.snoozes };
  if (until) snoozes[reminderId] = until;
  else delete snoozes[reminderId];
  await localClientsItem.setValue({ ...clients, snoozes });
  // Hidden in the popup at once, whatever the server's answer time.
  const cached = await remindersItem.getValue();
  if (until) await remindersItem.setValue({ ...cached, reminders: cached.reminders.filter((r) => r.id !== reminderId) });
  localMemory.invalidate();
  const settings = completeSettings(await settingsItem.getValue());
  if (!isSignedIn(settings)) return { queued: false };
  await queue.enqueue({ kind: 'snooze', reminderId, until });
  await queue.flush();
  return { queued: true };
}
