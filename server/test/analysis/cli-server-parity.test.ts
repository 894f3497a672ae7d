import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analysisSettingsSchema,
  createMailboxAnalyzer,
  normalizedMessageSchema,
  normalizeMessageId,
  type AnalysisDocument,
  type CounterpartSummary,
  type NormalizedMessageInput,
  type PromiseRecord,
} from '@followthrough/shared';
import { defaultConfig } from '../../src/config';
import { silentLogger } from '../../src/http/logger';
import { startServer, type RunningServer } from '../../src/server';
import { createUser } from '../../src/store/users';
import { realSizeMailbox } from '../../bench/real-size-mailbox';
import { runFollowthrough } from '../cli/cli-process';

// One analysis (issue 9): the CLI and the server, given the same mailbox in the same order and the same
// settings, must give every client figure and every promise status alike. The server builds them
// incrementally (batch by batch, aggregates kept thread by thread, promises folded as evidence
// arrives), the CLI in one pass; both call the same rules in shared/. After a settings change the server
// derives everything again in the background, and must then agree with a CLI run on the new settings.
// Nor may where a batch ends change an answer: the same mail in requests of one to seven messages and in
// one request (two commits of 1,000 on the server) must give the same answer on every read the API has.

const ME = 'maya@brightlane.example';
const NOW = '2026-11-30T10:00:00.000Z';
const END = Date.parse('2026-11-27T18:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'ft-parity-'));
const mailboxFile = join(dir, 'mailbox.jsonl');

/** The cases the engine and the old server disagreed on, in the order a mailbox would hold them. */
function edgeCases(): NormalizedMessageInput[] {
  const dana = 'Dana Okafor <d.okafor@fernhill-legal.example>';
  return [
    // A reply without threading headers: only "Re:" and the subject join it to its thread.
    { id: 'inv-1@fernhill-legal.example', from: dana, to: [`Maya Chen <${ME}>`], date: '2026-11-16T09:12:00+01:00', subject: 'Invoice 4471', text: 'Hi Maya,\n\nCould you check why invoice 4471 shows two extra hours?\n\nDana' },
    {
      id: 'inv-2@brightlane.example',
      from: `Maya Chen <${ME}>`,
      to: [dana],
      date: '2026-11-16T15:40:00+01:00',
      subject: 'Re: Invoice 4471',
      text: "Hi Dana,\n\nGood catch. I'll send you the signed NDA and a corrected invoice by Friday.\n\nBest,\nMaya",
    },
    // Kept in another thread: a new message to the same person delivers what was promised.
    {
      id: 'nda-1@brightlane.example',
      from: `Maya Chen <${ME}>`,
      to: [dana],
      date: '2026-11-19T11:05:00+01:00',
      subject: 'Signed NDA',
      text: 'Hi Dana,\n\nAs promised, attached is the signed NDA.\n\nBest,\nMaya',
      attachments: ['NDA Fernhill signed.pdf'],
    },
  ];
}

/** A promise still open at NOW ("by Wednesday" = 2 Dec), to a client we also log a call with. */
function openPromise(): NormalizedMessageInput[] {
  const lena = 'Lena de Vries <l.devries@alderbank.example>';
  return [
    { id: 'plan-1@alderbank.example', from: lena, to: [`Maya Chen <${ME}>`], date: '2026-11-26T10:00:00+01:00', subject: 'Rollout plan', text: 'Hi Maya,\n\nCan you confirm the rollout dates?\n\nLena' },
    { id: 'plan-2@brightlane.example', from: `Maya Chen <${ME}>`, to: [lena], date: '2026-11-26T16:20:00+01:00', subject: 'Re: Rollout plan', text: "Hi Lena,\n\nI'll send you the revised plan by Wednesday.\n\nBest,\nMaya" },
  ];
}

function writeMailbox(): NormalizedMessageInput[] {
  const messages = [
    ...realSizeMailbox({ messages: 1_800, keyClientMessages: 450, keyClientThreads: 70, smallClients: 24, endMs: END, seed: 7 }),
    ...edgeCases(),
    ...openPromise(),
  ];
  writeFileSync(mailboxFile, messages.map((m) => JSON.stringify(m)).join('\n') + '\n');
  return messages;
}

/** A server on a database of its own, and its user's token. */
interface Target {
  server: RunningServer;
  token: string;
}

let server: RunningServer;
let token: string;
let messages: NormalizedMessageInput[];

async function call<T>(target: Target, path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(`${target.server.url}${path}`, { ...init, headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json', ...init.headers } });
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  return call<T>({ server, token }, path, init);
}

/** A server started as the CLI-parity one is (fixed clock, no rate limit), with Maya and her settings. */
async function startTarget(file: string): Promise<Target> {
  const started = await startServer({ ...defaultConfig, host: '127.0.0.1', port: 0, databaseUrl: `file:${join(dir, file)}`, rateLimit: { burst: 1e9, perSecond: 1e9 } }, silentLogger, () => new Date(NOW));
  const target = { server: started, token: (await createUser(started.database.db, { email: ME, now: new Date(NOW) })).token };
  await putSettingsOf(target, 'Europe/Berlin', { start: '09:00', end: '17:00' });
  return target;
}

async function putSettings(timeZone: string, hours: { start: string; end: string }): Promise<void> {
  await putSettingsOf({ server, token }, timeZone, hours);
}

async function putSettingsOf(target: Target, timeZone: string, hours: { start: string; end: string }): Promise<void> {
  await call(target, '/v1/me/settings', {
    method: 'PUT',
    body: JSON.stringify({ addresses: [ME], timeZone, workingHours: { ...hours, days: [1, 2, 3, 4, 5] }, defaultCadenceDays: 21 }),
  });
}

async function analysisSettled(): Promise<void> {
  server.rederiver.kick();
  await server.rederiver.idle();
  const me = await api<{ analysis: { state: string } }>('/v1/me');
  expect(me.analysis.state).toBe('current');
}

async function serverCounterparts(): Promise<CounterpartSummary[]> {
  const out: CounterpartSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: { counterparts: (CounterpartSummary & { name: unknown; renewalDate: unknown })[]; nextCursor: string | null } = await api(
      `/v1/counterparts?sort=key&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
    );
    for (const { name: _name, renewalDate: _renewal, ...summary } of page.counterparts) out.push(summary);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

async function serverPromises(): Promise<PromiseRecord[]> {
  const out: PromiseRecord[] = [];
  let cursor: string | null = null;
  do {
    const page: { promises: PromiseRecord[]; nextCursor: string | null } = await api(`/v1/promises?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...page.promises);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

async function cliDocument(tz: string, hours: string): Promise<AnalysisDocument> {
  const run = await runFollowthrough(['analyze', mailboxFile, '--me', ME, '--tz', tz, '--hours', hours, '--cadence', '21', '--now', NOW, '--format', 'json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as AnalysisDocument;
}

const promiseFields = (p: PromiseRecord) => ({
  id: p.id,
  messageId: p.messageId,
  threadId: p.threadId,
  counterpart: p.counterpart,
  text: p.text,
  status: p.status,
  dueAt: p.dueAt,
  dueIsDefault: p.dueIsDefault,
  keptBy: p.keptBy,
  keptAt: p.keptAt ?? null,
  originalDueAt: p.originalDueAt ?? null,
});

async function expectSameAnalysis(tz: string, hours: string): Promise<{ cli: AnalysisDocument; counterparts: CounterpartSummary[] }> {
  const [cli, counterparts, promises] = await Promise.all([cliDocument(tz, hours), serverCounterparts(), serverPromises()]);
  const byKey = (list: readonly CounterpartSummary[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));

  expect(counterparts.map((c) => c.key)).toEqual(byKey(cli.counterparts).map((c) => c.key));
  // Figure for figure: initiation, lags, silence, awaiting, requests, risks, promise tallies, health.
  for (const [i, expected] of byKey(cli.counterparts).entries()) expect(counterparts[i], expected.key).toEqual(expected);
  const byId = (list: readonly PromiseRecord[]) => [...list].sort((a, b) => a.id.localeCompare(b.id)).map(promiseFields);
  expect(byId(promises)).toEqual(byId(cli.promises));
  return { cli, counterparts };
}

beforeAll(async () => {
  messages = writeMailbox();
  ({ server, token } = await startTarget('ft.db'));
  // In file order, a few hundred at a time, as `followthrough import` and a sync send them.
  for (let i = 0; i < messages.length; i += 400) {
    const res = await api<{ rejected: unknown[] }>('/v1/messages', { method: 'POST', body: JSON.stringify({ messages: messages.slice(i, i + 400) }) });
    expect(res.rejected).toEqual([]);
  }
}, 120_000);

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the CLI and the server give the same analysis of one mailbox', () => {
  it('agrees on every client figure and every promise status', async () => {
    const { cli } = await expectSameAnalysis('Europe/Berlin', '09:00-17:00');
    expect(cli.counterparts.length).toBeGreaterThan(20);
    expect(cli.promises.length).toBeGreaterThan(30);
  }, 120_000);

  it('joins a reply without threading headers to its thread, and keeps a promise by mail in another thread', async () => {
    const summary = await api<{ threadId: string; messageCount: number }>(`/v1/threads/${encodeURIComponent('inv-1@fernhill-legal.example')}/summary`);
    expect(summary.messageCount).toBe(2);
    const promises = await api<{ promises: PromiseRecord[] }>(`/v1/promises?counterpart=fernhill-legal.example`);
    expect(promises.promises).toHaveLength(1);
    expect(promises.promises[0]).toMatchObject({ threadId: 'inv-1@fernhill-legal.example', keptBy: 'nda-1@brightlane.example' });
  });

  it('after the time zone and working hours change, derives everything again and still agrees', async () => {
    const before = await api<{ promises: PromiseRecord[] }>(`/v1/promises?counterpart=fernhill-legal.example`);
    await putSettings('America/New_York', { start: '08:00', end: '16:00' });
    await analysisSettled();
    await expectSameAnalysis('America/New_York', '08:00-16:00');
    // "by Friday" is now the end of Friday's working day in New York, not in Berlin.
    const after = await api<{ promises: PromiseRecord[] }>(`/v1/promises?counterpart=fernhill-legal.example`);
    expect(before.promises[0]!.dueAt).toBe('2026-11-20T16:00:00.000Z');
    expect(after.promises[0]!.dueAt).toBe('2026-11-20T21:00:00.000Z');
  }, 180_000);
  it('agrees with the engine in process once touchpoints and verdicts are in (the CLI reads neither)', async () => {
    const call = { id: '5f0c2b9e-4d1a-4c3e-9a57-0c8d2e6b1a22', counterpart: 'alderbank.example', kind: 'call' as const, at: '2026-11-27T09:30:00.000Z', summary: 'Walked Lena through the dates' };
    const note = { id: '5f0c2b9e-4d1a-4c3e-9a57-0c8d2e6b1a23', counterpart: 'alderbank.example', kind: 'note' as const, at: '2026-11-29T09:30:00.000Z' };
    await api('/v1/touchpoints', { method: 'POST', body: JSON.stringify(call) });
    await api('/v1/touchpoints', { method: 'POST', body: JSON.stringify(note) });
    const overdue = (await api<{ promises: PromiseRecord[] }>('/v1/promises?status=overdue&limit=2')).promises;
    expect(overdue).toHaveLength(2);
    await api(`/v1/promises/${overdue[0]!.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'done' }) });
    await api(`/v1/promises/${overdue[1]!.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'open', snoozedUntil: '2026-12-04T09:00:00Z' }) });

    const analyzer = createMailboxAnalyzer(analysisSettingsSchema.parse({ me: [ME], timeZone: 'America/New_York', workingHours: { start: '08:00', end: '16:00' }, defaultCadenceDays: 21 }));
    for (const m of messages) analyzer.add(normalizedMessageSchema.parse(m));
    analyzer.addTouchpoint(call);
    analyzer.addTouchpoint(note);
    analyzer.setVerdict(overdue[0]!.id, { status: 'done' });
    analyzer.setVerdict(overdue[1]!.id, { status: 'open', snoozedUntil: '2026-12-04T09:00:00Z' });
    const engine = analyzer.result(NOW);
    const [counterparts, promises] = await Promise.all([serverCounterparts(), serverPromises()]);
    const alder = engine.counterparts.find((c) => c.key === 'alderbank.example')!;
    // The call is the last contact (a note is not contact).
    expect(alder.lastContactAt).toBe('2026-11-27T09:30:00.000Z');
    expect(counterparts.find((c) => c.key === 'alderbank.example')).toEqual(alder);
    const byId = (list: readonly PromiseRecord[]) => [...list].sort((a, b) => a.id.localeCompare(b.id)).map(promiseFields);
    expect(byId(promises)).toEqual(byId(engine.promises));
    expect(promises.find((p) => p.id === overdue[0]!.id)?.status).toBe('done');
    expect(promises.find((p) => p.id === overdue[1]!.id)?.status).toBe('open');
    const sorted = (list: readonly CounterpartSummary[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
    expect(sorted(counterparts)).toEqual(sorted(engine.counterparts));
  }, 120_000);

});

/** A reply that lost its threading headers on the way (a client that drops them): only "Re:" and its subject join it. */
function withoutThreadingHeaders(m: NormalizedMessageInput): NormalizedMessageInput {
  const { inReplyTo: _inReplyTo, references: _references, ...rest } = m;
  return rest;
}

/**
 * The mailbox as syncs deliver it: some mail a hundred messages late (after later mail of its thread and
 * its client, so threads are renamed and analysed again and promises folded from the start), some weeks
 * late, some twice, a stretch of it again at the end, and some replies without threading headers.
 */
function arrivalOf(mailbox: readonly NormalizedMessageInput[]): NormalizedMessageInput[] {
  const placed: { at: number; message: NormalizedMessageInput }[] = [];
  mailbox.forEach((m, i) => {
    const message = i % 29 === 5 && m.inReplyTo ? withoutThreadingHeaders(m) : m;
    const at = i % 211 === 11 ? mailbox.length + i : i % 23 === 7 ? i + 100.5 : i;
    placed.push({ at, message });
    if (i % 41 === 3) placed.push({ at: i + 57.25, message });
  });
  placed.sort((a, b) => a.at - b.at);
  return [...placed.map((p) => p.message), ...mailbox.slice(600, 640)];
}

/** Batch sizes of one to seven, from a fixed seed (a small LCG: the same batches on every run). */
function smallBatches<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  let seed = 20261205;
  for (let i = 0; i < list.length; ) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const size = 1 + (seed % 7);
    out.push(list.slice(i, i + size));
    i += size;
  }
  return out;
}

interface IngestAnswer {
  accepted: number;
  duplicates: number;
  rejected: unknown[];
  threads: { messageId: string; threadId: string }[];
}

async function ingestAll(target: Target, batches: readonly NormalizedMessageInput[][]): Promise<{ accepted: number; duplicates: number }> {
  let accepted = 0;
  let duplicates = 0;
  for (const batch of batches) {
    const res = await call<IngestAnswer>(target, '/v1/messages', { method: 'POST', body: JSON.stringify({ messages: batch }) });
    expect(res.rejected).toEqual([]);
    accepted += res.accepted;
    duplicates += res.duplicates;
  }
  return { accepted, duplicates };
}

async function allPages<T>(target: Target, path: string, field: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  do {
    const page: Record<string, unknown> & { nextCursor: string | null } = await call(target, `${path}${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...(page[field] as T[]));
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/**
 * Every read of the API for this mailbox: the Clients list, each client's page, timeline and report, every
 * promise, the reminders, each message's thread, and the export (every stored row the user can see).
 */
async function everyAnswer(target: Target, messageIds: readonly string[]) {
  const key = encodeURIComponent;
  const counterparts = await allPages<{ key: string }>(target, '/v1/counterparts?sort=key&limit=200', 'counterparts');
  const clients = [];
  for (const { key: k } of counterparts) {
    clients.push({
      key: k,
      page: await call(target, `/v1/counterparts/${key(k)}`),
      timeline: await allPages(target, `/v1/counterparts/${key(k)}/threads?limit=100`, 'threads'),
      report: await call(target, `/v1/counterparts/${key(k)}/report`),
    });
  }
  const promises = await allPages(target, '/v1/promises?limit=500', 'promises');
  const reminders = await call(target, '/v1/reminders?limit=500');
  const remindersAhead = await call(target, `/v1/reminders?limit=500&until=${encodeURIComponent('2027-03-01T00:00:00.000Z')}`);
  const summaries: unknown[] = [];
  for (let i = 0; i < messageIds.length; i += 25) {
    summaries.push(...(await Promise.all(messageIds.slice(i, i + 25).map((id) => call(target, `/v1/threads/${key(id)}/summary`)))));
  }
  // The export's user is this server's own (its id differs); the rest is the stored mailbox.
  const { user: _user, ...exported } = await call<Record<string, unknown>>(target, '/v1/export');
  return { counterparts, clients, promises, reminders, remindersAhead, summaries, exported };
}

describe('where the batches end changes no answer', () => {
  let oneRequest: Target;
  let smallRequests: Target;
  let arrival: NormalizedMessageInput[];
  let totals: { big: { accepted: number; duplicates: number }; small: { accepted: number; duplicates: number } };

  beforeAll(async () => {
    arrival = arrivalOf(messages);
    [oneRequest, smallRequests] = await Promise.all([startTarget('one-request.db'), startTarget('small-requests.db')]);
    const batches = smallBatches(arrival);
    expect(batches.length).toBeGreaterThan(400);
    totals = { big: await ingestAll(oneRequest, [arrival]), small: await ingestAll(smallRequests, batches) };
  }, 180_000);

  afterAll(async () => {
    await Promise.all([oneRequest?.server.close(), smallRequests?.server.close()]);
  }, 60_000);

  it('stores the same mail, and every client, promise, reminder, thread and the export read the same', async () => {
    // One request of more than 1,500 messages: two commits on the server, each read in two slices.
    expect(arrival.length).toBeGreaterThan(1_500);
    const distinct = new Set(arrival.map((m) => normalizeMessageId(m.id)));
    expect(totals.big).toEqual({ accepted: distinct.size, duplicates: arrival.length - distinct.size });
    expect(totals.small).toEqual(totals.big);
    const ids = [...distinct];
    const [big, small] = await Promise.all([everyAnswer(oneRequest, ids), everyAnswer(smallRequests, ids)]);
    expect(small.counterparts).toEqual(big.counterparts);
    for (const [i, client] of big.clients.entries()) expect(small.clients[i], client.key).toEqual(client);
    expect(small.promises).toEqual(big.promises);
    expect(small.reminders).toEqual(big.reminders);
    expect(small.remindersAhead).toEqual(big.remindersAhead);
    for (const [i, summary] of big.summaries.entries()) expect(small.summaries[i], ids[i]).toEqual(summary);
    for (const [section, rows] of Object.entries(big.exported)) expect(small.exported[section], `export: ${section}`).toEqual(rows);

    // The mailbox has what could go wrong at a batch's end: promises kept, kept in another thread, slipped
    // and open; threads renamed by an original that came late; clients waiting on us and on them.
    const statuses = new Set(big.promises.map((p) => (p as PromiseRecord).status));
    for (const status of ['kept', 'overdue', 'open']) expect(statuses).toContain(status);
    expect(big.promises.some((p) => (p as PromiseRecord).keptBy === 'nda-1@brightlane.example')).toBe(true);
    const threadOf = new Map(big.summaries.map((s, i) => [ids[i]!, (s as { threadId: string }).threadId]));
    const arrived = new Map<string, number>();
    arrival.forEach((m, i) => arrived.set(normalizeMessageId(m.id), arrived.get(normalizeMessageId(m.id)) ?? i));
    expect([...threadOf].filter(([id, thread]) => (arrived.get(thread) ?? -1) > arrived.get(id)!).length).toBeGreaterThan(0);
    expect(threadOf.get('inv-2@brightlane.example')).toBe('inv-1@fernhill-legal.example');
  }, 180_000);
});
