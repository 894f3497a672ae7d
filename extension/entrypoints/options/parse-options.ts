import { normalizeServerUrl } from '../../utils/api-client';
import type { ReminderKind } from '@followthrough/shared/contract';
import type { ExtensionSettings } from '../../utils/settings';

export interface OptionsFormValues {
  serverUrl: string;
  token: string;
  addresses: string;
  timeZone: string;
  start: string;
  end: string;
  days: number[];
  defaultCadenceDays: string;
  notifications: boolean;
  /** Optional in the form (older callers): the settings' value is kept when absent. */
  initiationTargetPercent?: string;
  notifyKinds?: Record<ReminderKind, boolean>;
}

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Validates the options form; every error names the field it is about. */
export function parseOptionsForm(
  form: OptionsFormValues,
  previous: ExtensionSettings,
): { ok: true; settings: ExtensionSettings } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  let serverUrl = '';
  if (form.serverUrl.trim()) {
    try {
      serverUrl = normalizeServerUrl(form.serverUrl);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  const addresses = form.addresses
    .split(/[\s,;]+/)
    .map((a) => a.trim().toLowerCase())
    .filter(Boolean);
  for (const address of addresses) if (!ADDRESS.test(address)) errors.push(`Own addresses: "${address}" is not an e-mail address`);
  const timeZone = form.timeZone.trim();
  if (timeZone) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone });
    } catch {
      errors.push(`Time zone: "${timeZone}" is not an IANA zone name (e.g. Europe/Berlin)`);
    }
  }
  if (!CLOCK.test(form.start)) errors.push(`Working day start: "${form.start}" is not HH:MM`);
  if (!CLOCK.test(form.end)) errors.push(`Working day end: "${form.end}" is not HH:MM`);
  if (CLOCK.test(form.start) && CLOCK.test(form.end) && form.end <= form.start) errors.push('Working day end must be after its start');
  if (form.days.length === 0) errors.push('Working days: choose at least one day');
  let defaultCadenceDays: number | null = null;
  if (form.defaultCadenceDays.trim()) {
    const n = Number(form.defaultCadenceDays);
    if (!Number.isInteger(n) || n < 1 || n > 365) errors.push(`Default cadence: "${form.defaultCadenceDays}" must be a whole number of days from 1 to 365`);
    else defaultCadenceDays = n;
  }
  let initiationTargetPercent = previous.initiationTargetPercent;
  if (form.initiationTargetPercent !== undefined && form.initiationTargetPercent.trim()) {
    const n = Number(form.initiationTargetPercent.trim().replace(/%$/, ''));
    if (!Number.isInteger(n) || n < 1 || n > 100) errors.push(`Initiation target: "${form.initiationTargetPercent}" must be a whole percentage from 1 to 100`);
    else initiationTargetPercent = n;
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      ...previous,
      serverUrl,
      token: form.token.trim(),
      addresses,
      timeZone,
      workingHours: { start: form.start, end: form.end, days: [...new Set(form.days)].sort((a, b) => a - b) },
      defaultCadenceDays,
      initiationTargetPercent,
      notifications: form.notifications,
      notifyKinds: form.notifyKinds ?? previous.notifyKinds,
    },
  };
}
