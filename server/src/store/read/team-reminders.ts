import { CONTACT_TOUCHPOINT_KINDS, FEEDBACK_INTERVAL_DAYS, REVIEW_INTERVAL_DAYS, reviewReminder, type ReminderItem } from '@followthrough/shared';
import { counterpartProfiles, orgClientProfiles, orgMembers, snippets, threads, touchpoints } from '../../db/schema/index';
import { FEEDBACK_ASKED } from '../analysis-writer';
import { names, str, strOrNull, type Executor } from '../sql';
import { teamMateIds } from '../orgs';

const T = names(threads);
const TP = names(touchpoints);
const S = names(snippets);
const CP = names(counterpartProfiles);
const OP = names(orgClientProfiles);
const OM = names(orgMembers);
const CONTACT_KINDS = `(${CONTACT_TOUCHPOINT_KINDS.map((k) => `'${k}'`).join(', ')})`;

/** What the user's reminders need to know of a client from the whole team (the user alone when in no organisation). */
export interface TeamClientFacts {
  key: string;
  /** The first and the latest contact anyone in the team had (mail either way or a logged contact). */
  firstContactAt: string | null;
  lastContactAt: string | null;
  /** The latest quarterly review anyone in the team logged. */
  lastReviewAt: string | null;
  /** The latest time anyone in the team asked the client for feedback: a logged touchpoint or a feedback question in their mail. */
  lastFeedbackAt: string | null;
  reviewIntervalDays: number;
  feedbackIntervalDays: number;
  /** The client's owner in one of the user's organisations, when one is set. */
  ownerUserId: string | null;
  /** The client's name in the team's profile, when one is set. */
  name: string | null;
}

/**
 * Team-wide facts of the clients the user deals with (`keys`) and of those they own in an organisation: one
 * statement of index seeks per (team mate, client), never a scan of anyone's history. Intervals come from
 * the team's profile of the client, else the user's own, else the defaults (90 days each).
 */
export async function readTeamClientFacts(db: Executor, userId: string, keys: readonly string[], now: string): Promise<Map<string, TeamClientFacts>> {
  const mates = await teamMateIds(db, userId);
  const owned = await db.execute({
    sql: `SELECT DISTINCT p.${OP.key} AS k FROM ${OP.$} p JOIN ${OM.$} m ON m.${OM.orgId} = p.${OP.orgId} AND m.${OM.userId} = ?1 WHERE p.${OP.ownerUserId} = ?1`,
    args: [userId],
  });
  const all = [...new Set([...keys, ...owned.rows.map((r) => str(r.k))])];
  const out = new Map<string, TeamClientFacts>();
  if (all.length === 0) return out;
  // ?1 the keys (JSON), ?2 now, ?3 the user, ?4... the mates' ids (numbered: an unnumbered ? would take
  // the number after the largest one before it in the text, and the first subquery comes before ?1).
  const list = mates.map((_, i) => `?${i + 4}`).join(', ');
  const subqueries = [
    `(SELECT min(${T.firstAt}) FROM ${T.$} WHERE ${T.userId} IN (${list}) AND ${T.counterpart} = k.value AND ${T.firstAt} <= ?2) AS first_mail`,
    `(SELECT min(${TP.at}) FROM ${TP.$} WHERE ${TP.userId} IN (${list}) AND ${TP.counterpart} = k.value AND ${TP.kind} IN ${CONTACT_KINDS} AND ${TP.at} <= ?2) AS first_touch`,
    `(SELECT max(${T.lastContactAt}) FROM ${T.$} WHERE ${T.userId} IN (${list}) AND ${T.counterpart} = k.value AND ${T.lastContactAt} <= ?2) AS last_mail`,
    `(SELECT max(${TP.at}) FROM ${TP.$} WHERE ${TP.userId} IN (${list}) AND ${TP.counterpart} = k.value AND ${TP.kind} IN ${CONTACT_KINDS} AND ${TP.at} <= ?2) AS last_touch`,
    `(SELECT max(${TP.at}) FROM ${TP.$} WHERE ${TP.userId} IN (${list}) AND ${TP.counterpart} = k.value AND ${TP.kind} = 'review' AND ${TP.at} <= ?2) AS last_review`,
    `(SELECT max(${TP.at}) FROM ${TP.$} WHERE ${TP.userId} IN (${list}) AND ${TP.counterpart} = k.value AND ${TP.kind} = 'feedback-asked' AND ${TP.at} <= ?2) AS feedback_touch`,
    `(SELECT max(${S.at}) FROM ${S.$} WHERE ${S.userId} IN (${list}) AND ${S.counterpart} = k.value AND ${S.kind} = '${FEEDBACK_ASKED}' AND ${S.at} <= ?2) AS feedback_mail`,
  ];
  const result = await db.execute({
    sql: `SELECT k.value AS k, ${subqueries.join(',\n')},
            (SELECT json_object('review', p.${OP.reviewIntervalDays}, 'feedback', p.${OP.feedbackIntervalDays}, 'owner', p.${OP.ownerUserId}, 'name', p.${OP.name})
               FROM ${OP.$} p JOIN ${OM.$} m ON m.${OM.orgId} = p.${OP.orgId} AND m.${OM.userId} = ?3 WHERE p.${OP.key} = k.value
               ORDER BY m.${OM.joinedAt}, p.${OP.orgId} LIMIT 1) AS team,
            (SELECT json_object('review', c.${CP.reviewIntervalDays}, 'feedback', c.${CP.feedbackIntervalDays}) FROM ${CP.$} c WHERE c.${CP.userId} = ?3 AND c.${CP.key} = k.value) AS own
          FROM json_each(?1) k`,
    args: [JSON.stringify(all), now, userId, ...mates],
  });
  const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
  const latest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a > b ? a : b);
  for (const r of result.rows) {
    const team = r.team === null || r.team === undefined ? null : (JSON.parse(str(r.team)) as { review: number | null; feedback: number | null; owner: string | null; name: string | null });
    const own = r.own === null || r.own === undefined ? null : (JSON.parse(str(r.own)) as { review: number | null; feedback: number | null });
    out.set(str(r.k), {
      key: str(r.k),
      firstContactAt: earliest(strOrNull(r.first_mail), strOrNull(r.first_touch)),
      lastContactAt: latest(strOrNull(r.last_mail), strOrNull(r.last_touch)),
      lastReviewAt: strOrNull(r.last_review),
      lastFeedbackAt: latest(strOrNull(r.feedback_touch), strOrNull(r.feedback_mail)),
      reviewIntervalDays: team?.review ?? own?.review ?? REVIEW_INTERVAL_DAYS,
      feedbackIntervalDays: team?.feedback ?? own?.feedback ?? FEEDBACK_INTERVAL_DAYS,
      ownerUserId: team?.owner ?? null,
      name: team?.name ?? null,
    });
  }
  return out;
}

/**
 * Quarterly reviews the user is reminded of: active clients whose review is due, each to its owner, or,
 * without one, to every member who deals with it (the user deals with `dealt`); longest due first.
 */
export function reviewsDue(
  userId: string,
  facts: ReadonlyMap<string, TeamClientFacts>,
  dealt: ReadonlySet<string>,
  now: string,
  nameOf: (key: string) => string | null = (key) => facts.get(key)?.name ?? null,
): ReminderItem[] {
  const out: ReminderItem[] = [];
  for (const f of facts.values()) {
    if (f.ownerUserId !== null ? f.ownerUserId !== userId : !dealt.has(f.key)) continue;
    const reminder = reviewReminder(
      { key: f.key, name: nameOf(f.key), lastReviewAt: f.lastReviewAt, firstContactAt: f.firstContactAt, lastContactAt: f.lastContactAt, intervalDays: f.reviewIntervalDays },
      now,
    );
    if (reminder) out.push(reminder);
  }
  return out.sort((a, b) => (a.dueAt ?? '').localeCompare(b.dueAt ?? '') || a.counterpart.localeCompare(b.counterpart));
}
