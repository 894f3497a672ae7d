import net from 'node:net';
import { isMailHost } from './mail-origins';

export interface ConnectProxy {
  port: number;
  /** CONNECT requests refused because they were not for a mail host (browser background traffic). */
  refused: string[];
  close(): Promise<void>;
}

/**
 * An HTTP CONNECT proxy that tunnels the mail hosts on :443 to the local fixture server and refuses
 * everything else. Firefox has no equivalent of Chromium's --host-resolver-rules with a port, so it is
 * pointed at this proxy instead; loopback (the API server) bypasses proxies in Firefox by default.
 */
export function startConnectProxy(targetPort: number): Promise<ConnectProxy> {
  const refused: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    client.once('data', (head) => {
      const requestLine = head.toString('latin1').split('\r\n')[0] ?? '';
      const match = /^CONNECT ([^:\s]+):(\d+) HTTP\/1\.[01]$/.exec(requestLine);
      if (!match || !isMailHost(match[1] ?? '') || match[2] !== '443') {
        refused.push(requestLine);
        client.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      const upstream = net.connect(targetPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        client.pipe(upstream);
        upstream.pipe(client);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as net.AddressInfo;
      resolve({
        port: address.port,
        refused,
        close: () =>
          new Promise<void>((done) => {
            for (const socket of sockets) socket.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
