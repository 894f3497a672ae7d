import { writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateMailbox, me } from '../stand-ins/mailbox-fixture';
import { startSyncHarness, type SyncHarness } from './sync-harness';

const bin = join(dirname(fileURLToPath(import.meta.url)), '../../bin/followthrough.js');

function run(args: string[], env: Record<string, string>, onStderr?: (text: string, kill: () => void) => void): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      onStderr?.(stderr, () => child.kill('SIGKILL'));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('followthrough sync --once, killed mid-sync and restarted', () => {
  let h: SyncHarness;
  beforeAll(async () => {
    // A scaled quota keeps the test short; quota pacing itself is tested in quota-pacing.test.ts.
    h = await startSyncHarness(me, { gmailQuota: 2500 });
    h.gmail.addMailbox(me);
    for (const mail of generateMailbox(240, Date.now(), 120)) h.gmail.addMessage(me, mail);
  });
  afterAll(() => h.close());

  // Three CLI processes (each starts tsx): generous time on a loaded two-core machine.
  it('resumes from the last committed page: nothing lost, nothing doubled', { timeout: 120_000 }, async () => {
    const env = { ...h.env, FT_SYNC_PAGE_SIZE: '20' };
    const refresh = h.gmail.oauth.issueRefreshToken(me);
    const tokenFile = join(h.dir, 'refresh-token');
    writeFileSync(tokenFile, refresh, { mode: 0o600 });
    const added = await run(['account', 'add', '--user', me, '--provider', 'google', '--refresh-token-file', tokenFile, '--access', 'bodies'], env);
    expect(added.code).toBe(0);

    // Slow the provider down so the kill lands mid-sync, after a few committed pages.
    h.gmail.http.setLatency(40);
    const killed = await run(['sync', '--user', me, '--once'], env, (text, kill) => {
      if (/page 4,/.test(text)) kill();
    });
    expect(killed.signal).toBe('SIGKILL');
    const afterKill = await h.messageCount();
    expect(afterKill).toBeGreaterThanOrEqual(80);
    expect(afterKill).toBeLessThan(240);
    const getsBefore = h.gmail.stats.requests['messages.get'] ?? 0;

    h.gmail.http.setLatency(0);
    const resumed = await run(['sync', '--user', me, '--once'], env);
    expect(resumed.stderr).toContain('done');
    expect(resumed.code).toBe(0);
    expect(await h.messageCount()).toBe(240);
    const refs = await h.database.client.execute({ sql: 'SELECT count(*) AS n, count(DISTINCT message_id) AS d FROM mail_account_messages', args: [] });
    expect(Number(refs.rows[0]!.n)).toBe(240);
    expect(Number(refs.rows[0]!.d)).toBe(240);
    // The restart did not start over: it fetched only what the killed run had not committed (plus at most
    // the one page in flight when it died).
    const getsAfter = (h.gmail.stats.requests['messages.get'] ?? 0) - getsBefore;
    expect(getsAfter).toBeLessThanOrEqual(240 - afterKill + 20);
  });
});
