import { Hono } from 'hono';
import { z } from 'zod';
import type { CounterpartListItem } from '@followthrough/shared/contract';
import {
  listCounterpartsQuerySchema,
  reportQuerySchema,
  updateCounterpartRequestSchema,
} from '@followthrough/shared/contract';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { counterpartProfiles } from '../db/schema/index';
import { allCounterpartKeys, emptyProfile, loadCounterpart, loadCounterparts, viewCounterpart, type CounterpartView } from '../store/read-model';
import { settingsOfUser } from '../store/users';
import { buildProgressReport } from '../store/engine';

const keyParam = z.object({ key: z.string().min(1).transform((k) => k.toLowerCase()) });

function listItem(view: CounterpartView): CounterpartListItem {
  return { ...view.summary, name: view.profile.name, renewalDate: view.profile.renewalDate };
}

const sorters: Record<string, (a: CounterpartListItem, b: CounterpartListItem) => number> = {
  health: (a, b) => a.health.score - b.health.score || a.key.localeCompare(b.key),
  '-health': (a, b) => b.health.score - a.health.score || a.key.localeCompare(b.key),
  lastContact: (a, b) => (b.lastContactAt ?? '').localeCompare(a.lastContactAt ?? '') || a.key.localeCompare(b.key),
  key: (a, b) => a.key.localeCompare(b.key),
};

export const counterpartRoutes = new Hono<AppEnv>()
  .get('/', validate('query', listCounterpartsQuerySchema), async (c) => {
    const { sort, limit } = c.req.valid('query');
    const { db } = c.var.deps.database;
    const settings = settingsOfUser(c.var.user).analysis;
    const now = c.var.deps.clock();
    const data = await loadCounterparts(db, c.var.user.id, await allCounterpartKeys(db, c.var.user.id));
    const items = [...data.values()].map((d) => listItem(viewCounterpart(d, settings, now)));
    items.sort(sorters[sort]);
    return c.json({ counterparts: limit ? items.slice(0, limit) : items }, 200);
  })
  .get('/:key', validate('param', keyParam), async (c) => {
    const { key } = c.req.valid('param');
    const data = await loadCounterpart(c.var.deps.database.client, c.var.user.id, key);
    if (data.threads.length === 0 && data.touchpoints.length === 0 && !data.profile) throw ApiError.notFound(`counterpart ${key}`);
    const settings = settingsOfUser(c.var.user).analysis;
    const view = viewCounterpart(data, settings, c.var.deps.clock());
    return c.json(
      { counterpart: { ...listItem(view), notes: view.profile.notes }, promises: view.promises, touchpoints: view.touchpoints },
      200,
    );
  })
  .patch('/:key', validate('param', keyParam), validate('json', updateCounterpartRequestSchema), async (c) => {
    const { key } = c.req.valid('param');
    const patch = c.req.valid('json');
    const { db } = c.var.deps.database;
    const userId = c.var.user.id;
    const data = await loadCounterpart(c.var.deps.database.client, userId, key);
    // Only counterparts the user has (mail, touchpoints or a profile) can be edited: another user's
    // client, or a typo, is a 404 rather than a silently created profile.
    if (data.threads.length === 0 && data.touchpoints.length === 0 && !data.profile) throw ApiError.notFound(`counterpart ${key}`);
    const current = data.profile ?? { ...emptyProfile };
    const next = {
      name: patch.name !== undefined ? patch.name : current.name,
      cadenceDays: patch.cadenceDays !== undefined ? patch.cadenceDays : current.cadenceDays,
      renewalDate: patch.renewalDate !== undefined ? patch.renewalDate : current.renewalDate,
      notes: patch.notes !== undefined ? patch.notes : current.notes,
    };
    const updatedAt = c.var.deps.clock().toISOString();
    await db
      .insert(counterpartProfiles)
      .values({ userId, key, ...next, updatedAt })
      .onConflictDoUpdate({ target: [counterpartProfiles.userId, counterpartProfiles.key], set: { ...next, updatedAt } });
    return c.json({ key, profile: next }, 200);
  })
  .get('/:key/report', validate('param', keyParam), validate('query', reportQuerySchema), async (c) => {
    const { key } = c.req.valid('param');
    const { since } = c.req.valid('query');
    const data = await loadCounterpart(c.var.deps.database.client, c.var.user.id, key);
    if (data.threads.length === 0 && data.touchpoints.length === 0 && !data.profile) throw ApiError.notFound(`counterpart ${key}`);
    const settings = settingsOfUser(c.var.user).analysis;
    const now = c.var.deps.clock();
    const view = viewCounterpart(data, settings, now);
    // Default period: since the last report we sent them (a "report-sent" touchpoint), else everything.
    const lastReport = view.touchpoints.find((t) => t.kind === 'report-sent');
    const report = buildProgressReport({
      counterpart: key,
      since: since ? new Date(since).toISOString() : (lastReport?.at ?? null),
      now: now.toISOString(),
      promises: view.promises,
      touchpoints: view.touchpoints,
      requests: view.summary.requests,
      awaitingThem: view.summary.awaitingThem,
      risks: view.risks,
      settings,
    });
    return c.json(report, 200);
  });
