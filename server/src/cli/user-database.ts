import { loadConfig } from '../config';
import { createDb, migrate, type Database } from '../db/index';
import { userIdByEmail } from '../sync/user-lookup';
import type { CliIo } from './command';
import { UsageError } from './usage-error';

/**
 * Opens the server's database (honouring DATABASE_URL / DATABASE_AUTH_TOKEN), migrates it, finds the user
 * by e-mail and runs `work`; the database is closed whatever happens. An unknown user is a usage error
 * (exit 2) that names the address.
 */
export async function withUserDatabase<T>(
  env: CliIo['env'],
  email: string,
  work: (database: Database, userId: string) => Promise<T>,
): Promise<T> {
  const config = loadConfig(env);
  // import and sync write for minutes: checkpoints off the event loop, as the server's.
  const database = await createDb(config.databaseUrl, config.databaseAuthToken, { checkpointInBackground: true });
  try {
    await migrate(database);
    let userId: string;
    try {
      userId = await userIdByEmail(database, email);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    return await work(database, userId);
  } finally {
    database.close();
    // The command's process exits after this: its threads must have left the driver first.
    await database.whenClosed();
  }
}
