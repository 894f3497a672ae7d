import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/test-db';
import { createTestApp, type Client, type TestApp } from '../support/test-app';
import { northwindThread } from '../support/mail';
import { revokeToken } from '../../src/store/users';
import { KEEP_ALIVE_MS, startServer, type RunningServer } from '../../src/server';
import { defaultConfig } from '../../src/config';
import { silentLogger } from '../../src/http/logger';

let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let alice: Client;

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database, {
    config: { bodyLimitBytes: 64 * 1024, corsOrigins: ['https://crm.acme.example', 'chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0f4c2a1e-1111-4a4a-9b9b-123456789abc'] },
  });
  alice = await t.addUser('alice@acme.example');
});
afterAll(() => env.cleanup());

const errorShape = { error: { code: expect.any(String), message: expect.any(String), requestId: expect.any(String) } };

describe('errors share one shape', () => {
  it('401 without a token, with a wrong token and with a revoked one', async () => {
    const none = await t.app.request('/v1/counterparts');
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ error: { code: 'unauthorized' } });
    const wrong = await t.app.request('/v1/counterparts', { headers: { authorization: 'Bearer ft_not-a-real-token' } });
    expect(wrong.status).toBe(401);
    const bob = await t.addUser('bob@acme.example');
    expect((await bob.get('/v1/me')).status).toBe(200);
    await revokeToken(env.database.db, bob.token.slice(0, 14), new Date());
    const revoked = await bob.get('/v1/me');
    expect(revoked.status).toBe(401);
    expect(revoked.body).toMatchObject(errorShape);
  });

  it('400 for malformed JSON, 415 for a body that is not JSON', async () => {
    const res = await alice.send('POST', '/v1/messages', '{"messages": [');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'malformed_json' } });
    const form = await t.app.request('/v1/messages', {
      method: 'POST',
      headers: { authorization: `Bearer ${alice.token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'messages=1',
    });
    expect(form.status).toBe(415);
    expect(((await form.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'unsupported_media_type', message: expect.stringContaining('Content-Type: application/json') });
  });

  it('413 past the body limit', async () => {
    const big = northwindThread().map((m, i) => ({ ...m, id: `<big-${i}@acme.example>`, text: 'Lorem ipsum dolor sit amet. '.repeat(1200) }));
    const res = await alice.send('POST', '/v1/messages', { messages: big });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('404 for an unknown route, in the same shape, with the request id echoed', async () => {
    const res = await t.app.request('/v1/invoices', { headers: { authorization: `Bearer ${alice.token}`, 'x-request-id': 'ext-42' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBe('ext-42');
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no route GET /v1/invoices', requestId: 'ext-42' } });
    expect(t.logger.lines).toContainEqual(expect.objectContaining({ msg: 'request', requestId: 'ext-42', status: 404, path: '/v1/invoices' }));
  });
});

describe('rate limit', () => {
  it('429 with Retry-After past the per-token burst; other tokens are unaffected; the bucket refills', async () => {
    const limited = createTestApp(env.database, { now: '2026-11-23T09:00:00Z', config: { rateLimit: { burst: 3, perSecond: 1 } } });
    const carol = await limited.addUser('carol@acme.example');
    const dave = await limited.addUser('dave@acme.example');
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await carol.get('/v1/me')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await carol.get('/v1/me');
    expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await dave.get('/v1/me')).status).toBe(200);
    limited.setNow('2026-11-23T09:00:02Z');
    expect((await carol.get('/v1/me')).status).toBe(200);
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    t.app.request('/v1/counterparts', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });

  it('refuses extension origins without a well-formed id, an empty one included', async () => {
    for (const origin of ['chrome-extension://', 'chrome-extension://x', 'chrome-extension://ABCDEFGHIJKLMNOPABCDEFGHIJKLMNOP', 'moz-extension://', 'moz-extension://not-a-uuid']) {
      const res = await preflight(origin);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
    // An installed build's id (unpacked, or any Firefox install's own UUID) passes by default...
    expect((await preflight('chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba')).headers.get('access-control-allow-origin')).toBe('chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba');
  });

  it('with FT_CORS_EXTENSIONS=configured, only configured extension origins pass', async () => {
    const strict = createTestApp(env.database, { config: { corsOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'], corsExtensions: 'configured' } });
    const ask = (origin: string) =>
      strict.app.request('/v1/me', { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect((await ask('chrome-extension://abcdefghijklmnopabcdefghijklmnop')).headers.get('access-control-allow-origin')).toBe('chrome-extension://abcdefghijklmnopabcdefghijklmnop');
    for (const origin of ['chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba', 'moz-extension://11111111-2222-4333-8444-555555555555']) {
      expect((await ask(origin)).headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('allows the configured extension ids and origins', async () => {
    for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0f4c2a1e-1111-4a4a-9b9b-123456789abc', 'https://crm.acme.example']) {
      const res = await preflight(origin);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    }
  });

  it('gives web pages no CORS access', async () => {
    const res = await preflight('https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const get = await t.app.request('/v1/me', { headers: { origin: 'https://mail.google.com', authorization: `Bearer ${alice.token}` } });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the middleware leaves the answer as the handler made it', () => {
  it('returns the very Response the route built: no middleware touches it before or after the handler', async () => {
    // A header set on a finished answer (or c.res read before the handler) makes Hono rebuild the answer
    // around its body as a stream, which @hono/node-server then writes through a ReadableStream: about a
    // third of a small route's CPU at 50 connections. The route's own object coming back proves neither.
    const probe = createTestApp(env.database, { config: { corsOrigins: ['chrome-extension://abcdefghijklmnopabcdefghijklmnop'] } });
    const user = await probe.addUser('probe@acme.example');
    let built: Response | undefined;
    probe.app.get('/v1/middleware-probe', (c) => (built = c.json({ ok: true })));
    const headers = { authorization: `Bearer ${user.token}`, origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' };
    const answer = await probe.app.request('/v1/middleware-probe', { headers });
    expect(answer.status).toBe(200);
    expect(answer).toBe(built);
    expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers.get('access-control-allow-origin')).toBe(headers.origin);
  });
});

describe('healthz and the OpenAPI document', () => {
  it('healthz answers without a token when the database answers', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('documents every route with its schemas', async () => {
    const res = await t.app.request('/v1/openapi.json');
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> }; responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    // Every route the app serves (Hono lists them, middleware aside) must be in the document, and nothing else.
    const served = [
      ...new Set(
        t.app.routes
          .filter((r) => r.method !== 'ALL' && r.method !== 'OPTIONS')
          .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`),
      ),
    ];
    expect(served).toEqual(expect.arrayContaining(['POST /v1/messages', 'GET /v1/accounts', 'GET /v1/connect/{provider}']));
    expect(ops.sort()).toEqual(served.sort());
    const touchpointBody = doc.paths['/v1/touchpoints']!.post!.requestBody!.content['application/json']!.schema;
    expect(Object.keys(touchpointBody.properties ?? {})).toEqual(expect.arrayContaining(['id', 'counterpart', 'kind', 'at', 'summary', 'department']));
    expect(doc.paths['/v1/messages']!.post!.responses).toHaveProperty('413');
    // Ingest validates an envelope, then each message alone: the document shows a message's fields.
    const ingestBody = doc.paths['/v1/messages']!.post!.requestBody!.content['application/json']!.schema as { properties?: Record<string, { items?: { properties?: Record<string, unknown> } }> };
    expect(Object.keys(ingestBody.properties?.messages?.items?.properties ?? {})).toEqual(expect.arrayContaining(['id', 'threadId', 'from', 'to', 'date']));
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods) as [string, { summary?: string; security?: unknown[]; responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }][]) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.summary, where).toMatch(/\w/);
        const success = Object.entries(op.responses).find(([status]) => /^[23]/.test(status));
        expect(success && Object.values(success[1].content ?? {})[0]?.schema, where).toBeTruthy();
        const needsToken = path.startsWith('/v1/') && path !== '/v1/openapi.json';
        // A route served with a token says so (the document's default) and can answer 401; one without says security: [].
        expect(op.security === undefined, where).toBe(needsToken);
        if (needsToken) expect(Object.keys(op.responses), where).toEqual(expect.arrayContaining(['401', '429']));
      }
    }
  });
});

describe('over real HTTP on loopback', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ ...defaultConfig, port: 0, databaseUrl: env.url }, silentLogger);
  });
  afterAll(() => server.close());

  it('ingests and answers the thread summary through a socket', async () => {
    const headers = { authorization: `Bearer ${alice.token}`, 'content-type': 'application/json' };
    const ingest = await fetch(`${server.url}/v1/messages`, { method: 'POST', headers, body: JSON.stringify({ messages: northwindThread() }) });
    expect(ingest.status).toBe(200);
    const summary = await fetch(`${server.url}/v1/threads/18c2f0a9b1d4e7f3/summary`, { headers });
    expect(summary.status).toBe(200);
    expect(((await summary.json()) as { messageCount: number }).messageCount).toBe(3);
    expect(summary.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps an idle connection open for 65 s and says so, so a client never reuses one the server is closing', async () => {
    const res = await fetch(`${server.url}/healthz`);
    await res.arrayBuffer();
    expect(res.headers.get('keep-alive')).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
    expect(KEEP_ALIVE_MS).toBeGreaterThan(60_000);
  });

  it('answers an extension in one piece, with its CORS headers and the request id, errors and streams too', async () => {
    const origin = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
    const headers = { authorization: `Bearer ${alice.token}`, origin };
    const summary = await fetch(`${server.url}/v1/threads/18c2f0a9b1d4e7f3/summary`, { headers });
    expect(summary.status).toBe(200);
    expect(summary.headers.get('access-control-allow-origin')).toBe(origin);
    expect(summary.headers.get('access-control-expose-headers')).toBe('Retry-After,X-Request-Id');
    expect(summary.headers.get('vary')).toBe('Origin');
    expect(summary.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await summary.arrayBuffer();

    const missing = await fetch(`${server.url}/v1/threads/no-such-thread/summary`, { headers: { ...headers, 'x-request-id': 'ext-42' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toBe('ext-42');
    expect(missing.headers.get('access-control-allow-origin')).toBe(origin);
    expect(((await missing.json()) as { error: { requestId: string } }).error.requestId).toBe('ext-42');

    const exported = await fetch(`${server.url}/v1/export`, { headers });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(exported.headers.get('access-control-allow-origin')).toBe(origin);
    await exported.arrayBuffer();
  });
});
