// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiClient, normalizeServerUrl, originPattern } from './api-client';

let server: Server;
let base: string;
const seen: { method: string; url: string; auth: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization });
    if (req.url === '/v1/reminders' && req.headers.authorization !== 'Bearer ft_good') {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'unauthorized', message: 'invalid token', requestId: 'req-7' } }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ now: '2026-11-16T09:00:00.000Z', reminders: [] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('api client', () => {
  it('encodes Outlook conversation ids in the path and sends the bearer token', async () => {
    const client = createApiClient({ baseUrl: base, token: 'ft_good' });
    const result = await client.threadSummary('AAQkADk3+qvH8s2Zk=');
    expect(result.ok).toBe(true);
    expect(seen.at(-1)).toEqual({ method: 'GET', url: '/v1/threads/AAQkADk3%2BqvH8s2Zk%3D/summary', auth: 'Bearer ft_good' });
  });

  it('asks for the synced mailboxes (their "reconnect needed" state) at GET /v1/accounts', async () => {
    const result = await createApiClient({ baseUrl: base, token: 'ft_good' }).accounts();
    expect(result.ok).toBe(true);
    expect(seen.at(-1)).toEqual({ method: 'GET', url: '/v1/accounts', auth: 'Bearer ft_good' });
  });

  it('reports a rejected token as a non-retryable error with the server message', async () => {
    const result = await createApiClient({ baseUrl: base, token: 'ft_revoked' }).reminders();
    expect(result).toEqual({ ok: false, status: 401, retry: false, error: 'unauthorized: invalid token' });
  });

  it('reports an unreachable server as retryable', async () => {
    const result = await createApiClient({ baseUrl: 'http://127.0.0.1:9', token: 'x' }).health();
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.retry).toBe(true);
  });

  it('accepts only http(s) server URLs and asks permission for exactly their origin', () => {
    expect(normalizeServerUrl(' https://ft.ourco.example/api/ ')).toBe('https://ft.ourco.example/api');
    expect(originPattern('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787/*');
    expect(() => normalizeServerUrl('javascript:alert(1)')).toThrow('must start with https://');
    expect(() => normalizeServerUrl('not a url')).toThrow('is not a URL');
  });
});
