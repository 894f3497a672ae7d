import { foldWhitespace } from './text/normalize';

// The hash state and its step live at module level rather than in closures made per call: under tsx (which runs the
// CLI and the server) every named closure is also given its name at creation (esbuild's keepNames), a slow property
// definition, and an id is hashed for every promise of every analysis. The hash is synchronous, so one state serves.
let h0 = 0;
let h1 = 0;
let h2 = 0;
let h3 = 0;

function step(byte: number): void {
  h0 ^= byte;
  const t0 = h0 * 0x1b3;
  let t1 = h1 * 0x1b3;
  let t2 = h2 * 0x1b3 + (h0 << 8);
  const t3 = h3 * 0x1b3 + (h1 << 8);
  t1 += t0 >>> 16;
  h0 = t0 & 0xffff;
  t2 += t1 >>> 16;
  h1 = t1 & 0xffff;
  h3 = (t3 + (t2 >>> 16)) & 0xffff;
  h2 = t2 & 0xffff;
}

function hex(limb: number): string {
  return limb.toString(16).padStart(4, '0');
}

/**
 * FNV-1a, 64-bit, as 16 lower-case hex digits, over the UTF-8 bytes of `text` (a lone surrogate as the
 * three bytes of its code point, as before). The 64-bit state is four 16-bit limbs: plain numbers instead of
 * BigInt, which allocates at every step (an id per promise, every analysis). The prime is 2^40 + 0x1b3, so a
 * step is the state times 0x1b3 plus the state shifted left by 40 bits, with the carries between limbs.
 * promise-id.test.ts checks it against the BigInt definition.
 */
export function fnv1a64(text: string): string {
  h0 = 0x2325;
  h1 = 0x8422;
  h2 = 0x9ce4;
  h3 = 0xcbf2;
  for (let i = 0; i < text.length; i++) {
    const cp = text.codePointAt(i)!;
    if (cp < 0x80) step(cp);
    else if (cp < 0x800) {
      step(0xc0 | (cp >> 6));
      step(0x80 | (cp & 0x3f));
    } else if (cp < 0x10000) {
      step(0xe0 | (cp >> 12));
      step(0x80 | ((cp >> 6) & 0x3f));
      step(0x80 | (cp & 0x3f));
    } else {
      step(0xf0 | (cp >> 18));
      step(0x80 | ((cp >> 12) & 0x3f));
      step(0x80 | ((cp >> 6) & 0x3f));
      step(0x80 | (cp & 0x3f));
      i++; // the low surrogate, read with its pair
    }
  }
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
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
