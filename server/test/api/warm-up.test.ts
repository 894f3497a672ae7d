import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { POOL_MIN_BATCH } from '../../src/store/read-pool';
import { warmUp } from '../../src/warm-up';

// The warm-up runs the everyday routes once before the server listens (warm-up.ts). Every call must succeed
// (it throws on any answer >= 400, so a route or body that drifts from the contract fails here), and it
// must leave nothing behind.
describe('the warm-up before listening', () => {
  it('runs the everyday routes against a throwaway database and removes it', async () => {
    const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith('followthrough-warm-up-'));
    const before = leftovers();
    const made = await warmUp({ corsOrigins: [], bodyLimitBytes: 16 * 1024 * 1024 });
    // Messages both ways they are read: a batch on the reader threads, and the sidebar's one message in the process.
    const posted = made.filter((c) => c.path === '/v1/messages').map((c) => c.messages!);
    expect(posted.some((n) => n >= POOL_MIN_BATCH)).toBe(true);
    expect(posted.some((n) => n < POOL_MIN_BATCH)).toBe(true);
    expect(made.map((c) => `${c.method} ${c.path.replace(/\/threads\/[^/]+/, '/threads/:id').replace(/counterparts\/[^/?]+/, 'counterparts/:key')}`)).toEqual(
      expect.arrayContaining(['GET /v1/threads/:id/summary', 'GET /v1/reminders', 'GET /v1/counterparts?limit=20', 'GET /v1/counterparts/:key', 'GET /v1/counterparts/:key/report', 'POST /v1/touchpoints']),
    );
    // Other test files' servers warm up at the same time: only this call's folder must be gone.
    expect(leftovers().filter((name) => !before.includes(name))).toEqual([]);
  }, 30_000);
});
