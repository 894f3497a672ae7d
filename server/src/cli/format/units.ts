/** Human units for the text report. */

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
