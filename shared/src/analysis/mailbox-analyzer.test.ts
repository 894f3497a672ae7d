import { describe, expect, it } from 'vitest';
import { analysisDocumentSchema } from '../model/analysis-document';
import type { NormalizedMessage } from '../model/message';
import { analysisSettingsSchema } from '../model/settings';
import { analyzeMailbox, createMailboxAnalyzer } from './mailbox-analyzer';

const settings = analysisSettingsSchema.parse({ me: ['anna@northwind.io', 'anna.berg@northwind.io'], timeZone: 'Europe/Berlin', defaultCadenceDays: 14 });
const NOW = '2026-11-20T12:00:00.000Z';

const mailbox: NormalizedMessage[] = [
  // Acme: we start, promise, keep the promise, they complain, we answer.
  {
    id: '<a1@northwind.io>',
    from: 'Anna Berg <anna@northwind.io>',
    to: ['Tom Reed <tom@acme.com>'],
    date: '2026-11-02T10:00:00+01:00',
    subject: 'Q4 rollout plan',
    text: "Hi Tom,\n\nthanks for the call. I'll send you the revised timeline by Friday.\n\nBest,\nAnna\n\nSent from my iPhone",
  },
  {
    id: '<t1@acme.com>',
    from: 'Tom Reed <tom@mail.acme.com>',
    to: ['Anna Berg <anna@northwind.io>'],
    date: '2026-11-03T14:00:00+01:00',
    subject: 'RE: Q4 rollout plan',
    inReplyTo: '<a1@northwind.io>',
    references: ['<a1@northwind.io>'],
    text: 'Anna, honestly we are not happy with the delays so far.\n\nFrom: Anna Berg <anna@northwind.io>\nSent: Monday, November 2, 2026 10:00 AM\nTo: Tom Reed <tom@acme.com>\nSubject: Q4 rollout plan\n\nthanks for the call.',
  },
  {
    id: '<a2@northwind.io>',
    from: 'Anna Berg <anna.berg@northwind.io>',
    to: ['tom@acme.com'],
    date: '2026-11-04T09:30:00+01:00',
    subject: 'Re: Q4 rollout plan',
    inReplyTo: '<t1@acme.com>',
    references: ['<a1@northwind.io>', '<t1@acme.com>'],
    text: 'Tom, understood. Attached is the revised timeline.\n\nOn Tue, 3 Nov 2026 at 14:00, Tom Reed <tom@acme.com> wrote:\n> Anna, honestly we are not happy',
  },
  {
    id: '<ooo@acme.com>',
    from: 'Tom Reed <tom@acme.com>',
    to: ['anna@northwind.io'],
    date: '2026-11-18T09:00:00+01:00',
    subject: 'Automatic reply: Re: Q4 rollout plan',
    inReplyTo: '<a2@northwind.io>',
    text: 'I am out of office until 30 November.',
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' },
  },
  {
    id: '<news-77@news.acme.com>',
    from: 'Acme News <newsletter@news.acme.com>',
    to: ['anna@northwind.io'],
    date: '2026-11-19T07:00:00+01:00',
    subject: 'Acme product news, November',
    text: 'Our new releases ...',
    headers: { 'List-Unsubscribe': '<https://news.acme.com/unsub>' },
  },
  // Globex: they ask twice, we never answer.
  {
    id: '<g1@globex.co.uk>',
    from: 'Priya Shah <priya@globex.co.uk>',
    to: ['anna@northwind.io'],
    date: '2026-11-09T09:15:00+00:00',
    subject: 'Renewal quote',
    text: 'Hi Anna,\n\nCould you send us the renewal quote for 2027?\n\nKind regards,\nPriya',
  },
  {
    id: '<g2@globex.co.uk>',
    from: 'Priya Shah <priya@globex.co.uk>',
    to: ['anna@northwind.io'],
    date: '2026-11-16T09:15:00+00:00',
    subject: 'Re: Renewal quote',
    text: 'Any update? We need it to decide whether to cancel the contract.',
  },
  // A freelancer on Gmail: they write, we answer the same hour.
  {
    id: '<j1@mail.gmail.com>',
    from: 'Jo <jo.freelance@gmail.com>',
    to: ['anna@northwind.io'],
    date: '2026-11-17T11:00:00+01:00',
    subject: 'Logo files',
    text: 'Attached are the logo files.',
  },
  {
    id: '<a3@northwind.io>',
    from: 'anna@northwind.io',
    to: ['jo.freelance@gmail.com'],
    date: '2026-11-17T11:40:00+01:00',
    subject: 'Re: Logo files',
    inReplyTo: '<j1@mail.gmail.com>',
    text: 'Perfect, thank you!',
  },
  // Internal only.
  { id: '<b1@northwind.io>', from: 'ben@northwind.io', to: ['anna@northwind.io'], date: '2026-11-05T10:00:00+01:00', subject: 'Acme', text: 'How is Acme doing?' },
];

describe('createMailboxAnalyzer', () => {
  it('produces a valid document, worst relationship first', () => {
    const doc = analyzeMailbox(mailbox, settings, NOW);
    expect(analysisDocumentSchema.parse(doc)).toEqual(doc);
    expect(doc.counterparts.map((c) => c.key)).toEqual(['globex.co.uk', 'jo.freelance@gmail.com', 'acme.com']);
    const scores = doc.counterparts.map((c) => c.health.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  it('computes the figures a user sees for each client', () => {
    const doc = analyzeMailbox(mailbox, settings, NOW);
    const acme = doc.counterparts.find((c) => c.key === 'acme.com')!;
    expect(acme).toMatchObject({
      threads: 1,
      initiated: { us: 1, them: 0, share: 1 },
      // Neither the auto-reply of 18 Nov nor the newsletter of 19 Nov counts as contact.
      lastContactAt: '2026-11-04T08:30:00.000Z',
      daysSinceContact: 16.1,
      awaitingThem: [{ threadId: '<a1@northwind.io>', lastMessageId: '<a2@northwind.io>', since: '2026-11-04T08:30:00.000Z' }],
    });
    expect(acme.responseLag.ours).toMatchObject({ count: 1, medianMinutes: 1170, medianBusinessMinutes: 210 });
    expect(acme.contacts).toEqual(['tom@acme.com', 'tom@mail.acme.com']);
    expect(acme.risks.map((r) => r.kind)).toContain('dissatisfaction');

    const globex = doc.counterparts.find((c) => c.key === 'globex.co.uk')!;
    expect(globex.initiated).toEqual({ us: 0, them: 1, share: 0 });
    expect(globex.awaitingOurReply).toEqual([{ threadId: '<g1@globex.co.uk>', lastMessageId: '<g2@globex.co.uk>', since: '2026-11-09T09:15:00.000Z' }]);
    expect(globex.requests.map((r) => r.text)).toContain('Could you send us the renewal quote for 2027?');
    expect(globex.risks.map((r) => r.kind)).toEqual(['cancellation']);
    expect(globex.health.components.find((c) => c.id === 'awaiting')?.explanation).toMatch(/^1 conversation waits for our reply, the longest for 9\.\d working days/);

    expect(doc.promises).toMatchObject([
      { messageId: '<a1@northwind.io>', counterpart: 'acme.com', status: 'kept', keptBy: '<a2@northwind.io>', text: "I'll send you the revised timeline by Friday." },
    ]);
  });

  it('is idempotent by message id and incremental by thread', () => {
    const analyzer = createMailboxAnalyzer(settings);
    for (const m of mailbox) analyzer.add(m);
    const before = analyzer.result(NOW);
    const analysesBefore = analyzer.stats().threadAnalyses;
    for (const m of mailbox.slice(0, 3)) analyzer.add(m);
    expect(analyzer.stats()).toMatchObject({ messages: mailbox.length, skippedDuplicates: 3 });
    expect(analyzer.result(NOW)).toEqual(before);
    // Nothing changed, nothing re-analysed.
    expect(analyzer.stats().threadAnalyses).toBe(analysesBefore);

    // One reply to Globex re-analyses only that thread, and changes the picture.
    analyzer.add({
      id: '<a4@northwind.io>',
      from: 'anna@northwind.io',
      to: ['priya@globex.co.uk'],
      date: '2026-11-20T10:00:00+01:00',
      subject: 'Re: Renewal quote',
      inReplyTo: '<g2@globex.co.uk>',
      text: "Priya, apologies for the silence. I'll send the quote tomorrow.",
    });
    const after = analyzer.result(NOW);
    expect(analyzer.stats().threadAnalyses).toBe(analysesBefore + 1);
    const globex = after.counterparts.find((c) => c.key === 'globex.co.uk')!;
    expect(globex.awaitingOurReply).toEqual([]);
    expect(globex.requests).toEqual([]);
    expect(after.promises.find((p) => p.messageId === '<a4@northwind.io>')).toMatchObject({ status: 'open', counterpart: 'globex.co.uk' });
  });

  it('gives the same document whatever the arrival order and batching', () => {
    const all = analyzeMailbox(mailbox, settings, NOW);
    const reversed = analyzeMailbox([...mailbox].reverse(), settings, NOW);
    expect(reversed).toEqual(all);
    const batched = createMailboxAnalyzer(settings);
    for (const m of mailbox.slice(0, 4)) batched.add(m);
    batched.result('2026-11-05T00:00:00Z');
    for (const m of mailbox.slice(4)) batched.add(m);
    expect(batched.result(NOW)).toEqual(all);
    expect(batched.stats().threads).toBe(5);
  });

  it('lets touchpoints, cadences and verdicts change the picture', () => {
    const analyzer = createMailboxAnalyzer(settings);
    for (const m of mailbox) analyzer.add(m);
    analyzer.addTouchpoint({ id: '7d3f8c2a-5b1e-4f6a-9c0d-1e2f3a4b5c6d', counterpart: 'acme.com', kind: 'call', at: '2026-11-19T15:00:00+01:00', summary: 'Weekly call' });
    analyzer.setCadence('acme.com', 7);
    const doc = analyzer.result(NOW);
    const acme = doc.counterparts.find((c) => c.key === 'acme.com')!;
    expect(acme).toMatchObject({ lastContactAt: '2026-11-19T14:00:00.000Z', daysSinceContact: 0.9, cadenceDays: 7 });
    // A client known only from a logged meeting still appears.
    analyzer.addTouchpoint({ id: '7d3f8c2a-5b1e-4f6a-9c0d-1e2f3a4b5c6e', counterpart: 'initech.com', kind: 'meeting', at: '2026-11-10T10:00:00Z' });
    const promiseId = doc.promises[0]!.id;
    analyzer.setVerdict(promiseId, { status: 'dismissed' });
    const later = analyzer.result(NOW);
    expect(later.counterparts.map((c) => c.key)).toContain('initech.com');
    expect(later.promises[0]).toMatchObject({ id: promiseId, status: 'dismissed' });
  });

  it('measures a client against its own initiation target', () => {
    const analyzer = createMailboxAnalyzer(settings);
    for (const m of mailbox) analyzer.add(m);
    const initiation = () => analyzer.result(NOW).counterparts.find((c) => c.key === 'acme.com')!.health.components.find((c) => c.id === 'initiation')!;
    expect(initiation().target).toBe(80);
    analyzer.setInitiationTarget('ACME.com', 0.5);
    expect(initiation().target).toBe(50);
    analyzer.setInitiationTarget('acme.com', null);
    expect(initiation().target).toBe(80);
    expect(() => analyzer.setInitiationTarget('acme.com', 1.5)).toThrow(/initiation target for acme.com/);
  });

  it('drafts the progress report for a client', () => {
    const analyzer = createMailboxAnalyzer(settings);
    for (const m of mailbox) analyzer.add(m);
    const report = analyzer.report('acme.com', '2026-11-01T00:00:00Z', NOW);
    expect(report.text).toContain("- I'll send you the revised timeline by Friday. (delivered Wed 4 Nov 2026)");
    expect(report.text).toContain('Waiting on you\n- Q4 rollout plan (waiting since Wed 4 Nov 2026)');
    expect(report.text.trimEnd().endsWith('Are there any other issues we should discuss?')).toBe(true);
  });

  it('works for a freelancer on free-mail whose clients are on free-mail too', () => {
    const freelancer = analysisSettingsSchema.parse({ me: ['maria.designs@gmail.com'], timeZone: 'America/New_York' });
    const doc = analyzeMailbox(
      [
        { id: 'f1', from: 'Sam Lee <sam.lee.bakery@gmail.com>', to: ['maria.designs@gmail.com'], date: '2026-11-02T09:00:00-05:00', subject: 'Menu design', text: 'Hi Maria, could you design our holiday menu?' },
        { id: 'f2', from: 'Maria <maria.designs@gmail.com>', to: ['sam.lee.bakery@gmail.com'], date: '2026-11-02T10:30:00-05:00', subject: 'Re: Menu design', inReplyTo: 'f1', text: "Happy to! I'll send you two drafts by Thursday.\n\nMaria" },
        { id: 'f3', from: 'Ops <ops@corner-cafe.com>', to: ['maria.designs@gmail.com'], date: '2026-11-03T09:00:00-05:00', subject: 'Logo refresh', text: 'Do you have time for a logo refresh in December?' },
      ],
      freelancer,
      '2026-11-06T12:00:00-05:00',
    );
    expect(doc.counterparts.map((c) => c.key).sort()).toEqual(['corner-cafe.com', 'sam.lee.bakery@gmail.com']);
    const sam = doc.counterparts.find((c) => c.key === 'sam.lee.bakery@gmail.com')!;
    expect(sam.responseLag.ours).toMatchObject({ count: 1, medianMinutes: 90, medianBusinessMinutes: 90 });
    expect(doc.promises).toMatchObject([{ counterpart: 'sam.lee.bakery@gmail.com', status: 'overdue' }]);
  });

  it('rejects a bad time zone or `now` with a clear message', () => {
    expect(() => createMailboxAnalyzer({ ...settings, timeZone: 'Mars/Olympus' })).toThrow(/Unknown time zone "Mars\/Olympus"/);
    expect(() => createMailboxAnalyzer(settings).result('soon')).toThrow(/now "soon"/);
    expect(() => createMailboxAnalyzer({ ...settings, me: [] })).toThrow(/^settings\.me: /);
    expect(() => createMailboxAnalyzer({ ...settings, workingHours: { start: '9am', end: '17:00', days: [1] } })).toThrow(/settings\.workingHours\.start: expected HH:MM/);
  });
});

describe('addMany', () => {
  it('gives what add() gives message by message, in batches of any size, duplicates and failures included', () => {
    const bad: NormalizedMessage = { ...mailbox[0]!, id: '<bad-date@northwind.io>', date: 'not a date' };
    // A copy within a batch, a copy in a later batch, and a message that cannot be read.
    const input = [...mailbox.slice(0, 3), mailbox[1]!, bad, ...mailbox.slice(3), mailbox[0]!];
    const one = createMailboxAnalyzer(settings);
    const thrown = input.map((m) => {
      try {
        one.add(m);
        return null;
      } catch (error) {
        return (error as Error).name;
      }
    });
    expect(thrown.filter(Boolean)).toHaveLength(1);
    for (const size of [1, 2, 5, input.length]) {
      const many = createMailboxAnalyzer(settings);
      const errors: (string | null)[] = [];
      for (let i = 0; i < input.length; i += size) errors.push(...many.addMany(input.slice(i, i + size)).map((e) => e?.name ?? null));
      expect({ size, errors }).toEqual({ size, errors: thrown });
      expect(many.result(NOW)).toEqual(one.result(NOW));
      expect(many.stats()).toEqual(one.stats());
    }
  });
});
