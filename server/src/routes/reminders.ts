import { Hono } from 'hono';
import { listRemindersQuerySchema } from '@followthrough/shared/contract';
import type { AppEnv } from '../http/env';
import { validate } from '../http/validate';
import { listReminders } from '../store/reminders';
import { settingsOfUser } from '../store/users';

export const reminderRoutes = new Hono<AppEnv>().get('/', validate('query', listRemindersQuerySchema), async (c) => {
  const { until } = c.req.valid('query');
  const { settings, analysis } = settingsOfUser(c.var.user);
  const now = c.var.deps.clock();
  // Default horizon: the next 24 hours, so "due today" promises show up in the morning.
  const untilDate = until ? new Date(until) : new Date(now.getTime() + 86_400_000);
  const reminders = await listReminders({
    database: c.var.deps.database,
    userId: c.var.user.id,
    userAddress: settings.addresses[0] ?? c.var.user.email,
    settings: analysis,
    now,
    until: untilDate,
  });
  return c.json({ now: now.toISOString(), reminders }, 200);
});
