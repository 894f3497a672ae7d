import { Hono } from 'hono';
import type { AppEnv } from '../http/env';
import { createOpenApiDocument } from '../openapi';

let cached: Record<string, unknown> | undefined;

/** `GET /v1/openapi.json`: public, like any API description; built once per process from the contract. */
export const openApiRoutes = new Hono<AppEnv>().get('/openapi.json', (c) => {
  cached ??= createOpenApiDocument();
  return c.json(cached, 200);
});
