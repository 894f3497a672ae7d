import { describe, expect, it } from 'vitest';
import type { PromiseRecord } from '../model/promise';
import { analysisSettingsSchema } from '../model/settings';
import { buildProgressReport, CLOSING_QUESTION, formatReportDate, REPORT_SECTION_LIMIT, type ProgressReportInput } from './progress-report';

const settings = analysisSettingsSchema.parse({ me: ['anna@northwind.io'], timeZone: 'Europe/Berlin' });

function promise(over: Partial<PromiseRecord>): PromiseRecord {
  return {
    id: over.text ?? 'p',
    messageId: 'm',
    threadId: 't',
    counterpart: 'acme.com',
    text: "I'll send the revised timeline by Friday.",
    madeAt: '2026-11-02T09:00:00.000Z',
    dueAt: '2026-11-06T16:00:00.000Z',
    dueIsDefault: false,
    status: 'open',
    keptBy: null,
    ...over,
  };
}

const input: ProgressReportInput = {
  counterpart: 'acme.com',
  name: null,
  since: '2026-11-01T00:00:00.000Z',
  now: '2026-11-20T12:00:00.000Z',
  promises: [
    promise({ text: "I'll send the revised timeline by Friday.", status: 'kept', keptBy: 'a2', keptAt: '2026-11-05T10:00:00.000Z' }),
    promise({ text: "We'll deliver the data migration (60% done) by next Friday.", status: 'open', dueAt: '2026-11-27T16:00:00.000Z' }),
    promise({ text: "I'll get back to you on the SSO question tomorrow.", status: 'overdue', dueAt: '2026-11-11T16:00:00.000Z' }),
    promise({ text: "I'll share the test plan next week.", status: 'kept-late', dueAt: '2026-11-13T16:00:00.000Z', keptAt: '2026-11-16T09:00:00.000Z' }),
    promise({ text: "We'll run the <b>load test</b> & report.", status: 'open', dueAt: '2026-11-25T16:00:00.000Z', originalDueAt: '2026-11-18T16:00:00.000Z' }),
    promise({ text: 'Kept long ago.', status: 'kept', keptAt: '2026-10-01T10:00:00.000Z' }),
    promise({ text: "I'll call Globex.", counterpart: 'globex.com', status: 'overdue' }),
  ],
  touchpoints: [
    { id: '3c0c1b0e-7a39-4b8e-b6a1-2f0f0a9c8d01', counterpart: 'acme.com', kind: 'meeting', at: '2026-11-12T10:00:00Z', summary: 'Steering committee: go-live confirmed' },
    { id: '3c0c1b0e-7a39-4b8e-b6a1-2f0f0a9c8d02', counterpart: 'acme.com', kind: 'invoice', at: '2026-11-15T10:00:00Z', summary: 'INV-2026-114, EUR 12,400' },
    { id: '3c0c1b0e-7a39-4b8e-b6a1-2f0f0a9c8d03', counterpart: 'acme.com', kind: 'call', at: '2026-10-20T10:00:00Z', summary: 'Before the period' },
  ],
  requests: [{ messageId: 't3', threadId: 'rollout', text: 'Can you confirm the go-live date?', at: '2026-11-18T10:00:00.000Z' }],
  awaitingThem: [{ threadId: 'access', since: '2026-11-17T09:00:00.000Z', subject: 'VPN access for the migration team' }],
  risks: [{ kind: 'dissatisfaction', side: 'them', messageId: 'x', threadId: 'rollout', text: 'We are not happy with the delays.', at: '2026-11-03T13:00:00.000Z' }],
  settings,
};

describe('buildProgressReport', () => {
  const report = buildProgressReport(input);
  const section = (title: string): string => {
    const start = report.text.indexOf(`\n${title}\n`);
    const end = report.text.indexOf('\n\n', start + 1);
    return report.text.slice(start + 1, end);
  };

  it('titles the report with client and period, in the user zone', () => {
    expect(report.text.split('\n')[0]).toBe('Progress report: acme.com, Sun 1 Nov 2026 to Fri 20 Nov 2026');
    expect(formatReportDate('2026-11-01T23:30:00Z', 'Europe/Berlin')).toBe('Mon 2 Nov 2026');
  });

  it('lists what was done in the period: kept promises and touchpoints', () => {
    expect(section('Done since last report')).toBe(
      [
        'Done since last report',
        "- I'll send the revised timeline by Friday. (delivered Thu 5 Nov 2026)",
        "- I'll share the test plan next week. (delivered Mon 16 Nov 2026)",
        '- Meeting on Thu 12 Nov 2026: Steering committee: go-live confirmed',
      ].join('\n'),
    );
  });

  it('lists action items by due date with status and % where known, and their open requests', () => {
    expect(section('Action items')).toBe(
      [
        'Action items',
        "- I'll get back to you on the SSO question tomorrow. (overdue, was due Wed 11 Nov 2026)",
        "- We'll run the <b>load test</b> & report. (open, due Wed 25 Nov 2026)",
        "- We'll deliver the data migration (60% done) by next Friday. (open, due Fri 27 Nov 2026, 60% done)",
        '- Answer your request: "Can you confirm the go-live date?" (asked Wed 18 Nov 2026)',
      ].join('\n'),
    );
  });

  it('lists what we wait for, schedule changes and invoices', () => {
    expect(section('Waiting on you')).toBe('Waiting on you\n- VPN access for the migration team (waiting since Tue 17 Nov 2026)');
    expect(section('Schedule changes')).toBe(
      [
        'Schedule changes',
        "- I'll get back to you on the SSO question tomorrow: planned for Wed 11 Nov 2026, not delivered yet",
        "- I'll share the test plan next week: delivered Mon 16 Nov 2026, planned for Fri 13 Nov 2026",
        "- We'll run the <b>load test</b> & report: moved from Wed 18 Nov 2026 to Wed 25 Nov 2026",
      ].join('\n'),
    );
    expect(section('Invoices')).toBe('Invoices\n- Sun 15 Nov 2026: INV-2026-114, EUR 12,400');
    expect(report.text).not.toContain('Globex');
    expect(report.text).not.toContain('Before the period');
  });

  it('always closes with the question, in text and HTML, and escapes mail content in HTML', () => {
    expect(report.text.trimEnd().endsWith(CLOSING_QUESTION)).toBe(true);
    expect(report.html).toContain(`<p>${CLOSING_QUESTION}</p>`);
    expect(report.html).toContain('&lt;b&gt;load test&lt;/b&gt; &amp; report');
    expect(report.html).not.toContain('<b>load test</b>');
    expect(report.html).toContain('<h2>Waiting on you</h2>');
  });

  it('says so when a section is empty', () => {
    const empty = buildProgressReport({ ...input, since: null, promises: [], touchpoints: [], requests: [], awaitingThem: [], risks: [] });
    expect(empty.text).toContain('Action items\n- No open action items.');
    expect(empty.text).toContain('Progress report: acme.com, up to Fri 20 Nov 2026');
    expect(empty.text.trimEnd().endsWith(CLOSING_QUESTION)).toBe(true);
  });

  it('uses the client name the user set, and the thread subject for what we wait for', () => {
    const named = buildProgressReport({ ...input, name: 'Acme Logistics', awaitingThem: [{ threadId: 'x', since: '2026-11-17T09:00:00.000Z', subject: '' }] });
    expect(named.text.split('\n')[0]).toBe('Progress report: Acme Logistics, Sun 1 Nov 2026 to Fri 20 Nov 2026');
    expect(named.text).toContain('- (no subject) (waiting since Tue 17 Nov 2026)');
  });

  it('stays one page for a client with years of open promises: a few per section, then how many more', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      promise({ id: `p${i}`, text: `Promise number ${i}.`, status: 'overdue', dueAt: new Date(Date.parse('2026-06-01T16:00:00Z') + i * 86_400_000).toISOString() }),
    );
    const long = buildProgressReport({ ...input, promises: many.slice(0, 10), totals: { actions: 1_231 } });
    const actions = long.text.slice(long.text.indexOf('\nAction items\n') + 1, long.text.indexOf('\n\n', long.text.indexOf('\nAction items\n') + 1)).split('\n');
    expect(actions).toHaveLength(1 + REPORT_SECTION_LIMIT + 1);
    expect(actions[actions.length - 1]).toBe(`- ... and ${1_231 - REPORT_SECTION_LIMIT} more`);
    expect(buildProgressReport({ ...input, promises: many }).text).toContain(`- ... and ${30 - REPORT_SECTION_LIMIT} more`);
  });

  it('names a bad period date', () => {
    expect(() => buildProgressReport({ ...input, since: 'last month' })).toThrow(/acme\.com: since "last month" is not a date/);
  });
});

describe('the latest quarterly review and the open risks', () => {
  it('lists the review\'s threats and risks, and open risk signals the period does not already list', () => {
    const report = buildProgressReport({
      ...input,
      review: { at: '2026-11-10T15:00:00.000Z', threats: 'A competitor pitched to their CFO.', risks: 'Go-live could slip past January.' },
      openRisks: [
        ...input.risks,
        { kind: 'escalation', side: 'them', messageId: 'y', threadId: 'billing', text: 'We will escalate the invoice dispute to our CFO.', at: '2026-10-12T09:00:00.000Z' },
        { kind: 'bad-news', side: 'us', messageId: 'z', threadId: 'rollout', text: 'Unfortunately the vendor delayed the hardware.', at: '2026-10-14T09:00:00.000Z' },
      ],
    });
    const start = report.text.indexOf('\nRisks and threats we are watching\n');
    expect(report.text.slice(start + 1, report.text.indexOf('\n\n', start + 1))).toBe(
      [
        'Risks and threats we are watching',
        '- Threats (quarterly review of Tue 10 Nov 2026): A competitor pitched to their CFO.',
        '- Risks reviewed (Tue 10 Nov 2026): Go-live could slip past January.',
        '- Mon 12 Oct 2026: "We will escalate the invoice dispute to our CFO."',
      ].join('\n'),
    );
    expect(report.html).toContain('<h2>Risks and threats we are watching</h2>');
    expect(buildProgressReport(input).text).not.toContain('Risks and threats');
  });
});
