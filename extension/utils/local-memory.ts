import {
  awaitingThresholds,
  clientMatchesFilter,
  createMailboxAnalyzer,
  deriveMessageFacts,
  isContactTouchpoint,
  remindersFromDocument,
  type AnalysisDocument,
  type AnalysisSettings,
  type ClientFilter,
  type ClientRiskCandidate,
  type PromiseRecord,
} from '@followthrough/shared';
import type {
  CounterpartDetailResponse,
  CounterpartListItem,
  CounterpartProfile,
  CounterpartThread,
  PromiseView,
  Reminder,
  StoredTouchpoint,
} from '@followthrough/shared/contract';
import { analysisSettingsFor } from './local-analysis';
import type { MemoryStore, RememberedThread } from './memory-store';
import { withVerdict } from './thread-messages';
import type { ExtensionSettings } from './settings';
import type { LocalClients, LocalState } from './storage';

/**
 * The engine over local-only mode's memory (memory-store.ts): the same analyzer the CLI runs
 * (createMailboxAnalyzer over deriveMessageFacts of the stored facts), with the user's local touchpoints,
 * verdicts and client profiles. What the Clients view, the popup's reminders and the sidebar's client
 * figures show without a server. Runs in the background; the result is kept until something changes.
 */
export interface LocalMemoryDeps {
  store: MemoryStore;
  settings(): Promise<ExtensionSettings>;
  local(): Promise<LocalState>;
  clients(): Promise<LocalClients>;
  now(): Date;
}

interface Analysis {
  doc: AnalysisDocument;
  /** Client risks we have not answered (the analyzer's, at the document's `now`). */
  clientRisks: ClientRiskCandidate[];
  settings: AnalysisSettings;
  threads: Map<string, RememberedThread>;
  local: LocalState;
  clients: LocalClients;
  /** Per client: the first remembered contact, and the latest feedback question in our mail (the fact, not the text). */
  firstContactAt: Map<string, string>;
  feedbackMailAt: Map<string, string>;
}

const EMPTY_PROFILE: CounterpartProfile = { name: null, cadenceDays: null, renewalDate: null, notes: null, initiationTargetPercent: null, reviewIntervalDays: null, feedbackIntervalDays: null };
const DETAIL_LIST = 20;

export type LocalClientsPage = { counterparts: CounterpartListItem[]; total: number; nextCursor: string | null };

export function createLocalMemory(deps: LocalMemoryDeps) {
  let cached: { at: number; analysis: Analysis | null } | null = null;

  async function analyse(): Promise<Analysis | null> {
    const now = deps.now();
    // Figures depend on `now` (silence, overdue): a minute-old document is as good as new.
    if (cached && now.getTime() - cached.at < 60_000) return cached.analysis;
    const [settings, local, clients, memory] = await Promise.all([deps.settings(), deps.local(), deps.clients(), deps.store.all()]);
    const latest = [...memory.threads].sort((a, b) => b.rememberedAt.localeCompare(a.rememberedAt))[0];
    const analysisSettings = analysisSettingsFor(settings, latest?.account ?? null);
    let analysis: Analysis | null = null;
    if (analysisSettings) {
      const analyzer = createMailboxAnalyzer(analysisSettings);
      const firstContactAt = new Map<string, string>();
      const feedbackMailAt = new Map<string, string>();
      for (const stored of memory.messages) {
        const facts = deriveMessageFacts(stored, analysisSettings);
        analyzer.addFacts(facts);
        if (facts.automated) continue;
        for (const key of facts.counterparts) {
          const first = firstContactAt.get(key);
          if (!first || facts.sentAt < first) firstContactAt.set(key, facts.sentAt);
          const asked = feedbackMailAt.get(key);
          if (facts.direction === 'outbound' && facts.feedbackAsked && (!asked || facts.sentAt > asked)) feedbackMailAt.set(key, facts.sentAt);
        }
      }
      for (const t of local.touchpoints) analyzer.addTouchpoint(t);
      for (const [id, verdict] of Object.entries(local.verdicts)) analyzer.setVerdict(id, verdict);
      for (const [key, profile] of Object.entries(clients.profiles)) {
        if (profile.cadenceDays !== null) analyzer.setCadence(key, profile.cadenceDays);
        if (profile.initiationTargetPercent !== null) analyzer.setInitiationTarget(key, profile.initiationTargetPercent / 100);
      }
      analysis = {
        doc: analyzer.result(now.toISOString()),
        clientRisks: analyzer.clientRisks(now.toISOString()),
        settings: analysisSettings,
        threads: new Map(memory.threads.map((t) => [t.threadId, t])),
        local,
        clients,
        firstContactAt,
        feedbackMailAt,
      };
    }
    cached = { at: now.getTime(), analysis };
    return analysis;
  }

  const profileOf = (a: Analysis, key: string): CounterpartProfile => {
    const p = a.clients.profiles[key];
    return p
      ? {
          name: p.name,
          cadenceDays: p.cadenceDays,
          renewalDate: p.renewalDate,
          notes: p.notes,
          initiationTargetPercent: p.initiationTargetPercent,
          reviewIntervalDays: p.reviewIntervalDays ?? null,
          feedbackIntervalDays: p.feedbackIntervalDays ?? null,
        }
      : EMPTY_PROFILE;
  };

  /** Every client the user has anything of: remembered mail, a logged touchpoint, or a profile set here. */
  function items(a: Analysis): CounterpartListItem[] {
    const out = a.doc.counterparts.map((c) => ({ ...c, name: profileOf(a, c.key).name, renewalDate: profileOf(a, c.key).renewalDate }));
    return out;
  }

  const promiseViews = (a: Analysis, list: readonly PromiseRecord[]): PromiseView[] => list.map((p) => withVerdict(p, a.local));

  function urgentPromises(a: Analysis, key: string): PromiseView[] {
    const mine = promiseViews(a, a.doc.promises.filter((p) => p.counterpart === key));
    const rank = (p: PromiseView) => (p.status === 'overdue' ? 0 : p.status === 'open' ? 1 : 2);
    return mine.sort((x, y) => rank(x) - rank(y) || (rank(x) < 2 ? x.dueAt.localeCompare(y.dueAt) : y.dueAt.localeCompare(x.dueAt)));
  }

  function touchpointsOf(a: Analysis, key: string): StoredTouchpoint[] {
    return a.local.touchpoints
      .filter((t) => t.counterpart === key)
      .map((t) => ({ ...t, createdAt: t.at }))
      .sort((x, y) => y.at.localeCompare(x.at));
  }

  return {
    /** Something the figures depend on changed (memory, touchpoints, verdicts, profiles, settings). */
    invalidate() {
      cached = null;
    },

    /** The client figures and other open promises for the sidebar of a remembered thread. */
    async threadView(threadId: string, counterpart: string | null) {
      const a = await analyse();
      if (!a || !counterpart) return null;
      const summary = a.doc.counterparts.find((c) => c.key === counterpart);
      if (!summary) return null;
      const profile = profileOf(a, counterpart);
      const others = urgentPromises(a, counterpart).filter((p) => p.threadId !== threadId && (p.status === 'open' || p.status === 'overdue'));
      const threads = [...a.threads.values()].filter((t) => t.counterpart === counterpart).length;
      return {
        counterpartSummary: { ...summary, name: profile.name, renewalDate: profile.renewalDate },
        otherOpenPromises: others.slice(0, 5),
        otherOpenPromiseCount: others.length,
        threadsRemembered: threads,
      };
    },

    async listClients(q: { filter?: ClientFilter; limit: number; cursor?: string | null }): Promise<LocalClientsPage> {
      const a = await analyse();
      if (!a) return { counterparts: [], total: 0, nextCursor: null };
      const now = a.doc.now;
      const all = items(a)
        .filter((c) => clientMatchesFilter(c, c.renewalDate, q.filter, now))
        .sort((x, y) => x.health.score - y.health.score || x.key.localeCompare(y.key));
      const offset = q.cursor ? Number(q.cursor) || 0 : 0;
      const page = all.slice(offset, offset + q.limit);
      return { counterparts: page, total: all.length, nextCursor: offset + q.limit < all.length ? String(offset + q.limit) : null };
    },

    async client(key: string): Promise<CounterpartDetailResponse | null> {
      const a = await analyse();
      const summary = a?.doc.counterparts.find((c) => c.key === key);
      if (!a || !summary) return null;
      const profile = profileOf(a, key);
      const touchpoints = touchpointsOf(a, key);
      return {
        counterpart: { ...summary, name: profile.name, renewalDate: profile.renewalDate, notes: profile.notes },
        profile,
        promises: urgentPromises(a, key).slice(0, DETAIL_LIST),
        touchpoints: touchpoints.slice(0, DETAIL_LIST),
        touchpointCount: touchpoints.length,
      };
    },

    async clientThreads(key: string): Promise<{ threads: CounterpartThread[]; total: number; nextCursor: null }> {
      const a = await analyse();
      if (!a) return { threads: [], total: 0, nextCursor: null };
      const threads = [...a.threads.values()]
        .filter((t) => t.counterpart === key)
        .sort((x, y) => y.lastAt.localeCompare(x.lastAt))
        .map((t) => ({ threadId: t.threadId, subject: t.subject, messageCount: 0, initiatedBy: null, firstAt: null, lastContactAt: t.lastAt, awaiting: null, link: t.link }));
      return { threads, total: threads.length, nextCursor: null };
    },

    /** Reminders from memory: the same rules, ids and titles as the server's (reminder-rules.ts). */
    async reminders(): Promise<Reminder[]> {
      const a = await analyse();
      if (!a) return [];
      const now = a.doc.now;
      const profiles = new Map(Object.keys({ ...a.clients.profiles }).map((k) => [k, { name: profileOf(a, k).name, renewalDate: profileOf(a, k).renewalDate }]));
      for (const c of a.doc.counterparts) if (!profiles.has(c.key)) profiles.set(c.key, { name: null, renewalDate: null });
      // Feedback asked: a logged touchpoint or a feedback question in our mail; reviewed: a review touchpoint.
      const lastFeedbackAt = new Map<string, string>([...a.feedbackMailAt].filter(([, at]) => at <= now));
      const lastReviewAt = new Map<string, string>();
      const firstContactAt = new Map(a.firstContactAt);
      for (const t of a.local.touchpoints) {
        if (t.at > now) continue;
        const latest = t.kind === 'feedback-asked' ? lastFeedbackAt : t.kind === 'review' ? lastReviewAt : null;
        const before = latest?.get(t.counterpart);
        if (latest && (!before || t.at > before)) latest.set(t.counterpart, t.at);
        const first = firstContactAt.get(t.counterpart);
        if (isContactTouchpoint(t.kind) && (!first || t.at < first)) firstContactAt.set(t.counterpart, t.at);
      }
      const latestThread = new Map<string, string>();
      for (const t of [...a.threads.values()].sort((x, y) => x.lastAt.localeCompare(y.lastAt))) if (t.counterpart) latestThread.set(t.counterpart, t.threadId);
      return remindersFromDocument({
        now,
        counterparts: a.doc.counterparts,
        promises: promiseViews(a, a.doc.promises),
        clientRisks: a.clientRisks,
        overTargetUpTo: awaitingThresholds(now, a.settings).overTargetUpTo,
        profiles,
        lastFeedbackAt,
        lastReviewAt,
        firstContactAt,
        intervals: new Map(Object.keys(a.clients.profiles).map((k) => [k, profileOf(a, k)])),
        threads: new Map([...a.threads.values()].map((t) => [t.threadId, { subject: t.subject, link: t.link }])),
        latestThread,
        snoozes: new Map(Object.entries(a.clients.snoozes)),
      });
    },
  };
}

export type LocalMemory = ReturnType<typeof createLocalMemory>;
