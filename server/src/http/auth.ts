import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { limitAnonymous } from './rate-limit';

/** `Authorization: Bearer ft_...`: the token's hash names the user; every query downstream is scoped by it. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S{1,256})\s*$/i.exec(header.length > 300 ? '' : header);
  if (!match) {
    await limitAnonymous(c, 'requests without a valid token');
    throw ApiError.unauthorized();
  }
  const user = await c.get('deps').tokenUsers!.find(match[1]!);
  if (!user) {
    // A wrong token costs from the address's bucket: guessing tokens runs into 429 after a few tries.
    await limitAnonymous(c, 'requests without a valid token');
    throw ApiError.unauthorized('API token not recognised or revoked');
  }
  c.set('user', user);
  await next();
});
