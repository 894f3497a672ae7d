import { describe, expect, it } from 'vitest';
import { act } from 'react';
import type { Org, OrgCounterpartDetail, OrgMember, TeamCounterpart, TeamMemberStats, UpdateOrgCounterpartRequest } from '@followthrough/shared/contract';
import type { Touchpoint } from '@followthrough/shared/model';
import { hashFor, readHash } from './clients-app';
import { TeamClientPage } from './team-client-page';
import type { TeamData } from './team-data';
import { TeamView } from './team-view';
import { reactTestRoot } from '../react-test-root';

const react = reactTestRoot();

const HOURS = { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };
const dana = { userId: 'u-dana', email: 'dana@northwind-studio.com', name: 'Dana Whitfield' };
const priya = { userId: 'u-priya', email: 'priya@northwind-studio.com', name: 'Priya Raman' };
const lag = (median: number | null) => ({ count: median === null ? 0 : 3, medianMinutes: median, medianBusinessMinutes: median, p90Minutes: median, p90BusinessMinutes: median });
const tally = { open: 1, overdue: 1, kept: 2, keptLate: 0, possiblyKept: 0, done: 0, dismissed: 0, oldestOverdueDueAt: null };
const health = (score: number) => ({
  score,
  components: [
    { id: 'promises' as const, label: 'Promises', value: 1, target: 0, unit: 'overdue', contribution: 10, weight: 25, explanation: '1 promise is overdue.' },
    { id: 'silence' as const, label: 'Silence', value: 20, target: 14, unit: 'days', contribution: 5, weight: 20, explanation: 'Nobody in the team wrote for 20 days (cadence 14).' },
  ],
});

function client(over: Partial<TeamCounterpart> = {}): TeamCounterpart {
  return {
    key: 'acme-logistics.com',
    name: 'Acme Logistics',
    cadenceDays: 14,
    renewalDate: '2027-01-31',
    owner: priya,
    contacts: ['marco.bellini@acme-logistics.com'],
    threads: 4,
    initiated: { us: 1, them: 3, share: 0.25 },
    responseLag: { ours: lag(120), theirs: lag(60) },
    lastContactAt: '2026-11-20T10:00:00.000Z',
    daysSinceContact: 3,
    lastContactBy: priya,
    awaitingOurReplyCount: 1,
    awaitingThemCount: 0,
    requestCount: 2,
    riskCount: 1,
    promises: tally,
    health: health(58),
    departments: [
      { department: 'delivery', touchpoints: 1, lastAt: '2026-11-20T10:00:00.000Z' },
      { department: 'finance', touchpoints: 1, lastAt: '2026-11-19T10:00:00.000Z' },
    ],
    members: [
      { ...dana, department: 'delivery', threads: 3, lastContactAt: '2026-11-18T10:00:00.000Z', openPromises: 1, overduePromises: 1, touchpoints: 2 },
      { ...priya, department: 'sales', threads: 1, lastContactAt: '2026-11-20T10:00:00.000Z', openPromises: 0, overduePromises: 0, touchpoints: 0 },
    ],
    ...over,
  };
}

const stats: TeamMemberStats[] = [
  { ...dana, role: 'admin', department: 'delivery', clients: 2, threads: 3, initiated: { us: 1, them: 2, share: 1 / 3 }, replyLag: lag(45), promises: tally, keepRate: 2 / 3 },
  { ...priya, role: 'member', department: 'sales', clients: 1, threads: 1, initiated: { us: 1, them: 0, share: 1 }, replyLag: lag(null), promises: { ...tally, overdue: 0 }, keepRate: null },
];

const detail = (over: Partial<OrgCounterpartDetail> = {}): OrgCounterpartDetail => ({
  counterpart: client(),
  profile: { name: 'Acme Logistics', cadenceDays: 14, renewalDate: '2027-01-31', notes: null, ownerUserId: 'u-priya', reviewIntervalDays: null, feedbackIntervalDays: null },
  timeline: [
    { id: 't1', counterpart: 'acme-logistics.com', kind: 'call', at: '2026-11-20T10:00:00.000Z', summary: 'Walked Marco through the cut-over', department: 'delivery', createdAt: '2026-11-20T10:00:00.000Z', member: dana },
    { id: 't2', counterpart: 'acme-logistics.com', kind: 'invoice', at: '2026-11-19T10:00:00.000Z', summary: 'Invoice 2026-114 reissued', department: 'finance', createdAt: '2026-11-19T10:00:00.000Z', member: dana },
  ],
  timelineCount: 2,
  latestReview: {
    touchpointId: 'r1',
    at: '2026-09-01T10:00:00.000Z',
    member: priya,
    review: { strengths: 'Ops trust us', weaknesses: '', opportunities: 'Hamburg site', threats: 'Budget review in Q2', risks: 'Go-live slip' },
  },
  reviewDueAt: '2026-11-30T10:00:00.000Z',
  sentences: {
    promises: [],
    requests: [{ messageId: 'm1', threadId: 'th1', text: 'Could you reissue invoice 2026-114?', at: '2026-11-18T10:00:00.000Z', member: dana }],
    risks: [],
  },
  withheld: { members: 1, openPromises: 2, requests: 1, risks: 1 },
  ...over,
});

const org = (role: Org['role']): Org => ({ id: 'org-1', name: 'Northwind Studio', role, shareSentences: false, memberCount: 2, createdAt: '2026-11-01T00:00:00.000Z' });

function fakeData(calls: { lists: string[]; stats: number; patches: UpdateOrgCounterpartRequest[]; touchpoints: Touchpoint[] }, page: () => OrgCounterpartDetail = () => detail()): TeamData {
  const members: OrgMember[] = [
    { ...dana, role: 'admin', department: 'delivery', shareSentences: true, joinedAt: '2026-11-01T00:00:00.000Z' },
    { ...priya, role: 'member', department: 'sales', shareSentences: false, joinedAt: '2026-11-02T00:00:00.000Z' },
  ];
  return {
    orgs: async () => ({ status: 'ok', data: { orgs: [org('admin')] } }),
    list: async (_orgId, q) => {
      calls.lists.push(q.filter ?? 'all');
      const items = q.filter === 'renewal' ? [client()] : q.filter === 'silent' ? [client({ key: 'globex.example', name: null, owner: null, lastContactBy: dana })] : [client(), client({ key: 'globex.example', name: null, health: health(81), departments: [] })];
      return { status: 'ok', data: { counterparts: items, total: items.length, nextCursor: null } };
    },
    client: async () => ({ status: 'ok', data: page() }),
    timeline: async () => ({ status: 'ok', data: { touchpoints: page().timeline, total: page().timelineCount, nextCursor: null } }),
    stats: async () => {
      calls.stats += 1;
      return { status: 'ok', data: { members: stats } };
    },
    members: async () => ({ status: 'ok', data: { members } }),
    saveProfile: async (_orgId, key, patch) => {
      calls.patches.push(patch);
      return { status: 'ok', data: { key, profile: { ...page().profile, ...patch } as OrgCounterpartDetail['profile'] } };
    },
    logTouchpoint: async (t) => {
      calls.touchpoints.push(t);
    },
    newId: () => '9b2e4c6a-1d3f-4a5b-8c7d-0e1f2a3b4c5d',
  };
}

async function render(node: React.ReactNode) {
  const container = await react.mount(node);
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
  return container;
}

const all = (el: Element, testId: string) => Array.from(el.querySelectorAll(`[data-testid="${testId}"]`));
const one = (el: Element, testId: string) => el.querySelector(`[data-testid="${testId}"]`)!;

async function type(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  await act(async () => {
    const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

describe("the Clients view's team mode", () => {
  it("shows a manager every member's keep rate, initiation share and reply lag, who is silent, renewals with their owner, and the clients by health", async () => {
    const calls = { lists: [] as string[], stats: 0, patches: [], touchpoints: [] };
    const opened: string[] = [];
    const el = await render(<TeamView data={fakeData(calls)} org={org('manager')} open={(k) => opened.push(k)} workingHours={HOURS} />);
    const members = all(el, 'ft-team-member');
    expect(members.map((m) => m.getAttribute('data-email'))).toEqual([dana.email, priya.email]);
    expect(one(members[0]!, 'ft-team-member-keep').textContent).toBe('67%');
    expect(one(members[0]!, 'ft-team-member-initiation').textContent).toBe('33% (1 of 3)');
    expect(one(members[0]!, 'ft-team-member-lag').textContent).toBe('45 working minutes');
    expect(one(members[1]!, 'ft-team-member-keep').textContent).toBe('—');
    expect(one(members[1]!, 'ft-team-member-lag').textContent).toBe('no replies yet');

    expect(one(el, 'ft-team-silent-item').textContent).toContain('last contact Nov 20, 2026 by Dana Whitfield, cadence every 14 days');
    expect(one(el, 'ft-team-renewals-item').textContent).toContain('renews 2027-01-31 · owner Priya Raman');
    expect(calls.lists.sort()).toEqual(['all', 'renewal', 'silent']);

    const rows = all(el, 'ft-team-row');
    expect(rows.map((r) => r.getAttribute('data-key'))).toEqual(['acme-logistics.com', 'globex.example']);
    expect(one(rows[0]!, 'ft-team-row-last').textContent).toBe('Last contact Nov 20, 2026 by Priya Raman');
    expect(one(rows[0]!, 'ft-team-row-members').textContent).toBe('Dana Whitfield, Priya Raman');
    expect(Array.from(one(rows[0]!, 'ft-team-row-departments').querySelectorAll('li')).map((li) => li.textContent)).toEqual(['Delivery 1', 'Finance 1']);
    expect(one(el, 'ft-team-total').textContent).toBe('2 clients across 2 members, worst health first');

    await act(async () => rows[0]!.querySelector<HTMLButtonElement>('button.ft-client-name')!.click());
    expect(opened).toEqual(['acme-logistics.com']);
    await act(async () => one(el, 'ft-team-filter-silent').dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(calls.lists.at(-1)).toBe('silent');
    expect(one(el, 'ft-team-list').getAttribute('data-filter')).toBe('silent');
  });

  it("does not ask for members' figures for a plain member", async () => {
    const calls = { lists: [] as string[], stats: 0, patches: [], touchpoints: [] };
    const el = await render(<TeamView data={fakeData(calls)} org={org('member')} open={() => undefined} workingHours={HOURS} />);
    expect(calls.stats).toBe(0);
    expect(el.querySelector('[data-testid="ft-team-members"]')).toBeNull();
    expect(all(el, 'ft-team-row')).toHaveLength(2);
  });

  it("the client's 360° page: members, departments, the merged timeline by department, the latest review, what is shared and what is withheld", async () => {
    const calls = { lists: [] as string[], stats: 0, patches: [] as UpdateOrgCounterpartRequest[], touchpoints: [] as Touchpoint[] };
    const el = await render(<TeamClientPage data={fakeData(calls)} orgId="org-1" clientKey="acme-logistics.com" back={() => undefined} workingHours={HOURS} department="leadership" timeZone="UTC" />);
    expect(one(el, 'ft-team-client-page').getAttribute('data-state')).toBe('ready');
    expect(one(el, 'ft-team-client-owner').textContent).toBe('Priya Raman');
    expect(one(el, 'ft-team-client-last-contact').textContent).toBe('Nov 20, 2026 by Priya Raman, cadence every 14 days');
    expect(one(el, 'ft-team-client-review-due').textContent).toBe('last Sep 1, 2026 by Priya Raman; next due Nov 30, 2026');
    expect(all(el, 'ft-team-client-member').map((m) => m.getAttribute('data-email'))).toEqual([dana.email, priya.email]);
    expect(one(el, 'ft-team-latest-review').textContent).toContain('ThreatsBudget review in Q2');
    expect(one(el, 'ft-team-latest-review').querySelector('[data-field="weaknesses"]')).toBeNull();
    expect(one(el, 'ft-team-sentence').textContent).toBe('Request to Dana Whitfield: “Could you reissue invoice 2026-114?”');
    expect(one(el, 'ft-team-withheld').textContent).toBe('1 member keeps their sentences private: 2 open promises, 1 request and 1 risk, as counts only.');

    // The merged timeline, one department at a time.
    expect(all(el, 'ft-team-timeline-item').map((t) => t.getAttribute('data-department'))).toEqual(['delivery', 'finance']);
    await act(async () => one(el, 'ft-team-timeline-finance').dispatchEvent(new MouseEvent('click', { bubbles: true })));
    const finance = all(el, 'ft-team-timeline-item');
    expect(finance).toHaveLength(1);
    expect(finance[0]!.textContent).toContain('Invoice · Finance · Dana Whitfield · Invoice 2026-114 reissued');

    // The team's profile: a new owner and a review interval.
    await type(el.querySelector<HTMLSelectElement>('[data-testid="ft-team-owner-input"]')!, 'u-dana');
    await type(el.querySelector<HTMLInputElement>('[data-testid="ft-team-review-interval-input"]')!, '60');
    await act(async () => one(el, 'ft-team-profile-save').dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(calls.patches).toEqual([{ ownerUserId: 'u-dana', reviewIntervalDays: 60 }]);
    expect(one(el, 'ft-team-profile-saved').textContent).toBe('Saved for the team.');
  });

  it("logs this quarter's review from the 360° page with the user's department", async () => {
    const calls = { lists: [] as string[], stats: 0, patches: [] as UpdateOrgCounterpartRequest[], touchpoints: [] as Touchpoint[] };
    let logged = false;
    const page = () =>
      logged
        ? detail({ latestReview: { touchpointId: 'r2', at: '2026-11-23T09:00:00.000Z', member: dana, review: { strengths: '', weaknesses: '', opportunities: '', threats: 'A competitor pitched', risks: '' } } })
        : detail({ latestReview: null });
    const data = fakeData(calls, page);
    const el = await render(
      <TeamClientPage
        data={{ ...data, logTouchpoint: async (t) => ((logged = true), calls.touchpoints.push(t), undefined) }}
        orgId="org-1"
        clientKey="acme-logistics.com"
        back={() => undefined}
        workingHours={HOURS}
        department="leadership"
      />,
    );
    expect(one(el, 'ft-team-client-review-due').textContent).toBe('never reviewed; next due Nov 30, 2026');
    await act(async () => one(el, 'ft-team-log-review').dispatchEvent(new MouseEvent('click', { bubbles: true })));
    await type(el.querySelector<HTMLTextAreaElement>('[data-testid="ft-review-threats"]')!, 'A competitor pitched');
    await act(async () => one(el, 'ft-review-save').dispatchEvent(new MouseEvent('click', { bubbles: true })));
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(calls.touchpoints).toEqual([
      expect.objectContaining({ kind: 'review', counterpart: 'acme-logistics.com', department: 'leadership', review: { strengths: '', weaknesses: '', opportunities: '', threats: 'A competitor pitched', risks: '' } }),
    ]);
    expect(one(el, 'ft-team-review-status').textContent).toContain('Review logged.');
    expect(one(el, 'ft-team-latest-review').textContent).toContain('A competitor pitched');
  });

  it('keeps the mode and the client in the address, so back and reload work', () => {
    expect(readHash('#team=org-1&client=acme-logistics.com')).toEqual({ team: 'org-1', client: 'acme-logistics.com' });
    expect(readHash('#client=acme-logistics.com')).toEqual({ team: null, client: 'acme-logistics.com' });
    expect(hashFor('org-1', 'a b.com')).toBe('team=org-1&client=a+b.com');
    expect(readHash(`#${hashFor('org-1', 'a b.com')}`)).toEqual({ team: 'org-1', client: 'a b.com' });
  });
});
