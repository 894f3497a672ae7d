import { Hono } from 'hono';
import { z } from 'zod';
import { listCounterpartThreadsQuerySchema, listCounterpartsQuerySchema, reportQuerySchema, updateCounterpartRequestSchema, listCounterpartsResponseSchema, counterpartDetailResponseSchema, updateCounterpartResponseSchema, listCounterpartThreadsResponseSchema, reportResponseSchema } from '@followthrough/shared/contract';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { counterpartProfiles } from '../db/schema/index';
import { counterpartListItem, listCounterparts, readClock, readCounterpart } from '../store/read/counterpart-reads';
import { listClientThreads } from '../store/read/client-threads';
import { listPromises } from '../store/read/promise-reads';
import { readReport } from '../store/read/report';
import { listTouchpoints } from '../store/touchpoints';
import { createYielder } from '../store/sql';
import { settingsOfUser } from '../store/users';

const keyParam = z.object({ key: z.string().min(1).max(320).transform((k) => k.toLowerCase()) });


/** How many promises and touchpoints the client page shows before "more" (each list pages on its own route). */
const DETAIL_LIST = 20;

export const counterpartRoutes = new Hono<AppEnv>()
  .get('/', describe({ summary: 'Counterparts with health, sortable, paged', response: listCounterpartsResponseSchema }), validate('query', listCounterpartsQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const settings = settingsOfUser(c.get('user')).analysis;
    const clock = readClock(c.get('deps').clock(), settings);
    const page = await listCounterparts(c.get('deps').database.reader, c.get('user').id, query, clock, settings, createYielder());
    return c.json({ counterparts: page.items.map(counterpartListItem), total: page.total, nextCursor: page.nextCursor }, 200);
  })
  .get('/:key', describe({ summary: 'One counterpart with promises, touchpoints, cadence, renewal, notes', response: counterpartDetailResponseSchema, errors: [404] }), validate('param', keyParam), async (c) => {
    const { key } = c.req.valid('param');
    const settings = settingsOfUser(c.get('user')).analysis;
    const now = c.get('deps').clock();
    const clock = readClock(now, settings);
    const reader = c.get('deps').database.reader;
    const read = await readCounterpart(reader, c.get('user').id, key, clock, settings);
    if (!read) throw ApiError.notFound(`counterpart ${key}`);
    // Overdue first, then open, soonest due first; then the latest settled ones (kept, done...) to fill the page.
    const [overdue, open, settled, touchpoints] = await Promise.all([
      listPromises(reader, c.get('user').id, { counterpart: key, status: 'overdue', limit: DETAIL_LIST }, clock.now),
      listPromises(reader, c.get('user').id, { counterpart: key, status: 'open', limit: DETAIL_LIST }, clock.now),
      listPromises(reader, c.get('user').id, { counterpart: key, live: false, order: '-due', limit: DETAIL_LIST }, clock.now),
      listTouchpoints(reader, c.get('user').id, { counterpart: key, limit: DETAIL_LIST }),
    ]);
    return c.json(
      {
        counterpart: Object.assign(counterpartListItem(read), { notes: read.profile.notes }),
        profile: read.profile,
        promises: [...overdue.promises, ...open.promises, ...settled.promises].slice(0, DETAIL_LIST),
        touchpoints: touchpoints.touchpoints,
        touchpointCount: touchpoints.total,
      },
      200,
    );
  })
  .patch('/:key', describe({ summary: 'Set name, cadence, renewal date, notes, initiation target, review and feedback intervals', response: updateCounterpartResponseSchema, errors: [404] }), validate('param', keyParam), validate('json', updateCounterpartRequestSchema), async (c) => {
    const { key } = c.req.valid('param');
    const patch = c.req.valid('json');
    const { db } = c.get('deps').database;
    const userId = c.get('user').id;
    const settings = settingsOfUser(c.get('user')).analysis;
    const read = await readCounterpart(c.get('deps').database.reader, userId, key, readClock(c.get('deps').clock(), settings), settings);
    // Only counterparts the user has (mail, touchpoints or a profile) can be edited: another user's
    // client, or a typo, is a 404 rather than a silently created profile.
    if (!read) throw ApiError.notFound(`counterpart ${key}`);
    const current = read.profile;
    const next = {
      name: patch.name !== undefined ? patch.name : current.name,
      cadenceDays: patch.cadenceDays !== undefined ? patch.cadenceDays : current.cadenceDays,
      renewalDate: patch.renewalDate !== undefined ? patch.renewalDate : current.renewalDate,
      notes: patch.notes !== undefined ? patch.notes : current.notes,
      initiationTargetPercent: patch.initiationTargetPercent !== undefined ? patch.initiationTargetPercent : current.initiationTargetPercent,
      reviewIntervalDays: patch.reviewIntervalDays !== undefined ? patch.reviewIntervalDays : current.reviewIntervalDays,
      feedbackIntervalDays: patch.feedbackIntervalDays !== undefined ? patch.feedbackIntervalDays : current.feedbackIntervalDays,
    };
    const updatedAt = c.get('deps').clock().toISOString();
    await db
      .insert(counterpartProfiles)
      .values({ userId, key, ...next, updatedAt })
      .onConflictDoUpdate({ target: [counterpartProfiles.userId, counterpartProfiles.key], set: { ...next, updatedAt } });
    return c.json({ key, profile: next }, 200);
  })
  .get('/:key/threads', describe({ summary: 'A client\'s conversations for the timeline, latest contact first, with links', response: listCounterpartThreadsResponseSchema }), validate('param', keyParam), validate('query', listCounterpartThreadsQuerySchema), async (c) => {
    const { key } = c.req.valid('param');
    const query = c.req.valid('query');
    const { settings } = settingsOfUser(c.get('user'));
    let page;
    try {
      page = await listClientThreads(c.get('deps').database.reader, c.get('user').id, key, query, settings.addresses[0] ?? c.get('user').email);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('cursor:')) throw new ApiError('validation_failed', 400, `query.${err.message}`);
      throw err;
    }
    return c.json(page, 200);
  })
  .get('/:key/report', describe({ summary: 'Progress report draft (text and HTML)', response: reportResponseSchema, errors: [404] }), validate('param', keyParam), validate('query', reportQuerySchema), async (c) => {
    const { key } = c.req.valid('param');
    const { since } = c.req.valid('query');
    const settings = settingsOfUser(c.get('user')).analysis;
    const clock = readClock(c.get('deps').clock(), settings);
    const report = await readReport(c.get('deps').database.reader, c.get('user').id, key, since ? new Date(since).toISOString() : null, clock, settings);
    if (!report) throw ApiError.notFound(`counterpart ${key}`);
    return c.json(report, 200);
  });
