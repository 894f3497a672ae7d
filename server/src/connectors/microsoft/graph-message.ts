import { headerMapOf } from '../../mail/headers';
import { formatRecipient } from '../../mail/mime/addresses';
import { htmlToText } from '../../mail/mime/html-to-text';
import { toNormalizedMessage, type Conversion } from '../../mail/to-normalized';
import { LIMITS } from '@followthrough/shared';

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
  parentFolderId?: string | null;
  body?: { contentType?: string | null; content?: string | null } | null;
  internetMessageHeaders?: { name: string; value: string }[] | null;
  isRead?: boolean | null;
  '@removed'?: { reason?: string };
}

/** The properties a sync selects: Mail.ReadBasic cannot read `body`, so it is asked for only with Mail.Read. */
export function graphSelect(bodies: boolean): string {
  const base = ['id', 'conversationId', 'internetMessageId', 'subject', 'from', 'sender', 'toRecipients', 'ccRecipients', 'sentDateTime', 'receivedDateTime', 'parentFolderId'];
  return (bodies ? [...base, 'body'] : base).join(',');
}

const recipient = (r: GraphRecipient | null | undefined): string | undefined => formatRecipient(r?.emailAddress?.name, r?.emailAddress?.address);

/**
 * A Graph message (from delta, plus its internetMessageHeaders) through the one path every source takes
 * (mail/to-normalized.ts). The raw headers come first, as for mbox and .eml; Graph's structured fields stand
 * in for a header it does not return (it sends none for mail the mailbox itself sent): From, To and Cc as
 * "Name <addr>" strings read by the same address parser, the subject, the Message-ID. The Date header keeps
 * the sender's offset; sentDateTime is the fallback. HTML bodies go through the same HTML-to-text, so
 * quoted history stays marked as quoted.
 */
export function graphMessageToNormalized(resource: GraphMessage): Conversion {
  const headers = headerMapOf(resource.internetMessageHeaders ?? []);
  const fill = (name: string, values: (string | undefined)[]): void => {
    const present = values.filter((v): v is string => v !== undefined && v !== '');
    if (!headers.has(name) && present.length > 0) headers.set(name, [present.join(', ')]);
  };
  fill('from', [recipient(resource.from) ?? recipient(resource.sender)]);
  fill('to', (resource.toRecipients ?? []).slice(0, LIMITS.recipients).map(recipient));
  fill('cc', (resource.ccRecipients ?? []).slice(0, LIMITS.recipients).map(recipient));
  fill('subject', [resource.subject ?? undefined]);
  fill('message-id', [resource.internetMessageId ?? undefined]);
  const content = resource.body?.content ?? '';
  const text = resource.body?.contentType?.toLowerCase() === 'html' ? htmlToText(content) : content;
  const sentMs = Date.parse(resource.sentDateTime ?? resource.receivedDateTime ?? '');
  return toNormalizedMessage(
    { headers, text },
    {
      id: `graph:${resource.id}`,
      ...(resource.conversationId ? { threadId: `graph-conv:${resource.conversationId}` } : {}),
      ...(Number.isFinite(sentMs) ? { dateMs: sentMs } : {}),
    },
  );
}
