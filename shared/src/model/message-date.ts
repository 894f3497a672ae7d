import { MessageRejectedError } from './message-rejection';

/**
 * The instants a message can have been sent at. Mail is younger than 1970 (a Date of 1 Jan 1970 is a zeroed
 * clock, not history, but it is a real instant), and nothing is sent from beyond 2100: a "9999-12-31" reply
 * is a forged or broken header. Every date rule can rely on this range (business time over eight thousand
 * years was a minute of CPU), so it is checked once, where a message enters the engine.
 */
export const MESSAGE_DATE_RANGE = {
  earliest: '1970-01-01T00:00:00Z',
  latest: '2100-01-01T00:00:00Z',
  earliestMs: Date.UTC(1970, 0, 1),
  latestMs: Date.UTC(2100, 0, 1),
} as const;

/**
 * The message's sent instant in ms, or MessageRejectedError (`date_invalid`, `date_out_of_range`). The one
 * check of a message's date: extractMessageFacts and every reader call it.
 */
export function messageInstant(message: { id?: string; date: string }): number {
  const ms = Date.parse(message.date);
  if (Number.isNaN(ms)) throw new MessageRejectedError('date_invalid', 'the date is not an ISO 8601 date with an offset', message.id);
  if (ms < MESSAGE_DATE_RANGE.earliestMs || ms >= MESSAGE_DATE_RANGE.latestMs) {
    throw new MessageRejectedError(
      'date_out_of_range',
      `the date is outside ${MESSAGE_DATE_RANGE.earliest.slice(0, 4)}-${Number(MESSAGE_DATE_RANGE.latest.slice(0, 4)) - 1}, the years mail can have been sent in`,
      message.id,
    );
  }
  return ms;
}
