import { describe, expect, it } from 'vitest';
import { findRequests } from './requests';
import { visibleText } from './visible-text';

const texts = (visible: string): string[] => findRequests(visible).map((r) => r.text);

describe('findRequests', () => {
  it('finds what the client asks us for in a realistic message, not in their quoted history', () => {
    const body = [
      'Hi Jane,',
      '',
      'Thanks for the proposal, the team liked it. Could you send the updated SOW',
      'with the revised milestones? We need the signed NDA back by Thursday as well.',
      '',
      'Let me know if you have any questions.',
      '',
      'Thanks,',
      'Dana',
      '',
      '-----Original Message-----',
      'From: Jane Doe',
      'Can you confirm the budget owner?',
    ].join('\n');
    expect(texts(visibleText(body))).toEqual([
      'Could you send the updated SOW with the revised milestones?',
      'We need the signed NDA back by Thursday as well.',
    ]);
  });

  it('recognises the common ways of asking', () => {
    const asks = [
      'Can you confirm the go-live date by Friday?',
      'Would you mind resending the deck from Tuesday.',
      'Please let me know when the invoice is ready.',
      "We'd appreciate it if you could share the test plan.",
      'I was wondering if you could move the call to 3pm.',
      'Any update on the data migration?',
      'Kindly send the remittance advice to accounts@northwind.example.',
      'Send me the login details when you get a chance.',
      'I need the signed contract by Friday.',
    ];
    for (const ask of asks) expect({ ask, found: texts(ask).length }).toEqual({ ask, found: 1 });
  });

  it('leaves closing pleasantries, attachments and rhetorical questions alone', () => {
    const polite = [
      'Let me know if you have any questions.',
      'Please do not hesitate to contact me if you need anything.',
      'Please find attached our purchase order.',
      'Please note our offices are closed on Monday.',
      'Can you believe it is March already?',
      'Thanks for the quick turnaround.',
      'We will review the proposal internally.',
      'Hope you had a great weekend!',
      'Let me know, if you have any further questions.',
      'If you have received this e-mail in error, please notify the sender and delete it.',
      'Fix: delete the extra slash in the path.',
      'Please see below:',
    ];
    for (const sentence of polite) expect({ sentence, found: texts(sentence) }).toEqual({ sentence, found: [] });
  });

  it('takes a question put to the reader as a request, but not small talk or a rhetorical tag', () => {
    const asks = (text: string): boolean => findRequests(text).length > 0;
    expect(asks('Is he available tomorrow?')).toBe(true);
    expect(asks('In other words, can I create both DSNs separately?')).toBe(true);
    expect(asks('Which version are you running?')).toBe(true);
    expect(asks('Could you give me the January figures for these points')).toBe(true);
    expect(asks("Let's get together this week with Ted and discuss the plan.")).toBe(true);
    expect(asks('Just a reminder to forward me the calendar we spoke of.')).toBe(true);
    // "pls" / "plz" are "please" in quick mail; a word that merely contains the letters is not.
    expect(asks('Pls print two copies for the meeting.')).toBe(true);
    expect(asks('Thanks - plz confirm the room.')).toBe(true);
    expect(asks('The Apls team sent the figures.')).toBe(false);
    // A dash sets a question apart as a comma does: "Dana -- is the room booked?".
    expect(asks('Dana -- is the room booked?')).toBe(true);
    expect(asks('The venue fell through--where do we stand on the backup?')).toBe(true);
    expect(asks('The results -- who would have thought?')).toBe(false);
    expect(asks('A well-known trade-off, as always.')).toBe(false);
    expect(asks('How are you?')).toBe(false);
    expect(asks('Can you believe the weather this week?')).toBe(false);
    expect(asks("Great session yesterday, wasn't it?")).toBe(false);
    expect(asks('Thanks for the quick turnaround.')).toBe(false);
  });
});
