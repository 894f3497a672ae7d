import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWebisMessage, readWebisZoning } from './webis-zoning';

// Our own messages in the Webis annotations' format (the real ones are not committed).
function annotated(id: number, group: string, segments: [string, string][]): string {
  let text = '';
  const labels: [number, number, string][] = [];
  for (const [piece, segment] of segments) {
    labels.push([text.length, text.length + piece.length, segment]);
    text += piece;
  }
  return JSON.stringify({ id, text, labels, meta: { groupname: group } });
}

describe('the Webis zoning reader', () => {
  it('reads quotation markers and inline headers as headers, and greetings, closings and signatures as not the writer\'s text', () => {
    const { message, group } = readWebisMessage(
      annotated(1, 'gmane.comp.test', [
        ['Hi Tom,\n', 'salutation'],
        ['I will send the patch tomorrow.\n', 'paragraph'],
        ['Best,\n', 'closing'],
        ['Jane\n', 'personal_signature'],
        ['On Monday, Tom wrote:\n', 'quotation_marker'],
        ['> Can you send the patch?\n', 'quotation'],
      ]),
    );
    expect(group).toBe('gmane.comp.test');
    expect(message.lines.filter((l) => l.own).map((l) => l.text)).toEqual(['I will send the patch tomorrow.']);
    expect(message.lines.filter((l) => l.history).map((l) => l.text)).toEqual(['On Monday, Tom wrote:', '> Can you send the patch?', '']);
  });

  it('splits the Gmane messages by newsgroup, every other group in name order to train, and keeps the Enron files as they come', () => {
    const dir = mkdtempSync(join(tmpdir(), 'webis-'));
    try {
      const plain = (id: number, group: string) => annotated(id, group, [[`Message ${id}.\n`, 'paragraph']]);
      writeFileSync(join(dir, 'annotations-final-validation.jsonl'), [plain(1, 'b'), plain(2, 'a'), plain(3, 'c'), plain(4, 'a')].join('\n'));
      writeFileSync(join(dir, 'enron-annotated-finetuning-train.jsonl'), plain(5, ''));
      writeFileSync(join(dir, 'enron-annotated-finetuning-validation.jsonl'), [plain(6, ''), plain(7, '')].join('\n') + '\n');
      const sets = readWebisZoning(dir);
      expect(sets['gmane train'].map((m) => m.name)).toEqual(['2', '3', '4']);
      expect(sets['gmane held out'].map((m) => m.name)).toEqual(['1']);
      expect(sets['webis enron train'].map((m) => m.name)).toEqual(['5']);
      expect(sets['webis enron held out'].map((m) => m.name)).toEqual(['6', '7']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
