import { Hono } from 'hono';
import { ingestMessagesRequestSchema } from '@followthrough/shared/contract';
import type { AppEnv } from '../http/env';
import { validate } from '../http/validate';
import { ingestMessages } from '../store/ingest';
import { getUserSettings, toAnalysisSettings } from '../store/users';

export const messageRoutes = new Hono<AppEnv>().post('/', validate('json', ingestMessagesRequestSchema), async (c) => {
  const { messages } = c.req.valid('json');
  const { settings } = await getUserSettings(c.var.deps.database.db, c.var.user.id);
  const result = await ingestMessages(c.var.deps.database, c.var.user.id, messages, toAnalysisSettings(settings));
  return c.json(result, 200);
});
