import { describe, expect, it } from 'vitest';
import type { MessageFacts } from '../model/facts';
import { createThreader, isReplySubject, normalizeSubject, resolveThreadId, stripSubjectPrefixes, subjectThreadKey } from './threading';

function facts(id: string, subject: string, sentAt: string, extra: Partial<MessageFacts> = {}): MessageFacts {
  return {
    id,
    subject,
    normalizedSubject: normalizeSubject(subject),
    sentAt,
    from: { address: 'tom@acme.com' },
    to: [{ address: 'anna@northwind.io' }],
    cc: [],
    direction: 'inbound',
    automated: false,
    counterparts: ['acme.com'],
    references: [],
    readAs: 'inbound',
    promises: [],
    requests: [],
    risks: [],
    ...extra,
  };
}

describe('normalizeSubject', () => {
  it('strips reply and forward prefixes of many mail clients, repeated', () => {
    expect(normalizeSubject('Re: RE: Fwd: Q4 rollout plan')).toBe('q4 rollout plan');
    expect(normalizeSubject('AW: WG: Angebot   Q4')).toBe('angebot q4');
    expect(normalizeSubject('SV: VS: Tilbud')).toBe('tilbud');
    expect(normalizeSubject('TR: Antw: devis')).toBe('devis');
    expect(normalizeSubject('RE[2]: FW: [EXTERNAL] Contract renewal')).toBe('contract renewal');
    expect(normalizeSubject('[acme-project] Re: Sprint review')).toBe('sprint review');
    expect(normalizeSubject('Fwd:Logo files')).toBe('logo files');
  });

  it('strips prefixes for display, keeping the case', () => {
    expect(stripSubjectPrefixes('RE: AW: Q4 Rollout   Plan')).toBe('Q4 Rollout Plan');
  });

  it('keeps words that merely start like a prefix', () => {
    expect(normalizeSubject('Renewal terms')).toBe('renewal terms');
    expect(normalizeSubject('Forecast: Q1')).toBe('forecast: q1');
    expect(normalizeSubject('Travel plans')).toBe('travel plans');
  });

  it('tells replies from fresh messages', () => {
    expect(isReplySubject('Re: Q4 plan')).toBe(true);
    expect(isReplySubject('[EXT] AW: Angebot')).toBe(true);
    expect(isReplySubject('Q4 plan')).toBe(false);
  });
});

describe('resolveThreadId and createThreader', () => {
  it('uses the provider thread id when there is one', () => {
    const threader = createThreader();
    expect(threader.assign(facts('a', 'Hello', '2026-11-02T10:00:00Z', { providedThreadId: '18c2f0a9' }))).toBe('18c2f0a9');
  });

  it('follows In-Reply-To and References, even when the original is missing or arrives last', () => {
    const threader = createThreader();
    // Two replies to an original we never received land together ...
    const t1 = threader.assign(facts('<r1@acme.com>', 'Re: Budget', '2026-11-03T10:00:00Z', { inReplyTo: '<orig@northwind.io>', references: ['<orig@northwind.io>'] }));
    const t2 = threader.assign(facts('<r2@acme.com>', 'Re: Budget', '2026-11-03T11:00:00Z', { from: { address: 'lisa@acme.com' }, references: ['<orig@northwind.io>'] }));
    expect(t2).toBe(t1);
    // ... and so does the original when it shows up later.
    expect(threader.assign(facts('<orig@northwind.io>', 'Budget', '2026-11-02T10:00:00Z'))).toBe(t1);
  });

  it('joins a reply by subject and counterpart when headers were lost', () => {
    const threader = createThreader();
    const first = threader.assign(facts('<a1@northwind.io>', 'Q4 rollout plan', '2026-11-02T09:00:00Z', { direction: 'outbound', from: { address: 'anna@northwind.io' }, to: [{ address: 'tom@acme.com' }] }));
    expect(threader.assign(facts('<a2@acme.com>', 'RE: Q4 rollout plan', '2026-11-04T09:00:00Z'))).toBe(first);
  });

  it('does not merge same-subject threads of different clients, far-apart dates or fresh messages', () => {
    const threader = createThreader();
    const acme = threader.assign(facts('<x1@acme.com>', 'Invoice 2026-11', '2026-11-02T09:00:00Z'));
    const globex = threader.assign(facts('<x2@globex.com>', 'Re: Invoice 2026-11', '2026-11-03T09:00:00Z', { from: { address: 'ap@globex.com' }, counterparts: ['globex.com'] }));
    expect(globex).not.toBe(acme);
    // Six weeks later "Re: Invoice 2026-11" from Acme is a new conversation.
    expect(threader.assign(facts('<x3@acme.com>', 'Re: Invoice 2026-11', '2026-12-20T09:00:00Z'))).not.toBe(acme);
    // A fresh (non-reply) message with the same subject starts its own thread.
    const weekly1 = threader.assign(facts('<w1@acme.com>', 'Weekly status', '2026-11-06T09:00:00Z'));
    const weekly2 = threader.assign(facts('<w2@acme.com>', 'Weekly status', '2026-11-13T09:00:00Z'));
    expect(weekly2).not.toBe(weekly1);
  });

  it('merges generic subjects only within a few days', () => {
    const threader = createThreader();
    const q = threader.assign(facts('<q1@acme.com>', 'Quick question', '2026-11-02T09:00:00Z'));
    expect(threader.assign(facts('<q2@acme.com>', 'Re: Quick question', '2026-11-03T09:00:00Z'))).toBe(q);
    expect(threader.assign(facts('<q3@acme.com>', 'Re: Quick question', '2026-11-12T09:00:00Z'))).not.toBe(q);
    // An empty subject never joins anything by subject.
    const e1 = threader.assign(facts('<e1@acme.com>', '', '2026-11-02T09:00:00Z'));
    expect(threader.assign(facts('<e2@acme.com>', 'Re:', '2026-11-02T10:00:00Z'))).not.toBe(e1);
  });

  it('assigns the same threads without change tracking, and then refuses to report changes', () => {
    const mail = [
      facts('<r1@acme.com>', 'Re: Budget', '2026-11-03T10:00:00Z', { inReplyTo: '<orig@northwind.io>', references: ['<orig@northwind.io>'] }),
      facts('<orig@northwind.io>', 'Budget', '2026-11-02T10:00:00Z'),
      facts('<q1@acme.com>', 'Quick question', '2026-11-02T09:00:00Z'),
      facts('<q2@acme.com>', 'Re: Quick question', '2026-11-03T09:00:00Z'),
    ];
    const tracked = createThreader();
    const untracked = createThreader({}, { trackChanges: false });
    expect(mail.map((m) => untracked.assign(m))).toEqual(mail.map((m) => tracked.assign(m)));
    expect(untracked.threadOf('<orig@northwind.io>')).toBe(tracked.threadOf('<orig@northwind.io>'));
    expect(tracked.changes().messageThreads.length).toBeGreaterThan(0);
    expect(() => untracked.changes()).toThrow(/trackChanges/);
  });

  it('works against any ThreadIndex, e.g. a database-backed one', () => {
    const f = facts('<n@acme.com>', 'Re: Contract', '2026-11-02T09:00:00Z', { inReplyTo: '<p@northwind.io>' });
    const lookups: string[] = [];
    const id = resolveThreadId(f, {
      threadOfMessage: (m) => (lookups.push(m), undefined),
      threadOfSubjectKey: (key) => (key === subjectThreadKey(f) ? 'db-thread-7' : undefined),
    });
    expect(id).toBe('db-thread-7');
    expect(lookups).toEqual(['<n@acme.com>', '<p@northwind.io>']);
    expect(resolveThreadId(facts('<new@acme.com>', 'Hello', '2026-11-02T09:00:00Z'), { threadOfMessage: () => undefined, threadOfSubjectKey: () => undefined })).toBe('<new@acme.com>');
  });
});

describe('late originals', () => {
  it('joins an original that arrives after its header-less replies, but not a later fresh message', () => {
    const threader = createThreader();
    const reply = threader.assign(facts('<g2@globex.co.uk>', 'Re: Renewal quote', '2026-11-16T09:15:00Z', { from: { address: 'priya@globex.co.uk' }, counterparts: ['globex.co.uk'] }));
    const original = threader.assign(facts('<g1@globex.co.uk>', 'Renewal quote', '2026-11-09T09:15:00Z', { from: { address: 'priya@globex.co.uk' }, counterparts: ['globex.co.uk'] }));
    expect(original).toBe(reply);
    // The thread has its original now: next year's "Renewal quote" is a new conversation.
    const next = threader.assign(facts('<g9@globex.co.uk>', 'Renewal quote', '2026-11-10T09:15:00Z', { from: { address: 'priya@globex.co.uk' }, counterparts: ['globex.co.uk'] }));
    expect(next).not.toBe(reply);
  });
});
