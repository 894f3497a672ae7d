import { Hono } from 'hono';
import { dataSummarySchema, type MailProviderName } from '@followthrough/shared/contract';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';

/**
 * `GET /v1/me/data`: how much the server holds for the caller, so the options page's "Erase everything"
 * names what goes before the user confirms. Counts only (index scans), no content.
 */
export const dataSummaryRoutes = new Hono<AppEnv>().get('/', describe({ summary: 'How much is stored for the caller (counts), named before "erase everything"', response: dataSummarySchema }), async (c) => {
  const userId = c.get('user').id;
  const db = c.get('deps').database.reader;
  const count = async (table: string, extra = '') =>
    Number((await db.execute({ sql: `SELECT count(*) AS n FROM ${table} WHERE user_id = ?${extra}`, args: [userId] })).rows[0]?.n ?? 0);
  const [messages, threads, clients, promises, touchpoints, tokens, mailboxes] = await Promise.all([
    count('messages'),
    count('threads'),
    Number((await db.execute({ sql: 'SELECT count(*) AS n FROM (SELECT key FROM counterpart_aggregates WHERE user_id = ?1 UNION SELECT key FROM counterpart_profiles WHERE user_id = ?1)', args: [userId] })).rows[0]?.n ?? 0),
    count('promises'),
    count('touchpoints'),
    count('api_tokens', ' AND revoked_at IS NULL'),
    db.execute({ sql: 'SELECT provider, email FROM mail_accounts WHERE user_id = ? ORDER BY email', args: [userId] }),
  ]);
  return c.json(
    {
      email: c.get('user').email,
      messages,
      threads,
      clients,
      promises,
      touchpoints,
      tokens,
      mailboxes: mailboxes.rows.map((r) => ({ provider: String(r.provider) as MailProviderName, email: String(r.email) })),
    },
    200,
  );
});
