import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TlsCertificate } from './tls-certificate';

export interface FixtureResponse {
  status?: number;
  contentType?: string;
  headers?: Record<string, string>;
  body: string;
}

/** Answers one request for a host and URL; undefined means 404. */
export type FixtureHandler = (host: string, url: URL) => FixtureResponse | undefined;

export interface FixtureServer {
  port: number;
  /** Every request seen, as "host path": lets a test prove the browser really reached the fixture origin. */
  requests: string[];
  setHandler(handler: FixtureHandler): void;
  close(): Promise<void>;
}

/**
 * The HTTPS server behind the real mail origins. Browsers reach it as https://mail.google.com/... through
 * --host-resolver-rules (Chromium) or a CONNECT proxy (Firefox), so the extension's production match
 * patterns apply unchanged.
 */
export function startFixtureServer(cert: TlsCertificate, initial: FixtureHandler): Promise<FixtureServer> {
  let handler = initial;
  const requests: string[] = [];
  const server = https.createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    const url = new URL(req.url ?? '/', `https://${host}`);
    requests.push(`${host} ${url.pathname}`);
    let response: FixtureResponse | undefined;
    try {
      response = handler(host, url);
    } catch (error) {
      response = { status: 500, contentType: 'text/plain', body: `fixture handler failed: ${(error as Error).stack ?? String(error)}` };
    }
    response ??= { status: 404, contentType: 'text/plain', body: `no fixture for ${host}${url.pathname}` };
    res.writeHead(response.status ?? 200, {
      'content-type': response.contentType ?? 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...response.headers,
    });
    res.end(response.body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        requests,
        setHandler(next) {
          handler = next;
        },
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
