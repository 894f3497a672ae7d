import { afterAll, describe, expect, it } from 'vitest';
import { analysisSettingsSchema, extractMessageFacts } from '@followthrough/shared';
import { openMailSource, type MailItem } from '../../src/mail/index';
import { createTempDir, mail } from './temp-files';

const dir = createTempDir('eml');
afterAll(() => dir.remove());

async function readOne(name: string, content: string | Buffer, crlf = false): Promise<MailItem> {
  const source = await openMailSource(dir.write(name, content, { crlf }));
  const items: MailItem[] = [];
  for await (const item of source.items()) items.push(item);
  expect(items).toHaveLength(1);
  return items[0] as MailItem;
}

async function readMessage(name: string, content: string | Buffer, crlf = false) {
  const item = await readOne(name, content, crlf);
  if (item.kind !== 'message') throw new Error(`expected a message, got: ${item.problem}`);
  return item.message;
}

describe('.eml MIME parsing', () => {
  it('prefers text/plain in multipart/alternative, skips the PDF attachment, decodes quoted-printable UTF-8', async () => {
    const message = await readMessage(
      'gmail-reply.eml',
      mail`
        From: "Okafor, Dana" <dana.okafor@northwind.example>
        To: =?UTF-8?Q?Ren=C3=A9e_Martin?= <renee@brightlane.example>, "Ops, Team" <ops@brightlane.example>
        Subject: Re: April release
        Date: Mon, 16 Mar 2026 09:05:00 +0000
        Message-ID: <CAK7x9=abc@mail.gmail.com>
        In-Reply-To: <msg-1@brightlane.example>
        References: <msg-0@brightlane.example>
         <msg-1@brightlane.example>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="000000000000mixed"

        --000000000000mixed
        Content-Type: multipart/alternative; boundary="000000000000alt"

        --000000000000alt
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        Hi Ren=C3=A9e,

        We are disappointed with how the timeline keeps slipping. I=E2=80=99d like a =
        clear plan this week.

        On Fri, Mar 13, 2026 at 5:01 PM Ren=C3=A9e Martin <renee@brightlane.example> wrote:
        > Here is the draft.
        --000000000000alt
        Content-Type: text/html; charset="UTF-8"

        <div>HTML version that must not be used</div>
        --000000000000alt--
        --000000000000mixed
        Content-Type: application/pdf; name="plan.pdf"
        Content-Disposition: attachment; filename="plan.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K
        --000000000000mixed--
      `,
    );
    expect(message.text).toContain('Hi Renée,');
    expect(message.text).toContain('I’d like a clear plan this week.');
    expect(message.text).toContain('> Here is the draft.');
    expect(message.text).not.toContain('HTML version');
    expect(message.text).not.toContain('JVBER');
    expect(message.from).toBe('"Okafor, Dana" <dana.okafor@northwind.example>');
    expect(message.to).toEqual(['Renée Martin <renee@brightlane.example>', '"Ops, Team" <ops@brightlane.example>']);
    expect(message.id).toBe('CAK7x9=abc@mail.gmail.com');
    expect(message.inReplyTo).toBe('msg-1@brightlane.example');
    expect(message.references).toEqual(['msg-0@brightlane.example', 'msg-1@brightlane.example']);
    expect(message.date).toBe('2026-03-16T09:05:00+00:00');
  });

  it('converts an HTML-only Outlook message to text: no script or style, entities decoded, line breaks kept, quotes marked', async () => {
    const message = await readMessage(
      'outlook.eml',
      mail`
        From: Robert Haines <rhaines@aldercrest.example>
        To: maya@brightlane.example
        Subject: RE: RFP 2026-07
        Date: Thu, 5 Mar 2026 16:12:00 EST
        Message-ID: <BN8PR@outlook.example>
        Content-Type: text/html; charset="windows-1252"
        Content-Transfer-Encoding: quoted-printable

        <html><head><style>p { color: red }</style><script>alert("x")</script></head>
        <body><p>Dear Maya,</p><p>Answers: WCAG 2.2&nbsp;AA &amp; both reviews.<br>We=92ll send the
        questionnaire &mdash; today.</p>
        <blockquote><p>Which standard should we meet?</p></blockquote>
        <!-- a comment with <p>tags</p> --><p>Regards,<br>Robert</p></body></html>
      `,
    );
    expect(message.text).toBe(
      'Dear Maya,\n\nAnswers: WCAG 2.2 AA & both reviews.\nWe’ll send the questionnaire — today.\n\n> Which standard should we meet?\n\nRegards,\nRobert',
    );
    // EST is -05:00 (RFC 5322 obsolete zone), the sender's offset is kept.
    expect(message.date).toBe('2026-03-05T16:12:00-05:00');
  });

  it('decodes base64 bodies, ISO-8859-1 text and B-encoded, split encoded-word subjects', async () => {
    const latin1 = Buffer.concat([
      Buffer.from(
        'From: Jonas Weber <j.weber@muellerhaus.example>\nTo: maya@brightlane.example\n' +
          'Subject: =?ISO-8859-1?Q?Angebot_f=FCr_die?=\n =?ISO-8859-1?Q?_=DCberarbeitung?=\n' +
          'Date: Tue, 31 Mar 2026 11:30 +0200\nMessage-ID: <a1@muellerhaus.example>\n' +
          'Content-Type: text/plain; charset=ISO-8859-1\nContent-Transfer-Encoding: 8bit\n\n',
      ),
      Buffer.from('Viele Grüße aus München\n', 'latin1'),
    ]);
    const german = await readMessage('latin1.eml', latin1);
    expect(german.subject).toBe('Angebot für die Überarbeitung');
    expect(german.text).toBe('Viele Grüße aus München');
    expect(german.date).toBe('2026-03-31T11:30:00+02:00');

    const b64 = Buffer.from("Thanks Maya, that's a relief.\n\nSent from my iPhone\n").toString('base64');
    const phone = await readMessage(
      'base64.eml',
      `From: =?utf-8?B?RGFuYSBPa2Fmb3I=?= <dana@northwind.example>\nTo: maya@brightlane.example\nSubject: =?UTF-8?B?UmU6IHdlZWtseSBleHBvcnQg4pyU?=\nDate: 12 Feb 26 08:55 GMT\nMessage-ID: <p@x.example>\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${b64.slice(0, 40)}\n${b64.slice(40)}\n`,
    );
    expect(phone.from).toBe('Dana Okafor <dana@northwind.example>');
    expect(phone.subject).toBe('Re: weekly export ✔');
    expect(phone.text).toBe("Thanks Maya, that's a relief.\n\nSent from my iPhone");
    expect(phone.date).toBe('2026-02-12T08:55:00+00:00');
  });

  it('reads CRLF files, folded headers and nested multiparts with an inline text part after an image', async () => {
    const message = await readMessage(
      'crlf.eml',
      mail`
        From: Lena de Vries
         <lena@kestrelfoods.example>
        To: Maya Chen <maya@brightlane.example>
        Cc: undisclosed-recipients:;
        Subject: Q2 ideas
         for the summer range
        Date: Tue, 31 Mar 2026 09:10:00 +0200 (CEST)
        Message-Id: <q2@kestrelfoods.example>
        Content-Type: multipart/related; boundary=rel

        --rel
        Content-Type: multipart/alternative; boundary=alt

        --alt
        Content-Type: text/plain; charset=us-ascii; format=flowed

        We would like to go ahead with option B. Could you send the statement 
        of work?
        --alt
        Content-Type: text/html

        <p>ignored</p>
        --alt--
        --rel
        Content-Type: image/png
        Content-Transfer-Encoding: base64
        Content-ID: <logo>

        iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk
        --rel--
      `,
      true,
    );
    expect(message.from).toBe('Lena de Vries <lena@kestrelfoods.example>');
    expect(message.subject).toBe('Q2 ideas for the summer range');
    expect(message.cc).toBeUndefined();
    expect(message.text).toBe('We would like to go ahead with option B. Could you send the statement of work?');
    expect(message.date).toBe('2026-03-31T09:10:00+02:00');
    expect(message.id).toBe('q2@kestrelfoods.example');
  });

  it('reports a message without a usable Date by its path and the header, not its content', async () => {
    const item = await readOne(
      'no-date.eml',
      'From: tom.alvarez.photo@gmail.com\nTo: maya@brightlane.example\nSubject: secret plans\nDate: sometime next week\n\nThe secret body\n',
    );
    expect(item.kind).toBe('malformed');
    if (item.kind !== 'malformed') return;
    expect(item.where).toMatch(/no-date\.eml$/);
    expect(item.problem).toBe('the Date header is not a valid RFC 5322 date');
    expect(JSON.stringify(item)).not.toContain('secret');
  });

  it('derives a stable id for a message without Message-ID, the same on every read', async () => {
    const content = 'From: Sam Patel <sam@brightlane.example>\nTo: maya@brightlane.example\nSubject: Q1 staffing\nDate: Mon, 12 Jan 2026 09:00:00 +0100\n\nDoes that work?\n';
    const first = await readMessage('no-id-1.eml', content);
    const second = await readMessage('no-id-2.eml', content);
    expect(first.id).toMatch(/@followthrough\.generated$/);
    expect(second.id).toBe(first.id);
  });
  it('keeps Exchange\'s Content-Class, so an invitation titled only by its meeting is not a conversation turn', async () => {
    const message = await readMessage(
      'outlook-invitation.eml',
      mail`
        From: Dana Okafor <dana.okafor@northwind.example>
        To: Renee Martin <renee@brightlane.example>
        Subject: Quarterly business review
        Date: Tue, 17 Mar 2026 10:00:00 +0000
        Message-ID: <invite-1@northwind.example>
        Content-Class: urn:content-classes:calendarmessage
        MIME-Version: 1.0
        Content-Type: text/plain; charset="UTF-8"

        When: Thursday, 19 March 2026 14:00-15:00.
      `,
    );
    expect(message.headers?.['content-class']).toBe('urn:content-classes:calendarmessage');
    const settings = analysisSettingsSchema.parse({ me: ['renee@brightlane.example'], timeZone: 'Europe/London' });
    expect(extractMessageFacts(message, settings).automated).toBe(true);
  });
});
