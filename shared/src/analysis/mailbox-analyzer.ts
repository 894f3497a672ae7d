import type { AnalysisDocument, CounterpartSummary, ProgressReport, RequestSnippet, RiskSnippet } from '../model/analysis-document';
import type { MessageFacts, ThreadFacts } from '../model/facts';
import type { NormalizedMessage } from '../model/message';
import type { PromiseRecord, PromiseVerdict } from '../model/promise';
import { analysisSettingsSchema, type AnalysisSettings } from '../model/settings';
import type { Touchpoint } from '../model/touchpoint';
import { resolverFor } from './counterparts';
import { summarizeCounterpart } from './counterpart-summary';
import { extractMessageFacts } from './message-facts';
import { buildProgressReport } from './progress-report';
import { resolvePromiseStatus, type LaterOutbound } from './promise-status';
import { analyzeThread, isMeaningful } from './thread-analysis';
import { createThreader } from './threading';
import { assertTimeZone } from './time/zoned';

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
  /** Same as add, for facts extracted earlier (the server stores facts, never bodies). */
  addFacts(facts: MessageFacts): void;
  /** Idempotent by touchpoint id: a re-sent touchpoint replaces the earlier copy. */
  addTouchpoint(touchpoint: Touchpoint): void;
  /** The agreed contact cadence for a counterpart; null removes it (the settings default applies). */
  setCadence(key: string, days: number | null): void;
  /** A user's verdict on a promise (by promise id); null removes it. */
  setVerdict(promiseId: string, verdict: PromiseVerdict | null): void;
  /** The public thread id of a message added so far (provider id, else the id of its earliest message). */
  threadOf(messageId: string): string | undefined;
  result(now: string): AnalysisDocument;
  report(counterpart: string, since: string | null, now: string): ProgressReport;
  stats(): MailboxAnalyzerStats;
}

interface OutboundRef extends LaterOutbound {
  atMs: number;
}

/** Index of the first entry with atMs > after, in a list sorted by atMs. */
function firstAfter(list: readonly OutboundRef[], after: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid]?.atMs ?? Infinity) > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function parseNow(now: string): number {
  const ms = Date.parse(now);
  if (Number.isNaN(ms)) throw new RangeError(`now "${now}" is not an ISO 8601 date`);
  return ms;
}

/**
 * The whole engine over a growing mailbox. Messages arrive in any order, a few at a time or 100,000 at
 * once; each is reduced to its facts on arrival (no body is kept) and assigned to a thread. Only threads
 * that received messages are re-analysed, lazily, at the next result(); everything that depends on
 * `now` (promise status, silence, awaiting times, health) is composed at result(now), so the same data
 * and the same `now` always give the same document. Memory is O(messages) in small fact records;
 * no step compares all messages with all messages.
 */
export function createMailboxAnalyzer(input: AnalysisSettings): MailboxAnalyzer {
  // Validated once here (a clear "settings.me: ..." error instead of a crash deep in a rule), and frozen
  // into our own copy: per-settings caches in the rules rely on the object not changing underneath them.
  const parsed = analysisSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`settings.${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const settings: AnalysisSettings = Object.freeze(parsed.data);
  assertTimeZone(settings.timeZone);
  const resolver = resolverFor(settings);
  const threader = createThreader();
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
  const verdicts = new Map<string, PromiseVerdict>();
  const contacts = new Map<string, Set<string>>();
  // Our outbound messages by external recipient, for "kept by a later mail to the same people".
  const outboundByRecipient = new Map<string, OutboundRef[]>();
  const unsortedRecipients = new Set<string>();
  // Messages carrying promises, requests or risks: the only ones result() looks at one by one.
  const withSnippets: MessageFacts[] = [];
  let skippedDuplicates = 0;
  let threadAnalyses = 0;

  function addContact(key: string, address: string): void {
    let set = contacts.get(key);
    if (!set) contacts.set(key, (set = new Set()));
    set.add(address);
  }

  function addFacts(f: MessageFacts): void {
    if (facts.has(f.id)) {
      skippedDuplicates++;
      return;
    }
    facts.set(f.id, f);
    const threadId = threader.assign(f);
    const atMs = Date.parse(f.sentAt);
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
    if (!isMeaningful(f)) return;
    if (f.direction === 'inbound') {
      const key = f.counterparts[0];
      if (key !== undefined) addContact(key, f.from.address);
      return;
    }
    const external = [...f.to, ...f.cc].map((a) => a.address).filter((a) => !resolver.isOurs(a));
    for (const address of external) {
      const key = resolver.keyOf(address);
      if (key !== null) addContact(key, address);
      let refs = outboundByRecipient.get(address);
      if (!refs) outboundByRecipient.set(address, (refs = []));
      const last = refs[refs.length - 1];
      if (last && last.atMs > atMs) unsortedRecipients.add(address);
      refs.push({ messageId: f.id, at: f.sentAt, threadId, to: external, atMs });
    }
  }

  function refresh(): void {
    for (const threadId of dirty) {
      threadFacts.set(threadId, analyzeThread(publicThreadId(threadId), threadMessages.get(threadId) ?? [], settings));
      threadAnalyses++;
    }
    dirty.clear();
    for (const address of unsortedRecipients) {
      outboundByRecipient.get(address)?.sort((a, b) => a.atMs - b.atMs || (a.messageId < b.messageId ? -1 : 1));
    }
    unsortedRecipients.clear();
  }

  function publicThreadId(threadId: string): string {
    const root = threadRoots.get(threadId);
    return !root || root.provided ? threadId : root.id;
  }

  /** The threader's id (for lookups), the public id (for output) and the main counterpart of a message's thread. */
  function counterpartOf(f: MessageFacts): { threadId: string; publicId: string; counterpart: string | null } {
    const threadId = threader.threadOf(f.id) ?? f.id;
    const thread = threadFacts.get(threadId);
    return { threadId, publicId: publicThreadId(threadId), counterpart: thread?.counterpart ?? f.counterparts[0] ?? null };
  }

  function promisesAt(now: string): PromiseRecord[] {
    const records = new Map<string, PromiseRecord>();
    const touchpointList = [...touchpoints.values()];
    const touchpointsByKey = new Map<string, Touchpoint[]>();
    for (const t of touchpointList) {
      const list = touchpointsByKey.get(t.counterpart) ?? [];
      list.push(t);
      touchpointsByKey.set(t.counterpart, list);
    }
    for (const f of withSnippets) {
      if (f.promises.length === 0) continue;
      const { threadId, publicId, counterpart } = counterpartOf(f);
      const madeAtMs = Date.parse(f.sentAt);
      const madeTo = [...f.to, ...f.cc].map((a) => a.address).filter((a) => !resolver.isOurs(a));
      // Only the earliest candidate per source can keep the promise: the first later mail in the thread
      // and the first later mail to each recipient.
      const later: LaterOutbound[] = [];
      for (const o of threadFacts.get(threadId)?.outbound ?? []) {
        if (Date.parse(o.at) > madeAtMs && o.messageId !== f.id) {
          later.push({ ...o, threadId });
          break;
        }
      }
      for (const address of madeTo) {
        const refs = outboundByRecipient.get(address) ?? [];
        const ref = refs[firstAfter(refs, madeAtMs)];
        if (ref) later.push(ref);
      }
      for (const candidate of f.promises) {
        const base = {
          candidate,
          messageId: f.id,
          threadId,
          counterpart,
          madeAt: f.sentAt,
          laterOutbound: later,
          touchpoints: counterpart === null ? [] : (touchpointsByKey.get(counterpart) ?? []),
          now,
          madeTo,
        };
        const first = resolvePromiseStatus(base);
        const verdict = verdicts.get(first.id);
        const record = verdict ? resolvePromiseStatus({ ...base, verdict }) : first;
        // Matching ran on the threader's ids; the document speaks public ids.
        record.threadId = publicId;
        if (!records.has(record.id)) records.set(record.id, record);
      }
    }
    return [...records.values()].sort(
      (a, b) => Date.parse(a.madeAt) - Date.parse(b.madeAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
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
  function group(promiseList: readonly PromiseRecord[]): Grouped {
    const threads = new Map<string, ThreadFacts[]>();
    for (const t of threadFacts.values()) {
      if (t.counterpart === null) continue;
      const list = threads.get(t.counterpart) ?? [];
      list.push(t);
      threads.set(t.counterpart, list);
    }
    const requests = new Map<string, RequestSnippet[]>();
    const risks = new Map<string, RiskSnippet[]>();
    for (const f of withSnippets) {
      const { publicId: threadId, counterpart } = counterpartOf(f);
      if (counterpart === null) continue;
      for (const r of f.requests) {
        const list = requests.get(counterpart) ?? [];
        list.push({ messageId: f.id, threadId, text: r.text, at: f.sentAt });
        requests.set(counterpart, list);
      }
      for (const r of f.risks) {
        const list = risks.get(counterpart) ?? [];
        list.push({ kind: r.kind, side: r.side, messageId: f.id, threadId, text: r.text, at: f.sentAt });
        risks.set(counterpart, list);
      }
    }
    const promises = new Map<string, PromiseRecord[]>();
    for (const p of promiseList) if (p.counterpart !== null) push(promises, p.counterpart, p);
    const byKey = new Map<string, Touchpoint[]>();
    for (const t of touchpoints.values()) push(byKey, t.counterpart, t);
    return { threads, requests, risks, promises, touchpoints: byKey };
  }

  function summarize(key: string, grouped: Grouped, now: string): CounterpartSummary {
    return summarizeCounterpart({
      key,
      threads: grouped.threads.get(key) ?? [],
      requests: grouped.requests.get(key) ?? [],
      risks: grouped.risks.get(key) ?? [],
      promises: grouped.promises.get(key) ?? [],
      touchpoints: grouped.touchpoints.get(key) ?? [],
      cadenceDays: cadences.get(key) ?? null,
      contacts: [...(contacts.get(key) ?? [])],
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
      addFacts(extractMessageFacts(message, settings));
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
      const grouped = group(promises);
      const keys = new Set<string>([...grouped.threads.keys(), ...grouped.touchpoints.keys()]);
      const counterparts = [...keys]
        .map((key) => summarize(key, grouped, now))
        .sort((a, b) => a.health.score - b.health.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return { now: new Date(parseNow(now)).toISOString(), timeZone: settings.timeZone, me: [...settings.me], counterparts, promises };
    },
    report(rawCounterpart, since, now) {
      parseNow(now);
      const counterpart = rawCounterpart.trim().toLowerCase();
      refresh();
      const promises = promisesAt(now).filter((p) => p.counterpart === counterpart);
      const grouped = group(promises);
      const summary = summarize(counterpart, grouped, now);
      const subjects = new Map((grouped.threads.get(counterpart) ?? []).map((t) => [t.threadId, t.subject]));
      return buildProgressReport({
        counterpart,
        since,
        now,
        promises,
        touchpoints: [...touchpoints.values()],
        requests: summary.requests,
        awaitingThem: summary.awaitingThem.map((a) => ({ ...a, subject: subjects.get(a.threadId) ?? '' })),
        risks: summary.risks,
        settings,
      });
    },
    stats: () => ({ messages: facts.size, threads: threadMessages.size, skippedDuplicates, threadAnalyses }),
  };
}

/** Analyses a whole mailbox at once: createMailboxAnalyzer, add everything, result(now). */
export function analyzeMailbox(messages: Iterable<NormalizedMessage>, settings: AnalysisSettings, now: string): AnalysisDocument {
  const analyzer = createMailboxAnalyzer(settings);
  for (const message of messages) analyzer.add(message);
  return analyzer.result(now);
}
