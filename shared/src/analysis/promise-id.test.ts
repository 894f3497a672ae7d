import { describe, expect, it } from 'vitest';
import { fnv1a64, promiseId } from './promise-id';

/** The definition, in BigInt arithmetic, over the UTF-8 bytes of each code point (a lone surrogate as its own three bytes). */
function referenceFnv1a64(text: string): string {
  const bytes: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x80) bytes.push(cp);
    else if (cp < 0x800) bytes.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) bytes.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else bytes.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  let hash = 0xcbf29ce484222325n;
  for (const byte of bytes) hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, '0');
}

describe('promiseId', () => {
  it('computes the same hash as the BigInt definition over UTF-8 bytes', () => {
    const samples = ['', 'a', 'foobar', '<CAF=abc123@mail.gmail.com>\u0000i\'ll send the revised sow by friday.', 'Grüße — versprochen. 👍', '回复：报价 €42', '\u{10ffff}\u0080\u07ff\u0800\uffff'];
    for (let n = 0; n < 200; n++) samples.push(Array.from({ length: n % 37 }, (_, i) => String.fromCodePoint([0x41, 0xe9, 0x20ac, 0x1f600, 0x7f, 0x800][(n * 7 + i * 13) % 6]! + (n % 5))).join(''));
    for (const text of samples) expect(fnv1a64(text)).toBe(referenceFnv1a64(text));
    // Lone surrogates (cut pairs) are hashed as the three bytes of their code point.
    for (const text of ['x\ud800y', '\udc00', 'a\ud83d', '\ud83d\ud83d\ude00']) expect(fnv1a64(text)).toBe(referenceFnv1a64(text));
  });

  it('is FNV-1a 64-bit (published test vectors)', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('is stable across re-wrapping and case, and differs per message and per sentence', () => {
    const id = promiseId('<CAF=abc123@mail.gmail.com>', "I'll send the revised SOW by Friday.");
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(promiseId('<CAF=abc123@mail.gmail.com>', "  I'll send the revised\n SOW by friday. ")).toBe(id);
    expect(promiseId('<CAF=def456@mail.gmail.com>', "I'll send the revised SOW by Friday.")).not.toBe(id);
    expect(promiseId('<CAF=abc123@mail.gmail.com>', "I'll send the revised SOW by Monday.")).not.toBe(id);
  });

  it('handles non-ASCII text and rejects a missing message id', () => {
    expect(promiseId('m1', 'Ich schicke Ihnen das Angebot bis Freitag — versprochen. 👍')).toMatch(/^[0-9a-f]{16}$/);
    expect(promiseId('m1', 'Grüße')).not.toBe(promiseId('m1', 'Grusse'));
    expect(() => promiseId('', 'x')).toThrow(/messageId/);
  });
});
