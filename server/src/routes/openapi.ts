import { Hono } from 'hono';
import { generateSpecs } from 'hono-openapi';
import { z } from 'zod';
import { errorResponseSchema } from '@followthrough/shared/contract';
import { describe, validationErrorResponse } from '../http/describe';
import type { AppEnv } from '../http/env';

/** The app whose routes are described; set by createApp once the whole app is built. */
export interface DescribedApp {
  app?: Hono<AppEnv>;
}

const errorSchema = (() => {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(errorResponseSchema, { io: 'output' }) as Record<string, unknown>;
  return schema;
})();

/**
 * `GET /v1/openapi.json`: public, like any API description. Generated from the routes themselves (each
 * carries its `describe(...)` and the validators' schemas), once per process on first request.
 */
export function openApiRoutes(described: DescribedApp) {
  let document: Promise<Record<string, unknown>> | undefined;
  return new Hono<AppEnv>().get(
    '/openapi.json',
    describe({ summary: 'This document', response: z.record(z.string(), z.unknown()), public: true }),
    async (c) => {
      const app = described.app;
      if (!app) throw new Error('the OpenAPI document was asked for before the app was built');
      document ??= generateSpecs(app, {
        documentation: {
          openapi: '3.1.0',
          info: {
            title: 'Followthrough API',
            version: '1.0.0',
            description: 'Client-relationship health from the inbox. Every /v1 route but this document needs `Authorization: Bearer <token>`.',
          },
          servers: [{ url: '/' }],
          security: [{ bearer: [] }],
          components: {
            securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token from `followthrough user add` or the extension\'s sign-in' } },
            schemas: { Error: errorSchema },
          },
        },
        defaultValidationErrorResponse: validationErrorResponse,
        // Its own path ends in .json, which the generator otherwise takes for a static file.
        excludeStaticFile: false,
      }).then(withoutBearerOutsideV1);
      return c.json(await document, 200);
    },
  );
}

interface Operation {
  security?: unknown[];
}

/**
 * Routes outside /v1 take no bearer token: the connect route is mounted a second time under
 * /connect/start, where a one-time ticket from a connect link stands in for it (a bad ticket is a 401).
 */
function withoutBearerOutsideV1<Document extends { paths?: object }>(document: Document): Document {
  for (const [path, item] of Object.entries(document.paths ?? {}) as [string, Record<string, Operation>][]) {
    if (path.startsWith('/v1/')) continue;
    for (const operation of Object.values(item)) operation.security = [];
  }
  return document;
}
