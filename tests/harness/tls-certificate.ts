import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TlsCertificate {
  key: string;
  cert: string;
}

/**
 * A throwaway self-signed certificate for the mail hosts, made fresh for each run with the openssl CLI so
 * no key is ever committed. Browsers accept it only because the harness tells them to
 * (--ignore-certificate-errors in Chromium, acceptInsecureCerts in Firefox).
 */
export function createSelfSignedCertificate(hosts: readonly string[]): TlsCertificate {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'followthrough-e2e-tls-'));
  try {
    const keyFile = path.join(dir, 'key.pem');
    const certFile = path.join(dir, 'cert.pem');
    const altNames = hosts.map((host) => `DNS:${host}`).join(',');
    try {
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2',
          '-subj', '/CN=followthrough-e2e', '-addext', `subjectAltName=${altNames}`],
        { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 },
      );
    } catch (error) {
      throw new Error(
        `Could not make the e2e TLS certificate with the openssl CLI (install it: apt-get install -y openssl): ${(error as Error).message}`,
      );
    }
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
