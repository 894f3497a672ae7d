import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { ApiError } from './errors';

const partNames: Record<keyof ValidationTargets, string> = {
  json: 'body',
  form: 'body',
  query: 'query',
  param: 'param',
  header: 'header',
  cookie: 'cookie',
};

/**
 * zValidator with the API's error shape: a failure becomes a 400 naming each field path
 * ("body.messages.3.date: Invalid ISO datetime"). Malformed JSON is caught earlier by Hono's
 * validator and mapped in onError.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  return zValidator(target, schema, (result, c) => {
    if (result.success) return;
    // Hono reads a JSON body only under a JSON content type; without one every field looks missing,
    // which would be a misleading message.
    if (target === 'json' && !/^application\/([\w.+-]+\+)?json/i.test(c.req.header('content-type') ?? '')) {
      throw new ApiError('bad_request', 400, 'expected a JSON body: send Content-Type: application/json');
    }
    throw ApiError.validation(result.error as never, partNames[target]);
  });
}
