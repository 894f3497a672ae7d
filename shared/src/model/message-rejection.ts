/**
 * The one error for "this message cannot be taken in", whichever rule finds it. The ingest path (HTTP,
 * import, both syncs) catches it per message: the message is skipped with `code` and `reason`, the rest of
 * its batch is stored. Anything else thrown while analysing a batch is a fault, not a property of one
 * message.
 *
 * `reason` names the field and what is wrong with it, never the field's value: it is logged and shown in
 * sync status, and mail content must not reach logs (PRODUCT.md, privacy).
 */
export const MESSAGE_REJECTION_CODES = [
  /** From holds no usable e-mail address ("MAILER-DAEMON", "John Doe", "root@localhost", empty). */
  'sender_unusable',
  /** The date is not an ISO 8601 instant with an offset. */
  'date_invalid',
  /** The date parses but lies outside the range mail can have been sent in (see MESSAGE_DATE_RANGE). */
  'date_out_of_range',
  /** An identity field (id, thread id, a reference) is longer than the limit in model/limits.ts. */
  'field_too_long',
  /** The message as a whole could not be read (a MIME structure or JSON line the reader cannot use). */
  'unreadable',
  /** The engine failed on this message alone (a fault: the name of the error is in the reason). */
  'analysis_failed',
] as const;
export type MessageRejectionCode = (typeof MESSAGE_REJECTION_CODES)[number];

export class MessageRejectedError extends Error {
  constructor(
    readonly code: MessageRejectionCode,
    /** Human words naming the field and the problem, never its value. */
    readonly reason: string,
    /** The message's id when known (it is the caller's own data, so it may be shown to them). */
    readonly messageId?: string,
  ) {
    super(messageId === undefined ? reason : `message ${messageId}: ${reason}`);
    this.name = 'MessageRejectedError';
  }
}

/** What a batch answer lists for each message it skipped. */
export interface MessageRejection {
  id: string;
  code: MessageRejectionCode;
  reason: string;
}

export function isMessageRejectedError(error: unknown): error is MessageRejectedError {
  return error instanceof MessageRejectedError || (error instanceof Error && error.name === 'MessageRejectedError' && 'code' in error);
}
