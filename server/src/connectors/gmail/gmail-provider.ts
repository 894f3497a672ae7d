import { auth as googleAuth, gmail as createGmailClient, type gmail_v1 } from '@googleapis/gmail';
import { ConnectorError, isNetworkFailure } from '../connector-error';
import type { MailProvider, MailProviderOptions, SkippedMessage, SyncPage, SyncedMessage } from '../mail-provider';
import { requestedHeaderNames } from '../../mail/headers';
import { CursorFormatError, decodeCursor, encodeCursor, type GmailCursor } from '../../sync/cursor';
import { withBackoff, type BackoffOptions } from '../../sync/backoff';
import { mapLimited } from '../../sync/concurrency';
import { gmailQuotaUnits, type QuotaGrant, type QuotaLimiter } from '../../sync/quota-limiter';
import { buildBatchBody, parseBatchResponse } from './gmail-batch';
import { createBatchPipeline } from './gmail-batch-pipeline';
import { parseGmailError } from './gmail-errors';
import { gmailMessageToNormalized } from './gmail-message';

/**
 * google-auth-library's OAuth2Client, in the exact version @googleapis/gmail was built against (it pins
 * its own copy; the server's direct google-auth-library dependency is a different major, whose class
 * TypeScript rightly refuses as the Gmail client's `auth`).
 */
export type GoogleOAuthClient = InstanceType<typeof googleAuth.OAuth2>;

export interface GmailProviderDeps extends MailProviderOptions {
  auth: GoogleOAuthClient;
  /** FT_GMAIL_API_URL. */
  rootUrl: string;
  limiter: QuotaLimiter;
  backoff?: BackoffOptions;
  /** messages.list page size (max 500: fewer, larger pages = fewer list calls and commits). */
  pageSize?: number;
  /** Gets in flight at once; the limiter, not this, holds us to quota. */
  concurrency?: number;
  /** Per-request timeout in ms (default 30 s): a hung connection becomes a retry, not a stuck sync. */
  timeoutMs?: number;
  /** Most gets per batch request (default: as many as half a second of quota allows, at most 50; 0 = no batching). */
  batchSize?: number;
}

/** A full-sync page on its way: listed first, then its gets queued (see gmail-batch-pipeline.ts). */
interface PendingPage {
  page: Promise<SyncPage>;
  /** The cursor of the page after this one, once listed; null when this is the last page of the listing. */
  listed: Promise<{ encoded: string; cursor: GmailCursor } | null>;
  claim(): void;
  cancel(): void;
}

/** Builds the OAuth2 client the Gmail library uses, with its token endpoint at FT_GOOGLE_TOKEN_URL. */
export function createGoogleAuth(input: { clientId: string; clientSecret: string; tokenUrl: string; authUrl?: string; redirectUri?: string; refreshToken?: string }): GoogleOAuthClient {
  const client = new googleAuth.OAuth2({
    clientId: input.clientId,
    clientSecret: input.clientSecret,
    redirectUri: input.redirectUri,
    // An access token can die before its expiry (password change, admin action): refresh on a 401 and
    // retry once instead of reporting the account as revoked.
    forceRefreshOnFailure: true,
    endpoints: { oauth2TokenUrl: input.tokenUrl, ...(input.authUrl ? { oauth2AuthBaseUrl: input.authUrl } : {}) },
  });
  if (input.refreshToken) client.setCredentials({ refresh_token: input.refreshToken });
  return client;
}

/** Turns whatever gaxios / google-auth-library threw into a ConnectorError. */
export function toGmailConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const e = error as { status?: number; response?: { status?: number; data?: unknown; headers?: unknown } };
  const status = e.response?.status ?? e.status;
  if (status === undefined) {
    if (isNetworkFailure(error)) return new ConnectorError({ code: 'TEMPORARY', message: `Gmail unreachable: ${String((error as Error).message)}` }, { cause: error });
    return new ConnectorError({ code: 'UNKNOWN', message: `Gmail request failed: ${String((error as Error)?.message ?? error)}` }, { cause: error });
  }
  const headers = e.response?.headers;
  // gaxios answers a fetch Headers (from its own realm, so no instanceof), older versions a plain object.
  const retryAfter =
    headers && typeof (headers as Headers).get === 'function'
      ? (headers as Headers).get('retry-after')
      : ((headers as Record<string, string> | undefined)?.['retry-after'] ?? null);
  let body = e.response?.data;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      // A non-JSON error body (an HTML proxy page): the status alone decides.
    }
  }
  return new ConnectorError(parseGmailError({ status, body, retryAfter }), { cause: error });
}

const historyTypes = ['messageAdded', 'messageDeleted', 'labelAdded', 'labelRemoved'];
/** Mail we never analyse: drafts were not sent, spam and trash are not conversations. */
const excludedLabels = new Set(['DRAFT', 'SPAM', 'TRASH', 'CHAT']);

export function createGmailProvider(deps: GmailProviderDeps): MailProvider {
  const api: gmail_v1.Gmail = createGmailClient({
    version: 'v1',
    auth: deps.auth,
    rootUrl: deps.rootUrl,
    // Our own backoff (with quota pacing) replaces gaxios' built-in retry, which would spend quota unpaced.
    retry: false,
    timeout: deps.timeoutMs ?? 30_000,
  });
  const pageSize = deps.pageSize ?? 500;
  const concurrency = deps.concurrency ?? 40;
  const format = deps.bodies ? 'full' : 'metadata';

  /** One quota-paced call, retried with backoff; `granted` pays for the first attempt when the units were already taken. */
  const call = <T>(units: number, task: () => Promise<T>, granted?: QuotaGrant): Promise<T> => {
    let prepaid = granted;
    return withBackoff(async () => {
      const settle = prepaid ? prepaid.settle : await deps.limiter.acquire(units);
      prepaid = undefined;
      try {
        return await task();
      } catch (error) {
        throw toGmailConnectorError(error);
      } finally {
        settle();
      }
    }, deps.backoff);
  };

  const getOne = async (id: string): Promise<gmail_v1.Schema$Message | null> => {
    try {
      const res = await call(gmailQuotaUnits['messages.get'], () =>
        api.users.messages.get({ userId: 'me', id, format, ...(format === 'metadata' ? { metadataHeaders: [...requestedHeaderNames] } : {}) }),
      );
      return res.data;
    } catch (error) {
      // Deleted between listing and fetching: report it as gone.
      if (error instanceof ConnectorError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  };

  const query = new URLSearchParams({ format });
  if (format === 'metadata') for (const h of requestedHeaderNames) query.append('metadataHeaders', h);
  const batchUrl = new URL('batch/gmail/v1', deps.rootUrl.endsWith('/') ? deps.rootUrl : `${deps.rootUrl}/`).toString();
  const batchSize = Math.max(0, Math.min(deps.batchSize ?? 50, Math.floor((deps.limiter.unitsPerSecond * 0.9) / 2 / gmailQuotaUnits['messages.get'])));

  /** Gets a group in one batch request; parts that failed in a retryable way are fetched again one by one. */
  const getBatch = async (ids: string[], grant: QuotaGrant): Promise<(gmail_v1.Schema$Message | null)[]> => {
    const { boundary, body } = buildBatchBody(ids.map((id) => `/gmail/v1/users/me/messages/${encodeURIComponent(id)}?${query}`));
    const res = await call(gmailQuotaUnits['messages.get'] * ids.length, () =>
      deps.auth.request<string>({
        url: batchUrl,
        method: 'POST',
        headers: { 'Content-Type': `multipart/mixed; boundary=${boundary}` },
        data: body,
        responseType: 'text',
        retry: false,
        timeout: deps.timeoutMs ?? 30_000,
      }),
      grant,
    );
    const headers = res.headers as unknown as { get?: (name: string) => string | null } & Record<string, unknown>;
    const contentType = typeof headers.get === 'function' ? (headers.get('content-type') ?? '') : String(headers['content-type'] ?? '');
    const parts = parseBatchResponse(contentType, res.data, ids.length);
    return Promise.all(
      ids.map(async (id, i) => {
        const part = parts[i];
        if (part?.status === 200) return part.body as gmail_v1.Schema$Message;
        if (part?.status === 404) return null;
        // Missing, throttled or failed inside the batch: the single-request path paces and retries it.
        return getOne(id);
      }),
    );
  };

  const batching = batchSize >= 2;
  // One queue for all pages of this provider (one mailbox), up to 4 batches in flight.
  const pipeline = createBatchPipeline<gmail_v1.Schema$Message>({ limiter: deps.limiter, unitsPerGet: gmailQuotaUnits['messages.get'], maxBatch: Math.max(batchSize, 1), inFlight: 4, sendBatch: getBatch });

  /** Queues the gets for one page; a speculative (unclaimed) job only fills the tail of a claimed one. */
  const fetchJob = (ids: string[], claimed: boolean) => {
    if (batching) return pipeline.enqueue(ids, { claimed });
    const result = mapLimited(ids, concurrency, getOne);
    result.catch(() => undefined);
    return { result, claim: () => undefined, cancel: () => undefined };
  };

  /**
   * Resources to messages. Conversion is CPU work on the server's event loop (HTML bodies above all), so it
   * yields every few milliseconds: a page of 500 messages never holds other users' requests for its whole
   * length. A resource that cannot be a message is skipped with its reason; the rest of the page goes on.
   */
  const toPageContent = async (
    ids: string[],
    fetched: (gmail_v1.Schema$Message | null)[],
  ): Promise<{ upserted: SyncedMessage[]; gone: string[]; skipped: SkippedMessage[] }> => {
    const gone: string[] = ids.filter((_, i) => fetched[i] === null);
    const upserted: SyncedMessage[] = [];
    const skipped: SkippedMessage[] = [];
    let slice = performance.now();
    for (const resource of fetched) {
      if (!resource?.id) continue;
      if ((resource.labelIds ?? []).some((l) => excludedLabels.has(l))) {
        gone.push(resource.id);
        continue;
      }
      const converted = gmailMessageToNormalized(resource);
      if (converted.ok) upserted.push({ providerId: resource.id, message: converted.message });
      else skipped.push({ providerId: resource.id, messageId: null, code: converted.code, reason: converted.problem });
      if (performance.now() - slice > 10) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
    return { upserted, gone, skipped };
  };

  const fetchMessages = async (ids: string[]): Promise<{ upserted: SyncedMessage[]; gone: string[]; skipped: SkippedMessage[] }> =>
    toPageContent(ids, await fetchJob(ids, true).result);

  const startFullPage = (cursor: GmailCursor, reset: boolean, claimed: boolean): PendingPage => {
    const after = cursor.after ?? Math.floor(deps.fullSyncSince.getTime() / 1000);
    let job: ReturnType<typeof fetchJob> | null = null;
    let cancelled = false;
    let wanted = claimed;
    const listing = (async () => {
      const res = await call(gmailQuotaUnits['messages.list'], () =>
        api.users.messages.list({ userId: 'me', q: `after:${after} -in:chats -in:drafts`, maxResults: pageSize, pageToken: cursor.pageToken }),
      );
      const ids = (res.data.messages ?? []).map((m) => m.id).filter((id): id is string => Boolean(id));
      if (!cancelled) job = fetchJob(ids, wanted);
      const next: GmailCursor = res.data.nextPageToken
        ? { v: 1, p: 'gmail', mode: 'full', historyId: cursor.historyId, after, pageToken: res.data.nextPageToken }
        : // Listing done: replay history from before the listing started, so changes made meanwhile are caught.
          { v: 1, p: 'gmail', mode: 'incremental', historyId: cursor.historyId };
      return { ids, next, more: Boolean(res.data.nextPageToken) };
    })();
    const page = listing.then(async ({ ids, next }): Promise<SyncPage> => {
      if (!job) throw new Error('Gmail page fetch cancelled');
      const { upserted, gone, skipped } = await toPageContent(ids, await job.result);
      return { upserted, deletedIds: gone, skipped, nextCursor: encodeCursor(next), reset, done: false };
    });
    // A page listed ahead may fail or be dropped with nobody waiting; whoever claims it still sees the error.
    page.catch(() => undefined);
    const listed = listing.then(({ next, more }) => (more ? { encoded: encodeCursor(next), cursor: next } : null));
    listed.catch(() => undefined);
    return {
      page,
      listed,
      claim() {
        wanted = true;
        job?.claim();
      },
      cancel() {
        cancelled = true;
        job?.cancel();
      },
    };
  };

  // The next full-sync page is listed (and its gets queued behind this page's) as soon as this page's list
  // answers: it does not depend on the gets, and so the batches keep flowing at the page boundary. At most
  // one page ahead of what the caller asked for; dropped if the caller asks for any other cursor.
  let lookahead: { encoded: string; pending: PendingPage } | null = null;
  let requests = 0;

  const fullPage = (encoded: string, cursor: GmailCursor, reset: boolean): Promise<SyncPage> => {
    const request = ++requests;
    let pending: PendingPage;
    if (lookahead && lookahead.encoded === encoded && !reset) {
      pending = lookahead.pending;
      pending.claim();
    } else {
      lookahead?.pending.cancel();
      pending = startFullPage(cursor, reset, true);
    }
    lookahead = null;
    if (batching) {
      pending.listed.then(
        (next) => {
          if (next && request === requests) lookahead = { encoded: next.encoded, pending: startFullPage(next.cursor, false, false) };
        },
        () => undefined,
      );
    }
    return pending.page;
  };

  const startFull = async (reset: boolean): Promise<SyncPage> => {
    // historyId first: everything after it will show up in history.list once the listing is done.
    const profile = await call(gmailQuotaUnits.getProfile, () => api.users.getProfile({ userId: 'me' }));
    const historyId = profile.data.historyId;
    if (!historyId) throw new ConnectorError({ code: 'UNKNOWN', message: 'Gmail profile has no historyId' });
    const first: GmailCursor = { v: 1, p: 'gmail', mode: 'full', historyId, after: Math.floor(deps.fullSyncSince.getTime() / 1000) };
    return fullPage(encodeCursor(first), first, reset);
  };

  const incrementalPage = async (cursor: GmailCursor): Promise<SyncPage> => {
    let res;
    try {
      res = await call(gmailQuotaUnits['history.list'], () =>
        api.users.history.list({ userId: 'me', startHistoryId: cursor.historyId, historyTypes, maxResults: 500, pageToken: cursor.pageToken }),
      );
    } catch (error) {
      // https://developers.google.com/workspace/gmail/api/guides/sync: a 404 here means "do a full sync".
      if (error instanceof ConnectorError && error.code === 'NOT_FOUND') return startFull(true);
      throw error;
    }
    const fate = new Map<string, 'fetch' | 'delete'>();
    for (const h of res.data.history ?? []) {
      for (const a of h.messagesAdded ?? []) {
        const m = a.message;
        if (m?.id) fate.set(m.id, (m.labelIds ?? []).some((l) => excludedLabels.has(l)) ? 'delete' : 'fetch');
      }
      for (const d of h.messagesDeleted ?? []) if (d.message?.id) fate.set(d.message.id, 'delete');
      for (const l of h.labelsAdded ?? []) {
        if (l.message?.id && (l.labelIds ?? []).some((x) => x === 'TRASH' || x === 'SPAM')) fate.set(l.message.id, 'delete');
      }
      for (const l of h.labelsRemoved ?? []) {
        const m = l.message;
        // Out of trash / spam again: it is back in the conversation. Other label changes (read state,
        // categories, user labels) change nothing we analyse, so they cost no quota.
        if (m?.id && (l.labelIds ?? []).some((x) => x === 'TRASH' || x === 'SPAM') && !(m.labelIds ?? []).some((x) => excludedLabels.has(x))) {
          fate.set(m.id, 'fetch');
        }
      }
    }
    const toFetch = [...fate].filter(([, f]) => f === 'fetch').map(([id]) => id);
    const deleted = [...fate].filter(([, f]) => f === 'delete').map(([id]) => id);
    const { upserted, gone, skipped } = await fetchMessages(toFetch);
    const nextPageToken = res.data.nextPageToken;
    const next: GmailCursor = nextPageToken
      ? { v: 1, p: 'gmail', mode: 'incremental', historyId: cursor.historyId, pageToken: nextPageToken }
      : { v: 1, p: 'gmail', mode: 'incremental', historyId: res.data.historyId ?? cursor.historyId };
    return { upserted, deletedIds: [...deleted, ...gone], skipped, nextCursor: encodeCursor(next), reset: false, done: !nextPageToken };
  };

  return {
    provider: 'gmail',
    async getSyncPage(encoded) {
      if (encoded === null) {
        ++requests;
        return startFull(false);
      }
      let cursor: GmailCursor;
      try {
        cursor = decodeCursor(encoded, 'gmail');
      } catch (error) {
        if (error instanceof CursorFormatError) return startFull(true);
        throw error;
      }
      if (cursor.mode === 'full') return fullPage(encoded, cursor, false);
      // Any other request drops a page listed ahead.
      ++requests;
      lookahead?.pending.cancel();
      lookahead = null;
      return incrementalPage(cursor);
    },
  };
}
