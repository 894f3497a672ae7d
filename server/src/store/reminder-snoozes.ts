import { promiseIdOfReminder, type AnalysisSettings, type VerdictStatus } from '@followthrough/shared';
import type { Database } from '../db/client';
import { promiseVerdicts, reminderSnoozes } from '../db/schema/index';
import { setVerdict } from './promises';
import { names } from './sql';

const RS = names(reminderSnoozes);
const V = names(promiseVerdicts);
const KINDS = ['awaiting-reply:', 'silence:', 'feedback:', 'renewal:', 'client-risk:', 'review:'];

export type SnoozeOutcome = { ok: true; until: string | null } | { ok: false; reason: 'not-found' | 'unknown-kind' };

/**
 * Puts a reminder away until `until` (null: back now). A promise's snooze is its verdict's (the promise
 * list and the sidebar show it, and it survives a change of the due date: setVerdict keeps a snooze the
 * request leaves out); the verdict's status and moved due date stay as they were. Other kinds are kept by
 * reminder id.
 */
export async function snoozeReminder(database: Database, userId: string, reminderId: string, until: string | null, settings: AnalysisSettings, now: Date): Promise<SnoozeOutcome> {
  const iso = until === null ? null : new Date(until).toISOString();
  const promiseId = promiseIdOfReminder(reminderId);
  if (promiseId !== null) {
    const current = (await database.client.execute({ sql: `SELECT ${V.status} AS status, ${V.dueAt} AS due_at FROM ${V.$} WHERE ${V.userId} = ? AND ${V.promiseId} = ?`, args: [userId, promiseId] })).rows[0];
    const status = (current?.status as VerdictStatus | null | undefined) ?? 'open';
    const dueAt = (current?.due_at as string | null | undefined) ?? undefined;
    const found = await setVerdict(database, userId, promiseId, { status, ...(dueAt ? { dueAt } : {}), snoozedUntil: iso }, settings, now);
    return found ? { ok: true, until: iso } : { ok: false, reason: 'not-found' };
  }
  if (!KINDS.some((prefix) => reminderId.startsWith(prefix) && reminderId.length > prefix.length)) return { ok: false, reason: 'unknown-kind' };
  if (iso === null) {
    await database.client.execute({ sql: `DELETE FROM ${RS.$} WHERE ${RS.userId} = ? AND ${RS.reminderId} = ?`, args: [userId, reminderId] });
  } else {
    await database.client.execute({
      sql: `INSERT INTO ${RS.$} (${RS.userId}, ${RS.reminderId}, ${RS.until}, ${RS.updatedAt}) VALUES (?, ?, ?, ?)
            ON CONFLICT (${RS.userId}, ${RS.reminderId}) DO UPDATE SET ${RS.until} = excluded.${RS.until}, ${RS.updatedAt} = excluded.${RS.updatedAt}`,
      args: [userId, reminderId, iso, now.toISOString()],
    });
  }
  return { ok: true, until: iso };
}
