import {
  analyzeThread,
  createMailboxAnalyzer,
  extractMessageFacts,
  lagStats,
  type AnalysisSettings,
  type NormalizedMessageInput,
  type ProgressReport,
  type PromiseRecord,
  type Touchpoint,
} from '@followthrough/shared';
import type { PromiseView, ThreadSummaryResponse } from '@followthrough/shared/contract';
import type { ThreadSnapshot } from '../hosts/mail-host';
import type { ExtensionSettings, LocalState } from './storage';

export type LocalAnalysis =
  | { kind: 'ok'; summary: ThreadSummaryResponse; skipped: number; partial: number }
  /** We cannot tell our side from theirs without knowing who "we" are. */
  | { kind: 'needs-address' };

function formatAddress(address: { name?: string; address: string }): string {
  return address.name ? `"${address.name.replace(/"/g, "'")}" <${address.address}>` : address.address;
}

/** The open thread as normalized messages: the same shape every mail source is turned into. */
export function snapshotToMessages(snapshot: ThreadSnapshot): { messages: NormalizedMessageInput[]; skipped: number } {
  const messages: NormalizedMessageInput[] = [];
  let skipped = 0;
  for (const message of snapshot.messages) {
    // Without a sender or a time a message can be neither a turn nor a lag: leave it out, say so.
    if (!message.from || !message.sentAt) {
      skipped += 1;
      continue;
    }
    messages.push({
      id: message.id,
      threadId: snapshot.threadId,
      from: formatAddress(message.from),
      to: message.to.map(formatAddress),
      cc: message.cc.map(formatAddress),
      date: message.sentAt,
      subject: snapshot.subject,
      text: message.text,
    });
  }
  return { messages, skipped };
}

export function analysisSettingsFor(settings: ExtensionSettings, account: string | null): AnalysisSettings | null {
  const me = settings.addresses.length > 0 ? settings.addresses : account ? [account] : [];
  if (me.length === 0) return null;
  // Built by hand rather than with analysisSettingsSchema.parse: the schema would pull zod (~30 KB
  // gzip) into every content script. The options page validates these values when they are saved;
  // the defaults below are the schema's own.
  return {
    me,
    timeZone: settings.timeZone || Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    workingHours: settings.workingHours,
    internalDomains: [],
    responseTargetBusinessMinutes: 240,
    defaultPromiseWorkingDays: 2,
    ...(settings.defaultCadenceDays ? { defaultCadenceDays: settings.defaultCadenceDays } : {}),
  };
}

/** Applies what the user said about a promise (done, not a promise, snoozed, new due date). */
export function withVerdict(record: PromiseRecord, local: LocalState): PromiseView {
  const verdict = local.verdicts[record.id];
  if (!verdict) return { ...record, verdict: null };
  const status =
    verdict.status === 'done' ? 'done' : verdict.status === 'dismissed' ? 'dismissed' : record.status === 'done' || record.status === 'dismissed' ? 'open' : record.status;
  return {
    ...record,
    status,
    dueAt: verdict.dueAt ?? record.dueAt,
    snoozedUntil: verdict.snoozedUntil ?? record.snoozedUntil ?? null,
    originalDueAt: verdict.dueAt ? (record.originalDueAt ?? record.dueAt) : (record.originalDueAt ?? null),
    verdict: {
      status: verdict.status ?? null,
      dueAt: verdict.dueAt ?? null,
      snoozedUntil: verdict.snoozedUntil ?? null,
      updatedAt: verdict.updatedAt,
    },
  };
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
  const facts = [];
  for (const message of messages) {
    analyzer.add(message as Parameters<typeof analyzer.add>[0]);
  }
  for (const message of messages) {
    facts.push(extractMessageFacts(message as Parameters<typeof extractMessageFacts>[0], analysisSettings));
  }
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
  return {
    kind: 'ok',
    skipped,
    partial: snapshot.messages.filter((m) => m.partial).length,
    summary: {
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
      requests: counterpart?.requests.filter((r) => r.threadId === snapshot.threadId) ?? [],
      risks: counterpart?.risks.filter((r) => r.threadId === snapshot.threadId) ?? [],
      counterpartSummary: counterpart ? { ...counterpart, name: null, renewalDate: null } : null,
      link: snapshot.link,
    },
  };
}

/** The 1-page progress report from the open thread alone (local-only mode). */
export function localReport(
  snapshot: ThreadSnapshot,
  settings: ExtensionSettings,
  local: LocalState,
  counterpart: string,
  now: Date,
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
  return analyzer.report(counterpart, since ?? null, now.toISOString());
}
