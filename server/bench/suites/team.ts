// A team at the size users have (issue 13): three colleagues in one organisation, each with their own
// 100,000-message mailbox (bench/real-size-mailbox.ts, a different seed each) of the same clients: the
// 20,000-message key client and the 160 client organisations are everyone's, the free-mail contacts their
// own. The real server process on a fresh libSQL file, everything over HTTP on loopback:
// - ingest of every mailbox through POST /v1/messages (msg/s), then the organisation made and joined;
// - the team's routes one request at a time, against what they are made of in the same run: the Clients
//   list of the team against one member's own list and against a one-member team of the same member,
//   the key client's 360° page against the member's own page of it, and everything against a bare route;
// - another user's GET /v1/me polled throughout (the longest wait is the longest the process was held).
// FOLLOWTHROUGH_BENCH_TEAM_MESSAGES=20000 runs smaller mailboxes (the key client keeps a fifth of each);
// FOLLOWTHROUGH_BENCH_TEAM_MEMBERS sets the team's size (default 3).
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, migrate } from '../../src/db/index';
import { createUser } from '../../src/store/users';
import { KEY_CLIENT, REAL_SIZE, realSizeMailbox, scaledRealSize } from '../real-size-mailbox';
import type { BenchFigure, BenchResult } from '../report';
import { loopSamples, single, startApiServer, startBareServer, startCanary, stop, loopFigures } from './real-size';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = resolve(serverDir, '../bench-results');
const MESSAGES = Number(process.env.FOLLOWTHROUGH_BENCH_TEAM_MESSAGES ?? REAL_SIZE.messages);
const MEMBERS = Math.max(2, Number(process.env.FOLLOWTHROUGH_BENCH_TEAM_MEMBERS ?? 3));
const BATCH = 1000;
const PEOPLE = [
  { name: 'Maya Chen', address: 'maya@brightlane.example', department: 'sales' },
  { name: 'Ravi Patel', address: 'ravi@brightlane.example', department: 'delivery' },
  { name: 'Lena Kovac', address: 'lena@brightlane.example', department: 'finance' },
  { name: 'Tom Ortega', address: 'tom@brightlane.example', department: 'support' },
  { name: 'Ines Duarte', address: 'ines@brightlane.example', department: 'marketing' },
];

export async function run(): Promise<BenchResult> {
  mkdirSync(resultsDir, { recursive: true });
  const dbFile = join(resultsDir, `team-${process.pid}.db`);
  const files = [dbFile, `${dbFile}-wal`, `${dbFile}-shm`];
  for (const f of files) rmSync(f, { force: true });
  const database = await createDb(`file:${dbFile}`);
  await migrate(database);
  const now = new Date();
  const people = Array.from({ length: MEMBERS }, (_, i) => PEOPLE[i % PEOPLE.length]!).map((p, i) => (i < PEOPLE.length ? p : { ...p, address: p.address.replace('@', `${i}@`) }));
  const tokens: string[] = [];
  for (const p of people) tokens.push((await createUser(database.db, { email: p.address, name: p.name, now })).token);
  const other = await createUser(database.db, { email: 'someone.else@elsewhere.example', now });
  database.close();

  const figures: BenchFigure[] = [];
  const notes: string[] = [];
  const loopFile = `${dbFile}.loop`;
  rmSync(loopFile, { force: true });
  const phases: Record<string, [number, number]> = {};
  const api = await startApiServer(dbFile, loopFile);
  const bare = await startBareServer();
  const canary = startCanary(api.url, other.token);
  const headers = (token: string) => ({ authorization: `Bearer ${token}`, 'content-type': 'application/json' });
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api.url}${path}`, { method, headers: headers(token), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const json = (await res.json()) as Record<string, unknown>;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json).slice(0, 300)}`);
    return json;
  };
  try {
    const endMs = now.getTime() - 2 * 86_400_000;
    const ingestStarted = Date.now();
    let sent = 0;
    let ingestMs = 0;
    for (const [i, p] of people.entries()) {
      await call(tokens[i]!, 'PUT', '/v1/me/settings', {
        addresses: [p.address],
        timeZone: 'Europe/Berlin',
        workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
        defaultCadenceDays: 21,
      });
      let batch: unknown[] = [];
      const flush = async () => {
        const t0 = performance.now();
        await call(tokens[i]!, 'POST', '/v1/messages', { messages: batch });
        ingestMs += performance.now() - t0;
        sent += batch.length;
        batch = [];
      };
      for (const message of realSizeMailbox({
        ...scaledRealSize(MESSAGES),
        endMs,
        seed: 20261203 + i,
        me: p,
      })) {
        batch.push(message);
        if (batch.length === BATCH) await flush();
      }
      if (batch.length > 0) await flush();
      console.log(`  team bench: ${p.address} ingested (${sent.toLocaleString('en')} messages so far, ${Math.round(sent / (ingestMs / 1000))} msg/s)`);
    }
    phases['ingest'] = [ingestStarted, Date.now()];

    // The organisation: Maya creates it and invites the others, who accept; each logs touchpoints with the key client.
    const org = (await call(tokens[0]!, 'POST', '/v1/orgs', { name: 'Brightlane' })) as { id: string };
    for (const [i, p] of people.entries()) {
      if (i === 0) continue;
      await call(tokens[0]!, 'POST', `/v1/orgs/${org.id}/members`, { email: p.address, role: 'member' });
      const { invitations } = (await call(tokens[i]!, 'GET', '/v1/invitations')) as { invitations: { id: string }[] };
      await call(tokens[i]!, 'POST', `/v1/invitations/${invitations[0]!.id}/accept`);
    }
    for (const [i, p] of people.entries()) {
      for (let k = 0; k < 20; k++) {
        await call(tokens[i]!, 'POST', '/v1/touchpoints', {
          id: randomUUID(),
          counterpart: KEY_CLIENT,
          kind: k % 5 === 0 ? 'invoice' : 'call',
          at: new Date(endMs - k * 3 * 86_400_000).toISOString(),
          summary: `Bench touchpoint ${k}`,
          department: p.department,
        });
      }
    }
    // The same member alone in a team of one: what composing adds over one member's own rows.
    const solo = (await call(tokens[0]!, 'POST', '/v1/orgs', { name: 'Maya alone' })) as { id: string };

    const bareSingle = await single(`${bare.url}/bare`, () => ({}));
    const get = (path: string) => single(`${api.url}${path}`, () => ({ headers: headers(tokens[0]!) }));
    const singlesStarted = Date.now();
    const ownList = await get('/v1/counterparts?limit=20');
    const soloList = await get(`/v1/orgs/${solo.id}/counterparts?limit=20`);
    const teamList = await get(`/v1/orgs/${org.id}/counterparts?limit=20`);
    const teamSilent = await get(`/v1/orgs/${org.id}/counterparts?filter=silent&limit=20`);
    const ownKey = await get(`/v1/counterparts/${encodeURIComponent(KEY_CLIENT)}`);
    const team360 = await get(`/v1/orgs/${org.id}/counterparts/${encodeURIComponent(KEY_CLIENT)}`);
    const small360 = await get(`/v1/orgs/${org.id}/counterparts/${encodeURIComponent('bluepeak-002.example')}`);
    const teamStats = await get(`/v1/orgs/${org.id}/team`);
    const reminders = await get('/v1/reminders');
    phases['one request at a time'] = [singlesStarted, Date.now()];

    figures.push(
      { name: 'members, each with a mailbox of', value: MESSAGES, unit: 'messages' },
      { name: 'team members', value: MEMBERS, unit: 'members' },
      { name: 'ingest via POST /v1/messages (1,000 per request)', value: Math.round(sent / (ingestMs / 1000)), unit: 'msg/s' },
      { name: 'bare Hono route, one request', value: bareSingle.medianMs, unit: 'ms' },
      { name: "GET /v1/counterparts?limit=20 (one member's own list)", value: ownList.medianMs, unit: 'ms' },
      { name: 'GET /v1/orgs/:id/counterparts?limit=20, team of one', value: soloList.medianMs, unit: 'ms' },
      { name: `GET /v1/orgs/:id/counterparts?limit=20, team of ${MEMBERS}`, value: teamList.medianMs, unit: 'ms' },
      { name: `team list, answer`, value: Math.round(teamList.bytes / 102.4) / 10, unit: 'KB', aim: '<= 256 KB' },
      { name: `team list / own list`, value: teamList.medianMs / ownList.medianMs, unit: 'x', aim: `<= ${MEMBERS + 1}x (members + composing)` },
      { name: `team list, ${MEMBERS} members / 1 member`, value: teamList.medianMs / soloList.medianMs, unit: 'x', aim: `<= ${MEMBERS + 1}x` },
      { name: 'team list / bare route', value: teamList.medianMs / bareSingle.medianMs, unit: 'x' },
      { name: 'GET /v1/orgs/:id/counterparts?filter=silent', value: teamSilent.medianMs, unit: 'ms' },
      { name: "GET /v1/counterparts/:key (one member's own page, key client)", value: ownKey.medianMs, unit: 'ms' },
      { name: 'GET /v1/orgs/:id/counterparts/:key (360°, key client)', value: team360.medianMs, unit: 'ms', aim: '<= 100 ms' },
      { name: '360° key client, answer', value: Math.round(team360.bytes / 102.4) / 10, unit: 'KB', aim: '<= 256 KB' },
      { name: '360° key client / own page', value: team360.medianMs / ownKey.medianMs, unit: 'x', aim: `<= ${MEMBERS + 1}x` },
      { name: '360° key client / bare route', value: team360.medianMs / bareSingle.medianMs, unit: 'x' },
      { name: 'GET /v1/orgs/:id/counterparts/:key (360°, small client)', value: small360.medianMs, unit: 'ms' },
      { name: '360° key / small client', value: team360.medianMs / small360.medianMs, unit: 'x', aim: '<= 3x' },
      { name: 'GET /v1/orgs/:id/team (managers: every member over all clients)', value: teamStats.medianMs, unit: 'ms' },
      { name: 'GET /v1/reminders (with the team\'s reviews and feedback)', value: reminders.medianMs, unit: 'ms' },
      { name: 'GET /v1/reminders / bare route', value: reminders.medianMs / bareSingle.medianMs, unit: 'x' },
    );
  } finally {
    const held = await canary.stop();
    figures.push({ name: "another user's GET /v1/me meanwhile, longest wait", value: held.maxMs, unit: 'ms', aim: '< 100 ms' });
    notes.push(`another user polled GET /v1/me ${held.count} times during the run; ${held.failures} failed`);
    await stop(api.child);
    await stop(bare.child);
    const samples = loopSamples(loopFile);
    for (const [phase, [from, to]] of Object.entries(phases)) {
      figures.push(...loopFigures(`during ${phase}`, samples, from, to));
    }
    rmSync(loopFile, { force: true });
    for (const f of files) rmSync(f, { force: true });
  }
  notes.push('one request at a time, median of up to 15; the members share the key client and 160 client organisations, each has 30 free-mail contacts of their own');
  return { suite: 'team', figures, notes };
}
