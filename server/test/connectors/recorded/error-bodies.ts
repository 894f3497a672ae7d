/**
 * Error bodies as the providers document them (Gmail: developers.google.com/workspace/gmail/api/guides/handle-errors;
 * Google OAuth: RFC 6749 §5.2 as oauth2.googleapis.com answers; Graph: learn.microsoft.com/graph/errors,
 * delta-query-overview, throttling; Microsoft identity platform: AADSTS error responses), written out by
 * hand from those pages' field lists. Each is paired with the vocabulary code the parser must give.
 */
export interface RecordedError {
  name: string;
  status: number;
  retryAfter?: string;
  body: unknown;
  expected: 'TEMPORARY' | 'AUTH_REVOKED' | 'CURSOR_INVALID' | 'NOT_FOUND' | 'UNKNOWN';
  retryAfterMs?: number;
}

export const gmailErrors: RecordedError[] = [
  {
    name: 'history.list with an expired startHistoryId',
    status: 404,
    body: { error: { code: 404, message: 'Requested entity was not found.', errors: [{ message: 'Requested entity was not found.', domain: 'global', reason: 'notFound' }], status: 'NOT_FOUND' } },
    expected: 'NOT_FOUND',
  },
  {
    name: 'per-user rate limit (429)',
    status: 429,
    retryAfter: '30',
    body: { error: { code: 429, message: 'Too many concurrent requests for user', errors: [{ message: 'Too many concurrent requests for user', domain: 'global', reason: 'rateLimitExceeded' }], status: 'RESOURCE_EXHAUSTED' } },
    expected: 'TEMPORARY',
    retryAfterMs: 30_000,
  },
  {
    name: 'userRateLimitExceeded as 403',
    status: 403,
    body: { error: { code: 403, message: 'User Rate Limit Exceeded', errors: [{ message: 'User Rate Limit Exceeded', domain: 'usageLimits', reason: 'userRateLimitExceeded' }], status: 'PERMISSION_DENIED' } },
    expected: 'TEMPORARY',
  },
  {
    name: 'rateLimitExceeded as 403',
    status: 403,
    body: { error: { code: 403, message: 'Rate Limit Exceeded', errors: [{ message: 'Rate Limit Exceeded', domain: 'usageLimits', reason: 'rateLimitExceeded' }] } },
    expected: 'TEMPORARY',
  },
  {
    name: 'daily limit exceeded (403, not a rate reason we can wait out within a pass)',
    status: 403,
    body: { error: { code: 403, message: 'Daily Limit Exceeded', errors: [{ message: 'Daily Limit Exceeded', domain: 'usageLimits', reason: 'dailyLimitExceeded' }] } },
    expected: 'UNKNOWN',
  },
  {
    name: 'invalid credentials (401)',
    status: 401,
    body: { error: { code: 401, message: 'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.', errors: [{ message: 'Invalid Credentials', domain: 'global', reason: 'authError', location: 'Authorization', locationType: 'header' }], status: 'UNAUTHENTICATED' } },
    expected: 'AUTH_REVOKED',
  },
  {
    name: 'backend error (500)',
    status: 500,
    body: { error: { code: 500, message: 'Backend Error', errors: [{ message: 'Backend Error', domain: 'global', reason: 'backendError' }], status: 'INTERNAL' } },
    expected: 'TEMPORARY',
  },
  {
    name: 'token endpoint: revoked refresh token',
    status: 400,
    body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
    expected: 'AUTH_REVOKED',
  },
  {
    name: 'bad request (400 invalidArgument)',
    status: 400,
    body: { error: { code: 400, message: "Invalid value at 'format'", errors: [{ message: "Invalid value at 'format'", domain: 'global', reason: 'invalidArgument' }], status: 'INVALID_ARGUMENT' } },
    expected: 'UNKNOWN',
  },
];

export const graphErrors: RecordedError[] = [
  {
    name: 'delta token expired (410 SyncStateNotFound)',
    status: 410,
    body: { error: { code: 'SyncStateNotFound', message: 'The sync state generation is no longer available. Resync is required.', innerError: { date: '2026-03-09T10:02:11', 'request-id': '3f0c7a1e' } } },
    expected: 'CURSOR_INVALID',
  },
  {
    name: 'delta resyncRequired (410)',
    status: 410,
    body: { error: { code: 'resyncRequired', message: 'Resync required. Replace any local cached data with the data returned by a full sync.' } },
    expected: 'CURSOR_INVALID',
  },
  {
    name: 'mailbox concurrency throttling (429 with Retry-After)',
    status: 429,
    retryAfter: '7',
    body: { error: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' } },
    expected: 'TEMPORARY',
    retryAfterMs: 7000,
  },
  {
    name: 'service unavailable (503)',
    status: 503,
    retryAfter: '2',
    body: { error: { code: 'ServiceUnavailable', message: 'The service is temporarily unavailable.' } },
    expected: 'TEMPORARY',
    retryAfterMs: 2000,
  },
  {
    name: 'expired access token (401)',
    status: 401,
    body: { error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' } },
    expected: 'AUTH_REVOKED',
  },
  {
    name: 'message gone (404 ErrorItemNotFound)',
    status: 404,
    body: { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } },
    expected: 'NOT_FOUND',
  },
  {
    name: 'access denied (403 ErrorAccessDenied)',
    status: 403,
    body: { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } },
    expected: 'AUTH_REVOKED',
  },
  {
    name: 'token endpoint: consent revoked (AADSTS)',
    status: 400,
    body: {
      error: 'invalid_grant',
      error_description: "AADSTS65001: The user or administrator has not consented to use the application with ID 'ft-ms-client'.\r\nTrace ID: 0e1d",
      error_codes: [65001],
    },
    expected: 'AUTH_REVOKED',
  },
  {
    name: 'bad request (400 ErrorInvalidUrlQueryFilter)',
    status: 400,
    body: { error: { code: 'ErrorInvalidUrlQueryFilter', message: 'The query filter contains one or more invalid nodes.' } },
    expected: 'UNKNOWN',
  },
];
