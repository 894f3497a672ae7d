import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { userSettingsSchema } from '@followthrough/shared/contract';
import type { AppEnv } from '../http/env';
import { validate } from '../http/validate';
import { users } from '../db/schema/index';
import { getUserSettings, putUserSettings } from '../store/users';
import { eraseUser } from '../store/erase';

export const meRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const row = await c.var.deps.database.db.select().from(users).where(eq(users.id, c.var.user.id)).get();
    if (!row) throw new Error('authenticated user has no row');
    return c.json({ id: row.id, email: row.email, name: row.name, createdAt: row.createdAt }, 200);
  })
  .get('/settings', async (c) => {
    const { settings } = await getUserSettings(c.var.deps.database.db, c.var.user.id);
    return c.json(settings, 200);
  })
  .put('/settings', validate('json', userSettingsSchema), async (c) => {
    const settings = c.req.valid('json');
    await putUserSettings(c.var.deps.database.db, c.var.user.id, settings);
    return c.json(settings, 200);
  })
  .delete('/', async (c) => {
    await eraseUser(c.var.deps.database, c.var.user.id);
    return c.json({ deleted: true as const }, 200);
  });
