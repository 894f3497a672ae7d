import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrate, type Database } from '../../src/db/index';
import { createUser } from '../../src/store/users';

/**
 * A migrated libSQL database in a temp file. Never `:memory:`: @libsql/client gives each pooled
 * connection its own empty in-memory database (libsql-client-ts #229).
 */
export async function createTestDb(): Promise<{ database: Database; url: string; dir: string; cleanup: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'ft-api-'));
  const url = `file:${join(dir, 'test.db')}`;
  const database = await createDb(url);
  await migrate(database);
  return {
    database,
    url,
    dir,
    cleanup: () => {
      database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A test database with one user in it, for tests of the store's functions (which take a user id). */
export async function createTestDbWithUser(email = 'ann@ours.example'): Promise<Awaited<ReturnType<typeof createTestDb>> & { userId: string }> {
  const env = await createTestDb();
  return { ...env, userId: (await createUser(env.database.db, { email, now: new Date() })).userId };
}
