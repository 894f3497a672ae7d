import { createHash, randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { and, eq, gt, lt } from 'drizzle-orm';
import { createConnectLinkRequestSchema, connectLinkResponseSchema } from '@followthrough/shared/contract';
import { connectTickets, users } from '../db/schema/index';
import { describe } from '../http/describe';
import type { AppEnv } from '../http/env';
import { ApiError } from '../http/errors';
import { validate } from '../http/validate';
import { connectRoutes } from './connect';

/**
 * Connecting a mailbox from the extension's options page. `GET /v1/connect/:provider` needs the API token
 * in a header, which a browser tab cannot send, and the token must not leave the extension's background.
 * So the background asks `POST /v1/connect-links` (with the token) for a one-time link, valid two minutes,
 * and opens it in a tab: `GET /connect/start/:provider?ticket=` spends the ticket and runs the very same
 * connect route (PKCE, state, its browser binding) as that user, in the browser the user consents in.
 */
const TICKET_TTL_MS = 2 * 60_000;
const hash = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

export const connectLinkRoutes = new Hono<AppEnv>().post('/', describe({ summary: 'A one-time link (two minutes) that starts connecting a mailbox in a browser tab', response: connectLinkResponseSchema }), validate('json', createConnectLinkRequestSchema), async (c) => {
  const { provider, access, loginHint } = c.req.valid('json');
  const mailSync = c.get('deps').mailSync;
  if (!mailSync) throw new ApiError('bad_request', 400, 'mailbox sync is not enabled on this server');
  if (!mailSync.connectors.clients[provider]) {
    const vars = provider === 'google' ? 'FT_GOOGLE_CLIENT_ID and FT_GOOGLE_CLIENT_SECRET' : 'FT_MS_CLIENT_ID and FT_MS_CLIENT_SECRET';
    throw new ApiError('bad_request', 400, `${provider === 'google' ? 'Gmail' : 'Microsoft'} connections are not configured on this server: its administrator sets ${vars}`);
  }
  const ticket = randomBytes(24).toString('base64url');
  const now = c.get('deps').clock();
  const expiresAt = new Date(now.getTime() + TICKET_TTL_MS).toISOString();
  const { db } = c.get('deps').database;
  await db.delete(connectTickets).where(lt(connectTickets.expiresAt, now.toISOString()));
  await db.insert(connectTickets).values({ ticketHash: hash(ticket), userId: c.get('user').id, provider, access, loginHint: loginHint ?? null, expiresAt });
  const origin = mailSync.publicUrl ?? new URL(c.req.url).origin;
  const query = new URLSearchParams({ ticket, access, ...(loginHint ? { loginHint } : {}) });
  return c.json({ url: `${origin}/connect/start/${provider}?${query}`, expiresAt }, 200);
});

/** Spends the ticket and acts as its user for the one connect request that follows. */
const ticketAuth = createMiddleware<AppEnv>(async (c, next) => {
  const ticket = c.req.query('ticket') ?? '';
  const provider = c.req.param('provider');
  const now = c.get('deps').clock();
  const { db } = c.get('deps').database;
  const spent = ticket
    ? await db.delete(connectTickets).where(and(eq(connectTickets.ticketHash, hash(ticket)), gt(connectTickets.expiresAt, now.toISOString()))).returning()
    : [];
  const row = spent[0];
  if (!row || row.provider !== provider || row.access !== (c.req.query('access') ?? 'metadata') || (row.loginHint ?? undefined) !== c.req.query('loginHint')) {
    return c.html(
      '<!doctype html><meta charset="utf-8"><title>Link expired</title><body style="font-family:system-ui;margin:3em"><h1>This link has expired</h1><p data-testid="ft-connect-expired">Connection links work once, for two minutes. Start again from Followthrough (Options, Mailboxes).</p></body>',
      400,
    );
  }
  const user = await db.select({ id: users.id, email: users.email, settingsJson: users.settingsJson }).from(users).where(eq(users.id, row.userId)).get();
  if (!user) throw ApiError.unauthorized();
  c.set('user', { id: user.id, email: user.email, settingsJson: user.settingsJson, tokenId: '' });
  await next();
});

export const connectStartRoutes = new Hono<AppEnv>().use('/:provider', ticketAuth).route('/', connectRoutes);
