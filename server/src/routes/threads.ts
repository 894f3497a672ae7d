import { Hono } from 'hono';
import { z } from 'zod';
import { threadSummaryResponseSchema } from '@followthrough/shared/contract';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { readClock } from '../store/read/counterpart-reads';
import { readThreadSummary } from '../store/read/thread-summary';
import { settingsOfUser } from '../store/users';

export const threadRoutes = new Hono<AppEnv>().get(
  '/:threadId/summary',
  describe({ summary: 'Everything the sidebar needs for one thread', response: threadSummaryResponseSchema, errors: [404] }),
  validate('param', z.object({ threadId: z.string().min(1).max(1000) })),
  async (c) => {
    const { threadId } = c.req.valid('param');
    const { settings: userSettings, analysis: settings } = settingsOfUser(c.get('user'));
    const body = await readThreadSummary(
      c.get('deps').database.reader,
      c.get('user').id,
      threadId,
      readClock(c.get('deps').clock(), settings),
      settings,
      userSettings.addresses[0] ?? c.get('user').email,
    );
    if (!body) throw ApiError.notFound(`thread ${threadId}`);
    return c.json(body, 200);
  },
);
