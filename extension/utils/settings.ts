import type { WorkingHours } from '@followthrough/shared/model';

/** The user's settings (options page). Kept apart from storage.ts so pure code can use the defaults. */
export interface ExtensionSettings {
  /** Base URL of the Followthrough server, e.g. https://followthrough.example.com; '' = local-only mode. */
  serverUrl: string;
  /**
   * '' (no server token) or storage.ts TOKEN_STORED: the token printed by `followthrough user add` itself is
   * kept in the extension-only store (apiTokenStore), which content scripts cannot open.
   */
  token: string;
  /** The user's own addresses; empty = guess from the signed-in account the page shows. */
  addresses: string[];
  /** IANA zone; '' = the browser's zone. */
  timeZone: string;
  workingHours: WorkingHours;
  /** Cadence for clients without an agreed one; null = none. */
  defaultCadenceDays: number | null;
  notifications: boolean;
  /** How often reminders are refreshed from the server. */
  refreshMinutes: number;
}

export const DEFAULT_SETTINGS: ExtensionSettings = {
  serverUrl: '',
  token: '',
  addresses: [],
  timeZone: '',
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  defaultCadenceDays: 14,
  notifications: true,
  refreshMinutes: 15,
};


let browserZone: string | undefined;

/** The zone the settings mean: the chosen one, else the browser's own (looked up once: it is not free). */
export function effectiveTimeZone(settings: Pick<ExtensionSettings, 'timeZone'>): string {
  if (settings.timeZone) return settings.timeZone;
  browserZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  return browserZone;
}
