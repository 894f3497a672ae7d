import { z } from 'zod';

/**
 * The normalized message: one line of the JSON Lines input, and what every mail source
 * (Gmail API, Graph, mbox, .eml, the open thread in the extension) is converted into.
 */
export const normalizedMessageSchema = z.object({
  /** Message-ID header (mbox/eml) or the provider's id. */
  id: z.string().min(1),
  threadId: z.string().min(1).optional(),
  /** "Name <addr>" or "addr". */
  from: z.string().min(1),
  to: z.array(z.string()).default([]),
  cc: z.array(z.string()).optional(),
  /** ISO 8601 with an offset, e.g. 2026-03-02T09:15:00+01:00. */
  date: z.iso.datetime({ offset: true }),
  subject: z.string().default(''),
  /** Plain-text body as sent: may include quoted history and a signature. */
  text: z.string().default(''),
  inReplyTo: z.string().optional(),
  references: z.array(z.string()).optional(),
  headers: z.record(z.string(), z.string()).optional(),
  /**
   * File names of the message's attachments ("Revised SOW v3.pdf"), when the source shows them: the
   * only thing read of an attachment, and what tells a delivery ("attached") from talk about one.
   */
  attachments: z.array(z.string()).optional(),
});

export type NormalizedMessage = z.infer<typeof normalizedMessageSchema>;
/** What callers may pass in: defaults not yet applied. */
export type NormalizedMessageInput = z.input<typeof normalizedMessageSchema>;

/** A parsed e-mail address. `address` is lower-cased. */
export interface Address {
  name?: string;
  address: string;
}
