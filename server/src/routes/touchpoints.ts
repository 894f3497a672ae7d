import { Hono } from 'hono';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { createTouchpointRequestSchema, listTouchpointsQuerySchema } from '@followthrough/shared/contract';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { touchpoints } from '../db/schema/index';
import { toStoredTouchpoint } from '../store/read-model';

export const touchpointRoutes = new Hono<AppEnv>()
  .post('/', validate('json', createTouchpointRequestSchema), async (c) => {
    const input = c.req.valid('json');
    const { db } = c.var.deps.database;
    const userId = c.var.user.id;
    // Idempotent by the client-made id: a retried offline write inserts nothing and returns the stored row.
    const inserted = await db
      .insert(touchpoints)
      .values({
        userId,
        id: input.id,
        counterpart: input.counterpart.toLowerCase(),
        kind: input.kind,
        at: new Date(input.at).toISOString(),
        summary: input.summary ?? null,
        department: input.department ?? null,
        threadId: input.threadId ?? null,
        createdAt: c.var.deps.clock().toISOString(),
      })
      .onConflictDoNothing()
      .returning()
      .all();
    const row = inserted[0] ?? (await db.select().from(touchpoints).where(and(eq(touchpoints.userId, userId), eq(touchpoints.id, input.id))).get());
    if (!row) throw new Error('touchpoint vanished after insert');
    return c.json({ touchpoint: toStoredTouchpoint(row), created: inserted.length > 0 }, inserted.length > 0 ? 201 : 200);
  })
  .get('/', validate('query', listTouchpointsQuerySchema), async (c) => {
    const { counterpart } = c.req.valid('query');
    const userId = c.var.user.id;
    const rows = await c.var.deps.database.db
      .select()
      .from(touchpoints)
      .where(counterpart ? and(eq(touchpoints.userId, userId), eq(touchpoints.counterpart, counterpart.toLowerCase())) : eq(touchpoints.userId, userId))
      .orderBy(desc(touchpoints.at))
      .all();
    return c.json({ touchpoints: rows.map(toStoredTouchpoint) }, 200);
  })
  .delete('/:id', validate('param', z.object({ id: z.string().min(1) })), async (c) => {
    const { id } = c.req.valid('param');
    const deleted = await c.var.deps.database.db
      .delete(touchpoints)
      .where(and(eq(touchpoints.userId, c.var.user.id), eq(touchpoints.id, id)))
      .returning({ id: touchpoints.id })
      .all();
    if (deleted.length === 0) throw ApiError.notFound(`touchpoint ${id}`);
    return c.json({ deleted: true as const }, 200);
  });
