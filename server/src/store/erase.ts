import type { Database } from '../db/client';

/**
 * Deletes every row of the user, in every table that has a user_id column (found from the schema, so
 * tables added later by other modules, such as connected accounts, are erased too), then the user.
 * One batch: all or nothing. Not relying on ON DELETE CASCADE, which SQLite only honours on
 * connections that enabled foreign keys.
 */
export async function eraseUser(database: Database, userId: string): Promise<void> {
  const tables = await database.client.execute(
    `SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) p
     WHERE m.type = 'table' AND p.name = 'user_id' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '__drizzle%'`,
  );
  const names = tables.rows.map((r) => String(r.name)).filter((name) => /^[A-Za-z0-9_]+$/.test(name));
  await database.client.batch(
    [
      ...names.map((name) => ({ sql: `DELETE FROM "${name}" WHERE user_id = ?`, args: [userId] })),
      { sql: 'DELETE FROM users WHERE id = ?', args: [userId] },
    ],
    'write',
  );
}
