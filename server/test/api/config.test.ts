import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

const serverDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('loadConfig', () => {
  it('defaults to loopback:8787 and a database file in the server folder, wherever the command runs', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 8787, databaseAuthToken: undefined, corsOrigins: [] });
    expect(config.databaseUrl).toBe(`file:${join(serverDir, 'data/followthrough.db')}`);
  });

  it('resolves relative file: URLs against the server folder and keeps remote URLs and tokens as given', () => {
    expect(loadConfig({ DATABASE_URL: 'file:./data/other.db' }).databaseUrl).toBe(`file:${join(serverDir, 'data/other.db')}`);
    expect(loadConfig({ DATABASE_URL: 'file:/var/lib/ft/ft.db' }).databaseUrl).toBe('file:/var/lib/ft/ft.db');
    const remote = loadConfig({ DATABASE_URL: 'libsql://followthrough-acme.turso.io', DATABASE_AUTH_TOKEN: 'eyJhbGciOi' });
    expect(remote).toMatchObject({ databaseUrl: 'libsql://followthrough-acme.turso.io', databaseAuthToken: 'eyJhbGciOi' });
    expect(loadConfig({ FT_CORS_ORIGINS: 'https://crm.acme.example, https://intranet.acme.example' }).corsOrigins).toEqual([
      'https://crm.acme.example',
      'https://intranet.acme.example',
    ]);
  });

  it('refuses a CORS origin that is not one: an extension origin without its id, a path, a bare word', () => {
    for (const bad of ['chrome-extension://', 'moz-extension://', 'https://crm.acme.example/app', 'crm.acme.example']) {
      expect(() => loadConfig({ FT_CORS_ORIGINS: bad })).toThrow(`FT_CORS_ORIGINS: "${bad}" is not an origin`);
    }
    expect(loadConfig({ FT_CORS_ORIGINS: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' }).corsOrigins).toEqual(['chrome-extension://abcdefghijklmnopabcdefghijklmnop']);
    expect(loadConfig({}).corsExtensions).toBe('installed');
    expect(loadConfig({ FT_CORS_EXTENSIONS: 'configured' }).corsExtensions).toBe('configured');
    expect(() => loadConfig({ FT_CORS_EXTENSIONS: 'all' })).toThrow('FT_CORS_EXTENSIONS: expected installed or configured, got "all"');
  });

  it('names the variable and the value when a number is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('PORT: expected an integer >= 0, got "eighty"');
    expect(() => loadConfig({ FT_RATE_LIMIT_BURST: '0' })).toThrow(/FT_RATE_LIMIT_BURST/);
  });
});
