import { createHash } from 'node:crypto';
import { LIMITS, normalizeMessageId as normalizeId, parseMessageIdList as parseIdList } from '@followthrough/shared';

/**
 * Message-IDs as every reader stores them: the shared normalization (no angle brackets, model/message-id.ts),
 * and an id past LIMITS.messageId replaced by a digest of itself, so a stranger's megabyte Message-ID
 * neither bloats a row nor costs the message (the same digest wherever it is referenced keeps threading).
 */
export function boundedMessageId(id: string): string {
  return id.length <= LIMITS.messageId ? id : `${createHash('sha256').update(id).digest('hex').slice(0, 40)}@long-id.followthrough.invalid`;
}

export function normalizeMessageId(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  const id = normalizeId(raw);
  // A header with several words and no brackets: the first word is the id.
  const first = id.split(/\s+/)[0] ?? '';
  return first.length > 0 ? boundedMessageId(first) : undefined;
}

export function parseMessageIdList(raw: string | undefined): string[] {
  return parseIdList(raw).map(boundedMessageId);
}
