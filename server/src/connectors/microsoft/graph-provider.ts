import { Client, HTTPMessageHandler, type GraphError } from '@microsoft/microsoft-graph-client';
import { ConnectorError, isNetworkFailure } from '../connector-error';
import type { MailProvider, MailProviderOptions, SyncPage, SyncedMessage } from '../mail-provider';
import type { MicrosoftTokenSource } from '../oauth/microsoft-token-source';
import { CursorFormatError, decodeCursor, encodeCursor, graphFolders, type GraphCursor } from '../../sync/cursor';
import { withBackoff, type BackoffOptions } from '../../sync/backoff';
import { createSemaphore, mapLimited } from '../../sync/concurrency';
import { createGraphAuthMiddleware } from './graph-auth-middleware';
import { parseGraphError } from './graph-errors';
import { graphMessageToNormalized, graphSelect, type GraphMessage } from './graph-message';

export interface GraphProviderDeps extends MailProviderOptions {
  tokens: MicrosoftTokenSource;
  /** FT_GRAPH_URL, without the version segment. */
  graphUrl: string;
  backoff?: BackoffOptions;
  /** Delta page size asked for with `Prefer: odata.maxpagesize` (default 100). */
  pageSize?: number;
  /** Requests in flight per mailbox (Outlook allows 4). */
  maxConcurrent?: number;
  timeoutMs?: number;
}

const version = 'v1.0';
/** Graph's JSON batching limit (https://learn.microsoft.com/graph/json-batching). */
const batchLimit = 20;

export function toGraphConnectorError(error: unknown): ConnectorError {
  if (error instanceof ConnectorError) return error;
  const e = error as Partial<GraphError> & { message?: string };
  const status = typeof e.statusCode === 'number' && e.statusCode > 0 ? e.statusCode : undefined;
  if (status === undefined) {
    if (isNetworkFailure(error) || isNetworkFailure((error as { cause?: unknown })?.cause)) {
      return new ConnectorError({ code: 'TEMPORARY', message: `Graph unreachable: ${String(e.message)}` }, { cause: error });
    }
    return new ConnectorError({ code: 'UNKNOWN', message: `Graph request failed: ${String(e.message ?? error)}` }, { cause: error });
  }
  let body: unknown = e.body;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      body = undefined;
    }
  }
  if (!body && e.code) body = { error: { code: e.code, message: e.message } };
  return new ConnectorError(parseGraphError({ status, body, retryAfter: e.headers?.get('retry-after') ?? null }), { cause: error });
}

interface DeltaResponse {
  value?: GraphMessage[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

interface BatchResponse {
  responses?: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[];
}

export function createGraphProvider(deps: GraphProviderDeps): MailProvider {
  const graphUrl = deps.graphUrl.replace(/\/+$/, '');
  // The Graph client re-wraps anything a middleware throws as a bare GraphError (statusCode -1, code =
  // the error's name), losing our ConnectorError; remember the token failure to restore it.
  let tokenFailure: ConnectorError | null = null;
  const auth = createGraphAuthMiddleware(
    {
      async getAccessToken(force) {
        try {
          const token = await deps.tokens.getAccessToken(force);
          tokenFailure = null;
          return token;
        } catch (error) {
          if (error instanceof ConnectorError) tokenFailure = error;
          throw error;
        }
      },
    },
    deps.timeoutMs,
  );
  auth.setNext?.(new HTTPMessageHandler());
  const client = Client.initWithMiddleware({ middleware: auth, baseUrl: graphUrl, defaultVersion: version });
  const slots = createSemaphore(deps.maxConcurrent ?? 4);
  const pageSize = deps.pageSize ?? 100;
  // ImmutableId: a message keeps its id when moved, so deletions reported later still match what we stored.
  const prefer = `odata.maxpagesize=${pageSize}, IdType="ImmutableId", outlook.body-content-type="text"`;

  const call = <T>(task: () => Promise<T>): Promise<T> =>
    withBackoff(
      () =>
        slots.run(async () => {
          try {
            return await task();
          } catch (error) {
            if (tokenFailure && (error as Partial<GraphError>).code === 'ConnectorError') throw tokenFailure;
            throw toGraphConnectorError(error);
          }
        }),
      deps.backoff,
    );

  /** A link Graph handed us (nextLink / deltaLink) as a path the client accepts (it only strips https hosts itself). */
  const pathOf = (link: string): string => {
    const prefix = `${graphUrl}/${version}`;
    if (!link.startsWith(prefix)) throw new CursorFormatError(`graph link does not start with ${prefix}`);
    return link.slice(prefix.length);
  };

  /** internetMessageHeaders (In-Reply-To, References, List-Unsubscribe, Auto-Submitted...) via $batch, 20 at a time. */
  const fetchHeaders = async (ids: string[]): Promise<Map<string, { name: string; value: string }[]>> => {
    const out = new Map<string, { name: string; value: string }[]>();
    const groups: string[][] = [];
    for (let i = 0; i < ids.length; i += batchLimit) groups.push(ids.slice(i, i + batchLimit));
    await mapLimited(groups, deps.maxConcurrent ?? 4, async (group) => {
      let pending = group;
      for (let attempt = 0; pending.length > 0; attempt++) {
        const requests = pending.map((id, i) => ({ id: String(i), method: 'GET', url: `/me/messages/${encodeURIComponent(id)}?$select=internetMessageHeaders` }));
        const res = (await call(() => client.api('/$batch').post({ requests }))) as BatchResponse;
        const retry: string[] = [];
        let retryAfterMs = 0;
        for (const r of res.responses ?? []) {
          const id = pending[Number(r.id)];
          if (id === undefined) continue;
          if (r.status === 200) out.set(id, ((r.body as GraphMessage | undefined)?.internetMessageHeaders ?? []) as { name: string; value: string }[]);
          else {
            const parsed = parseGraphError({ status: r.status, body: r.body, retryAfter: r.headers?.['Retry-After'] ?? r.headers?.['retry-after'] ?? null });
            // A throttled or failed item inside a batch is retried alone; a vanished one is simply skipped.
            if (parsed.code === 'TEMPORARY') {
              retry.push(id);
              retryAfterMs = Math.max(retryAfterMs, parsed.retryAfterMs ?? 0);
            } else if (parsed.code !== 'NOT_FOUND') throw new ConnectorError(parsed);
          }
        }
        if (retry.length > 0 && attempt >= 5) throw new ConnectorError({ code: 'TEMPORARY', message: `Graph kept throttling ${retry.length} batch items` });
        if (retry.length > 0) await new Promise((resolve) => setTimeout(resolve, Math.max(retryAfterMs, 200 * 2 ** attempt)));
        pending = retry;
      }
    });
    return out;
  };

  const initialPath = (folder: string): string => {
    const since = deps.fullSyncSince.toISOString().replace(/\.\d{3}Z$/, 'Z');
    return `/me/mailFolders/${folder}/messages/delta?$select=${graphSelect(deps.bodies)}&$filter=receivedDateTime ge ${since}`;
  };

  const fresh = (): GraphCursor => ({
    v: 1,
    p: 'graph',
    mode: 'full',
    since: deps.fullSyncSince.toISOString(),
    folders: { inbox: { caughtUp: false }, sentitems: { caughtUp: false } },
  });

  const page = async (cursor: GraphCursor, reset: boolean): Promise<SyncPage> => {
    const folder = graphFolders.find((f) => !cursor.folders[f].caughtUp);
    if (!folder) {
      // Every folder finished its round: start the next round from each deltaLink.
      const next: GraphCursor = {
        ...cursor,
        mode: 'incremental',
        folders: { inbox: { ...cursor.folders.inbox, caughtUp: false }, sentitems: { ...cursor.folders.sentitems, caughtUp: false } },
      };
      return { upserted: [], deletedIds: [], nextCursor: encodeCursor(next), reset, done: true };
    }
    const state = cursor.folders[folder];
    const path = state.link ? pathOf(state.link) : initialPath(folder);
    let res: DeltaResponse;
    try {
      res = (await call(() => client.api(path).header('Prefer', prefer).get())) as DeltaResponse;
    } catch (error) {
      if (error instanceof ConnectorError && error.code === 'CURSOR_INVALID') return page(fresh(), true);
      throw error;
    }
    const items = res.value ?? [];
    const deletedIds = items.filter((m) => m['@removed']).map((m) => m.id);
    const live = items.filter((m) => !m['@removed']);
    const headers = await fetchHeaders(live.map((m) => m.id));
    const upserted: SyncedMessage[] = live.map((m) => ({
      providerId: m.id,
      message: graphMessageToNormalized({ ...m, internetMessageHeaders: headers.get(m.id) ?? [] }),
    }));
    const nextLink = res['@odata.nextLink'];
    const deltaLink = res['@odata.deltaLink'];
    if (!nextLink && !deltaLink) throw new ConnectorError({ code: 'UNKNOWN', message: 'Graph delta page has neither @odata.nextLink nor @odata.deltaLink' });
    const folders = { ...cursor.folders, [folder]: nextLink ? { link: nextLink, caughtUp: false } : { link: deltaLink, caughtUp: true } };
    const next: GraphCursor = { ...cursor, folders };
    const allCaughtUp = graphFolders.every((f) => folders[f].caughtUp);
    if (allCaughtUp) {
      const settled: GraphCursor = {
        ...next,
        mode: 'incremental',
        folders: { inbox: { ...folders.inbox, caughtUp: false }, sentitems: { ...folders.sentitems, caughtUp: false } },
      };
      return { upserted, deletedIds, nextCursor: encodeCursor(settled), reset, done: true };
    }
    return { upserted, deletedIds, nextCursor: encodeCursor(next), reset, done: false };
  };

  return {
    provider: 'graph',
    async getSyncPage(encoded) {
      if (encoded === null) return page(fresh(), false);
      let cursor: GraphCursor;
      try {
        cursor = decodeCursor(encoded, 'graph');
        for (const f of graphFolders) if (cursor.folders[f].link) pathOf(cursor.folders[f].link!);
      } catch (error) {
        // Not ours, another provider's, or for another Graph URL: start clean.
        if (error instanceof CursorFormatError) return page(fresh(), true);
        throw error;
      }
      return page(cursor, false);
    },
  };
}
