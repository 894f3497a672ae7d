import { createOAuthAuthority, type OAuthAuthority } from './oauth-authority';
import { createUnitMeter, json, startStandInHttp, type HttpAnswer, type StandInHttp } from './http-kit';
import { rfc2822, type FixtureMail } from './mailbox-fixture';

/**
 * A local stand-in for the Gmail API (https://developers.google.com/workspace/gmail/api/reference/rest)
 * and Google's OAuth endpoints, for tests and the benchmark. It speaks the documented wire format:
 * - GET  /gmail/v1/users/me/profile                      {emailAddress, messagesTotal, threadsTotal, historyId}
 * - GET  /gmail/v1/users/me/messages?q=&labelIds=&maxResults=&pageToken=&includeSpamTrash=
 *        {messages: [{id, threadId}], nextPageToken?, resultSizeEstimate}, newest first; q understands
 *        `after:<epoch seconds>`, `-in:chats`, `-in:drafts`
 * - GET  /gmail/v1/users/me/messages/{id}?format=metadata|full|minimal&metadataHeaders=...
 *        the message resource; bodies base64url in payload.parts (multipart/alternative)
 * - GET  /gmail/v1/users/me/history?startHistoryId=&historyTypes=&maxResults=&pageToken=
 *        {history?: [{id, messages, messagesAdded?, messagesDeleted?, labelsAdded?, labelsRemoved?}],
 *        nextPageToken?, historyId}; 404 notFound when startHistoryId is older than the retained history
 * - POST /token, GET /o/oauth2/v2/auth                    (see oauth-authority.ts)
 * Errors use `{error: {code, message, errors: [{message, domain, reason}], status}}`. Quota: units per
 * user in a sliding second (messages.get 5, messages.list 5, history.list 2, getProfile 1), configurable
 * so the benchmark can run at a scaled quota; over it the answer is 429 rateLimitExceeded + Retry-After.
 */
export interface GmailStandInOptions {
  quotaPerSecond?: number;
  accessTokenTtlSec?: number;
}

interface StoredMessage {
  id: string;
  threadId: string;
  labelIds: string[];
  internalDate: number;
  headers: { name: string; value: string }[];
  text: string;
  html?: string;
  historyId: number;
}

type HistoryKind = 'messageAdded' | 'messageDeleted' | 'labelAdded' | 'labelRemoved';

interface HistoryRecord {
  id: number;
  kind: HistoryKind;
  message: { id: string; threadId: string; labelIds: string[] };
  labelIds?: string[];
}

interface GmailUser {
  email: string;
  messages: Map<string, StoredMessage>;
  threads: Map<string, string>;
  history: HistoryRecord[];
  historyId: number;
  /** history.list with a startHistoryId below this answers 404 (Google keeps history about a week). */
  historyFloor: number;
  nextId: number;
}

export interface GmailStandIn {
  readonly url: string;
  readonly http: StandInHttp;
  readonly oauth: OAuthAuthority;
  readonly stats: { units: number; requests: Record<string, number>; quota429: number; readonly peakUnitsPerSecond: number };
  quotaPerSecond: number;
  addMailbox(email: string): void;
  /** Adds a message (a new history record); returns its Gmail id. */
  addMessage(email: string, mail: FixtureMail): string;
  modifyLabels(email: string, id: string, add: string[], remove: string[]): void;
  deleteMessage(email: string, id: string): void;
  /** Forgets all history so far: the next history.list from an older id answers 404. */
  expireHistory(email: string): void;
  messageIds(email: string): string[];
  close(): Promise<void>;
}

const units: Record<string, number> = { 'messages.get': 5, 'messages.list': 5, 'history.list': 2, getProfile: 1 };

function gmailError(code: number, message: string, reason: string, status: string): unknown {
  return { error: { code, message, errors: [{ message, domain: code === 429 ? 'usageLimits' : 'global', reason }], status } };
}

const notFound = (): HttpAnswer => json(404, gmailError(404, 'Requested entity was not found.', 'notFound', 'NOT_FOUND'));

/** Splits a MIME part into its headers and the rest at the first blank line. */
function splitOnce(part: string): [string, string] {
  const m = /\r?\n\r?\n/.exec(part);
  return m ? [part.slice(0, m.index), part.slice(m.index + m[0].length)] : [part, ''];
}

function encodeToken(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}
function decodeToken<T>(token: string): T | null {
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
}

export async function startGmailStandIn(options: GmailStandInOptions = {}): Promise<GmailStandIn> {
  const users = new Map<string, GmailUser>();
  const oauth = createOAuthAuthority({
    clientId: 'ft-google-client',
    clientSecret: 'ft-google-secret',
    accessTokenTtlSec: options.accessTokenTtlSec,
    oidc: { issuer: 'https://accounts.google.com', extraClaims: () => ({ email_verified: true, azp: 'ft-google-client' }) },
  });
  const requests: Record<string, number> = {};
  let quotaPerSecond = options.quotaPerSecond ?? 250;
  const meter = createUnitMeter(() => quotaPerSecond);
  const stats = {
    units: 0,
    requests,
    quota429: 0,
    get peakUnitsPerSecond() {
      return meter.peak;
    },
  };

  const user = (email: string): GmailUser => {
    const found = users.get(email);
    if (!found) throw new Error(`no stand-in mailbox ${email}`);
    return found;
  };
  const record = (u: GmailUser, kind: HistoryKind, m: StoredMessage, labelIds?: string[]): void => {
    u.historyId += 1;
    m.historyId = u.historyId;
    u.history.push({ id: u.historyId, kind, message: { id: m.id, threadId: m.threadId, labelIds: [...m.labelIds] }, labelIds });
  };

  const resource = (m: StoredMessage, format: string, wanted: string[]): Record<string, unknown> => {
    const base = {
      id: m.id,
      threadId: m.threadId,
      labelIds: m.labelIds,
      snippet: m.text.slice(0, 100).replace(/\s+/g, ' '),
      historyId: String(m.historyId),
      internalDate: String(m.internalDate),
      sizeEstimate: 800 + m.text.length,
    };
    if (format === 'minimal') return base;
    const lowerWanted = wanted.map((w) => w.toLowerCase());
    if (format === 'metadata') {
      const headers = wanted.length === 0 ? m.headers : m.headers.filter((h) => lowerWanted.includes(h.name.toLowerCase()));
      return { ...base, payload: { mimeType: 'multipart/alternative', headers } };
    }
    if (m.html !== undefined) {
      return {
        ...base,
        payload: {
          partId: '',
          mimeType: 'text/html',
          filename: '',
          headers: [...m.headers, { name: 'Content-Type', value: 'text/html; charset="UTF-8"' }],
          body: { size: m.html.length, data: Buffer.from(m.html, 'utf8').toString('base64url') },
        },
      };
    }
    const plain = Buffer.from(m.text, 'utf8').toString('base64url');
    const html = Buffer.from(`<div dir="ltr">${m.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>')}</div>`).toString('base64url');
    return {
      ...base,
      payload: {
        partId: '',
        mimeType: 'multipart/alternative',
        filename: '',
        headers: [...m.headers, { name: 'Content-Type', value: 'multipart/alternative; boundary="000000000000b1"' }],
        body: { size: 0 },
        parts: [
          { partId: '0', mimeType: 'text/plain', filename: '', headers: [{ name: 'Content-Type', value: 'text/plain; charset="UTF-8"' }], body: { size: m.text.length, data: plain } },
          { partId: '1', mimeType: 'text/html', filename: '', headers: [{ name: 'Content-Type', value: 'text/html; charset="UTF-8"' }], body: { size: m.text.length, data: html } },
        ],
      },
    };
  };

  const api = (u: GmailUser, method: string, url: URL, rest: string): HttpAnswer => {
    const q = url.searchParams;
    if (method === 'getProfile') {
      return json(200, { emailAddress: u.email, messagesTotal: u.messages.size, threadsTotal: new Set([...u.messages.values()].map((m) => m.threadId)).size, historyId: String(u.historyId) });
    }
    if (method === 'messages.list') {
      const query = q.get('q') ?? '';
      const after = /after:(\d+)/.exec(query);
      const labelIds = q.getAll('labelIds');
      const includeSpamTrash = q.get('includeSpamTrash') === 'true';
      const max = Math.min(Number(q.get('maxResults') ?? 100) || 100, 500);
      const from = q.get('pageToken') ? decodeToken<{ d: number; id: string }>(q.get('pageToken')!) : null;
      if (q.get('pageToken') && !from) return json(400, gmailError(400, 'Invalid pageToken', 'invalidArgument', 'INVALID_ARGUMENT'));
      const list = [...u.messages.values()]
        .filter((m) => (after ? m.internalDate >= Number(after[1]) * 1000 : true))
        .filter((m) => includeSpamTrash || !m.labelIds.some((l) => l === 'TRASH' || l === 'SPAM'))
        .filter((m) => !(/-in:drafts/.test(query) && m.labelIds.includes('DRAFT')))
        .filter((m) => labelIds.every((l) => m.labelIds.includes(l)))
        .sort((a, b) => b.internalDate - a.internalDate || (a.id < b.id ? 1 : -1))
        .filter((m) => !from || m.internalDate < from.d || (m.internalDate === from.d && m.id < from.id));
      const page = list.slice(0, max);
      const last = page[page.length - 1];
      return json(200, {
        ...(page.length > 0 ? { messages: page.map((m) => ({ id: m.id, threadId: m.threadId })) } : {}),
        ...(list.length > max && last ? { nextPageToken: encodeToken({ d: last.internalDate, id: last.id }) } : {}),
        resultSizeEstimate: list.length,
      });
    }
    if (method === 'messages.get') {
      const m = u.messages.get(decodeURIComponent(rest));
      if (!m) return notFound();
      const format = q.get('format') ?? 'full';
      if (!['full', 'metadata', 'minimal'].includes(format)) {
        return json(400, gmailError(400, `Invalid value for format: ${format}`, 'invalidArgument', 'INVALID_ARGUMENT'));
      }
      return json(200, resource(m, format, q.getAll('metadataHeaders')));
    }
    // history.list
    const start = Number(q.get('startHistoryId'));
    if (!Number.isFinite(start) || start <= 0) {
      return json(400, gmailError(400, 'Missing or invalid startHistoryId', 'invalidArgument', 'INVALID_ARGUMENT'));
    }
    if (start < u.historyFloor) return notFound();
    const types = q.getAll('historyTypes');
    const max = Math.min(Number(q.get('maxResults') ?? 100) || 100, 500);
    const offset = q.get('pageToken') ? Number(decodeToken<{ o: number }>(q.get('pageToken')!)?.o ?? 0) : 0;
    const records = u.history.filter((h) => h.id > start && (types.length === 0 || types.includes(h.kind)));
    const page = records.slice(offset, offset + max);
    const history = page.map((h) => {
      const entry: Record<string, unknown> = { id: String(h.id), messages: [{ id: h.message.id, threadId: h.message.threadId }] };
      if (h.kind === 'messageAdded') entry.messagesAdded = [{ message: h.message }];
      if (h.kind === 'messageDeleted') entry.messagesDeleted = [{ message: h.message }];
      if (h.kind === 'labelAdded') entry.labelsAdded = [{ message: h.message, labelIds: h.labelIds }];
      if (h.kind === 'labelRemoved') entry.labelsRemoved = [{ message: h.message, labelIds: h.labelIds }];
      return entry;
    });
    return json(200, {
      ...(history.length > 0 ? { history } : {}),
      ...(records.length > offset + max ? { nextPageToken: encodeToken({ o: offset + max }) } : {}),
      historyId: String(u.historyId),
    });
  };

  /** One Gmail API call (direct, or one part of a batch): auth, quota, then the method. */
  const dispatch = (method: string, authorization: string | undefined, url: URL, target: string, rest: string): HttpAnswer => {
    const email = oauth.userOfAccessToken(authorization);
    if (!email) {
      return json(401, gmailError(401, 'Request had invalid authentication credentials. Expected OAuth 2 access token.', 'authError', 'UNAUTHENTICATED'), {
        'www-authenticate': 'Bearer realm="https://accounts.google.com/", error="invalid_token"',
      });
    }
    if (target !== 'me' && target !== email) return json(403, gmailError(403, 'Delegation denied', 'forbidden', 'PERMISSION_DENIED'));
    const cost = units[method] ?? 5;
    if (!meter.spend(email, cost)) {
      stats.quota429++;
      return json(429, gmailError(429, "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'", 'rateLimitExceeded', 'RESOURCE_EXHAUSTED'), {
        'retry-after': '1',
      });
    }
    stats.units += cost;
    requests[method] = (requests[method] ?? 0) + 1;
    return api(user(email), method, url, rest);
  };

  const route = (path: string): { method: string; target: string; rest: string } | null => {
    const match = /^\/gmail\/v1\/users\/([^/]+)\/(profile|messages|history)(?:\/(.+))?$/.exec(path);
    if (!match) return null;
    const method = match[2] === 'profile' ? 'getProfile' : match[2] === 'history' ? 'history.list' : match[3] ? 'messages.get' : 'messages.list';
    return { method, target: match[1]!, rest: match[3] ?? '' };
  };

  /**
   * POST /batch/gmail/v1 (https://developers.google.com/workspace/gmail/api/guides/batch): a
   * multipart/mixed body of application/http parts, each answered in a multipart/mixed response with
   * Content-ID "response-<id>". Every inner request counts against the quota on its own; at most 100.
   */
  const batch = (contentType: string, body: string, authorization: string | undefined): HttpAnswer => {
    requests.batch = (requests.batch ?? 0) + 1;
    const boundary = /boundary="?([^";]+)"?/.exec(contentType)?.[1];
    if (!boundary) return json(400, gmailError(400, 'Batch request needs a multipart/mixed boundary', 'invalidArgument', 'INVALID_ARGUMENT'));
    const parts = body.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith('--'));
    if (parts.length === 0 || parts.length > 100) {
      return json(400, gmailError(400, `A batch holds 1 to 100 requests; got ${parts.length}`, 'invalidArgument', 'INVALID_ARGUMENT'));
    }
    const out = `batch_${Math.random().toString(36).slice(2)}`;
    const answers = parts.map((part) => {
      const [partHeaders, inner] = splitOnce(part.replace(/^\r?\n/, ''));
      const contentId = /content-id:\s*<?([^>\r\n]+)>?/i.exec(partHeaders)?.[1] ?? '';
      const requestLine = inner.split(/\r?\n/)[0] ?? '';
      const [verb, target] = requestLine.split(' ');
      const innerUrl = new URL(target ?? '/', 'http://127.0.0.1');
      const r = verb === 'GET' ? route(innerUrl.pathname) : null;
      const answer = r ? dispatch(r.method, authorization, innerUrl, r.target, r.rest) : json(400, gmailError(400, `Unsupported batch item: ${requestLine}`, 'invalidArgument', 'INVALID_ARGUMENT'));
      const reason = answer.status === 200 ? 'OK' : answer.status === 404 ? 'Not Found' : answer.status === 429 ? 'Too Many Requests' : 'Error';
      const extra = Object.entries(answer.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`).join('');
      return `--${out}\r\nContent-Type: application/http\r\nContent-ID: <response-${contentId}>\r\n\r\nHTTP/1.1 ${answer.status} ${reason}\r\nContent-Type: application/json; charset=UTF-8\r\n${extra}\r\n${JSON.stringify(answer.body)}\r\n`;
    });
    return { status: 200, headers: { 'content-type': `multipart/mixed; boundary=${out}` }, raw: `${answers.join('')}--${out}--\r\n` };
  };

  const http = await startStandInHttp(
    async (req, body, url) => {
      const path = url.pathname;
      if (path === '/token' && req.method === 'POST') return oauth.token(new URLSearchParams(body.toString('utf8')), req.headers.authorization);
      if (path === '/o/oauth2/v2/auth') return oauth.authorize(url, [...users.keys()]);
      if (path === '/batch/gmail/v1' && req.method === 'POST') return batch(String(req.headers['content-type'] ?? ''), body.toString('utf8'), req.headers.authorization);
      const r = route(path);
      if (!r) return json(404, gmailError(404, `Not found: ${path}`, 'notFound', 'NOT_FOUND'));
      return dispatch(r.method, req.headers.authorization, url, r.target, r.rest);
    },
    (kind) =>
      kind === 'rate-403'
        ? gmailError(403, 'User Rate Limit Exceeded', 'userRateLimitExceeded', 'PERMISSION_DENIED')
        : kind === 'status-429'
          ? gmailError(429, 'Too many concurrent requests for user', 'rateLimitExceeded', 'RESOURCE_EXHAUSTED')
          : gmailError(kind === 'status-500' ? 500 : 503, kind === 'status-500' ? 'Internal error encountered.' : 'The service is currently unavailable.', 'backendError', kind === 'status-500' ? 'INTERNAL' : 'UNAVAILABLE'),
  );

  return {
    url: http.url,
    http,
    oauth,
    stats,
    get quotaPerSecond() {
      return quotaPerSecond;
    },
    set quotaPerSecond(value: number) {
      quotaPerSecond = value;
    },
    addMailbox(email) {
      if (!users.has(email)) users.set(email, { email, messages: new Map(), threads: new Map(), history: [], historyId: 1000, historyFloor: 0, nextId: 0x18c4a2f0000 });
    },
    addMessage(email, mail) {
      const u = user(email);
      u.nextId += 0x1f3;
      const id = u.nextId.toString(16);
      let threadId = u.threads.get(mail.threadKey);
      if (!threadId) {
        threadId = id;
        u.threads.set(mail.threadKey, threadId);
      }
      const headers = mail.rawHeaders ?? [
        { name: 'Date', value: rfc2822(mail.sentMs, mail.offsetMinutes) },
        { name: 'From', value: mail.from },
        { name: 'To', value: mail.to.join(', ') },
        ...(mail.cc ? [{ name: 'Cc', value: mail.cc.join(', ') }] : []),
        { name: 'Subject', value: mail.subject },
        { name: 'Message-ID', value: `<${mail.messageId}>` },
        ...(mail.inReplyTo ? [{ name: 'In-Reply-To', value: `<${mail.inReplyTo}>` }] : []),
        ...(mail.references ? [{ name: 'References', value: mail.references.map((r) => `<${r}>`).join(' ') }] : []),
        ...Object.entries(mail.extraHeaders ?? {}).map(([name, value]) => ({ name, value })),
        { name: 'MIME-Version', value: '1.0' },
      ];
      const m: StoredMessage = {
        id,
        threadId,
        labelIds: mail.sent ? ['SENT'] : ['INBOX', 'UNREAD', 'CATEGORY_PERSONAL'],
        internalDate: mail.sentMs,
        headers,
        text: mail.text,
        ...(mail.html !== undefined ? { html: mail.html } : {}),
        historyId: 0,
      };
      u.messages.set(id, m);
      record(u, 'messageAdded', m);
      return id;
    },
    modifyLabels(email, id, add, remove) {
      const u = user(email);
      const m = u.messages.get(id);
      if (!m) throw new Error(`no message ${id}`);
      const added = add.filter((l) => !m.labelIds.includes(l));
      const removed = remove.filter((l) => m.labelIds.includes(l));
      m.labelIds = [...m.labelIds.filter((l) => !removed.includes(l)), ...added];
      if (added.length > 0) record(u, 'labelAdded', m, added);
      if (removed.length > 0) record(u, 'labelRemoved', m, removed);
    },
    deleteMessage(email, id) {
      const u = user(email);
      const m = u.messages.get(id);
      if (!m) throw new Error(`no message ${id}`);
      u.messages.delete(id);
      record(u, 'messageDeleted', m);
    },
    expireHistory(email) {
      const u = user(email);
      u.historyFloor = u.historyId;
      u.history = [];
    },
    messageIds(email) {
      return [...user(email).messages.keys()];
    },
    close: () => http.close(),
  };
}
