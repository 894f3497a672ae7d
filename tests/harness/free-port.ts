import net from 'node:net';

/** A port the OS just handed out on loopback; a server started right after will almost surely get it. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('loopback listen returned no port'));
      });
    });
  });
}
