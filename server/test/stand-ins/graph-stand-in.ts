import { randomBytes } from 'node:crypto';
import { createOAuthAuthority, type OAuthAuthority } from './oauth-authority';
import { json, startStandInHttp, type HttpAnswer, type StandInHttp } from './http-kit';
import { rfc2822, type FixtureMail } from './mailbox-fixture';

/**
 * A local stand-in for Microsoft Graph mail (https://learn.microsoft.com/graph/api/message-delta) and the
 * Microsoft identity platform's OAuth endpoints:
 * - GET  /v1.0/me                                             {id, mail, userPrincipalName, displayName}
 * - GET  /v1.0/me/mailFolders[?$top=&$skip=], /v1.0/me/mailFolders/{id|wellKnownName}[/childFolders]
 *        {value: [{id, displayName, parentFolderId, childFolderCount}], @odata.nextLink?}; well-known names
 *        inbox, sentitems, archive, deleteditems, junkemail, drafts, outbox (https://learn.microsoft.com/graph/api/resources/mailfolder)
 * - GET  /v1.0/me/mailFolders/{id|wellKnownName}/messages/delta[?$select=&$filter=receivedDateTime ge X]
 *        pages of `Prefer: odata.maxpagesize` (default 10) with @odata.nextLink ($skiptoken) until the
 *        last page, which carries @odata.deltaLink ($deltatoken); calling the deltaLink returns what was
 *        created or updated since (full selected items) and `{id, "@removed": {reason}}` for deletions.
 *        An expired delta token answers 410 `{error: {code: "SyncStateNotFound"}}`. A move shows as `@removed`
 *        in the old folder's delta and as a change in the new one's, under the same (immutable) id.
 * - GET  /v1.0/me/messages/{id}?$select=internetMessageHeaders
 * - POST /v1.0/$batch                                         up to 20 requests, `{responses: [{id, status, headers, body}]}`
 * - POST /{tenant}/oauth2/v2.0/token, GET /{tenant}/oauth2/v2.0/authorize
 * Errors are `{error: {code, message, innerError}}`. Throttling: more than 4 concurrent requests per
 * mailbox answer 429 ApplicationThrottled with Retry-After (the Outlook service limit).
 */
export interface GraphStandInOptions {
  /** Time each request holds its mailbox slot, in ms (default 3), so concurrency is observable. */
  serviceTimeMs?: number;
  maxConcurrentPerMailbox?: number;
  accessTokenTtlSec?: number;
}

/** A folder id; the well-known ones are also reachable by name. */
type Folder = string;

interface GraphFolder {
  id: string;
  displayName: string;
  parentId: string | null;
}

const WELL_KNOWN = ['inbox', 'sentitems', 'archive', 'deleteditems', 'junkemail', 'drafts', 'outbox'] as const;
const DISPLAY: Record<string, string> = {
  inbox: 'Inbox',
  sentitems: 'Sent Items',
  archive: 'Archive',
  deleteditems: 'Deleted Items',
  junkemail: 'Junk Email',
  drafts: 'Drafts',
  outbox: 'Outbox',
};

interface StoredGraphMessage {
  id: string;
  folder: Folder;
  seq: number;
  resource: Record<string, unknown>;
  headers: { name: string; value: string }[];
}

interface GraphUser {
  email: string;
  folders: Map<string, GraphFolder>;
  /** Well-known name -> folder id. */
  wellKnown: Map<string, string>;
  messages: Map<string, StoredGraphMessage>;
  tombstones: { id: string; folder: Folder; seq: number }[];
  seq: number;
  /** Delta tokens for a state older than this answer 410. */
  tokenFloor: number;
  inFlight: number;
}

export interface GraphStandIn {
  readonly url: string;
  readonly http: StandInHttp;
  readonly oauth: OAuthAuthority;
  readonly stats: { requests: Record<string, number>; throttled: number; peakConcurrency: number; innerRequests: number };
  addMailbox(email: string): void;
  /** Adds a message to `folder` (a well-known name or a folder id; default inbox, or sentitems when sent). */
  addMessage(email: string, mail: FixtureMail, folder?: string): string;
  /** A folder of the user's own (under `parent`, a well-known name or id; default the top level). */
  addFolder(email: string, displayName: string, parent?: string): string;
  /** Moves a message: its id stays, its old folder's delta reports it removed, its new one's as changed. */
  moveMessage(email: string, id: string, folder: string): void;
  /** Replaces what the stand-in serves for a message (its resource fields and headers), as a hostile sender would write it. */
  setMessage(email: string, id: string, patch: { resource?: Record<string, unknown>; headers?: { name: string; value: string }[] }): void;
  /** A read-state change: the message shows up again in the next delta round as updated. */
  markRead(email: string, id: string): void;
  deleteMessage(email: string, id: string): void;
  expireDeltaTokens(email: string): void;
  messageIds(email: string): string[];
  close(): Promise<void>;
}

const graphError = (status: number, code: string, message: string, headers: Record<string, string> = {}): HttpAnswer =>
  json(status, { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomBytes(8).toString('hex') } } }, headers);

const enc = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
function dec<T>(s: string | null): T | null {
  if (!s) return null;
  try {
    return JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

interface DeltaState {
  f: Folder;
  /** Changes after this sequence number... */
  from: number;
  /** ...up to this one (the snapshot the round started at). */
  snap: number;
  o: number;
  sel: string | null;
  since: string | null;
}

function recipient(raw: string): { emailAddress: { name: string; address: string } } {
  const m = /^(.*)<([^>]+)>$/.exec(raw.trim());
  return m ? { emailAddress: { name: m[1]!.trim().replace(/^"|"$/g, ''), address: m[2]!.trim() } } : { emailAddress: { name: raw.trim(), address: raw.trim() } };
}

export async function startGraphStandIn(options: GraphStandInOptions = {}): Promise<GraphStandIn> {
  const users = new Map<string, GraphUser>();
  // The consumers tenant (personal Microsoft accounts), as outlook.com users sign in with.
  const tenantId = '9188040d-6c67-4c5b-b112-36a304b66dad';
  const oauth = createOAuthAuthority({
    clientId: 'ft-ms-client',
    clientSecret: 'ft-ms-secret',
    accessTokenTtlSec: options.accessTokenTtlSec,
    oidc: { issuer: `https://login.microsoftonline.com/${tenantId}/v2.0`, extraClaims: (user) => ({ tid: tenantId, preferred_username: user, ver: '2.0' }) },
  });
  const stats = { requests: {} as Record<string, number>, throttled: 0, peakConcurrency: 0, innerRequests: 0 };
  const serviceTime = options.serviceTimeMs ?? 3;
  const maxConcurrent = options.maxConcurrentPerMailbox ?? 4;
  let base = '';

  const user = (email: string): GraphUser => {
    const u = users.get(email);
    if (!u) throw new Error(`no stand-in mailbox ${email}`);
    return u;
  };
  const count = (kind: string): void => {
    stats.requests[kind] = (stats.requests[kind] ?? 0) + 1;
  };
  const folderOf = (u: GraphUser, idOrName: string): GraphFolder | undefined => u.folders.get(u.wellKnown.get(idOrName.toLowerCase()) ?? idOrName);
  const folderResource = (u: GraphUser, f: GraphFolder) => ({
    id: f.id,
    displayName: f.displayName,
    parentFolderId: f.parentId ?? 'msgfolderroot',
    childFolderCount: [...u.folders.values()].filter((c) => c.parentId === f.id).length,
    totalItemCount: [...u.messages.values()].filter((m) => m.folder === f.id).length,
  });
  const folderList = (u: GraphUser, parentId: string | null, url: URL): HttpAnswer => {
    count('mailFolders');
    const all = [...u.folders.values()].filter((f) => f.parentId === parentId).map((f) => folderResource(u, f));
    const top = Math.min(Number(url.searchParams.get('$top') ?? 10) || 10, 100);
    const skip = Number(url.searchParams.get('$skip') ?? 0) || 0;
    const next = new URL(url.toString());
    next.searchParams.set('$skip', String(skip + top));
    return json(200, { value: all.slice(skip, skip + top), ...(all.length > skip + top ? { '@odata.nextLink': `${base}${next.pathname}${next.search}` } : {}) });
  };

  const project = (m: StoredGraphMessage, sel: string | null): Record<string, unknown> => {
    const full: Record<string, unknown> = { '@odata.type': '#microsoft.graph.message', '@odata.etag': `W/"${m.seq}"`, id: m.id, ...m.resource, parentFolderId: m.folder };
    if (!sel) return full;
    const fields = new Set(sel.split(',').map((s) => s.trim()));
    fields.add('id');
    const out: Record<string, unknown> = { '@odata.type': full['@odata.type'], '@odata.etag': full['@odata.etag'] };
    for (const [k, v] of Object.entries(full)) if (fields.has(k)) out[k] = v;
    if (fields.has('internetMessageHeaders')) out.internetMessageHeaders = m.headers;
    return out;
  };

  const delta = (u: GraphUser, folder: Folder, url: URL, prefer: string): HttpAnswer => {
    count('delta');
    const q = url.searchParams;
    let state: DeltaState;
    const deltaToken = q.get('$deltatoken');
    const skipToken = q.get('$skiptoken');
    if (deltaToken) {
      const d = dec<{ f: Folder; s: number; sel: string | null; since: string | null }>(deltaToken);
      if (!d || d.f !== folder) return graphError(400, 'BadRequest', 'The delta token is malformed.');
      if (d.s < u.tokenFloor) return graphError(410, 'SyncStateNotFound', 'The sync state generation is no longer available. Resync is required.');
      state = { f: folder, from: d.s, snap: u.seq, o: 0, sel: d.sel, since: d.since };
    } else if (skipToken) {
      const s = dec<DeltaState>(skipToken);
      if (!s || s.f !== folder) return graphError(400, 'BadRequest', 'The skip token is malformed.');
      if (s.from > 0 && s.from < u.tokenFloor) return graphError(410, 'SyncStateNotFound', 'The sync state generation is no longer available. Resync is required.');
      state = s;
    } else {
      const filter = q.get('$filter');
      let since: string | null = null;
      if (filter) {
        const m = /^receivedDateTime\s+ge\s+(\S+)$/.exec(filter.trim());
        if (!m) return graphError(400, 'ErrorInvalidUrlQueryFilter', 'Only receivedDateTime ge is supported in a delta $filter.');
        since = m[1]!;
      }
      state = { f: folder, from: 0, snap: u.seq, o: 0, sel: q.get('$select'), since };
    }
    const pageSize = Math.min(Number(/odata\.maxpagesize=(\d+)/.exec(prefer)?.[1] ?? 10), 1000);
    // Only the page is projected: projecting every change for every page made a full sync of 20,000
    // messages quadratic in the stand-in (8 s of the bench's CPU), which the sync's figure then counted.
    const changed = [...u.messages.values()]
      .filter((m) => m.folder === folder && m.seq > state.from && m.seq <= state.snap)
      .filter((m) => !state.since || String(m.resource.receivedDateTime) >= state.since)
      .map((m) => ({ seq: m.seq, item: () => project(m, state.sel) }));
    const removed =
      state.from === 0
        ? []
        : u.tombstones
            .filter((t) => t.folder === folder && t.seq > state.from && t.seq <= state.snap)
            .map((t) => ({ seq: t.seq, item: () => ({ '@odata.type': '#microsoft.graph.message', id: t.id, '@removed': { reason: 'deleted' } }) }));
    const all = [...changed, ...removed].sort((a, b) => a.seq - b.seq);
    const page = all.slice(state.o, state.o + pageSize).map((x) => x.item());
    const path = `${base}/v1.0/me/mailFolders/${encodeURIComponent(folder)}/messages/delta`;
    const more = all.length > state.o + pageSize;
    return json(200, {
      '@odata.context': `${base}/v1.0/$metadata#Collection(message)`,
      value: page,
      ...(more
        ? { '@odata.nextLink': `${path}?$skiptoken=${enc({ ...state, o: state.o + pageSize })}` }
        : { '@odata.deltaLink': `${path}?$deltatoken=${enc({ f: folder, s: state.snap, sel: state.sel, since: state.since })}` }),
    });
  };

  const getMessage = (u: GraphUser, id: string, select: string | null): { status: number; body: unknown } => {
    count('messages.get');
    const m = u.messages.get(id);
    if (!m) return { status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } } };
    return { status: 200, body: project(m, select) };
  };

  const http = await startStandInHttp(
    async (req, body, url) => {
      const path = url.pathname;
      const tokenMatch = /^\/([^/]+)\/oauth2\/v2\.0\/(token|authorize)$/.exec(path);
      if (tokenMatch) {
        if (tokenMatch[2] === 'authorize') return oauth.authorize(url, [...users.keys()]);
        return oauth.token(new URLSearchParams(body.toString('utf8')), req.headers.authorization);
      }
      const email = oauth.userOfAccessToken(req.headers.authorization);
      if (!email) return graphError(401, 'InvalidAuthenticationToken', 'Access token has expired or is not yet valid.');
      const u = user(email);
      if (u.inFlight >= maxConcurrent) {
        stats.throttled++;
        return graphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'retry-after': '1' });
      }
      u.inFlight++;
      stats.peakConcurrency = Math.max(stats.peakConcurrency, u.inFlight);
      try {
        await new Promise((resolve) => setTimeout(resolve, serviceTime));
        if (path === '/v1.0/me') {
          count('me');
          return json(200, { id: `user-${email}`, mail: email, userPrincipalName: email, displayName: email.split('@')[0] });
        }
        const deltaMatch = /^\/v1\.0\/me\/mailFolders\/([^/]+)\/messages\/delta$/.exec(path);
        if (deltaMatch) {
          const folder = folderOf(u, decodeURIComponent(deltaMatch[1]!));
          if (!folder) return graphError(404, 'ErrorItemNotFound', 'The specified folder could not be found in the store.');
          return delta(u, folder.id, url, String(req.headers.prefer ?? ''));
        }
        if (path === '/v1.0/me/mailFolders') return folderList(u, null, url);
        const folderMatch = /^\/v1\.0\/me\/mailFolders\/([^/]+)(\/childFolders)?$/.exec(path);
        if (folderMatch) {
          const folder = folderOf(u, decodeURIComponent(folderMatch[1]!));
          if (!folder) return graphError(404, 'ErrorItemNotFound', 'The specified folder could not be found in the store.');
          if (folderMatch[2]) return folderList(u, folder.id, url);
          count('mailFolders.get');
          return json(200, folderResource(u, folder));
        }
        const msgMatch = /^\/v1\.0\/me\/messages\/([^/]+)$/.exec(path);
        if (msgMatch) {
          const r = getMessage(u, decodeURIComponent(msgMatch[1]!), url.searchParams.get('$select'));
          return json(r.status, r.body);
        }
        if (path === '/v1.0/$batch' && req.method === 'POST') {
          count('batch');
          const parsed = JSON.parse(body.toString('utf8')) as { requests?: { id: string; method: string; url: string }[] };
          const requests = parsed.requests ?? [];
          if (requests.length === 0 || requests.length > 20) {
            return graphError(400, 'BadRequest', `A batch holds 1 to 20 requests; got ${requests.length}.`);
          }
          const responses = requests.map((r) => {
            stats.innerRequests++;
            const inner = new URL(r.url.startsWith('/') ? r.url : `/${r.url}`, 'http://x');
            const f = /^\/me\/mailFolders\/([^/]+)$/.exec(inner.pathname);
            if (r.method === 'GET' && f) {
              const folder = folderOf(u, decodeURIComponent(f[1]!));
              return folder
                ? { id: r.id, status: 200, headers: { 'Content-Type': 'application/json' }, body: folderResource(u, folder) }
                : { id: r.id, status: 404, headers: {}, body: { error: { code: 'ErrorItemNotFound', message: 'The specified folder could not be found in the store.' } } };
            }
            const m = /^\/me\/messages\/([^/]+)$/.exec(inner.pathname);
            if (r.method !== 'GET' || !m) {
              return { id: r.id, status: 400, headers: {}, body: { error: { code: 'BadRequest', message: `unsupported batch item ${r.method} ${r.url}` } } };
            }
            const got = getMessage(u, decodeURIComponent(m[1]!), inner.searchParams.get('$select'));
            return { id: r.id, status: got.status, headers: { 'Content-Type': 'application/json' }, body: got.body };
          });
          return json(200, { responses });
        }
        return graphError(400, 'BadRequest', `Resource not found for the segment '${path}'.`);
      } finally {
        u.inFlight--;
      }
    },
    (kind) => ({
      error:
        kind === 'status-429'
          ? { code: 'TooManyRequests', message: 'Too many requests.' }
          : { code: kind === 'status-500' ? 'InternalServerError' : 'ServiceUnavailable', message: 'The service is temporarily unavailable.' },
    }),
  );
  base = http.url;

  return {
    url: http.url,
    http,
    oauth,
    stats,
    addMailbox(email) {
      if (users.has(email)) return;
      const folders = new Map<string, GraphFolder>();
      const wellKnown = new Map<string, string>();
      for (const name of WELL_KNOWN) {
        const id = `AAMkAGI2fold${randomBytes(9).toString('base64url')}`;
        folders.set(id, { id, displayName: DISPLAY[name]!, parentId: null });
        wellKnown.set(name, id);
      }
      users.set(email, { email, folders, wellKnown, messages: new Map(), tombstones: [], seq: 0, tokenFloor: 0, inFlight: 0 });
    },
    addFolder(email, displayName, parent) {
      const u = user(email);
      const parentFolder = parent ? folderOf(u, parent) : undefined;
      if (parent && !parentFolder) throw new Error(`no folder ${parent}`);
      const id = `AAMkAGI2fold${randomBytes(9).toString('base64url')}`;
      u.folders.set(id, { id, displayName, parentId: parentFolder?.id ?? null });
      return id;
    },
    moveMessage(email, id, folder) {
      const u = user(email);
      const m = u.messages.get(id);
      const target = folderOf(u, folder);
      if (!m || !target) throw new Error(`no message ${id} or folder ${folder}`);
      u.seq++;
      u.tombstones.push({ id, folder: m.folder, seq: u.seq });
      u.seq++;
      m.folder = target.id;
      m.seq = u.seq;
    },
    setMessage(email, id, patch) {
      const m = user(email).messages.get(id);
      if (!m) throw new Error(`no message ${id}`);
      if (patch.resource) m.resource = { ...m.resource, ...patch.resource };
      if (patch.headers) m.headers = patch.headers;
    },
    addMessage(email, mail, folder) {
      const u = user(email);
      const target = folderOf(u, folder ?? (mail.sent ? 'sentitems' : 'inbox'));
      if (!target) throw new Error(`no folder ${folder}`);
      const id = `AAMkAGI2${randomBytes(12).toString('base64url')}`;
      u.seq++;
      const iso = new Date(mail.sentMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
      u.messages.set(id, {
        id,
        folder: target.id,
        seq: u.seq,
        resource: {
          receivedDateTime: iso,
          sentDateTime: iso,
          subject: mail.subject,
          conversationId: `AAQkAGI2conv${Buffer.from(mail.threadKey).toString('base64url')}`,
          internetMessageId: `<${mail.messageId}>`,
          isRead: mail.sent,
          from: recipient(mail.from),
          sender: recipient(mail.from),
          toRecipients: mail.to.map(recipient),
          ccRecipients: (mail.cc ?? []).map(recipient),
          body: mail.html !== undefined ? { contentType: 'html', content: mail.html } : { contentType: 'text', content: mail.text },
        },
        headers: mail.rawHeaders ?? [
          { name: 'Date', value: rfc2822(mail.sentMs, mail.offsetMinutes) },
          { name: 'Message-ID', value: `<${mail.messageId}>` },
          ...(mail.inReplyTo ? [{ name: 'In-Reply-To', value: `<${mail.inReplyTo}>` }] : []),
          ...(mail.references ? [{ name: 'References', value: mail.references.map((r) => `<${r}>`).join(' ') }] : []),
          ...Object.entries(mail.extraHeaders ?? {}).map(([name, value]) => ({ name, value })),
        ],
      });
      return id;
    },
    markRead(email, id) {
      const u = user(email);
      const m = u.messages.get(id);
      if (!m) throw new Error(`no message ${id}`);
      u.seq++;
      m.seq = u.seq;
      m.resource.isRead = true;
    },
    deleteMessage(email, id) {
      const u = user(email);
      const m = u.messages.get(id);
      if (!m) throw new Error(`no message ${id}`);
      u.messages.delete(id);
      u.seq++;
      u.tombstones.push({ id, folder: m.folder, seq: u.seq });
    },
    expireDeltaTokens(email) {
      const u = user(email);
      u.tokenFloor = u.seq;
    },
    messageIds(email) {
      return [...user(email).messages.keys()];
    },
    close: () => http.close(),
  };
}
