import type { MessageFacts } from '../model/facts';
import { isoMs } from './time/iso-ms';

/**
 * Reply and forward prefixes across the languages of Gmail/Outlook: Re, Fwd, FW, AW/WG (German), SV/VS
 * (Nordic), TR (French), Antw (Dutch), RIF/R (Italian), RES/ENC (Portuguese), 回复/转发 (Chinese); Outlook's
 * "RE[2]:" counters; and "[tag]" list prefixes ("[EXTERNAL]", "[JIRA]").
 */
const PREFIX =
  /^\s*(?:(?:re|fwd?|fw|aw|wg|sv|vs|tr|antw|doorst|rif|r|res|enc|odp|pd|ynt|ref|回复|回覆|答复|转发|轉寄)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]|\[[^\]]*\])\s*/i;
const REPLY_PREFIX =
  /^\s*(?:\[[^\]]*\]\s*)*(?:re|fwd?|fw|aw|wg|sv|vs|tr|antw|doorst|rif|r|res|enc|odp|pd|ynt|ref|回复|回覆|答复|转发|轉寄)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]/i;

/** Subject without Re:/Fwd:/AW:/SV:/[tag] prefixes (repeated), case kept, whitespace folded: for display. */
export function stripSubjectPrefixes(subject: string): string {
  let s = subject;
  // PREFIX is anchored and never matches empty: cutting its match off is what replacing it with '' does,
  // without the replace machinery (this runs for every message and thread).
  for (let m = PREFIX.exec(s); m; m = PREFIX.exec(s)) s = s.slice(m[0].length);
  // The replace matches every single space too (and builds a new string): only fold when there is
  // something to fold. Most subjects have single spaces only.
  return (UNFOLDED.test(s) ? s.replace(BLANK_RUN, ' ') : s).trim();
}

const BLANK_RUN = /\s+/g;
/** A blank other than a single space, or two blanks in a row: what the replace above would change. */
const UNFOLDED = /[^\S ]| {2}/;

/** Subject without Re:/Fwd:/AW:/SV:/[tag] prefixes (repeated), lower-cased, whitespace folded. */
export function normalizeSubject(subject: string): string {
  return stripSubjectPrefixes(subject).toLowerCase();
}

// Answer prefixes only (no forwards): "Re:", "AW:", "SV:", "Antw:", "RIF:", "RES:", "Odp:", "Ynt:", "回复:".
const ANSWER_PREFIX = /^\s*(?:\[[^\]]*\]\s*)*(?:re|aw|sv|antw|rif|r|res|odp|ynt|回复|回覆|答复)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]/i;

/** True when the subject says the message answers another one; a forward ("Fwd:") does not. */
export function isAnswerSubject(subject: string): boolean {
  return ANSWER_PREFIX.test(subject);
}

/** True when the subject says the message answers or forwards another one ("Re: ...", "AW: ..."). */
export function isReplySubject(subject: string): boolean {
  return REPLY_PREFIX.test(subject);
}

/**
 * Subjects that say nothing about the conversation: two "Re: Quick question" mails from the same
 * client a week apart are usually different conversations, so these merge only within a short window.
 */
const GENERIC_SUBJECTS = new Set([
  'hi', 'hello', 'hey', 'hallo', 'question', 'quick question', 'a quick question', 'follow up', 'follow-up',
  'following up', 'update', 'meeting', 'call', 'thanks', 'thank you', 'info', 'information', 'request',
  'urgent', 'important', 'fyi', 'checking in', 'catch up', 'catch-up', 'test', 'no subject', '(no subject)',
]);

/** How far apart two messages may be and still join a thread by subject alone. */
export const SUBJECT_MERGE_WINDOW_DAYS = 30;
export const GENERIC_SUBJECT_MERGE_WINDOW_DAYS = 3;

/** The merge window for a normalized subject, in milliseconds; 0 = never merge by subject. */
export function subjectMergeWindowMs(normalizedSubject: string): number {
  if (normalizedSubject === '') return 0;
  const days = GENERIC_SUBJECTS.has(normalizedSubject) ? GENERIC_SUBJECT_MERGE_WINDOW_DAYS : SUBJECT_MERGE_WINDOW_DAYS;
  return days * 86_400_000;
}

function participantKeys(facts: MessageFacts): string[] {
  if (facts.counterparts.length > 0) return facts.counterparts;
  // Internal-only mail: the participants themselves, so two colleagues' "Re: Budget" stay apart from others'.
  const people = [facts.from.address, ...facts.to.map((a) => a.address), ...facts.cc.map((a) => a.address)];
  return [[...new Set(people)].sort().join(',')];
}

/**
 * Every subject key the message belongs to: one per counterpart taking part (a client's reply must find
 * our message that also copied their partner), each "normalized subject + counterpart". Empty when the
 * subject is empty: an empty subject says nothing.
 */
export function subjectThreadKeys(facts: MessageFacts): string[] {
  // A loop that pushes, not .map: V8's optimized .map makes a holey array where the interpreter's is packed, and the
  // threader's assign, reading both kinds, was deoptimized on meeting the other (see analyzeThread).
  const keys: string[] = [];
  if (facts.normalizedSubject === '') return keys;
  for (const p of participantKeys(facts)) keys.push(`${facts.normalizedSubject}\u0000${p}`);
  return keys;
}

/** The primary subject key (the first counterpart's); '' when the subject is empty. */
export function subjectThreadKey(facts: MessageFacts): string {
  return subjectThreadKeys(facts)[0] ?? '';
}

export interface ThreadIndex {
  threadOfMessage(messageId: string): string | undefined;
  /**
   * The thread last seen with this subject key. `near` (ISO) is the message's time: implementations should
   * answer only when that thread had a message with this key within `subjectMergeWindowMs` of it, so
   * "Re: Invoice" in March does not join January's "Invoice". Implementations that ignore it merge regardless.
   */
  threadOfSubjectKey(key: string, near?: string): string | undefined;
  /**
   * Optional: a thread with this subject key that so far holds only replies ("Re: ...") starting after
   * `near` and within the merge window: the original of those replies arrived late. Without it, an
   * original that arrives after its header-less replies starts a thread of its own.
   */
  threadAwaitingRoot?(key: string, near: string): string | undefined;
}

/**
 * The thread a message belongs to, in order of evidence: the thread id its source gave; a thread that
 * already holds it (its reply arrived first) or that holds what it answers (In-Reply-To, then References
 * newest first); for replies only, the same normalized subject with the same counterpart; else a new
 * thread named after the message id. `keys`: subjectThreadKeys(facts), when the caller has built them already.
 */
export function resolveThreadId(facts: MessageFacts, index: ThreadIndex, keys?: readonly string[]): string {
  if (facts.providedThreadId) return facts.providedThreadId;
  const own = index.threadOfMessage(facts.id);
  if (own !== undefined) return own;
  const parents = [...(facts.inReplyTo ? [facts.inReplyTo] : []), ...[...facts.references].reverse()];
  for (const parent of parents) {
    const thread = index.threadOfMessage(parent);
    if (thread !== undefined) return thread;
  }
  // Subject fallback only for messages that say they answer something: a fresh "Weekly report" each
  // Monday is a new conversation even though the subject repeats.
  const isReply = isReplySubject(facts.subject) || parents.length > 0;
  for (const key of keys ?? subjectThreadKeys(facts)) {
    const thread = isReply ? index.threadOfSubjectKey(key, facts.sentAt) : index.threadAwaitingRoot?.(key, facts.sentAt);
    if (thread !== undefined) return thread;
  }
  return facts.id;
}

/**
 * What the threader remembers of a subject key: each thread seen with it, the span of times seen, and
 * whether a non-reply (the conversation's original) is among them. The server stores these rows, so
 * threading on the server is this code with its memory loaded from the database.
 */
export interface SubjectKeyEntry {
  threadId: string;
  /** Epoch milliseconds. */
  first: number;
  last: number;
  hasRoot: boolean;
}

/** True for a message that starts a conversation: no reply prefix and no threading headers. */
export function isRootMessage(facts: Pick<MessageFacts, 'subject' | 'inReplyTo' | 'references'>): boolean {
  return !isReplySubject(facts.subject) && !facts.inReplyTo && facts.references.length === 0;
}

export interface Threader {
  /** Assigns the message to a thread, remembers it, and returns the thread id. */
  assign(facts: MessageFacts): string;
  threadOf(messageId: string): string | undefined;
  /** Everything learned since the threader was created (or seeded), for a store to persist. */
  changes(): { messageThreads: [messageId: string, threadId: string][]; subjectEntries: [key: string, entry: SubjectKeyEntry][] };
}

export interface ThreaderSeed {
  /** Known message (and referenced message) ids and their threads. */
  messageThreads?: ReadonlyMap<string, string>;
  /** Known subject keys (as subjectThreadKeys makes them) and their entries. */
  subjectEntries?: ReadonlyMap<string, readonly SubjectKeyEntry[]>;
}

/**
 * The one threader: the mailbox analyzer starts it empty; the server seeds it with the rows a batch can
 * touch (thread_refs, subject_keys), assigns the batch in arrival order, and stores changes().
 */
export interface ThreaderOptions {
  /**
   * Keep what changes() returns (default true). Only a store persists the changes; the mailbox analyzer,
   * which keeps everything in memory, turns it off and saves a map entry per message and reference.
   */
  trackChanges?: boolean;
}

export function createThreader(seed: ThreaderSeed = {}, options: ThreaderOptions = {}): Threader {
  const tracking = options.trackChanges ?? true;
  const byMessage = new Map<string, string>(seed.messageThreads ?? []);
  const bySubject = new Map<string, SubjectKeyEntry[]>();
  for (const [key, entries] of seed.subjectEntries ?? []) bySubject.set(key, entries.map((e) => ({ ...e })));
  const newMessages = new Map<string, string>();
  const touchedEntries = new Map<string, Set<string>>();

  const index: ThreadIndex = {
    threadOfMessage: (id) => byMessage.get(id),
    threadOfSubjectKey(key, near) {
      const entries = bySubject.get(key);
      if (!entries || entries.length === 0) return undefined;
      if (near === undefined) return entries[entries.length - 1]?.threadId;
      // Nearest thread whose active span is within the window of this message (messages may arrive in any order).
      const at = isoMs(near);
      const windowMs = subjectMergeWindowMs(key.slice(0, key.indexOf('\u0000')));
      let best: { threadId: string; distance: number } | undefined;
      for (const entry of entries) {
        const distance = at < entry.first ? entry.first - at : at > entry.last ? at - entry.last : 0;
        if (distance <= windowMs && (!best || distance < best.distance)) best = { threadId: entry.threadId, distance };
      }
      return best?.threadId;
    },
    threadAwaitingRoot(key, near) {
      const at = isoMs(near);
      const windowMs = subjectMergeWindowMs(key.slice(0, key.indexOf('\u0000')));
      let best: { threadId: string; first: number } | undefined;
      for (const entry of bySubject.get(key) ?? []) {
        if (entry.hasRoot || entry.first < at || entry.first - at > windowMs) continue;
        if (!best || entry.first < best.first) best = { threadId: entry.threadId, first: entry.first };
      }
      return best?.threadId;
    },
  };

  function remember(id: string, threadId: string): void {
    if (byMessage.has(id)) return;
    byMessage.set(id, threadId);
    if (tracking) newMessages.set(id, threadId);
  }

  return {
    assign(facts) {
      // The subject keys are built once (each is a new string, hashed at every lookup) for finding the thread and remembering it.
      const keys = subjectThreadKeys(facts);
      const threadId = resolveThreadId(facts, index, keys);
      // The message's own id always maps to where it went; ids it answers keep the first thread that
      // claimed them, so a sibling reply to the same missing original lands here too.
      if (byMessage.get(facts.id) !== threadId) {
        byMessage.set(facts.id, threadId);
        if (tracking) newMessages.set(facts.id, threadId);
      }
      if (facts.inReplyTo) remember(facts.inReplyTo, threadId);
      for (const ref of facts.references) remember(ref, threadId);
      const at = isoMs(facts.sentAt);
      const isRoot = isRootMessage(facts);
      for (const key of keys) {
        let entries = bySubject.get(key);
        if (!entries) bySubject.set(key, (entries = []));
        const existing = entries.find((e) => e.threadId === threadId);
        // Keep the span seen, so a long-running thread stays joinable by its recent messages.
        if (existing) {
          existing.first = Math.min(existing.first, at);
          existing.last = Math.max(existing.last, at);
          existing.hasRoot ||= isRoot;
        } else entries.push({ threadId, first: at, last: at, hasRoot: isRoot });
        if (!tracking) continue;
        const touched = touchedEntries.get(key) ?? new Set<string>();
        touched.add(threadId);
        touchedEntries.set(key, touched);
      }
      return threadId;
    },
    threadOf: (id) => byMessage.get(id),
    changes() {
      if (!tracking) throw new Error('this threader was created with trackChanges: false');
      const subjectEntries: [string, SubjectKeyEntry][] = [];
      for (const [key, threads] of touchedEntries) {
        for (const entry of bySubject.get(key) ?? []) if (threads.has(entry.threadId)) subjectEntries.push([key, { ...entry }]);
      }
      return { messageThreads: [...newMessages], subjectEntries };
    },
  };
}
