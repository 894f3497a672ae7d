import { Hono } from 'hono';
import { z } from 'zod';
import { createTouchpointRequestSchema, listTouchpointsQuerySchema, createTouchpointResponseSchema, listTouchpointsResponseSchema, deleteTouchpointResponseSchema } from '@followthrough/shared/contract';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { addTouchpoint, deleteTouchpoint, listTouchpoints } from '../store/touchpoints';
import { settingsOfUser } from '../store/users';

export const touchpointRoutes = new Hono<AppEnv>()
  .post('/', describe({ summary: 'Log a call, meeting, note... (idempotent by the client-made id: 201 created, 200 already there)', response: createTouchpointResponseSchema, status: 201 }), validate('json', createTouchpointRequestSchema), async (c) => {
    const input = c.req.valid('json');
    const result = await addTouchpoint(c.get('deps').database, c.get('user').id, input, settingsOfUser(c.get('user')).analysis, c.get('deps').clock());
    return c.json(result, result.created ? 201 : 200);
  })
  .get('/', describe({ summary: 'Touchpoints, newest first, paged', response: listTouchpointsResponseSchema }), validate('query', listTouchpointsQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const page = await listTouchpoints(c.get('deps').database.reader, c.get('user').id, query);
    return c.json({ touchpoints: page.touchpoints, nextCursor: page.nextCursor }, 200);
  })
  .delete('/:id', describe({ summary: 'Delete a touchpoint', response: deleteTouchpointResponseSchema, errors: [404] }), validate('param', z.object({ id: z.string().min(1).max(100) })), async (c) => {
    const { id } = c.req.valid('param');
    if (!(await deleteTouchpoint(c.get('deps').database, c.get('user').id, id, settingsOfUser(c.get('user')).analysis))) throw ApiError.notFound(`touchpoint ${id}`);
    return c.json({ deleted: true as const }, 200);
  });
