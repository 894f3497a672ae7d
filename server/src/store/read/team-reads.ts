import type { InValue, Row } from '@libsql/client';
import {
  CONTACT_TOUCHPOINT_KINDS,
  effectiveTeamProfile,
  isRecentRisk,
  keepRate,
  mergedFigures,
  decodeSortedLags,
  mergedLagStats,
  parseAggregate,
  mergeSummaryInputs,
  renewalDaysLeft,
  reviewDueAt,
  REVIEW_INTERVAL_DAYS,
  silenceLapsedAt,
  summarizeCounterpart,
  TEAM_RENEWAL_WINDOW_DAYS,
  type AggregateFigures,
  type AnalysisSettings,
  type CounterpartAggregate,
  type CounterpartSummaryInput,
  type Department,
  type Review,
} from '@followthrough/shared';
import type {
  CounterpartProfile,
  OrgCounterpartDetail,
  OrgMember,
  OrgPerson,
  TeamClientProfile,
  TeamCounterpart,
  TeamTouchpoint,
} from '@followthrough/shared/contract';
import type { Database } from '../../db/client';
import { counterpartAggregates, counterpartProfiles, orgClientProfiles, threads, touchpoints } from '../../db/schema/index';
import { ApiError } from '../../http/errors';
import { listMembers, type Membership } from '../orgs';
import { names, placeholders, selectIn, str, strOrNull, type Executor } from '../sql';
import { toStoredTouchpoint } from '../touchpoints';
import { counterpartFigures, inputFromRow, keysOfPieces, readAllPieces, readCounterpartRow, readUserPromiseTally, summaryInputOf, type AllPieces, type ReadClock } from './counterpart-reads';
import { decodeCursor, encodeCursor, listPromises } from './promise-reads';

const A = names(counterpartAggregates);
const T = names(threads);
const TP = names(touchpoints);
const CP = names(counterpartProfiles);
const OP = names(orgClientProfiles);
const CONTACT_KINDS = `(${CONTACT_TOUCHPOINT_KINDS.map((k) => `'${k}'`).join(', ')})`;

// The team's view of its clients (issue 13), composed when read from what each member's own ingest keeps
// up to date: their per-client aggregates, thread rows, promise and touchpoint indexes. A team figure costs
// what the members' stored rows cost to read (members x clients rows for the list, members x one row for a
// client's page), never a member's history recomputed.
//
// What crosses from one member to another is decided here and nowhere else: figures, touchpoints (with their
// summaries and reviews) and client profiles do; promise, request and risk sentences only of members who
// share them (and the caller's own). TeamCounterpart has no field that can hold a sentence.

const person = (m: OrgMember): OrgPerson => ({ userId: m.userId, email: m.email, name: m.name });

const latest = (...values: (string | null | undefined)[]): string | null =>
  values.reduce<string | null>((best, v) => (v !== null && v !== undefined && (best === null || v > best) ? v : best), null);

interface TeamProfileRow extends TeamClientProfile {
  key: string;
}

const EMPTY_TEAM_PROFILE: TeamClientProfile = { name: null, cadenceDays: null, renewalDate: null, notes: null, ownerUserId: null, reviewIntervalDays: null, feedbackIntervalDays: null };

function toTeamProfile(r: Row): TeamProfileRow {
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    key: str(r.key),
    name: strOrNull(r.name),
    cadenceDays: num(r.cadence_days),
    renewalDate: strOrNull(r.renewal_date),
    notes: strOrNull(r.notes),
    ownerUserId: strOrNull(r.owner_user_id),
    reviewIntervalDays: num(r.review_interval_days),
    feedbackIntervalDays: num(r.feedback_interval_days),
  };
}

const TEAM_PROFILE_COLUMNS = `${OP.key} AS key, ${OP.name} AS name, ${OP.cadenceDays} AS cadence_days, ${OP.renewalDate} AS renewal_date, ${OP.notes} AS notes,
  ${OP.ownerUserId} AS owner_user_id, ${OP.reviewIntervalDays} AS review_interval_days, ${OP.feedbackIntervalDays} AS feedback_interval_days`;

async function teamProfiles(db: Executor, orgId: string): Promise<Map<string, TeamProfileRow>> {
  const rows = await db.execute({ sql: `SELECT ${TEAM_PROFILE_COLUMNS} FROM ${OP.$} WHERE ${OP.orgId} = ?`, args: [orgId] });
  return new Map(rows.rows.map((r) => [str(r.key), toTeamProfile(r)]));
}

async function teamProfile(db: Executor, orgId: string, key: string): Promise<TeamProfileRow | null> {
  const row = (await db.execute({ sql: `SELECT ${TEAM_PROFILE_COLUMNS} FROM ${OP.$} WHERE ${OP.orgId} = ? AND ${OP.key} = ?`, args: [orgId, key] })).rows[0];
  return row ? toTeamProfile(row) : null;
}

interface TouchTally {
  userId: string;
  key: string;
  department: Department | null;
  n: number;
  lastAt: string;
}

/** Touchpoints per member, client and department: the team's 360 degrees, as counts. */
async function touchTallies(db: Executor, memberIds: readonly string[], key?: string): Promise<TouchTally[]> {
  const rows = await db.execute({
    sql: `SELECT ${TP.userId} AS user_id, ${TP.counterpart} AS k, ${TP.department} AS department, count(*) AS n, max(${TP.at}) AS last_at FROM ${TP.$}
          WHERE ${TP.userId} IN (${placeholders(memberIds.length)})${key === undefined ? '' : ` AND ${TP.counterpart} = ?`} GROUP BY 1, 2, 3`,
    args: [...memberIds, ...(key === undefined ? [] : [key])],
  });
  return rows.rows.map((r) => ({ userId: str(r.user_id), key: str(r.k), department: strOrNull(r.department) as Department | null, n: Number(r.n), lastAt: str(r.last_at) }));
}

/** The stored aggregates of (member, client) pairs whose figures must be merged (a client several members deal with). */
async function aggregatesOf(db: Executor, memberIds: readonly string[], keys: readonly string[]): Promise<Map<string, CounterpartAggregate[]>> {
  const out = new Map<string, CounterpartAggregate[]>();
  if (keys.length === 0) return out;
  const rows = await selectIn(
    db,
    `SELECT ${A.key} AS k, ${A.aggregateJson} AS v FROM ${A.$} WHERE ${A.userId} IN (${placeholders(memberIds.length)}) AND ${A.key} IN`,
    memberIds,
    keys,
  );
  for (const r of rows) {
    const list = out.get(str(r.k)) ?? [];
    list.push(parseAggregate(str(r.v)));
    out.set(str(r.k), list);
  }
  return out;
}

/** One member's part in one client. */
interface Part {
  member: OrgMember;
  input: CounterpartSummaryInput;
  profile: CounterpartProfile;
}

interface Composed {
  team: TeamCounterpart;
  input: CounterpartSummaryInput;
  renewalDate: string | null;
}

/**
 * The team's figures of one client from its members' parts: counts added up, lags merged, the latest
 * contact anyone had, the team's profile (falling back to the owner's, then any member's), health by the
 * one summary rule. Only figures go in: no field of TeamCounterpart holds a sentence.
 */
function compose(
  key: string,
  parts: readonly Part[],
  figures: AggregateFigures,
  profile: TeamProfileRow | null,
  tallies: readonly TouchTally[],
  members: ReadonlyMap<string, OrgMember>,
  clock: ReadClock,
  settings: AnalysisSettings,
): Composed {
  const owner = profile?.ownerUserId ? (members.get(profile.ownerUserId) ?? null) : null;
  const ownerPart = owner ? parts.find((p) => p.member.userId === owner.userId) : undefined;
  const effective = effectiveTeamProfile(profile, ownerPart?.profile ?? null, parts.map((p) => p.profile));
  const input = mergeSummaryInputs(
    key,
    parts.map((p) => p.input),
    figures,
    { cadenceDays: effective.cadenceDays, now: clock.now, settings },
  );
  const summary = summarizeCounterpart(input);
  const lastOf = (p: Part) => latest(p.input.lastEmailContactAt, p.input.lastTouchpointContactAt);
  const lastContactBy = summary.lastContactAt === null ? null : (parts.find((p) => lastOf(p) !== null && Date.parse(lastOf(p)!) === Date.parse(summary.lastContactAt!))?.member ?? null);
  const byDepartment = new Map<string, { department: Department | null; touchpoints: number; lastAt: string }>();
  const touchesOf = new Map<string, number>();
  for (const t of tallies) {
    const entry = byDepartment.get(t.department ?? '') ?? { department: t.department, touchpoints: 0, lastAt: t.lastAt };
    entry.touchpoints += t.n;
    if (t.lastAt > entry.lastAt) entry.lastAt = t.lastAt;
    byDepartment.set(t.department ?? '', entry);
    touchesOf.set(t.userId, (touchesOf.get(t.userId) ?? 0) + t.n);
  }
  const team: TeamCounterpart = Object.assign(counterpartFigures(summary), {
    key,
    name: effective.name,
    renewalDate: effective.renewalDate,
    owner: owner ? person(owner) : null,
    lastContactBy: lastContactBy ? person(lastContactBy) : null,
    departments: [...byDepartment.values()].sort((a, b) => b.lastAt.localeCompare(a.lastAt)),
    members: parts.map((p) => ({
      ...person(p.member),
      department: p.member.department,
      threads: p.input.figures.threads,
      lastContactAt: lastOf(p),
      openPromises: p.input.promises.open,
      overduePromises: p.input.promises.overdue,
      touchpoints: touchesOf.get(p.member.userId) ?? 0,
    })),
  });
  return { team, input, renewalDate: effective.renewalDate };
}

/** Figures of a client: a single member's own, or the members' aggregates merged. */
function figuresOf(key: string, parts: readonly Part[], aggregates: ReadonlyMap<string, CounterpartAggregate[]>): AggregateFigures {
  const withMail = parts.filter((p) => p.input.figures.threads > 0);
  if (withMail.length === 1) return withMail[0]!.input.figures;
  return mergedFigures(key, aggregates.get(key) ?? []);
}

export interface TeamListQuery {
  sort: 'health' | '-health' | 'lastContact' | 'key';
  filter?: 'overdue' | 'silent' | 'renewal' | 'awaiting' | undefined;
  limit: number;
  cursor?: string | undefined;
}

const sorters: Record<TeamListQuery['sort'], (a: TeamCounterpart, b: TeamCounterpart) => number> = {
  health: (a, b) => a.health.score - b.health.score || a.key.localeCompare(b.key),
  '-health': (a, b) => b.health.score - a.health.score || a.key.localeCompare(b.key),
  lastContact: (a, b) => (b.lastContactAt ?? '').localeCompare(a.lastContactAt ?? '') || a.key.localeCompare(b.key),
  key: (a, b) => a.key.localeCompare(b.key),
};

/** The manager's filters: overdue promises, nobody in touch within cadence, renewals within 90 days, replies owed. */
function matchesTeamFilter(c: TeamCounterpart, filter: TeamListQuery['filter'], now: string): boolean {
  switch (filter) {
    case undefined:
      return true;
    case 'overdue':
      return c.promises.overdue > 0;
    case 'awaiting':
      return c.awaitingOurReplyCount > 0;
    case 'silent':
      return silenceLapsedAt(c.lastContactAt, c.cadenceDays, now) !== null;
    case 'renewal':
      return renewalDaysLeft(c.renewalDate, now, TEAM_RENEWAL_WINDOW_DAYS) !== null;
  }
}

/**
 * Every client any member deals with, with the team's figures: each member's pieces for all their clients
 * (readAllPieces, a handful of grouped statements per member), the aggregates of clients several members
 * share (one statement), the touchpoint counts and the team's profiles (one each); then composed per client.
 */
export async function listTeamCounterparts(
  db: Executor,
  viewer: Membership,
  query: TeamListQuery,
  clock: ReadClock,
  settings: AnalysisSettings,
  breathe: () => Promise<void>,
): Promise<{ counterparts: TeamCounterpart[]; total: number; nextCursor: string | null }> {
  const members = await listMembers(db, viewer.orgId);
  const ids = members.map((m) => m.userId);
  const [pieces, profiles, tallies] = await Promise.all([
    (async () => {
      const out: AllPieces[] = [];
      for (const m of members) {
        out.push(await readAllPieces(db, m.userId, clock));
        await breathe();
      }
      return out;
    })(),
    teamProfiles(db, viewer.orgId),
    touchTallies(db, ids),
  ]);
  const keysByMember = pieces.map(keysOfPieces);
  const allKeys = new Set<string>([...keysByMember.flatMap((k) => [...k]), ...profiles.keys()]);
  const shared = [...allKeys].filter((key) => pieces.filter((p) => (p.figures.get(key)?.threads ?? 0) > 0).length > 1);
  const aggregates = await aggregatesOf(db, ids, shared);
  const talliesOf = new Map<string, TouchTally[]>();
  for (const t of tallies) talliesOf.set(t.key, [...(talliesOf.get(t.key) ?? []), t]);
  const byId = new Map(members.map((m) => [m.userId, m]));

  const all: TeamCounterpart[] = [];
  for (const key of allKeys) {
    const parts: Part[] = [];
    members.forEach((member, i) => {
      if (keysByMember[i]!.has(key)) parts.push({ member, ...summaryInputOf(pieces[i]!, key, clock, settings) });
    });
    const composed = compose(key, parts, figuresOf(key, parts, aggregates), profiles.get(key) ?? null, talliesOf.get(key) ?? [], byId, clock, settings);
    if (matchesTeamFilter(composed.team, query.filter, clock.now)) all.push(composed.team);
    await breathe();
  }
  all.sort(sorters[query.sort]);
  const offset = Number(decodeCursor(query.cursor, 1)?.[0] ?? 0);
  return {
    counterparts: all.slice(offset, offset + query.limit),
    total: all.length,
    nextCursor: offset + query.limit < all.length ? encodeCursor([offset + query.limit]) : null,
  };
}

const DETAIL_LIST = 20;
const SENTENCES_SHOWN = 5;

const TIMELINE_COLUMNS = `${TP.userId} AS user_id, ${TP.id} AS id, ${TP.counterpart} AS counterpart, ${TP.kind} AS kind, ${TP.at} AS at, ${TP.summary} AS summary,
  ${TP.department} AS department, ${TP.threadId} AS thread_id, ${TP.createdAt} AS created_at, ${TP.reviewJson} AS review_json`;

/** A page of the members' touchpoints with a client, newest first, each with whose it is. */
export async function readTeamTimeline(
  db: Executor,
  orgId: string,
  key: string,
  query: { limit: number; cursor?: string | undefined },
  members?: readonly OrgMember[],
): Promise<{ touchpoints: TeamTouchpoint[]; total: number; nextCursor: string | null }> {
  const team = members ?? (await listMembers(db, orgId));
  const byId = new Map(team.map((m) => [m.userId, m]));
  const ids = team.map((m) => m.userId);
  const where = `${TP.userId} IN (${placeholders(ids.length)}) AND ${TP.counterpart} = ?`;
  const args: InValue[] = [...ids, key.toLowerCase()];
  let after = '';
  const afterArgs: InValue[] = [];
  let cursor: (string | number)[] | null;
  try {
    cursor = decodeCursor(query.cursor, 3);
  } catch {
    throw new ApiError('validation_failed', 400, 'query.cursor: not a cursor this list gave out');
  }
  if (cursor) {
    after = ` AND (${TP.at} < ? OR (${TP.at} = ? AND (${TP.userId} > ? OR (${TP.userId} = ? AND ${TP.id} > ?))))`;
    afterArgs.push(cursor[0]!, cursor[0]!, cursor[1]!, cursor[1]!, cursor[2]!);
  }
  const [rows, count] = await Promise.all([
    db.execute({ sql: `SELECT ${TIMELINE_COLUMNS} FROM ${TP.$} WHERE ${where}${after} ORDER BY ${TP.at} DESC, ${TP.userId}, ${TP.id} LIMIT ?`, args: [...args, ...afterArgs, query.limit + 1] }),
    db.execute({ sql: `SELECT count(*) AS n FROM ${TP.$} WHERE ${where}`, args }),
  ]);
  const page = rows.rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    touchpoints: page.map((r) => ({ ...toStoredTouchpoint(r), member: person(byId.get(str(r.user_id))!) })),
    total: Number(count.rows[0]?.n ?? 0),
    nextCursor: rows.rows.length > query.limit && last ? encodeCursor([str(last.at), str(last.user_id), str(last.id)]) : null,
  };
}

/** The first contact anyone in the team had with a client (mail or a logged contact). */
async function firstContact(db: Executor, ids: readonly string[], key: string, now: string): Promise<string | null> {
  const row = (
    await db.execute({
      sql: `SELECT (SELECT min(${T.firstAt}) FROM ${T.$} WHERE ${T.userId} IN (${placeholders(ids.length)}) AND ${T.counterpart} = ? AND ${T.firstAt} <= ?) AS mail,
                   (SELECT min(${TP.at}) FROM ${TP.$} WHERE ${TP.userId} IN (${placeholders(ids.length)}) AND ${TP.counterpart} = ? AND ${TP.kind} IN ${CONTACT_KINDS} AND ${TP.at} <= ?) AS touch`,
      args: [...ids, key, now, ...ids, key, now],
    })
  ).rows[0];
  const mail = strOrNull(row?.mail);
  const touch = strOrNull(row?.touch);
  return mail === null ? touch : touch === null ? mail : mail < touch ? mail : touch;
}

async function latestReviewOf(db: Executor, ids: readonly string[], key: string, now: string): Promise<Row | null> {
  const rows = await db.execute({
    sql: `SELECT ${TIMELINE_COLUMNS} FROM ${TP.$} WHERE ${TP.userId} IN (${placeholders(ids.length)}) AND ${TP.counterpart} = ? AND ${TP.kind} = 'review' AND ${TP.at} <= ?
          ORDER BY ${TP.at} DESC LIMIT 1`,
    args: [...ids, key, now],
  });
  return rows.rows[0] ?? null;
}

/**
 * The client's 360 degree page: the team's figures, every member's part, the merged timeline of touchpoints
 * by department, the latest quarterly review, and the sentences of members who share them (counts of the
 * others'). Each member's part is one statement over their indexes (readCounterpartRow), so the page costs
 * members x one client's read, whatever the client's history.
 */
export async function readTeamCounterpart(
  db: Executor,
  viewer: Membership,
  key: string,
  clock: ReadClock,
  settings: AnalysisSettings,
): Promise<OrgCounterpartDetail | null> {
  const members = await listMembers(db, viewer.orgId);
  const ids = members.map((m) => m.userId);
  const [rows, profile, tallies, timeline, review, first] = await Promise.all([
    Promise.all(members.map((m) => readCounterpartRow(db, m.userId, key, clock))),
    teamProfile(db, viewer.orgId, key),
    touchTallies(db, ids, key),
    readTeamTimeline(db, viewer.orgId, key, { limit: DETAIL_LIST }, members),
    latestReviewOf(db, ids, key, clock.now),
    firstContact(db, ids, key, clock.now),
  ]);
  const parts: Part[] = [];
  rows.forEach((row, i) => {
    if (row) parts.push({ member: members[i]!, ...inputFromRow(key, row, clock, settings) });
  });
  if (parts.length === 0 && profile === null) return null;
  const aggregates = parts.filter((p) => p.input.figures.threads > 0).length > 1 ? await aggregatesOf(db, ids, [key]) : new Map<string, CounterpartAggregate[]>();
  const byId = new Map(members.map((m) => [m.userId, m]));
  const { team } = compose(key, parts, figuresOf(key, parts, aggregates), profile, tallies, byId, clock, settings);

  // Sentences: only of members who share them, and the caller's own. Everyone else's are counted.
  const sharing = parts.filter((p) => p.member.shareSentences || p.member.userId === viewer.userId);
  const withholding = parts.filter((p) => !sharing.includes(p));
  const promiseLists = await Promise.all(sharing.map((p) => listPromises(db, p.member.userId, { counterpart: key, live: true, limit: DETAIL_LIST }, clock.now)));
  const sharedPromises = sharing
    .flatMap((p, i) => promiseLists[i]!.promises.map((promise) => ({ ...promise, member: person(p.member) })))
    .sort((a, b) => (a.status === b.status ? a.dueAt.localeCompare(b.dueAt) : a.status === 'overdue' ? -1 : 1))
    .slice(0, DETAIL_LIST);
  const requests = sharing
    .flatMap((p) => p.input.requests.oldest.map((r) => ({ ...r, member: person(p.member) })))
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(0, SENTENCES_SHOWN);
  const risks = sharing
    .flatMap((p) => p.input.risks.filter((r) => isRecentRisk(r.at, clock.now)).map((r) => ({ ...r, member: person(p.member) })))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, SENTENCES_SHOWN);

  const reviewRow = review;
  const interval = profile?.reviewIntervalDays ?? REVIEW_INTERVAL_DAYS;
  return {
    counterpart: team,
    profile: profile ? stripKey(profile) : EMPTY_TEAM_PROFILE,
    timeline: timeline.touchpoints,
    timelineCount: timeline.total,
    latestReview: reviewRow
      ? {
          touchpointId: str(reviewRow.id),
          at: str(reviewRow.at),
          member: person(byId.get(str(reviewRow.user_id))!),
          review: JSON.parse(str(reviewRow.review_json ?? '{}')) as Review,
        }
      : null,
    reviewDueAt: reviewDueAt(reviewRow ? str(reviewRow.at) : null, first, interval),
    sentences: { promises: sharedPromises, requests, risks },
    withheld: {
      members: withholding.length,
      openPromises: withholding.reduce((s, p) => s + p.input.promises.open + p.input.promises.overdue, 0),
      requests: withholding.reduce((s, p) => s + p.input.requests.count, 0),
      risks: withholding.reduce((s, p) => s + p.input.risks.filter((r) => isRecentRisk(r.at, clock.now)).length, 0),
    },
  };
}

function stripKey(p: TeamProfileRow): TeamClientProfile {
  const { key: _key, ...rest } = p;
  return rest;
}

/**
 * The manager's view of each member over all of their clients: clients, conversations, who started them,
 * our reply lag (every client's sorted lags merged), promises by status and the keep rate.
 */
export async function readTeamStats(db: Executor, orgId: string, clock: ReadClock, breathe: () => Promise<void>) {
  const members = await listMembers(db, orgId);
  const out = [];
  for (const m of members) {
    const [figures, lags, tally] = await Promise.all([
      db.execute({ sql: `SELECT ${A.figuresJson} AS v FROM ${A.$} WHERE ${A.userId} = ?`, args: [m.userId] }),
      db.execute({ sql: `SELECT json_extract(${A.aggregateJson}, '$.lags.us') AS v FROM ${A.$} WHERE ${A.userId} = ?`, args: [m.userId] }),
      readUserPromiseTally(db, m.userId, clock),
    ]);
    let threadCount = 0;
    let us = 0;
    let them = 0;
    for (const r of figures.rows) {
      const f = JSON.parse(str(r.v)) as AggregateFigures;
      threadCount += f.threads;
      us += f.initiated.us;
      them += f.initiated.them;
    }
    const replyLag = mergedLagStats(
      lags.rows.map((r) => {
        const stored = JSON.parse(str(r.v)) as { minutes: unknown; business: unknown };
        return { minutes: decodeSortedLags(stored.minutes), business: decodeSortedLags(stored.business) };
      }),
    );
    out.push({
      ...person(m),
      role: m.role,
      department: m.department,
      clients: figures.rows.length,
      threads: threadCount,
      initiated: { us, them, share: us + them === 0 ? null : Math.round((us / (us + them)) * 1000) / 1000 },
      replyLag,
      promises: tally,
      keepRate: keepRate(tally),
    });
    await breathe();
  }
  return out;
}

/**
 * Sets the team's profile of a client (any member may); the owner must be a member. Null when nobody in
 * the team has anything of the client (a typo, or another team's client).
 */
export async function updateTeamProfile(
  database: Database,
  viewer: Membership,
  key: string,
  patch: Partial<Record<keyof TeamClientProfile, string | number | null | undefined>>,
  now: Date,
): Promise<TeamClientProfile | null> {
  const members = await listMembers(database.reader, viewer.orgId);
  const ids = members.map((m) => m.userId);
  const list = placeholders(ids.length);
  const known = await database.reader.execute({
    sql: `SELECT EXISTS (SELECT 1 FROM ${A.$} WHERE ${A.userId} IN (${list}) AND ${A.key} = ?)
            OR EXISTS (SELECT 1 FROM ${TP.$} WHERE ${TP.userId} IN (${list}) AND ${TP.counterpart} = ?)
            OR EXISTS (SELECT 1 FROM ${CP.$} WHERE ${CP.userId} IN (${list}) AND ${CP.key} = ?)
            OR EXISTS (SELECT 1 FROM ${OP.$} WHERE ${OP.orgId} = ? AND ${OP.key} = ?) AS known`,
    args: [...ids, key, ...ids, key, ...ids, key, viewer.orgId, key],
  });
  if (Number(known.rows[0]?.known ?? 0) !== 1) return null;
  if (patch.ownerUserId !== undefined && patch.ownerUserId !== null && !ids.includes(String(patch.ownerUserId))) {
    throw new ApiError('validation_failed', 400, 'body.ownerUserId: not a member of this organisation', [{ path: 'body.ownerUserId', message: 'not a member of this organisation' }]);
  }
  const current = (await teamProfile(database.reader, viewer.orgId, key)) ?? { key, ...EMPTY_TEAM_PROFILE };
  const next: TeamClientProfile = { ...stripKey(current) };
  for (const field of Object.keys(EMPTY_TEAM_PROFILE) as (keyof TeamClientProfile)[]) {
    if (patch[field] !== undefined) (next as Record<string, unknown>)[field] = patch[field];
  }
  const columns = [OP.name, OP.cadenceDays, OP.renewalDate, OP.notes, OP.ownerUserId, OP.reviewIntervalDays, OP.feedbackIntervalDays];
  const values: InValue[] = [next.name, next.cadenceDays, next.renewalDate, next.notes, next.ownerUserId, next.reviewIntervalDays, next.feedbackIntervalDays];
  await database.client.execute({
    sql: `INSERT INTO ${OP.$} (${OP.orgId}, ${OP.key}, ${columns.join(', ')}, ${OP.updatedAt}) VALUES (?, ?, ${placeholders(columns.length)}, ?)
          ON CONFLICT (${OP.orgId}, ${OP.key}) DO UPDATE SET ${[...columns, OP.updatedAt].map((c) => `${c} = excluded.${c}`).join(', ')}`,
    args: [viewer.orgId, key, ...values, now.toISOString()],
  });
  return next;
}
