/**
 * Features of a sentence the promise rules read as a commitment, for a second-stage linear model
 * (measured in promise-model.ts beside this file: corpus/README.md "Round 2" and "Classifier (promises)").
 * Hand-chosen: the rules' own reading (kind of commitment, who commits, the verb), where the reader and a
 * date stand, and cue words of pleasantries, plans, announcements and hedges; and, apart, the sentence's
 * lower-cased word unigrams and bigrams (wordFeatures), which the model tool prunes to a training vocabulary.
 */
import { resolveDueDate } from '../../src/analysis/due-dates';
import type { DueDateContext } from '../../src/analysis/due-dates';
import type { CommitmentReading } from '../../src/analysis/promises';

const PROBE: DueDateContext = {
  sentAt: '2026-01-07T12:00:00Z',
  timeZone: 'UTC',
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  defaultWorkingDays: 2,
};

/** Words whose presence says something about commitment, chosen by reading mail, not by counting. */
const CUES = [
  'you', 'your', 'yours', 'we', 'our', 'us', 'they', 'he', 'she', 'it', 'this', 'that', 'list', 'everyone', 'all',
  'please', 'thanks', 'thank', 'sorry', 'happy', 'glad', 'hope', 'hopefully', 'probably', 'maybe', 'perhaps', 'guess',
  'think', 'try', 'just', 'also', 'then', 'now', 'soon', 'later', 'today', 'tomorrow', 'tonight', 'week', 'asap',
  'shortly', 'next', 'release', 'version', 'fix', 'patch', 'send', 'post', 'upload', 'check', 'look', 'let', 'know',
  'back', 'report', 'update', 'posted', 'touch', 'if', 'when', 'once', 'after', 'before', 'until', 'unless', 'but',
  'so', 'because', 'since', 'and', 'or', 'course', 'conference', 'workshop', 'meeting', 'call', 'announce',
  'registration', 'program', 'students', 'class', 'project', 'plan', 'future', 'always', 'usually', 'never', 'again',
  'still', 'anyway', 'here', 'below', 'above', 'message', 'email', 'mail', 'thread', 'privately', 'off-list', 'own',
  'my', 'me', 'myself', 'need', 'want', 'like', 'would', 'could', 'can', 'should', 'must', 'might', 'may', 'not',
  'no', 'any', 'some', 'help', 'problem', 'issue', 'question', 'questions', 'answer', 'suggestion', 'suggestions',
  'idea', 'time', 'chance', 'moment', 'day', 'days', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday',
  'weekend', 'month', 'year', 'ready', 'done', 'available', 'sure', 'definitely', 'certainly', 'first', 'finally',
];
const CUE_SET = new Set(CUES);

const TRY = /\b(?:try|aim|attempt|do (?:my|our) best)\b/i;
const REPORT_BACK = /\b(?:let (?:you|them|the list|everyone) know|keep (?:you|the list) (?:posted|updated|informed)|get back|report back|come back|follow up|update you|be in touch)\b/i;
const DELIVER = /^(?:send|post|upload|forward|share|put|submit|commit|release|push|publish|make|add|fix|correct|change|update|prepare|write|draft|provide|include|look|check|investigate|test|try|give|get|have|do|see|contact|ask|call|email|file)\b/i;

function bucket(n: number, edges: readonly number[]): string {
  const i = edges.findIndex((e) => n < e);
  return i < 0 ? `${edges.length}` : `${i}`;
}

/** Active feature names of one sentence as the rules read it. */
export function promiseFeatures(sentence: string, reading: CommitmentReading): string[] {
  const f: string[] = ['bias'];
  const c = reading.commitment;
  if (!c) return [...f, 'no-commitment'];
  f.push(`kind:${c.kind}`);
  const subject = /^(?:I|i)\b/.test(c.clause) ? 'i' : /^we\b/i.test(c.clause) ? 'we' : /^(?:our|my)\b/i.test(c.clause) ? 'team' : /^let me\b/i.test(c.clause) ? 'let-me' : 'other';
  f.push(`subject:${subject}`);
  const modal = /^\S+\s*(?:'ll|’ll)/.test(c.clause) ? 'll' : /\bshall\b/i.test(c.clause.slice(0, 20)) ? 'shall' : /\bgoing to|gonna\b/i.test(c.clause.slice(0, 30)) ? 'going-to' : /\bwill\b/i.test(c.clause.slice(0, 20)) ? 'will' : 'none';
  f.push(`modal:${modal}`);
  const action = c.action.replace(/^(?:(?:try|aim|attempt)\s+(?:to|and)\s+)+/i, '');
  const verb = /^[a-z-]+/i.exec(action)?.[0]?.toLowerCase();
  if (verb) f.push(`verb:${verb}`);
  if (DELIVER.test(action)) f.push('verb-delivers');
  if (TRY.test(c.action)) f.push('try');
  if (REPORT_BACK.test(c.clause)) f.push('report-back');
  if (/\b(?:you|your)\b/i.test(c.action)) f.push('action-you');
  if (/\b(?:my|our|myself)\b/i.test(c.action)) f.push('action-mine');
  if (/\b(?:it|this|that|them|these|those)\b/i.test(action.split(/\s+/).slice(0, 4).join(' '))) f.push('action-it');
  if (resolveDueDate(c.clause, PROBE)) f.push('clause-date');
  if (c.before.trim() === '') f.push('before-empty');
  else {
    f.push(`before-len:${bucket(c.before.length, [15, 40, 90])}`);
    if (/\b(?:I|we)\s+(?:\w+ed|had|was|were|did|got|made|tried|found|saw)\b/i.test(c.before)) f.push('before-past');
    if (/\b(?:but|however|though|although)\b/i.test(c.before)) f.push('before-but');
    if (/(?:^|[,;]\s*)so\b|\bso that\b/i.test(c.before)) f.push('before-so');
    if (/\b(?:thanks|thank you)\b/i.test(c.before)) f.push('before-thanks');
    if (/[,;:]\s*$/.test(c.before)) f.push('before-comma');
  }
  if (/\?\s*\W*$/.test(sentence)) f.push('question');
  if (/!/.test(sentence)) f.push('exclaim');
  if (/[()[\]]/.test(sentence)) f.push('paren');
  if (/["“”]/.test(sentence)) f.push('quote');
  if (/\d/.test(sentence)) f.push('digit');
  if (/:/.test(sentence)) f.push('colon');
  if (/[A-Z]{3,}/.test(sentence)) f.push('caps-word');
  f.push(`len:${bucket(sentence.length, [40, 80, 140, 220])}`);
  const words = new Set(sentence.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []);
  for (const w of words) if (CUE_SET.has(w)) f.push(`w:${w}`);
  return f;
}

/** Words as the n-gram features see them: lower-cased letters, apostrophes and hyphens; digits fold to "0". */
const WORD = /[a-z][a-z'’-]*|\d+/g;

/**
 * Lower-cased word unigrams ("u:send") and bigrams ("b:will_send") of a sentence, each once, with "<s>" marking
 * the start so "b:<s>_i" tells a sentence that opens with "I" from one that only contains it.
 */
export function wordFeatures(sentence: string, bigrams: boolean): string[] {
  const words = (sentence.toLowerCase().match(WORD) ?? []).map((w) => (/^\d/.test(w) ? '0' : w.replace(/’/g, "'")));
  const out = new Set<string>();
  for (const w of words) out.add(`u:${w}`);
  if (bigrams) {
    let previous = '<s>';
    for (const w of words) {
      out.add(`b:${previous}_${w}`);
      previous = w;
    }
  }
  return [...out];
}
