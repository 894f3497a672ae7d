import { describeBusinessMinutes, type AnalysisSettings } from '@followthrough/shared';
/** Words and numbers the way a manager reads them. Pure functions, shared by the panels. */

export function formatMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return '—';
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 24) return `${hours < 10 ? hours.toFixed(1).replace(/\.0$/, '') : Math.round(hours)} h`;
  const days = hours / 24;
  return `${days < 10 ? days.toFixed(1).replace(/\.0$/, '') : Math.round(days)} days`;
}

/**
 * Business minutes in the one vocabulary every figure uses (shared duration-words.ts: working minutes,
 * working hours, then working days of the user's own day length), as the health reasons and the CLI say them.
 */
export function formatBusinessMinutes(minutes: number | null, hours: Pick<AnalysisSettings, 'workingHours'>): string {
  if (minutes === null || !Number.isFinite(minutes)) return '—';
  return describeBusinessMinutes(minutes, hours);
}

const DAY_MS = 86_400_000;

/**
 * Formatters by kind and zone. Building an Intl.DateTimeFormat costs far more than formatting with one
 * (about 0.1 ms each, and a sidebar formats dozens of dates on every thread open).
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(kind: 'date-time' | 'day', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const fields: Intl.DateTimeFormatOptions =
      kind === 'date-time'
        ? { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }
        : { day: 'numeric', month: 'short', year: 'numeric' };
    formatter = new Intl.DateTimeFormat(undefined, { ...fields, ...(timeZone ? { timeZone } : {}) });
    formatters.set(key, formatter);
  }
  return formatter;
}

export function formatDate(iso: string | null, timeZone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return formatterFor('date-time', timeZone).format(date);
}

export function formatDay(iso: string | null, timeZone?: string): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  return formatterFor('day', timeZone).format(date);
}

/** "due in 2 days", "due today", "3 days overdue". */
export function describeDue(dueAt: string, now: Date): string {
  const diff = Date.parse(dueAt) - now.getTime();
  if (diff < 0) {
    const days = Math.floor(-diff / DAY_MS);
    return days === 0 ? `overdue by ${formatMinutes(-diff / 60_000)}` : `${days} day${days === 1 ? '' : 's'} overdue`;
  }
  if (diff < DAY_MS) return `due in ${formatMinutes(diff / 60_000)}`;
  const days = Math.round(diff / DAY_MS);
  return `due in ${days} day${days === 1 ? '' : 's'}`;
}

/** Elapsed days as whole days, the way people count them: "today", "1 day", "12 days" (12.2 -> 12). */
export function formatWholeDays(days: number): string {
  const whole = Math.max(0, Math.floor(days));
  return whole === 0 ? 'today' : `${whole} day${whole === 1 ? '' : 's'}`;
}

export function daysBetween(fromIso: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(fromIso)) / DAY_MS);
}

export function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

/** Local date input value (YYYY-MM-DD) for an ISO instant. */
export function toDateInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** End of the working day (17:00 local) on a YYYY-MM-DD date input, as ISO. */
export function fromDateInput(value: string, hour = 17): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), hour, 0);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
