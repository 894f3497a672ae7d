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

/** The one symbol every character of a class body of plain letters is ("Gg"), or undefined. */
function foldedClassSymbol(body: string): number | undefined {
  if (!/^[A-Za-z]+$/.test(body)) return undefined;
  const symbol = symbolOfCode(body.charCodeAt(0));
  for (let i = 1; i < body.length; i++) if (symbolOfCode(body.charCodeAt(i)) !== symbol) return undefined;
  return symbol;
}

/**
 * The beginnings of the matches of `sequence` (no top-level `|`) read after `sofar`, into `out`; false when there are
 * too many to keep.
 */
function collect(sequence: string, sofar: Beginning, out: Beginning[], longest: number): boolean {
  if (out.length > MAX_BEGINNINGS) return false;
  if (sofar.length === longest || sequence === '') {
    out.push(sofar);
    return true;
  }
  // Zero-width: a boundary, a line start, a lookaround.
  if (sequence.startsWith('\\b') || sequence.startsWith('\\B')) return collect(sequence.slice(2), sofar, out, longest);
  if (sequence.startsWith('^')) return collect(sequence.slice(1), sofar, out, longest);
  if (/^\(\?<?[=!]/.test(sequence)) {
    const after = sequence.slice(closingOf(sequence, 0, '(', ')') + 1);
    return collect(after.slice(quantifier(after).length), sofar, out, longest);
  }
  if (sequence.startsWith('(')) {
    const end = closingOf(sequence, 0, '(', ')');
    const inner = sequence.slice(sequence.startsWith('(?:') ? 3 : sequence.startsWith('(?<') ? sequence.indexOf('>') + 1 : 1, end);
    const after = sequence.slice(end + 1);
    const times = quantifier(after);
    const rest = after.slice(times.length);
    // At most once ("(?: back)?"): without the group, or with it and what follows; otherwise what the group starts
    // with, after which nothing more is told.
    if (times.length && !times.once) return times.optional ? finish(sofar, out) : collectBranches(inner, '', sofar, out, longest);
    if (times.optional && !collect(rest, sofar, out, longest)) return false;
    return collectBranches(inner, rest, sofar, out, longest);
  }
  let symbol: number | undefined;
  let length = 1;
  const c = sequence[0]!;
  if (c === '\\') {
    symbol = escapedSymbol(sequence[1] ?? '');
    length = 2;
  } else if (c === '[') {
    // "[Gg]ive": a class of one letter in both cases is that letter's symbol (other classes end a beginning).
    // A class ends at its first unescaped "]" (classes do not nest without the flag `v`, refused above).
    let end = 1;
    while (end < sequence.length && sequence[end] !== ']') end += sequence[end] === '\\' ? 2 : 1;
    symbol = foldedClassSymbol(sequence.slice(1, end));
    length = end + 1;
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
  if (times.optional && !collect(rest, sofar, out, longest)) return false;
  return collect(rest, next, out, longest);
}

function collectBranches(inner: string, rest: string, sofar: Beginning, out: Beginning[], longest: number): boolean {
  for (const branch of topLevelBranches(inner)) if (!collect(branch + rest, sofar, out, longest)) return false;
  return true;
}

function finish(sofar: Beginning, out: Beginning[]): boolean {
  out.push(sofar);
  return out.length <= MAX_BEGINNINGS;
}

/**
 * How many symbols a beginning has at most. Three told too little of the client-risk rules: "wor" (of "worst") begins
 * "work", "word" and "world", "use" (of "useless") "user" and "used", and two sentences in three with a risk stem still
 * ran some twenty of the rules' regexes, nearly all in vain. Five symbols ("worst", "usele") are told apart, looked up
 * only where a word's first three symbols begin some longer beginning (see WordStartFilter). Over the inbound sentences
 * of the mailbox bench's first 30,000 messages of real sentences, the rules visited per sentence with a stem went from
 * 21.7 to 11.6, and findRisks took 494-535 against 656-720 ms (best of 10, three alternated runs, with the rows below).
 */
const LONGEST = 5;

/**
 * Every match of `pattern` starts a word with one of these beginnings (of at most `length` symbols), or undefined when
 * that cannot be told.
 */
export function wordBeginnings(pattern: RegExp, length = LONGEST): Beginning[] | undefined {
  if (pattern.flags.includes('u') || pattern.flags.includes('v') || pattern.flags.includes('m')) return undefined;
  const out: Beginning[] = [];
  for (const branch of topLevelBranches(pattern.source)) {
    if (!branch.startsWith('\\b') || !collect(branch.slice(2), [], out, length)) return undefined;
  }
  // Each match must start with a letter or a digit right after the boundary, so that it starts a word.
  if (out.some((beginning) => beginning.length === 0 || beginning[0]! >= OTHER)) return undefined;
  return out;
}

/** A beginning's symbols as one number, in base SYMBOLS. */
function symbolsKey(beginning: readonly number[]): number {
  let key = 0;
  for (const symbol of beginning) key = key * SYMBOLS + symbol;
  return key;
}

/** Keys of five-symbol beginnings start here, after every four-symbol one (all stay below 2^31). */
const FIVE_KEYS = SYMBOLS ** 4;
const EMPTY_SLOT = -1;

/**
 * Many patterns, each with an index; `scan(sentence)` then `mayMatch(index)` is false only where that pattern cannot
 * match the sentence scanned.
 *
 * The bits a word start lets through are kept by row, each row `words` 32-bit words: one row for each first three
 * symbols (the bits of its beginnings of one, two and three symbols together, equal rows stored once), and one for each
 * beginning of four or five symbols, found through a small open-addressing table (a Map was slower: its lookups showed as
 * much of the scan as the rest of it). Before, three tables of bits (the largest 28^3 rows, 700 kB for the client-risk
 * rules) were read at random at every word start, cache misses most likely: the scan was the largest single cost in a
 * profile of findRisks over the bench's inbound sentences, and these rows (413 of them for the client-risk rules, 13 kB)
 * took findRisks over them from about 1,000 to about 550 ms (profiled, ten runs each).
 */
export class WordStartFilter {
  private readonly words: number;
  /** The bits of every row, row after row; row 0 has none. */
  private readonly rows: Uint32Array;
  /** The row of each first three symbols. */
  private readonly rowOfThree: Uint16Array;
  /** 1 where some beginning of four or five symbols starts with these three: only then is the table looked at. */
  private readonly longer: Uint8Array;
  /** Open addressing: the keys (symbolsKey, five-symbol ones after FIVE_KEYS) and their rows. */
  private readonly longKeys: Int32Array;
  private readonly longRows: Uint16Array;
  private readonly longShift: number;
  private readonly found: Uint32Array;
  private readonly always: Uint32Array;

  constructor(patterns: readonly RegExp[]) {
    const words = (this.words = Math.ceil(patterns.length / 32) || 1);
    this.found = new Uint32Array(words);
    this.always = new Uint32Array(words);
    // The bits of each beginning, gathered before they are laid out in rows.
    const one = new Uint32Array(SYMBOLS * words);
    const two = new Uint32Array(SYMBOLS * SYMBOLS * words);
    const three = new Uint32Array(SYMBOLS * SYMBOLS * SYMBOLS * words);
    const longBits = new Map<number, Uint32Array>();
    this.longer = new Uint8Array(SYMBOLS * SYMBOLS * SYMBOLS);
    patterns.forEach((pattern, index) => {
      const word = index >>> 5;
      const bit = 1 << (index & 31);
      // Five symbols where the pattern's beginnings are few enough to list, else three.
      const beginnings = wordBeginnings(pattern) ?? wordBeginnings(pattern, 3);
      if (!beginnings) {
        this.always[word]! |= bit;
        return;
      }
      for (const beginning of beginnings) {
        const [a, b, c] = beginning;
        if (b === undefined) one[a! * words + word]! |= bit;
        else if (c === undefined) two[(a! * SYMBOLS + b) * words + word]! |= bit;
        else if (beginning.length === 3) three[((a! * SYMBOLS + b) * SYMBOLS + c) * words + word]! |= bit;
        else {
          const key = beginning.length === 4 ? symbolsKey(beginning) : FIVE_KEYS + symbolsKey(beginning);
          let bits = longBits.get(key);
          if (!bits) longBits.set(key, (bits = new Uint32Array(words)));
          bits[word]! |= bit;
          this.longer[(a! * SYMBOLS + b) * SYMBOLS + c] = 1;
        }
      }
    });
    // Rows, equal ones once.
    const rowIds = new Map<string, number>([[new Uint32Array(words).join(), 0]]);
    const rowList: Uint32Array[] = [new Uint32Array(words)];
    const rowOf = (bits: Uint32Array): number => {
      const key = bits.join();
      let id = rowIds.get(key);
      if (id === undefined) {
        id = rowList.length;
        rowIds.set(key, id);
        rowList.push(bits);
      }
      return id;
    };
    this.rowOfThree = new Uint16Array(SYMBOLS * SYMBOLS * SYMBOLS);
    for (let abc = 0; abc < SYMBOLS * SYMBOLS * SYMBOLS; abc++) {
      const a = Math.floor(abc / (SYMBOLS * SYMBOLS));
      const ab = Math.floor(abc / SYMBOLS);
      const bits = new Uint32Array(words);
      for (let w = 0; w < words; w++) bits[w] = one[a * words + w]! | two[ab * words + w]! | three[abc * words + w]!;
      this.rowOfThree[abc] = rowOf(bits);
    }
    let size = 16;
    while (size < longBits.size * 2) size *= 2;
    this.longShift = 32 - Math.log2(size);
    this.longKeys = new Int32Array(size).fill(EMPTY_SLOT);
    this.longRows = new Uint16Array(size);
    for (const [key, bits] of longBits) {
      let slot = Math.imul(key, 0x9e3779b1) >>> this.longShift;
      while (this.longKeys[slot] !== EMPTY_SLOT) slot = (slot + 1) & (size - 1);
      this.longKeys[slot] = key;
      this.longRows[slot] = rowOf(bits);
    }
    if (rowList.length > 0xffff) throw new Error('word-start-filter: too many distinct rows');
    this.rows = new Uint32Array(rowList.length * words);
    rowList.forEach((bits, id) => this.rows.set(bits, id * words));
  }

  /** Adds the row of a beginning of four or five symbols (its key), when some pattern has that beginning. */
  private addLong(key: number): void {
    const keys = this.longKeys;
    const mask = keys.length - 1;
    for (let slot = Math.imul(key, 0x9e3779b1) >>> this.longShift; ; slot = (slot + 1) & mask) {
      const at = keys[slot]!;
      if (at === EMPTY_SLOT) return;
      if (at === key) {
        this.addRow(this.longRows[slot]!);
        return;
      }
    }
  }

  private addRow(row: number): void {
    const words = this.words;
    const found = this.found;
    const rows = this.rows;
    const at = row * words;
    for (let w = 0; w < words; w++) found[w]! |= rows[at + w]!;
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
        const abc = (a * SYMBOLS + b) * SYMBOLS + c;
        const row = this.rowOfThree[abc]!;
        if (row !== 0) this.addRow(row);
        if (this.longer[abc] === 1) {
          const abcd = abc * SYMBOLS + (i + 3 < length ? symbolOfCode(sentence.charCodeAt(i + 3)) : OTHER);
          this.addLong(abcd);
          this.addLong(FIVE_KEYS + abcd * SYMBOLS + (i + 4 < length ? symbolOfCode(sentence.charCodeAt(i + 4)) : OTHER));
        }
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
