import { z } from 'zod';
import { capReferences, cutText, LIMITS } from './limits';
import { normalizeMessageId } from './message-id';

/** Headers past the limits: the first LIMITS.headers names that are sane, each value cut to its limit. */
export function capHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  let kept = 0;
  for (const name in headers) {
    if (kept >= LIMITS.headers) break;
    const value = headers[name];
    if (typeof value !== 'string' || name.length === 0 || name.length > LIMITS.headerName) continue;
    out[name] = cutText(value, LIMITS.headerValue);
    kept++;
  }
  return out;
}

const messageIdSchema = z
  .string()
  .transform(normalizeMessageId)
  .pipe(z.string().min(1, 'empty message id').max(LIMITS.messageId, `longer than ${LIMITS.messageId} characters`));

const mailboxSchema = z.string().max(LIMITS.mailbox, `longer than ${LIMITS.mailbox} characters`);
const recipientsSchema = z.array(mailboxSchema).transform((list) => (list.length > LIMITS.recipients ? list.slice(0, LIMITS.recipients) : list));

/**
 * The normalized message: one line of the JSON Lines input, and what every mail source
 * (Gmail API, Graph, mbox, .eml, the open thread in the extension) is converted into.
 *
 * Identity fields have hard limits (model/limits.ts) and are brought to one form: message ids lose their angle
 * brackets whichever source they come from. Content fields are cut to their limits instead of refused.
 */
export const normalizedMessageSchema = z.object({
  /** Message-ID header (mbox/eml) or the provider's id, without angle brackets. */
  id: messageIdSchema,
  threadId: z.string().min(1).max(LIMITS.threadId, `longer than ${LIMITS.threadId} characters`).optional(),
  /** "Name <addr>" or "addr". */
  from: z.string().min(1).max(LIMITS.mailbox, `longer than ${LIMITS.mailbox} characters`),
  to: recipientsSchema.default([]),
  cc: recipientsSchema.optional(),
  /** ISO 8601 with an offset, e.g. 2026-03-02T09:15:00+01:00. The range is checked per message (messageInstant). */
  date: z.iso.datetime({ offset: true }),
  subject: z
    .string()
    .transform((s) => cutText(s, LIMITS.subject))
    .default(''),
  /** Plain-text body as sent: may include quoted history and a signature. Cut at LIMITS.text characters. */
  text: z
    .string()
    .transform((s) => cutText(s, LIMITS.text))
    .default(''),
  inReplyTo: messageIdSchema.optional(),
  references: z.array(messageIdSchema).transform(capReferences).optional(),
  headers: z.record(z.string(), z.string()).transform(capHeaders).optional(),
  /**
   * File names of the message's attachments ("Revised SOW v3.pdf"), when the source shows them: the
   * only thing read of an attachment, and what tells a delivery ("attached") from talk about one.
   */
  attachments: z
    .array(z.string())
    .transform((names) => names.slice(0, LIMITS.attachments).map((n) => cutText(n, LIMITS.attachmentName)))
    .optional(),
});

export type NormalizedMessage = z.infer<typeof normalizedMessageSchema>;
/** What callers may pass in: defaults not yet applied. */
export type NormalizedMessageInput = z.input<typeof normalizedMessageSchema>;

/** A parsed e-mail address. `address` is lower-cased. */
export interface Address {
  name?: string;
  address: string;
}

// The date range and check live apart from the zod schemas, so the engine loads without zod.
export { MESSAGE_DATE_RANGE, messageInstant } from './message-date';
