import {
  readMessage,
  analyzeThread,
  isUnansweredRequest,
  createMailboxAnalyzer,
  extractMessageFacts,
  lagStats,
  type AnalysisSettings,
  type ProgressReport,
  type StoredMessageFacts,
  type Touchpoint,
} from '@followthrough/shared';
import type { ThreadSummaryResponse } from '@followthrough/shared/contract';
import type { ThreadSnapshot } from '../hosts/mail-host';
import { snapshotToMessages, withVerdict } from './thread-messages';
import { withinCoverage, type ReadCoverage } from './read-coverage';
import { effectiveTimeZone, type ExtensionSettings } from './settings';
import type { LocalState } from './storage';

export type LocalAnalysis =
  | { kind: 'ok'; summary: ThreadSummaryResponse; skipped: number; partial: number; coverage: ReadCoverage }
  /** We cannot tell our side from theirs without knowing who "we" are. */
  | { kind: 'needs-address' };

export function analysisSettingsFor(settings: ExtensionSettings, account: string | null): AnalysisSettings | null {
  const me = settings.addresses.length > 0 ? settings.addresses : account ? [account] : [];
  if (me.length === 0) return null;
  // Built by hand rather than with analysisSettingsSchema.parse: the schema would pull zod (~30 KB
  // gzip) into every content script. The options page validates these values when they are saved;
  // the defaults below are the schema's own.
  return {
    me,
    timeZone: effectiveTimeZone(settings),
    workingHours: settings.workingHours,
    internalDomains: [],
    responseTargetBusinessMinutes: 240,
    defaultPromiseWorkingDays: 2,
    initiationTarget: (settings.initiationTargetPercent ?? 80) / 100,
    ...(settings.defaultCadenceDays ? { defaultCadenceDays: settings.defaultCadenceDays } : {}),
  };
}

/**
 * What local-only mode remembers of the open thread: each readable message's facts, exactly what the
 * server would store (readMessage: no body, only the sentences the rules found). Null when we cannot tell
 * our side from theirs yet.
 */
export function rememberedFacts(snapshot: ThreadSnapshot, settings: ExtensionSettings): StoredMessageFacts[] | null {
  const analysisSettings = analysisSettingsFor(settings, snapshot.account);
  if (!analysisSettings) return null;
  const out: StoredMessageFacts[] = [];
  for (const message of snapshotToMessages(snapshot).messages) {
    try {
      out.push(readMessage(message as Parameters<typeof readMessage>[0], analysisSettings));
    } catch {
      // A message the engine cannot read (no sender address) is left out, as the local analysis does.
    }
  }
  return out;
}

/**
 * Runs the shared engine on what the page shows: works with no server at all. The result has the
 * server's thread-summary shape, so the sidebar renders local and server data with the same panels.
 */
export function analyzeSnapshot(
  snapshot: ThreadSnapshot,
  settings: ExtensionSettings,
  local: LocalState,
  now: Date = new Date(),
): LocalAnalysis {
  const analysisSettings = analysisSettingsFor(settings, snapshot.account);
  if (!analysisSettings) return { kind: 'needs-address' };
  const { messages, skipped } = snapshotToMessages(snapshot);
  const analyzer = createMailboxAnalyzer(analysisSettings);
  // Each message's facts are extracted once and given to both the thread view and the analyzer:
  // extraction (visible text, promises, requests, risks) is most of the engine's time.
  const facts = messages.map((message) => extractMessageFacts(message as Parameters<typeof extractMessageFacts>[0], analysisSettings));
  for (const messageFacts of facts) analyzer.addFacts(messageFacts);
  const thread = analyzeThread(snapshot.threadId, facts, analysisSettings);
  const touchpoints: Touchpoint[] = thread.counterpart
    ? local.touchpoints.filter((t) => t.counterpart === thread.counterpart)
    : [];
  for (const touchpoint of touchpoints) analyzer.addTouchpoint(touchpoint);
  const nowIso = now.toISOString();
  const document = analyzer.result(nowIso);
  const counterpart = thread.counterpart ? document.counterparts.find((c) => c.key === thread.counterpart) ?? null : null;
  const promises = document.promises
    .filter((p) => p.threadId === snapshot.threadId)
    .map((p) => withVerdict(p, local));
  const summary: ThreadSummaryResponse = {
    threadId: snapshot.threadId,
    subject: snapshot.subject,
    counterpart: thread.counterpart,
    messageCount: messages.length,
    initiatedBy: thread.initiatedBy,
    firstMessage: thread.firstMessage,
    lastMessage: thread.lastMessage,
    lags: { ours: lagStats(thread.lags, 'us'), theirs: lagStats(thread.lags, 'them'), samples: thread.lags },
    awaiting: thread.awaiting,
    promises,
    otherOpenPromises: [],
    otherOpenPromiseCount: 0,
    // This thread's own: the requests of the turn we still owe, and every risk sentence in it.
    requests: facts
      .filter((f) => isUnansweredRequest(f.sentAt, thread.awaiting))
      .flatMap((f) => f.requests.map((r) => ({ messageId: f.id, threadId: snapshot.threadId, text: r.text, at: f.sentAt }))),
    risks: facts.flatMap((f) => f.risks.map((r) => ({ kind: r.kind, side: r.side, messageId: f.id, threadId: snapshot.threadId, text: r.text, at: f.sentAt }))),
    counterpartSummary: counterpart ? { ...counterpart, name: null, renewalDate: null } : null,
    link: snapshot.link,
  };
  const covered = withinCoverage(summary, snapshot);
  return { kind: 'ok', skipped, partial: snapshot.messages.filter((m) => m.partial).length, summary: covered.summary, coverage: covered.coverage };
}

/** The 1-page progress report from the open thread alone (local-only mode). */
export function localReport(
  snapshot: ThreadSnapshot,
  settings: ExtensionSettings,
  local: LocalState,
  counterpart: string,
  now: Date,
  /** The client's name from its profile (kept locally, or on the server), for the report's title. */
  name: string | null = null,
): ProgressReport | null {
  const analysisSettings = analysisSettingsFor(settings, snapshot.account);
  if (!analysisSettings) return null;
  const analyzer = createMailboxAnalyzer(analysisSettings);
  for (const message of snapshotToMessages(snapshot).messages) analyzer.add(message as Parameters<typeof analyzer.add>[0]);
  for (const touchpoint of local.touchpoints) if (touchpoint.counterpart === counterpart) analyzer.addTouchpoint(touchpoint);
  const since = [...local.touchpoints]
    .filter((t) => t.counterpart === counterpart && t.kind === 'report-sent')
    .map((t) => t.at)
    .sort()
    .at(-1);
  return analyzer.report(counterpart, since ?? null, now.toISOString(), name);
}

/** What the sidebar needs from the engine; loaded as a separate chunk in content scripts. */
export interface LocalEngine {
  analyzeSnapshot: typeof analyzeSnapshot;
  localReport: typeof localReport;
  rememberedFacts: typeof rememberedFacts;
}
