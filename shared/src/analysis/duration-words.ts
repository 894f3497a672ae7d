import type { AnalysisSettings } from '../model/settings';
import { clockToMinutes } from './time/zoned';

/**
 * Durations in words, one vocabulary everywhere (health reasons, the sidebar, the Clients view, the CLI's
 * text report): wall-clock time in minutes, hours and days; business time in working minutes, working
 * hours and, past two working days, working days of the user's own day length (a "working day" of 09:00-17:00
 * is 8 hours, never 24). Before this, the CLI said "1d 20h business" beside reasons in "3.6 working days".
 */

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const oneDecimal = (x: number): number => Math.round(x * 10) / 10;

/** "45 minutes", "3.5 hours", "6 days": wall-clock durations a manager reads at a glance. */
export function describeMinutes(minutes: number): string {
  if (minutes < 60) return plural(Math.round(minutes), 'minute');
  const hours = minutes / 60;
  if (hours < 48) return `${hours < 10 ? oneDecimal(hours) : Math.round(hours)} hours`.replace(/^1 hours/, '1 hour');
  return plural(Math.round(hours / 24), 'day');
}

/** Minutes in one of the user's working days (an overnight shift, 22:00-06:00, is 8 hours too). */
export function workingDayMinutes(settings: Pick<AnalysisSettings, 'workingHours'>): number {
  const start = clockToMinutes(settings.workingHours.start);
  const end = clockToMinutes(settings.workingHours.end);
  return end > start ? end - start : end + 1440 - start;
}

/**
 * Business minutes as working minutes, working hours, or (from two working days on) working days of the
 * user's own day length: "45 working minutes", "3.5 working hours", "3.6 working days".
 */
export function describeBusinessMinutes(minutes: number, settings: Pick<AnalysisSettings, 'workingHours'>): string {
  const dayLength = workingDayMinutes(settings);
  if (minutes < 60) return plural(Math.round(minutes), 'working minute');
  if (minutes < dayLength * 2) {
    const hours = oneDecimal(minutes / 60);
    return `${hours} working ${hours === 1 ? 'hour' : 'hours'}`;
  }
  return `${oneDecimal(minutes / dayLength)} working days`;
}
