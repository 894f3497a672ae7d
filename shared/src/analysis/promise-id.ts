import { foldWhitespace } from './text/normalize';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;

/** UTF-8 bytes of a string without TextEncoder (shared/ has no DOM or Node typings). */
function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else
      bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return bytes;
}

/** FNV-1a, 64-bit, as 16 lower-case hex digits. */
export function fnv1a64(text: string): string {
  let hash = FNV_OFFSET;
  for (const byte of utf8Bytes(text)) {
    hash ^= BigInt(byte);
    hash = (hash * FNV_PRIME) & MASK_64;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * A promise's stable id: the same message and sentence always give the same id, so a user's verdict
 * ("not a promise", "done", a new due date) survives re-ingest and re-analysis. The sentence is
 * normalized (case and whitespace) so re-wrapping the plain text does not change the id.
 */
export function promiseId(messageId: string, text: string): string {
  if (!messageId) throw new TypeError('promiseId: messageId must be a non-empty string');
  return fnv1a64(`${messageId}\u0000${foldWhitespace(text).toLowerCase()}`);
}
