import { normalizedMessageSchema } from '@followthrough/shared';
import { describe, expect, it } from 'vitest';
import { fastMessage } from '../../src/mail/fast-message';

const base = {
  id: 'n1@northwind.example',
  from: 'Dana Okafor <dana.okafor@northwind.example>',
  to: ['maya@brightlane.example'],
  date: '2026-03-16T09:05:00+00:00',
  subject: 'April release',
  text: 'Could you confirm the go-live date?',
};

// Each case: the fast path builds exactly what the schema builds, or returns null where the schema rejects.
const cases: Record<string, unknown>[] = [
  base,
  { ...base, to: undefined, subject: undefined, text: undefined },
  { ...base, threadId: '18e3f', cc: ['priya.nair@northwind.example'], inReplyTo: 'b1@x.example', references: ['a@x', 'b@x'] },
  { ...base, headers: { 'List-Unsubscribe': '<mailto:u@x.example>' }, extra: 'dropped', labels: ['INBOX'] },
  { ...base, date: '2026-03-16T09:05:00.123Z' },
  { ...base, date: '2024-02-29T23:59:59-23:59' },
  { ...base, date: '2026-02-29T09:05:00Z' },
  { ...base, date: '2026-04-31T09:05:00Z' },
  { ...base, date: '2026-03-16T09:05+01:00' },
  { ...base, date: '2026-03-16 09:05:00Z' },
  { ...base, date: '2026-03-16T09:05:00' },
  { ...base, id: '' },
  { ...base, id: 42 },
  { ...base, from: '' },
  { ...base, threadId: '' },
  { ...base, to: 'maya@brightlane.example' },
  { ...base, to: [1] },
  { ...base, cc: null },
  { ...base, headers: { a: 1 } },
  { ...base, headers: [] },
  { ...base, references: 'a@x' },
  { ...base, text: null },
];

describe('the JSON Lines fast path', () => {
  it.each(cases.map((c, i) => [i, c] as const))('case %i agrees with normalizedMessageSchema', (_i, input) => {
    const clean = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
    const fast = fastMessage(clean);
    const schema = normalizedMessageSchema.safeParse(clean);
    if (fast) expect(schema.success && schema.data).toEqual(fast);
    else expect(schema.success).toBe(false);
  });

  it('takes the fast path for ordinary messages', () => {
    expect(fastMessage({ ...base })).not.toBeNull();
    expect(fastMessage({ ...base, date: '2026-03-16T09:05:00.123Z' })).not.toBeNull();
  });
});
