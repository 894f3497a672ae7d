import { Hono } from 'hono';
import { defaultConfig } from './config';
import type { AppDeps, AppEnv } from './http/env';
import { ApiError } from './http/errors';
import { requireAuth } from './http/auth';
import { userTurns } from './http/user-turns';
import { extensionCors, limitBody, provideDeps, requestIdAndLog } from './http/middleware';
import { toErrorResponse } from './http/on-error';
import { createRateLimitStore, rateLimit, rateLimitByAddress } from './http/rate-limit';
import { createStorageHealth } from './http/storage-health';
import { createInFlight } from './http/in-flight';
import { createTokenUsers } from './store/token-users';
import { accountDisconnectRoutes } from './routes/account-disconnect';
import { accountRoutes } from './routes/accounts';
import { authRoutes, tokenRoutes } from './routes/auth';
import { connectLinkRoutes, connectStartRoutes } from './routes/connect-links';
import { connectRoutes, oauthCallbackRoutes } from './routes/connect';
import { counterpartRoutes } from './routes/counterparts';
import { dataSummaryRoutes } from './routes/data-summary';
import { exportRoutes } from './routes/export';
import { healthRoutes } from './routes/health';
import { meRoutes } from './routes/me';
import { memoryRoutes } from './routes/memory';
import { messageRoutes } from './routes/messages';
import { openApiRoutes, type DescribedApp } from './routes/openapi';
import { invitationRoutes, orgRoutes } from './routes/orgs';
import { promiseRoutes } from './routes/promises';
import { reminderRoutes } from './routes/reminders';
import { threadRoutes } from './routes/threads';
import { touchpointRoutes } from './routes/touchpoints';

export type { AppDeps, AppEnv } from './http/env';

/** Largest body of a route other than ingest: settings (50 addresses, 200 domains) fit in twice this. */
const SMALL_BODY_BYTES = 64 * 1024;

/**
 * The API: resource routers chained under /v1 so `AppType` carries every route for the extension's
 * `hc<AppType>` client. Everything it needs comes in through `deps`; nothing is read from the
 * environment or opened at import time.
 */
export function createApp(deps: AppDeps) {
  // The same object, not a copy: tests attach mailSync to it after the app is made.
  deps.storageHealth ??= createStorageHealth();
  deps.rateLimits ??= createRateLimitStore();
  deps.inFlight ??= createInFlight();
  deps.tokenUsers ??= createTokenUsers(deps.database);
  const described: DescribedApp = {};
  const app = new Hono<AppEnv>()
    .use('*', deps.inFlight.track)
    .use('*', provideDeps(deps))
    .use('*', requestIdAndLog)
    .use('*', extensionCors(deps.config.corsOrigins, deps.config.corsExtensions))
    .use('*', limitBody(deps.config.bodyLimitBytes))
    // Only message ingest needs big bodies. Everywhere else a body larger than any valid one is refused
    // before it is read and parsed (a 10 MB settings document used to be parsed and validated whole).
    .use('/v1/me/*', limitBody(SMALL_BODY_BYTES * 2, 'no valid body of this route is that large'))
    .use('/v1/counterparts/*', limitBody(SMALL_BODY_BYTES, 'no valid body of this route is that large'))
    .use('/v1/promises/*', limitBody(SMALL_BODY_BYTES, 'no valid body of this route is that large'))
    .use('/v1/touchpoints', limitBody(SMALL_BODY_BYTES, 'no valid body of this route is that large'))
    .use('/v1/touchpoints/*', limitBody(SMALL_BODY_BYTES, 'no valid body of this route is that large'))
    .use('/v1/orgs', limitBody(SMALL_BODY_BYTES, 'no valid body of this route is that large'))
    .use('/v1/orgs/*', limitBody(SMALL_BODY_BYTES, 'no valid body of this route is that large'))
    .use('/v1/invitations/*', limitBody(SMALL_BODY_BYTES, 'no valid body of this route is that large'))
    .route('/', healthRoutes)
    .route('/v1', openApiRoutes(described))
    .use('/oauth/*', rateLimitByAddress)
    .route('/oauth', oauthCallbackRoutes)
    // Sign-in and connect links carry no token: limited per client address, as the OAuth callback.
    .use('/auth/*', rateLimitByAddress)
    .route('/auth', authRoutes)
    .use('/connect/*', rateLimitByAddress)
    .route('/connect/start', connectStartRoutes)
    .use('/v1/*', requireAuth)
    .use('/v1/*', rateLimit)
    .use('/v1/*', userTurns(deps.config.requestsPerUserAtOnce ?? defaultConfig.requestsPerUserAtOnce))
    .route('/v1/me/token', tokenRoutes)
    .route('/v1/me/data', dataSummaryRoutes)
    .route('/v1/me', meRoutes)
    .route('/v1/messages', messageRoutes)
    .route('/v1/counterparts', counterpartRoutes)
    .route('/v1/threads', threadRoutes)
    .route('/v1/promises', promiseRoutes)
    .route('/v1/touchpoints', touchpointRoutes)
    .route('/v1/reminders', reminderRoutes)
    .route('/v1/export', exportRoutes)
    .route('/v1/accounts', accountRoutes)
    .route('/v1/accounts', accountDisconnectRoutes)
    .route('/v1/connect', connectRoutes)
    .route('/v1/connect-links', connectLinkRoutes)
    .route('/v1/memory', memoryRoutes)
    .route('/v1/orgs', orgRoutes)
    .route('/v1/invitations', invitationRoutes);

  described.app = app as unknown as DescribedApp['app'];
  app.notFound((c) => toErrorResponse(new ApiError('not_found', 404, `no route ${c.req.method} ${c.req.path}`), c));
  app.onError((err, c) => toErrorResponse(err, c));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
