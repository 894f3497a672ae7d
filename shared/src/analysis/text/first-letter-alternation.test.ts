import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupedAnywhereByFirstLetter, groupedByFirstLetter, unionGroupedByFirstLetter } from './first-letter-alternation';

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

describe('unionGroupedByFirstLetter', () => {
  const patterns = [
    /\b(?:running late|behind schedule)\b/i,
    /(?:^|\b)(?:^(?:ok|sure)[,\s]*done\b|attached (?:is|are)|(?:the )?link (?:is|to)\b|\d+ files? sent)/i,
    /^(?:fixed|done)\.?$/i,
    /(?:^|[!,:;]\s*)(?:big|huge) improvement\b/i,
  ];
  const union = unionGroupedByFirstLetter(patterns);
  const inOrder = new RegExp(patterns.map((p) => `(?:${p.source})`).join('|'), 'i');

  it('groups the alternatives that start a word, keeps the anchored ones anchored and the rest as written', () => {
    expect(union.source).toBe(
      '\\b(?:running late\\b|behind schedule\\b|attached (?:is|are)|\\d\\d* files? sent)|^(?:(?:ok|sure)[,\\s]*done\\b|(?:fixed|done)\\.?$)|(?:(?:^|\\b)(?:(?:the )?link (?:is|to)\\b))|(?:(?:^|[!,:;]\\s*)(?:big|huge) improvement\\b)',
    );
    expect(union.flags).toBe('i');
  });

  it('matches exactly the texts one of the patterns matches', () => {
    const texts = [
      'We are RUNNING LATE.',
      'xrunning late',
      'Sure, done',
      'well sure, done',
      'Attached is the deck',
      'reattached is',
      'The link is here',
      'see the link to it',
      'unlink is',
      '3 files sent',
      'a3 files sent',
      'Fixed.',
      'fixed it',
      'Bang!, big improvement',
      'a big improvement',
      'Big improvement',
      'behind schedule',
      '',
    ];
    for (const text of texts) expect([text, union.test(text)]).toEqual([text, inOrder.test(text)]);
  });

  it('accepts only patterns with exactly the flag i', () => {
    expect(() => unionGroupedByFirstLetter([/\bdone\b/])).toThrow(/flag/);
  });
});

describe('groupedAnywhereByFirstLetter', () => {
  const cues = /fyi|tried|tested|can |could|\bran\b|let me(?!\s+know\b)|'ll|\d|(?:this|in) am\b|mins?\b|q[1-4]|\$ /i;

  it('groups the fragments that open with a letter or a digit, and keeps the others as written', () => {
    const grouped = groupedAnywhereByFirstLetter(cues);
    expect(grouped.source).toBe("fyi|t(?:ried|ested|his am\\b)|c(?:an |ould)|let me(?!\\s+know\\b)|\\d|in am\\b|mins?\\b|q[1-4]|(?:\\bran\\b)|(?:'ll)|(?:\\$ )");
    expect(grouped.flags).toBe('i');
  });

  it('matches exactly the texts the pattern matches', () => {
    const grouped = groupedAnywhereByFirstLetter(cues);
    const pieces = ['FYI', 'tri', 'tried', 'Tested', 'can', 'can ', 'could', 'ran', 'brand', 'let me', 'let me know', 'let me see', "we'll", 'll', '7', 'this am', 'in am', 'amen', 'min', 'mins', 'minute', 'Q3', 'q5', '$ ', '$', 'x'];
    const text = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(' ', '', ', ', '.', '\n')), { maxLength: 8 }).map((parts) => parts.map(([piece, gap]) => piece + gap).join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(grouped.test(t), t).toBe(cues.test(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts only patterns with exactly the flag i', () => {
    expect(() => groupedAnywhereByFirstLetter(/cat|dog/)).toThrow();
  });
});
