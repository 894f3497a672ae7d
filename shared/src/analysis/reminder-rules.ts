/**
 * When something deserves a reminder (PRODUCT.md: "reminds them in time"). The server and the
 * extension's local mode select candidates their own way (indexes, lists) and decide with these.
 */

const DAY_MS = 86_400_000;

/** Renewals this close are worth a reminder. */
export const RENEWAL_WINDOW_DAYS = 60;
/** Feedback last asked longer ago than this is worth asking again (when the client has no interval of its own). */
export const FEEDBACK_INTERVAL_DAYS = 90;
/** By default, promises due within this many hours are reminded of before they are due. */
export const PROMISE_DUE_SOON_HOURS = 24;

/** Silence past the agreed cadence: the day the cadence lapsed, or null when it has not (or there is none). */
export function silenceLapsedAt(lastContactAt: string | null, cadenceDays: number | null, now: string): string | null {
  if (lastContactAt === null || cadenceDays === null) return null;
  const lapsed = Date.parse(lastContactAt) + cadenceDays * DAY_MS;
  return lapsed < Date.parse(now) ? new Date(lapsed).toISOString() : null;
}

/** Days until a renewal date (YYYY-MM-DD, the user's calendar), when it is today or within the window. */
export function renewalDaysLeft(renewalDate: string | null, now: string, windowDays = RENEWAL_WINDOW_DAYS): number | null {
  if (renewalDate === null) return null;
  const today = now.slice(0, 10);
  const days = Math.round((Date.parse(`${renewalDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS);
  return days >= 0 && days <= windowDays ? days : null;
}

/**
 * Feedback is due for a client we are in touch with (contact within the interval) and have not asked
 * within it; returns when it became due (null: never asked, so due now), or undefined when not due.
 */
export function feedbackDueSince(
  lastFeedbackAt: string | null,
  lastContactAt: string | null,
  now: string,
  intervalDays = FEEDBACK_INTERVAL_DAYS,
): string | null | undefined {
  const nowMs = Date.parse(now);
  if (lastContactAt === null || nowMs - Date.parse(lastContactAt) > intervalDays * DAY_MS) return undefined;
  if (lastFeedbackAt === null) return null;
  const due = Date.parse(lastFeedbackAt) + intervalDays * DAY_MS;
  return due < nowMs ? new Date(due).toISOString() : undefined;
}
