import type { LagSample, MessageFacts, Side, ThreadFacts, ThreadMessageRef } from '../model/facts';
import type { AnalysisSettings } from '../model/settings';
import { businessMinutesBetween } from './business-time';
import { resolverFor } from './counterparts';
import { isAnswerSubject, stripSubjectPrefixes } from './threading';

/**
 * A request to us is unanswered while its thread waits for our reply and it was made in the unanswered
 * turn (at or after the wait began).
 */
export function isUnansweredRequest(requestAt: string, awaiting: { side: 'us' | 'them'; since: string } | null): boolean {
  return awaiting !== null && awaiting.side === 'us' && Date.parse(requestAt) >= Date.parse(awaiting.since);
}

/** A message that is a conversation turn: from us to them or from them, never automated or internal-only. */
export function isMeaningful(facts: MessageFacts): boolean {
  return !facts.automated && facts.direction !== 'internal';
}

export function sideOf(facts: MessageFacts): Side {
  return facts.direction === 'outbound' ? 'us' : 'them';
}

/** Sent time, then id: a stable order for messages sent in the same second. */
export function compareFacts(a: MessageFacts, b: MessageFacts): number {
  if (a.sentAt !== b.sentAt) return Date.parse(a.sentAt) - Date.parse(b.sentAt);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function ref(facts: MessageFacts): ThreadMessageRef {
  return { messageId: facts.id, side: sideOf(facts), at: facts.sentAt };
}

/**
 * Everything one thread says about the relationship, independent of `now`:
 * - initiation: whoever sent the first meaningful message (our outbound non-replies are ours); if it
 *   answers a message the thread lacks, the other side started it (see initiatorOf);
 * - response lags (PRODUCT.md): a turn starts with the first message after one from the other side and
 *   ends at the other side's next message; internal and automated mail is skipped entirely;
 * - awaiting: the side that did not send the last meaningful message owes the next one, since the start
 *   of the unanswered turn (their first unanswered message, not their last nudge); unless that last
 *   message only thanked or acknowledged (MessageFacts.closing);
 * - last contact: the last meaningful message either way.
 */
export function analyzeThread(
  threadId: string,
  messages: readonly MessageFacts[],
  settings: Pick<AnalysisSettings, 'timeZone' | 'workingHours' | 'me' | 'internalDomains'>,
): ThreadFacts {
  const resolver = resolverFor(settings);
  // Decorate once: parsing dates inside the comparator would parse each one log(n) times.
  const sorted = messages
    .map((m) => ({ m, at: Date.parse(m.sentAt) }))
    .sort((a, b) => a.at - b.at || (a.m.id < b.m.id ? -1 : a.m.id > b.m.id ? 1 : 0))
    .map((x) => x.m);
  const meaningful = sorted.filter(isMeaningful);

  const counterparts: string[] = [];
  for (const m of meaningful) for (const c of m.counterparts) if (!counterparts.includes(c)) counterparts.push(c);

  const last = meaningful[meaningful.length - 1] ?? null;
  const lags: LagSample[] = [];
  let turnStart: MessageFacts | null = null;
  for (const m of meaningful) {
    if (turnStart === null) {
      turnStart = m;
      continue;
    }
    if (sideOf(m) === sideOf(turnStart)) continue;
    lags.push({
      responder: sideOf(m),
      turnStartMessageId: turnStart.id,
      replyMessageId: m.id,
      startedAt: turnStart.sentAt,
      repliedAt: m.sentAt,
      minutes: Math.round((Date.parse(m.sentAt) - Date.parse(turnStart.sentAt)) / 6000) / 10,
      businessMinutes: businessMinutesBetween(turnStart.sentAt, m.sentAt, settings),
    });
    turnStart = m;
  }

  const main = counterparts[0] ?? null;
  const contacts = new Set<string>();
  if (main !== null) {
    for (const m of meaningful) for (const a of [m.from, ...m.to, ...m.cc]) if (resolver.keyOf(a.address) === main) contacts.add(a.address);
  }

  const awaiting: ThreadFacts['awaiting'] =
    last && turnStart && !last.closing ? { side: sideOf(last) === 'us' ? 'them' : 'us', since: turnStart.sentAt, lastMessageId: last.id } : null;
  let unansweredRequests = 0;
  let firstUnansweredRequestAt: string | null = null;
  for (const m of sorted) {
    if (m.requests.length === 0 || !isUnansweredRequest(m.sentAt, awaiting)) continue;
    unansweredRequests += m.requests.length;
    firstUnansweredRequestAt ??= m.sentAt;
  }

  const first = meaningful[0] ?? null;
  const ids = new Set(sorted.map((m) => m.id));
  const subjectSource = first ?? sorted[0];
  return {
    threadId,
    counterpart: main,
    counterparts,
    contacts: [...contacts].sort(),
    // "Q4 rollout plan", not "RE: AW: Q4 rollout plan", when the first message we have is a reply.
    subject: stripSubjectPrefixes(subjectSource?.subject ?? ''),
    messageIds: sorted.map((m) => m.id),
    initiatedBy: first ? initiatorOf(first, ids, sorted[0] === first) : null,
    firstMessage: first ? ref(first) : null,
    lags,
    lastMessage: last ? ref(last) : null,
    // A closing "Thanks!" ends the conversation: nobody owes the next message.
    awaiting,
    lastContactAt: last?.sentAt ?? null,
    unansweredRequests,
    firstUnansweredRequestAt,
  };
}

/**
 * Who started the conversation, from its first meaningful message. When that message answers one we do
 * not have (its In-Reply-To is missing from the thread, or it is the very first message and says "Re:"),
 * the other side wrote the original: a mailbox export often lacks the first mail of an old thread.
 * A forward is never an answer: forwarding something to a client is reaching out.
 */
function initiatorOf(first: MessageFacts, threadIds: ReadonlySet<string>, isFirstOfThread: boolean): Side {
  const answersMissing = first.inReplyTo !== undefined ? !threadIds.has(first.inReplyTo) : isFirstOfThread && isAnswerSubject(first.subject);
  const side = sideOf(first);
  return answersMissing ? (side === 'us' ? 'them' : 'us') : side;
}
