import type { UserSettings, UserSettingsInput } from '@followthrough/shared/contract';
import type { SettingsState, SettingsValues } from '../utils/messaging';
import { completeSettings, isSignedIn, type ExtensionSettings } from '../utils/settings';
import { accountItem, serverSettingsItem, settingsItem } from '../utils/storage';
import { currentClient, localMemory, queue } from './context';

/**
 * One home for settings: signed in, the server holds them (its figures are computed with them) and the
 * options page reads and writes them there; an edit made offline waits in the queue and the local copy
 * shows it meanwhile. Signed out, they stay in this browser. Either way the sidebar's local figures use
 * the same values (mirrored into the extension's settings).
 */

const valuesOf = (s: ExtensionSettings): SettingsValues => ({
  addresses: s.addresses,
  timeZone: s.timeZone,
  workingHours: s.workingHours,
  defaultCadenceDays: s.defaultCadenceDays,
  initiationTargetPercent: s.initiationTargetPercent,
  department: s.department,
});

const fromServer = (s: UserSettings): SettingsValues => ({
  addresses: s.addresses,
  timeZone: s.timeZone,
  workingHours: s.workingHours,
  defaultCadenceDays: s.defaultCadenceDays,
  initiationTargetPercent: s.initiationTargetPercent,
  department: s.department ?? null,
});

async function pendingSettingsWrite(): Promise<boolean> {
  const state = await queue.pending();
  return state.entries.some((e) => e.key === 'settings') || state.failed.some((e) => e.key === 'settings');
}

async function mirror(values: SettingsValues): Promise<void> {
  const settings = completeSettings(await settingsItem.getValue());
  await settingsItem.setValue({ ...settings, ...values });
  localMemory.invalidate();
}

/** Reads the server's settings into the local copy, unless an edit of ours still waits to be sent. */
export async function pullServerSettings(): Promise<SettingsState> {
  const local = completeSettings(await settingsItem.getValue());
  if (!isSignedIn(local)) return { values: valuesOf(local), source: 'local', pending: false, error: null };
  const pending = await pendingSettingsWrite();
  const client = await currentClient();
  const result = client ? await client.settings() : null;
  if (!result || !result.ok) return { values: valuesOf(local), source: 'server', pending, error: result ? result.error : 'not signed in' };
  await serverSettingsItem.setValue(result.data);
  if (pending) return { values: valuesOf(local), source: 'server', pending, error: null };
  const values = fromServer(result.data);
  await mirror(values);
  return { values, source: 'server', pending: false, error: null };
}

export async function saveSettings(values: SettingsValues): Promise<SettingsState> {
  await mirror(values);
  const local = completeSettings(await settingsItem.getValue());
  if (!isSignedIn(local)) return { values: valuesOf(local), source: 'local', pending: false, error: null };
  const known = await serverSettingsItem.getValue();
  const email = (await accountItem.getValue()).email;
  const addresses = values.addresses.length > 0 ? values.addresses : (known?.addresses ?? (email ? [email] : []));
  const body: UserSettingsInput = {
    ...(known ?? {}),
    addresses,
    // The server computes in a definite zone: "this computer's" is resolved here.
    timeZone: values.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    workingHours: values.workingHours,
    defaultCadenceDays: values.defaultCadenceDays,
    initiationTargetPercent: values.initiationTargetPercent,
    // The department is set apart (the team section): a save without it keeps what the server has.
    ...(values.department !== undefined ? { department: values.department } : {}),
  };
  await queue.enqueue({ kind: 'settings', settings: body });
  await queue.flush();
  const pending = await pendingSettingsWrite();
  if (!pending) await serverSettingsItem.setValue({ ...(known ?? {}), ...body } as UserSettings);
  const failed = (await queue.pending()).failed.find((e) => e.key === 'settings');
  return { values: valuesOf(completeSettings(await settingsItem.getValue())), source: 'server', pending, error: failed?.lastError ?? null };
}
