import type { NormalizedMessage } from '@followthrough/shared';
import { htmlToText, keepHeaders, messageDate, parseReferences, stripMessageId } from '../message-fields';

/** The subset of the Graph `message` resource we $select (https://learn.microsoft.com/graph/api/resources/message). */
export interface GraphRecipient {
  emailAddress?: { name?: string | null; address?: string | null } | null;
}

export interface GraphMessage {
  id: string;
  conversationId?: string | null;
  internetMessageId?: string | null;
  subject?: string | null;
  from?: GraphRecipient | null;
  sender?: GraphRecipient | null;
  toRecipients?: GraphRecipient[] | null;
  ccRecipients?: GraphRecipient[] | null;
  sentDateTime?: string | null;
  receivedDateTime?: string | null;
  body?: { contentType?: string | null; content?: string | null } | null;
  internetMessageHeaders?: { name: string; value: string }[] | null;
  isRead?: boolean | null;
  '@removed'?: { reason?: string };
}

/** The properties a sync selects: Mail.ReadBasic cannot read `body`, so it is asked for only with Mail.Read. */
export function graphSelect(bodies: boolean): string {
  const base = ['id', 'conversationId', 'internetMessageId', 'subject', 'from', 'sender', 'toRecipients', 'ccRecipients', 'sentDateTime', 'receivedDateTime'];
  return (bodies ? [...base, 'body'] : base).join(',');
}

function formatRecipient(r: GraphRecipient | null | undefined): string | undefined {
  const address = r?.emailAddress?.address;
  if (!address) return undefined;
  const name = r?.emailAddress?.name;
  return name && name !== address ? `${name.includes(',') ? `"${name}"` : name} <${address}>` : address;
}

/**
 * Converts a Graph message (from delta, plus its internetMessageHeaders when fetched) into a normalized
 * message. id = internetMessageId without brackets (so imports and sync agree); threadId = conversationId.
 */
export function graphMessageToNormalized(resource: GraphMessage): NormalizedMessage {
  const headers = resource.internetMessageHeaders ?? [];
  const header = (name: string): string | undefined =>
    headers.find((h) => h.name.toLowerCase() === name.toLowerCase())?.value;
  const sentMs = Date.parse(resource.sentDateTime ?? resource.receivedDateTime ?? '') || 0;
  const content = resource.body?.content ?? '';
  const text = resource.body?.contentType?.toLowerCase() === 'html' ? htmlToText(content) : content;
  const cc = (resource.ccRecipients ?? []).map(formatRecipient).filter((r): r is string => r !== undefined);
  const message: NormalizedMessage = {
    id: resource.internetMessageId ? stripMessageId(resource.internetMessageId) : `graph:${resource.id}`,
    threadId: resource.conversationId ? `graph-conv:${resource.conversationId}` : undefined,
    from: formatRecipient(resource.from) ?? formatRecipient(resource.sender) ?? '(unknown sender)',
    to: (resource.toRecipients ?? []).map(formatRecipient).filter((r): r is string => r !== undefined),
    // Graph gives UTC instants; the Date header (when fetched) keeps the sender's offset.
    date: messageDate(header('Date'), sentMs),
    subject: resource.subject ?? '',
    text,
  };
  if (cc.length > 0) message.cc = cc;
  const inReplyTo = header('In-Reply-To');
  if (inReplyTo) message.inReplyTo = stripMessageId(inReplyTo);
  const references = parseReferences(header('References'));
  if (references) message.references = references;
  const extra = keepHeaders(headers);
  if (extra) message.headers = extra;
  return message;
}
