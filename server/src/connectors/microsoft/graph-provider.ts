import { Client, HTTPMessageHandler, type GraphError } from '@microsoft/microsoft-graph-client';
import { ConnectorError, isNetworkFailure } from '../connector-error';
import type { MailProvider, MailProviderOptions, SkippedMessage, SyncPage, SyncedMessage } from '../mail-provider';
import type { MicrosoftTokenSource } from '../oauth/microsoft-token-source';
import { CursorFormatError, decodeCursor, encodeCursor, type GraphCursor } from '../../sync/cursor';
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
  // ImmutableId: a message keeps its id when moved, so a move is recognised as one (the same id in another
  // folder) and deletions reported later still match what we stored. Bodies come as the sender wrote them
  // (HTML mostly) and go through our one HTML-to-text, which keeps quoted history marked as quoted.
  const prefer = `odata.maxpagesize=${pageSize}, IdType="ImmutableId"`;

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
    return `/me/mailFolders/${encodeURIComponent(folder)}/messages/delta?$select=${graphSelect(deps.bodies)}&$filter=receivedDateTime ge ${since}`;
  };

  const fresh = (): GraphCursor => ({ v: 2, p: 'graph', mode: 'full', since: deps.fullSyncSince.toISOString(), folders: {}, listed: false });

  /** GETs through $batch, 20 at a time; each answer (or its status) by request, in order. */
  const batchGet = async (urls: string[]): Promise<{ status: number; body: unknown }[]> => {
    const out: { status: number; body: unknown }[] = new Array(urls.length);
    for (let i = 0; i < urls.length; i += batchLimit) {
      const group = urls.slice(i, i + batchLimit);
      const requests = group.map((url, k) => ({ id: String(k), method: 'GET', url }));
      const res = (await call(() => client.api('/$batch').post({ requests }))) as BatchResponse;
      for (const r of res.responses ?? []) {
        const k = Number(r.id);
        if (k >= 0 && k < group.length) out[i + k] = { status: r.status, body: r.body };
      }
      for (let k = 0; k < group.length; k++) {
        const answer = out[i + k];
        if (!answer) out[i + k] = { status: 0, body: undefined };
        else if (answer.status === 429 || answer.status >= 500) throw new ConnectorError({ code: 'TEMPORARY', message: `Graph answered ${answer.status} inside a batch` });
      }
    }
    return out;
  };

  /**
   * Every mail folder to watch, by id: all of them, nested ones too, except Deleted Items, Junk Email, Drafts
   * and Outbox (and what lies under them): mail the user files away (Archive, a project folder) is still
   * their conversation. Taken at the start of every round, so new folders join and removed ones leave.
   * https://learn.microsoft.com/graph/api/user-list-mailfolders, .../mailfolder-list-childfolders
   */
  const listFolders = async (): Promise<{ watched: string[]; excluded: string[]; wellKnown: Map<string, string> }> => {
    const names = ['inbox', 'sentitems', 'archive', ...excludedWellKnown];
    const answers = await batchGet(names.map((n) => `/me/mailFolders/${n}?$select=id`));
    const wellKnown = new Map<string, string>();
    names.forEach((name, i) => {
      const id = (answers[i]?.body as { id?: string } | undefined)?.id;
      if (answers[i]?.status === 200 && id) wellKnown.set(name, id);
    });
    const excluded = new Set(excludedWellKnown.map((n) => wellKnown.get(n)).filter((id): id is string => Boolean(id)));
    const watched: string[] = [];
    const select = '$select=id,displayName,parentFolderId,childFolderCount&$top=100';
    const queue: string[] = [`/me/mailFolders?${select}`];
    while (queue.length > 0 && watched.length < maxFolders) {
      let path: string | undefined = queue.shift()!;
      while (path && watched.length < maxFolders) {
        const res = (await call(() => client.api(path!).get())) as { value?: { id: string; childFolderCount?: number }[]; '@odata.nextLink'?: string };
        for (const folder of res.value ?? []) {
          if (excluded.has(folder.id)) continue;
          watched.push(folder.id);
          if ((folder.childFolderCount ?? 0) > 0) queue.push(`/me/mailFolders/${encodeURIComponent(folder.id)}/childFolders?${select}`);
        }
        const next = res['@odata.nextLink'];
        path = next ? pathOf(next) : undefined;
      }
    }
    return { watched, excluded: [...excluded], wellKnown };
  };

  /** The folder list of this round merged into the cursor: new folders start fresh, vanished ones are dropped. */
  const withFolders = async (cursor: GraphCursor): Promise<GraphCursor> => {
    const { watched, excluded, wellKnown } = await listFolders();
    const byName = new Map([...wellKnown].map(([name, id]) => [id, name]));
    const folders: GraphCursor['folders'] = {};
    for (const id of watched) {
      // A v1 cursor named Inbox and Sent Items by their well-known names: keep their delta links.
      const known = cursor.folders[id] ?? cursor.folders[byName.get(id) ?? ''];
      folders[id] = known ? { ...known, caughtUp: false } : { caughtUp: false };
    }
    return { ...cursor, folders, listed: true, excluded };
  };

  /**
   * A message a folder's delta reports removed may have been moved, not deleted (Graph reports a move as a
   * removal from the old folder and an addition to the new one; with ImmutableId its id stays the same). It
   * is deleted only when it is gone or sits in an excluded folder (Deleted Items, Junk, ...) now.
   */
  const reallyDeleted = async (ids: string[], excluded: readonly string[]): Promise<string[]> => {
    if (ids.length === 0) return [];
    const answers = await batchGet(ids.map((id) => `/me/messages/${encodeURIComponent(id)}?$select=id,parentFolderId`));
    const out: string[] = [];
    ids.forEach((id, i) => {
      const answer = answers[i]!;
      if (answer.status === 404) out.push(id);
      else if (answer.status === 200) {
        const parent = (answer.body as { parentFolderId?: string } | undefined)?.parentFolderId;
        if (parent && excluded.includes(parent)) out.push(id);
      } else if (answer.status !== 200) throw new ConnectorError({ code: 'UNKNOWN', message: `Graph answered ${answer.status} for a removed message` });
    });
    return out;
  };

  /** Resources to messages, yielding now and then (HTML conversion is CPU work on the server's loop). */
  const convert = async (live: GraphMessage[], headers: Map<string, { name: string; value: string }[]>): Promise<{ upserted: SyncedMessage[]; skipped: SkippedMessage[] }> => {
    const upserted: SyncedMessage[] = [];
    const skipped: SkippedMessage[] = [];
    let slice = performance.now();
    for (const m of live) {
      const converted = graphMessageToNormalized({ ...m, internetMessageHeaders: headers.get(m.id) ?? [] });
      if (converted.ok) upserted.push({ providerId: m.id, message: converted.message });
      else skipped.push({ providerId: m.id, messageId: m.internetMessageId ?? null, code: converted.code, reason: converted.problem });
      if (performance.now() - slice > 10) {
        await new Promise((resolve) => setImmediate(resolve));
        slice = performance.now();
      }
    }
    return { upserted, skipped };
  };

  const page = async (start: GraphCursor, reset: boolean): Promise<SyncPage> => {
    const cursor = start.listed ? start : await withFolders(start);
    const folder = Object.keys(cursor.folders)
      .sort()
      .find((f) => !cursor.folders[f]!.caughtUp);
    if (!folder) {
      // Every folder finished its round: the next round starts from each deltaLink, with a new folder list.
      const next: GraphCursor = { ...cursor, mode: 'incremental', listed: false, folders: settle(cursor.folders) };
      return { upserted: [], deletedIds: [], skipped: [], nextCursor: encodeCursor(next), reset, done: true };
    }
    const state = cursor.folders[folder]!;
    const path = state.link ? pathOf(state.link) : initialPath(folder);
    let res: DeltaResponse;
    try {
      res = (await call(() => client.api(path).header('Prefer', prefer).get())) as DeltaResponse;
    } catch (error) {
      if (error instanceof ConnectorError && error.code === 'CURSOR_INVALID') return page(fresh(), true);
      // The folder was deleted since the list was taken: drop it; the next round's list is the truth.
      if (error instanceof ConnectorError && error.code === 'NOT_FOUND') {
        const { [folder]: _gone, ...rest } = cursor.folders;
        return { upserted: [], deletedIds: [], skipped: [], nextCursor: encodeCursor({ ...cursor, folders: rest }), reset, done: false };
      }
      throw error;
    }
    const items = res.value ?? [];
    const removed = items.filter((m) => m['@removed']).map((m) => m.id);
    const live = items.filter((m) => !m['@removed']);
    const [deletedIds, headers] = await Promise.all([reallyDeleted(removed, cursor.excluded ?? []), fetchHeaders(live.map((m) => m.id))]);
    const { upserted, skipped } = await convert(live, headers);
    const nextLink = res['@odata.nextLink'];
    const deltaLink = res['@odata.deltaLink'];
    if (!nextLink && !deltaLink) throw new ConnectorError({ code: 'UNKNOWN', message: 'Graph delta page has neither @odata.nextLink nor @odata.deltaLink' });
    const folders = { ...cursor.folders, [folder]: nextLink ? { link: nextLink, caughtUp: false } : { link: deltaLink, caughtUp: true } };
    if (Object.values(folders).every((f) => f.caughtUp)) {
      const settled: GraphCursor = { ...cursor, mode: 'incremental', listed: false, folders: settle(folders) };
      return { upserted, deletedIds, skipped, nextCursor: encodeCursor(settled), reset, done: true };
    }
    return { upserted, deletedIds, skipped, nextCursor: encodeCursor({ ...cursor, folders }), reset, done: false };
  };

  return {
    provider: 'graph',
    async getSyncPage(encoded) {
      if (encoded === null) return page(fresh(), false);
      let cursor: GraphCursor;
      try {
        cursor = decodeCursor(encoded, 'graph');
        for (const f of Object.values(cursor.folders)) if (f.link) pathOf(f.link);
      } catch (error) {
        // Not ours, another provider's, or for another Graph URL: start clean.
        if (error instanceof CursorFormatError) return page(fresh(), true);
        throw error;
      }
      return page(cursor, false);
    },
  };
}

/** Every folder's round starts over from its deltaLink. */
function settle(folders: GraphCursor['folders']): GraphCursor['folders'] {
  const out: GraphCursor['folders'] = {};
  for (const [id, f] of Object.entries(folders)) out[id] = { ...f, caughtUp: false };
  return out;
}

/** Folders whose mail is not a conversation: deleted, junk, never sent. */
const excludedWellKnown = ['deleteditems', 'junkemail', 'drafts', 'outbox'];
/** Folders watched per mailbox at most (each costs a delta request per round). */
const maxFolders = 500;
