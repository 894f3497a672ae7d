/**
 * The quarterly review (PRODUCT.md: "a quarterly review (SWOT) per client with its reminder"): each active
 * client is reviewed every REVIEW_INTERVAL_DAYS unless the client's own interval says otherwise. The
 * server (for each user and team) and the extension decide with these.
 */

import { isoMs } from './time/iso-ms';
import { utcIso } from './time/utc-iso';

const DAY_MS = 86_400_000;

/** A client is reviewed this often unless its profile sets another interval. */
export const REVIEW_INTERVAL_DAYS = 90;
/** Clients anyone had contact with within this many days are active: their reviews are reminded of. */
export const ACTIVE_CLIENT_DAYS = 180;
/** The manager's view lists renewals this close (the user's own reminders use RENEWAL_WINDOW_DAYS). */
export const TEAM_RENEWAL_WINDOW_DAYS = 90;

/**
 * When a client's next review is due: the last review plus the interval; without any review yet, the
 * start of the relationship as far as we know it (first contact) plus the interval, so a new client is not
 * due for review on its first day.
 */
export function reviewDueAt(lastReviewAt: string | null, firstContactAt: string | null, intervalDays = REVIEW_INTERVAL_DAYS): string | null {
  const from = lastReviewAt ?? firstContactAt;
  return from === null ? null : utcIso(isoMs(from) + intervalDays * DAY_MS);
}

/** Whether there was contact within ACTIVE_CLIENT_DAYS before `now`. */
export function isActiveClient(lastContactAt: string | null, now: string): boolean {
  if (lastContactAt === null) return false;
  const since = isoMs(now) - isoMs(lastContactAt);
  return since >= 0 && since <= ACTIVE_CLIENT_DAYS * DAY_MS;
}

/**
 * A review reminder for an active client whose review is due at or before `now`: when it became due, or
 * undefined when none is due (not active, or reviewed within the interval).
 */
export function reviewDueSince(
  input: { lastReviewAt: string | null; firstContactAt: string | null; lastContactAt: string | null; intervalDays?: number | null },
  now: string,
): string | undefined {
  if (!isActiveClient(input.lastContactAt, now)) return undefined;
  const due = reviewDueAt(input.lastReviewAt, input.firstContactAt, input.intervalDays ?? REVIEW_INTERVAL_DAYS);
  return due !== null && isoMs(due) <= isoMs(now) ? due : undefined;
}
