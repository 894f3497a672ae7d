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

  async function cli(args: string[], env: Record<string, string> = h.env) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Readable.from([]),
      env,
      stdoutIsTTY: false,
      stderrIsTTY: false,
      now: () => new Date(),
    }, commands);
    return { code, stdout, stderr };
  }

  it('refuses to store a token without FT_ENCRYPTION_KEY, saying how to set one', async () => {
    const { FT_ENCRYPTION_KEY: _omit, ...noKey } = h.env;
    const result = await cli(['account', 'add', '--user', me, '--provider', 'google', '--refresh-token', 'rt-abc'], noKey);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('FT_ENCRYPTION_KEY is not set: refusing to store provider tokens unencrypted');
    expect(result.stderr).toContain('openssl rand -base64 32');
    const rows = await h.database.client.execute('SELECT count(*) AS n FROM mail_accounts');
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });

  it.each([
    [['account', 'add', '--user', me, '--provider', 'yahoo', '--refresh-token', 'x'], '--provider must be google or microsoft, not "yahoo"'],
    [['account', 'add', '--user', me, '--provider', 'google'], 'missing --refresh-token'],
    [['account', 'add', '--user', me, '--provider', 'google', '--refresh-token', 'x', '--access', 'all'], '--access must be metadata or bodies'],
    [['account', 'add', '--user', 'nobody@example.com', '--provider', 'google', '--refresh-token', 'x'], 'no user with e-mail nobody@example.com'],
    [['sync', '--user', me, '--once'], 'has no mailbox yet'],
    [['sync', '--once'], 'missing --user'],
  ])('%j', async (args, message) => {
    const result = await cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it('adds, lists and syncs a mailbox; a revoked grant exits 1 and shows "RECONNECT NEEDED"', async () => {
    const added = await cli(['account', 'add', '--user', me, '--provider', 'google', '--refresh-token', h.gmail.oauth.issueRefreshToken(me), '--access', 'bodies']);
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
