import { parseRetryAfter, type ParsedConnectorError } from '../connector-error';

/**
 * Maps a Microsoft Graph (or Microsoft identity platform token endpoint) failure onto the connector
 * vocabulary. Pure: status, parsed JSON body, Retry-After.
 *
 * Graph bodies: `{error: {code, message, innerError}}`
 * (https://learn.microsoft.com/graph/errors). An expired delta token is 410 Gone with code
 * `syncStateNotFound` / `resyncRequired` (https://learn.microsoft.com/graph/delta-query-overview).
 * Throttling is 429 with Retry-After (https://learn.microsoft.com/graph/throttling). The token endpoint
 * answers `{error: "invalid_grant", error_description: "AADSTS...", error_codes: [...]}`.
 */
export function parseGraphError(input: { status?: number; body?: unknown; retryAfter?: string | null }): ParsedConnectorError {
  const status = input.status;
  const retryAfterMs = parseRetryAfter(input.retryAfter ?? null);
  const body = (input.body ?? {}) as Record<string, unknown>;
  const withRetry = (parsed: ParsedConnectorError): ParsedConnectorError =>
    retryAfterMs === undefined ? parsed : { ...parsed, retryAfterMs };

  if (typeof body.error === 'string') {
    const description = typeof body.error_description === 'string' ? body.error_description.split('\n')[0]! : body.error;
    if (body.error === 'invalid_grant' || body.error === 'interaction_required' || body.error === 'invalid_client') {
      return { code: 'AUTH_REVOKED', message: `Microsoft refused the grant: ${description}`, status };
    }
    if (status !== undefined && (status >= 500 || status === 429)) {
      return withRetry({ code: 'TEMPORARY', message: `Microsoft token endpoint: ${description}`, status });
    }
    return { code: 'UNKNOWN', message: `Microsoft token endpoint: ${description}`, status };
  }

  const error = (body.error ?? {}) as { code?: unknown; message?: unknown };
  const graphCode = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' && error.message !== '' ? error.message : graphCode || `HTTP ${status ?? 'error'}`;
  const lower = graphCode.toLowerCase();

  if (status === 410 || lower === 'syncstatenotfound' || lower === 'resyncrequired' || lower === 'syncstateinvalid') {
    return { code: 'CURSOR_INVALID', message: `Graph delta state expired (${graphCode || 'Gone'}): ${message}`, status };
  }
  if (status === 429 || lower === 'toomanyrequests' || lower === 'applicationthrottled') {
    return withRetry({ code: 'TEMPORARY', message: `Graph throttled: ${message}`, status });
  }
  if (status === 401 || lower === 'invalidauthenticationtoken') {
    return { code: 'AUTH_REVOKED', message: `Graph rejected the credentials: ${message}`, status };
  }
  if (status === 403 && (lower === 'erroraccessdenied' || lower === 'accessdenied' || lower === 'authorization_requestdenied')) {
    return { code: 'AUTH_REVOKED', message: `Graph grant lacks permission: ${message}`, status };
  }
  if (status === 404 || lower === 'erroritemnotfound' || lower === 'itemnotfound') return { code: 'NOT_FOUND', message, status };
  if (status !== undefined && status >= 500) return withRetry({ code: 'TEMPORARY', message: `Graph server error: ${message}`, status });
  return { code: 'UNKNOWN', message, status };
}
