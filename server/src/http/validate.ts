import type { ValidationTargets } from 'hono';
import { validator } from 'hono-openapi';
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
 * hono-openapi's validator (which also puts the schema in the generated OpenAPI document) with the API's
 * error shape: a failure becomes a 400 naming each field path ("body.messages.3.date: Invalid ISO
 * datetime"). Malformed JSON is caught earlier by Hono's validator and mapped in onError.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) {
  return validator(target, schema, (result, c) => {
    // Hono reads a JSON body only under a JSON content type; without one the body is ignored and every
    // field looks missing, so a PATCH whose fields are all optional "succeeded" doing nothing. Refused
    // whether or not the empty body happens to validate.
    if (target === 'json' && !/^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(c.req.header('content-type') ?? '')) {
      throw new ApiError('unsupported_media_type', 415, 'expected a JSON body: send Content-Type: application/json');
    }
    if (result.success) return;
    throw ApiError.validation(result.error, partNames[target]);
  });
}
