import type { gmail_v1 } from '@googleapis/gmail';
import { LIMITS } from '@followthrough/shared';
import { headerMapOf } from '../../mail/headers';
import { decodeCharset } from '../../mail/mime/charset';
import { parseStructuredHeader } from '../../mail/mime/header-params';
import { selectBodyText } from '../../mail/mime/mime-parser';
import { toNormalizedMessage, type Conversion } from '../../mail/to-normalized';

type GmailMessage = gmail_v1.Schema$Message;
type GmailPart = gmail_v1.Schema$MessagePart;

/** Parts looked at per message: a real one has a handful; a hostile tree is not walked further. */
const MAX_PARTS = 500;

/**
 * A text part's body: Gmail sends the part's bytes (transfer encoding undone) as base64url (RFC 4648 §5),
 * in the part's own charset, which its Content-Type names, as in a MIME message.
 */
function decodePart(part: GmailPart): string {
  const data = part.body?.data;
  if (!data) return '';
  const bytes = Buffer.from(data, 'base64url');
  const type = parseStructuredHeader((part.headers ?? []).find((h) => h.name?.toLowerCase() === 'content-type')?.value ?? undefined);
  return decodeCharset(bytes, type.params.charset);
}

/** The body's text/plain and text/html parts (not attachments), and the attachments' file names. */
function collectParts(payload: GmailPart | undefined): { plain: string[]; html: string[]; attachments: string[] } {
  const out = { plain: [] as string[], html: [] as string[], attachments: [] as string[] };
  if (!payload) return out;
  const stack: GmailPart[] = [payload];
  let seen = 0;
  let textBytes = 0;
  while (stack.length > 0 && seen++ < MAX_PARTS) {
    const part = stack.shift()!;
    const isAttachment = Boolean(part.filename) || Boolean(part.body?.attachmentId);
    if (isAttachment) {
      if (part.filename && out.attachments.length < LIMITS.attachments) out.attachments.push(part.filename.slice(0, LIMITS.attachmentName));
    } else if ((part.mimeType === 'text/plain' || part.mimeType === 'text/html') && part.body?.data && textBytes < LIMITS.text * 4) {
      textBytes += part.body.data.length;
      (part.mimeType === 'text/plain' ? out.plain : out.html).push(decodePart(part));
    }
    if (part.parts) stack.unshift(...part.parts);
  }
  return out;
}

/**
 * A Gmail message resource (format=metadata or format=full) through the one path every source takes
 * (mail/to-normalized.ts): the same header list, address parser, Date parser and Message-ID normalization as
 * mbox and .eml, and the same body rule (text/plain, else the HTML converted). So the same mail imported from
 * a Takeout mbox and synced from the API is one message with one id. Gmail's own thread id and internalDate
 * stand in where the headers say nothing usable. A message that cannot be one comes back with the reason.
 */
export function gmailMessageToNormalized(resource: GmailMessage): Conversion {
  if (!resource.id) return { ok: false, code: 'unreadable', problem: 'the Gmail message resource has no id' };
  const parts = collectParts(resource.payload ?? undefined);
  const { text } = selectBodyText(parts.plain, parts.html);
  const internal = resource.internalDate ? Number(resource.internalDate) : undefined;
  return toNormalizedMessage(
    { headers: headerMapOf(resource.payload?.headers ?? []), text, attachments: parts.attachments },
    {
      id: `gmail:${resource.id}`,
      ...(resource.threadId ? { threadId: `gmail-thread:${resource.threadId}` } : {}),
      ...(internal !== undefined && Number.isFinite(internal) ? { dateMs: internal } : {}),
    },
  );
}
