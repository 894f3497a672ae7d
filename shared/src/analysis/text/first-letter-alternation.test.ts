import { describe, expect, it } from 'vitest';
import { groupedByFirstLetter } from './first-letter-alternation';

describe('groupedByFirstLetter', () => {
  it('groups a word list by first letter, distributing a group that opens an alternative', () => {
    const grouped = groupedByFirstLetter(/\b(?:(?:chosen|selected) (?:another|a new)|\d+ times|cat|Car|dog)\b/i);
    expect(grouped.source).toBe('\\b(?:c(?:hosen (?:another|a new)|at|ar)|selected (?:another|a new)|\\d\\d* times|dog)\\b');
    expect(grouped.flags).toBe('i');
  });

  it('finds the same match (text and place) as the list it was made from', () => {
    const list = /\b(?:un(?:happy|satisf)|unhapp|yet to|(?:decided|opted) to (?:go|move)|\d+ times|worse|wors|up to (?:scratch|par))/i;
    const grouped = groupedByFirstLetter(list);
    expect(grouped).not.toBe(list);
    const sentences = [
      'We are UNHAPPY with this.',
      'I asked 3 times and twice more.',
      'Still yet to arrive, and worse.',
      'They Opted to move on; we decided to go.',
      'Not up to par, not up to scratch.',
      'Nothing here at all.',
      'unhappiness_is not a word boundary: x_unhappy',
    ];
    for (const sentence of sentences) expect(grouped.exec(sentence)?.[0], sentence).toBe(list.exec(sentence)?.[0]);
    for (const sentence of sentences) expect(grouped.exec(sentence)?.index, sentence).toBe(list.exec(sentence)?.index);
  });

  it('leaves a pattern it cannot group as it is', () => {
    for (const pattern of [/\b(?:a|(?<!x)b)/i, /\b(?:s?tart|end)/i, /\b(?:(?:a|b)?c|d)/i, /\b(?:cat|dog)/, /(?:cat|dog)/i, /\b(?:cat|dog) food/i, /\b(?:\d+ times|2 times)/i]) {
      expect(groupedByFirstLetter(pattern)).toBe(pattern);
    }
  });
});
