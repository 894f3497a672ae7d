// API benchmark (issue 3, "Proof"): the real server process on loopback against a database of 10,000
// counterparts and 1,000,000 messages; autocannon at 50 connections on the thread summary (what the
// sidebar asks for on every thread open) and touchpoint writes, with a bare Hono route served by a
// separate process in the same run as the baseline. Ingest is measured end to end through
// POST /v1/messages on a 20,000-message slice.
//
// The 1M-message database takes minutes to build on two cores (the engine reads every body once), so it
// is built once, through the same storage function the ingest route uses (store/ingest.ts), into
// bench-results/api-1m-v<version>.db (git-ignored) and reused. Delete that file to rebuild.
// FOLLOWTHROUGH_BENCH_API_COUNTERPARTS=1000 builds (and caches separately) a smaller database for a quick run.
// FOLLOWTHROUGH_BENCH_API_INGEST_ONLY=1 runs only the ingest slice (for iterating on ingest) and writes
// bench-results/api-ingest.json, leaving the full suite's api.json alone.
// FOLLOWTHROUGH_BENCH_API_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" passes node flags to the
// API server process (NODE_OPTIONS does not allow --cpu-prof).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { normalizedMessageSchema } from '@followthrough/shared';
import { createDb, migrate } from '../../src/db/index';
import { ingestMessages } from '../../src/store/ingest';
import { createUser, defaultUserSettings, issueToken, putUserSettings, toAnalysisSettings } from '../../src/store/users';
import { datasetMessages, type DatasetShape } from '../api-dataset';
import type { BenchFigure, BenchResult } from '../report';
import { ENGINE_NODE_FLAGS } from '../../src/engine-node-flags';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const resultsDir = resolve(serverDir, '../bench-results');
// 2: the incremental read model (issue 9) stores different tables.
const DATASET_VERSION = 2;
const COUNTERPARTS = Number(process.env.FOLLOWTHROUGH_BENCH_API_COUNTERPARTS ?? 10_000);
const THREADS_PER_COUNTERPART = 20;
const MESSAGES_PER_THREAD = 5;
const BENCH_EMAIL = 'alice@acme.example';
const CONNECTIONS = 50;
const DURATION_S = Number(process.env.FOLLOWTHROUGH_BENCH_API_SECONDS ?? 10);
const INGEST_ONLY = process.env.FOLLOWTHROUGH_BENCH_API_INGEST_ONLY === '1';
// The dataset ends a week before "now", so promises, silences and awaiting figures are all in play.
const END_MS = Date.parse('2026-11-16T12:00:00Z');

function baseShape(): DatasetShape {
  return { counterparts: COUNTERPARTS, threadsPerCounterpart: THREADS_PER_COUNTERPART, messagesPerThread: MESSAGES_PER_THREAD, endMs: END_MS, prefix: '', me: BENCH_EMAIL };
}

/** Builds the big database once (through ingestMessages, batch by batch) or reuses the cached file. */
async function ensureDataset(): Promise<{ file: string; builtMs: number | null; rate: number | null }> {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `api-${COUNTERPARTS === 10_000 ? '1m' : `${COUNTERPARTS}c`}-v${DATASET_VERSION}.db`);
  if (existsSync(file)) return { file, builtMs: null, rate: null };
  const building = `${file}.building`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) rmSync(f, { force: true });
  const database = await createDb(`file:${building}`);
  await migrate(database);
  const started = performance.now();
  const { userId } = await createUser(database.db, { email: BENCH_EMAIL, name: 'Alice Meyer', now: new Date(END_MS) });
  const userSettings = { ...defaultUserSettings(BENCH_EMAIL), timeZone: 'Europe/Berlin', defaultCadenceDays: 30 };
  await putUserSettings(database.db, userId, userSettings);
  const settings = toAnalysisSettings(userSettings);
  const perBatch = 25; // whole counterparts: 2,500 messages, every thread complete within its batch
  let done = 0;
  for (let c = 0; c < COUNTERPARTS; c += perBatch) {
    const batch = datasetMessages(baseShape(), c, Math.min(COUNTERPARTS, c + perBatch)).map((m) => normalizedMessageSchema.parse(m));
    await ingestMessages(database, userId, batch, settings);
    done += batch.length;
    if (done % 100_000 < batch.length) {
      const s = (performance.now() - started) / 1000;
      console.log(`  api bench: built ${done.toLocaleString('en')} messages in ${s.toFixed(0)} s (${Math.round(done / s)} msg/s)`);
    }
  }
  const builtMs = performance.now() - started;
  await database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  database.close();
  renameSync(building, file);
  rmSync(`${building}-wal`, { force: true });
  rmSync(`${building}-shm`, { force: true });
  return { file, builtMs, rate: done / (builtMs / 1000) };
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForHttp(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`process for ${url} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not come up`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The real server: `src/main.ts`, as `pnpm start` runs it, with its JSON request logs going nowhere. */
async function startApiServer(dbFile: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const nodeArgs = (process.env.FOLLOWTHROUGH_BENCH_API_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...ENGINE_NODE_FLAGS, ...nodeArgs, '--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: `file:${dbFile}`,
      // The limiter still runs (one upsert per request); it just never refuses the load generator.
      FT_RATE_LIMIT_BURST: '1000000000',
      FT_RATE_LIMIT_PER_SECOND: '1000000000',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/healthz`, child);
  return { url, child };
}

/** A bare Hono route on @hono/node-server in its own process: the ceiling for "Hono on this machine". */
async function startBareServer(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const code = `import { Hono } from 'hono'; import { serve } from '@hono/node-server';
    const app = new Hono().get('/bare', (c) => c.json({ ok: true }));
    serve({ fetch: app.fetch, hostname: '127.0.0.1', port: ${port} });`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { cwd: serverDir, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/bare`, child);
  return { url, child };
}

/**
 * CPU seconds (user + system) a process has used so far, from /proc (Linux); null elsewhere. Less
 * sensitive than wall time to whatever else the shared machine is running.
 */
function cpuSecondsOf(pid: number | undefined): number | null {
  const stat = pid === undefined ? null : `/proc/${pid}/stat`;
  if (!stat || !existsSync(stat)) return null;
  // Fields after the command name (which may contain spaces); utime and stime are the 14th and 15th.
  const text = readFileSync(stat, 'utf8');
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(opts: autocannon.Options): Promise<Load> {
  // A short warm-up so JIT and caches settle, then the measured run.
  await autocannon({ ...opts, duration: 2 });
  const r = await autocannon({ ...opts, duration: DURATION_S });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

export async function run(): Promise<BenchResult> {
  const notes: string[] = [];
  const dataset = await ensureDataset();
  const sizeMB = statSync(dataset.file).size / 1e6;
  notes.push(
    dataset.builtMs === null
      ? `reused the cached database ${dataset.file} (${sizeMB.toFixed(0)} MB); delete it to rebuild`
      : `built ${dataset.file} (${sizeMB.toFixed(0)} MB) in ${(dataset.builtMs / 1000).toFixed(0)} s, cached for later runs`,
  );

  // Tokens for this run, and a fresh user for the ingest slice (erased afterwards, so the cache stays as built).
  const database = await createDb(`file:${dataset.file}`);
  const token = await issueToken(database.db, BENCH_EMAIL, new Date());
  const sliceEmail = `slice-${Date.now()}@acme.example`;
  const slice = await createUser(database.db, { email: sliceEmail, now: new Date() });
  await putUserSettings(database.db, slice.userId, { ...defaultUserSettings(sliceEmail), timeZone: 'Europe/Berlin' });
  const counts = await database.client.execute('SELECT (SELECT count(*) FROM messages) AS m, (SELECT count(DISTINCT counterpart) FROM threads) AS c, (SELECT count(*) FROM threads) AS t');
  database.close();

  const api = await startApiServer(dataset.file);
  const bare = await startBareServer();
  const figures: BenchFigure[] = [];
  try {
    // Ingest: 20,000 messages (200 clients x 20 threads x 5) through POST /v1/messages, 1,000 per request.
    const sliceMessages = datasetMessages({ ...baseShape(), counterparts: 200, prefix: 's', me: sliceEmail }, 0, 200);
    const started = performance.now();
    const cpuBefore = cpuSecondsOf(api.child.pid);
    for (let i = 0; i < sliceMessages.length; i += 1000) {
      const res = await fetch(`${api.url}/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${slice.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ messages: sliceMessages.slice(i, i + 1000) }),
      });
      if (res.status !== 200) throw new Error(`ingest: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
    const ingestRate = sliceMessages.length / ((performance.now() - started) / 1000);
    const cpuAfter = cpuSecondsOf(api.child.pid);
    const ingestCpuFigures: BenchFigure[] =
      cpuBefore === null || cpuAfter === null
        ? []
        : [{ name: 'ingest server CPU per 1,000 messages', value: Math.round(((cpuAfter - cpuBefore) * 1000 * 1000) / sliceMessages.length), unit: 'ms' }];
    await fetch(`${api.url}/v1/me`, { method: 'DELETE', headers: { authorization: `Bearer ${slice.token}` } });
    if (INGEST_ONLY) {
      figures.push({ name: 'ingest via POST /v1/messages', value: Math.round(ingestRate), unit: 'msg/s', aim: '>= 5000 msg/s' }, ...ingestCpuFigures);
      notes.push('ingest slice only (FOLLOWTHROUGH_BENCH_API_INGEST_ONLY=1): no load tests');
      return { suite: 'api-ingest', figures, notes };
    }

    const baseline = await load({ url: `${bare.url}/bare`, connections: CONNECTIONS });
    const threadCount = COUNTERPARTS * THREADS_PER_COUNTERPART;
    const summary = await load({
      url: api.url,
      connections: CONNECTIONS,
      headers: { authorization: `Bearer ${token}` },
      requests: [
        {
          method: 'GET',
          setupRequest: (req) => {
            const threadNo = Math.floor(Math.random() * threadCount);
            return { ...req, path: `/v1/threads/a${threadNo.toString(16).padStart(15, '0')}/summary` };
          },
        },
      ],
    });
    const touchpoints = await load({
      url: api.url,
      connections: CONNECTIONS,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      requests: [
        {
          method: 'POST',
          path: '/v1/touchpoints',
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({
              id: randomUUID(),
              counterpart: `client${Math.floor(Math.random() * COUNTERPARTS)}.example`,
              kind: 'call',
              at: new Date().toISOString(),
              summary: 'Weekly check-in call',
            }),
          }),
        },
      ],
    });
    for (const [name, l] of [['summary', summary], ['touchpoint', touchpoints], ['bare', baseline]] as const) {
      if (l.errors > 0 || l.non2xx > 0) notes.push(`${name}: ${l.errors} connection errors, ${l.non2xx} non-2xx answers`);
    }

    figures.push(
      { name: 'dataset messages', value: Number(counts.rows[0]!.m), unit: 'messages' },
      { name: 'dataset counterparts', value: Number(counts.rows[0]!.c), unit: 'counterparts' },
      { name: 'dataset threads', value: Number(counts.rows[0]!.t), unit: 'threads' },
      ...(dataset.builtMs !== null
        ? [
            { name: 'dataset build time', value: Math.round(dataset.builtMs / 1000), unit: 's' },
            { name: 'dataset build rate (storage path)', value: Math.round(dataset.rate!), unit: 'msg/s' },
          ]
        : []),
      { name: 'ingest via POST /v1/messages', value: Math.round(ingestRate), unit: 'msg/s', aim: '>= 5000 msg/s' },
      ...ingestCpuFigures,
      { name: 'bare Hono route', value: Math.round(baseline.rps), unit: 'req/s' },
      { name: 'bare Hono route p50', value: baseline.p50, unit: 'ms' },
      { name: 'bare Hono route p99', value: baseline.p99, unit: 'ms' },
      { name: 'thread summary', value: Math.round(summary.rps), unit: 'req/s' },
      { name: 'thread summary p50', value: summary.p50, unit: 'ms' },
      { name: 'thread summary p99', value: summary.p99, unit: 'ms', aim: '<= 20 ms' },
      { name: 'thread summary / bare (req/s)', value: summary.rps / baseline.rps, unit: 'x' },
      { name: 'touchpoint POST', value: Math.round(touchpoints.rps), unit: 'req/s' },
      { name: 'touchpoint POST p50', value: touchpoints.p50, unit: 'ms' },
      { name: 'touchpoint POST p99', value: touchpoints.p99, unit: 'ms' },
      { name: 'touchpoint POST / bare (req/s)', value: touchpoints.rps / baseline.rps, unit: 'x' },
    );
    notes.push(`${CONNECTIONS} connections, ${DURATION_S} s per route after a 2 s warm-up; server and load generator share the machine's cores`);
  } finally {
    await stop(api.child);
    await stop(bare.child);
  }
  return { suite: 'api', figures, notes };
}
