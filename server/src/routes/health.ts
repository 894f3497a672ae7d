import { Hono } from 'hono';
import type { AppEnv } from '../http/env';

/** `GET /healthz`: answers 200 only when the database answers; load balancers take the process out otherwise. */
export const healthRoutes = new Hono<AppEnv>().get('/healthz', async (c) => {
  await c.var.deps.database.client.execute('SELECT 1');
  return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
});
