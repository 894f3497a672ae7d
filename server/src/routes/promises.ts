import { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { listPromisesQuerySchema, updatePromiseRequestSchema } from '@followthrough/shared/contract';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { promises, promiseVerdictEvents, promiseVerdicts } from '../db/schema/index';
import { promiseViews, verdictHistory } from '../store/promises';
import { settingsOfUser } from '../store/users';

export const promiseRoutes = new Hono<AppEnv>()
  .get('/', validate('query', listPromisesQuerySchema), async (c) => {
    const { status, counterpart, dueBefore } = c.req.valid('query');
    const { db } = c.var.deps.database;
    const settings = settingsOfUser(c.var.user).analysis;
    const dueLimit = dueBefore ? new Date(dueBefore).toISOString() : null;
    const views = (await promiseViews(db, c.var.user.id, settings, c.var.deps.clock(), counterpart?.toLowerCase()))
      .filter((p) => !status || p.status === status)
      .filter((p) => !dueLimit || p.dueAt < dueLimit)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
    return c.json({ promises: views }, 200);
  })
  .patch('/:id', validate('param', z.object({ id: z.string().min(1) })), validate('json', updatePromiseRequestSchema), async (c) => {
    const { id } = c.req.valid('param');
    const verdict = c.req.valid('json');
    const { db } = c.var.deps.database;
    const userId = c.var.user.id;
    const promise = await db
      .select({ counterpart: promises.counterpart })
      .from(promises)
      .where(and(eq(promises.userId, userId), eq(promises.id, id)))
      .get();
    if (!promise) throw ApiError.notFound(`promise ${id}`);
    const at = c.var.deps.clock().toISOString();
    const values = {
      status: verdict.status,
      dueAt: verdict.dueAt ? new Date(verdict.dueAt).toISOString() : null,
      snoozedUntil: verdict.snoozedUntil ? new Date(verdict.snoozedUntil).toISOString() : null,
    };
    // The verdict row is what the read path uses; the event row is the audit trail. One transaction.
    await db.batch([
      db
        .insert(promiseVerdicts)
        .values({ userId, promiseId: id, ...values, updatedAt: at })
        .onConflictDoUpdate({ target: [promiseVerdicts.userId, promiseVerdicts.promiseId], set: { ...values, updatedAt: at } }),
      db.insert(promiseVerdictEvents).values({ userId, promiseId: id, ...values, at }),
    ]);
    const settings = settingsOfUser(c.var.user).analysis;
    const views = await promiseViews(db, userId, settings, c.var.deps.clock(), promise.counterpart ?? undefined);
    const view = views.find((p) => p.id === id);
    if (!view) throw new Error(`promise ${id} has no view after its verdict`);
    return c.json({ promise: view, history: await verdictHistory(db, userId, id) }, 200);
  });
