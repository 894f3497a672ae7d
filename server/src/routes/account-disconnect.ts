import { Hono } from 'hono';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { mailAccountMessages, mailAccounts } from '../db/schema/index';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';

/**
 * `DELETE /v1/accounts/:id`: disconnect a mailbox. Its sync stops and its refresh token (the only
 * credential the server holds for it) is deleted; the mail already analysed stays (erase everything with
 * `DELETE /v1/me`). Revoking the grant at Google or Microsoft as well is the user's (their account page):
 * the options page says so. Another user's mailbox is a 404.
 */
export const accountDisconnectRoutes = new Hono<AppEnv>().delete('/:id', describe({ summary: 'Disconnect a mailbox: stop its sync and delete its refresh token (analysed mail stays)', response: z.object({ disconnected: z.literal(true), email: z.string(), provider: z.string() }), errors: [404] }), validate('param', z.object({ id: z.string().min(1).max(100) })), async (c) => {
  const { id } = c.req.valid('param');
  const userId = c.get('user').id;
  const { client } = c.get('deps').database;
  const owned = await client.execute({ sql: 'SELECT email, provider FROM mail_accounts WHERE id = ? AND user_id = ?', args: [id, userId] });
  const row = owned.rows[0];
  if (!row) throw ApiError.notFound(`mailbox ${id}`);
  const { db } = c.get('deps').database;
  await db.batch([
    db.delete(mailAccountMessages).where(and(eq(mailAccountMessages.accountId, id), eq(mailAccountMessages.userId, userId))),
    db.delete(mailAccounts).where(and(eq(mailAccounts.id, id), eq(mailAccounts.userId, userId))),
  ]);
  return c.json({ disconnected: true as const, email: String(row.email), provider: String(row.provider) }, 200);
});
