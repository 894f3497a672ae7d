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

/** Everything stored about one counterpart: the input of every time-dependent figure. */
export interface CounterpartData {
  key: string;
  threads: ThreadRow[];
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
  for (const r of threadRows) if (r.counterpart) out.get(r.counterpart)?.threads.push(r);
  for (const r of promiseRows) if (r.row.counterpart) out.get(r.row.counterpart)?.promises.push(r);
  for (const r of snippetRows) if (r.counterpart) out.get(r.counterpart)?.snippets.push(r);
  for (const r of touchpointRows) out.get(r.counterpart)?.touchpoints.push(r);
  for (const r of profileRows) {
    const data = out.get(r.key);
    if (data) data.profile = r;
  }
  return out;
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
  const threadFacts = data.threads.map((t) => JSON.parse(t.factsJson) as ThreadFacts);
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
  for (const t of data.threads) for (const c of JSON.parse(t.contactsJson) as string[]) contacts.add(c);
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
