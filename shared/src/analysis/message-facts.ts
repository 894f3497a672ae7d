import type { DeliveryCandidate, Direction, MessageFacts, PromiseCandidate, PromiseFinding, StoredMessageFacts } from '../model/facts';
import type { NormalizedMessage } from '../model/message';
import { messageInstant } from '../model/message-date';
import type { AnalysisSettings } from '../model/settings';
import { parseAddressList, senderAddress } from './addresses';
import { detectAutomated } from './automated';
import { detectCalendarNotice } from './calendar-notice';
import { isClosingMessage } from './closing-message';
import { resolverFor } from './counterparts';
import { defaultDueDate, resolveDueDate } from './due-dates';
import { findDeliveries, findDeliveriesInBodies } from './deliveries';
import { asksForFeedback } from './feedback-questions';
import { readPromises, type PromiseContext } from './promises';
import { findRequests } from './requests';
import { findClientRisks, findRisks } from './risks';
import { splitSentences } from './text/sentences';
import { normalizeSubject } from './threading';
import { utcIso } from './time/utc-iso';
import { visibleText } from './visible-text';

/**
 * Bounds on what one message can make us store and work on (a 10 MB body must not become hundreds of
 * thousands of snippets): the visible text read for language, and the findings kept per kind. A real
 * message's own words fit well inside; beyond them is pasted material, not things said to the client.
 */
export const MAX_VISIBLE_CHARS_READ = 100_000;
export const MAX_FINDINGS_PER_KIND = 8;

/** The sent instant, or MessageRejectedError when the date is unreadable or outside the range mail can have. */
function sentAtOf(message: NormalizedMessage): string {
  return utcIso(messageInstant(message));
}

/** Whether an address list decides a message is ours to a client, theirs, or only among us. */
function sideOf(
  from: string,
  recipients: readonly { address: string }[],
  settings: Pick<AnalysisSettings, 'me' | 'internalDomains'>,
): { direction: Direction; counterparts: string[] } {
  const resolver = resolverFor(settings);
  const fromKey = resolver.keyOf(from);
  if (fromKey !== null) return { direction: 'inbound', counterparts: [fromKey] };
  const counterparts: string[] = [];
  for (const a of recipients) {
    const key = resolver.keyOf(a.address);
    if (key !== null && !counterparts.includes(key)) counterparts.push(key);
  }
  return { direction: counterparts.length > 0 ? 'outbound' : 'internal', counterparts };
}

/**
 * First names of our own people on a message of ours (the sender, and colleagues at our domains in to and
 * cc), lower-case: "Maria will send you the invoice copies" is our promise only when Maria is one of us.
 */
const BLANK = /\s/;

function colleaguesOn(from: { name?: string; address: string }, recipients: readonly { name?: string; address: string }[], settings: AnalysisSettings): string[] {
  const resolver = resolverFor(settings);
  const names = new Set<string>();
  for (const person of [from, ...recipients]) {
    if (!resolver.isOurs(person.address)) continue;
    // The first word (what split(/\s+/)[0] gives), without splitting the whole name into an array.
    const name = (person.name ?? '').trim();
    const blank = name.search(BLANK);
    const first = blank === -1 ? name : name.slice(0, blank);
    if (first.length > 1) names.add(first.toLowerCase());
  }
  return [...names];
}

// The colleagues are a parameter, not spread in afterwards: `{ ...context, colleagues }` adds the property through
// the runtime on Node 20 (about 2 µs a message here; health.ts).
function promiseContext(sentAt: string, settings: AnalysisSettings, colleagues?: readonly string[]): PromiseContext {
  const context: PromiseContext = {
    sentAt,
    timeZone: settings.timeZone,
    workingHours: settings.workingHours,
    defaultWorkingDays: settings.defaultPromiseWorkingDays,
  };
  if (colleagues !== undefined) context.colleagues = colleagues;
  return context;
}

/**
 * The due date of a promise from the words that date it, in the user's time zone and working hours:
 * what was decided when the body was read, decided again for other settings (re-resolving the stored
 * phrase gives exactly what reading the sentence gave; promises.test.ts checks it over the corpus).
 */
export function resolvePromiseDue(
  finding: { dueText?: string },
  sentAt: string,
  settings: AnalysisSettings,
): Pick<PromiseCandidate, 'dueAt' | 'dueIsDefault'> {
  const context = promiseContext(sentAt, settings);
  if (finding.dueText !== undefined) {
    const resolved = resolveDueDate(finding.dueText, context);
    if (resolved) return { dueAt: resolved.dueAt, dueIsDefault: false };
  }
  return { dueAt: defaultDueDate(context), dueIsDefault: true };
}

/** What a caller leaves out of reading a message because nothing it computes uses it. */
export interface ReadOptions {
  /**
   * Whether to look for a question asking the client for feedback (StoredMessageFacts.feedbackAsked).
   * Default true: the server stores the fact for its feedback figures. The mailbox analyzer (the CLI, the
   * extension) computes no figure from it and turns it off.
   */
  feedbackQuestions?: boolean;
}

/**
 * Reads a message once: addresses, dates, the automated verdict and, from the visible text (quoted
 * history, forwards and signature removed), our promises and deliveries or their requests, and risk
 * language either way. The ONLY place a body is read; the result holds snippets only, and nothing in
 * it depends on the time zone or working hours (those are applied by deriveMessageFacts).
 */
export function readMessage(message: NormalizedMessage, settings: AnalysisSettings, options: ReadOptions = {}): StoredMessageFacts {
  return readWithSide(message, settings, options).stored;
}

type MessageSide = ReturnType<typeof sideOf>;

/** One message of a batch as read: its facts and side, or the error that stopped its reading (thrown to its caller). */
export type MessageReading = { stored: StoredMessageFacts; side: MessageSide } | { error: unknown };

/** readMessage, and the side it worked out from the addresses (what deriveMessageFacts works out again). */
function readWithSide(message: NormalizedMessage, settings: AnalysisSettings, options: ReadOptions): { stored: StoredMessageFacts; side: MessageSide } {
  const reading = readBatch([message], settings, options)[0]!;
  if ('error' in reading) throw reading.error;
  return reading;
}

/** A message whose body is read for language, with its visible text: what each family of rules works on. */
interface BodyToRead {
  /** Its place in the batch (and in readBatch's answer). */
  index: number;
  stored: StoredMessageFacts;
  message: NormalizedMessage;
  visible: string;
  /**
   * splitSentences(visible), once for every family of rules: read family by family over a batch, the split's own
   * one-entry memo would hold only the batch's last body, and each family would split every body again.
   */
  sentences: readonly string[];
  from: { name?: string; address: string };
  recipients: { name?: string; address: string }[];
  /** A step of its reading threw: the rest of the batch goes on without it. */
  failed: boolean;
}

/**
 * Reads a batch of messages as readMessage reads each, with the same result for every message, but one family of
 * rules at a time over the whole batch (the visible text of all, then the promise rules on all our mail, then the
 * risk rules, ...) rather than every family on one message before the next. Each family is a few dozen large
 * compiled patterns; run message by message, they push one another out of the processor's caches, and the same
 * pattern cost 3.6 times as much per sentence interleaved with the others as run over the sentences in a row
 * (the deliveries pattern on the mailbox bench's real sentences: 688 against 190 ms). A message whose reading
 * throws is that message's error alone; the others are read.
 */
export function readBatch(messages: readonly NormalizedMessage[], settings: AnalysisSettings, options: ReadOptions = {}): MessageReading[] {
  return readBatchNoting(messages, settings, options, []);
}

/**
 * The instants reading found for the stated due dates of a message's promises (undefined where none was stated), in
 * the order of StoredMessageFacts.promises.
 */
type DueAtsAsRead = readonly (string | undefined)[];

/**
 * readBatch, noting in `dueAtsRead` (by the message's place in the batch) the instants its promises' stated due dates
 * were resolved to, for extractBatch, which derives the facts in the same settings straight away (see datedPromises).
 */
function readBatchNoting(messages: readonly NormalizedMessage[], settings: AnalysisSettings, options: ReadOptions, dueAtsRead: DueAtsAsRead[]): MessageReading[] {
  const readings: MessageReading[] = [];
  const outbound: BodyToRead[] = [];
  const inbound: BodyToRead[] = [];
  messages.forEach((message, index) => {
    try {
      readings.push(readHeaders(message, index, settings, outbound, inbound));
    } catch (error) {
      readings.push({ error });
    }
  });
  /** One step for every message still being read; a message whose step throws keeps that error as its reading. */
  const each = (bodies: readonly BodyToRead[], step: (body: BodyToRead) => void): void => {
    for (const body of bodies) {
      if (body.failed) continue;
      try {
        step(body);
      } catch (error) {
        body.failed = true;
        readings[body.index] = { error };
      }
    }
  };
  each([...outbound, ...inbound], (b) => {
    b.visible = visibleText((b.message.text ?? '').slice(0, MAX_VISIBLE_CHARS_READ * 4)).slice(0, MAX_VISIBLE_CHARS_READ);
  });
  const withText = (bodies: BodyToRead[]) => bodies.filter((b) => !b.failed && b.visible.trim() !== '');
  const ours = withText(outbound);
  const theirs = withText(inbound);
  for (const b of ours) b.stored.readAs = 'outbound';
  for (const b of theirs) b.stored.readAs = 'inbound';
  each([...ours, ...theirs], (b) => {
    b.sentences = splitSentences(b.visible);
  });
  each(ours, (b) => {
    const context = promiseContext(b.stored.sentAt, settings, colleaguesOn(b.from, b.recipients, settings));
    // The words and the stated date: deriving the facts dates each promise for the settings in force. One shape for
    // every finding (dueText undefined when no date was stated; see readHeaders), in a packed array (see datedPromises).
    const findings: PromiseFinding[] = [];
    const dueAts: (string | undefined)[] = [];
    for (const p of readPromises(b.visible, context, b.sentences).slice(0, MAX_FINDINGS_PER_KIND)) {
      findings.push({ text: p.text, dueText: p.due === null ? undefined : p.due.dueText });
      dueAts.push(p.due === null ? undefined : p.due.dueAt);
    }
    b.stored.promises = findings;
    dueAtsRead[b.index] = dueAts;
  });
  each(ours, (b) => {
    b.stored.risks = findRisks(b.visible, 'us', b.sentences).slice(0, MAX_FINDINGS_PER_KIND);
  });
  // The delivery rules over all the batch's mail of ours at once, step by step (findDeliveriesInBodies: the same answers
  // as findDeliveries body by body); should that throw, each body on its own, so that the error is only its own.
  const ourBodies = ours.filter((b) => !b.failed);
  const deliveriesRead = orUndefined(() => findDeliveriesInBodies(ourBodies));
  if (deliveriesRead) {
    for (let i = 0; i < ourBodies.length; i++) keepDeliveries(ourBodies[i]!, deliveriesRead[i]!);
  } else each(ours, (b) => keepDeliveries(b, findDeliveries(b.visible, b.sentences)));
  if (options.feedbackQuestions !== false) {
    each(ours, (b) => {
      if (asksForFeedback(b.visible)) b.stored.feedbackAsked = true;
    });
  }
  each(theirs, (b) => {
    b.stored.requests = findRequests(b.visible, b.sentences).slice(0, MAX_FINDINGS_PER_KIND);
  });
  // The client-risk rules over all the batch's client mail at once (findClientRisks: rule by rule, the same answers as
  // findRisks body by body); should that throw, each body on its own, so that the error is only its own.
  const clientBodies = theirs.filter((b) => !b.failed);
  const clientRisks = orUndefined(() => findClientRisks(clientBodies));
  if (clientRisks) {
    for (let i = 0; i < clientBodies.length; i++) clientBodies[i]!.stored.risks = clientRisks[i]!.slice(0, MAX_FINDINGS_PER_KIND);
  } else {
    each(theirs, (b) => {
      b.stored.risks = findRisks(b.visible, 'them', b.sentences).slice(0, MAX_FINDINGS_PER_KIND);
    });
  }
  each([...ours, ...theirs], (b) => {
    if (b.stored.promises.length === 0 && b.stored.requests.length === 0 && isClosingMessage(b.visible)) b.stored.closing = true;
  });
  return readings;
}

/** What `read` returns, or undefined when it throws (the caller then reads each body on its own). */
function orUndefined<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

function keepDeliveries(body: BodyToRead, deliveries: readonly DeliveryCandidate[]): void {
  if (deliveries.length > 0) body.stored.deliveries = deliveries.slice(0, MAX_FINDINGS_PER_KIND);
}

/**
 * The part of reading that needs no body: addresses, date, the automated verdict, the side. A message whose body is to
 * be read (a client's or ours to a client, written by a person) joins `outbound` or `inbound`.
 */
function readHeaders(
  message: NormalizedMessage,
  index: number,
  settings: AnalysisSettings,
  outbound: BodyToRead[],
  inbound: BodyToRead[],
): { stored: StoredMessageFacts; side: MessageSide } {
  // A sender without a usable address is refused with a reason that names the field, not its content.
  const from = senderAddress(message);
  const to = parseAddressList(message.to ?? []);
  const cc = parseAddressList(message.cc ?? []);
  const sentAt = sentAtOf(message);
  // Calendar notices (invitations, accept/decline/tentative answers) join automated mail: never a turn, and
  // not contact either. A person's click triggered them, but a person's action is behind every machine-written
  // mail the engine already treats this way (Google Calendar's own calendar-notification@ mail is automated by
  // its sender; an auto-reply fires because someone wrote): only what a person wrote counts as contact
  // (PRODUCT.md: auto-replies do not reset the silence clock). It also keeps an "Updated invitation" our calendar sends on every
  // edit of a series from passing for contact; the meeting itself is contact when logged as a touchpoint.
  // Their bodies are calendar boilerplate, so, like auto-replies, they are not read for promises or risks.
  const automated = detectAutomated(message).automated || detectCalendarNotice(message) !== null;
  const recipients = [...to, ...cc];
  const side = sideOf(from.address, recipients, settings);
  const { direction } = side;

  // Every property, the optional ones too (undefined while absent), in one literal in one order: properties added
  // afterwards, some messages having them and others not, gave these objects dozens of hidden classes (V8 maps), and
  // each new one met by optimized code that reads them (deriveWithSide) threw that code away to be compiled again.
  // The order is the one they used to be added in, so JSON.stringify writes the same text (it leaves undefined out).
  const stored: StoredMessageFacts = {
    id: message.id,
    subject: message.subject ?? '',
    sentAt,
    from,
    to,
    cc,
    automated,
    references: [...(message.references ?? [])],
    readAs: 'none',
    promises: [],
    requests: [],
    risks: [],
    providedThreadId: message.threadId ? message.threadId : undefined,
    inReplyTo: message.inReplyTo ? message.inReplyTo : undefined,
    attachments: message.attachments && message.attachments.length > 0 ? [...message.attachments] : undefined,
    // Set by readBatch once the body is read.
    deliveries: undefined,
    feedbackAsked: undefined,
    closing: undefined,
  };

  // Auto-replies and internal chatter make no promises to clients and carry no client risk.
  if (!automated && direction !== 'internal') (direction === 'outbound' ? outbound : inbound).push({ index, stored, message, visible: '', sentences: [], from, recipients, failed: false });
  return { stored, side };
}

/**
 * The facts the rules work on, from what was stored and the settings now in force: which side sent it,
 * which clients it involves, and every promise's due date. Findings count only while the message still
 * has the side its body was read for (a message that became internal makes no client promises).
 */
export function deriveMessageFacts(stored: StoredMessageFacts, settings: AnalysisSettings): MessageFacts {
  return deriveWithSide(stored, settings, sideOf(stored.from.address, [...stored.to, ...stored.cc], settings));
}

/** `dueAtsRead`: what reading resolved the promises' stated due dates to, when it read in these same settings. */
function deriveWithSide(stored: StoredMessageFacts, settings: AnalysisSettings, side: MessageSide, dueAtsRead?: DueAtsAsRead): MessageFacts {
  const { direction, counterparts } = side;
  const readHere = stored.readAs === direction;
  // One literal with every property, the optional ones undefined when absent, in the order they used to be added in
  // (JSON.stringify writes the same text): added afterwards, each combination of them was a hidden class (V8 map) of
  // its own, and the rules reading every message's facts (analyzeThread, judgeEvidence) were deoptimized and compiled
  // again each time a new one reached them.
  return {
    id: stored.id,
    subject: stored.subject,
    normalizedSubject: normalizeSubject(stored.subject),
    sentAt: stored.sentAt,
    from: stored.from,
    to: stored.to,
    cc: stored.cc,
    direction,
    automated: stored.automated,
    counterparts,
    references: stored.references,
    readAs: stored.readAs,
    promises: readHere ? datedPromises(stored.promises, stored.sentAt, settings, dueAtsRead) : [],
    requests: readHere ? stored.requests : [],
    risks: readHere ? stored.risks : [],
    providedThreadId: stored.providedThreadId,
    inReplyTo: stored.inReplyTo,
    closing: stored.closing ? true : undefined,
    attachments: stored.attachments ? stored.attachments : undefined,
    deliveries: readHere && stored.deliveries ? stored.deliveries : undefined,
    feedbackAsked: readHere && stored.feedbackAsked ? true : undefined,
  };
}

/**
 * The promises as read, dated for the settings, each of one shape (dueText undefined when none was stated, as above).
 * A loop that pushes, not .map: V8's optimized .map makes a holey array where the interpreter's is packed, and the
 * rules reading promises later meet both kinds (see analyzeThread).
 */
function datedPromises(findings: readonly PromiseFinding[], sentAt: string, settings: AnalysisSettings, dueAtsRead?: DueAtsAsRead): PromiseCandidate[] {
  const dated: PromiseCandidate[] = [];
  for (let i = 0; i < findings.length; i++) {
    const finding = findings[i]!;
    // A stated date that reading resolved in these settings is not resolved again: resolving the stored phrase gives the
    // same instant (corpus.test.ts, "due dates re-resolved from the stored phrase"), and resolving it a second time was
    // some 70 ms of CPU over the mailbox bench's 100,000 messages of real sentences (a third of dating their promises).
    const dueAtRead = finding.dueText === undefined ? undefined : dueAtsRead?.[i];
    const { dueAt, dueIsDefault } = dueAtRead === undefined ? resolvePromiseDue(finding, sentAt, settings) : { dueAt: dueAtRead, dueIsDefault: false };
    dated.push({ text: finding.text, dueAt, dueIsDefault, dueText: finding.dueText });
  }
  return dated;
}

/** What to store of derived facts: the settings-independent part (the inverse of deriveMessageFacts). */
export function storedFactsOf(facts: MessageFacts): StoredMessageFacts {
  const stored: StoredMessageFacts = {
    id: facts.id,
    subject: facts.subject,
    sentAt: facts.sentAt,
    from: facts.from,
    to: facts.to,
    cc: facts.cc,
    automated: facts.automated,
    references: facts.references,
    readAs: facts.readAs,
    promises: facts.promises.map((p) => (p.dueIsDefault || p.dueText === undefined ? { text: p.text } : { text: p.text, dueText: p.dueText })),
    requests: facts.requests,
    risks: facts.risks,
  };
  if (facts.providedThreadId !== undefined) stored.providedThreadId = facts.providedThreadId;
  if (facts.inReplyTo !== undefined) stored.inReplyTo = facts.inReplyTo;
  if (facts.closing) stored.closing = true;
  if (facts.attachments) stored.attachments = facts.attachments;
  if (facts.deliveries) stored.deliveries = facts.deliveries;
  if (facts.feedbackAsked) stored.feedbackAsked = true;
  return stored;
}

/** extractMessageFacts for a batch (readBatch's way): each message's facts, or the error its reading or deriving threw. */
export function extractBatch(messages: readonly NormalizedMessage[], settings: AnalysisSettings, options: ReadOptions = {}): ({ facts: MessageFacts } | { error: unknown })[] {
  // Read and derived in the same settings: the due dates reading resolved are handed on (see datedPromises).
  const dueAtsRead: DueAtsAsRead[] = [];
  return readBatchNoting(messages, settings, options, dueAtsRead).map((reading, index) => {
    if ('error' in reading) return reading;
    try {
      return { facts: deriveWithSide(reading.stored, settings, reading.side, dueAtsRead[index]) };
    } catch (error) {
      return { error };
    }
  });
}

/** Reads and derives in one step: what the CLI and the extension, which keep no store, call. */
export function extractMessageFacts(message: NormalizedMessage, settings: AnalysisSettings, options: ReadOptions = {}): MessageFacts {
  // Reading worked out the side from the same addresses and settings deriving would use: handed over, not
  // worked out twice.
  const { stored, side } = readWithSide(message, settings, options);
  return deriveWithSide(stored, settings, side);
}
