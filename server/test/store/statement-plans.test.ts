import { createClient, type Client, type InStatement, type Transaction, type TransactionMode } from '@libsql/client';
import type { NormalizedMessageInput } from '@followthrough/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/index';
import type { ReadExecutor } from '../../src/db/cached-reader';
import { removeMessages } from '../../src/sync/message-removal';
import { toAnalysisSettings } from '../../src/store/users';
import { createTestApp, putSettings, type Client as ApiClient } from '../support/test-app';
import { createTestDb } from '../support/test-db';

/**
 * Every statement that ingest and the extension's routes run must find its rows through an index on what
 * it is about (a thread, a client, a message, a time), never by walking all of a user's rows of a kind.
 * Such a walk is invisible on a test mailbox and grows with the history: on a mailbox of 1,000,000 messages
 * one ingest statement ("the requests of these threads", planned on the (user, kind) index) read all
 * 190,000 of the user's requests, 320 ms each time, and the import slowed from 4,300 to 960 msg/s.
 *
 * SQLite's plan for a statement depends on the schema and the statement, not on how many rows there are
 * (no ANALYZE statistics are kept), so the plans on this small mailbox are the plans at any size.
 */

/** Columns that narrow nothing on their own: a user's rows of one kind, state or side are most of them. */
const UNSELECTIVE = new Set(['user_id', 'kind', 'state', 'side', 'direction', 'awaiting_side', 'status', 'automated']);

/**
 * Tables that grow with the mail: a walk of one user's rows here grows with the years of history. The
 * others hold a row per client (aggregates, counts, profiles), per colleague or per thing a user did by
 * hand (touchpoints, snoozes, verdicts), which the lists and reminders read whole on purpose.
 */
const HISTORY = new Set(['messages', 'threads', 'thread_refs', 'subject_threads', 'snippets', 'promises', 'promise_recipients', 'evidence', 'evidence_recipients']);

/** Statements that visit the whole history by design, and why. */
const WHOLE_HISTORY: { starts: string; why: string }[] = [
  {
    starts: 'SELECT DISTINCT m."thread_id" AS id FROM "messages" m WHERE m."user_id" = ?1 AND NOT EXISTS',
    why: 'a re-derivation, once no thread row is left to derive again, looks for messages stored by an older version without a thread row',
  },
  {
    starts: 'SELECT (SELECT count(*) FROM "threads" WHERE "user_id" = ?1 AND ("derived_hash" < ?2 OR "derived_hash" > ?2)) + (SELECT count(DISTINCT',
    why: "a re-derivation's total, once at its start, counts those messages too",
  },
];

interface Schema {
  /** Columns of each unique index: a seek on all of them finds one row, whatever they are. */
  unique: ReadonlyMap<string, readonly string[]>;
  /** The table of each index. */
  tableOf: ReadonlyMap<string, string>;
}

interface Recorded {
  sql: string;
  args: unknown[];
}

function argsOf(stmt: InStatement | string): unknown[] {
  return typeof stmt === 'string' ? [] : Array.isArray(stmt.args) ? stmt.args : [];
}

/** The database with every statement of the store and the read paths recorded (drizzle's own reads aside). */
function recording(database: Database, seen: Recorded[]): Database {
  const note = (stmt: InStatement | string) => {
    seen.push({ sql: typeof stmt === 'string' ? stmt : stmt.sql, args: argsOf(stmt) });
  };
  const wrapTx = (tx: Transaction): Transaction =>
    new Proxy(tx, {
      get(target, name, receiver) {
        if (name === 'execute') return (stmt: InStatement) => (note(stmt), target.execute(stmt));
        if (name === 'batch') return (stmts: InStatement[]) => (stmts.forEach(note), target.batch(stmts));
        const value = Reflect.get(target, name, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  const client = new Proxy(database.client, {
    get(target, name, receiver) {
      if (name === 'execute') return (stmt: InStatement) => (note(stmt), target.execute(stmt));
      if (name === 'batch') return (stmts: InStatement[], mode?: Parameters<Client['batch']>[1]) => (stmts.forEach(note), target.batch(stmts, mode));
      if (name === 'transaction') return async (mode?: TransactionMode) => wrapTx(await target.transaction(mode));
      const value = Reflect.get(target, name, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  const recording = (executor: ReadExecutor): ReadExecutor => ({
    execute: (stmt) => (note(stmt), executor.execute(stmt)),
    batch: (stmts) => (stmts.forEach(note), executor.batch(stmts)),
    close: () => executor.close(),
  });
  return { ...database, client, reader: recording(database.reader), lookups: recording(database.lookups) };
}

/**
 * Columns the statement only asks to be present ("counterpart" IS NOT NULL): SQLite plans that as a range
 * (counterpart>?) over an index, which narrows nothing, since nearly every row has one. A unary plus
 * (+"counterpart" IS NOT NULL) keeps such a test off the index.
 */
function presenceOnly(sql: string): Set<string> {
  return new Set([...sql.matchAll(/(?<![+\w."])(?:\w+\.)?"(\w+)" IS NOT NULL/g)].map((m) => m[1]!));
}

/** Plan lines that walk a history table (or an index of one) instead of seeking what the statement is about. */
function walks(plan: { detail: string }[], schema: Schema, sql = ''): string[] {
  const present = presenceOnly(sql);
  const virtual = new Set<string>();
  for (const { detail } of plan) {
    const named = /^(?:CO-ROUTINE|MATERIALIZE) (\S+)/.exec(detail);
    if (named) virtual.add(named[1]!);
  }
  const found: string[] = [];
  for (const { detail } of plan) {
    const step = /^(SCAN|SEARCH) (\S+)(.*)$/.exec(detail);
    if (!step) continue;
    const [, how, name, rest] = step;
    if (virtual.has(name!) || name!.startsWith('(subquery-') || /CONSTANT ROW|VIRTUAL TABLE/.test(`${name}${rest}`)) continue;
    const index = /INDEX (\S+)/.exec(rest!)?.[1];
    if (!HISTORY.has(index ? (schema.tableOf.get(index) ?? '') : name!)) continue;
    if (how === 'SCAN') {
      found.push(detail);
      continue;
    }
    const constraint = /\((.*)\)\s*(?:LEFT-JOIN)?$/.exec(rest!)?.[1] ?? '';
    const terms = constraint.split(' AND ').map((c) => c.replace(/^\(|\)$/g, '').trim()).filter(Boolean);
    // A lone lower bound on a column the statement only asks to be present is no narrowing at all.
    const columns = terms
      .filter((t) => !(/^(\w+)>\?$/.test(t) && present.has(t.slice(0, -2)) && !terms.includes(`${t.slice(0, -2)}<?`)))
      .map((t) => t.replace(/[=<>].*$/, ''));
    if (/INTEGER PRIMARY KEY/.test(rest!)) continue;
    const keyColumns = index ? schema.unique.get(index) : undefined;
    if (keyColumns && keyColumns.every((c) => columns.includes(c))) continue;
    if (columns.length === 0 || columns.every((c) => UNSELECTIVE.has(c))) found.push(detail);
  }
  return found;
}

/** Threads with a client each: asks, promises, a complaint, replies with and without threading headers. */
function mailbox(clients: number, threadsEach: number, startMs: number): NormalizedMessageInput[] {
  const out: NormalizedMessageInput[] = [];
  for (let c = 0; c < clients; c++) {
    const them = `Cleo Client${c} <cleo@client${c}.example>`;
    for (let t = 0; t < threadsEach; t++) {
      const subject = `Rollout ${c}-${t}`;
      const at = (hours: number) => new Date(startMs + (c * threadsEach + t) * 3_600_000 + hours * 3_600_000).toISOString();
      const ask = `ask-${c}-${t}@client${c}.example`;
      const promise = `promise-${c}-${t}@ours.example`;
      out.push(
        { id: ask, from: them, to: ['ann@ours.example'], date: at(0), subject, text: 'Could you send us the revised statement of work by Friday?' },
        { id: promise, from: 'Ann <ann@ours.example>', to: [them], date: at(2), subject: `Re: ${subject}`, inReplyTo: ask, references: [ask], text: "I'll send you the revised statement of work by Friday." },
        // A reply without threading headers: it joins by subject.
        { id: `late-${c}-${t}@client${c}.example`, from: them, to: ['ann@ours.example'], date: at(30), subject: `Re: ${subject}`, text: 'Honestly we are disappointed: this is the second missed date. Can you confirm when?' },
        { id: `kept-${c}-${t}@ours.example`, from: 'Ann <ann@ours.example>', to: [them], date: at(50), subject: `Re: ${subject}`, inReplyTo: promise, references: [ask, promise], text: 'Attached is the revised statement of work.', attachments: ['SOW revised.pdf'] },
      );
    }
  }
  return out;
}

let env: Awaited<ReturnType<typeof createTestDb>>;
let recorded: Database;
let plans: Client;
let ann: ApiClient;
let bea: ApiClient;
let orgId: string;
const seen: Recorded[] = [];
const START = Date.parse('2026-09-01T08:00:00Z');

beforeAll(async () => {
  env = await createTestDb();
  recorded = recording(env.database, seen);
  const app = createTestApp(recorded, { now: '2026-11-20T09:00:00Z' });
  ann = await app.addUser('ann@ours.example');
  await putSettings(ann, { internalDomains: ['ours.example'] });
  // History first: what the statements below are planned against is a user with a past.
  const history = mailbox(12, 10, START);
  for (let i = 0; i < history.length; i += 200) {
    const res = await ann.send('POST', '/v1/messages', { messages: history.slice(i, i + 200) });
    expect(res.body).toMatchObject({ accepted: Math.min(200, history.length - i), rejected: [] });
  }
  // A colleague with her own history of one of the same clients, in a team with Ann.
  bea = await app.addUser('bea@ours.example');
  await putSettings(bea, { internalDomains: ['ours.example'] });
  const beas = mailbox(4, 5, START).map((m) => ({ ...m, id: `bea-${m.id}`, ...(m.inReplyTo ? { inReplyTo: `bea-${m.inReplyTo}`, references: m.references?.map((r) => `bea-${r}`) } : {}), from: m.from.replace('Ann <ann@', 'Bea <bea@'), to: (m.to ?? []).map((t) => t.replace('ann@', 'bea@')) }));
  expect((await bea.send('POST', '/v1/messages', { messages: beas })).body).toMatchObject({ accepted: beas.length, rejected: [] });
  orgId = (await ann.send('POST', '/v1/orgs', { name: 'Client team' })).body.id;
  expect((await ann.send('POST', `/v1/orgs/${orgId}/members`, { email: 'bea@ours.example' })).status).toBe(201);
  const invitation = (await bea.get('/v1/invitations')).body.invitations[0];
  expect((await bea.send('POST', `/v1/invitations/${invitation.id}/accept`)).status).toBe(200);
  seen.length = 0;

  // Then what a day brings: new mail (replies to old threads among it, one without headers, an original
  // after its reply, the same batch again), and the extension's reads and writes.
  const reply = { id: 'again@client3.example', from: 'Cleo Client3 <cleo@client3.example>', to: ['ann@ours.example'], date: '2026-11-19T10:00:00Z', subject: 'Re: Rollout 3-4', text: 'Any news on the plan?' };
  const orphan = { id: 'orphan-reply@ours.example', from: 'Ann <ann@ours.example>', to: ['cleo@client5.example'], date: '2026-11-19T12:00:00Z', subject: 'Re: Pricing', inReplyTo: 'pricing@client5.example', references: ['pricing@client5.example'], text: "I'll call you tomorrow about the pricing." };
  const original = { id: 'pricing@client5.example', from: 'Cleo Client5 <cleo@client5.example>', to: ['ann@ours.example'], date: '2026-11-19T11:00:00Z', subject: 'Pricing', text: 'We are looking at other vendors for next year. Can we talk about pricing?' };
  const fresh = [...mailbox(1, 3, Date.parse('2026-11-18T08:00:00Z')).map((m) => ({ ...m, id: `new-${m.id}`, ...(m.inReplyTo ? { inReplyTo: `new-${m.inReplyTo}`, references: m.references?.map((r) => `new-${r}`) } : {}) })), reply, orphan];
  expect((await ann.send('POST', '/v1/messages', { messages: fresh })).body).toMatchObject({ accepted: fresh.length, rejected: [] });
  expect((await ann.send('POST', '/v1/messages', { messages: [original] })).body).toMatchObject({ accepted: 1, rejected: [] });
  expect((await ann.send('POST', '/v1/messages', { messages: fresh })).status).toBe(200);

  const summary = await ann.get(`/v1/threads/${encodeURIComponent('ask-3-4@client3.example')}/summary`);
  expect(summary.status).toBe(200);
  for (const path of ['/v1/counterparts?limit=20', '/v1/counterparts/client3.example', '/v1/counterparts/client3.example/threads', '/v1/counterparts/client3.example/report', '/v1/reminders', '/v1/promises?status=open&limit=20', '/v1/touchpoints?limit=20']) {
    expect((await ann.get(path)).status, path).toBe(200);
  }
  expect((await ann.send('POST', '/v1/touchpoints', { id: crypto.randomUUID(), counterpart: 'client3.example', kind: 'call', at: '2026-11-19T15:00:00Z', summary: 'Went through the plan' })).status).toBe(201);
  for (const path of [`/v1/orgs/${orgId}/team`, `/v1/orgs/${orgId}/counterparts`, `/v1/orgs/${orgId}/counterparts/client3.example`, `/v1/orgs/${orgId}/counterparts/client3.example/timeline`]) {
    expect((await ann.get(path)).status, path).toBe(200);
  }
  expect((await bea.get('/v1/reminders')).status).toBe(200);
  const promiseId = (summary.body as { promises: { id: string }[] }).promises[0]!.id;
  expect((await ann.send('PATCH', `/v1/promises/${encodeURIComponent(promiseId)}`, { status: 'done' })).status).toBe(200);
  // What else a day can bring: a touchpoint logged and deleted, a reminder snoozed, a client's profile set,
  // a promise's due date moved, and mail deleted in the mailbox (a sync's removal).
  const touchpointId = crypto.randomUUID();
  expect((await ann.send('POST', '/v1/touchpoints', { id: touchpointId, counterpart: 'client4.example', kind: 'meeting', at: '2026-11-19T16:00:00Z' })).status).toBe(201);
  expect((await ann.send('DELETE', `/v1/touchpoints/${touchpointId}`)).status).toBe(200);
  expect((await ann.send('PUT', '/v1/reminders/snooze', { id: `promise:${promiseId}`, until: '2026-11-21T09:00:00Z' })).status).toBe(200);
  expect((await ann.send('PATCH', '/v1/counterparts/client4.example', { name: 'Client Four', cadenceDays: 14 })).status).toBe(200);
  const otherPromise = (await ann.get(`/v1/threads/${encodeURIComponent('ask-6-2@client6.example')}/summary`)).body.promises[0].id as string;
  const moved = await ann.send('PATCH', `/v1/promises/${encodeURIComponent(otherPromise)}`, { status: 'open', dueAt: '2026-11-25T17:00:00Z' });
  expect(moved.status, JSON.stringify(moved.body)).toBe(200);
  const annId = (await ann.get('/v1/me')).body.id as string;
  const settings = toAnalysisSettings((await ann.get('/v1/me/settings')).body);
  expect(await removeMessages(recorded, annId, ['kept-2-3@ours.example', 'late-1-1@client1.example', 'ask-7-7@client7.example'], settings)).toBe(3);
  // A settings change: the background re-derivation finds the threads derived with the old settings.
  await putSettings(ann, { internalDomains: ['ours.example'], timeZone: 'America/New_York' });
  await app.deps.rederiver!.idle();
  expect((await ann.get('/v1/me')).body.analysis).toMatchObject({ state: 'current', done: 125, total: 125 });
  plans = createClient({ url: env.url });
}, 120_000);

afterAll(() => {
  plans?.close();
  env?.cleanup();
});

describe('statement plans', () => {
  it("ingest, the everyday routes and the team's seek what they are about, never a walk of a user's whole history", async () => {
    const distinct = new Map<string, Recorded>();
    for (const r of seen) {
      if (!/^\s*(SELECT|INSERT|UPDATE|DELETE|WITH)\b/i.test(r.sql) || distinct.has(r.sql)) continue;
      if (WHOLE_HISTORY.some((w) => r.sql.trimStart().startsWith(w.starts))) continue;
      distinct.set(r.sql, r);
    }
    // Enough distinct statements that the paths above were really taken (ingest, rename, reads, writes, the team's;
    // 136 when written).
    expect(distinct.size).toBeGreaterThan(100);
    const offenders: string[] = [];
    const schema = { unique: new Map<string, string[]>(), tableOf: new Map<string, string>() };
    for (const table of (await plans.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows) {
      for (const index of (await plans.execute(`PRAGMA index_list("${String(table.name)}")`)).rows) {
        schema.tableOf.set(String(index.name), String(table.name));
        if (Number(index.unique) === 1) schema.unique.set(String(index.name), (await plans.execute(`PRAGMA index_info("${String(index.name)}")`)).rows.map((c) => String(c.name)));
      }
    }
    for (const { sql, args } of distinct.values()) {
      const plan = await plans.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: args as never });
      const bad = walks(plan.rows as unknown as { detail: string }[], schema, sql);
      if (bad.length > 0) offenders.push(`${bad.join('; ')}\n    in: ${sql.replace(/\s+/g, ' ').slice(0, 220)}`);
    }
    expect(offenders, offenders.join('\n')).toEqual([]);
  });

  it("finds a promise's later mail to the same people, and new mail's earlier promises to them, by address and time", async () => {
    // The recipients tables are keyed by (user, address, time, id): the key is the lookup, and a seek on the address
    // alone would read all of the mail to a client's main contact, which grows with the years.
    const byAddress = [...new Set(seen.map((r) => r.sql))].filter((sql) => /FROM "(evidence|promise)_recipients" r\b[\s\S]*"address" IN/.test(sql));
    expect(byAddress.some((sql) => sql.includes('"evidence_recipients"'))).toBe(true);
    expect(byAddress.some((sql) => sql.includes('"promise_recipients"'))).toBe(true);
    for (const sql of byAddress) {
      const args = seen.find((r) => r.sql === sql)!.args;
      const plan = (await plans.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args: args as never })).rows.map((r) => String(r.detail));
      expect(plan.join('\n'), sql).toMatch(/SEARCH r USING (COVERING )?INDEX \S+ \(user_id=\? AND address=\? AND (at|made_at)>\? AND (at|made_at)<\?\)/);
    }
  });

  it('finds a walk when there is one', () => {
    const schema: Schema = {
      unique: new Map([['sqlite_autoindex_threads_1', ['user_id', 'thread_id']]]),
      tableOf: new Map([
        ['snippets_kind_at_idx', 'snippets'],
        ['snippets_thread_idx', 'snippets'],
        ['promises_kept_at_idx', 'promises'],
        ['sqlite_autoindex_threads_1', 'threads'],
        ['touchpoints_counterpart_idx', 'touchpoints'],
      ]),
    };
    expect(walks([{ detail: 'SEARCH snippets USING INDEX snippets_kind_at_idx (user_id=? AND kind=?)' }], schema)).toHaveLength(1);
    expect(walks([{ detail: 'SEARCH s USING INDEX snippets_kind_at_idx (user_id=? AND kind=?)' }], schema)).toHaveLength(1);
    expect(walks([{ detail: 'SCAN messages' }], schema)).toHaveLength(1);
    expect(walks([{ detail: 'SEARCH s USING INDEX snippets_thread_idx (user_id=? AND thread_id=?)' }], schema)).toEqual([]);
    expect(walks([{ detail: 'CO-ROUTINE t' }, { detail: 'SCAN t' }], schema)).toEqual([]);
    expect(walks([{ detail: 'SEARCH promises USING INDEX promises_kept_at_idx (user_id=? AND kept_at>?)' }], schema)).toEqual([]);
    expect(walks([{ detail: 'SCAN 11 CONSTANT ROWS' }], schema)).toEqual([]);
    // "counterpart IS NOT NULL" planned as a range over the (user, counterpart) index reads every row of the user.
    const present = 'SELECT * FROM "snippets" WHERE "user_id" = ? AND "counterpart" IS NOT NULL';
    expect(walks([{ detail: 'SEARCH snippets USING INDEX snippets_kind_at_idx (user_id=? AND counterpart>?)' }], schema, present)).toHaveLength(1);
    expect(walks([{ detail: 'SEARCH snippets USING INDEX snippets_kind_at_idx (user_id=? AND counterpart>?)' }], schema, present.replace('"counterpart" IS', '+"counterpart" IS'))).toEqual([]);
    expect(walks([{ detail: 'SEARCH snippets USING INDEX snippets_kind_at_idx (user_id=? AND counterpart>? AND counterpart<?)' }], schema, present)).toEqual([]);
    expect(walks([{ detail: 'SEARCH threads USING INDEX sqlite_autoindex_threads_1 (user_id=? AND thread_id=?)' }], schema)).toEqual([]);
    // Touchpoints are logged by hand: a user's few hundred are read whole on purpose.
    expect(walks([{ detail: 'SEARCH touchpoints USING INDEX touchpoints_counterpart_idx (user_id=?)' }], schema)).toEqual([]);
  });
});
