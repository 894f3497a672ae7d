import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ErrorResponse } from '@followthrough/shared/contract';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { storageFailureReason } from './storage-health';

/** The one place an error becomes a response: `{error: {code, message, requestId}}`. */
export function toErrorResponse(err: Error, c: Context<AppEnv>): Response {
  const requestId = c.get('requestId') ?? 'unknown';
  let apiError: ApiError;
  if (err instanceof ApiError) {
    apiError = err;
  } else if (err instanceof HTTPException && err.status === 400 && /malformed json/i.test(err.message)) {
    apiError = new ApiError('malformed_json', 400, 'request body is not valid JSON');
  } else if (err instanceof HTTPException && err.status === 413) {
    apiError = new ApiError('payload_too_large', 413, 'request body too large');
  } else if (err instanceof HTTPException && err.status < 500) {
    apiError = new ApiError('bad_request', 400, err.message || 'bad request');
  } else if (storageFailureReason(err) !== null) {
    // A write the database cannot take (full disk, read-only): say so, and let /healthz say it too.
    c.get('deps')?.storageHealth?.noteWriteFailure(err, c.get('deps').clock());
    c.get('deps')?.logger.error('database write failed', { requestId, reason: storageFailureReason(err) });
    apiError = new ApiError('unavailable', 503, `the server cannot store anything right now: ${storageFailureReason(err)}; reads still work`, undefined, {
      'Retry-After': '60',
    });
  } else {
    c.get('deps')?.logger.error('unhandled error', { requestId, error: err.message, stack: err.stack });
    apiError = new ApiError('internal', 500, 'internal error; quote the request id when reporting it');
  }
  const body: ErrorResponse = {
    error: {
      code: apiError.code,
      message: apiError.message,
      requestId,
      ...(apiError.issues ? { issues: apiError.issues } : {}),
    },
  };
  for (const [name, value] of Object.entries(apiError.headers ?? {})) c.header(name, value);
  c.header('X-Request-Id', requestId);
  return c.json(body, apiError.status);
}
