/** Human units for the text report. */

/** 45 → "45m", 190 → "3h 10m", 3000 → "2d 2h". */
export function formatMinutes(minutes: number | null): string {
  if (minutes === null || !Number.isFinite(minutes)) return 'n/a';
  const m = Math.round(minutes);
  if (m < 60) return `${m}m`;
  if (m < 24 * 60) {
    const rest = m % 60;
    return rest ? `${Math.floor(m / 60)}h ${rest}m` : `${Math.floor(m / 60)}h`;
  }
  const days = Math.floor(m / 1440);
  const hours = Math.round((m % 1440) / 60);
  return hours ? `${days}d ${hours}h` : `${days}d`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "Tue 10 Mar 2026 17:00" in the user's zone. */
export function formatWhen(iso: string | null, timeZone: string, withTime = true): string {
  if (!iso) return 'never';
  const key = `${timeZone}|${withTime}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter.format(new Date(iso)).replace(/,/g, '');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A snippet on one line, cut at `max` characters. */
export function oneLine(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
