import type {
  ListAccountsResponse,
  ThreadSummaryResponse,
  Reminder,
  UpdatePromiseRequest,
  ErrorResponse,
} from '@followthrough/shared/contract';
import type { NormalizedMessageInput, ProgressReport, Touchpoint } from '@followthrough/shared/model';
import { hc } from 'hono/client';
import type { AppType } from '../../server/src/app';

/**
 * The server client (Hono RPC, `hc<AppType>`). Used only from the background (the only context with the server's host
 * permission and the token). Answers are results, never throws, so callers decide what "retry"
 * means: network failures, 5xx and 429 are retryable; other 4xx are the server saying no.
 */
export type ApiResult<T> =
  | { ok: true; status: number; data: T }
  | { ok: false; status: number; retry: boolean; error: string; retryAfterMs?: number };

export interface ApiClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** "https://x.example/" or "https://x.example/api" -> no trailing slash; throws on a non-http(s) URL. */
export function normalizeServerUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`Server URL "${raw}" is not a URL (expected e.g. https://followthrough.example.com)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`Server URL "${raw}" must start with https:// (or http:// for a local server)`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The host-permission pattern for a server URL: exactly its origin. */
export function originPattern(serverUrl: string): string {
  return `${new URL(normalizeServerUrl(serverUrl)).origin}/*`;
}

export function createApiClient(options: ApiClientOptions) {
  const base = normalizeServerUrl(options.baseUrl);
  const doFetch = options.fetch ?? fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 10_000;
  // The typed Hono RPC client: paths, params, bodies and answers come from the server's AppType
  // (a type-only import: no server code is bundled).
  const client = hc<AppType>(base, {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => doFetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
    headers: () => ({ authorization: `Bearer ${options.token}` }),
  });

  async function call<T>(request: () => Promise<Response>): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await request();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, status: 0, retry: true, error: `Server not reachable at ${base}: ${reason}` };
    }
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    if (response.ok) return { ok: true, status: response.status, data: json as T };
    const apiError = (json as ErrorResponse | null)?.error;
    const message = apiError ? `${apiError.code}: ${apiError.message}` : `HTTP ${response.status}`;
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      status: response.status,
      retry: response.status >= 500 || response.status === 429 || response.status === 408,
      error: message,
      ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
    };
  }

  // hc substitutes path params verbatim; Outlook ids contain + / = and must be encoded.
  const enc = encodeURIComponent;
  return {
    health: () => call<{ status: string }>(() => client.healthz.$get()),
    me: () => call<unknown>(() => client.v1.me.settings.$get()),
    threadSummary: (threadId: string) =>
      call<ThreadSummaryResponse>(() => client.v1.threads[':threadId'].summary.$get({ param: { threadId: enc(threadId) } })),
    pushMessages: (messages: NormalizedMessageInput[]) =>
      call<{ accepted?: number }>(() => client.v1.messages.$post({ json: { messages } })),
    createTouchpoint: (touchpoint: Touchpoint) => call<unknown>(() => client.v1.touchpoints.$post({ json: touchpoint })),
    updatePromise: (id: string, body: UpdatePromiseRequest) =>
      call<unknown>(() => client.v1.promises[':id'].$patch({ param: { id: enc(id) }, json: body })),
    reminders: () => call<{ now: string; reminders: Reminder[] }>(() => client.v1.reminders.$get({ query: {} })),
    accounts: () => call<ListAccountsResponse>(() => client.v1.accounts.$get()),
    report: (counterpart: string, since?: string) =>
      call<ProgressReport>(() =>
        client.v1.counterparts[':key'].report.$get({ param: { key: enc(counterpart) }, query: since ? { since } : {} }),
      ),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
