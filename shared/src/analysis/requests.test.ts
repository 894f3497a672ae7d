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

  const asks = (text: string): boolean => findRequests(text).length > 0;

  it('reads a question or a plea past the mentions that open it and the links and tags that trail it', () => {
    expect(asks('@Dana could you resend the April statement')).toBe(true);
    expect(asks('Hi @support is the portal down for everyone?')).toBe(true);
    expect(asks('@acme_help why has my order been "processing" for 6 days? https://example.com/o/123 #orders')).toBe(true);
    expect(asks('@acme_help my order arrived today, all good https://example.com/o/123')).toBe(false);
    // A question mark followed by an exclamation or another question mark is still a question.
    expect(asks('Where is the signed copy?!')).toBe(true);
    expect(asks('Why was the renewal invoiced twice??')).toBe(true);
    // ... but an exclamation that is only "What?!" asks nothing.
    expect(asks('What?!')).toBe(false);
    expect(asks('What?')).toBe(true);
    // A link that ends the question keeps its question mark.
    expect(asks('Have you seen https://status.example.com/incidents?')).toBe(true);
  });

  it('takes questions that open with a negative or with two small words as questions', () => {
    expect(asks("Didn't we agree on net 30 for this order?")).toBe(true);
    expect(asks("Shouldn't the credit note cover both shipments?")).toBe(true);
    expect(asks('And btw what happened to the second pallet?')).toBe(true);
    expect(asks('Am I supposed to sign both copies?')).toBe(true);
    // A tag question after a statement stays rhetorical, whatever its verb.
    expect(asks("Great kickoff on Monday, wasn't it?")).toBe(false);
    expect(asks("The new portal is much faster, isn't it?")).toBe(false);
  });

  it('takes indirect questions and wishes put to the reader as requests, not musings', () => {
    expect(asks('I was wondering if there is a way to export the report as CSV.')).toBe(true);
    expect(asks("I'm wondering whether you could bring the workshop forward a week.")).toBe(true);
    expect(asks("I'm wondering who I should talk to about the invoice.")).toBe(true);
    expect(asks('I wonder how that mistake crept in.')).toBe(false);
    expect(asks("We'd like to know when the new release reaches our tenant.")).toBe(true);
    expect(asks('I need to know which firmware the replacement units run.')).toBe(true);
    expect(asks('It would be helpful if you could add the cost centre to each line.')).toBe(true);
    expect(asks('We request that you countersign the amendment before the 15th.')).toBe(true);
    expect(asks('Our CFO was asking if you could join the budget review.')).toBe(true);
    expect(asks("I'd like to set up a call with your team next week.")).toBe(true);
    expect(asks("We'd appreciate anything you can do to speed up the customs paperwork.")).toBe(true);
    expect(asks('Any ideas why the sync stops at midnight.')).toBe(true);
    expect(asks('Anything we can do to get the order out before Christmas?')).toBe(true);
    expect(asks("If there's anything we can do to help, call us.")).toBe(false);
    expect(asks('Remind me who signs off on the change requests.')).toBe(true);
    // Musing about a cause, or a plan of our own, asks the reader nothing.
    expect(asks('I wonder whether this is because the import ran twice.')).toBe(false);
    expect(asks('I was wondering if this might be the reason for the delay.')).toBe(false);
    expect(asks('I was wondering whether to take the late train instead.')).toBe(false);
    expect(asks('We need to know our own numbers better before the board meets.')).toBe(false);
  });

  it('takes a plea for help as a request, and not thanks for help given', () => {
    expect(asks('Can anyone help with the login error on the portal')).toBe(true);
    expect(asks('I hope you can help me with the missing delivery.')).toBe(true);
    expect(asks('We urgently need your help with the customs declaration.')).toBe(true);
    expect(asks('Need assistance with the warranty claim for order 5521.')).toBe(true);
    expect(asks('Help!')).toBe(true);
    expect(asks('The scanner jams on every second page :( please assist')).toBe(true);
    expect(asks('Guidance on the new tax codes please.')).toBe(true);
    expect(asks('I need more information about the delivery slots.')).toBe(true);
    expect(asks('Thanks for your help.')).toBe(false);
    expect(asks('Your help last week made all the difference.')).toBe(false);
    expect(asks('The help page explains the new tax codes.')).toBe(false);
  });
});
