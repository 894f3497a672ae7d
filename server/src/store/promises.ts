import { and, asc, eq } from 'drizzle-orm';
import type { AnalysisSettings } from '@followthrough/shared';
import type { PromiseView } from '@followthrough/shared/contract';
import type { Db } from '../db/client';
import { promises, promiseVerdictEvents } from '../db/schema/index';
import { loadCounterparts, viewCounterpart } from './read-model';

/** Promise views with their status at `now`, for the given counterparts (all of the user's when omitted). */
export async function promiseViews(db: Db, userId: string, settings: AnalysisSettings, now: Date, counterpart?: string): Promise<PromiseView[]> {
  let keys: string[];
  if (counterpart) {
    keys = [counterpart];
  } else {
    const rows = await db.selectDistinct({ key: promises.counterpart }).from(promises).where(eq(promises.userId, userId)).all();
    keys = rows.map((r) => r.key).filter((k): k is string => k !== null);
  }
  const data = await loadCounterparts(db, userId, keys);
  return [...data.values()].flatMap((d) => viewCounterpart(d, settings, now).promises);
}

export async function verdictHistory(db: Db, userId: string, promiseId: string) {
  const rows = await db
    .select()
    .from(promiseVerdictEvents)
    .where(and(eq(promiseVerdictEvents.userId, userId), eq(promiseVerdictEvents.promiseId, promiseId)))
    .orderBy(asc(promiseVerdictEvents.seq))
    .all();
  return rows.map((r) => ({
    at: r.at,
    status: (r.status as 'done' | 'dismissed' | 'open' | null) ?? null,
    dueAt: r.dueAt,
    snoozedUntil: r.snoozedUntil,
  }));
}
