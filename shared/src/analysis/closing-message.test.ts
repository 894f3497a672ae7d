import { describe, expect, it } from 'vitest';
import { analysisSettingsSchema } from '../model/settings';
import { isClosingMessage } from './closing-message';
import { extractMessageFacts } from './message-facts';
import { analyzeThread } from './thread-analysis';

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
      'Great news, thank you!',
      "That's great news, thank you!",
      'Hi Anna, great news, thank you!\n\nTom',
      'This is wonderful, thanks a lot.',
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
      "That's great news, but when will phase two start?",
      'Hi Anna, great news. Can you send the invoice?',
      'This is a problem for us.',
      '',
      'Thanks for the proposal. We reviewed it with the board yesterday and would like to discuss the pricing model in more detail next week.',
    ]) {
      expect(isClosingMessage(text), text).toBe(false);
    }
  });

  it('a client answering good news with thanks leaves nothing awaiting our reply', () => {
    const settings = analysisSettingsSchema.parse({ me: ['anna@northwind.example'], timeZone: 'Europe/Berlin' });
    const ours = extractMessageFacts(
      {
        id: '<launch-1@northwind.example>',
        from: 'Anna Berg <anna@northwind.example>',
        to: ['Tom Reed <tom@acme-client.example>'],
        date: '2026-04-14T09:00:00+02:00',
        subject: 'Shop relaunch',
        text: 'Hi Tom,\n\nthe new shop went live this morning and the first orders are coming in.\n\nBest,\nAnna',
      },
      settings,
    );
    const theirs = extractMessageFacts(
      {
        id: '<CAB9x2@mail.acme-client.example>',
        from: 'Tom Reed <tom@acme-client.example>',
        to: ['Anna Berg <anna@northwind.example>'],
        date: '2026-04-14T10:12:00+02:00',
        subject: 'Re: Shop relaunch',
        inReplyTo: '<launch-1@northwind.example>',
        text:
          "That's great news, thank you!\n\nTom\n\nOn Tue, 14 Apr 2026 at 09:00, Anna Berg <anna@northwind.example> wrote:\n" +
          '> Hi Tom,\n> the new shop went live this morning and the first orders are coming in.\n> Best,\n> Anna',
      },
      settings,
    );
    const thread = analyzeThread('t1', [ours, theirs], settings);
    expect(thread.lastMessage?.side).toBe('them');
    expect(thread.awaiting).toBeNull();
  });
});
