import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate as drizzleMigrate } from 'drizzle-orm/libsql/migrator';
import type { Database } from './client';

/** The committed drizzle-kit migrations (server/drizzle/). */
export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** Brings the schema up to date; safe to run on every start and from several processes. */
export async function migrate(database: Database): Promise<void> {
  await drizzleMigrate(database.db, { migrationsFolder: MIGRATIONS_FOLDER });
}
