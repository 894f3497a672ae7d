import { describe, expect, it } from 'vitest';
import type { MessageRejectedError } from '../model/message-rejection';
import type { NormalizedMessage } from '../model/message';
import { analysisSettingsSchema } from '../model/settings';
import { findDeliveries } from './deliveries';
import { deriveMessageFacts, extractBatch, extractMessageFacts, readBatch, readMessage } from './message-facts';
import { findRequests } from './requests';
import { findRisks } from './risks';
import { visibleText } from './visible-text';

const settings = analysisSettingsSchema.parse({ me: ['anna@northwind.io'], timeZone: 'Europe/Berlin' });

const outboundWithGmailQuote: NormalizedMessage = {
  id: '<CAK3x9@mail.gmail.com>',
  threadId: '18c2f0a9d1',
  from: 'Anna Berg <anna@northwind.io>',
  to: ['"Reed, Tom" <tom@acme.com>'],
  cc: ['Ben Ode <ben@northwind.io>'],
  date: '2026-11-02T10:00:00+01:00',
  subject: 'Re: Q4 rollout plan',
  inReplyTo: '<tom-1@acme.com>',
  references: ['<anna-0@northwind.io>', '<tom-1@acme.com>'],
  text: [
    'Hi Tom,',
    '',
    "Thanks for the quick feedback. I'll send you the revised timeline by Friday.",
    '',
    'Best,',
    'Anna',
    '--',
    'Anna Berg | Account Director | Northwind',
    '+49 30 1234567',
    '',
    'On Sun, 1 Nov 2026 at 18:12, Tom Reed <tom@acme.com> wrote:',
    '> Could you send the budget sheet too? I will need it by Monday.',
    '> We are really unhappy with the delays.',
  ].join('\n'),
};

describe('extractMessageFacts', () => {
  it('keeps metadata, direction and counterparts of our reply', () => {
    const facts = extractMessageFacts(outboundWithGmailQuote, settings);
    expect(facts).toMatchObject({
      id: '<CAK3x9@mail.gmail.com>',
      providedThreadId: '18c2f0a9d1',
      normalizedSubject: 'q4 rollout plan',
      sentAt: '2026-11-02T09:00:00.000Z',
      from: { name: 'Anna Berg', address: 'anna@northwind.io' },
      direction: 'outbound',
      automated: false,
      counterparts: ['acme.com'],
      inReplyTo: '<tom-1@acme.com>',
      references: ['<anna-0@northwind.io>', '<tom-1@acme.com>'],
    });
  });

  it('finds our promise in what we wrote, not in the quoted request or the signature', () => {
    const facts = extractMessageFacts(outboundWithGmailQuote, settings);
    expect(facts.promises.map((p) => p.text)).toEqual(["I'll send you the revised timeline by Friday."]);
    expect(facts.promises[0]?.dueIsDefault).toBe(false);
    // Their quoted request and complaint are not ours to count again.
    expect(facts.requests).toEqual([]);
    expect(facts.risks).toEqual([]);
  });

  it('keeps no body: only the extracted snippets survive', () => {
    const json = JSON.stringify(extractMessageFacts(outboundWithGmailQuote, settings));
    expect(json).not.toContain('Thanks for the quick feedback');
    expect(json).not.toContain('budget sheet');
    expect(json).not.toContain('+49 30');
  });

  it('reads requests and risks from the client, not promises', () => {
    const facts = extractMessageFacts(
      {
        id: '<tom-2@acme.com>',
        from: 'Tom Reed <tom@mail.acme.com>',
        to: ['anna@northwind.io'],
        date: '2026-11-03T08:00:00-05:00',
        subject: 'RE: Q4 rollout plan',
        text: [
          "Anna, I'll be honest: we are not happy with how the rollout has gone so far.",
          'Can you confirm the new go-live date by Thursday?',
          "I'll forward this to our CFO.",
          '',
          'From: Anna Berg <anna@northwind.io>',
          'Sent: Monday, November 2, 2026 10:00 AM',
          'To: Tom Reed <tom@acme.com>',
          'Subject: RE: Q4 rollout plan',
          '',
          "I'll send you the revised timeline by Friday.",
        ].join('\n'),
      },
      settings,
    );
    expect(facts.direction).toBe('inbound');
    expect(facts.counterparts).toEqual(['acme.com']);
    expect(facts.promises).toEqual([]);
    expect(facts.requests.map((r) => r.text)).toEqual(['Can you confirm the new go-live date by Thursday?']);
    expect(facts.risks.map((r) => [r.kind, r.side])).toContainEqual(['dissatisfaction', 'them']);
  });

  it('marks calendar notices as automated and reads nothing from them; a person using the same words is read', () => {
    const decline = (subject: string, headers?: Record<string, string>) =>
      extractMessageFacts(
        {
          id: `decline-${subject}`,
          from: 'Tom Reed <tom@acme.com>',
          to: ['anna@northwind.io'],
          date: '2026-11-02T10:01:00+01:00',
          subject,
          text: 'Tom Reed has declined this invitation. Could you send the agenda? We are unhappy with the delays.',
          ...(headers ? { headers } : {}),
        },
        settings,
      );
    for (const facts of [
      decline('Declined: Kickoff workshop @ Thu Nov 12, 2026 10am - 12pm (CET) (anna@northwind.io)'),
      decline('Kickoff workshop', { 'Content-Type': 'text/calendar; charset=utf-8; method=REPLY' }),
    ]) {
      expect(facts).toMatchObject({ automated: true, direction: 'inbound', counterparts: ['acme.com'], requests: [], risks: [] });
    }
    const person = decline('Re: Declined: Kickoff workshop');
    expect(person.automated).toBe(false);
    expect(person.requests.map((r) => r.text)).toEqual(['Could you send the agenda?']);
    expect(decline('Declined payment on invoice 4411').automated).toBe(false);
  });

  it('reads nothing from auto-replies and internal mail', () => {
    const ooo = extractMessageFacts(
      {
        id: 'ooo-1',
        from: 'Tom Reed <tom@acme.com>',
        to: ['anna@northwind.io'],
        date: '2026-11-02T10:01:00+01:00',
        subject: 'Automatic reply: Q4 rollout plan',
        text: "I'm out of office until Monday. I will respond to your message when I return. Could you contact Lisa meanwhile?",
        headers: { 'Auto-Submitted': 'auto-replied' },
      },
      settings,
    );
    expect(ooo).toMatchObject({ automated: true, direction: 'inbound', promises: [], requests: [], risks: [] });
    const internal = extractMessageFacts(
      { id: 'int-1', from: 'ben@northwind.io', to: ['anna@northwind.io'], date: '2026-11-02T12:00:00+01:00', subject: 'Acme', text: "I'll call Tom tomorrow." },
      settings,
    );
    expect(internal).toMatchObject({ direction: 'internal', counterparts: [], promises: [] });
  });

  it('keys free-mail clients by address and sees our mail to several clients', () => {
    const facts = extractMessageFacts(
      {
        id: 'multi',
        from: 'anna@northwind.io',
        to: ['jo.freelance@gmail.com', 'buyer@globex.co.uk'],
        cc: ['ben@northwind.io'],
        date: '2026-11-02T12:00:00+01:00',
        subject: 'Kick-off',
        text: 'Welcome aboard.',
      },
      settings,
    );
    expect(facts.counterparts).toEqual(['jo.freelance@gmail.com', 'globex.co.uk']);
  });

  it('ignores promises inside a forwarded message', () => {
    const facts = extractMessageFacts(
      {
        id: 'fwd-1',
        from: 'Anna Berg <anna@northwind.io>',
        to: ['tom@acme.com'],
        date: '2026-11-05T09:00:00+01:00',
        subject: 'Fwd: Contract draft',
        text: [
          'Tom, FYI see below from our legal team.',
          '',
          '---------- Forwarded message ---------',
          'From: Ben Ode <ben@northwind.io>',
          'Date: Wed, 4 Nov 2026 at 17:02',
          'Subject: Contract draft',
          'To: Anna Berg <anna@northwind.io>',
          '',
          "I'll send the final contract tomorrow.",
        ].join('\n'),
      },
      settings,
    );
    expect(facts.direction).toBe('outbound');
    expect(facts.promises).toEqual([]);
  });

  it('marks a bare "thanks" as closing the conversation', () => {
    const thanks = extractMessageFacts(
      { id: 'ty', from: 'Tom Reed <tom@acme.com>', to: ['anna@northwind.io'], date: '2026-11-05T09:00:00+01:00', subject: 'RE: Invoice', text: 'Perfect, thank you!\n\nTom\n\nSent from my iPhone' },
      settings,
    );
    expect(thanks.closing).toBe(true);
    const question = extractMessageFacts(
      { id: 'q', from: 'Tom Reed <tom@acme.com>', to: ['anna@northwind.io'], date: '2026-11-05T09:00:00+01:00', subject: 'RE: Invoice', text: 'Thanks! Could you also add the PO number?' },
      settings,
    );
    expect(question.closing).toBeUndefined();
  });

  it('gives every message facts of one shape (the absent parts undefined, left out of JSON), whatever it holds', () => {
    // One hidden class for all facts keeps the rules that read them from being deoptimized and compiled again each
    // time a message with another mix of parts arrives (deriveWithSide). JSON, which the server stores, is unchanged.
    const thanks: NormalizedMessage = { id: 'ty', from: 'Tom Reed <tom@acme.com>', to: ['anna@northwind.io'], date: '2026-11-05T09:00:00+01:00', subject: 'RE: Invoice', text: 'Perfect, thank you!' };
    const withFile: NormalizedMessage = { ...thanks, id: 'f', from: 'anna@northwind.io', to: ['tom@acme.com'], attachments: ['sow.pdf'], text: 'Attached is the SOW. I will call you tomorrow. I will also send you the invoice copies.' };
    const bare: NormalizedMessage = { id: 'b', from: 'anna@northwind.io', to: ['ben@northwind.io'], date: '2026-11-05T09:00:00+01:00', subject: 'Lunch', text: 'Noon?' };
    const all = [outboundWithGmailQuote, thanks, withFile, bare];
    const facts = all.map((m) => extractMessageFacts(m, settings));
    for (const f of facts) expect(Object.keys(f)).toEqual(Object.keys(facts[0]!));
    const stored = all.map((m) => readMessage(m, settings));
    for (const f of stored) expect(Object.keys(f)).toEqual(Object.keys(stored[0]!));
    const promises = facts.flatMap((f) => f.promises);
    expect(promises.map((p) => p.dueText !== undefined)).toEqual([true, true, false]);
    for (const p of promises) expect(Object.keys(p)).toEqual(['text', 'dueAt', 'dueIsDefault', 'dueText']);
    expect(Object.keys(JSON.parse(JSON.stringify(facts[3])) as object)).not.toContain('inReplyTo');
    expect(JSON.stringify(promises[2])).not.toContain('dueText');
  });

  it('refuses a message whose sender or date is unusable, naming the message and the field but never its content', () => {
    const refusal = (patch: Partial<NormalizedMessage>) => {
      try {
        extractMessageFacts({ ...outboundWithGmailQuote, ...patch }, settings);
      } catch (err) {
        return err as MessageRejectedError;
      }
      throw new Error('not refused');
    };
    const sender = refusal({ from: 'Anna Berg' });
    expect(sender).toMatchObject({ name: 'MessageRejectedError', code: 'sender_unusable', messageId: '<CAK3x9@mail.gmail.com>' });
    expect(sender.message).toMatch(/^message <CAK3x9@mail.gmail.com>: the From field/);
    expect(sender.reason).not.toContain('Anna Berg');
    expect(refusal({ date: 'Monday' })).toMatchObject({ code: 'date_invalid' });
    expect(refusal({ date: '9999-12-31T23:59:00Z' })).toMatchObject({ code: 'date_out_of_range' });
  });

  it('marks our mail that asks for feedback (the fact, not the sentence); their question or a quoted one is not ours', () => {
    const ours = extractMessageFacts(
      { ...outboundWithGmailQuote, text: 'Hi Tom,\n\nThe pilot has been live for a month now. How are we doing?\n\nBest,\nAnna' },
      settings,
    );
    expect(ours.feedbackAsked).toBe(true);
    expect(JSON.stringify(ours)).not.toContain('How are we doing');
    const theirs = extractMessageFacts(
      { ...outboundWithGmailQuote, from: 'Tom Reed <tom@acme.com>', to: ['anna@northwind.io'], cc: [], text: 'Any feedback on our draft?' },
      settings,
    );
    expect(theirs.feedbackAsked).toBeUndefined();
    // The question in the quoted history was asked before; this reply only says thanks.
    expect(extractMessageFacts(outboundWithGmailQuote, settings).feedbackAsked).toBeUndefined();
  });
});

describe('readBatch', () => {
  const base = { to: ['Tom Reed <tom@acme.com>'], subject: 'Q4 rollout', date: '2026-11-02T10:00:00+01:00' };
  const messages: NormalizedMessage[] = [
    outboundWithGmailQuote,
    { ...base, id: '<a@x>', from: 'Anna Berg <anna@northwind.io>', text: "Attached is the revised SOW. I'll call you tomorrow at 10. We are running behind on the migration." },
    { ...base, id: '<b@x>', from: 'Tom Reed <tom@acme.com>', to: ['anna@northwind.io'], text: 'Could you send the invoice copies by Friday? We are very disappointed with the delays and are looking at other vendors.' },
    { ...base, id: '<bad-date@x>', from: 'Anna Berg <anna@northwind.io>', date: 'not a date', text: "I'll send it Monday." },
    { ...base, id: '<c@x>', from: 'Anna Berg <anna@northwind.io>', to: ['ben@northwind.io'], text: "Internal: I'll draft the reply." },
    { ...base, id: '<d@x>', from: 'Mailer <no-reply@acme.com>', to: ['anna@northwind.io'], subject: 'Automatic reply: out of office', text: 'I am out of the office until Monday.' },
    { ...base, id: '<no-sender@x>', from: '', text: "I'll send it." },
    { ...base, id: '<e@x>', from: 'Tom Reed <tom@acme.com>', to: ['anna@northwind.io'], text: '' },
    { ...base, id: '<f@x>', from: 'Anna Berg <anna@northwind.io>', text: 'Thanks, all the best for the launch!\n\nAnna' },
  ];

  it('reads every message of a batch as readMessage reads it alone, and keeps each failure to its own message', () => {
    const alone = messages.map((m) => {
      try {
        return { stored: readMessage(m, settings) };
      } catch (error) {
        return { error };
      }
    });
    const batch = readBatch(messages, settings);
    expect(batch.map((r) => ('error' in r ? { error: r.error } : { stored: r.stored }))).toEqual(alone);
    // The two bad ones fail, and only they.
    expect(batch.map((r) => 'error' in r)).toEqual([false, false, false, true, false, false, true, false, false]);
    // Findings of each family reached the messages they belong to.
    const [, ours, theirs] = batch.map((r) => ('stored' in r ? r.stored : null));
    expect(ours?.promises.length).toBeGreaterThan(0);
    expect(ours?.deliveries?.length).toBeGreaterThan(0);
    expect(theirs?.requests.length).toBeGreaterThan(0);
    expect(theirs?.risks.length).toBeGreaterThan(0);
  });

  // readBatch splits each body once and hands the split to every family: what each family finds must be what it finds
  // splitting the body itself. Two bodies of each side in one batch, so a split handed to the wrong body would show.
  it('gives each family the sentences of its own body', () => {
    const ourSecond: NormalizedMessage = { ...base, id: '<g@x>', from: 'Anna Berg <anna@northwind.io>', text: 'Here are the numbers you asked for. Sorry, the migration has slipped to next week.' };
    const theirSecond: NormalizedMessage = { ...base, id: '<h@x>', from: 'Tom Reed <tom@acme.com>', to: ['anna@northwind.io'], text: 'Can you confirm the new date? This is unacceptable, we will escalate.' };
    const batch = [messages[1]!, messages[2]!, ourSecond, theirSecond];
    const stored = readBatch(batch, settings).map((r) => ('stored' in r ? r.stored : null));
    for (const [i, message] of batch.entries()) {
      const visible = visibleText(message.text ?? '');
      const facts = stored[i]!;
      if (facts.readAs === 'outbound') {
        expect(facts.risks).toEqual(findRisks(visible, 'us').slice(0, 8));
        expect(facts.deliveries ?? []).toEqual(findDeliveries(visible).slice(0, 8));
      } else {
        expect(facts.readAs).toBe('inbound');
        expect(facts.requests).toEqual(findRequests(visible).slice(0, 8));
        expect(facts.risks).toEqual(findRisks(visible, 'them').slice(0, 8));
      }
    }
    expect(stored.map((f) => f?.readAs)).toEqual(['outbound', 'inbound', 'outbound', 'inbound']);
    expect(stored.map((f) => (f?.readAs === 'outbound' ? (f.deliveries?.length ?? 0) : (f?.requests.length ?? 0)) > 0)).toEqual([true, true, true, true]);
  });

  // extractBatch hands the due dates reading resolved to the facts it derives rather than resolving each stored phrase
  // again: each promise must get its own date, and an undated one the default, as deriving the stored facts anew does.
  it('dates the promises it derives as deriving the stored facts anew dates them', () => {
    const dated: NormalizedMessage[] = [
      { ...base, id: '<p@x>', from: 'Anna Berg <anna@northwind.io>', text: "I'll look into the export. I'll send you the revised timeline by Friday. We will share the draft tomorrow at 3pm." },
      { ...base, id: '<q@x>', from: 'Anna Berg <anna@northwind.io>', date: '2026-11-05T18:30:00+01:00', text: "We'll have the invoice copies to you by Monday. I will call you next week." },
    ];
    const extracted = extractBatch(dated, settings).map((r) => ('facts' in r ? r.facts.promises : null));
    // Resolved from the stored phrase alone: a settings object of its own (the same values) and each message read alone.
    const same = analysisSettingsSchema.parse({ me: ['anna@northwind.io'], timeZone: 'Europe/Berlin' });
    const anew = dated.map((m) => deriveMessageFacts(readMessage(m, same), same).promises);
    expect(extracted).toEqual(anew);
    // The two messages' promises: dated ones each with its own date, the undated one with the default.
    expect(anew.map((promises) => promises.map((p) => [p.dueText, p.dueIsDefault]))).toEqual([
      [[undefined, true], ['by Friday', false], ['tomorrow at 3pm', false]],
      [['by Monday', false], ['next week', false]],
    ]);
    expect(new Set(anew.flat().map((p) => p.dueAt)).size).toBe(5);
  });
});
