import type { gmail_v1 } from '@googleapis/gmail';
import type { NormalizedMessage } from '@followthrough/shared';
import {
  htmlToText,
  keepHeaders,
  messageDate,
  parseReferences,
  splitAddressList,
  stripMessageId,
} from '../message-fields';

type GmailMessage = gmail_v1.Schema$Message;
type GmailPart = gmail_v1.Schema$MessagePart;

/** Gmail bodies are base64url (RFC 4648 §5), sometimes with padding. */
function decodeBody(data: string | null | undefined): string {
  if (!data) return '';
  return Buffer.from(data.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
}

/** Depth-first: the first text/plain part that is not an attachment, else the first text/html converted. */
function findBody(part: GmailPart | undefined): string {
  if (!part) return '';
  let html: string | undefined;
  const stack: GmailPart[] = [part];
  while (stack.length > 0) {
    const current = stack.shift()!;
    const isAttachment = Boolean(current.filename) || Boolean(current.body?.attachmentId);
    if (!isAttachment && current.mimeType === 'text/plain' && current.body?.data) return decodeBody(current.body.data);
    if (!isAttachment && current.mimeType === 'text/html' && current.body?.data && html === undefined) {
      html = decodeBody(current.body.data);
    }
    if (current.parts) stack.unshift(...current.parts);
  }
  return html === undefined ? '' : htmlToText(html);
}

/**
 * Converts a Gmail message resource (format=metadata or format=full) into a normalized message. The id
 * is the Message-ID header when there is one, so the same mail imported from a Takeout mbox and synced
 * from the API is stored once; threadId is Gmail's own thread id.
 */
export function gmailMessageToNormalized(resource: GmailMessage): NormalizedMessage {
  if (!resource.id) throw new Error('Gmail message resource has no id');
  const headers = (resource.payload?.headers ?? []).map((h) => ({ name: h.name ?? '', value: h.value ?? '' }));
  const header = (name: string): string | undefined => {
    const lower = name.toLowerCase();
    return headers.find((h) => h.name.toLowerCase() === lower)?.value;
  };
  const internalMs = resource.internalDate ? Number(resource.internalDate) : 0;
  const messageId = header('Message-ID') ?? header('Message-Id');
  const inReplyTo = header('In-Reply-To');
  const references = parseReferences(header('References'));
  const cc = splitAddressList(header('Cc'));
  const extra = keepHeaders(headers);
  const message: NormalizedMessage = {
    id: messageId ? stripMessageId(messageId) : `gmail:${resource.id}`,
    threadId: resource.threadId ? `gmail-thread:${resource.threadId}` : undefined,
    from: header('From') ?? '(unknown sender)',
    to: splitAddressList(header('To')),
    date: messageDate(header('Date'), internalMs),
    subject: header('Subject') ?? '',
    // format=metadata has no body; the engine then finds no promises, which is what gmail.metadata allows.
    text: findBody(resource.payload ?? undefined),
  };
  if (cc.length > 0) message.cc = cc;
  if (inReplyTo) message.inReplyTo = stripMessageId(inReplyTo);
  if (references) message.references = references;
  if (extra) message.headers = extra;
  return message;
}
