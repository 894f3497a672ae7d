import type { AnalysisDocument, CounterpartSummary, ProgressReport, RequestSnippet, RiskSnippet } from '../model/analysis-document';
import type { MessageFacts, ThreadFacts } from '../model/facts';
import type { NormalizedMessage } from '../model/message';
import type { PromiseRecord, PromiseVerdict } from '../model/promise';
import type { AnalysisSettings } from '../model/settings';
import type { Touchpoint } from '../model/touchpoint';
import { awaitingThresholds, sortedOldestFirst, tallyAwaiting, type AwaitingItem, type AwaitingThresholds } from './awaiting';
import { aggregateFigures, aggregateOf } from './counterpart-aggregate';
import { resolverFor } from './counterparts';
import { isRecentRisk, isUnansweredRequest, summarizeCounterpart } from './counterpart-summary';
import { canBearOnPromises, foldFulfilment, FULFILMENT_WINDOW_DAYS, isFulfilmentCandidate, type FulfilmentEvidence, type PromiseForFulfilment } from './fulfilment';
import { extractBatch, extractMessageFacts, resolvePromiseDue } from './message-facts';
import { buildProgressReport } from './progress-report';
import { promiseId } from './promise-id';
import { promiseRecordAt, settlePromise, tallyPromises } from './promise-status';
import { clientRiskOwed, type ClientRiskCandidate } from './reminder-rules';
import { isContactTouchpoint } from './silence';
import { analyzeThread, isMeaningful } from './thread-analysis';
import { createThreader } from './threading';
import { assertTimeZone, clockToMinutes } from './time/zoned';
import { isoMs } from './time/iso-ms';

export interface MailboxAnalyzerStats {
  messages: number;
  threads: number;
  skippedDuplicates: number;
  /** How many times a thread was (re-)analysed so far: shows that adding mail re-analyses only its thread. */
  threadAnalyses: number;
}

export interface MailboxAnalyzer {
  /** Extracts the message's facts at once (the body is not kept) and marks its thread for re-analysis. */
  add(message: NormalizedMessage): void;
  /**
   * add() for each message in order, with the same result, reading the batch family by family (readBatch): faster
   * on a large mailbox. Each message's error (what add() would have thrown for it) is at its index, else null.
   */
  addMany(messages: readonly NormalizedMessage[]): (Error | null)[];
  /** Same as add, for facts extracted earlier (a store keeps facts, never bodies). */
  addFacts(facts: MessageFacts): void;
  /** Idempotent by touchpoint id: a re-sent touchpoint replaces the earlier copy. */
  addTouchpoint(touchpoint: Touchpoint): void;
  /** The agreed contact cadence for a counterpart; null removes it (the settings default applies). */
  setCadence(key: string, days: number | null): void;
  /** A counterpart's own initiation target (0..1]; null removes it (settings.initiationTarget applies). */
  setInitiationTarget(key: string, target: number | null): void;
  /** A user's verdict on a promise (by promise id); null removes it. */
  setVerdict(promiseId: string, verdict: PromiseVerdict | null): void;
  /** The public thread id of a message added so far (provider id, else the id of its earliest message). */
  threadOf(messageId: string): string | undefined;
  result(now: string): AnalysisDocument;
  /** Risk phrases from clients we have not answered at `now` (reminder-rules clientRiskOwed), for risk reminders. */
  clientRisks(now: string): ClientRiskCandidate[];
  /** `name`: the client's name as the user set it (the report shows the key without one). */
  report(counterpart: string, since: string | null, now: string, name?: string | null): ProgressReport;
  stats(): MailboxAnalyzerStats;
}

function parseNow(now: string): number {
  const ms = isoMs(now);
  if (Number.isNaN(ms)) throw new RangeError(`now "${now}" is not an ISO 8601 date`);
  return ms;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * A clear "settings.<field>: ..." error instead of a crash deep in a rule. Settings are validated with
 * their zod schema where they enter (CLI flags, the API, the options page); this check keeps zod out of
 * the engine, which the content scripts load on every mail page.
 */
export function checkAnalysisSettings(settings: AnalysisSettings): void {
  const fail = (field: string, message: string): never => {
    throw new Error(`settings.${field}: ${message}`);
  };
  if (!Array.isArray(settings.me) || settings.me.length === 0) fail('me', 'give at least one address of yours');
  assertTimeZone(settings.timeZone);
  const hours = settings.workingHours;
  if (!CLOCK.test(hours.start)) fail('workingHours.start', `expected HH:MM (24-hour), got "${hours.start}"`);
  if (!CLOCK.test(hours.end)) fail('workingHours.end', `expected HH:MM (24-hour), got "${hours.end}"`);
  if (clockToMinutes(hours.start) === clockToMinutes(hours.end)) fail('workingHours', 'start and end are the same time');
  if (hours.days.length === 0 || hours.days.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) fail('workingHours.days', 'expected ISO weekdays 1 (Monday) to 7');
  if (!(settings.responseTargetBusinessMinutes > 0)) fail('responseTargetBusinessMinutes', 'expected a positive number');
  if (!(Number.isInteger(settings.defaultPromiseWorkingDays) && settings.defaultPromiseWorkingDays > 0)) fail('defaultPromiseWorkingDays', 'expected a positive whole number');
  if (settings.defaultCadenceDays !== undefined && !(settings.defaultCadenceDays > 0)) fail('defaultCadenceDays', 'expected a positive number');
  if (settings.initiationTarget !== undefined && !(settings.initiationTarget > 0 && settings.initiationTarget <= 1)) fail('initiationTarget', 'expected a share above 0 and at most 1');
}

const DAY_MS = 86_400_000;
type MessageEvidence = Extract<FulfilmentEvidence, { kind: 'message' }>;

/** Index of the first entry with at >= from, in a list sorted by time. */
function firstAtOrAfter(list: readonly { atMs: number }[], from: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.atMs < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// A module-level function rather than a closure made per call: under tsx (which runs the CLI and the server)
// every named closure is also given its name at creation (esbuild's keepNames), a slow property definition.
/** Files evidence under `key`; true when it is earlier than the list's last entry (the list then needs sorting). */
function fileEvidence(map: Map<string, (MessageEvidence & { atMs: number })[]>, key: string, evidence: MessageEvidence & { atMs: number }): boolean {
  const entries = map.get(key) ?? [];
  const early = entries.length > 0 && entries[entries.length - 1]!.atMs > evidence.atMs;
  entries.push(evidence);
  map.set(key, entries);
  return early;
}

const byTimeThenId = (a: { atMs: number; id: string }, b: { atMs: number; id: string }): number =>
  a.atMs - b.atMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** A time-sorted evidence list read from `next` while entries are at or before endMs. */
interface EvidenceRun {
  list: readonly (FulfilmentEvidence & { atMs: number })[];
  next: number;
  endMs: number;
}

// A module-level function, as fileEvidence is, rather than a closure made for every promising message.
/** Adds the part of a time-sorted evidence list after a promise was made and within its window, when there is a list. */
function addWindowRun(sources: EvidenceRun[], list: readonly (FulfilmentEvidence & { atMs: number })[] | undefined, madeAtMs: number, windowEnd: number): void {
  if (list) sources.push({ list, next: firstAtOrAfter(list, madeAtMs + 1), endMs: windowEnd });
}

/**
 * The union of time-sorted runs in byTimeThenId order, each piece of mail once (the same mail is filed under
 * its thread, each recipient and each client: one object, so equal neighbours are the same piece). On a tie
 * the earlier run goes first, touchpoints (the last run) after mail: the order a stable sort of the runs
 * concatenated gives. Merged only as far as it is read, and remembered for the next reader.
 */
function mergedEvidence(runs: EvidenceRun[]): Iterable<FulfilmentEvidence> {
  const merged: FulfilmentEvidence[] = [];
  let last: FulfilmentEvidence | undefined;
  const advance = (): boolean => {
    for (;;) {
      let best: EvidenceRun | undefined;
      for (const run of runs) {
        if (run.next >= run.list.length || run.list[run.next]!.atMs > run.endMs) continue;
        if (!best || byTimeThenId(run.list[run.next]!, best.list[best.next]!) < 0) best = run;
      }
      if (!best) return false;
      const e = best.list[best.next++]!;
      if (e === last) continue;
      last = e;
      merged.push(e);
      return true;
    }
  };
  // A plain iterator rather than a generator: every promising message's folds read through one.
  return {
    [Symbol.iterator](): Iterator<FulfilmentEvidence> {
      let i = 0;
      return {
        next: () => (i < merged.length || advance() ? { done: false, value: merged[i++]! } : { done: true, value: undefined }),
      };
    },
  };
}

/**
 * The whole engine over a growing mailbox, in memory: what the CLI and the extension run. Messages arrive
 * in any order, a few at a time or 100,000 at once; each is reduced to its facts on arrival (no body is
 * kept) and assigned to a thread by the same threader the server uses. Only threads that received mail
 * are re-analysed, lazily, at the next result(); each client's figures come from the same aggregate,
 * fulfilment fold, promise settlement and summary functions the server maintains incrementally, so the
 * CLI and the server agree figure for figure. Everything that depends on `now` is composed at
 * result(now): the same data and the same `now` always give the same document.
 */
export function createMailboxAnalyzer(input: AnalysisSettings): MailboxAnalyzer {
  checkAnalysisSettings(input);
  // Our own frozen copy: per-settings caches in the rules rely on the object not changing underneath them.
  const settings: AnalysisSettings = Object.freeze({ ...input, workingHours: Object.freeze({ ...input.workingHours }) }) as AnalysisSettings;
  const resolver = resolverFor(settings);
  const threader = createThreader({}, { trackChanges: false });
  const facts = new Map<string, MessageFacts>();
  const threadMessages = new Map<string, MessageFacts[]>();
  // Keyed by the threader's id; ThreadFacts.threadId is the public (canonical) id, see publicThreadId.
  const threadFacts = new Map<string, ThreadFacts>();
  // A thread without a provider id is named after its earliest message, so the name does not depend on
  // which message happened to arrive first (an original fetched after its replies).
  const threadRoots = new Map<string, { id: string; atMs: number; provided: boolean }>();
  const dirty = new Set<string>();
  const touchpoints = new Map<string, Touchpoint>();
  const cadences = new Map<string, number>();
  const initiationTargets = new Map<string, number>();
  const verdicts = new Map<string, PromiseVerdict>();
  // Our meaningful outbound mail as fulfilment evidence, by thread and by external recipient (time-sorted at refresh).
  const evidenceByThread = new Map<string, (MessageEvidence & { atMs: number })[]>();
  const evidenceByRecipient = new Map<string, (MessageEvidence & { atMs: number })[]>();
  const evidenceByCounterpart = new Map<string, (MessageEvidence & { atMs: number })[]>();
  let evidenceUnsorted = false;
  // Messages carrying promises, requests or risks: the only ones result() looks at one by one.
  const withSnippets: MessageFacts[] = [];
  let skippedDuplicates = 0;
  let threadAnalyses = 0;

  // Loops that push, not [...].map().filter(): once optimized, V8 makes those holey arrays where the interpreter makes
  // packed ones, and judgeEvidence, reading both kinds as evidence.to and promise.madeTo, was deoptimized by the kind it
  // met later (see analyzeThread).
  const externalOf = (f: MessageFacts): string[] => {
    const external: string[] = [];
    for (const a of f.to) if (!resolver.isOurs(a.address)) external.push(a.address);
    for (const a of f.cc) if (!resolver.isOurs(a.address)) external.push(a.address);
    return external;
  };

  function addFacts(f: MessageFacts): void {
    if (facts.has(f.id)) {
      skippedDuplicates++;
      return;
    }
    addNewFacts(f);
  }

  /** addFacts for a message whose id is not among those added (add() has just checked). */
  function addNewFacts(f: MessageFacts): void {
    facts.set(f.id, f);
    const threadId = threader.assign(f);
    const atMs = isoMs(f.sentAt);
    const root = threadRoots.get(threadId);
    if (!root) threadRoots.set(threadId, { id: f.id, atMs, provided: f.providedThreadId === threadId });
    else if (!root.provided) {
      if (f.providedThreadId === threadId) root.provided = true;
      else if (atMs < root.atMs || (atMs === root.atMs && f.id < root.id)) Object.assign(root, { id: f.id, atMs });
    }
    let list = threadMessages.get(threadId);
    if (!list) threadMessages.set(threadId, (list = []));
    list.push(f);
    dirty.add(threadId);
    if (f.promises.length > 0 || f.requests.length > 0 || f.risks.length > 0) withSnippets.push(f);
    if (!isMeaningful(f) || f.direction !== 'outbound' || !canBearOnPromises(f)) return;
    // evidenceOf's own fresh object, given its time: a spread into another object would build it twice per message.
    const evidence = evidenceOf(f, threadId, externalOf(f)) as MessageEvidence & { atMs: number };
    evidence.atMs = atMs;
    if (fileEvidence(evidenceByThread, threadId, evidence)) evidenceUnsorted = true;
    for (const address of new Set(evidence.to)) if (fileEvidence(evidenceByRecipient, address, evidence)) evidenceUnsorted = true;
    for (const key of f.counterparts) if (fileEvidence(evidenceByCounterpart, key, evidence)) evidenceUnsorted = true;
  }

  function refresh(): void {
    for (const threadId of dirty) {
      threadFacts.set(threadId, analyzeThread(publicThreadId(threadId), threadMessages.get(threadId) ?? [], settings));
      threadAnalyses++;
    }
    dirty.clear();
    if (evidenceUnsorted) {
      for (const list of evidenceByThread.values()) list.sort(byTimeThenId);
      for (const list of evidenceByRecipient.values()) list.sort(byTimeThenId);
      for (const list of evidenceByCounterpart.values()) list.sort(byTimeThenId);
      evidenceUnsorted = false;
    }
  }

  function publicThreadId(threadId: string): string {
    const root = threadRoots.get(threadId);
    return !root || root.provided ? threadId : root.id;
  }

  /** The threader's id (for lookups), the public id (for output) and the main counterpart of a message's thread. */
  function placeOf(f: MessageFacts): { threadId: string; publicId: string; counterpart: string | null } {
    const threadId = threader.threadOf(f.id) ?? f.id;
    const thread = threadFacts.get(threadId);
    return { threadId, publicId: publicThreadId(threadId), counterpart: thread?.counterpart ?? f.counterparts[0] ?? null };
  }

  /** Every promise settled from detection, the fulfilment fold over its candidate evidence and the user's verdict. */
  function promisesAt(now: string, only?: string): PromiseRecord[] {
    const records = new Map<string, PromiseRecord>();
    const madeAt = new Map<string, number>();
    const touchpointEvidence = new Map<string, (FulfilmentEvidence & { atMs: number })[]>();
    for (const t of touchpoints.values()) {
      const list = touchpointEvidence.get(t.counterpart) ?? [];
      const evidence: FulfilmentEvidence = { kind: 'touchpoint', id: t.id, at: t.at, counterpart: t.counterpart, touchpointKind: t.kind, ...(t.summary ? { summary: t.summary } : {}) };
      list.push({ ...evidence, atMs: isoMs(t.at) });
      touchpointEvidence.set(t.counterpart, list);
    }
    for (const f of withSnippets) {
      if (f.promises.length === 0) continue;
      const { threadId, publicId, counterpart } = placeOf(f);
      if (only !== undefined && counterpart !== only) continue;
      const madeAtMs = isoMs(f.sentAt);
      const madeTo = externalOf(f);
      // Candidates: later mail in the thread, mail to the same people or their client within the window, the client's touchpoints.
      // The mail read from these lists is exactly what isFulfilmentCandidate accepts of our evidence (later in the thread, or
      // within the window to the same people or their client; only mail that canBearOnPromises is filed), so only
      // touchpoints are put to the rule.
      const windowEnd = madeAtMs + FULFILMENT_WINDOW_DAYS * DAY_MS;
      const sources: EvidenceRun[] = [];
      const thread = evidenceByThread.get(threadId);
      if (thread) sources.push({ list: thread, next: firstAtOrAfter(thread, madeAtMs + 1), endMs: Infinity });
      for (const address of madeTo) addWindowRun(sources, evidenceByRecipient.get(address), madeAtMs, windowEnd);
      if (counterpart !== null) addWindowRun(sources, evidenceByCounterpart.get(counterpart), madeAtMs, windowEnd);
      const probe: PromiseForFulfilment = { id: '', text: '', messageId: f.id, threadId, counterpart, madeAt: f.sentAt, madeTo };
      const touchpointCandidates: (FulfilmentEvidence & { atMs: number })[] = [];
      for (const t of counterpart === null ? [] : (touchpointEvidence.get(counterpart) ?? [])) if (isFulfilmentCandidate(probe, t)) touchpointCandidates.push(t);
      if (touchpointCandidates.length > 0) sources.push({ list: touchpointCandidates.sort(byTimeThenId), next: 0, endMs: Infinity });
      // Shared by the message's promises; each fold reads only as far as it needs (it stops at a kept delivery).
      const evidence = mergedEvidence(sources);
      for (const finding of f.promises) {
        const id = promiseId(f.id, finding.text);
        if (records.has(id)) continue;
        const promise: PromiseForFulfilment = { ...probe, id, text: finding.text };
        const fulfilment = foldFulfilment(promise, evidence);
        const slip = fulfilment.slip;
        const settled = settlePromise({
          id,
          messageId: f.id,
          threadId: publicId,
          counterpart,
          text: finding.text,
          madeAt: f.sentAt,
          ...(finding.dueText !== undefined ? { dueText: finding.dueText } : {}),
          dueAt: finding.dueAt,
          dueIsDefault: finding.dueIsDefault,
          fulfilment,
          slipDueAt: slip?.dueText ? resolvePromiseDue({ dueText: slip.dueText }, slip.at, settings).dueAt : null,
          verdict: verdicts.get(id) ?? null,
        });
        records.set(id, promiseRecordAt(settled, now));
        madeAt.set(id, madeAtMs);
      }
    }
    // Sorted by when each was made (its message's time, parsed once above), then id.
    return [...records.values()]
      .map((record) => ({ record, at: madeAt.get(record.id)! }))
      .sort((a, b) => a.at - b.at || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0))
      .map((x) => x.record);
  }

  interface Grouped {
    threads: Map<string, ThreadFacts[]>;
    requests: Map<string, RequestSnippet[]>;
    risks: Map<string, RiskSnippet[]>;
    promises: Map<string, PromiseRecord[]>;
    touchpoints: Map<string, Touchpoint[]>;
  }

  function push<T>(map: Map<string, T[]>, key: string, value: T): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  }

  /** Everything per counterpart in one pass each, so result() stays linear in messages and counterparts. */
  function group(promiseList: readonly PromiseRecord[], now: string): Grouped {
    const threads = new Map<string, ThreadFacts[]>();
    const awaitingByThread = new Map<string, ThreadFacts['awaiting']>();
    for (const t of threadFacts.values()) {
      awaitingByThread.set(t.threadId, t.awaiting);
      if (t.counterpart !== null) push(threads, t.counterpart, t);
    }
    const requests = new Map<string, RequestSnippet[]>();
    const risks = new Map<string, RiskSnippet[]>();
    for (const f of withSnippets) {
      const { publicId: threadId, counterpart } = placeOf(f);
      if (counterpart === null) continue;
      const awaiting = awaitingByThread.get(threadId) ?? null;
      if (isUnansweredRequest(f.sentAt, awaiting)) {
        for (const r of f.requests) push(requests, counterpart, { messageId: f.id, threadId, text: r.text, at: f.sentAt });
      }
      if (isRecentRisk(f.sentAt, now)) {
        for (const r of f.risks) push(risks, counterpart, { kind: r.kind, side: r.side, messageId: f.id, threadId, text: r.text, at: f.sentAt });
      }
    }
    const promises = new Map<string, PromiseRecord[]>();
    for (const p of promiseList) if (p.counterpart !== null) push(promises, p.counterpart, p);
    const byKey = new Map<string, Touchpoint[]>();
    for (const t of touchpoints.values()) push(byKey, t.counterpart, t);
    return { threads, requests, risks, promises, touchpoints: byKey };
  }

  function summarize(key: string, grouped: Grouped, now: string, thresholds: AwaitingThresholds): CounterpartSummary {
    const nowMs = parseNow(now);
    const threads = grouped.threads.get(key) ?? [];
    const aggregate = aggregateOf(key, threads);
    let lastEmail = -Infinity;
    const awaitingUs: AwaitingItem[] = [];
    const awaitingThem: AwaitingItem[] = [];
    for (const t of threads) {
      if (t.lastContactAt !== null) {
        const at = isoMs(t.lastContactAt);
        if (at <= nowMs && at > lastEmail) lastEmail = at;
      }
      if (!t.awaiting) continue;
      const item = { threadId: t.threadId, lastMessageId: t.awaiting.lastMessageId, since: t.awaiting.since };
      (t.awaiting.side === 'us' ? awaitingUs : awaitingThem).push(item);
    }
    let lastTouch = -Infinity;
    for (const t of grouped.touchpoints.get(key) ?? []) {
      const at = isoMs(t.at);
      if (isContactTouchpoint(t.kind) && at <= nowMs && at > lastTouch) lastTouch = at;
    }
    const requests = [...(grouped.requests.get(key) ?? [])].sort(
      (a, b) => isoMs(a.at) - isoMs(b.at) || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0),
    );
    return summarizeCounterpart({
      key,
      figures: aggregateFigures(aggregate),
      lastEmailContactAt: lastEmail === -Infinity ? null : new Date(lastEmail).toISOString(),
      lastTouchpointContactAt: lastTouch === -Infinity ? null : new Date(lastTouch).toISOString(),
      awaitingOurReply: tallyAwaiting(awaitingUs, now, settings, thresholds),
      awaitingThem: { count: awaitingThem.length, oldest: sortedOldestFirst(awaitingThem).slice(0, 5) },
      requests: { count: requests.length, oldest: requests },
      risks: grouped.risks.get(key) ?? [],
      promises: tallyPromises(grouped.promises.get(key) ?? []),
      cadenceDays: cadences.get(key) ?? null,
      initiationTarget: initiationTargets.get(key) ?? null,
      now,
      settings,
    });
  }

  return {
    add(message) {
      if (facts.has(message.id)) {
        skippedDuplicates++;
        return;
      }
      // No figure of the analyzer's document reads feedbackAsked (the server keeps it for its own): not
      // looking for the question saves ~4% of the instructions of analysing a mailbox.
      addNewFacts(extractMessageFacts(message, settings, { feedbackQuestions: false }));
    },
    addMany(messages) {
      // Read every message not added yet (a copy within the batch too: whether it is a duplicate depends on whether
      // the first copy reads), then add them in order exactly as add() would.
      const toRead = messages.filter((m) => !facts.has(m.id));
      const extracted = extractBatch(toRead, settings, { feedbackQuestions: false });
      const readOf = new Map<NormalizedMessage, (typeof extracted)[number]>();
      toRead.forEach((m, i) => readOf.set(m, extracted[i]!));
      return messages.map((message) => {
        if (facts.has(message.id)) {
          skippedDuplicates++;
          return null;
        }
        const result = readOf.get(message)!;
        if ('error' in result) return result.error instanceof Error ? result.error : new Error(String(result.error));
        addNewFacts(result.facts);
        return null;
      });
    },
    addFacts,
    addTouchpoint(t) {
      // Counterpart keys are lower-case (domains, addresses): a touchpoint logged as "Acme.com" is Acme's.
      touchpoints.set(t.id, { ...t, counterpart: t.counterpart.trim().toLowerCase() });
    },
    setCadence(rawKey, days) {
      const key = rawKey.trim().toLowerCase();
      if (days === null) cadences.delete(key);
      else if (!(days > 0)) throw new RangeError(`cadence for ${key}: expected a positive number of days, got ${days}`);
      else cadences.set(key, days);
    },
    setInitiationTarget(rawKey, target) {
      const key = rawKey.trim().toLowerCase();
      if (target === null) initiationTargets.delete(key);
      else if (!(target > 0 && target <= 1)) throw new RangeError(`initiation target for ${key}: expected a share above 0 and at most 1, got ${target}`);
      else initiationTargets.set(key, target);
    },
    setVerdict(id, verdict) {
      if (verdict === null) verdicts.delete(id);
      else verdicts.set(id, verdict);
    },
    threadOf(id) {
      const threadId = threader.threadOf(id);
      return threadId === undefined || !facts.has(id) ? undefined : publicThreadId(threadId);
    },
    result(now) {
      parseNow(now);
      refresh();
      const promises = promisesAt(now);
      const grouped = group(promises, now);
      const keys = new Set<string>([...grouped.threads.keys(), ...grouped.touchpoints.keys()]);
      const thresholds = awaitingThresholds(now, settings);
      const counterparts = [...keys]
        .map((key) => summarize(key, grouped, now, thresholds))
        .sort((a, b) => a.health.score - b.health.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return { now: new Date(parseNow(now)).toISOString(), timeZone: settings.timeZone, me: [...settings.me], counterparts, promises };
    },
    clientRisks(now) {
      parseNow(now);
      refresh();
      const out: ClientRiskCandidate[] = [];
      for (const f of withSnippets) {
        if (f.risks.length === 0) continue;
        const { threadId, publicId, counterpart } = placeOf(f);
        if (counterpart === null) continue;
        const awaiting = threadFacts.get(threadId)?.awaiting ?? null;
        f.risks.forEach((r, ordinal) => {
          if (clientRiskOwed({ side: r.side, kind: r.kind, at: f.sentAt }, awaiting, now)) {
            out.push({ threadId: publicId, messageId: f.id, counterpart, at: f.sentAt, kind: r.kind, text: r.text, ordinal });
          }
        });
      }
      return out;
    },
    report(rawCounterpart, since, now, name = null) {
      parseNow(now);
      const counterpart = rawCounterpart.trim().toLowerCase();
      refresh();
      const promises = promisesAt(now, counterpart);
      const grouped = group(promises, now);
      const threads = grouped.threads.get(counterpart) ?? [];
      const subjects = new Map(threads.map((t) => [t.threadId, t.subject]));
      const awaitingThem = threads
        .filter((t) => t.awaiting?.side === 'them')
        .map((t) => ({ threadId: t.threadId, since: t.awaiting!.since, lastMessageId: t.awaiting!.lastMessageId, subject: subjects.get(t.threadId) ?? '' }));
      return buildProgressReport({
        counterpart,
        name,
        since,
        now,
        promises,
        touchpoints: grouped.touchpoints.get(counterpart) ?? [],
        requests: grouped.requests.get(counterpart) ?? [],
        awaitingThem,
        risks: grouped.risks.get(counterpart) ?? [],
        settings,
      });
    },
    stats: () => ({ messages: facts.size, threads: threadMessages.size, skippedDuplicates, threadAnalyses }),
  };
}

/** A meaningful outbound message as fulfilment evidence. */
export function evidenceOf(f: MessageFacts, threadId: string, externalRecipients: readonly string[]): MessageEvidence {
  return {
    kind: 'message',
    id: f.id,
    threadId,
    at: f.sentAt,
    subject: f.subject,
    to: [...externalRecipients],
    counterparts: f.counterparts,
    deliveries: f.deliveries ?? [],
    attachments: f.attachments ?? [],
  };
}

/** Analyses a whole mailbox at once: createMailboxAnalyzer, add everything, result(now). */
export function analyzeMailbox(messages: Iterable<NormalizedMessage>, settings: AnalysisSettings, now: string): AnalysisDocument {
  const analyzer = createMailboxAnalyzer(settings);
  for (const message of messages) analyzer.add(message);
  return analyzer.result(now);
}
