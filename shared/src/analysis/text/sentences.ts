/**
 * Sentence splitting for plain-text mail: soft-wrapped lines are joined, bullets (at a line's start or mid-line)
 * and short lines (greetings, headings) stand alone, and abbreviations (e.g., i.e., Mr., Dr., a.m., Jan.) do not end
 * a sentence.
 */

const BULLET = /^\s*(?:[-*•·‣◦▪–]|\d{1,2}[.)]|[a-z][.)])\s+/;
/**
 * A list mark in the middle of a line: text whose line breaks were lost (the FOIA release's flattened messages, a list
 * pasted into one line) keeps its bullets as "Update: • Spoke to the AP reporter • Poor thing ...". Only marks made for
 * lists, spaced on both sides: a hyphen or an asterisk mid-line is a dash, a compound, a footnote or a product ("3 * 4",
 * "I'll send it - probably Monday"), and a middle dot between letters is a Catalan "l·l". A run of marks is one break.
 */
const INLINE_BULLET = /\s+(?:[•·‣◦▪●■►▸➢➤]\s+)+/;
/** The same marks, for a cheap look before the split: most lines have none. */
const HAS_BULLET_MARK = /[•·‣◦▪●■►▸➢➤]/;
const GREETING = /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|morning|afternoon)\b[^.!?]{0,40},?\s*$/i;
const TERMINAL_CHARS = '.!?:;)"\'”’';

/** Ends with sentence punctuation. Checks the last character only: `previous` grows as lines join. */
function endsTerminated(text: string): boolean {
  return TERMINAL_CHARS.includes(text[text.length - 1] ?? '');
}

/** Words after which a period does not end a sentence (lower case, without the period). */
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'approx', 'no', 'nos', 'inc',
  'ltd', 'co', 'corp', 'dept', 'est', 'fig', 'a.m', 'p.m', 'u.s', 'u.k', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri',
  'sat', 'sun', 'cf', 'ca', 'al', 'ref', 'attn', 'tel', 'ext', 'min', 'max', 'pp', 'vol', 'w.r.t', 'a.k.a',
]);

/** Abbreviations that end a sentence when a capitalised word follows (the word is a new sentence). */
const SOFT_ABBREVIATIONS = new Set(['etc', 'a.m', 'p.m', 'inc', 'ltd', 'co', 'corp']);

/** A line that opens with a capital, a digit or a quote. */
const OPENS_CAPITALISED = /^[A-Z0-9"“]/;

/** Lines of one paragraph joined where the writer's client wrapped them, split where the writer broke them. */
function logicalLines(paragraph: string[]): string[] {
  const out: string[] = [];
  for (const raw of paragraph) {
    const line = raw.trim();
    if (!line) continue;
    const previous = out[out.length - 1];
    const startsNew =
      previous === undefined ||
      BULLET.test(line) ||
      (previous.length <= 60 && GREETING.test(previous)) ||
      endsTerminated(previous) ||
      // A short unterminated line followed by a capitalised one is a deliberate break (a heading, "Thanks").
      (previous.length < 40 && OPENS_CAPITALISED.test(line));
    if (startsNew) out.push(line);
    else out[out.length - 1] = `${previous} ${line}`;
  }
  return out;
}

// Written once out here rather than inline: a regex literal inside a function is a new object each time it is
// evaluated, and these run for every sentence.
const WORD_BEFORE_PERIOD = /(?:^|[\s(])([A-Za-z](?:[A-Za-z.]*[A-Za-z])?)\.$/;
const ONE_CAPITAL = /^[A-Z]$/;
const OPENS_WITH_CAPITAL = /^[A-Z]/;
const OPENS_WITH_ABBREVIATION_OR_ACRONYM = /^(?:[A-Z][a-z]{0,3}\.|[A-Z]{2,})/;

function endsWithAbbreviation(before: string, next: string): boolean {
  const match = WORD_BEFORE_PERIOD.exec(before);
  if (!match?.[1]) return false;
  const word = match[1].toLowerCase();
  // A single capital letter with a period is an initial ("John F. Kennedy").
  if (ONE_CAPITAL.test(match[1])) return true;
  if (!ABBREVIATIONS.has(word)) return false;
  if (SOFT_ABBREVIATIONS.has(word) && OPENS_WITH_CAPITAL.test(next) && !OPENS_WITH_ABBREVIATION_OR_ACRONYM.test(next)) {
    // "by 5 p.m. Thanks" ends; a capitalised next word after a soft abbreviation starts a sentence.
    return false;
  }
  return true;
}

/** Splits one logical line into sentences at . ! ? (and runs of them) followed by a capital, digit or quote. */
const BOUNDARY = /([.!?]+|…)(["'”’)\]]*)\s+(?=["“'([]?[A-Z0-9])/g;

function splitLine(line: string): string[] {
  const sentences: string[] = [];
  // One pattern object for every line (global: its lastIndex is where this line's search stands).
  const boundary = BOUNDARY;
  boundary.lastIndex = 0;
  let start = 0;
  for (let m = boundary.exec(line); m; m = boundary.exec(line)) {
    const end = m.index + m[0].trimEnd().length;
    // Only the word before the period and the word after matter; short slices keep long lines linear.
    const before = line.slice(Math.max(start, m.index - 24), m.index + m[1]!.length);
    const next = line.slice(m.index + m[0].length, m.index + m[0].length + 16);
    if (m[1] === '.' && endsWithAbbreviation(before, next)) continue;
    // Decimal numbers and versions ("v2. 3") are not split by the regex (a space is required) already.
    sentences.push(line.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  const rest = line.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

/**
 * One-entry memo: a caller that passes the same text to several families of rules in turn (findRisks after
 * findRequests on one message) splits it once. readBatch, which reads a batch family by family, hands each body's
 * split to the families itself. Callers must not mutate the result.
 */
let lastText: string | undefined;
let lastSentences: readonly string[] = [];

/** The sentences of a plain-text body, in order, whitespace folded. Bullets become their own sentences. */
export function splitSentences(text: string): readonly string[] {
  if (text === lastText) return lastSentences;
  lastSentences = split(text);
  lastText = text;
  return lastSentences;
}

const CARRIAGE_RETURNS = /\r\n?/g;
const PARAGRAPH_BREAK = /\n[ \t]*\n/;
const UNFOLDED = /\s\s|[^\S ]/;
const BLANK_RUN = /\s+/g;

function split(text: string): string[] {
  // Visible text has no carriage returns left (visibleText turns them into newlines): look before replacing.
  const paragraphs = (text.includes('\r') ? text.replace(CARRIAGE_RETURNS, '\n') : text).split(PARAGRAPH_BREAK);
  const sentences: string[] = [];
  for (const paragraph of paragraphs) {
    for (const line of logicalLines(paragraph.split('\n'))) {
      const items = HAS_BULLET_MARK.test(line) ? line.split(INLINE_BULLET) : [line];
      for (const item of items) {
        for (const sentence of splitLine(item.replace(BULLET, ''))) {
          // Most sentences have single spaces only: fold only when there is something to fold.
          const folded = (UNFOLDED.test(sentence) ? sentence.replace(BLANK_RUN, ' ') : sentence).trim();
          if (folded) sentences.push(folded);
        }
      }
    }
  }
  return sentences;
}
