import { healthWithout, lagStats, type HealthComponent } from '@followthrough/shared';
import type { ThreadSummaryResponse } from '@followthrough/shared/contract';
import type { ThreadSnapshot } from '../hosts/mail-host';

/**
 * How much of the open thread the page let us read, and what that means for the figures. A message
 * whose sender or time could not be read is left out of the engine's input (snapshotToMessages); this
 * file makes sure the figures built without it never claim what only it could tell: who started the
 * thread, who has the last word, a reply time across it. Messages a client folded away are treated
 * the same way, for reply times.
 */
export interface ReadCoverage {
  /** Messages on the page whose sender or time could not be read. */
  unreadMessages: number;
  unreadSenders: number;
  unreadTimes: number;
  /** Messages the client folded away ("2 older messages"): not on the page at all. */
  folded: number;
  /** False when the first message on the page is unread: who started the thread is not known. */
  initiatorKnown: boolean;
  /** False when the last message on the page is unread: who has the last word is not known. */
  lastKnown: boolean;
  /** Reply times dropped because an unread or folded message sat between the turn and its reply. */
  droppedLags: number;
}

export function coverageOf(snapshot: ThreadSnapshot): Omit<ReadCoverage, 'droppedLags'> {
  const { messages } = snapshot;
  const unread = messages.filter((m) => m.unread.length > 0);
  return {
    unreadMessages: unread.length,
    unreadSenders: unread.filter((m) => m.unread.includes('sender')).length,
    unreadTimes: unread.filter((m) => m.unread.includes('time')).length,
    folded: snapshot.foldedCount,
    initiatorKnown: messages.length > 0 && messages[0]!.unread.length === 0,
    lastKnown: messages.length > 0 && messages[messages.length - 1]!.unread.length === 0,
  };
}

/** True when something unread or folded sits between page positions `from` and `to` (exclusive). */
function gapBetween(snapshot: ThreadSnapshot, from: number, to: number): boolean {
  for (let index = from + 1; index < to; index += 1) if (snapshot.messages[index]!.unread.length > 0) return true;
  // The fold sits after `foldedAfter` messages: between positions foldedAfter - 1 and foldedAfter.
  return snapshot.foldedCount > 0 && snapshot.foldedAfter !== null && from < snapshot.foldedAfter && to >= snapshot.foldedAfter;
}

type CounterpartView = NonNullable<ThreadSummaryResponse['counterpartSummary']>;

/**
 * The health score without the components an unread or folded message could change (initiation when
 * the first message is unread, responsiveness when a reply time was dropped, the awaited reply when the
 * last message is unread), rescaled over the components that remain.
 */
function coveredCounterpart(counterpart: CounterpartView, coverage: ReadCoverage): CounterpartView {
  const unknown: HealthComponent['id'][] = [];
  if (!coverage.initiatorKnown) unknown.push('initiation');
  if (coverage.droppedLags > 0) unknown.push('responsiveness');
  if (!coverage.lastKnown) unknown.push('awaiting');
  if (unknown.length === 0) return counterpart;
  return {
    ...counterpart,
    initiated: coverage.initiatorKnown ? counterpart.initiated : { us: 0, them: 0, share: null },
    // The engine's own rescaling (health.ts), as if those parts had had nothing to measure.
    health: healthWithout(counterpart.health, unknown),
  };
}

/**
 * The engine's summary of what could be read, with every figure that unread or folded messages could
 * change taken out: the initiator when the first message is unread, the awaited side when the last one
 * is, and each reply time measured across an unread or folded message.
 */
export function withinCoverage(summary: ThreadSummaryResponse, snapshot: ThreadSnapshot): { summary: ThreadSummaryResponse; coverage: ReadCoverage } {
  const base = coverageOf(snapshot);
  const position = new Map(snapshot.messages.map((message, index) => [message.id, index]));
  const samples = summary.lags.samples.filter((sample) => {
    const from = position.get(sample.turnStartMessageId);
    const to = position.get(sample.replyMessageId);
    return from !== undefined && to !== undefined && !gapBetween(snapshot, from, to);
  });
  const coverage: ReadCoverage = { ...base, droppedLags: summary.lags.samples.length - samples.length };
  if (base.unreadMessages === 0 && coverage.droppedLags === 0) return { summary, coverage };
  return {
    coverage,
    summary: {
      ...summary,
      initiatedBy: base.initiatorKnown ? summary.initiatedBy : null,
      firstMessage: base.initiatorKnown ? summary.firstMessage : null,
      awaiting: base.lastKnown ? summary.awaiting : null,
      lastMessage: base.lastKnown ? summary.lastMessage : null,
      lags: { ours: lagStats(samples, 'us'), theirs: lagStats(samples, 'them'), samples },
      counterpartSummary: summary.counterpartSummary ? coveredCounterpart(summary.counterpartSummary, coverage) : null,
    },
  };
}
