import { Hono } from 'hono';
import { listRemindersQuerySchema } from '@followthrough/shared/contract';
import { PROMISE_DUE_SOON_HOURS } from '@followthrough/shared';
import type { AppEnv } from '../http/env';
import { validate } from '../http/validate';
import { readClock } from '../store/read/counterpart-reads';
import { readReminders } from '../store/read/reminders';
import { settingsOfUser } from '../store/users';

export const reminderRoutes = new Hono<AppEnv>().get('/', validate('query', listRemindersQuerySchema), async (c) => {
  const { until, limit } = c.req.valid('query');
  const { settings, analysis } = settingsOfUser(c.var.user);
  const now = c.var.deps.clock();
  // Default horizon: the next 24 hours, so "due today" promises show up in the morning.
  const untilIso = (until ? new Date(until) : new Date(now.getTime() + PROMISE_DUE_SOON_HOURS * 3_600_000)).toISOString();
  const { reminders, counts } = await readReminders(
    c.var.deps.database.reader,
    c.var.user.id,
    { until: untilIso, limit, userAddress: settings.addresses[0] ?? c.var.user.email },
    readClock(now, analysis),
    analysis,
  );
  return c.json({ now: now.toISOString(), reminders, counts }, 200);
});
