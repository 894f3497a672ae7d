import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realSizeMailbox } from '../../bench/real-size-mailbox';
import { defaultConfig } from '../../src/config';
import { createDb } from '../../src/db/index';
import { createMemoryLogger } from '../../src/http/logger';
import { startServer } from '../../src/server';
import { createUser } from '../../src/store/users';
import { createTestDb } from '../support/test-db';

// Shutdown waits for the requests being handled, not only for the connections: a client that gives up closes
// its connection while its request still runs, and the database must not close under that request.

let env: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  env = await createTestDb();
});
afterAll(() => env.cleanup());

async function storedMessages(): Promise<number> {
  const look = await createDb(env.url);
  try {
    return Number((await look.reader.execute('SELECT count(*) AS n FROM messages')).rows[0]!.n);
  } finally {
    look.close();
    await look.whenClosed();
  }
}

describe('stopping the server', () => {
  it('finishes an import whose client left before it closes the database: every message is stored, no error', async () => {
    const { token } = await createUser(env.database.db, { email: 'maya@brightlane.example', now: new Date() });
    env.database.close();
    const logger = createMemoryLogger();
    const server = await startServer({ ...defaultConfig, port: 0, databaseUrl: env.url }, logger);
    const messages = [...realSizeMailbox({ messages: 5_000, keyClientMessages: 1_500, keyClientThreads: 200, smallClients: 20, endMs: Date.parse('2026-11-27T18:00:00Z'), seed: 5 })];

    const client = new AbortController();
    const posting = fetch(`${server.url}/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ messages }),
      signal: client.signal,
    }).catch((error: unknown) => error);
    // The import is under way (its first transaction committed) and far from done when its client gives up.
    let answered = false;
    void posting.then(() => (answered = true));
    let stored = 0;
    const look = await createDb(env.url);
    try {
      for (let i = 0; i < 3_000 && stored === 0 && !answered; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        stored = Number((await look.reader.execute('SELECT count(*) AS n FROM messages')).rows[0]!.n);
      }
    } finally {
      look.close();
      await look.whenClosed();
    }
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(messages.length);
    client.abort();
    expect(await posting).toMatchObject({ name: 'AbortError' });
    await server.close();

    expect(await storedMessages()).toBe(new Set(messages.map((m) => m.id)).size);
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([]);
    expect(logger.lines).toContainEqual(expect.objectContaining({ msg: 'request', method: 'POST', path: '/v1/messages', status: 200 }));
  }, 120_000);
});
