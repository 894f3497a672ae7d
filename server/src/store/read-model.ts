import { and, eq, inArray, sql } from 'drizzle-orm';
import type {
  AnalysisSettings,
  CounterpartSummary,
  PromiseRecord,
  PromiseVerdict,
  RequestSnippet,
  RiskKind,
  RiskSnippet,
  ThreadFacts,
  Touchpoint,
} from '@followthrough/shared';
import type { CounterpartProfile, PromiseView, StoredTouchpoint } from '@followthrough/shared/contract';
import type { Client } from '@libsql/client';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '../db/client';
import { counterpartProfiles, promises, promiseVerdicts, snippets, threads, touchpoints } from '../db/schema/index';
import { resolvePromiseStatus, summarizeCounterpart } from './engine';

type PromiseRow = typeof promises.$inferSelect;
type VerdictRow = typeof promiseVerdicts.$inferSelect;
type ThreadRow = typeof threads.$inferSelect;
type SnippetRow = typeof snippets.$inferSelect;
type TouchpointRow = typeof touchpoints.$inferSelect;
type ProfileRow = typeof counterpartProfiles.$inferSelect;

/** A stored thread as the read model needs it: its JSON columns already parsed. */
export interface CounterpartThread {
  threadId: string;
  facts: ThreadFacts;
  /** The counterpart's addresses seen in this thread. */
  contacts: string[];
}

/** Everything stored about one counterpart: the input of every time-dependent figure. */
export interface CounterpartData {
  key: string;
  threads: CounterpartThread[];
  promises: { row: PromiseRow; verdict: VerdictRow | null }[];
  snippets: SnippetRow[];
  touchpoints: TouchpointRow[];
  profile: ProfileRow | null;
}

export const emptyProfile: CounterpartProfile = { name: null, cadenceDays: null, renewalDate: null, notes: null };

export function toStoredTouchpoint(row: TouchpointRow): StoredTouchpoint {
  return {
    id: row.id,
    counterpart: row.counterpart,
    kind: row.kind as StoredTouchpoint['kind'],
    at: row.at,
    ...(row.summary !== null ? { summary: row.summary } : {}),
    ...(row.department !== null ? { department: row.department as NonNullable<StoredTouchpoint['department']> } : {}),
    ...(row.threadId !== null ? { threadId: row.threadId } : {}),
    createdAt: row.createdAt,
  };
}

function toTouchpoint(row: TouchpointRow): Touchpoint {
  const { createdAt: _createdAt, ...touchpoint } = toStoredTouchpoint(row);
  return touchpoint;
}

function toVerdict(row: VerdictRow | null): PromiseVerdict | undefined {
  if (!row) return undefined;
  return {
    ...(row.status ? { status: row.status as NonNullable<PromiseVerdict['status']> } : {}),
    ...(row.dueAt ? { dueAt: row.dueAt } : {}),
    ...(row.snoozedUntil !== null ? { snoozedUntil: row.snoozedUntil } : {}),
  };
}

const MAX_IN_KEYS = 200;

function toCounterpartThread(row: Pick<ThreadRow, 'threadId' | 'factsJson' | 'contactsJson'>): CounterpartThread {
  return { threadId: row.threadId, facts: JSON.parse(row.factsJson) as ThreadFacts, contacts: JSON.parse(row.contactsJson) as string[] };
}

/** Loads the counterparts' stored facts in a handful of indexed queries (one per table). */
export async function loadCounterparts(db: Db, userId: string, keys: string[]): Promise<Map<string, CounterpartData>> {
  const out = new Map<string, CounterpartData>();
  if (keys.length === 0) return out;
  for (const key of keys) out.set(key, { key, threads: [], promises: [], snippets: [], touchpoints: [], profile: null });
  // One key (the sidebar's case) uses equality so SQLite walks the (user_id, counterpart) index directly;
  // a few use IN; many (the full list) read all of the user's rows once and sort them out here.
  const byKey = (column: SQLiteColumn) =>
    keys.length === 1 ? eq(column, keys[0]!) : keys.length <= MAX_IN_KEYS ? inArray(column, keys) : sql`1`;
  const [threadRows, promiseRows, snippetRows, touchpointRows, profileRows] = await Promise.all([
    db.select().from(threads).where(and(eq(threads.userId, userId), byKey(threads.counterpart))).all(),
    db
      .select({ row: promises, verdict: promiseVerdicts })
      .from(promises)
      .leftJoin(promiseVerdicts, and(eq(promiseVerdicts.userId, promises.userId), eq(promiseVerdicts.promiseId, promises.id)))
      .where(and(eq(promises.userId, userId), byKey(promises.counterpart)))
      .all(),
    db.select().from(snippets).where(and(eq(snippets.userId, userId), byKey(snippets.counterpart))).all(),
    db.select().from(touchpoints).where(and(eq(touchpoints.userId, userId), byKey(touchpoints.counterpart))).all(),
    db.select().from(counterpartProfiles).where(and(eq(counterpartProfiles.userId, userId), byKey(counterpartProfiles.key))).all(),
  ]);
  for (const r of threadRows) if (r.counterpart) out.get(r.counterpart)?.threads.push(toCounterpartThread(r));
  for (const r of promiseRows) if (r.row.counterpart) out.get(r.row.counterpart)?.promises.push(r);
  for (const r of snippetRows) if (r.counterpart) out.get(r.counterpart)?.snippets.push(r);
  for (const r of touchpointRows) out.get(r.counterpart)?.touchpoints.push(r);
  for (const r of profileRows) {
    const data = out.get(r.key);
    if (data) data.profile = r;
  }
  return out;
}

/**
 * The SELECT list that loads one counterpart, `keyExpr` naming it (a parameter, or a subquery for the
 * thread summary). Each table's rows come back as one JSON array from a subquery: the sidebar asks for
 * this on every thread it opens, and with @libsql/client every statement has a fixed cost (prepare,
 * row conversion) far above SQLite's own for these indexed reads.
 *
 * Threads are spliced together as text rather than built with json_object: facts_json and
 * contacts_json are JSON already (written by JSON.stringify at ingest), and json_object would quote
 * them as strings, so a few dozen KiB per client were escaped by SQLite, unescaped by the outer
 * JSON.parse and then parsed a second time. Spliced in raw, one JSON.parse yields the facts.
 */
function counterpartColumns(keyExpr: string): string {
  return `(SELECT '[' || coalesce(group_concat('{"threadId":' || json_quote(thread_id) || ',"facts":' || facts_json || ',"contacts":' || contacts_json || '}', ','), '') || ']'
        FROM threads WHERE user_id = ?1 AND counterpart = ${keyExpr}) AS threads,
      (SELECT json_group_array(json_object('id', p.id, 'messageId', p.message_id, 'threadId', p.thread_id, 'counterpart', p.counterpart,
          'text', p.text, 'madeAt', p.made_at, 'dueAt', p.due_at, 'dueIsDefault', p.due_is_default, 'dueText', p.due_text,
          'vStatus', v.status, 'vDueAt', v.due_at, 'vSnoozedUntil', v.snoozed_until, 'vUpdatedAt', v.updated_at))
        FROM promises p LEFT JOIN promise_verdicts v ON v.user_id = p.user_id AND v.promise_id = p.id
        WHERE p.user_id = ?1 AND p.counterpart = ${keyExpr}) AS promises,
      (SELECT json_group_array(json_object('messageId', message_id, 'ordinal', ordinal, 'kind', kind, 'side', side,
          'threadId', thread_id, 'counterpart', counterpart, 'text', text, 'at', at))
        FROM snippets WHERE user_id = ?1 AND counterpart = ${keyExpr}) AS snippets,
      (SELECT json_group_array(json_object('id', id, 'counterpart', counterpart, 'kind', kind, 'at', at, 'summary', summary,
          'department', department, 'threadId', thread_id, 'createdAt', created_at))
        FROM touchpoints WHERE user_id = ?1 AND counterpart = ${keyExpr}) AS touchpoints,
      (SELECT json_object('key', key, 'name', name, 'cadenceDays', cadence_days, 'renewalDate', renewal_date, 'notes', notes,
          'updatedAt', updated_at)
        FROM counterpart_profiles WHERE user_id = ?1 AND key = ${keyExpr}) AS profile`;
}

const COUNTERPART_SQL = `SELECT ${counterpartColumns('?2')}`;

/** The thread's own columns, and its client's data by the thread's counterpart, in one statement. */
const THREAD_SUMMARY_SQL = `SELECT
      (SELECT '{"counterpart":' || json_quote(counterpart) || ',"providedThreadId":' || json_quote(provided_thread_id)
          || ',"messageCount":' || message_count
          -- A thread with a client comes back in the threads column anyway; only one without needs its facts here.
          || ',"facts":' || (CASE WHEN counterpart IS NULL THEN facts_json ELSE 'null' END) || '}'
        FROM threads WHERE user_id = ?1 AND thread_id = ?2) AS thread,
      ${counterpartColumns('(SELECT counterpart FROM threads WHERE user_id = ?1 AND thread_id = ?2)')}`;

function toCounterpartData(row: Record<string, unknown>, userId: string, key: string): CounterpartData {
  const parse = <T>(value: unknown): T[] => JSON.parse(String(value ?? '[]')) as T[];
  type PromiseJson = Omit<PromiseRow, 'userId' | 'dueIsDefault'> & {
    dueIsDefault: number;
    vStatus: string | null;
    vDueAt: string | null;
    vSnoozedUntil: string | null;
    vUpdatedAt: string | null;
  };
  return {
    key,
    threads: parse<CounterpartThread>(row.threads),
    promises: parse<PromiseJson>(row.promises).map(({ vStatus, vDueAt, vSnoozedUntil, vUpdatedAt, dueIsDefault, ...p }) => ({
      row: { ...p, userId, dueIsDefault: dueIsDefault === 1 },
      verdict:
        vUpdatedAt === null ? null : { userId, promiseId: p.id, status: vStatus, dueAt: vDueAt, snoozedUntil: vSnoozedUntil, updatedAt: vUpdatedAt },
    })),
    snippets: parse<Omit<SnippetRow, 'userId'>>(row.snippets).map((x) => ({ ...x, userId })),
    touchpoints: parse<Omit<TouchpointRow, 'userId'>>(row.touchpoints).map((x) => ({ ...x, userId })),
    profile: row.profile ? { ...(JSON.parse(String(row.profile)) as Omit<ProfileRow, 'userId'>), userId } : null,
  };
}

/** One counterpart in one statement (see counterpartColumns). */
export async function loadCounterpart(client: Client, userId: string, key: string): Promise<CounterpartData> {
  const result = await client.execute({ sql: COUNTERPART_SQL, args: [userId, key] });
  return toCounterpartData(result.rows[0]!, userId, key);
}

export interface ThreadSummaryData {
  threadId: string;
  counterpart: string | null;
  providedThreadId: string | null;
  messageCount: number;
  facts: ThreadFacts;
  /** The thread's client, with every thread of it (this one included); null for a thread without one. */
  counterpartData: CounterpartData | null;
}

/**
 * A thread and everything stored about its client, in one statement: the thread summary's whole read
 * (it used to take two, the thread row and then its client, each with the client's fixed cost).
 * Null when the user has no such thread.
 */
export async function loadThreadSummaryData(client: Client, userId: string, threadId: string): Promise<ThreadSummaryData | null> {
  const result = await client.execute({ sql: THREAD_SUMMARY_SQL, args: [userId, threadId] });
  const row = result.rows[0]!;
  if (row.thread === null || row.thread === undefined) return null;
  const thread = JSON.parse(String(row.thread)) as Omit<ThreadSummaryData, 'threadId' | 'counterpartData' | 'facts'> & { facts: ThreadFacts | null };
  if (thread.counterpart === null) {
    if (!thread.facts) throw new Error(`thread ${threadId}: stored without facts`);
    return { ...thread, threadId, facts: thread.facts, counterpartData: null };
  }
  const counterpartData = toCounterpartData(row, userId, thread.counterpart);
  const own = counterpartData.threads.find((t) => t.threadId === threadId);
  if (!own) throw new Error(`thread ${threadId}: missing from its client's threads`);
  return { ...thread, threadId, facts: own.facts, counterpartData };
}

/** Every counterpart key the user has: from threads, touchpoints and profiles. */
export async function allCounterpartKeys(db: Db, userId: string): Promise<string[]> {
  const [a, b, c] = await Promise.all([
    db.selectDistinct({ key: threads.counterpart }).from(threads).where(eq(threads.userId, userId)).all(),
    db.selectDistinct({ key: touchpoints.counterpart }).from(touchpoints).where(eq(touchpoints.userId, userId)).all(),
    db.select({ key: counterpartProfiles.key }).from(counterpartProfiles).where(eq(counterpartProfiles.userId, userId)).all(),
  ]);
  const keys = new Set<string>();
  for (const r of [...a, ...b, ...c]) if (r.key) keys.add(r.key);
  return [...keys].sort();
}

export interface CounterpartView {
  summary: CounterpartSummary;
  profile: CounterpartProfile;
  promises: PromiseView[];
  threadFacts: ThreadFacts[];
  touchpoints: StoredTouchpoint[];
  requests: RequestSnippet[];
  risks: RiskSnippet[];
}

/** Computes status, health and silence at `now` from stored facts: nothing about time is stored. */
export function viewCounterpart(data: CounterpartData, settings: AnalysisSettings, now: Date): CounterpartView {
  const nowIso = now.toISOString();
  const threadFacts = data.threads.map((t) => t.facts);
  const laterOutbound = threadFacts.flatMap((t) => t.outbound.map((o) => ({ ...o, threadId: t.threadId })));
  const touchpointList = data.touchpoints.map(toTouchpoint);
  const promiseViews: PromiseView[] = data.promises.map(({ row, verdict }) => {
    const record: PromiseRecord = resolvePromiseStatus({
      candidate: { text: row.text, dueAt: row.dueAt, dueIsDefault: row.dueIsDefault, ...(row.dueText ? { dueText: row.dueText } : {}) },
      messageId: row.messageId,
      threadId: row.threadId,
      counterpart: row.counterpart,
      madeAt: row.madeAt,
      laterOutbound,
      touchpoints: touchpointList,
      verdict: toVerdict(verdict),
      now: nowIso,
    });
    return {
      ...record,
      id: row.id,
      verdict: verdict
        ? {
            status: (verdict.status as 'done' | 'dismissed' | 'open' | null) ?? null,
            dueAt: verdict.dueAt,
            snoozedUntil: verdict.snoozedUntil,
            updatedAt: verdict.updatedAt,
          }
        : null,
    };
  });
  promiseViews.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const requests: RequestSnippet[] = [];
  const risks: RiskSnippet[] = [];
  for (const s of data.snippets) {
    if (s.kind === 'request') requests.push({ messageId: s.messageId, threadId: s.threadId, text: s.text, at: s.at });
    else risks.push({ kind: s.kind as RiskKind, side: s.side as 'us' | 'them', messageId: s.messageId, threadId: s.threadId, text: s.text, at: s.at });
  }
  const contacts = new Set<string>();
  for (const t of data.threads) for (const c of t.contacts) contacts.add(c);
  const profile: CounterpartProfile = data.profile
    ? { name: data.profile.name, cadenceDays: data.profile.cadenceDays, renewalDate: data.profile.renewalDate, notes: data.profile.notes }
    : emptyProfile;
  const summary = summarizeCounterpart({
    key: data.key,
    threads: threadFacts,
    requests,
    risks,
    promises: promiseViews,
    touchpoints: touchpointList,
    cadenceDays: profile.cadenceDays ?? settings.defaultCadenceDays ?? null,
    contacts: [...contacts].sort(),
    now: nowIso,
    settings,
  });
  const storedTouchpoints = data.touchpoints.map(toStoredTouchpoint).sort((a, b) => b.at.localeCompare(a.at));
  return { summary, profile, promises: promiseViews, threadFacts, touchpoints: storedTouchpoints, requests, risks };
}
