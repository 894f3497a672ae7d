import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedMessageInput } from '@followthrough/shared';
import { createDb, migrate } from '../../src/db/index';
import { createUser } from '../../src/store/users';
import { realSizeMailbox } from '../../bench/real-size-mailbox';

// Several API processes on one libSQL file (the brief: "API processes stateless"). Two processes take
// alternate batches of one mailbox at the same time, for the same user; a third database gets the same
// batches one after the other from one process. The figures must not depend on which process wrote what
// or in what interleaving: aggregates stay the sum of their threads, and promises fold every piece of
// evidence. Then a settings change is re-derived once, by whichever process takes the lease.

const serverDir = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(join(tmpdir(), 'ft-multi-'));
const ME = 'maya@brightlane.example';
const NOW = '2026-11-30T10:00:00.000Z';
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function startProcess(dbFile: string): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: `file:${dbFile}`, HOST: '127.0.0.1', PORT: '0', FT_NOW: NOW, FT_RATE_LIMIT_BURST: '1000000', FT_RATE_LIMIT_PER_SECOND: '1000000' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const line = JSON.parse(buffered.slice(0, nl)) as Record<string, unknown>;
        buffered = buffered.slice(nl + 1);
        if (line.msg === 'listening') resolve(String(line.url));
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
}

async function database(name: string): Promise<{ file: string; token: string }> {
  const file = join(dir, name);
  const db = await createDb(`file:${file}`);
  await migrate(db);
  const { token } = await createUser(db.db, { email: ME, now: new Date(NOW) });
  db.close();
  return { file, token };
}

function client(url: string, token: string) {
  return async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
    const body = (await res.json()) as T;
    if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
    return body;
  };
}

const settings = (timeZone: string) =>
  JSON.stringify({ addresses: [ME], timeZone, workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] }, defaultCadenceDays: 21 });

async function figures(call: ReturnType<typeof client>) {
  const counterparts = await call<{ counterparts: unknown[]; total: number }>('/v1/counterparts?sort=key&limit=200');
  const promises = await call<{ promises: unknown[] }>('/v1/promises?limit=500');
  return { counterparts: counterparts.counterparts, total: counterparts.total, promises: promises.promises };
}

let shared: { a: ReturnType<typeof client>; b: ReturnType<typeof client> };
let single: ReturnType<typeof client>;
let batches: NormalizedMessageInput[][];

beforeAll(async () => {
  // Every message carries its provider's thread id or its headers: which process threads it cannot matter.
  const messages = [...realSizeMailbox({ messages: 1_200, keyClientMessages: 300, keyClientThreads: 45, smallClients: 20, endMs: Date.parse('2026-11-27T18:00:00Z'), seed: 11 })];
  batches = [];
  for (let i = 0; i < messages.length; i += 100) batches.push(messages.slice(i, i + 100));
  const [two, one] = await Promise.all([database('two-processes.db'), database('one-process.db')]);
  const [urlA, urlB, urlSingle] = await Promise.all([startProcess(two.file), startProcess(two.file), startProcess(one.file)]);
  shared = { a: client(urlA, two.token), b: client(urlB, two.token) };
  single = client(urlSingle, one.token);
  await shared.a('/v1/me/settings', { method: 'PUT', body: settings('Europe/Berlin') });
  await single('/v1/me/settings', { method: 'PUT', body: settings('Europe/Berlin') });
}, 120_000);

describe('two API processes on one database file', () => {
  it('ingesting alternate batches at the same time gives the figures one process gives', async () => {
    // Two writers at once: each process sends every other batch, both streams in flight together.
    const stream = (call: ReturnType<typeof client>, parity: number) => async () => {
      for (let i = parity; i < batches.length; i += 2) await call('/v1/messages', { method: 'POST', body: JSON.stringify({ messages: batches[i] }) });
    };
    await Promise.all([stream(shared.a, 0)(), stream(shared.b, 1)()]);
    for (const batch of batches) await single('/v1/messages', { method: 'POST', body: JSON.stringify({ messages: batch }) });
    const [fromA, fromB, reference] = await Promise.all([figures(shared.a), figures(shared.b), figures(single)]);
    expect(reference.total).toBeGreaterThan(15);
    expect(fromA).toEqual(reference);
    expect(fromB).toEqual(reference);
  }, 180_000);

  it('re-derives a settings change once, whichever process takes it, and both then agree with one process', async () => {
    await shared.b('/v1/me/settings', { method: 'PUT', body: settings('America/New_York') });
    await single('/v1/me/settings', { method: 'PUT', body: settings('America/New_York') });
    const settled = async (call: ReturnType<typeof client>) => {
      for (let i = 0; i < 240; i++) {
        const me = await call<{ analysis: { state: string; done: number; total: number } }>('/v1/me');
        if (me.analysis.state === 'current') return me.analysis;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error('re-derivation did not finish');
    };
    const [two, one] = await Promise.all([settled(shared.a), settled(single)]);
    expect(two.done).toBe(two.total);
    expect(two.total).toBe(one.total);
    const [fromA, reference] = await Promise.all([figures(shared.a), figures(single)]);
    expect(fromA).toEqual(reference);
  }, 180_000);
});
