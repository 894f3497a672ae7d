import { describe, expect, it } from 'vitest';
import { analysisSettingsSchema, readMessage, type NormalizedMessage, type StoredMessageFacts } from '@followthrough/shared';
import { createLocalMemory } from './local-memory';
import type { MemoryContents, MemoryStore, RememberedThread } from './memory-store';
import { DEFAULT_SETTINGS } from './settings';
import type { LocalClients, LocalState } from './storage';

/** The memory's contents in a Map (IndexedDB itself is exercised by the browser e2e tests). */
function mapStore(): MemoryStore {
  const threads = new Map<string, RememberedThread>();
  const messages = new Map<string, StoredMessageFacts>();
  return {
    async remember(thread, facts) {
      threads.set(thread.threadId, thread);
      for (const f of facts) messages.set(f.id, f);
      return true;
    },
    async all(): Promise<MemoryContents> {
      return { threads: [...threads.values()], messages: [...messages.values()] };
    },
    async counts() {
      return { threads: threads.size, messages: messages.size };
    },
    async forget() {
      threads.clear();
      messages.clear();
    },
  };
}

const me = 'maya@brightlane.example';
const settings = { ...DEFAULT_SETTINGS, addresses: [me], timeZone: 'Europe/Berlin', defaultCadenceDays: 14 };
const engineSettings = analysisSettingsSchema.parse({ me: [me], timeZone: 'Europe/Berlin' });

const thread = (n: number, messages: Omit<NormalizedMessage, 'threadId' | 'subject' | 'to' | 'cc'>[], subject: string) => {
  const threadId = `18d00000000000${n}0`;
  const facts = messages.map((m) =>
    readMessage({ ...m, threadId, subject, to: m.from.includes(me) ? ['dana.okafor@northwind.example'] : [me], cc: [], references: [], headers: {} } as NormalizedMessage, engineSettings),
  );
  const info: RememberedThread = {
    threadId,
    host: 'gmail',
    subject,
    link: `https://mail.google.com/mail/u/0/#inbox/${threadId}`,
    counterpart: 'northwind.example',
    account: me,
    uploadable: true,
    lastAt: messages.at(-1)!.date,
    rememberedAt: messages.at(-1)!.date,
  };
  return { info, facts };
};

describe('local-only memory', () => {
  it('builds a client up over three opened threads: figures, promises and their reminders', async () => {
    const store = mapStore();
    let clients: LocalClients = { profiles: {}, snoozes: {} };
    const local: LocalState = { verdicts: {}, touchpoints: [] };
    const memory = createLocalMemory({ store, settings: async () => settings, local: async () => local, clients: async () => clients, now: () => new Date('2026-11-20T10:00:00Z') });
    const threads = [
      thread(1, [{ id: 'a1', from: `Maya <${me}>`, date: '2026-11-02T09:00:00Z', text: 'Hi Dana, shall we plan the Q1 review?' }, { id: 'a2', from: 'Dana <dana.okafor@northwind.example>', date: '2026-11-02T13:00:00Z', text: 'Yes, next week works.' }], 'Q1 review'),
      thread(2, [{ id: 'b1', from: 'Dana <dana.okafor@northwind.example>', date: '2026-11-05T09:00:00Z', text: 'Could you send the updated rollout plan?' }, { id: 'b2', from: `Maya <${me}>`, date: '2026-11-05T10:00:00Z', text: "I'll send the updated rollout plan by Friday." }], 'Rollout plan'),
      thread(3, [{ id: 'c1', from: 'Dana <dana.okafor@northwind.example>', date: '2026-11-06T09:00:00Z', text: 'Quick question about invoice 114: can you check it?' }], 'Invoice 114'),
    ];
    for (const t of threads.slice(0, 1)) await store.remember(t.info, t.facts);
    expect((await memory.threadView(threads[0]!.info.threadId, 'northwind.example'))?.threadsRemembered).toBe(1);
    memory.invalidate();
    for (const t of threads.slice(1)) await store.remember(t.info, t.facts);
    memory.invalidate();

    const view = (await memory.threadView(threads[2]!.info.threadId, 'northwind.example'))!;
    expect(view.threadsRemembered).toBe(3);
    expect(view.counterpartSummary).toMatchObject({ key: 'northwind.example', threads: 3, initiated: { us: 1, them: 2 } });
    expect(view.otherOpenPromises.map((p) => p.text)).toEqual(["I'll send the updated rollout plan by Friday."]);

    const list = await memory.listClients({ limit: 10 });
    expect(list.counterparts.map((c) => c.key)).toEqual(['northwind.example']);
    expect((await memory.listClients({ filter: 'overdue', limit: 10 })).total).toBe(1);
    expect((await memory.listClients({ filter: 'renewal', limit: 10 })).total).toBe(0);

    const reminders = await memory.reminders();
    expect(reminders.map((r) => r.kind)).toEqual(['promise-overdue', 'awaiting-reply', 'awaiting-reply', 'silence', 'feedback']);
    expect(reminders[0]).toMatchObject({ link: threads[1]!.info.link, title: 'Overdue promise to northwind.example: “I\'ll send the updated rollout plan by Friday.”' });

    // A profile set in this browser: name, cadence and renewal show up in the reminders.
    clients = { ...clients, profiles: { 'northwind.example': { name: 'Northwind', cadenceDays: 7, renewalDate: '2026-12-15', notes: null, initiationTargetPercent: 50, updatedAt: '' } } };
    memory.invalidate();
    const after = await memory.reminders();
    expect(after.map((r) => r.id)).toEqual(expect.arrayContaining(['silence:northwind.example', 'renewal:northwind.example:2026-12-15']));
    expect(after.find((r) => r.kind === 'silence')!.link).toBe(threads[2]!.info.link);
    const detail = (await memory.client('northwind.example'))!;
    expect(detail.counterpart.name).toBe('Northwind');
    expect(detail.counterpart.health.components.find((c) => c.id === 'initiation')!.target).toBe(50);
    // Snoozed reminders stay away until their time.
    clients = { ...clients, snoozes: { 'silence:northwind.example': '2026-11-27T10:00:00.000Z' } };
    memory.invalidate();
    expect((await memory.reminders()).map((r) => r.id)).not.toContain('silence:northwind.example');
  });

  it('reminds of the quarterly review after 90 days, counts a feedback question in our mail as asked, and a logged review clears it', async () => {
    const store = mapStore();
    const clients: LocalClients = { profiles: {}, snoozes: {} };
    let local: LocalState = { verdicts: {}, touchpoints: [] };
    let now = new Date('2026-11-20T10:00:00Z');
    const memory = createLocalMemory({ store, settings: async () => settings, local: async () => local, clients: async () => clients, now: () => now });
    const t = thread(
      4,
      [
        { id: 'd1', from: `Maya <${me}>`, date: '2026-11-02T09:00:00Z', text: 'Hi Dana, how are we doing? Any feedback on the rollout so far?' },
        { id: 'd2', from: 'Dana <dana.okafor@northwind.example>', date: '2026-11-02T13:00:00Z', text: 'All good, thanks!' },
      ],
      'Checking in',
    );
    await store.remember(t.info, t.facts);
    const kinds = async () => (await memory.reminders()).map((r) => r.kind);
    // Feedback was asked by mail on 2 November; the relationship is 18 days old: nothing to review yet.
    expect(await kinds()).not.toContain('feedback');
    expect(await kinds()).not.toContain('review');
    // 91 days after the first contact, still in touch (a call last week): the review is due, and so is feedback.
    local = { ...local, touchpoints: [{ id: '5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f', counterpart: 'northwind.example', kind: 'call', at: '2027-01-25T10:00:00Z' }] };
    now = new Date('2027-02-01T10:00:00Z');
    memory.invalidate();
    const due = (await memory.reminders()).find((r) => r.kind === 'review');
    expect(due).toMatchObject({ id: 'review:northwind.example', dueAt: '2027-01-31T09:00:00.000Z', link: null });
    expect(due!.title).toBe('Quarterly review of northwind.example due: never reviewed, in touch for 91 days (a SWOT and the risks)');
    expect(await kinds()).toContain('feedback');
    // A review logged in the sidebar clears it.
    local = {
      ...local,
      touchpoints: [
        ...local.touchpoints,
        { id: '6a2d3e4f-5b6c-4d7e-9f8a-0b1c2d3e4f5a', counterpart: 'northwind.example', kind: 'review', at: '2027-02-01T09:00:00Z', review: { strengths: 'Trust', weaknesses: '', opportunities: '', threats: 'Budget', risks: '' } },
      ],
    };
    memory.invalidate();
    expect(await kinds()).not.toContain('review');
  });

  it('raises a client risk from an opened thread and a "tell them now" nudge, the same as the server', async () => {
    const store = mapStore();
    const local: LocalState = { verdicts: {}, touchpoints: [] };
    let now = new Date('2026-11-19T06:00:00Z');
    const memory = createLocalMemory({ store, settings: async () => settings, local: async () => local, clients: async () => ({ profiles: {}, snoozes: {} }), now: () => now });
    const budget = thread(4, [{ id: 'd1', from: 'Dana <dana.okafor@northwind.example>', date: '2026-11-18T09:00:00Z', text: 'Hi Maya,\n\nour marketing budget has been cut by a third for next year.\n\nDana' }], 'Next year');
    // Tuesday: "by Thursday" is Thursday 17:00 in Berlin, 10 hours after `now`.
    const sow = thread(5, [{ id: 'e1', from: `Maya <${me}>`, date: '2026-11-17T10:00:00Z', text: "Hi Dana,\n\nI'll send you the revised SOW by Thursday.\n\nMaya" }], 'Revised SOW');
    for (const t of [budget, sow]) await store.remember(t.info, t.facts);
    const reminders = await memory.reminders();
    expect(reminders.map((r) => r.kind)).toEqual(['promise-at-risk', 'client-risk', 'feedback']);
    expect(reminders[0]).toMatchObject({ link: sow.info.link, title: 'Tell northwind.example now if “I\'ll send you the revised SOW by Thursday.” will slip (due in 10 hours)' });
    expect(reminders[1]).toMatchObject({ id: 'client-risk:d1', link: budget.info.link, title: 'Risk from northwind.example, budget cuts: “our marketing budget has been cut by a third for next year.”' });

    // Our answer in the thread takes the risk away.
    const answered = thread(4, [...[{ id: 'd1', from: 'Dana <dana.okafor@northwind.example>', date: '2026-11-18T09:00:00Z', text: 'x' }], { id: 'd2', from: `Maya <${me}>`, date: '2026-11-19T07:00:00Z', text: 'Hi Dana, thanks for telling us early. Can we talk today about priorities?' }], 'Next year');
    await store.remember(answered.info, answered.facts.slice(1));
    now = new Date('2026-11-19T07:30:00Z');
    memory.invalidate();
    expect((await memory.reminders()).map((r) => r.kind)).not.toContain('client-risk');
  });
});
