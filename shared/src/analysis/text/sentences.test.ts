import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences';

describe('splitSentences', () => {
  it('joins soft-wrapped plain-text lines and splits at sentence ends', () => {
    const body = "Hi Tom,\nThanks for the call today. I'll send the revised\nproposal by Friday, e.g. the pricing and the\ntimeline. Dr. Smith will join at 3 p.m. Thanks.";
    expect(splitSentences(body)).toEqual([
      'Hi Tom,',
      'Thanks for the call today.',
      "I'll send the revised proposal by Friday, e.g. the pricing and the timeline.",
      'Dr. Smith will join at 3 p.m.',
      'Thanks.',
    ]);
  });

  it('keeps abbreviations, initials, decimals and dates inside a sentence', () => {
    expect(splitSentences('We spoke to Mr. Jones and John F. Kennedy Jr. about v2.5 on Jan. 5 at 10 a.m. in the U.S. office.')).toHaveLength(1);
    expect(splitSentences('The total is 3.5 hours, i.e. half a day.')).toEqual(['The total is 3.5 hours, i.e. half a day.']);
  });

  it('splits a list whose line breaks were lost at its bullet marks', () => {
    expect(splitSentences('Update: • Spoke to the AP reporter, explained the facts • Reporter revising the story; I\'ll send what she writes ▪ Done')).toEqual([
      'Update:',
      'Spoke to the AP reporter, explained the facts',
      "Reporter revising the story; I'll send what she writes",
      'Done',
    ]);
    expect(splitSentences('• Thank you. Ops will call · Noon works • • Original Message')).toEqual(['Thank you.', 'Ops will call', 'Noon works', 'Original Message']);
    // A mark at a line's end starts no item: it is left where it is.
    expect(splitSentences('Can we do 10 so all can join -- what time? •')).toEqual(['Can we do 10 so all can join -- what time? •']);
  });

  it('does not split at hyphens, asterisks or a middle dot inside a word', () => {
    expect(splitSentences("I'll send it - probably Monday - with the well-known figures")).toEqual(["I'll send it - probably Monday - with the well-known figures"]);
    expect(splitSentences('The area is 3 * 4 metres * see the note')).toEqual(['The area is 3 * 4 metres * see the note']);
    expect(splitSentences('The col·legi will reply')).toEqual(['The col·legi will reply']);
  });

  it('makes each bullet its own sentence and drops the bullet mark', () => {
    expect(splitSentences('Next steps:\n- send the deck\n* book the room\n1. confirm the date\n• invite finance')).toEqual([
      'Next steps:',
      'send the deck',
      'book the room',
      'confirm the date',
      'invite finance',
    ]);
  });

  it('handles ! and ? and closing quotes, and Windows line endings', () => {
    expect(splitSentences('Great news! Can we meet? He said "yes." Then we left.\r\nOk')).toEqual([
      'Great news!',
      'Can we meet?',
      'He said "yes."',
      'Then we left.',
      'Ok',
    ]);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences(' \n\n \t')).toEqual([]);
  });
});
