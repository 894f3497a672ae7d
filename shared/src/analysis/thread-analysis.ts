import type { LagSample, MessageFacts, Side, ThreadFacts, ThreadMessageRef } from '../model/facts';
import type { AnalysisSettings } from '../model/settings';
import { businessMinutesBetween } from './business-time';
import { resolverFor } from './counterparts';
import { isAnswerSubject, stripSubjectPrefixes } from './threading';
import { isoMs } from './time/iso-ms';

/**
 * A request to us is unanswered while its thread waits for our reply and it was made in the unanswered
 * turn (at or after the wait began).
 */
export function isUnansweredRequest(requestAt: string, awaiting: { side: 'us' | 'them'; since: string } | null): boolean {
  return awaiting !== null && awaiting.side === 'us' && isoMs(requestAt) >= isoMs(awaiting.since);
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
  if (a.sentAt !== b.sentAt) return isoMs(a.sentAt) - isoMs(b.sentAt);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The ids in order, in a packed array whichever tier of V8 runs this (see analyzeThread's decorating). */
function idsOf(messages: readonly MessageFacts[]): string[] {
  const ids: string[] = [];
  for (const m of messages) ids.push(m.id);
  return ids;
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
  // Plain loops that push, not .map: V8's optimizing compiler inlines Array.prototype.map and its copy makes a holey
  // array where the interpreter's made a packed one, so once this function was optimized every later use of `sorted`
  // (.sort, .filter, .some, [0]) met an array of a kind it had not seen and threw the compiled code away: four
  // recompilations of this function, one per use, on the mailbox bench. push keeps the array packed either way.
  const decorated: { m: MessageFacts; at: number }[] = [];
  for (const m of messages) decorated.push({ m, at: isoMs(m.sentAt) });
  decorated.sort((a, b) => a.at - b.at || (a.m.id < b.m.id ? -1 : a.m.id > b.m.id ? 1 : 0));
  const sorted: MessageFacts[] = [];
  for (const x of decorated) sorted.push(x.m);
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
      minutes: Math.round((isoMs(m.sentAt) - isoMs(turnStart.sentAt)) / 6000) / 10,
      businessMinutes: businessMinutesBetween(turnStart.sentAt, m.sentAt, settings),
    });
    turnStart = m;
  }

  const main = counterparts[0] ?? null;
  const contacts = new Set<string>();
  if (main !== null) {
    for (const m of meaningful) {
      if (resolver.keyOf(m.from.address) === main) contacts.add(m.from.address);
      for (const a of m.to) if (resolver.keyOf(a.address) === main) contacts.add(a.address);
      for (const a of m.cc) if (resolver.keyOf(a.address) === main) contacts.add(a.address);
    }
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
  // Only the first message's parent is ever looked up: scan for it rather than index every id.
  const parentInThread = first?.inReplyTo !== undefined && sorted.some((m) => m.id === first.inReplyTo);
  const subjectSource = first ?? sorted[0];
  return {
    threadId,
    counterpart: main,
    counterparts,
    contacts: [...contacts].sort(),
    // "Q4 rollout plan", not "RE: AW: Q4 rollout plan", when the first message we have is a reply.
    subject: stripSubjectPrefixes(subjectSource?.subject ?? ''),
    messageIds: idsOf(sorted),
    initiatedBy: first ? initiatorOf(first, parentInThread, sorted[0] === first) : null,
    firstMessage: first ? ref(first) : null,
    lags,
    lastMessage: last ? ref(last) : null,
    // A closing "Thanks!" ends the conversation: nobody owes the next message.
    awaiting,
    lastContactAt: last?.sentAt ?? null,
    unansweredRequests,
    firstUnansweredRequestAt,
    turnStart: turnStart ? ref(turnStart) : null,
    latest: sorted.length > 0 ? { messageId: sorted[sorted.length - 1]!.id, at: sorted[sorted.length - 1]!.sentAt } : null,
    firstMissingParent: first?.inReplyTo !== undefined && !parentInThread ? first.inReplyTo : null,
  };
}

/**
 * The thread's facts with one more message that comes after all of it (by time, then id): what
 * analyzeThread would give for the whole thread, computed from the facts alone, so a store that
 * receives mail in time order never re-reads a thread's history. Null when the message does not simply
 * extend the thread (it is earlier, it is the message the first one answers, or the requests of an
 * earlier part of the turn would be needed): then analyse the whole thread.
 */
export function extendThread(
  prev: ThreadFacts,
  m: MessageFacts,
  settings: Pick<AnalysisSettings, 'timeZone' | 'workingHours' | 'me' | 'internalDomains'>,
): ThreadFacts | null {
  const at = isoMs(m.sentAt);
  if (prev.latest) {
    const latestAt = isoMs(prev.latest.at);
    // Ties on the instant leave turn and request boundaries to the id order: let the whole thread decide.
    if (!(at > latestAt)) return null;
  }
  if (prev.firstMissingParent !== null && m.id === prev.firstMissingParent) return null;
  const next: ThreadFacts = {
    ...prev,
    messageIds: [...prev.messageIds, m.id],
    latest: { messageId: m.id, at: m.sentAt },
  };
  if (prev.latest === null) next.subject = stripSubjectPrefixes(m.subject);
  if (!isMeaningful(m)) {
    // Automated and internal mail has no findings (readMessage does not read it): nothing else moves.
    return m.requests.length > 0 ? null : next;
  }
  const side = sideOf(m);
  const counterparts = [...prev.counterparts];
  for (const c of m.counterparts) if (!counterparts.includes(c)) counterparts.push(c);
  next.counterparts = counterparts;
  next.counterpart = counterparts[0] ?? null;
  if (next.counterpart !== null) {
    const resolver = resolverFor(settings);
    const contacts = new Set(prev.counterpart === next.counterpart ? prev.contacts : []);
    for (const a of [m.from, ...m.to, ...m.cc]) if (resolver.keyOf(a.address) === next.counterpart) contacts.add(a.address);
    next.contacts = [...contacts].sort();
  }
  if (prev.firstMessage === null) {
    // The first meaningful message: it names the thread and says who started it.
    const parentInThread = m.inReplyTo !== undefined && next.messageIds.includes(m.inReplyTo);
    next.subject = stripSubjectPrefixes(m.subject);
    next.firstMessage = ref(m);
    next.initiatedBy = initiatorOf(m, parentInThread, prev.latest === null);
    next.firstMissingParent = m.inReplyTo !== undefined && !parentInThread ? m.inReplyTo : null;
  }
  let turnStart = prev.turnStart;
  if (turnStart === null) turnStart = ref(m);
  else if (turnStart.side !== side) {
    next.lags = [
      ...prev.lags,
      {
        responder: side,
        turnStartMessageId: turnStart.messageId,
        replyMessageId: m.id,
        startedAt: turnStart.at,
        repliedAt: m.sentAt,
        minutes: Math.round((at - isoMs(turnStart.at)) / 6000) / 10,
        businessMinutes: businessMinutesBetween(turnStart.at, m.sentAt, settings),
      },
    ];
    turnStart = ref(m);
  }
  next.turnStart = turnStart;
  next.lastMessage = ref(m);
  next.lastContactAt = m.sentAt;
  next.awaiting = m.closing ? null : { side: side === 'us' ? 'them' : 'us', since: turnStart.at, lastMessageId: m.id };
  if (next.awaiting === null || next.awaiting.side === 'them') {
    next.unansweredRequests = 0;
    next.firstUnansweredRequestAt = null;
  } else if (prev.awaiting?.side === 'us' && prev.awaiting.since === next.awaiting.since) {
    // The same unanswered turn goes on: its earlier requests still count.
    next.unansweredRequests = prev.unansweredRequests + m.requests.length;
    next.firstUnansweredRequestAt = prev.firstUnansweredRequestAt ?? (m.requests.length > 0 ? m.sentAt : null);
  } else if (turnStart.messageId === m.id) {
    // A new turn starts with this message: only its own requests are unanswered.
    next.unansweredRequests = m.requests.length;
    next.firstUnansweredRequestAt = m.requests.length > 0 ? m.sentAt : null;
  } else return null;
  return next;
}

/**
 * Who started the conversation, from its first meaningful message. When that message answers one we do
 * not have (its In-Reply-To is missing from the thread, or it is the very first message and says "Re:"),
 * the other side wrote the original: a mailbox export often lacks the first mail of an old thread.
 * A forward is never an answer: forwarding something to a client is reaching out.
 */
function initiatorOf(first: MessageFacts, parentInThread: boolean, isFirstOfThread: boolean): Side {
  const answersMissing = first.inReplyTo !== undefined ? !parentInThread : isFirstOfThread && isAnswerSubject(first.subject);
  const side = sideOf(first);
  return answersMissing ? (side === 'us' ? 'them' : 'us') : side;
}
