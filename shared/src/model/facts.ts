import type { Address } from './message';

/** "us" is the user and their colleagues (own domains); "them" is the counterpart. */
export type Side = 'us' | 'them';
/** outbound = from us to someone external; inbound = from outside; internal = only our own people. */
export type Direction = 'outbound' | 'inbound' | 'internal';

export interface PromiseCandidate {
  /** The sentence as written (trimmed, whitespace folded): the snippet the server keeps. */
  text: string;
  /** ISO 8601, UTC. */
  dueAt: string;
  /** True when no due date was stated and the default (N working days) applied. */
  dueIsDefault: boolean;
  /** The phrase that set the due date ("by Friday", "tomorrow"), when one did. */
  dueText?: string;
  /**
   * When one sentence holds several promises ("I'll send the SOW tomorrow and I'll book the kickoff for
   * next week"), `text` is this promise's own clause and `sentence` the whole sentence it came from.
   */
  sentence?: string;
}

export interface RequestCandidate {
  /** The sentence asking us for something ("Could you send the deck?"). */
  text: string;
}

/**
 * A sentence of our later mail that may show a promise was kept ("Attached is the revised SOW", "As
 * promised, here are the numbers", "We spoke this morning and agreed ...") or that it slipped ("it is
 * taking longer than planned, you'll have it Monday"). Stored so fulfilment can be re-judged without the
 * body (a promise that arrives after its delivery, a settings change).
 */
export interface DeliveryCandidate {
  text: string;
  /**
   * delivered: something was sent or shared (a document, a link, numbers); answered: the question or
   * matter was answered; happened: an act took place (the call, the meeting, the fix shipped);
   * slip: it is late and a new time is given (not a delivery).
   */
  kind: 'delivered' | 'answered' | 'happened' | 'slip';
  /** For a slip: the phrase that sets the new time ("Monday", "by the end of next week"), when one does. */
  dueText?: string;
}

export const RISK_KINDS = ['dissatisfaction', 'escalation', 'cancellation', 'delay', 'bad-news'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

/**
 * The finer signal behind a client risk, for the words beside it and for a reminder: `kind` stays one of
 * RISK_KINDS (alternatives and budget cuts and a new decision maker are cancellation risks, a decline in
 * quality is dissatisfaction, worry about a date is delay).
 */
export const RISK_SIGNALS = ['alternatives', 'quality', 'budget', 'decision-maker', 'date-worry', 'missed-milestones', 'understatement'] as const;
export type RiskSignal = (typeof RISK_SIGNALS)[number];

export interface RiskCandidate {
  kind: RiskKind;
  /** The finer signal, when the sentence shows one of RISK_SIGNALS. */
  signal?: RiskSignal;
  /** Who said it: dissatisfaction/escalation/cancellation/delay come from them, bad-news from us. */
  side: Side;
  text: string;
}

/**
 * Everything the engine needs to know about one message, computed once when it arrives.
 * Holds no body: the server stores exactly this (plus the message id), never the mail text.
 */
export interface MessageFacts {
  id: string;
  /** threadId as the source gave it (Gmail thread, Graph conversationId, X-GM-THRID), if any. */
  providedThreadId?: string;
  subject: string;
  /** Subject without Re:/Fwd:/AW:/SV: prefixes, lower-cased, whitespace folded. */
  normalizedSubject: string;
  /** ISO 8601, UTC. */
  sentAt: string;
  from: Address;
  to: Address[];
  cc: Address[];
  direction: Direction;
  /**
   * Automated mail (no-reply, bulk, list, auto-reply, out-of-office, calendar invitations and their
   * accept / decline answers) is never a conversation turn and not contact.
   */
  automated: boolean;
  /** Counterpart keys involved: the external sender, or the external recipients of our mail. */
  counterparts: string[];
  inReplyTo?: string;
  references: string[];
  /** Which rules read the body (see StoredMessageFacts.readAs). */
  readAs: StoredMessageFacts['readAs'];
  promises: PromiseCandidate[];
  requests: RequestCandidate[];
  risks: RiskCandidate[];
  /** Our outbound mail only: sentences that may deliver on (or postpone) an earlier promise. */
  deliveries?: DeliveryCandidate[];
  /** File names of the attachments, when the source shows them. */
  attachments?: string[];
  /** Only thanks or an acknowledgement ("Thanks, got it!"): it closes the conversation, nobody owes a reply. */
  closing?: boolean;
  /** Our mail asks the client for feedback ("How are we doing?"; feedback-questions.ts): feedback asked, as a touchpoint says. */
  feedbackAsked?: boolean;
}

/** A promise as the body states it: the sentence and the words that date it, not yet a date. */
export interface PromiseFinding {
  text: string;
  /** The phrase that sets the due date ("by Friday"); absent = the default applies. */
  dueText?: string;
}

/**
 * What is kept of a message: everything the engine needs that does not depend on the user's settings.
 * Who is "us", the time zone, working hours and the default due days are applied when MessageFacts are
 * derived from this (deriveMessageFacts), so a settings change re-derives every figure without the body,
 * which is never stored.
 */
export interface StoredMessageFacts {
  id: string;
  providedThreadId?: string;
  subject: string;
  /** ISO 8601, UTC. */
  sentAt: string;
  from: Address;
  to: Address[];
  cc: Address[];
  automated: boolean;
  closing?: boolean;
  inReplyTo?: string;
  references: string[];
  attachments?: string[];
  /**
   * Which rules read the body when it arrived: ours (promises, our bad news, deliveries), theirs
   * (requests, their risk language), or none (automated, internal, empty). Findings count only while the
   * message still has that side; a message whose side changed with the settings has no findings.
   */
  readAs: 'outbound' | 'inbound' | 'none';
  /** Our mail asked for feedback (the fact only: the question itself is not kept). */
  feedbackAsked?: boolean;
  promises: PromiseFinding[];
  requests: RequestCandidate[];
  risks: RiskCandidate[];
  deliveries?: DeliveryCandidate[];
}

/** One answered turn: how long `responder` took to answer the other side. */
export interface LagSample {
  responder: Side;
  /** First message of the turn (the first one after the responder's last message). */
  turnStartMessageId: string;
  replyMessageId: string;
  startedAt: string;
  repliedAt: string;
  minutes: number;
  /** Minutes inside the user's working hours, in the user's time zone. */
  businessMinutes: number;
}

export interface ThreadMessageRef {
  messageId: string;
  side: Side;
  at: string;
}

/** Per-thread facts: a pure function of the thread's MessageFacts and the settings. */
export interface ThreadFacts {
  threadId: string;
  /** The main counterpart of the thread (the first external party); null if only internal/automated. */
  counterpart: string | null;
  /** All counterparts that took part. */
  counterparts: string[];
  /** Addresses of the main counterpart that took part in meaningful mail (from, to or cc), sorted. */
  contacts: string[];
  subject: string;
  messageIds: string[];
  /** Who sent the first meaningful (non-automated, non-internal) message. */
  initiatedBy: Side | null;
  firstMessage: ThreadMessageRef | null;
  lags: LagSample[];
  /** Last meaningful message. */
  lastMessage: ThreadMessageRef | null;
  /** Who owes the next message: 'us' = awaiting our reply, 'them' = awaiting theirs. */
  awaiting: { side: Side; since: string; lastMessageId: string } | null;
  /** Last message either way that counts as contact (automated mail does not). */
  lastContactAt: string | null;
  /** Requests to us made in the turn we still owe an answer to (isUnansweredRequest), and the first one's time. */
  unansweredRequests: number;
  firstUnansweredRequestAt: string | null;
  /** The first message of the current turn (the one a reply from the other side would be timed from). */
  turnStart: ThreadMessageRef | null;
  /** The thread's last message by time, meaningful or not: a later message extends the thread (extendThread). */
  latest: { messageId: string; at: string } | null;
  /** What the first meaningful message answers, while that message is not in the thread (it decides who initiated). */
  firstMissingParent: string | null;
}
