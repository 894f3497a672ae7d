import type { ApiErrorCode } from '@followthrough/shared/contract';
import type { StandardSchemaV1 } from '@standard-schema/spec';

export interface ApiErrorIssue {
  path: string;
  message: string;
}

/** The API's one error class: `onError` turns it into `{error: {code, message, requestId}}`. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503,
    message: string,
    readonly issues?: ApiErrorIssue[],
    /** Extra response headers (Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static notFound(what: string): ApiError {
    return new ApiError('not_found', 404, `${what} not found`);
  }

  static forbidden(message: string): ApiError {
    return new ApiError('forbidden', 403, message);
  }

  static conflict(message: string): ApiError {
    return new ApiError('conflict', 409, message);
  }

  static unauthorized(message = 'missing or invalid API token (send Authorization: Bearer <token>)'): ApiError {
    return new ApiError('unauthorized', 401, message);
  }

  /** A schema failure, with each issue's field path prefixed by the request part ("body", "query", "param"). */
  static validation(failures: readonly StandardSchemaV1.Issue[], part: string): ApiError {
    const issues = failures.map((issue) => ({
      path: [part, ...(issue.path ?? []).map((segment) => String(typeof segment === 'object' ? segment.key : segment))].join('.'),
      message: issue.message,
    }));
    const first = issues[0];
    const summary = first ? `${first.path}: ${first.message}` : 'invalid request';
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    return new ApiError('validation_failed', 400, `${summary}${more}`, issues);
  }
}
