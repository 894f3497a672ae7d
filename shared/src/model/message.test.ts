import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capReferences, LIMITS } from './limits';
import { messageInstant, normalizedMessageSchema, MESSAGE_DATE_RANGE } from './message';
import { normalizeMessageId, parseMessageIdList } from './message-id';
import { MessageRejectedError } from './message-rejection';

const base = { id: 'a@x.example', from: 'ann@x.example', date: '2026-03-02T09:15:00+01:00' };

describe('the normalized message at the boundary', () => {
  it('brings message ids to one form, whichever source wrote them', () => {
    const parsed = normalizedMessageSchema.parse({ ...base, id: ' <CAF7x@mail.example> ', inReplyTo: '<p@x>', references: ['<r1@x>', 'r2@x'] });
    expect(parsed).toMatchObject({ id: 'CAF7x@mail.example', inReplyTo: 'p@x', references: ['r1@x', 'r2@x'] });
    expect(normalizeMessageId('<abc@x> (sent by a mailer)')).toBe('abc@x');
    expect(parseMessageIdList('<a@x> junk <b@y>\t<c@z>')).toEqual(['a@x', 'b@y', 'c@z']);
    expect(parseMessageIdList('a@x, b@y')).toEqual(['a@x', 'b@y']);
  });

  it('refuses identity fields past their limits, naming the field', () => {
    const long = normalizedMessageSchema.safeParse({ ...base, id: 'i'.repeat(LIMITS.messageId + 1) });
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.path).toEqual(['id']);
    expect(normalizedMessageSchema.safeParse({ ...base, threadId: 't'.repeat(LIMITS.threadId + 1) }).success).toBe(false);
    expect(normalizedMessageSchema.safeParse({ ...base, from: 'f'.repeat(LIMITS.mailbox + 1) }).success).toBe(false);
    expect(normalizedMessageSchema.safeParse({ ...base, id: '<>' }).success).toBe(false);
  });

  it('cuts content fields to their limits instead of refusing the message', () => {
    const parsed = normalizedMessageSchema.parse({
      ...base,
      subject: 's'.repeat(LIMITS.subject + 10),
      text: 'x'.repeat(LIMITS.text + 10),
      to: Array.from({ length: LIMITS.recipients + 5 }, (_, i) => `p${i}@x.example`),
      references: Array.from({ length: 300 }, (_, i) => `<r${i}@x>`),
      headers: Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`X-H${i}`, 'v'.repeat(5000)])),
    });
    expect(parsed.subject).toHaveLength(LIMITS.subject);
    expect(parsed.text).toHaveLength(LIMITS.text);
    expect(parsed.to).toHaveLength(LIMITS.recipients);
    // The root and the most recent references are what threading reads.
    expect(parsed.references).toHaveLength(LIMITS.references);
    expect(parsed.references?.[0]).toBe('r0@x');
    expect(parsed.references?.at(-1)).toBe('r299@x');
    expect(Object.keys(parsed.headers ?? {})).toHaveLength(LIMITS.headers);
    expect(Object.values(parsed.headers ?? {})[0]).toHaveLength(LIMITS.headerValue);
    expect(capReferences(['a', 'b'])).toEqual(['a', 'b']);
  });

  it('does not cut a surrogate pair in half', () => {
    const text = `${'x'.repeat(LIMITS.text - 1)}😀tail`;
    const parsed = normalizedMessageSchema.parse({ ...base, text });
    expect(parsed.text.length).toBe(LIMITS.text - 1);
  });
});

describe('messageInstant: the one check of a message date', () => {
  it('passes dates inside 1970-2099 and names the problem of the others', () => {
    expect(messageInstant(base)).toBe(Date.parse(base.date));
    expect(messageInstant({ date: MESSAGE_DATE_RANGE.earliest })).toBe(0);
    const cases: [string, string][] = [
      ['9999-12-31T10:00:00+01:00', 'date_out_of_range'],
      ['2100-01-01T00:00:00Z', 'date_out_of_range'],
      ['1969-12-31T23:59:59Z', 'date_out_of_range'],
      ['yesterday', 'date_invalid'],
    ];
    for (const [date, code] of cases) {
      expect(() => messageInstant({ id: 'm@x', date })).toThrow(MessageRejectedError);
      try {
        messageInstant({ id: 'm@x', date });
      } catch (error) {
        expect((error as MessageRejectedError).code).toBe(code);
        expect((error as MessageRejectedError).messageId).toBe('m@x');
        expect((error as MessageRejectedError).reason).not.toContain(date);
      }
    }
  });

  it('either accepts a date in range or rejects it with MessageRejectedError, never anything else (fuzzed)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }), (d) => {
        const iso = d.toISOString();
        const ms = d.getTime();
        if (ms >= MESSAGE_DATE_RANGE.earliestMs && ms < MESSAGE_DATE_RANGE.latestMs) expect(messageInstant({ date: iso })).toBe(ms);
        else expect(() => messageInstant({ date: iso })).toThrow(MessageRejectedError);
      }),
      { numRuns: 300, seed: 10 },
    );
  });
});
