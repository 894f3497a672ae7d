import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordStartFilter, wordBeginnings } from './word-start-filter';

const PATTERNS = [
  /\b(?:budget|sp(?:end|y)|\d+ times|vp|u\b|y'all)/i,
  /\b(?:(?:chosen|picked) (?:another|a new)|re-?tender|up to (?:scratch|par))\b/i,
  /\bwhy (?:wasn't|am) (?:I|we)\b/i,
  /\b(?<!\bsome )(?:sloppy|careless) work|\bnot (?:up to|at) par/i,
  /\b[A-Z][a-z]+ has left/,
  /(?:n't|\bnot) received/i,
  /\b(?:slow|dull)\b/i,
];

describe('wordBeginnings', () => {
  it('reads the first letters of each alternative, digits and other characters as one symbol each', () => {
    const letters = (beginning: number[]): string => beginning.map((s) => (s < 26 ? String.fromCharCode(97 + s) : s === 26 ? '#' : '_')).join('');
    expect(wordBeginnings(PATTERNS[0]!)!.map(letters)).toEqual(['budge', 'spend', 'spy', '#', 'vp', 'u', 'y_all']);
    expect(wordBeginnings(PATTERNS[1]!)!.map(letters)).toEqual(['chose', 'picke', 'reten', 're_te', 'up_to']);
    expect(wordBeginnings(/\b(?:a )?b/i)!.map(letters)).toEqual(['b', 'a_b']);
    // A class of one letter in both cases is that letter ("give up on you", case-sensitive after its first letter).
    expect(wordBeginnings(/\b(?:[Gg]ive|[Gg]ave) up/)!.map(letters)).toEqual(['give_', 'gave_']);
    // At most three symbols, as the filter reads a pattern whose five-symbol beginnings are too many to list.
    expect(wordBeginnings(PATTERNS[0]!, 3)!.map(letters)).toEqual(['bud', 'spe', 'spy', '#', 'vp', 'u', 'y_a']);
  });

  it('cannot tell where a match may start elsewhere than a word start, or with a class', () => {
    expect(wordBeginnings(PATTERNS[4]!)).toBeUndefined();
    expect(wordBeginnings(PATTERNS[5]!)).toBeUndefined();
    expect(wordBeginnings(/\b(?:a)*b/i)).toBeUndefined();
    expect(wordBeginnings(/\b[GgH]ive/)).toBeUndefined();
  });
});

describe('WordStartFilter', () => {
  const filter = new WordStartFilter(PATTERNS);

  it('says which patterns cannot match a sentence', () => {
    filter.scan('Why am I still waiting for the budget?');
    expect(PATTERNS.map((_, i) => filter.mayMatch(i))).toEqual([true, false, true, false, true, true, false]);
    filter.scan('We picked another vendor: their work was SLOPPY WORK, not up to par.');
    // "up" begins with "u", one of the first pattern's beginnings: the test is coarse, never wrong.
    expect(PATTERNS.map((_, i) => filter.mayMatch(i))).toEqual([true, true, false, true, true, true, false]);
    filter.scan('We went with another vendor.');
    expect(PATTERNS.map((_, i) => filter.mayMatch(i))).toEqual([false, false, false, false, true, true, false]);
    // Four symbols: "slow" and "dull" end their words.
    filter.scan('It was slow, even dull.');
    expect(PATTERNS.map((_, i) => filter.mayMatch(i))).toEqual([false, false, false, false, true, true, true]);
    // Words that share only their first letters with a pattern's ("buddy", "spell", "slope", "caress"): told apart.
    filter.scan('My buddy can spell, and the slope is a caress.');
    expect(PATTERNS.map((_, i) => filter.mayMatch(i))).toEqual([false, false, false, false, true, true, false]);
  });

  it('never says a pattern cannot match where it matches', () => {
    const words = ['budget', 'spend', 'spy', '12', 'times', 'vp', 'u', "y'all", 'chosen', 'another', 'a', 'new', 're-tender', 'retender', 'up', 'to', 'par', 'scratch', 'why', "wasn't", 'am', 'I', 'we', 'some', 'sloppy', 'careless', 'work', 'not', 'at', 'Tom', 'has', 'left', "didn't", 'received', 'x_y', '_up', 'é', 'K', 'bud', 'budge', 'spen', 'sloppil', 'carel', 'cho', 'chos', 'pick', 'ret', 're', 'y', 'al', 'scr', 'slow', 'slo', 'dull', 'dul'];
    const sentence = fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(' ', '', ', ', '.', '-', '_', "'")), { maxLength: 12 }).map((parts) => parts.map(([word, gap]) => word + gap).join(''));
    const anyCase = sentence.chain((text) => fc.constantFrom(text, text.toUpperCase(), text.toLowerCase()));
    fc.assert(
      fc.property(anyCase, (text) => {
        filter.scan(text);
        PATTERNS.forEach((pattern, i) => {
          if (pattern.test(text)) expect(filter.mayMatch(i), `${pattern} on ${text}`).toBe(true);
        });
      }),
      { numRuns: 3000 },
    );
  });
});
