import type { Department, WorkingHours } from '@followthrough/shared/model';
import type { ReminderKind } from '@followthrough/shared/contract';

/** The user's settings (options page). Kept apart from storage.ts so pure code can use the defaults. */
export interface ExtensionSettings {
  /** Base URL of the Followthrough server, e.g. https://followthrough.example.com; '' = local-only mode. */
  serverUrl: string;
  /**
   * '' (not signed in) or storage.ts TOKEN_STORED: the API token itself is kept in the extension-only store
   * (apiTokenStore), which content scripts cannot open.
   */
  token: string;
  /**
   * The user's own addresses; empty = guess from the signed-in account the page shows. Signed in, this and
   * the fields below up to initiationTargetPercent mirror the server's settings (the one home), so the
   * sidebar's local figures use the same ones.
   */
  addresses: string[];
  /** IANA zone; '' = the browser's zone. */
  timeZone: string;
  workingHours: WorkingHours;
  /** Cadence for clients without an agreed one; null = none. */
  defaultCadenceDays: number | null;
  /** Our share of started conversations to aim for, in percent (a client may have its own). */
  initiationTargetPercent: number;
  /** The user's department in their team (the server's setting when signed in): touchpoints are logged with it. */
  department: Department | null;
  /** Master switch for notifications. */
  notifications: boolean;
  /** Which reminder kinds notify (each can be switched off on its own). */
  notifyKinds: Record<ReminderKind, boolean>;
  /** How often reminders are refreshed. */
  refreshMinutes: number;
}

export const DEFAULT_NOTIFY_KINDS: Record<ReminderKind, boolean> = {
  'promise-overdue': true,
  'promise-due': true,
  'awaiting-reply': true,
  silence: true,
  renewal: true,
  feedback: true,
  'promise-at-risk': true,
  'client-risk': true,
  review: true,
};

export const DEFAULT_SETTINGS: ExtensionSettings = {
  serverUrl: '',
  token: '',
  addresses: [],
  timeZone: '',
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  defaultCadenceDays: 14,
  initiationTargetPercent: 80,
  department: null,
  notifications: true,
  notifyKinds: DEFAULT_NOTIFY_KINDS,
  refreshMinutes: 15,
};

/** Settings as stored by an older version, with what it did not know filled in. */
export function completeSettings(stored: Partial<ExtensionSettings> | null | undefined): ExtensionSettings {
  return { ...DEFAULT_SETTINGS, ...stored, notifyKinds: { ...DEFAULT_NOTIFY_KINDS, ...stored?.notifyKinds } };
}

/** Whether the extension is signed in to a server (the token itself is never in settings). */
export function isSignedIn(settings: Pick<ExtensionSettings, 'serverUrl' | 'token'>): boolean {
  return settings.serverUrl !== '' && settings.token !== '';
}

let browserZone: string | undefined;

/** The zone the settings mean: the chosen one, else the browser's own (looked up once: it is not free). */
export function effectiveTimeZone(settings: Pick<ExtensionSettings, 'timeZone'>): string {
  if (settings.timeZone) return settings.timeZone;
  browserZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return browserZone;
}
