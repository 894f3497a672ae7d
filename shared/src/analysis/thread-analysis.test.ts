import { describe, expect, it } from 'vitest';
import type { NormalizedMessage } from '../model/message';
import { analysisSettingsSchema } from '../model/settings';
import { extractMessageFacts } from './message-facts';
import { analyzeThread, extendThread } from './thread-analysis';

const settings = analysisSettingsSchema.parse({ me: ['anna@northwind.io'], timeZone: 'Europe/Berlin' });

function mail(m: Partial<NormalizedMessage> & Pick<NormalizedMessage, 'id' | 'from' | 'date'>): NormalizedMessage {
  return { to: [], subject: 'Q4 rollout plan', text: '', ...m };
}

const rollout: NormalizedMessage[] = [
  mail({
    id: 'a1',
    from: 'Anna Berg <anna@northwind.io>',
    to: ['Tom Reed <tom@acme.com>'],
    date: '2026-11-02T10:00:00+01:00',
    text: 'Hi Tom,\n\nattached is the draft plan for the Q4 rollout. Happy to walk you through it.\n\nBest,\nAnna',
  }),
  mail({
    id: 'auto',
    from: 'Tom Reed <tom@acme.com>',
    to: ['anna@northwind.io'],
    date: '2026-11-02T10:01:00+01:00',
    subject: 'Automatic reply: Q4 rollout plan',
    text: 'I am out of the office until Tuesday with limited access to email.',
  }),
  mail({
    id: 'internal',
    from: 'Ben Ode <ben@northwind.io>',
    to: ['anna@northwind.io'],
    date: '2026-11-02T12:00:00+01:00',
    subject: 'Fwd: Q4 rollout plan',
    text: 'Looks good to me.\n\n---------- Forwarded message ---------\nFrom: Anna Berg <anna@northwind.io>',
  }),
  mail({
    id: 't1',
    from: 'Tom Reed <tom@acme.com>',
    to: ['anna@northwind.io'],
    date: '2026-11-03T14:00:00+01:00',
    subject: 'RE: Q4 rollout plan',
    text: 'Hi Anna, thanks, this works for us.\n\nFrom: Anna Berg <anna@northwind.io>\nSent: Monday, November 2, 2026 10:00 AM\nTo: Tom Reed <tom@acme.com>\nSubject: Q4 rollout plan\n\nHi Tom,',
  }),
  mail({
    id: 't2',
    from: 'Lisa Park <lisa@acme.com>',
    to: ['anna@northwind.io'],
    cc: ['tom@acme.com'],
    date: '2026-11-03T16:00:00+01:00',
    subject: 'RE: Q4 rollout plan',
    text: 'Adding to Tom: could you send the cut-over checklist as well?',
  }),
  mail({
    id: 'a2',
    from: 'Anna Berg <anna@northwind.io>',
    to: ['tom@acme.com', 'lisa@acme.com'],
    date: '2026-11-04T09:30:00+01:00',
    subject: 'Re: Q4 rollout plan',
    text: 'Here it is.\n\nOn Tue, 3 Nov 2026 at 16:00, Lisa Park <lisa@acme.com> wrote:\n> Adding to Tom',
  }),
  mail({
    id: 't3',
    from: 'Tom Reed <tom@acme.com>',
    to: ['anna@northwind.io'],
    date: '2026-11-04T11:00:00+01:00',
    subject: 'RE: Q4 rollout plan',
    text: 'Great, one more question on the dates below.',
  }),
];

describe('analyzeThread', () => {
  const facts = rollout.map((m) => extractMessageFacts(m, settings));
  // Arrival order must not matter.
  const thread = analyzeThread('rollout', [...facts].reverse(), settings);

  it('credits initiation to the first meaningful sender', () => {
    expect(thread.initiatedBy).toBe('us');
    expect(thread.firstMessage?.messageId).toBe('a1');
    expect(thread.counterpart).toBe('acme.com');
    expect(thread.messageIds).toEqual(['a1', 'auto', 'internal', 't1', 't2', 'a2', 't3']);
  });

  it('measures turns from the first unanswered message, skipping auto-replies and internal mail', () => {
    expect(thread.lags.map((l) => [l.responder, l.turnStartMessageId, l.replyMessageId, l.minutes, l.businessMinutes])).toEqual([
      // Mon 10:00 -> Tue 14:00: 28 h on the wall, 7 h + 5 h of working time. The 10:01 auto-reply is no answer.
      ['them', 'a1', 't1', 1680, 720],
      // Tue 14:00 (Tom, not Lisa's 16:00 follow-up) -> Wed 09:30: 3 h + 0.5 h of working time.
      ['us', 't1', 'a2', 1170, 210],
      ['them', 'a2', 't3', 90, 90],
    ]);
  });

  it('knows who owes the next reply, since when, and the last contact', () => {
    expect(thread.awaiting).toEqual({ side: 'us', since: '2026-11-04T10:00:00.000Z', lastMessageId: 't3' });
    expect(thread.lastContactAt).toBe('2026-11-04T10:00:00.000Z');
    expect(thread.contacts).toEqual(['lisa@acme.com', 'tom@acme.com']);
  });

  it('credits a thread the client started to them, and an unanswered one awaits us from their first message', () => {
    const inbound = analyzeThread(
      'logo',
      [
        mail({ id: 'j1', from: 'Jo <jo.freelance@gmail.com>', to: ['anna@northwind.io'], date: '2026-11-12T11:00:00+01:00', subject: 'Logo files', text: 'Can you confirm the logo sizes?' }),
        mail({ id: 'j2', from: 'Jo <jo.freelance@gmail.com>', to: ['anna@northwind.io'], date: '2026-11-13T11:00:00+01:00', subject: 'Re: Logo files', text: 'Any news?' }),
      ].map((m) => extractMessageFacts(m, settings)),
      settings,
    );
    expect(inbound.initiatedBy).toBe('them');
    expect(inbound.counterpart).toBe('jo.freelance@gmail.com');
    expect(inbound.lags).toEqual([]);
    expect(inbound.awaiting).toEqual({ side: 'us', since: '2026-11-12T10:00:00.000Z', lastMessageId: 'j2' });
  });

  it('measures a reply across the daylight-saving weekend in working time', () => {
    const dst = analyzeThread(
      'dst',
      [
        mail({ id: 'd1', from: 'tom@acme.com', to: ['anna@northwind.io'], date: '2026-03-27T16:00:00+01:00', subject: 'Contract', text: 'Please review the contract.' }),
        mail({ id: 'd2', from: 'anna@northwind.io', to: ['tom@acme.com'], date: '2026-03-30T10:00:00+02:00', subject: 'Re: Contract', text: 'Reviewed, all fine.' }),
      ].map((m) => extractMessageFacts(m, settings)),
      settings,
    );
    // 65 wall-clock hours (the night of 29 March is an hour short), 2 working hours.
    expect(dst.lags).toMatchObject([{ responder: 'us', minutes: 3900, businessMinutes: 120 }]);
    expect(dst.awaiting?.side).toBe('them');
  });

  it('has no counterpart, turns or contact when only automated and internal mail is present', () => {
    const empty = analyzeThread('news', [facts[1]!, facts[2]!], settings);
    expect(empty).toMatchObject({ counterpart: null, initiatedBy: null, lags: [], awaiting: null, lastContactAt: null });
  });
});

describe('closing messages', () => {
  it('a client ending with "Thanks!" leaves nothing awaiting our reply, but their reply still counts as a lag', () => {
    const closed = analyzeThread(
      'closed',
      [
        mail({ id: 'c1', from: 'tom@acme.com', to: ['anna@northwind.io'], date: '2026-11-02T10:00:00+01:00', subject: 'Invoice copy', text: 'Could you resend the October invoice?' }),
        mail({ id: 'c2', from: 'anna@northwind.io', to: ['tom@acme.com'], date: '2026-11-02T11:00:00+01:00', subject: 'Re: Invoice copy', text: 'Attached.\n\nBest,\nAnna' }),
        mail({ id: 'c3', from: 'Tom Reed <tom@acme.com>', to: ['anna@northwind.io'], date: '2026-11-02T11:30:00+01:00', subject: 'RE: Invoice copy', text: 'Perfect, thanks!\n\nTom\n\nFrom: Anna Berg\nSent: Monday, November 2, 2026 11:00 AM\nTo: Tom Reed\nSubject: Re: Invoice copy\n\nAttached.' }),
      ].map((m) => extractMessageFacts(m, settings)),
      settings,
    );
    expect(closed.awaiting).toBeNull();
    expect(closed.lags.map((l) => [l.responder, l.minutes])).toEqual([['us', 60], ['them', 30]]);
    expect(closed.lastContactAt).toBe('2026-11-02T10:30:00.000Z');
  });
});

describe('calendar notices', () => {
  const invitation = mail({
    id: 'inv',
    from: 'Anna Berg <anna@northwind.io>',
    to: ['tom@acme.com'],
    date: '2026-11-02T09:00:00+01:00',
    subject: 'Invitation: Kickoff workshop @ Thu Nov 12, 2026 10am - 12pm (CET) (tom@acme.com)',
    text: 'Kickoff workshop\nThursday Nov 12, 2026 10am - 12pm (CET)\nInvitation from Google Calendar',
  });
  const question = mail({
    id: 'q1',
    from: 'Anna Berg <anna@northwind.io>',
    to: ['tom@acme.com'],
    date: '2026-11-02T09:05:00+01:00',
    subject: 'Kickoff workshop attendees',
    text: 'Hi Tom,\n\nwho joins the kickoff from your side?\n\nBest,\nAnna',
  });
  // The client clicks "Yes" a minute later: the calendar writes this, not Tom.
  const acceptance = mail({
    id: 'acc',
    from: 'Tom Reed <tom@acme.com>',
    to: ['anna@northwind.io'],
    date: '2026-11-02T09:06:00+01:00',
    subject: 'Accepted: Kickoff workshop @ Thu Nov 12, 2026 10am - 12pm (CET) (tom@acme.com)',
    text: 'Tom Reed has accepted this invitation.',
  });
  const answer = mail({
    id: 'ans',
    from: 'Tom Reed <tom@acme.com>',
    to: ['anna@northwind.io'],
    date: '2026-11-03T14:00:00+01:00',
    subject: 'RE: Kickoff workshop attendees',
    inReplyTo: 'q1',
    text: 'Hi Anna, Lisa and Raj will join me. Should we prepare the data migration questions?',
  });
  const analyze = (messages: NormalizedMessage[]) => analyzeThread('kickoff', messages.map((m) => extractMessageFacts(m, settings)), settings);

  it('an acceptance is no fast reply and does not answer the question we are waiting on', () => {
    const waiting = analyze([invitation, question, acceptance]);
    // Counted as turns, the 09:06 acceptance would be a 6-minute lag and leave the thread awaiting our reply.
    expect(waiting.lags).toEqual([]);
    expect(waiting.awaiting).toEqual({ side: 'them', since: '2026-11-02T08:05:00.000Z', lastMessageId: 'q1' });
    // Not contact either: the last contact is still our question.
    expect(waiting.lastContactAt).toBe('2026-11-02T08:05:00.000Z');
    expect(waiting.lastMessage?.messageId).toBe('q1');
  });

  it("the lag runs from our question to the client's real answer", () => {
    const answered = analyze([invitation, question, acceptance, answer]);
    expect(answered.initiatedBy).toBe('us');
    expect(answered.firstMessage?.messageId).toBe('q1');
    // Mon 09:05 -> Tue 14:00: 28 h 55 min on the wall, 7 h 55 min + 5 h of working time.
    expect(answered.lags.map((l) => [l.responder, l.turnStartMessageId, l.replyMessageId, l.minutes, l.businessMinutes])).toEqual([
      ['them', 'q1', 'ans', 1735, 775],
    ]);
    expect(answered.awaiting).toEqual({ side: 'us', since: '2026-11-03T13:00:00.000Z', lastMessageId: 'ans' });
  });

  it("a client's invitation does not start the conversation", () => {
    const theirs = analyze([
      mail({
        id: 'einl',
        from: 'Tom Reed <tom@acme.com>',
        to: ['anna@northwind.io'],
        date: '2026-11-02T09:00:00+01:00',
        subject: 'Einladung: Quartalsreview @ Do. 12. Nov. 2026 10:00 - 11:00 (MEZ) (anna@northwind.io)',
        text: 'Quartalsreview\nEinladung von Google Kalender',
      }),
      mail({ id: 'us1', from: 'anna@northwind.io', to: ['tom@acme.com'], date: '2026-11-02T11:00:00+01:00', subject: 'Quartalsreview', text: 'Hi Tom, shall I bring the Q3 figures?' }),
    ]);
    // Counted as a turn, the invitation would credit the thread to them and make our 11:00 mail a 2-hour reply.
    expect(theirs.initiatedBy).toBe('us');
    expect(theirs.lags).toEqual([]);
    expect(theirs.awaiting).toEqual({ side: 'them', since: '2026-11-02T10:00:00.000Z', lastMessageId: 'us1' });
  });

  it('a thread of only an invitation and its answer has no counterpart, turns or contact', () => {
    expect(analyze([invitation, acceptance])).toMatchObject({ counterpart: null, initiatedBy: null, lags: [], awaiting: null, lastContactAt: null });
  });

  it('a person writing "Re: Accepted: ..." in the thread is still a turn', () => {
    const human = analyze([
      invitation,
      acceptance,
      mail({ id: 'hum', from: 'tom@acme.com', to: ['anna@northwind.io'], date: '2026-11-02T10:00:00+01:00', subject: 'Re: Accepted: Kickoff workshop', inReplyTo: 'acc', text: 'Can we start at 10:30 instead?' }),
    ]);
    expect(human.initiatedBy).toBe('them');
    expect(human.awaiting).toEqual({ side: 'us', since: '2026-11-02T09:00:00.000Z', lastMessageId: 'hum' });
  });
});

describe('initiation when the original is missing', () => {
  it('credits the other side when the first message we have answers one we do not', () => {
    const ourReply = analyzeThread(
      'orphan',
      [
        mail({ id: 'o1', from: 'anna@northwind.io', to: ['tom@acme.com'], date: '2026-11-02T10:00:00+01:00', subject: 'Re: Pricing question', inReplyTo: '<lost@acme.com>', text: 'Here are the prices.' }),
        mail({ id: 'o2', from: 'tom@acme.com', to: ['anna@northwind.io'], date: '2026-11-02T12:00:00+01:00', subject: 'RE: Pricing question', inReplyTo: 'o1', text: 'Thanks, will review.' }),
      ].map((m) => extractMessageFacts(m, settings)),
      settings,
    );
    expect(ourReply.initiatedBy).toBe('them');
    const theirReply = analyzeThread(
      'orphan-2',
      [mail({ id: 'p1', from: 'tom@acme.com', to: ['anna@northwind.io'], date: '2026-11-02T12:00:00+01:00', subject: 'AW: Angebot', text: 'Passt, danke.' })].map((m) => extractMessageFacts(m, settings)),
      settings,
    );
    expect(theirReply.initiatedBy).toBe('us');
  });

  it('credits us for forwarding something to a client, and a reply to an auto-notification to its sender', () => {
    const forward = analyzeThread(
      'fwd',
      [mail({ id: 'f1', from: 'anna@northwind.io', to: ['tom@acme.com'], date: '2026-11-02T10:00:00+01:00', subject: 'Fwd: Industry report', text: 'Tom, thought you would find this useful.' })].map((m) => extractMessageFacts(m, settings)),
      settings,
    );
    expect(forward.initiatedBy).toBe('us');
    const afterNotification = analyzeThread(
      'notif',
      [
        mail({ id: 'n1', from: 'Acme Portal <noreply@acme.com>', to: ['anna@northwind.io'], date: '2026-11-02T09:00:00+01:00', subject: 'Ticket 4411 updated', text: 'Status: waiting for customer' }),
        mail({ id: 'n2', from: 'anna@northwind.io', to: ['tom@acme.com'], date: '2026-11-02T10:00:00+01:00', subject: 'Re: Ticket 4411 updated', inReplyTo: 'n1', text: 'Tom, what do you need from us on 4411?' }),
      ].map((m) => extractMessageFacts(m, settings)),
      settings,
    );
    expect(afterNotification.initiatedBy).toBe('us');
  });
});

describe('extendThread: a thread grown one later message at a time is the thread analysed whole', () => {
  /** Mulberry32: a seeded generator, so a failure names the seed that makes it. */
  function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const people = ['Tom Reed <tom@acme.com>', 'Lisa Park <lisa@acme.com>', 'Dana Fox <dana@globex.example>'];
  const texts = [
    'Thanks, got it!',
    'Could you send the revised timeline?',
    'Can you confirm the date? And could you share the invoice?',
    "I'll send the deck by Friday.",
    'Sounds good, see the notes below.',
    'Out of office until Monday.',
  ];

  function randomThread(random: () => number, size: number): NormalizedMessage[] {
    const out: NormalizedMessage[] = [];
    let at = Date.parse('2026-11-02T08:00:00Z');
    for (let i = 0; i < size; i++) {
      const r = random();
      const ours = r < 0.45;
      const internal = r >= 0.45 && r < 0.52;
      const automated = r >= 0.52 && r < 0.58;
      at += Math.floor(random() * 3) === 0 ? 60_000 : Math.floor(random() * 3 * 86_400_000);
      const them = people[Math.floor(random() * people.length)]!;
      out.push(
        mail({
          id: `m${i}`,
          from: ours || internal ? 'Anna Berg <anna@northwind.io>' : them,
          to: internal ? ['ben@northwind.io'] : ours ? [them] : ['anna@northwind.io'],
          date: new Date(at).toISOString(),
          subject: i === 0 && random() < 0.3 ? 'Re: Q4 rollout plan' : 'Q4 rollout plan',
          text: texts[Math.floor(random() * texts.length)]!,
          ...(automated ? { headers: { 'Auto-Submitted': 'auto-replied' } } : {}),
          ...(i > 0 && random() < 0.5 ? { inReplyTo: `m${Math.floor(random() * i)}` } : {}),
          ...(i === 0 && random() < 0.3 ? { inReplyTo: 'missing-original' } : {}),
        }),
      );
    }
    return out;
  }

  it.each(Array.from({ length: 60 }, (_, seed) => seed))('seed %i', (seed) => {
    const random = rng(seed + 1);
    const messages = randomThread(random, 2 + Math.floor(random() * 14)).map((m) => extractMessageFacts(m, settings));
    let facts = analyzeThread('t', [], settings);
    let extended = 0;
    for (let i = 0; i < messages.length; i++) {
      const whole = analyzeThread('t', messages.slice(0, i + 1), settings);
      const next = extendThread(facts, messages[i]!, settings);
      if (next !== null) {
        expect(next, `message ${i}`).toEqual(whole);
        extended++;
      }
      facts = next ?? whole;
    }
    // Most messages simply extend their thread; the fallback is for the rare turn it cannot see.
    expect(extended).toBeGreaterThan(messages.length / 2);
  });

  it('refuses a message that is not later than the thread, or that the first message answers', () => {
    const [first, second] = [rollout[3]!, rollout[4]!].map((m) => extractMessageFacts(m, settings));
    const one = analyzeThread('t', [second!], settings);
    expect(extendThread(one, first!, settings)).toBeNull();
    const answering = extractMessageFacts(mail({ id: 'r1', from: 'Tom Reed <tom@acme.com>', to: ['anna@northwind.io'], date: '2026-11-05T10:00:00Z', inReplyTo: 'orig' }), settings);
    const original = extractMessageFacts(mail({ id: 'orig', from: 'Anna Berg <anna@northwind.io>', to: ['tom@acme.com'], date: '2026-11-06T10:00:00Z' }), settings);
    expect(extendThread(analyzeThread('t', [answering], settings), original, settings)).toBeNull();
  });
});
