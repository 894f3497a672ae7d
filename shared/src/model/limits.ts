/**
 * Limits on every field that comes from mail or from a client, in one place, so a stranger's message or a
 * buggy client cannot make one request, one row or one rule unbounded. Identity fields past their limit are
 * rejected (cutting one would make two different ids equal); content fields are cut to their limit (the
 * engine reads the start of a body: what follows a megabyte of text is quoted history).
 */
export const LIMITS = {
  /** Message-ID and provider ids. RFC 5322 §2.1.1 caps a header line at 998 characters. */
  messageId: 998,
  threadId: 998,
  /** One mailbox as written ("Name <addr>"): a 254-character address (RFC 5321 §4.5.3.1) and a long name. */
  mailbox: 2048,
  /** Recipients kept per field (To, Cc): a message to more people than this is a mass mailing. */
  recipients: 1000,
  subject: 2000,
  /**
   * Body text in characters: the part the engine reads. Gmail itself shows no more of a message than about
   * 102 KB before "[Message clipped]", so the extension never sees more either; and the engine's rules run
   * over every sentence, so a 10 MB body (hostile or a pasted log) would cost seconds of CPU and hundreds of
   * thousands of snippets. What follows is quoted history or an attachment pasted inline.
   */
  text: 100_000,
  /** References kept: the first (the thread's root) and the most recent ones. */
  references: 100,
  headers: 40,
  headerName: 100,
  headerValue: 2000,
  attachments: 100,
  attachmentName: 255,
  /** A counterpart key is a domain (253 characters, RFC 1035) or an address (254). */
  counterpartKey: 320,
  /** An e-mail address (RFC 5321 §4.5.3.1.3 path limit). */
  address: 254,
  domain: 253,
  /** Addresses and extra internal domains in a user's settings. */
  settingsAddresses: 50,
  settingsInternalDomains: 200,
} as const;

/** Cuts `text` to `max` UTF-16 units without splitting a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/** References past the limit: the root (first) and the most recent ones, which is what threading uses. */
export function capReferences(references: string[]): string[] {
  if (references.length <= LIMITS.references) return references;
  return [references[0] as string, ...references.slice(references.length - (LIMITS.references - 1))];
}
