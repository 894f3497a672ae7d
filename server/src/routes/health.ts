import { Hono } from 'hono';
import { healthzResponseSchema } from '@followthrough/shared/contract';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';

/** `GET /healthz`: answers 200 only when the database answers; load balancers take the process out otherwise. */
export const healthRoutes = new Hono<AppEnv>().get('/healthz', describe({ summary: 'Liveness and database check (503 when this process cannot write)', response: healthzResponseSchema, public: true }), async (c) => {
  await c.get('deps').database.client.execute('SELECT 1');
  // The database answers reads, but this process's writes failed in the last minute (a full disk): not
  // healthy, and saying why.
  const storage = c.get('deps').storageHealth?.status(c.get('deps').clock());
  if (storage && !storage.writable) {
    return c.json({ status: 'degraded' as const, database: 'read-only' as const, reason: storage.reason, since: storage.since }, 503);
  }
  return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
});
