import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedMessage } from '@followthrough/shared';
import { createGmailProvider, createGoogleAuth } from '../../src/connectors/gmail/gmail-provider';
import type { MailProvider } from '../../src/connectors/mail-provider';
import { createGraphProvider } from '../../src/connectors/microsoft/graph-provider';
import { createMicrosoftTokenSource, microsoftTokenUrl } from '../../src/connectors/oauth/microsoft-token-source';
import { openMailSource, type MailItem } from '../../src/mail/index';
import { createQuotaLimiter } from '../../src/sync/quota-limiter';
import { createTempDir } from '../mail/temp-files';
import { startGmailStandIn, type GmailStandIn } from '../stand-ins/gmail-stand-in';
import { startGraphStandIn, type GraphStandIn } from '../stand-ins/graph-stand-in';
import { me, type FixtureMail } from '../stand-ins/mailbox-fixture';

/**
 * One message, five ways in: an .eml file, an mbox, a JSON Lines line, a Gmail sync and a Graph sync. Before
 * issue 10 these were three address parsers, two Date parsers and three header lists: JSON Lines kept
 * "<id@host>" while the others stripped the brackets, the Gmail path lost the first member of a To group,
 * "EST" was -05:00 on import and Z on sync, and Content-Type never reached the engine. Now they are one path
 * (mail/to-normalized.ts), and every field but the provider's thread id comes out the same.
 */
const sentMs = Date.parse('2026-03-02T14:15:00Z');
const headers = [
  { name: 'Date', value: 'Mon, 2 Mar 2026 09:15:00 EST' },
  { name: 'From', value: '=?UTF-8?Q?Priya_R=C3=A1man?= <Priya.Raman@Contoso-Retail.com>' },
  { name: 'To', value: `Project team: ann@contoso-retail.com, "Okafor, Tom" <tom.okafor@gmail.com>;, Dana Whitfield <${me}>` },
  { name: 'Cc', value: 'üser@bücher.example (Üser)' },
  { name: 'Subject', value: '=?UTF-8?B?UmU6IFE0IHBsYW4g4oCTIHJldmlzZWQ=?=' },
  { name: 'Message-ID', value: '<CAF7x.one-path@mail.contoso-retail.com>' },
  { name: 'In-Reply-To', value: '<root.one-path@northwind-consulting.com>' },
  { name: 'References', value: '<root.one-path@northwind-consulting.com>\r\n <mid.one-path@mail.contoso-retail.com>' },
  { name: 'List-Unsubscribe', value: '<mailto:unsub@contoso-retail.com>' },
];
const text = 'Hi Dana,\n\nCould you send the revised Q4 plan by Thursday?\n\nPriya';

const fixture: FixtureMail = {
  messageId: 'CAF7x.one-path@mail.contoso-retail.com',
  threadKey: 'one-path',
  from: 'Priya Raman <priya.raman@contoso-retail.com>',
  to: [me],
  subject: 'Re: Q4 plan – revised',
  sentMs,
  offsetMinutes: -300,
  text,
  sent: false,
  rawHeaders: headers,
};

const dir = createTempDir('one-path');
let gmail: GmailStandIn;
let graph: GraphStandIn;
afterAll(async () => {
  dir.remove();
  await gmail?.close();
  await graph?.close();
});

async function readAll(path: string): Promise<MailItem[]> {
  const items: MailItem[] = [];
  for await (const item of (await openMailSource(path)).items()) items.push(item);
  return items;
}

async function onlyMessage(provider: MailProvider): Promise<NormalizedMessage> {
  const found: NormalizedMessage[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page = await provider.getSyncPage(cursor);
    found.push(...page.upserted.map((u) => u.message));
    cursor = page.nextCursor;
    if (page.done) break;
  }
  expect(found).toHaveLength(1);
  return found[0]!;
}

const withoutThread = ({ threadId: _t, ...rest }: NormalizedMessage) => rest;

describe('the same message by every source', () => {
  const bySource = new Map<string, NormalizedMessage>();

  beforeAll(async () => {
    const rfc822 = `${headers.map((h) => `${h.name}: ${h.value}`).join('\r\n')}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n${text.replace(/\n/g, '\r\n')}\r\n`;
    const eml = await readAll(dir.write('one.eml', rfc822));
    const mbox = await readAll(dir.write('one.mbox', `From 1790436532543217654@xxx Mon Mar 02 14:15:00 +0000 2026\n${rfc822.replace(/\r\n/g, '\n')}\n`));
    const jsonl = await readAll(
      dir.write(
        'one.jsonl',
        `${JSON.stringify({
          id: '<CAF7x.one-path@mail.contoso-retail.com>',
          from: 'Priya Ráman <priya.raman@contoso-retail.com>',
          to: ['ann@contoso-retail.com', '"Okafor, Tom" <tom.okafor@gmail.com>', `Dana Whitfield <${me}>`],
          cc: ['Üser <üser@bücher.example>'],
          date: '2026-03-02T09:15:00-05:00',
          subject: 'Re: Q4 plan – revised',
          text,
          inReplyTo: '<root.one-path@northwind-consulting.com>',
          references: ['<root.one-path@northwind-consulting.com>', '<mid.one-path@mail.contoso-retail.com>'],
          headers: { 'list-unsubscribe': '<mailto:unsub@contoso-retail.com>' },
        })}\n`,
      ),
    );
    for (const [source, items] of [['eml', eml], ['mbox', mbox], ['jsonl', jsonl]] as const) {
      expect(items.map((i) => i.kind), source).toEqual(['message']);
      bySource.set(source, (items[0] as Extract<MailItem, { kind: 'message' }>).message);
    }

    gmail = await startGmailStandIn();
    gmail.addMailbox(me);
    gmail.addMessage(me, fixture);
    const auth = createGoogleAuth({ clientId: gmail.oauth.clientId, clientSecret: gmail.oauth.clientSecret, tokenUrl: `${gmail.url}/token`, refreshToken: gmail.oauth.issueRefreshToken(me) });
    const limiter = createQuotaLimiter({ unitsPerSecond: 250 });
    const since = new Date(sentMs - 86_400_000);
    bySource.set('gmail', await onlyMessage(createGmailProvider({ auth, rootUrl: `${gmail.url}/`, limiter, fullSyncSince: since, bodies: true, backoff: { baseMs: 5 } })));
    bySource.set(
      'gmail metadata',
      await onlyMessage(createGmailProvider({ auth, rootUrl: `${gmail.url}/`, limiter, fullSyncSince: since, bodies: false, backoff: { baseMs: 5 } })),
    );

    graph = await startGraphStandIn();
    graph.addMailbox(me);
    graph.addMessage(me, fixture);
    const tokens = createMicrosoftTokenSource({
      tokenUrl: microsoftTokenUrl(graph.url, 'common'),
      clientId: graph.oauth.clientId,
      clientSecret: graph.oauth.clientSecret,
      refreshToken: graph.oauth.issueRefreshToken(me),
      scopes: ['offline_access', 'Mail.Read'],
    });
    bySource.set('graph', await onlyMessage(createGraphProvider({ tokens, graphUrl: graph.url, fullSyncSince: since, bodies: true, backoff: { baseMs: 5 } })));
  });

  it('the .eml reading is the reference: every field as the headers say', () => {
    expect(withoutThread(bySource.get('eml')!)).toEqual({
      id: 'CAF7x.one-path@mail.contoso-retail.com',
      from: 'Priya Ráman <priya.raman@contoso-retail.com>',
      to: ['ann@contoso-retail.com', '"Okafor, Tom" <tom.okafor@gmail.com>', `Dana Whitfield <${me}>`],
      cc: ['Üser <üser@bücher.example>'],
      date: '2026-03-02T09:15:00-05:00',
      subject: 'Re: Q4 plan – revised',
      text,
      inReplyTo: 'root.one-path@northwind-consulting.com',
      references: ['root.one-path@northwind-consulting.com', 'mid.one-path@mail.contoso-retail.com'],
      headers: { 'list-unsubscribe': '<mailto:unsub@contoso-retail.com>', 'content-type': 'text/plain; charset=UTF-8' },
    });
  });

  it.each(['mbox', 'jsonl', 'gmail', 'gmail metadata', 'graph'])('%s gives the same message', (source) => {
    const reference = withoutThread(bySource.get('eml')!);
    const got = withoutThread(bySource.get(source)!);
    // Sources differ only in what they can see: Gmail's metadata scope has no body; JSON Lines and Graph
    // carry no top-level Content-Type header here (the stand-in's Graph sends only the headers it stores),
    // and the Gmail stand-in serves this mail as multipart/alternative, which its Content-Type says.
    const unsubscribe = { 'list-unsubscribe': '<mailto:unsub@contoso-retail.com>' };
    const expected = {
      ...reference,
      text: source === 'gmail metadata' ? '' : reference.text,
      headers:
        source === 'gmail'
          ? { ...unsubscribe, 'content-type': 'multipart/alternative; boundary="000000000000b1"' }
          : source === 'mbox'
            ? reference.headers
            : unsubscribe,
    };
    expect(got).toEqual(expected);
  });
});
