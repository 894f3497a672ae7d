/**
 * A long word list written as one alternation, `/\b(?:unhappy|furious|...)/i`, rewritten so that the regex engine
 * reads one letter before trying any word: `/\b(?:u(?:nhappy|...)|f(?:urious|...)|...)/i`. V8's engine tries the
 * alternatives of a group one after another at every word boundary, so a list of some 300 stems cost 300 quick checks
 * per boundary; grouped by first letter it costs one dispatch and the few words of that letter. The rules keep their
 * lists readable (each family's words in one place) and this is applied once, when the module loads.
 *
 * Same language, same matches: the alternatives of one first letter keep their order, and alternatives of different
 * first letters cannot match at the same place, so `exec` finds the same match where `test` finds one. A group that
 * opens an alternative, `(?:chosen|selected) (?:another|a new)`, is distributed over its branches first
 * (`chosen (?:another|a new)|selected (?:another|a new)`), which matches the same text in the same order.
 *
 * Measured with bench/tools/risk-speed.ts (corpus/README.md, "Client-risk speed"). Hand-written: regexgen and regex-trie
 * build such a trie only from literal strings, and these lists mix in regex pieces (`\d+ times`, groups, lookbehinds);
 * they were not tried.
 */

/** What an alternative starts with: one letter or digit (lower case), or `\d`. */
type Lead = string;

/** The end of the group or class that opens at `start` (the index of its closing bracket). */
function closing(source: string, start: number): number {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = closingClass(source, i);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  throw new Error(`unbalanced group in ${source}`);
}

function closingClass(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  throw new Error(`unbalanced class in ${source}`);
}

/** The alternatives of `source` at its top level (not inside a group or a class). */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = closingClass(source, i);
    else if (c === '(') i = closing(source, i);
    else if (c === '|') {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

const QUANTIFIER = /^[?*+{]/;
/** A capturing group or a back-reference: distributing a group would copy it and renumber what follows. */
const CAPTURES = /(?<!\\)\((?!\?)|\\[1-9]|\\k</;

/**
 * One alternative as (lead, rest) pairs in match order, or null where its start is not a plain letter, digit, `\d` or
 * an unquantified non-capturing group of such alternatives (then the pattern is left as it is).
 */
function leads(alternative: string): Array<[Lead, string]> | null {
  if (alternative.startsWith('(?:')) {
    const end = closing(alternative, 0);
    const after = alternative.slice(end + 1);
    if (QUANTIFIER.test(after)) return null;
    const out: Array<[Lead, string]> = [];
    for (const branch of alternatives(alternative.slice(3, end))) {
      const branchLeads = leads(branch + after);
      if (!branchLeads) return null;
      out.push(...branchLeads);
    }
    return out;
  }
  const lead = alternative.startsWith('\\d') ? '\\d' : /^[A-Za-z0-9]/.test(alternative) ? alternative[0]!.toLowerCase() : null;
  if (lead === null) return null;
  const rest = alternative.slice(lead.length);
  // "\d+ times": one digit read, then any more.
  if (rest.startsWith('+')) return [[lead, `${lead}*${rest.slice(1)}`]];
  if (QUANTIFIER.test(rest)) return null;
  return [[lead, rest]];
}

/**
 * `pattern` with the alternatives of its word list grouped by first letter, when it is written `\b(?:a|b|...)` with an
 * optional `\b` after and only the flag `i` (the grouping lowers the first letters, which only the flag `i` allows);
 * otherwise `pattern` itself.
 */
export function groupedByFirstLetter(pattern: RegExp): RegExp {
  const source = pattern.source;
  if (pattern.flags !== 'i' || !source.startsWith('\\b(?:') || CAPTURES.test(source)) return pattern;
  const end = closing(source, 2);
  const suffix = source.slice(end + 1);
  if (suffix !== '' && suffix !== '\\b') return pattern;
  const byLead = new Map<Lead, string[]>();
  for (const alternative of alternatives(source.slice(5, end))) {
    const found = leads(alternative);
    if (!found) return pattern;
    for (const [lead, rest] of found) {
      const rests = byLead.get(lead) ?? [];
      rests.push(rest);
      byLead.set(lead, rests);
    }
  }
  // `\d` and a digit both lead at a "2": which matches first would then depend on the grouping.
  if (byLead.has('\\d') && [...byLead.keys()].some((lead) => /^[0-9]$/.test(lead))) return pattern;
  const groups = [...byLead].map(([lead, rests]) => (rests.length === 1 ? `${lead}${rests[0]}` : `${lead}(?:${rests.join('|')})`));
  return new RegExp(`\\b(?:${groups.join('|')})${suffix}`, 'i');
}

/** Where a word starts: `(?:^|\b)` before a letter or a digit is the same test as `\b`. */
const LINE_OR_WORD_START = '(?:^|\\b)';

/**
 * A pattern that matches somewhere in a text exactly when one of `patterns` (each with only the flag `i`) does, for
 * `test()` alone: the alternatives of all of them that start a word are read as one list grouped by first letter (see
 * groupedByFirstLetter), those anchored at the start as one `^(?:...)`, and the rest as they are. Which alternative
 * matches first, and where, may differ from the patterns joined in their order; whether one matches does not, since a
 * text matches an alternation exactly when it matches one of its alternatives, wherever that alternative stands.
 * `(?:^|\b)` before a letter or a digit is `\b` (at the start a boundary holds exactly when a word character follows),
 * and `(?:^|\b)^` is `^`.
 */
export function unionGroupedByFirstLetter(patterns: readonly RegExp[]): RegExp {
  const wordLed: string[] = [];
  const anchored: string[] = [];
  const rest: string[] = [];
  const place = (alternative: string, afterStart: boolean): void => {
    if (alternative.startsWith('^')) anchored.push(alternative.slice(1));
    else if (alternative.startsWith('\\b') && !CAPTURES.test(alternative) && leads(alternative.slice(2))) wordLed.push(alternative.slice(2));
    else if (afterStart && !CAPTURES.test(alternative) && leads(alternative)) wordLed.push(alternative);
    else rest.push(afterStart ? `${LINE_OR_WORD_START}(?:${alternative})` : alternative);
  };
  for (const pattern of patterns) {
    if (pattern.flags !== 'i') throw new Error(`unionGroupedByFirstLetter: ${pattern.source.slice(0, 40)} must have exactly the flag "i"`);
    for (const alternative of alternatives(pattern.source)) {
      const group = alternative.startsWith(`${LINE_OR_WORD_START}(?:`) ? alternative.slice(LINE_OR_WORD_START.length) : null;
      // `(?:^|\b)(?:a|b)`: the start test distributed over the group's alternatives.
      if (group !== null && closing(group, 0) === group.length - 1) for (const inner of alternatives(group.slice(3, -1))) place(inner, true);
      else place(alternative, false);
    }
  }
  const parts: string[] = [];
  if (wordLed.length > 0) parts.push(groupedByFirstLetter(new RegExp(`\\b(?:${wordLed.join('|')})`, 'i')).source);
  if (anchored.length > 0) parts.push(`^(?:${anchored.join('|')})`);
  for (const alternative of rest) parts.push(`(?:${alternative})`);
  return new RegExp(parts.join('|'), 'i');
}

/**
 * A pattern for `test()` alone that matches a text exactly when `pattern` (a bare alternation of fragments with only the
 * flag `i`, matched anywhere: `/fyi|tried|can |\bran\b|.../i`) does: the alternatives that open with a letter or a digit
 * grouped by it, `f(?:yi|ax|...)|t(?:ried|...)`, the others as they are. Unanchored, V8's engine tries every alternative
 * at every place in the text; grouped, one dispatch on the letter there and the few fragments of that letter. Which
 * alternative matches first may change; whether one matches does not (see unionGroupedByFirstLetter). The patterns it
 * is applied to are the rules' cheap first tests, read for every sentence of a family.
 */
export function groupedAnywhereByFirstLetter(pattern: RegExp): RegExp {
  if (pattern.flags !== 'i') throw new Error(`groupedAnywhereByFirstLetter: ${pattern.source.slice(0, 40)} must have exactly the flag "i"`);
  const byLead = new Map<Lead, string[]>();
  const others: string[] = [];
  for (const alternative of alternatives(pattern.source)) {
    const found = CAPTURES.test(alternative) ? null : leads(alternative);
    if (!found) {
      others.push(alternative);
      continue;
    }
    for (const [lead, rest] of found) {
      const rests = byLead.get(lead) ?? [];
      rests.push(rest);
      byLead.set(lead, rests);
    }
  }
  const groups = [...byLead].map(([lead, rests]) => (rests.length === 1 ? `${lead}${rests[0]}` : `${lead}(?:${rests.join('|')})`));
  return new RegExp([...groups, ...others.map((alternative) => `(?:${alternative})`)].join('|'), 'i');
}
