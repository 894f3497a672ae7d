import { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { userSettingsSchema, meSchema, analysisStatusSchema, deleteMeResponseSchema } from '@followthrough/shared/contract';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { validate } from '../http/validate';
import { users } from '../db/schema/index';
import { settingsHash } from '../store/analysis-writer';
import { analysisStatus, requestRederivation } from '../store/rederive';
import { getUserSettings, putUserSettings, toAnalysisSettings } from '../store/users';
import { eraseUser } from '../store/erase';

export const meRoutes = new Hono<AppEnv>()
  .get('/', describe({ summary: 'The caller, and where the analysis of their mail stands', response: meSchema }), async (c) => {
    const { database } = c.get('deps');
    const row = await database.readDb.select().from(users).where(eq(users.id, c.get('user').id)).get();
    if (!row) throw new Error('authenticated user has no row');
    return c.json({ id: row.id, email: row.email, name: row.name, createdAt: row.createdAt, analysis: await analysisStatus(database, row.id) }, 200);
  })
  .get('/analysis', describe({ summary: 'Re-derivation after a settings change: state and progress', response: analysisStatusSchema }), async (c) => c.json(await analysisStatus(c.get('deps').database, c.get('user').id), 200))
  .get('/settings', describe({ summary: 'Own addresses, time zone, working hours', response: userSettingsSchema }), async (c) => {
    const { settings } = await getUserSettings(c.get('deps').database.readDb, c.get('user').id);
    return c.json(settings, 200);
  })
  .put('/settings', describe({ summary: 'Replace the settings (figures re-derive in the background)', response: userSettingsSchema }), validate('json', userSettingsSchema), async (c) => {
    const settings = c.req.valid('json');
    const { database } = c.get('deps');
    const before = await getUserSettings(database.db, c.get('user').id);
    await putUserSettings(database.db, c.get('user').id, settings);
    // Figures already stored were derived with the old settings: derive them again in the background.
    if (settingsHash(toAnalysisSettings(before.settings)) !== settingsHash(toAnalysisSettings(settings))) {
      await requestRederivation(database, c.get('user').id, toAnalysisSettings(settings), c.get('deps').clock());
      c.get('deps').rederiver?.kick();
    }
    return c.json(settings, 200);
  })
  .delete('/', describe({ summary: 'Erase the caller and all of their data', response: deleteMeResponseSchema }), async (c) => {
    await eraseUser(c.get('deps').database, c.get('user').id);
    return c.json({ deleted: true as const }, 200);
  });
