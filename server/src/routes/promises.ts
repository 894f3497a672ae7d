import { Hono } from 'hono';
import { z } from 'zod';
import { listPromisesQuerySchema, updatePromiseRequestSchema, listPromisesResponseSchema, updatePromiseResponseSchema } from '@followthrough/shared/contract';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { listPromises } from '../store/read/promise-reads';
import { readPromise, setVerdict, verdictHistory } from '../store/promises';
import { settingsOfUser } from '../store/users';

export const promiseRoutes = new Hono<AppEnv>()
  .get('/', describe({ summary: 'Promises with their status now, paged', response: listPromisesResponseSchema }), validate('query', listPromisesQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const now = c.get('deps').clock().toISOString();
    let page;
    try {
      page = await listPromises(
        c.get('deps').database.reader,
        c.get('user').id,
        {
          ...query,
          ...(query.counterpart ? { counterpart: query.counterpart.toLowerCase() } : {}),
          ...(query.dueBefore ? { dueBefore: new Date(query.dueBefore).toISOString() } : {}),
        },
        now,
      );
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('cursor:')) throw new ApiError('validation_failed', 400, `query.${err.message}`);
      throw err;
    }
    return c.json(page, 200);
  })
  .patch('/:id', describe({ summary: 'Record a verdict (done, dismissed, open; due date; snooze); kept in an audit trail', response: updatePromiseResponseSchema, errors: [404] }), validate('param', z.object({ id: z.string().min(1).max(100) })), validate('json', updatePromiseRequestSchema), async (c) => {
    const { id } = c.req.valid('param');
    const verdict = c.req.valid('json');
    const { database } = c.get('deps');
    const userId = c.get('user').id;
    const now = c.get('deps').clock();
    if (!(await setVerdict(database, userId, id, verdict, settingsOfUser(c.get('user')).analysis, now))) throw ApiError.notFound(`promise ${id}`);
    const view = await readPromise(database, userId, id, now.toISOString());
    if (!view) throw new Error(`promise ${id} has no view after its verdict`);
    return c.json({ promise: view, history: await verdictHistory(database.readDb, userId, id) }, 200);
  });
