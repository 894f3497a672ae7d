import type { Database } from '../db/client';

/**
 * Organisations the user leaves by being erased: the ones only they were in go entirely; where they were
 * the last admin, the longest-standing manager (else member) becomes admin, so no team is left without
 * one. Invitations to their address and their name on invitations and client ownership go too.
 */
const ORG_STATEMENTS = [
  `DELETE FROM org_client_profiles WHERE org_id IN (SELECT m.org_id FROM org_members m WHERE m.user_id = ?1
     AND NOT EXISTS (SELECT 1 FROM org_members o WHERE o.org_id = m.org_id AND o.user_id <> ?1))`,
  `DELETE FROM org_invitations WHERE org_id IN (SELECT m.org_id FROM org_members m WHERE m.user_id = ?1
     AND NOT EXISTS (SELECT 1 FROM org_members o WHERE o.org_id = m.org_id AND o.user_id <> ?1))`,
  `UPDATE org_members SET role = 'admin' WHERE rowid IN (
     SELECT (SELECT o.rowid FROM org_members o WHERE o.org_id = m.org_id AND o.user_id <> ?1 ORDER BY o.role = 'manager' DESC, o.joined_at, o.user_id LIMIT 1)
     FROM org_members m WHERE m.user_id = ?1 AND m.role = 'admin'
       AND NOT EXISTS (SELECT 1 FROM org_members a WHERE a.org_id = m.org_id AND a.role = 'admin' AND a.user_id <> ?1))`,
  `UPDATE org_client_profiles SET owner_user_id = NULL WHERE owner_user_id = ?1`,
  `UPDATE org_invitations SET invited_by_user_id = NULL WHERE invited_by_user_id = ?1`,
  `DELETE FROM org_invitations WHERE email = (SELECT email FROM users WHERE id = ?1)`,
];

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
      ...ORG_STATEMENTS.map((sql) => ({ sql, args: [userId] })),
      ...names.map((name) => ({ sql: `DELETE FROM "${name}" WHERE user_id = ?`, args: [userId] })),
      { sql: 'DELETE FROM orgs WHERE NOT EXISTS (SELECT 1 FROM org_members m WHERE m.org_id = orgs.id)', args: [] },
      { sql: 'DELETE FROM users WHERE id = ?', args: [userId] },
    ],
    'write',
  );
}
