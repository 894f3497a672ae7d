import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, migrate, type Database } from '../../src/db/index';

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
