// @vitest-environment node
// The background is a service worker, not a page: Node's fetch (no CORS preflight) is the closer match.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeBrowser } from 'wxt/testing';
import type { Touchpoint } from '@followthrough/shared/model';
import { createApiClient } from './api-client';
import { backoffMs, BACKOFF_MAX_MS, createOfflineQueue, describeWrite, type QueueState, type QueuedWrite, type SendOutcome } from './offline-queue';
import { offlineQueueItem } from './storage';

/** A loopback HTTP server that records what reaches it and answers with the scripted statuses. */
interface Recorded {
  method: string;
  path: string;
  body: unknown;
}
let server: Server;
let baseUrl: string;
const received: Recorded[] = [];
let script: { status: number; headers?: Record<string, string> }[] = [];

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
    req.on('end', () => resolve(data ? JSON.parse(data) : null));
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      received.push({ method: req.method ?? '', path: req.url ?? '', body });
      const next = script.shift() ?? { status: 201 };
      res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers });
      res.end(next.status < 400 ? JSON.stringify({ ok: true }) : JSON.stringify({ error: { code: 'internal', message: 'scripted failure', requestId: 'r1' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  fakeBrowser.reset();
  received.length = 0;
  script = [];
});

const touchpoint: Touchpoint = {
  id: '3f0c6a4e-2b1d-4c8e-9f7a-5d6e7f8a9b0c',
  counterpart: 'northwind-logistics.example',
  kind: 'call',
  at: '2026-11-16T10:30:00.000Z',
  summary: 'Agreed the new go-live date',
};

/** A queue as the background builds it: storage-backed, sending through the real API client. */
function backgroundQueue(url: string, clock: { now: number }) {
  return createOfflineQueue({
    load: () => offlineQueueItem.getValue(),
    save: (state) => offlineQueueItem.setValue(state),
    now: () => clock.now,
    random: () => 0.5,
    async send(write: QueuedWrite): Promise<SendOutcome> {
      const client = createApiClient({ baseUrl: url, token: 'ft_test_token', timeoutMs: 2000 });
      const result = write.kind === 'touchpoint' ? await client.createTouchpoint(write.touchpoint) : write.kind === 'verdict' ? await client.updatePromise(write.promiseId, write.body) : await client.health();
      if (result.ok) return { ok: true };
      return { ok: false, retry: result.retry, error: result.error, ...(result.retryAfterMs ? { retryAfterMs: result.retryAfterMs } : {}) };
    },
  });
}

describe('offline write queue', () => {
  it('keeps a touchpoint while the server is down, and sends it exactly once after a browser restart', async () => {
    const clock = { now: Date.parse('2026-11-16T10:30:00Z') };
    // The server is "down": nothing listens on port 9 (discard) on loopback.
    const before = backgroundQueue('http://127.0.0.1:9', clock);
    await before.enqueue({ kind: 'touchpoint', touchpoint });
    const first = await before.flush();
    expect(first).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const stored = await offlineQueueItem.getValue();
    expect(stored.entries).toHaveLength(1);
    expect(stored.entries[0]!.attempts).toBe(1);
    expect(stored.entries[0]!.lastError).toMatch(/Server not reachable/);

    // Restart: a new queue instance over the same storage, server back, backoff elapsed.
    clock.now += 60_000;
    const after = backgroundQueue(baseUrl, clock);
    expect(await after.flush()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await after.flush()).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(received).toEqual([{ method: 'POST', path: '/v1/touchpoints', body: touchpoint }]);
    expect((await offlineQueueItem.getValue()).entries).toEqual([]);
  });

  it('does not retry before the backoff has passed', async () => {
    const clock = { now: Date.parse('2026-11-16T10:30:00Z') };
    const queue = backgroundQueue(baseUrl, clock);
    script = [{ status: 503 }];
    await queue.enqueue({ kind: 'touchpoint', touchpoint });
    expect(await queue.flush()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    clock.now += backoffMs(1, () => 0.5) - 1;
    expect(await queue.flush()).toEqual({ sent: 0, retrying: 1, failed: 0 });
    expect(received).toHaveLength(1);
    clock.now += 1;
    expect(await queue.flush()).toEqual({ sent: 1, retrying: 0, failed: 0 });
    // Both attempts carried the same client-made id: the server dedupes a write it half-received.
    expect(received.map((r) => (r.body as Touchpoint).id)).toEqual([touchpoint.id, touchpoint.id]);
  });

  it('honours Retry-After on 429', async () => {
    const clock = { now: Date.parse('2026-11-16T10:30:00Z') };
    const queue = backgroundQueue(baseUrl, clock);
    script = [{ status: 429, headers: { 'retry-after': '120' } }];
    await queue.enqueue({ kind: 'touchpoint', touchpoint });
    await queue.flush();
    const entry = (await offlineQueueItem.getValue()).entries[0]!;
    expect(Date.parse(entry.nextAttemptAt) - clock.now).toBe(120_000);
  });

  it('logs the same touchpoint once even when asked twice', async () => {
    const clock = { now: Date.parse('2026-11-16T10:30:00Z') };
    const queue = backgroundQueue(baseUrl, clock);
    await queue.enqueue({ kind: 'touchpoint', touchpoint });
    await queue.enqueue({ kind: 'touchpoint', touchpoint: { ...touchpoint } });
    expect((await offlineQueueItem.getValue()).entries).toHaveLength(1);
    await queue.flush();
    expect(received).toHaveLength(1);
  });

  it('sends only the latest verdict for a promise', async () => {
    const clock = { now: Date.parse('2026-11-16T10:30:00Z') };
    const queue = backgroundQueue('http://127.0.0.1:9', clock);
    await queue.enqueue({ kind: 'verdict', promiseId: 'p1a2b3', body: { status: 'done' } });
    await queue.enqueue({ kind: 'verdict', promiseId: 'p1a2b3', body: { status: 'open', dueAt: '2026-11-20T17:00:00.000Z' } });
    const online = backgroundQueue(baseUrl, clock);
    await online.flush();
    expect(received).toEqual([{ method: 'PATCH', path: '/v1/promises/p1a2b3', body: { status: 'open', dueAt: '2026-11-20T17:00:00.000Z' } }]);
  });

  it('keeps writes in order and stops at the first failure while the server is down', async () => {
    const clock = { now: Date.parse('2026-11-16T10:30:00Z') };
    const queue = backgroundQueue(baseUrl, clock);
    const second = { ...touchpoint, id: '9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d', kind: 'note' as const };
    script = [{ status: 502 }];
    await queue.enqueue({ kind: 'touchpoint', touchpoint });
    await queue.enqueue({ kind: 'touchpoint', touchpoint: second });
    expect(await queue.flush()).toEqual({ sent: 0, retrying: 2, failed: 0 });
    expect(received).toHaveLength(1);
    clock.now += BACKOFF_MAX_MS;
    expect(await queue.flush()).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect(received.slice(1).map((r) => (r.body as Touchpoint).id)).toEqual([touchpoint.id, second.id]);
  });

  it('moves a write the server refuses (400) to failed and never resends it', async () => {
    const clock = { now: Date.parse('2026-11-16T10:30:00Z') };
    const queue = backgroundQueue(baseUrl, clock);
    script = [{ status: 400 }];
    await queue.enqueue({ kind: 'touchpoint', touchpoint });
    expect(await queue.flush()).toEqual({ sent: 0, retrying: 0, failed: 1 });
    const state = await offlineQueueItem.getValue();
    expect(state.entries).toEqual([]);
    expect(state.failed[0]!.lastError).toBe('internal: scripted failure');
    clock.now += BACKOFF_MAX_MS;
    await queue.flush();
    expect(received).toHaveLength(1);
  });

  it('runs concurrent flushes one after the other, so nothing is sent twice', async () => {
    const clock = { now: Date.parse('2026-11-16T10:30:00Z') };
    const queue = backgroundQueue(baseUrl, clock);
    await queue.enqueue({ kind: 'touchpoint', touchpoint });
    const reports = await Promise.all([queue.flush(), queue.flush(), queue.flush()]);
    expect(reports.map((r) => r.sent)).toEqual([1, 0, 0]);
    expect(received).toHaveLength(1);
  });

  it('backs off exponentially with jitter, capped at 30 minutes', () => {
    expect(backoffMs(1, () => 0)).toBe(2_500);
    expect(backoffMs(1, () => 1)).toBe(5_000);
    expect(backoffMs(3, () => 1)).toBe(20_000);
    expect(backoffMs(30, () => 1)).toBe(BACKOFF_MAX_MS);
  });
});

describe('profile edits, retry and discard (issue 12)', () => {
  it('merges edits of one client, lets a refused write be retried or discarded, and says what each is', async () => {
    let state: QueueState = { entries: [], failed: [] };
    const outcomes: SendOutcome[] = [{ ok: false, retry: false, error: 'validation_failed: body.cadenceDays' }, { ok: true }];
    const sent: QueuedWrite[] = [];
    const queue = createOfflineQueue({
      load: async () => state,
      save: async (next) => {
        state = next;
      },
      now: () => Date.parse('2026-11-23T09:00:00Z'),
      send: async (write) => {
        sent.push(write);
        return outcomes.shift() ?? { ok: true };
      },
    });
    await queue.enqueue({ kind: 'profile', counterpart: 'northwind.example', patch: { cadenceDays: 14 } });
    await queue.enqueue({ kind: 'profile', counterpart: 'northwind.example', patch: { renewalDate: '2027-01-10' } });
    expect(state.entries).toHaveLength(1);
    expect(state.entries[0]!.write).toEqual({ kind: 'profile', counterpart: 'northwind.example', patch: { cadenceDays: 14, renewalDate: '2027-01-10' } });
    expect(describeWrite(state.entries[0]!.write)).toBe('Client northwind.example: cadence, renewal date');
    await queue.flush();
    expect(state.failed.map((e) => e.lastError)).toEqual(['validation_failed: body.cadenceDays']);
    expect(await queue.retry('profile:northwind.example')).toBe(true);
    expect(state.failed).toEqual([]);
    await queue.flush();
    expect(sent).toHaveLength(2);
    expect(state.entries).toEqual([]);
    await queue.enqueue({ kind: 'snooze', reminderId: 'silence:northwind.example', until: '2026-11-30T09:00:00.000Z' });
    expect((await queue.discard('snooze:silence:northwind.example'))?.write.kind).toBe('snooze');
    expect(state.entries).toEqual([]);
  });
});
