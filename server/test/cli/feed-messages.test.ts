import { afterAll, describe, expect, it } from 'vitest';
import type { NormalizedMessage } from '@followthrough/shared';
import { ANALYZE_BATCH, feedMessages } from '../../src/cli/feed-messages';
import { openMailSource } from '../../src/mail/index';
import { createTempDir } from '../mail/temp-files';
import { createMemoryIo } from './memory-io';

const dir = createTempDir('feed');
afterAll(() => dir.remove());

const line = (id: string) => JSON.stringify({ id, from: 'dana@northwind.example', to: ['maya@brightlane.example'], date: '2026-03-01T10:00:00Z', text: 'hello' });

describe('feedMessages in batches', () => {
  it('hands messages over in batches, warns about each failure and each malformed line in file order, and counts them', async () => {
    // More than a batch, with a malformed line in the middle and two messages the sink refuses.
    const lines = Array.from({ length: ANALYZE_BATCH + 10 }, (_, i) => line(`m${i}`));
    lines.splice(5, 0, '{"id": "bad", "from": "dana@northwind.example", "date": "yesterday", "text": "secret words"}');
    const path = dir.write('many.jsonl', `${lines.join('\n')}\n`);
    const { io, stderr } = createMemoryIo();
    const batches: number[] = [];
    const refused = new Set(['m2', `m${ANALYZE_BATCH + 3}`]);
    const summary = await feedMessages(await openMailSource(path), io, {
      batch: (messages: NormalizedMessage[]) => {
        batches.push(messages.length);
        return messages.map((m) => (refused.has(m.id) ? new TypeError('refused') : null));
      },
    });
    expect(summary).toEqual({ messages: ANALYZE_BATCH + 8, skipped: 3 });
    // The batch before the malformed line is handed over first, so its warning comes first.
    expect(batches).toEqual([5, ANALYZE_BATCH, 5]);
    const warnings = stderr().split('\n').filter((l) => l.startsWith('warning:'));
    expect(warnings).toEqual([
      `warning: ${path}:3: could not be analysed (TypeError; FOLLOWTHROUGH_DEBUG=1 shows details); message skipped`,
      expect.stringContaining(`${path}:6: field "date"`),
      `warning: ${path}:${ANALYZE_BATCH + 5}: could not be analysed (TypeError; FOLLOWTHROUGH_DEBUG=1 shows details); message skipped`,
    ]);
    expect(stderr()).not.toContain('secret words');
  });
});
