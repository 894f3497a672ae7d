import type { LagSample, MessageFacts, Side, ThreadFacts, ThreadMessageRef } from '../model/facts';
import type { AnalysisSettings } from '../model/settings';
import { businessMinutesBetween } from './business-time';
import { resolverFor, type CounterpartResolver } from './counterparts';
import { isAnswerSubject, stripSubjectPrefixes } from './threading';

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

  const first = meaningful[0] ?? null;
  const ids = new Set(sorted.map((m) => m.id));
  const last = meaningful[meaningful.length - 1] ?? null;
  const subjectSource = first ?? sorted[0];
  return {
    threadId,
    counterpart: counterparts[0] ?? null,
    counterparts,
    // "Q4 rollout plan", not "RE: AW: Q4 rollout plan", when the first message we have is a reply.
    subject: stripSubjectPrefixes(subjectSource?.subject ?? ''),
    messageIds: sorted.map((m) => m.id),
    initiatedBy: first ? initiatorOf(first, ids, sorted[0] === first) : null,
    firstMessage: first ? ref(first) : null,
    lags,
    lastMessage: last ? ref(last) : null,
    // A closing "Thanks!" ends the conversation: nobody owes the next message.
    awaiting:
      last && turnStart && !last.closing
        ? { side: sideOf(last) === 'us' ? 'them' : 'us', since: turnStart.sentAt, lastMessageId: last.id }
        : null,
    lastContactAt: last?.sentAt ?? null,
    outbound: meaningful
      .filter((m) => m.direction === 'outbound')
      .map((m) => ({ messageId: m.id, at: m.sentAt, to: externalRecipients(m, resolver) })),
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

/** Recipients of our message that are not us: the people a promise in it was made to. */
function externalRecipients(m: MessageFacts, resolver: CounterpartResolver): string[] {
  return [...m.to, ...m.cc].map((a) => a.address).filter((a) => !resolver.isOurs(a));
}
