import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index';
import { runCli } from '../../src/cli/run-cli';
import { me } from '../stand-ins/mailbox-fixture';
import { startSyncHarness, type SyncHarness } from './sync-harness';

describe('followthrough account / sync command lines', () => {
  let h: SyncHarness;
  beforeAll(async () => {
    h = await startSyncHarness(me);
    h.gmail.addMailbox(me);
  });
  afterAll(() => h.close());

  async function cli(args: string[], env: Record<string, string> = h.env, stdin: string[] = []) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Readable.from(stdin),
      env,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      now: () => new Date(),
    }, commands);
    return { code, stdout, stderr };
  }

  it('refuses to store a token without FT_ENCRYPTION_KEY, saying how to set one', async () => {
    const { FT_ENCRYPTION_KEY: _omit, ...noKey } = h.env;
    const result = await cli(['account', 'add', '--user', me, '--provider', 'google', '--refresh-token-file', '-'], noKey, ['rt-abc\n']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('FT_ENCRYPTION_KEY is not set: refusing to store provider tokens unencrypted');
    expect(result.stderr).toContain('openssl rand -base64 32');
    const rows = await h.database.client.execute('SELECT count(*) AS n FROM mail_accounts');
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });

  it.each([
    [['account', 'add', '--user', me, '--provider', 'yahoo', '--refresh-token-file', '-'], '--provider must be google or microsoft, not "yahoo"'],
    [['account', 'add', '--user', me, '--provider', 'google'], 'missing --refresh-token-file'],
    [['account', 'add', '--user', me, '--provider', 'google', '--refresh-token', 'rt-secret'], '--refresh-token on the command line is visible to every local user'],
    [['account', 'add', '--user', me, '--provider', 'google', '--refresh-token-file', '/nonexistent/rt'], '--refresh-token-file /nonexistent/rt: no such file'],
    [['account', 'add', '--user', me, '--provider', 'google', '--refresh-token-file', '-'], '--refresh-token-file -: empty'],
    [['account', 'add', '--user', me, '--provider', 'google', '--refresh-token-file', '-', '--access', 'all'], '--access must be metadata or bodies'],
    [['account', 'add', '--user', 'nobody@example.com', '--provider', 'google', '--refresh-token-file', '-'], 'no user with e-mail nobody@example.com'],
    [['sync', '--user', me, '--once'], 'has no mailbox yet'],
    [['sync', '--once'], 'missing --user'],
  ])('%j', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('adds, lists and syncs a mailbox; a revoked grant exits 1 and shows "RECONNECT NEEDED"', async () => {
    const tokenFile = join(h.dir, 'refresh-token');
    writeFileSync(tokenFile, `${h.gmail.oauth.issueRefreshToken(me)}\n`, { mode: 0o600 });
    const added = await cli(['account', 'add', '--user', me, '--provider', 'google', '--refresh-token-file', tokenFile, '--access', 'bodies']);
    expect(added.code).toBe(0);
    const once = await cli(['sync', '--user', me, '--once']);
    expect(once.code).toBe(0);
    expect(once.stderr).toMatch(/done \(\d+ pages, 0 messages\)/);
    h.gmail.oauth.revoke(me);
    const failed = await cli(['sync', '--user', me, '--once']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('FAILED AUTH_REVOKED');
    const listed = await cli(['account', 'list', '--user', me]);
    expect(listed.stdout).toContain('RECONNECT NEEDED');
  });
});
