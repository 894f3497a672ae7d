/**
 * Features of an inbound sentence for a client-risk classifier (measured in risk-model.ts beside this file: corpus/README.md
 * "Classifier (client risks)"): its word unigrams and bigrams, optionally stemmed and marked for negation, and a few
 * hand-chosen features of its form.
 */

/**
 * The text the words are read from: a tweet's @handles and links dropped, since a company's name would teach the
 * model which companies the drawn tweets complained to (a fact of the draw, not of the language), and mail has none.
 */
export const riskText = (text: string): string => text.replace(/@\w+/g, ' ').replace(/\bhttps?:\/\/\S+/g, ' ');

/** Words as the n-gram features see them: lower-cased letters, apostrophes and hyphens; digits fold to "0". */
const WORD = /[a-z][a-z'’-]*|\d+|[.,;:!?()]/g;
const NEGATOR = /^(?:not|no|never|nothing|nobody|none|cannot|without)$|n't$/;
const CLAUSE_END = /^[.,;:!?()]$/;

/**
 * A light suffix-stripping stemmer (plural, -ing, -ed, -ly), so "crashes", "crashing" and "crashed" share a weight:
 * with 2,800 labelled sentences most inflections are seen once or never.
 */
export function lightStem(word: string): string {
  if (word.length <= 4 || /\d/.test(word)) return word;
  const w = word.replace(/['’]s$/, '');
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(w)) return w;
  if (/es$/.test(w) && /(?:sh|ch|x|z)es$/.test(w)) return w.slice(0, -2);
  if (/s$/.test(w)) return w.slice(0, -1);
  if (/ing$/.test(w) && w.length >= 6) return w.slice(0, -3).replace(/(.)\1$/, '$1');
  if (/ed$/.test(w) && w.length >= 5) return w.slice(0, -2).replace(/(.)\1$/, '$1');
  if (/ly$/.test(w) && w.length >= 6) return w.slice(0, -2);
  return w;
}

/**
 * Lower-cased word unigrams ("u:late") and bigrams ("b:arrived_late", "<s>" marking the start), each once. stem: light
 * suffix stripping; negation: words after a negator up to the clause's end are marked ("u:not_happy"), the usual way a
 * bag of words tells "not happy" from "happy".
 */
export function riskWords(text: string, options: { stem: boolean; negation: boolean }): { unigrams: string[]; bigrams: string[] } {
  const tokens = (riskText(text).toLowerCase().match(WORD) ?? []).map((w) => (/^\d/.test(w) ? '0' : w.replace(/’/g, "'")));
  const unigrams = new Set<string>();
  const bigrams = new Set<string>();
  let previous = '<s>';
  let negated = 0;
  for (const token of tokens) {
    if (CLAUSE_END.test(token)) {
      negated = 0;
      previous = '<p>';
      continue;
    }
    const base = options.stem ? lightStem(token) : token;
    const word = options.negation && negated > 0 ? `not_${base}` : base;
    unigrams.add(`u:${word}`);
    bigrams.add(`b:${previous}_${word}`);
    previous = word;
    if (options.negation) negated = NEGATOR.test(token) ? 3 : Math.max(0, negated - 1);
  }
  return { unigrams: [...unigrams], bigrams: [...bigrams] };
}

export function bucket(n: number, edges: readonly number[]): string {
  const i = edges.findIndex((e) => n < e);
  return i < 0 ? `${edges.length}` : `${i}`;
}

/** A few features of a sentence's form, chosen by reading complaints, not by counting. */
export function riskFormFeatures(text: string): string[] {
  const f: string[] = [];
  if (/!/.test(text)) f.push('f:exclaim');
  if (/!!|\?\?|\?!|!\?/.test(text)) f.push('f:exclaim-many');
  if (/\?\s*\W*$/.test(text)) f.push('f:question');
  if (/\b[A-Z]{3,}\b/.test(text)) f.push('f:caps-word');
  if (/\d/.test(text)) f.push('f:digit');
  if (/#\w/.test(text)) f.push('f:hashtag');
  if (/\b(?:not|no|never|nothing|nobody|cannot)\b|n['’]t\b/i.test(text)) f.push('f:negation');
  if (/\b(?:you|your|yours)\b/i.test(text)) f.push('f:you');
  if (/\b(?:I|me|my|we|our|us)\b/.test(text)) f.push('f:i');
  f.push(`f:len:${bucket(text.length, [30, 70, 130, 200])}`);
  return f;
}
