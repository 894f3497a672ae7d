import { createMiddleware } from 'hono/factory';
import { findUserByToken } from '../store/users';
import type { AppEnv } from './env';
import { ApiError } from './errors';

/** `Authorization: Bearer ft_...`: the token's hash names the user; every query downstream is scoped by it. */
export const requireAuth = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw ApiError.unauthorized();
  const user = await findUserByToken(c.var.deps.database.reader, match[1]!);
  if (!user) throw ApiError.unauthorized('API token not recognised or revoked');
  c.set('user', user);
  await next();
});
