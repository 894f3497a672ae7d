import type { MessageRejectionCode, NormalizedMessage } from '@followthrough/shared';

/**
 * What every reader yields: a message, or a malformed one that was skipped. `where` names the file and the
 * line (JSON Lines), message number and byte offset (mbox) or path (.eml); `problem` names the field, never
 * the content (mail is private).
 */
export type MailItem =
  | { kind: 'message'; message: NormalizedMessage; where: string }
  | { kind: 'malformed'; where: string; problem: string; code: MessageRejectionCode }
  /** Something about the file itself worth a warning (it looks cut short, it lost its first line); nothing skipped. */
  | { kind: 'notice'; where: string; problem: string };
