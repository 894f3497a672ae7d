import type { Touchpoint, TouchpointKind } from '../model/touchpoint';
import { isoMs } from './time/iso-ms';

/**
 * Touchpoints that are contact with the client (PRODUCT.md: "a logged call or meeting"): a conversation
 * happened. A note to ourselves or a sent invoice is not a conversation and does not reset the clock.
 */
export const CONTACT_TOUCHPOINT_KINDS: readonly TouchpointKind[] = ['call', 'meeting', 'feedback-asked', 'report-sent', 'other'];

export function isContactTouchpoint(kind: TouchpointKind): boolean {
  return CONTACT_TOUCHPOINT_KINDS.includes(kind);
}

export interface Silence {
  /** Last contact either way: a meaningful e-mail or a logged touchpoint (ISO, UTC); null = never. */
  lastContactAt: string | null;
  /** Days from last contact to `now`, to one decimal (enough to tell "today" from "yesterday" in a sidebar). */
  daysSinceContact: number | null;
  cadenceDays: number | null;
  /** Days past the cadence (0 when within it); null without a cadence or without any contact. */
  daysOverCadence: number | null;
}

const DAY_MS = 86_400_000;

/**
 * Silence at `now`: any contact resets the clock (PRODUCT.md) — an e-mail either way (the callers pass
 * thread lastContactAt values, which already skip auto-replies and internal mail) or any logged
 * touchpoint with the counterpart that is contact (callers pass only those). Contact after `now` is ignored, so a past `now` gives a past answer.
 */
export function measureSilence(input: {
  emailContacts: readonly (string | null)[];
  touchpoints: readonly Pick<Touchpoint, 'at'>[];
  cadenceDays: number | null;
  now: string;
}): Silence {
  const now = isoMs(input.now);
  let last = -Infinity;
  for (const at of [...input.emailContacts, ...input.touchpoints.map((t) => t.at)]) {
    if (at === null) continue;
    const ms = isoMs(at);
    if (ms <= now && ms > last) last = ms;
  }
  if (last === -Infinity) {
    return { lastContactAt: null, daysSinceContact: null, cadenceDays: input.cadenceDays, daysOverCadence: null };
  }
  const days = Math.round(((now - last) / DAY_MS) * 10) / 10;
  return {
    lastContactAt: new Date(last).toISOString(),
    daysSinceContact: days,
    cadenceDays: input.cadenceDays,
    daysOverCadence: input.cadenceDays === null ? null : Math.max(0, Math.round((days - input.cadenceDays) * 10) / 10),
  };
}
