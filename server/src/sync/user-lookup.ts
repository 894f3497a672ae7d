import { eq } from 'drizzle-orm';
import type { Database } from '../db/client';
import { users } from '../db/schema/index';

/** The user id for a CLI `--user <email>`; throws a message that says how to create the user. */
export async function userIdByEmail(database: Database, email: string): Promise<string> {
  const row = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())).get();
  if (!row) throw new Error(`no user with e-mail ${email} (create one with "followthrough user add ${email}")`);
  return row.id;
}
