import { describe, expect, it } from 'vitest';
import { isClosingMessage } from './closing-message';

describe('isClosingMessage', () => {
  it('recognises thanks and acknowledgements that need no answer', () => {
    for (const text of [
      'Thanks!',
      'Thank you, Anna!\n\nBest,\nTom',
      'Hi Anna,\n\nperfect, thanks a lot.\n\nCheers\nTom',
      'Got it, thanks.',
      'Great, much appreciated.\n\nTom Reed\nHead of Operations',
      'Vielen Dank!\n\nViele Grüße\nJonas',
      'Sounds good. Talk soon!',
    ]) {
      expect(isClosingMessage(text), text).toBe(true);
    }
  });

  it('does not close a conversation that asks, requests or objects', () => {
    for (const text of [
      'Thanks! Could you also send the invoice?',
      'Thanks, when can we expect the draft?',
      'Great, but the numbers in section 2 look wrong.',
      'Thanks. Please confirm the meeting time.',
      'Hi Anna,\n\nwe reviewed the proposal and have some concerns about the timeline and the budget for phase two.',
      'Can you call me?',
      'Great, one more question on the dates below.',
      'Thanks, I have a concern about the timeline.',
      '',
      'Thanks for the proposal. We reviewed it with the board yesterday and would like to discuss the pricing model in more detail next week.',
    ]) {
      expect(isClosingMessage(text), text).toBe(false);
    }
  });
});
