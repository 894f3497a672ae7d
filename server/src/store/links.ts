/**
 * Links that open a thread in the mail client it came from.
 *
 * - Gmail thread ids (16 hex digits, as the Gmail API and the extension's Gmail host report them) open
 *   `https://mail.google.com/mail/u/0/#all/<id>`.
 * - Microsoft Graph / Outlook item ids (long base64 with '=', '/', '+', starting "AA") open Outlook on
 *   the web's read deep link, URL-encoded.
 * - Otherwise (mbox / .eml imports keyed by Message-ID) a Gmail search by rfc822msgid finds the message
 *   in any Gmail mailbox that has it; for Outlook.com / Microsoft 365 users (judged by their address) an
 *   Outlook web search by the subject is the closest equivalent, Outlook having no Message-ID deep link.
 */
const GMAIL_THREAD_ID = /^[0-9a-f]{15,16}$/i;
const OUTLOOK_ITEM_ID = /^AA[A-Za-z0-9+/_=-]{40,}$/;
const OUTLOOK_DOMAINS = /@(outlook|hotmail|live|msn)\.[a-z.]+$/i;

export interface ThreadLinkInput {
  providedThreadId: string | null;
  /** A message of the thread (Message-ID or provider id). */
  messageId: string | null;
  subject: string;
  /** The user's own first address, to guess their mail client when ids do not tell. */
  userAddress: string;
}

export function threadLink(input: ThreadLinkInput): string | null {
  const { providedThreadId, messageId } = input;
  if (providedThreadId && GMAIL_THREAD_ID.test(providedThreadId)) {
    return `https://mail.google.com/mail/u/0/#all/${providedThreadId}`;
  }
  if (messageId && OUTLOOK_ITEM_ID.test(messageId)) {
    return `https://outlook.office.com/mail/deeplink/read/${encodeURIComponent(messageId)}`;
  }
  if (OUTLOOK_DOMAINS.test(input.userAddress)) {
    return `https://outlook.live.com/mail/0/search?q=${encodeURIComponent(input.subject)}`;
  }
  if (messageId) {
    const bare = messageId.replace(/^<|>$/g, '');
    return `https://mail.google.com/mail/u/0/#search/${encodeURIComponent(`rfc822msgid:${bare}`)}`;
  }
  return null;
}
