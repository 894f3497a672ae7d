import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeZoning, readLineAnnotated, readQuaggaDatasets, readRangeAnnotated, zoningFigures } from './quagga-zoning';

// Our own messages in the two annotation formats the zoning bench reads (the real ones are not committed).
const lotus = [
  'Message-ID: <1.JavaMail.x@y>',
  'From: jane.roe@example.com',
  'Subject: Re: deck',
  '',
  'B>I will send the revised deck tomorrow morning.',
  'B>',
  'H>From: Tom Becker@ECT on 04/02/2001 01:32 PM',
  'H>To: Jane Roe/HOU/ECT@ECT',
  'B>',
  'B>Could you send me the revised deck before the board meeting?',
  'S>Tom',
  '',
].join('\n');

function rangeAnnotated(text: string, zones: [string, string][]): string {
  const denotations = zones.map(([piece, type]) => ({ start: text.indexOf(piece), end: text.indexOf(piece) + piece.length, type }));
  return JSON.stringify({ text, denotations });
}

describe('the zoning bench', () => {
  it('reads line-annotated mail: the body above the first header is the newest message, the rest history', () => {
    const message = readLineAnnotated('m1', lotus);
    expect(message.lines.filter((l) => l.own).map((l) => l.text)).toEqual(['I will send the revised deck tomorrow morning.', '']);
    expect(message.lines.filter((l) => l.history).map((l) => l.text)[0]).toBe('From: Tom Becker@ECT on 04/02/2001 01:32 PM');
    expect(message.body.startsWith('I will send the revised deck')).toBe(true);
  });

  it('finds history shown as ours, and reply text lost before its end', () => {
    const message = readLineAnnotated('m1', lotus);
    expect(judgeZoning(message, 'I will send the revised deck tomorrow morning.')).toEqual({ leaked: [], cutInside: [], tailDropped: [] });
    expect(judgeZoning(message, 'I will send the revised deck tomorrow morning. Could you send me the revised deck before the board meeting?').leaked).toEqual([
      'Could you send me the revised deck before the board meeting?',
    ]);
    expect(judgeZoning(message, '').tailDropped).toEqual(['I will send the revised deck tomorrow morning.']);
  });

  it('reads range-annotated list mail, with a reply written below the quotes as the newest message', () => {
    const text = 'On Mon, Tom wrote:\n> Does the export run at night?\n\nYes, it runs at two every night.\n';
    const message = readRangeAnnotated('a1', rangeAnnotated(text, [['On Mon, Tom wrote:\n', 'Header'], ['> Does the export run at night?\n\nYes, it runs at two every night.\n', 'Body']]));
    expect(message.lines.filter((l) => l.own).map((l) => l.text)).toEqual(['Yes, it runs at two every night.']);
    expect(message.lines.filter((l) => l.history).map((l) => l.text)).toContain('> Does the export run at night?');
    // The reply kept and the quote dropped is right; the quote shown is a leak.
    expect(zoningFigures([message])).toMatchObject({ messages: 1, withHistory: 1, right: 1, leaked: 0 });
    expect(judgeZoning(message, 'Does the export run at night? Yes, it runs at two every night.').leaked).toEqual(['Does the export run at night?']);
  });

  it('does not count a line the writer re-quotes in the reply as leaked', () => {
    const text = 'bq: does the export run at night?\n\nIt does, every night at two.\n\nOn Mon, Tom wrote:\n> does the export run at night?\n';
    const message = readRangeAnnotated('a2', rangeAnnotated(text, [['bq: does the export run at night?\n\nIt does, every night at two.\n\n', 'Body'], ['On Mon, Tom wrote:\n', 'Header'], ['> does the export run at night?\n', 'Body']]));
    expect(judgeZoning(message, 'bq: does the export run at night? It does, every night at two.').leaked).toEqual([]);
  });

  it('reads the zones of Enron\'s finer annotations, not the ranges inside them; a postscript is the writer\'s own, a list of attachments is not', () => {
    const text = 'Please see the attached schedule.\n - schedule.xls\nPS: I will call you later.\n\nOn Monday, Tom wrote:\n> Can you send it?\nFrom: Tom Becker\nTo: Jane Roe\nCan you send it?\n';
    const message = readRangeAnnotated(
      'e1',
      rangeAnnotated(text, [
        // The finer ranges come first, as they may in the files: a reader taking the first range of a line would read
        // "From: Tom Becker" as no header at all, and so as a reply written below the quotes above it.
        ['From: Tom Becker', 'Header/Person/From'],
        ['Please see the attached schedule.\n', 'Body'],
        [' - schedule.xls\n', 'Body/Attachments'],
        ['PS: I will call you later.\n', 'Body/PS'],
        ['On Monday, Tom wrote:\n', 'Header'],
        ['> Can you send it?\n', 'Body'],
        ['From: Tom Becker\nTo: Jane Roe\n', 'Header'],
        ['Can you send it?\n', 'Body'],
      ]),
    );
    expect(message.lines.filter((l) => l.own).map((l) => l.text)).toEqual(['Please see the attached schedule.', 'PS: I will call you later.', '']);
    expect(message.lines.filter((l) => l.history).map((l) => l.text)).toEqual(['On Monday, Tom wrote:', '> Can you send it?', 'From: Tom Becker', 'To: Jane Roe', 'Can you send it?', '']);
  });

  it('reads Enron\'s annotated_all splits, and leaves out of a train set a message that a held-out set also holds', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quagga-'));
    try {
      const write = (folder: string, name: string, content: string) => {
        mkdirSync(join(dir, folder), { recursive: true });
        writeFileSync(join(dir, folder, name), content);
      };
      const doc = (text: string) => rangeAnnotated(text, [[text, 'Body']]);
      write('Enron/annotated_lines', 'm1', 'Subject: x\n\nB>We will ship it on Monday.\n');
      write('ASF/train', 'train_1.ann', doc('The build passes for me now.\n'));
      for (const split of ['test', 'eval']) write(`ASF/${split}`, `${split}_1.ann`, doc(`An ASF ${split} message.\n`));
      write('Enron/annotated_all/train', 'a.txt.ann', doc('We will ship it on Monday.'));
      write('Enron/annotated_all/train', 'b.txt.ann', doc('I will look at the contract tonight.\n'));
      write('Enron/annotated_all/test', 'c.txt.ann', doc('Please send the invoice.\n'));
      const sets = readQuaggaDatasets(dir);
      expect(sets['enron train'].map((m) => m.name)).toEqual(['b.txt.ann']);
      expect(sets['enron test'].map((m) => m.name)).toEqual(['c.txt.ann']);
      expect(sets['enron eval']).toEqual([]);
      expect(sets['enron lines']).toHaveLength(1);
      expect(sets['asf train']).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
