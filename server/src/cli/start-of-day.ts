import { UsageError } from './usage-error';

/** Midnight of a calendar date in `timeZone`, as an ISO instant (DST-correct: the offset is read at that day). */
export function startOfDayIn(date: string, timeZone: string, usage: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const check = new Date(guess);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    throw new UsageError(`"${date}" is not a calendar date`, usage);
  }
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsetAt = (ms: number): number => {
    const p = Object.fromEntries(formatter.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return (Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - ms) / 60000;
  };
  // Two passes settle the offset even when midnight is near a DST change.
  let instant = guess - offsetAt(guess) * 60000;
  instant = guess - offsetAt(instant) * 60000;
  return new Date(instant).toISOString();
}
