/**
 * Links that open a thread in the mail client it came from: the exact thread wherever the ids allow.
 *
 * - Gmail thread ids (16 hex digits, as the Gmail API and the extension's Gmail host report them) open
 *   `https://mail.google.com/mail/u/0/#all/<id>`. Google Takeout's mbox carries the same id in decimal
 *   (`X-GM-THRID: 1785464019839590400`); it is that number written in hex (the Gmail API documents the
 *   thread id as the hex form; tools that read Takeout, e.g. got-your-back and gmvault, convert it so),
 *   so imported threads open exactly too.
 * - A message synced from Microsoft Graph opens by its Graph item id (`deeplink/read/<id>`, the link
 *   Outlook on the web's own "open in new window" uses), on outlook.live.com for consumer mailboxes
 *   (outlook.com, hotmail.com, live.com, msn.com) and outlook.office.com otherwise. A message synced from
 *   the Gmail API without a thread id opens by its Gmail message id, which `#all/` accepts as well.
 * - Otherwise (an .eml import keyed by Message-ID) a Gmail search by rfc822msgid finds exactly that message
 *   in any Gmail mailbox that has it; for Outlook.com / Microsoft 365 users (judged by their address) an
 *   Outlook web search by the subject is the closest equivalent, Outlook having no Message-ID deep link.
 */
const GMAIL_THREAD_ID = /^[0-9a-f]{15,16}$/i;
const GMAIL_DECIMAL_THREAD_ID = /^[0-9]{17,20}$/;
const OUTLOOK_ITEM_ID = /^AA[A-Za-z0-9+/_=-]{40,}$/;
const OUTLOOK_CONSUMER = /@(outlook|hotmail|live|msn)\.[a-z.]+$/i;

export interface ThreadLinkInput {
  providedThreadId: string | null;
  /** A message of the thread (Message-ID or provider id). */
  messageId: string | null;
  subject: string;
  /** The user's own first address, to guess their mail client when ids do not tell. */
  userAddress: string;
  /** The provider's own id of that message and which mailbox synced it (mail_account_messages), when synced. */
  synced?: { provider: 'google' | 'microsoft' | string; providerMessageId: string; mailbox: string } | null;
}

/** A Takeout X-GM-THRID (decimal) as the hex thread id Gmail's web client uses; null when it is not one. */
export function gmailHexThreadId(id: string): string | null {
  if (GMAIL_THREAD_ID.test(id)) return id.toLowerCase();
  if (!GMAIL_DECIMAL_THREAD_ID.test(id)) return null;
  const hex = BigInt(id).toString(16);
  return hex.length >= 15 && hex.length <= 16 ? hex : null;
}

function outlookReadLink(itemId: string, mailbox: string): string {
  const host = OUTLOOK_CONSUMER.test(mailbox) ? 'outlook.live.com' : 'outlook.office.com';
  return `https://${host}/mail/deeplink/read/${encodeURIComponent(itemId)}`;
}

export function threadLink(input: ThreadLinkInput): string | null {
  const { providedThreadId, messageId, synced } = input;
  const gmailThread = providedThreadId ? gmailHexThreadId(providedThreadId) : null;
  if (gmailThread) return `https://mail.google.com/mail/u/0/#all/${gmailThread}`;
  if (synced?.provider === 'microsoft') return outlookReadLink(synced.providerMessageId, synced.mailbox);
  if (synced?.provider === 'google' && GMAIL_THREAD_ID.test(synced.providerMessageId)) {
    return `https://mail.google.com/mail/u/0/#all/${synced.providerMessageId.toLowerCase()}`;
  }
  if (messageId && OUTLOOK_ITEM_ID.test(messageId)) return outlookReadLink(messageId, input.userAddress);
  if (OUTLOOK_CONSUMER.test(input.userAddress)) {
    return `https://outlook.live.com/mail/0/search?q=${encodeURIComponent(input.subject)}`;
  }
  if (messageId) {
    const bare = messageId.replace(/^<|>$/g, '');
    return `https://mail.google.com/mail/u/0/#search/${encodeURIComponent(`rfc822msgid:${bare}`)}`;
  }
  return null;
}
