import { Hono } from 'hono';
import { asc, eq } from 'drizzle-orm';
import type { ExportResponse } from '@followthrough/shared/contract';
import type { AppEnv } from '../http/env';
import { counterpartProfiles, messages, promiseVerdictEvents, threads, touchpoints, users } from '../db/schema/index';
import { toStoredTouchpoint } from '../store/read-model';
import { getUserSettings } from '../store/users';

/** `GET /v1/export`: all of the caller's data (portability); bodies are not in it because they are never stored. */
export const exportRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { db } = c.var.deps.database;
  const userId = c.var.user.id;
  const [user, settings, messageRows, threadRows, profileRows, touchpointRows, eventRows] = await Promise.all([
    db.select().from(users).where(eq(users.id, userId)).get(),
    getUserSettings(db, userId),
    db.select().from(messages).where(eq(messages.userId, userId)).orderBy(asc(messages.sentAt)).all(),
    db.select().from(threads).where(eq(threads.userId, userId)).all(),
    db.select().from(counterpartProfiles).where(eq(counterpartProfiles.userId, userId)).all(),
    db.select().from(touchpoints).where(eq(touchpoints.userId, userId)).orderBy(asc(touchpoints.at)).all(),
    db.select().from(promiseVerdictEvents).where(eq(promiseVerdictEvents.userId, userId)).orderBy(asc(promiseVerdictEvents.seq)).all(),
  ]);
  if (!user) throw new Error('authenticated user has no row');
  const history = new Map<string, ExportResponse['verdicts'][number]['history']>();
  for (const e of eventRows) {
    const list = history.get(e.promiseId) ?? [];
    list.push({ at: e.at, status: (e.status as 'done' | 'dismissed' | 'open' | null) ?? null, dueAt: e.dueAt, snoozedUntil: e.snoozedUntil });
    history.set(e.promiseId, list);
  }
  const body: ExportResponse = {
    exportedAt: c.var.deps.clock().toISOString(),
    user: { id: user.id, email: user.email, name: user.name, createdAt: user.createdAt },
    settings: settings.stored ? settings.settings : null,
    messages: messageRows.map((m) => ({
      id: m.id,
      threadId: m.threadId,
      sentAt: m.sentAt,
      direction: m.direction,
      automated: m.automated,
      facts: JSON.parse(m.factsJson) as Record<string, unknown>,
    })),
    threads: threadRows.map((t) => ({ threadId: t.threadId, counterpart: t.counterpart, facts: JSON.parse(t.factsJson) as Record<string, unknown> })),
    counterparts: profileRows.map((p) => ({ key: p.key, name: p.name, cadenceDays: p.cadenceDays, renewalDate: p.renewalDate, notes: p.notes })),
    touchpoints: touchpointRows.map(toStoredTouchpoint),
    verdicts: [...history].map(([promiseId, entries]) => ({ promiseId, history: entries })),
  };
  return c.json(body, 200);
});
