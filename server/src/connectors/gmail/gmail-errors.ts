import { parseRetryAfter, type ParsedConnectorError } from '../connector-error';

/**
 * Maps a Gmail API (or Google OAuth token endpoint) failure onto the connector vocabulary. Pure: it sees
 * the HTTP status, the parsed JSON body and the Retry-After header, nothing else.
 *
 * Gmail bodies: `{error: {code, message, errors: [{domain, reason, message}], status}}`
 * (https://developers.google.com/workspace/gmail/api/guides/handle-errors). The token endpoint answers
 * OAuth-style `{error: "invalid_grant", error_description}` (RFC 6749 §5.2).
 */
export function parseGmailError(input: { status?: number; body?: unknown; retryAfter?: string | null }): ParsedConnectorError {
  const status = input.status;
  const retryAfterMs = parseRetryAfter(input.retryAfter ?? null);
  const body = (input.body ?? {}) as Record<string, unknown>;
  const withRetry = (parsed: ParsedConnectorError): ParsedConnectorError =>
    retryAfterMs === undefined ? parsed : { ...parsed, retryAfterMs };

  // OAuth token endpoint: error is a string.
  if (typeof body.error === 'string') {
    const description = typeof body.error_description === 'string' ? body.error_description : body.error;
    if (body.error === 'invalid_grant' || body.error === 'unauthorized_client' || body.error === 'invalid_client') {
      return { code: 'AUTH_REVOKED', message: `Google refused the grant: ${description}`, status };
    }
    if (status !== undefined && (status >= 500 || status === 429)) {
      return withRetry({ code: 'TEMPORARY', message: `Google token endpoint: ${description}`, status });
    }
    return { code: 'UNKNOWN', message: `Google token endpoint: ${description}`, status };
  }

  const error = (body.error ?? {}) as { code?: unknown; message?: unknown; errors?: unknown; status?: unknown };
  const message = typeof error.message === 'string' ? error.message : `HTTP ${status ?? 'error'}`;
  const reasons = Array.isArray(error.errors)
    ? error.errors.map((e) => (e && typeof e === 'object' ? String((e as { reason?: unknown }).reason ?? '') : ''))
    : [];
  const code = status ?? (typeof error.code === 'number' ? error.code : undefined);

  if (code === 429) return withRetry({ code: 'TEMPORARY', message: `Gmail rate limit: ${message}`, status: code });
  if (code === 403 && reasons.some((r) => r === 'rateLimitExceeded' || r === 'userRateLimitExceeded')) {
    return withRetry({ code: 'TEMPORARY', message: `Gmail rate limit: ${message}`, status: code });
  }
  if (code === 401) return { code: 'AUTH_REVOKED', message: `Gmail rejected the credentials: ${message}`, status: code };
  if (code === 403 && reasons.some((r) => r === 'insufficientPermissions' || r === 'forbidden')) {
    return { code: 'AUTH_REVOKED', message: `Gmail grant lacks permission: ${message}`, status: code };
  }
  if (code === 404) return { code: 'NOT_FOUND', message, status: code };
  if (code !== undefined && code >= 500) return withRetry({ code: 'TEMPORARY', message: `Gmail server error: ${message}`, status: code });
  return { code: 'UNKNOWN', message, status: code };
}
