import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { openMailSource, type MailItem } from '../../src/mail/index';
import { createTempDir } from './temp-files';

const dir = createTempDir('jsonl');
afterAll(() => dir.remove());

const good = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id,
    from: 'Dana Okafor <dana.okafor@northwind.example>',
    to: ['maya@brightlane.example'],
    date: '2026-03-16T09:05:00+00:00',
    subject: 'April release',
    text: 'Could you confirm the go-live date?\n\nOn Mon, Mar 9, 2026 at 10:00 AM Maya Chen <maya@brightlane.example> wrote:\n> Draft attached.',
    ...extra,
  });

async function collect(items: AsyncIterable<MailItem>): Promise<MailItem[]> {
  const out: MailItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('JSON Lines reading', () => {
  it('yields each valid line, skips blank lines and names bad lines by number and field', async () => {
    const path = dir.write(
      'mail.jsonl',
      [
        `\uFEFF${good('m1')}`,
        '',
        '{"id": "m2", "from": "dana@northwind.example", "date": "16/03/2026", "text": "secret body"}',
        '{not json',
        '["an", "array"]',
        good('m3', { threadId: 'gmail-thread-7' }),
      ].join('\n'),
    );
    const items = await collect((await openMailSource(path)).items());
    expect(items.map((i) => (i.kind === 'message' ? i.message.id : `${i.where} ${i.problem}`))).toEqual([
      'm1',
      `${path}:3 field "date": Invalid ISO datetime`,
      `${path}:4 not valid JSON`,
      `${path}:5 expected a JSON object (one message per line)`,
      'm3',
    ]);
    const m3 = items[4];
    expect(m3?.kind === 'message' && m3.message.threadId).toBe('gmail-thread-7');
    expect(JSON.stringify(items.filter((i) => i.kind === 'malformed'))).not.toContain('secret body');
  });

  it('reads stdin ("-"), detecting the format from the content', async () => {
    const stdin = Readable.from([Buffer.from(`${good('s1')}\n${good('s2').slice(0, 30)}`), Buffer.from(`${good('s2').slice(30)}\n`)]);
    const source = await openMailSource('-', { stdin });
    expect(source.format).toBe('jsonl');
    expect(source.label).toBe('stdin');
    const items = await collect(source.items());
    expect(items.map((i) => (i.kind === 'message' ? i.message.id : i.problem))).toEqual(['s1', 's2']);
    expect(source.bytesRead()).toBe(Buffer.byteLength(`${good('s1')}\n${good('s2')}\n`));
  });
});
