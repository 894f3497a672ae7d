/**
 * The connectors' one error vocabulary (CONVENTIONS habit 7). Every provider failure is mapped by a
 * pure parser (parseGmailError / parseGraphError) onto one of these codes, so the sync machine decides
 * what to do without knowing which provider it talks to:
 * - TEMPORARY: retry with backoff (429, 5xx, Gmail 403 rate reasons, dropped connections, timeouts)
 * - AUTH_REVOKED: the user must reconnect (invalid_grant, 401 after a refresh)
 * - CURSOR_INVALID: the stored cursor is gone; start a clean full resync (Gmail history 404, Graph 410)
 * - NOT_FOUND: the item vanished between listing and fetching; skip it
 * - UNKNOWN: anything else; the pass fails and the error is shown on the account
 */
export type ConnectorErrorCode = 'TEMPORARY' | 'AUTH_REVOKED' | 'CURSOR_INVALID' | 'NOT_FOUND' | 'UNKNOWN';

export interface ParsedConnectorError {
  code: ConnectorErrorCode;
  message: string;
  /** Milliseconds the provider asked us to wait (Retry-After), when it said. */
  retryAfterMs?: number;
  /** HTTP status, when there was a response. */
  status?: number;
}

export class ConnectorError extends Error {
  readonly code: ConnectorErrorCode;
  readonly retryAfterMs: number | undefined;
  readonly status: number | undefined;

  constructor(parsed: ParsedConnectorError, options?: { cause?: unknown }) {
    super(parsed.message, options);
    this.name = 'ConnectorError';
    this.code = parsed.code;
    this.retryAfterMs = parsed.retryAfterMs;
    this.status = parsed.status;
  }
}

/**
 * Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). Returns milliseconds, or
 * undefined when absent or unparseable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Network-level failures (no HTTP response at all) are always worth a retry. */
const transientNetworkCodes = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'ESOCKETTIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ABORT_ERR',
]);

/** True when an error (or its cause chain) is a dropped connection or timeout rather than an HTTP answer. */
export function isNetworkFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const record = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    if (typeof record.code === 'string' && transientNetworkCodes.has(record.code)) return true;
    if (record.name === 'AbortError' || record.name === 'TimeoutError') return true;
    if (typeof record.message === 'string' && /fetch failed|socket hang up|other side closed|network/i.test(record.message)) {
      return true;
    }
    current = record.cause;
  }
  return false;
}
