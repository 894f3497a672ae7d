import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/test-db';
import { createTestApp, type Client, type TestApp } from '../support/test-app';

// Which connection a request's reads wait on (src/db/client.ts): the routes' reads go to the reader threads, while
// the token lookup every request starts with runs on the event loop's own connection. A request that needs nothing
// of the reader threads is never queued behind a slow read of someone else's, and one that does is answered by the
// second thread while the first is held by it (db/reader-thread.ts).

let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let bob: Client;

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database);
  bob = await t.addUser('bob@acme.example');
});
afterAll(() => env.cleanup());

/** A read that keeps the reader thread busy for a while (a few hundred ms here). */
const SLOW = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) AS n FROM n';

/** Starts a slow read on a reader thread, then asks `path`: which of the two finished first, and the answer's status. */
async function finishingOrder(path: string): Promise<{ finished: string[]; status: number }> {
  const finished: string[] = [];
  const slow = env.database.reader.execute(SLOW).then(() => finished.push('slow read'));
  // The slow read has held its thread for a while when the request comes.
  await new Promise((resolve) => setTimeout(resolve, 30));
  const res = await bob.get(path);
  finished.push(`GET ${path}`);
  await slow;
  return { finished, status: res.status };
}

describe('a request while the reader thread runs a slow read', () => {
  it('is authenticated and answered without waiting for it', async () => {
    const { finished, status } = await finishingOrder('/v1/me');
    expect(status).toBe(200);
    expect(finished).toEqual(['GET /v1/me', 'slow read']);
  });

  it('that reads on the reader threads is answered by the other thread, without waiting for it', async () => {
    const { finished, status } = await finishingOrder('/v1/reminders');
    expect(status).toBe(200);
    expect(finished).toEqual(['GET /v1/reminders', 'slow read']);
  });
});
