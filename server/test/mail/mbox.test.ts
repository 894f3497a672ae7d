import { afterAll, describe, expect, it } from 'vitest';
import { openMailSource, type MailItem } from '../../src/mail/index';
import { createTempDir, mail } from './temp-files';

const dir = createTempDir('mbox');
afterAll(() => dir.remove());

async function readAll(path: string): Promise<MailItem[]> {
  const items: MailItem[] = [];
  for await (const item of (await openMailSource(path)).items()) items.push(item);
  return items;
}

const takeout = mail`
  From 1790436532543217654@xxx Mon Mar 16 09:05:00 +0000 2026
  X-GM-THRID: 1790436532543217654
  X-Gmail-Labels: Inbox,Important
  Message-ID: <a1@northwind.example>
  Date: Mon, 16 Mar 2026 09:05:00 +0000
  From: Dana Okafor <dana.okafor@northwind.example>
  To: Maya Chen <maya@brightlane.example>
  Subject: April release
  Content-Type: text/plain; charset=UTF-8

  We need a clear plan this week.
  >From our side the date matters.
  >>From the archive, twice escaped.

  From the team at Northwind, thanks.

  From 1790436532543217654@xxx Mon Mar 16 12:40:00 +0000 2026
  X-GM-THRID: 1790436532543217654
  X-Gmail-Labels: Sent
  Message-ID: <b2@brightlane.example>
  In-Reply-To: <a1@northwind.example>
  References: <a1@northwind.example>
  Date: Mon, 16 Mar 2026 13:40:00 +0100
  From: Maya Chen <maya@brightlane.example>
  To: Dana Okafor <dana.okafor@northwind.example>
  Subject: Re: April release

  I'll send you a revised timeline by Thursday.

  From 1790436532543299999@xxx Tue Mar 17 08:00:00 +0000 2026
  X-GM-THRID: 1790436532543299999
  Message-ID: <c3@northwind.example>
  From: Dana Okafor <dana.okafor@northwind.example>
  To: Maya Chen <maya@brightlane.example>
  Subject: no date on this one

  Private words that must never appear in a warning.

  From 1790436532543288888@xxx Wed Mar 18 08:00:00 +0000 2026
  X-GM-THRID: 1790436532543288888
  Message-ID: <d4@kestrelfoods.example>
  Date: Wed, 18 Mar 2026 09:00:00 +0100
  From: lena@kestrelfoods.example
  To: maya@brightlane.example
  Subject: Q2

  Option B, please.
`;

describe('mbox reading (Google Takeout)', () => {
  it('splits messages at "From " postmarks only, unescapes >From, and uses X-GM-THRID as the thread id', async () => {
    const items = await readAll(dir.write('takeout.mbox', takeout));
    expect(items.map((i) => i.kind)).toEqual(['message', 'message', 'malformed', 'message']);
    const [first, second] = items;
    if (first?.kind !== 'message' || second?.kind !== 'message') throw new Error('expected messages');
    expect(first.message.threadId).toBe('1790436532543217654');
    expect(second.message.threadId).toBe('1790436532543217654');
    expect(first.message.text).toContain('\nFrom our side the date matters.\n>From the archive, twice escaped.');
    // A body line starting with "From " that is no postmark stays in its message.
    expect(first.message.text.endsWith('From the team at Northwind, thanks.')).toBe(true);
    expect(second.message.inReplyTo).toBe('a1@northwind.example');
    expect(second.message.headers?.['x-gmail-labels']).toBe('Sent');
    expect(second.message.date).toBe('2026-03-16T13:40:00+01:00');
  });

  it('names the malformed message by number and byte offset and the missing header, never its content', async () => {
    const path = dir.write('takeout-where.mbox', takeout);
    const items = await readAll(path);
    const bad = items[2];
    if (bad?.kind !== 'malformed') throw new Error('expected the third message to be malformed');
    const offset = Buffer.from(takeout).indexOf('From 1790436532543299999@xxx');
    expect(bad.where).toBe(`${path}: message 3 (byte ${offset})`);
    expect(bad.problem).toBe('no Date header');
    expect(JSON.stringify(bad)).not.toContain('Private words');
  });

  it('reads a CRLF mbox the same way', async () => {
    const items = await readAll(dir.write('crlf.mbox', takeout, { crlf: true }));
    expect(items.map((i) => i.kind)).toEqual(['message', 'message', 'malformed', 'message']);
    const last = items[3];
    if (last?.kind !== 'message') throw new Error('expected a message');
    expect(last.message.text).toBe('Option B, please.');
    expect(last.message.from).toBe('lena@kestrelfoods.example');
  });

  it('streams a large attachment without putting it into the text', async () => {
    const attachment = Buffer.alloc(3 * 1024 * 1024, 7).toString('base64').replace(/.{76}/g, '$&\n');
    const big = mail`
      From maya@brightlane.example Thu Apr  9 07:20:00 2026
      Message-ID: <msa@brightlane.example>
      Date: Thu, 9 Apr 2026 09:20:00 +0200
      From: Maya Chen <maya@brightlane.example>
      To: rhaines@aldercrest.example
      Subject: MSA
      Content-Type: multipart/mixed; boundary=b

      --b
      Content-Type: text/plain

      As promised, our MSA is attached.
      --b
      Content-Type: application/pdf
      Content-Disposition: attachment; filename=MSA.pdf
      Content-Transfer-Encoding: base64

    ` + `${attachment}\n--b--\n`;
    const items = await readAll(dir.write('attachment.mbox', big));
    expect(items).toHaveLength(1);
    const only = items[0];
    if (only?.kind !== 'message') throw new Error('expected a message');
    expect(only.message.text).toBe('As promised, our MSA is attached.');
  });
});
