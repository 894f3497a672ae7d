import { randomBytes } from 'node:crypto';
import { startGmailStandIn, type GmailStandIn } from '../../server/test/stand-ins/gmail-stand-in';
import { startGraphStandIn, type GraphStandIn } from '../../server/test/stand-ins/graph-stand-in';
import type { FixtureMail } from '../../server/test/stand-ins/mailbox-fixture';
import type { FixtureMailbox } from '../fixtures/mail-thread';

/**
 * Google and Microsoft for the browser tests: the server's own stand-ins (server/test/stand-ins), which
 * speak the documented OAuth, OpenID Connect, Gmail API and Graph wire formats; the server talks to them
 * with the real client libraries, and the browser follows their consent redirects. They know one user,
 * the mailbox's owner, whose mailbox holds the threads given, so "Connect Gmail" has mail to sync.
 */
export interface ProviderStandIns {
  gmail: GmailStandIn;
  graph: GraphStandIn;
  /** The server's environment: provider URLs, OAuth clients, the key that encrypts refresh tokens. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** The fixture threads as the stand-ins store mail (RFC 2822 headers, sent flag for the owner's). */
function toStandInMail(mailbox: FixtureMailbox): FixtureMail[] {
  return mailbox.threads.flatMap((thread) =>
    thread.messages.map((m, i): FixtureMail => {
      const sentMs = Date.parse(m.date);
      const offset = /([+-])(\d{2}):(\d{2})$/.exec(m.date);
      const offsetMinutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
      const previous = thread.messages[i - 1];
      return {
        messageId: `<${m.id}@fixtures.followthrough.test>`,
        threadKey: thread.id,
        from: `${m.from.name} <${m.from.address}>`,
        to: m.to.map((p) => `${p.name} <${p.address}>`),
        ...(m.cc ? { cc: m.cc.map((p) => `${p.name} <${p.address}>`) } : {}),
        subject: i === 0 ? thread.subject : `Re: ${thread.subject}`,
        sentMs,
        offsetMinutes,
        text: m.text,
        ...(previous ? { inReplyTo: `<${previous.id}@fixtures.followthrough.test>`, references: thread.messages.slice(0, i).map((p) => `<${p.id}@fixtures.followthrough.test>`) } : {}),
        sent: m.from.address === mailbox.owner.address,
      };
    }),
  );
}

/** `mailbox`: what Dana's Gmail and Microsoft mailboxes hold at the providers (what a sync brings in). */
export async function startProviderStandIns(mailbox: FixtureMailbox): Promise<ProviderStandIns> {
  const gmail = await startGmailStandIn();
  const graph = await startGraphStandIn();
  const owner = mailbox.owner.address;
  gmail.addMailbox(owner);
  graph.addMailbox(owner);
  for (const mail of toStandInMail(mailbox)) {
    gmail.addMessage(owner, mail);
    graph.addMessage(owner, mail);
  }
  return {
    gmail,
    graph,
    env: {
      FT_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      FT_GMAIL_API_URL: `${gmail.url}/`,
      FT_GOOGLE_AUTH_URL: `${gmail.url}/o/oauth2/v2/auth`,
      FT_GOOGLE_TOKEN_URL: `${gmail.url}/token`,
      FT_GRAPH_URL: graph.url,
      FT_MS_LOGIN_URL: graph.url,
      FT_GOOGLE_CLIENT_ID: gmail.oauth.clientId,
      FT_GOOGLE_CLIENT_SECRET: gmail.oauth.clientSecret,
      FT_MS_CLIENT_ID: graph.oauth.clientId,
      FT_MS_CLIENT_SECRET: graph.oauth.clientSecret,
    },
    async close() {
      await Promise.all([gmail.close(), graph.close()]);
    },
  };
}
