import { Hono } from 'hono';
import { listRemindersQuerySchema, snoozeReminderRequestSchema, listRemindersResponseSchema, snoozeReminderResponseSchema } from '@followthrough/shared/contract';
import { PROMISE_DUE_SOON_HOURS } from '@followthrough/shared';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { readClock } from '../store/read/counterpart-reads';
import { readReminders } from '../store/read/reminders';
import { snoozeReminder } from '../store/reminder-snoozes';
import { settingsOfUser } from '../store/users';

export const reminderRoutes = new Hono<AppEnv>()
  .get('/', describe({ summary: 'Due, overdue and at-risk promises (tell the client now), client risks we have not answered, silences, waiting mail, renewals, feedback, quarterly reviews', response: listRemindersResponseSchema }), validate('query', listRemindersQuerySchema), async (c) => {
    const { until, limit } = c.req.valid('query');
    const { settings, analysis } = settingsOfUser(c.get('user'));
    const now = c.get('deps').clock();
    // Default horizon: the next 24 hours, so "due today" promises show up in the morning.
    const untilIso = (until ? new Date(until) : new Date(now.getTime() + PROMISE_DUE_SOON_HOURS * 3_600_000)).toISOString();
    const { reminders, counts } = await readReminders(
      c.get('deps').database.reader,
      c.get('user').id,
      { until: untilIso, limit, userAddress: settings.addresses[0] ?? c.get('user').email },
      readClock(now, analysis),
      analysis,
    );
    return c.json({ now: now.toISOString(), reminders, counts }, 200);
  })
  /** Snooze one reminder (1 day, 1 week, until a date: the client sends the instant), or wake it (until null). */
  .put('/snooze', describe({ summary: 'Snooze one reminder until an instant (null: show it again)', response: snoozeReminderResponseSchema, errors: [404] }), validate('json', snoozeReminderRequestSchema), async (c) => {
    const { id, until } = c.req.valid('json');
    const outcome = await snoozeReminder(c.get('deps').database, c.get('user').id, id, until, settingsOfUser(c.get('user')).analysis, c.get('deps').clock());
    if (!outcome.ok) {
      if (outcome.reason === 'not-found') throw ApiError.notFound(`reminder ${id}`);
      throw new ApiError('validation_failed', 400, `body.id: "${id}" is not a reminder id (promise:, awaiting-reply:, silence:, feedback:, renewal:, client-risk: or review:)`);
    }
    return c.json({ id, until: outcome.until }, 200);
  });
