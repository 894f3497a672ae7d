import { Hono } from 'hono';
import { z } from 'zod';
import { listAccountsResponseSchema, syncAccountResponseSchema } from '@followthrough/shared/contract';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { getAccount, listAccounts, toAccountView } from '../sync/account-store';

/**
 * `GET /v1/accounts`: the caller's connected mailboxes with phase, counts, last success, last error and
 * "reconnect needed". `POST /v1/accounts/:id/sync`: a pass now (202; progress shows in GET). Another
 * user's account is a 404, as if it did not exist.
 */
export const accountRoutes = new Hono<AppEnv>()
  .get('/', describe({ summary: 'Connected mailboxes: phase, counts, last success, last error, reconnect needed', response: listAccountsResponseSchema }), async (c) => {
    const rows = await listAccounts(c.get('deps').database, c.get('user').id);
    const now = c.get('deps').clock();
    return c.json({ accounts: rows.map((row) => toAccountView(row, now)) }, 200);
  })
  .post('/:id/sync', describe({ summary: 'Queue a sync pass now (progress shows in GET /v1/accounts)', response: syncAccountResponseSchema, status: 202, errors: [400, 404] }), validate('param', z.object({ id: z.string().min(1) })), async (c) => {
    const { id } = c.req.valid('param');
    const row = await getAccount(c.get('deps').database, id);
    if (!row || row.userId !== c.get('user').id) throw ApiError.notFound('account');
    const mailSync = c.get('deps').mailSync;
    if (!mailSync) throw new ApiError('bad_request', 400, 'mailbox sync is not enabled on this server');
    if (row.status === 'reconnect_needed') {
      throw new ApiError('bad_request', 400, 'this mailbox needs to be reconnected (the grant was revoked): connect it again');
    }
    const logger = c.get('deps').logger;
    // Runs in the background: a first full sync can take minutes; GET /v1/accounts shows its progress.
    void mailSync.scheduler.requestSync(id).catch((error: unknown) => logger.error('sync failed', { accountId: id, error: String(error) }));
    return c.json({ account: toAccountView(row, c.get('deps').clock()), queued: true }, 202);
  });
