import { describe, expect, it } from 'vitest';
import { fnv1a64, promiseId } from './promise-id';

describe('promiseId', () => {
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
