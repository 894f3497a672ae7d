/**
 * Which of many word-list patterns cannot match a sentence, learnt from one pass over its words. Each pattern that
 * starts at a word boundary (`/\b(?:budget|spend|cost)/i`) can match only where a word begins with the first letters of
 * one of its alternatives ("bud", "spe", "cos"); one pass over the sentence collects the first three letters of every
 * word, and a pattern none of whose beginnings is there is skipped without running it. A pattern that may match is still
 * run, so this only ever saves work: the answers are the regexes' own.
 *
 * Why: the client-risk rules run some seventy regexes on each sentence with a risk stem, and most of their cost is the
 * calls themselves (bench/tools/risk-speed.ts, corpus/README.md "Client-risk speed"); most of those patterns cannot
 * match the sentence at all.
 *
 * Letters are read as the flag `i` reads them without `u`: only A-Z and a-z fold, every other character stays itself,
 * and a word starts where `\b` says (after a character not in [A-Za-z0-9_]). Beginnings are kept coarse, which keeps
 * the test a necessary one: digits are one symbol, every character that is not a letter or a digit is one symbol, and
 * the end of the sentence counts as that symbol too.
 */

const DIGIT = 26;
const OTHER = 27;
const SYMBOLS = 28;

function symbolOfCode(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 48 && code <= 57) return DIGIT;
  return OTHER;
}

function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/** A beginning: one to three symbols every match of one alternative starts with. */
type Beginning = number[];

const MAX_BEGINNINGS = 4000;

function closingOf(source: string, start: number, open: string, close: string): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[' && open !== '[') i = closingOf(source, i, '[', ']');
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return i;
  }
  throw new Error(`word-start-filter: unbalanced ${open} in ${source}`);
}

function topLevelBranches(source: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = closingOf(source, i, '[', ']');
    else if (c === '(') i = closingOf(source, i, '(', ')');
    else if (c === '|') {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/** The quantifier at the start of `rest`: its length, whether it allows none, and whether it allows at most one. */
function quantifier(rest: string): { length: number; optional: boolean; once: boolean } {
  const braces = /^\{(\d+)(,(\d*))?\}\??/.exec(rest);
  if (braces) return { length: braces[0].length, optional: Number(braces[1]) === 0, once: braces[2] === undefined ? Number(braces[1]) === 1 : braces[3] !== '' && Number(braces[3]) <= 1 };
  const simple = /^[?*+]\??/.exec(rest);
  if (simple) return { length: simple[0].length, optional: simple[0][0] !== '+', once: simple[0][0] === '?' };
  return { length: 0, optional: false, once: true };
}

/** Escapes that match one character of a known symbol (the others end a beginning). */
function escapedSymbol(letter: string): number | undefined {
  if (letter === 'd') return DIGIT;
  if (letter === 's' || letter === 'W' || letter === 'n' || letter === 't' || letter === 'r') return OTHER;
  return /[^\w]/.test(letter) ? OTHER : undefined;
}

/**
 * The beginnings of the matches of `sequence` (no top-level `|`) read after `sofar`, into `out`; false when there are
 * too many to keep.
 */
function collect(sequence: string, sofar: Beginning, out: Beginning[]): boolean {
  if (out.length > MAX_BEGINNINGS) return false;
  if (sofar.length === 3 || sequence === '') {
    out.push(sofar);
    return true;
  }
  // Zero-width: a boundary, a line start, a lookaround.
  if (sequence.startsWith('\\b') || sequence.startsWith('\\B')) return collect(sequence.slice(2), sofar, out);
  if (sequence.startsWith('^')) return collect(sequence.slice(1), sofar, out);
  if (/^\(\?<?[=!]/.test(sequence)) {
    const after = sequence.slice(closingOf(sequence, 0, '(', ')') + 1);
    return collect(after.slice(quantifier(after).length), sofar, out);
  }
  if (sequence.startsWith('(')) {
    const end = closingOf(sequence, 0, '(', ')');
    const inner = sequence.slice(sequence.startsWith('(?:') ? 3 : sequence.startsWith('(?<') ? sequence.indexOf('>') + 1 : 1, end);
    const after = sequence.slice(end + 1);
    const times = quantifier(after);
    const rest = after.slice(times.length);
    // At most once ("(?: back)?"): without the group, or with it and what follows; otherwise what the group starts
    // with, after which nothing more is told.
    if (times.length && !times.once) return times.optional ? finish(sofar, out) : collectBranches(inner, '', sofar, out);
    if (times.optional && !collect(rest, sofar, out)) return false;
    return collectBranches(inner, rest, sofar, out);
  }
  let symbol: number | undefined;
  let length = 1;
  const c = sequence[0]!;
  if (c === '\\') {
    symbol = escapedSymbol(sequence[1] ?? '');
    length = 2;
  } else if (!'[.$|)'.includes(c)) {
    symbol = symbolOfCode(c.charCodeAt(0));
    // A character outside ASCII may fold to another under the flag `i`; say nothing about it.
    if (c.charCodeAt(0) > 127) symbol = undefined;
  }
  const times = quantifier(sequence.slice(length));
  const rest = sequence.slice(length + times.length);
  if (symbol === undefined) return finish(sofar, out);
  const next = [...sofar, symbol];
  // "re-?tender": without the character or with it, once; a repeated one ends what is told.
  if (times.length && !times.once) return times.optional ? finish(sofar, out) : finish(next, out);
  if (times.optional && !collect(rest, sofar, out)) return false;
  return collect(rest, next, out);
}

function collectBranches(inner: string, rest: string, sofar: Beginning, out: Beginning[]): boolean {
  for (const branch of topLevelBranches(inner)) if (!collect(branch + rest, sofar, out)) return false;
  return true;
}

function finish(sofar: Beginning, out: Beginning[]): boolean {
  out.push(sofar);
  return out.length <= MAX_BEGINNINGS;
}

/** Every match of `pattern` starts a word with one of these beginnings, or undefined when that cannot be told. */
export function wordBeginnings(pattern: RegExp): Beginning[] | undefined {
  if (pattern.flags.includes('u') || pattern.flags.includes('v') || pattern.flags.includes('m')) return undefined;
  const out: Beginning[] = [];
  for (const branch of topLevelBranches(pattern.source)) {
    if (!branch.startsWith('\\b') || !collect(branch.slice(2), [], out)) return undefined;
  }
  // Each match must start with a letter or a digit right after the boundary, so that it starts a word.
  if (out.some((beginning) => beginning.length === 0 || beginning[0]! >= OTHER)) return undefined;
  return out;
}

/**
 * Many patterns, each with an index; `scan(sentence)` then `mayMatch(index)` is false only where that pattern cannot
 * match the sentence scanned.
 */
export class WordStartFilter {
  private readonly words: number;
  private readonly one: Uint32Array;
  private readonly two: Uint32Array;
  private readonly three: Uint32Array;
  private readonly found: Uint32Array;
  private readonly always: Uint32Array;

  constructor(patterns: readonly RegExp[]) {
    this.words = Math.ceil(patterns.length / 32) || 1;
    this.one = new Uint32Array(SYMBOLS * this.words);
    this.two = new Uint32Array(SYMBOLS * SYMBOLS * this.words);
    this.three = new Uint32Array(SYMBOLS * SYMBOLS * SYMBOLS * this.words);
    this.found = new Uint32Array(this.words);
    this.always = new Uint32Array(this.words);
    patterns.forEach((pattern, index) => {
      const word = index >>> 5;
      const bit = 1 << (index & 31);
      const beginnings = wordBeginnings(pattern);
      if (!beginnings) {
        this.always[word]! |= bit;
        return;
      }
      for (const [a, b, c] of beginnings) {
        if (b === undefined) this.one[a! * this.words + word]! |= bit;
        else if (c === undefined) this.two[(a! * SYMBOLS + b) * this.words + word]! |= bit;
        else this.three[((a! * SYMBOLS + b) * SYMBOLS + c) * this.words + word]! |= bit;
      }
    });
  }

  scan(sentence: string): void {
    const words = this.words;
    const found = this.found;
    for (let w = 0; w < words; w++) found[w] = this.always[w]!;
    let previousIsWord = false;
    const length = sentence.length;
    for (let i = 0; i < length; i++) {
      const code = sentence.charCodeAt(i);
      const isWord = isWordCode(code);
      if (isWord && !previousIsWord && code !== 95) {
        const a = symbolOfCode(code);
        const b = i + 1 < length ? symbolOfCode(sentence.charCodeAt(i + 1)) : OTHER;
        const c = i + 2 < length ? symbolOfCode(sentence.charCodeAt(i + 2)) : OTHER;
        const oneAt = a * words;
        const twoAt = (a * SYMBOLS + b) * words;
        const threeAt = ((a * SYMBOLS + b) * SYMBOLS + c) * words;
        for (let w = 0; w < words; w++) found[w]! |= this.one[oneAt + w]! | this.two[twoAt + w]! | this.three[threeAt + w]!;
      }
      previousIsWord = isWord;
    }
  }

  mayMatch(index: number): boolean {
    return (this.found[index >>> 5]! & (1 << (index & 31))) !== 0;
  }

  /** The may-match bits of patterns 32 * word .. 32 * word + 31 (bit i: pattern 32 * word + i), as an int32. */
  foundWord(word: number): number {
    return this.found[word]! | 0;
  }
}
