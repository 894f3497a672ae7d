import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index';
import { runCli } from '../../src/cli/run-cli';
import { conversation, me, rfc2822, type FixtureMail } from '../stand-ins/mailbox-fixture';
import { startSyncHarness, type SyncHarness } from './sync-harness';

function rfc822(mail: FixtureMail, extra: string[] = []): string {
  return [
    `From: ${mail.from}`,
    `To: ${mail.to.join(', ')}`,
    `Subject: ${mail.subject}`,
    `Date: ${rfc2822(mail.sentMs, mail.offsetMinutes)}`,
    `Message-ID: <${mail.messageId}>`,
    ...(mail.inReplyTo ? [`In-Reply-To: <${mail.inReplyTo}>`] : []),
    ...(mail.references ? [`References: ${mail.references.map((r) => `<${r}>`).join(' ')}`] : []),
    ...extra,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset="UTF-8"',
    '',
    // mbox "From " quoting of body lines.
    ...mail.text.split('\n').map((l) => (l.startsWith('From ') ? `>${l}` : l)),
    '',
  ].join('\n');
}

async function cli(h: SyncHarness, args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    stdin: Readable.from([]),
    env: { ...h.env, COLUMNS: '100' },
    stdoutIsTTY: false,
    stderrIsTTY: true,
    now: () => new Date(),
  }, commands);
  return { code, stdout, stderr };
}

describe('followthrough import into the server database', () => {
  let h: SyncHarness;
  const start = Date.parse('2026-02-02T09:00:00Z');
  beforeAll(async () => {
    h = await startSyncHarness(me);
  });
  afterAll(() => h.close());

  it('streams a Takeout-style mbox in batches with a progress bar, idempotently', async () => {
    const mails = Array.from({ length: 40 }, (_, i) => conversation(i, start + i * 3_600_000)).flat();
    const mbox = mails
      .map((m, i) => `From ${1_700_000_000_000 + i}@xxx Mon Feb 02 09:00:00 +0000 2026\n${rfc822(m, [`X-GM-THRID: ${1_700_000_000 + Math.floor(i / 3)}`, `X-Gmail-Labels: ${m.sent ? 'Sent' : 'Inbox'}`])}`)
      .join('\n');
    const file = join(h.dir, 'takeout.mbox');
    writeFileSync(file, mbox);

    const first = await cli(h, ['import', file, '--user', me, '--batch', '25']);
    expect(first.stderr).toContain('imported 120 messages');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout.trim())).toEqual({ read: 120, stored: 120, duplicates: 0, skipped: 0, notices: 0, skippedMessages: [] });
    // The progress bar drew at least once (a terminal was claimed) and reached the end of the file.
    expect(first.stderr).toMatch(/msgs/);
    expect(await h.messageCount()).toBe(120);
    const promises = await h.database.client.execute({ sql: 'SELECT count(*) AS n FROM promises WHERE user_id = ?', args: [h.userId] });
    expect(Number(promises.rows[0]!.n)).toBe(40);

    const again = await cli(h, ['import', file, '--user', me]);
    expect(JSON.parse(again.stdout.trim())).toEqual({ read: 120, stored: 0, duplicates: 120, skipped: 0, notices: 0, skippedMessages: [] });
    expect(await h.messageCount()).toBe(120);
  });

  it('imports a folder of .eml files, and explains a bad path or unknown user', async () => {
    const dir = join(h.dir, 'eml');
    mkdirSync(join(dir, 'nested'), { recursive: true });
    conversation(500, start).forEach((m, i) => writeFileSync(join(dir, i === 2 ? 'nested' : '', `${i}.eml`), rfc822(m).replace(/\n/g, '\r\n')));
    const before = await h.messageCount();
    const result = await cli(h, ['import', dir, '--user', me]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout.trim())).toMatchObject({ read: 3, stored: 3 });
    expect(await h.messageCount()).toBe(before + 3);

    const missing = await cli(h, ['import', join(h.dir, 'nope.mbox'), '--user', me]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.mbox.*no such file/);
    const nobody = await cli(h, ['import', dir, '--user', 'ghost@example.com']);
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('no user with e-mail ghost@example.com');
  });
});
