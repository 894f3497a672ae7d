import { describe, expect, it } from 'vitest';
import { visibleText } from '../../src/analysis/visible-text';
import { readMonth } from './twisted-list';

/** One Pipermail monthly archive message (envelope, headers, blank line, body), as the list archives print them. */
const archived = (body: string): string =>
  [
    'From jonas.weber at example.org  Thu Dec  2 09:14:07 2010',
    'From: Jonas Weber <jonas.weber at example.org>',
    'Date: Thu, 2 Dec 2010 10:14:07 +0100',
    'Subject: Re: [Smb4k-general] mount fails after upgrade',
    'In-Reply-To: <201011302153.41000.arnim@example.net>',
    'Message-ID: <201012021014.07000.jonas.weber@example.org>',
    '',
    body,
    '',
  ].join('\n');

describe('readMonth: a reply under an attribution in another language (README "Round 17 (fulfilment)")', () => {
  const reply = [
    'Am Mittwoch 01 Dezember 2010, 21:53:41 schrieb Arnim L?uger:',
    '> After the upgrade to 0.10.9 nothing mounts any more.',
    '> Any idea?',
    '',
    'Sorry that it took so long.',
    '',
    'I tried to reproduce this problem with the development version. The good news is that it does not seem to be affected.',
  ].join('\n');

  it('reads the reply below the attribution for fulfilment, where visibleText would cut it at the attribution left standing', () => {
    const [message] = readMonth('smb4k-general', archived(reply));
    expect(message!.replyBody).toBeDefined();
    expect(visibleText(message!.replyBody!)).toContain('I tried to reproduce this problem');
    // The body the corpus's offsets point into keeps the line, so no reference moves.
    expect(message!.body.startsWith('Am Mittwoch 01 Dezember 2010, 21:53:41 schrieb Arnim L?uger:')).toBe(true);
    expect(visibleText(message!.body)).not.toContain('I tried to reproduce this problem');
  });

  it('reads the Italian and the mangled French forms alike', () => {
    for (const attribution of ['In data martedì 27 ottobre 2009 11:16:47, Laurent Pinchart ha scritto:', 'Le ven 12 janvier 2007 21:11, Martin a ?crit :']) {
      const [message] = readMonth('linux-uvc-devel', archived(`${attribution}\n> Which plugin are you using?\n\nI'm sending it as attachment.`));
      expect(message!.replyBody).toBe("I'm sending it as attachment.");
    }
  });

  it('leaves a line that ends in a colon over the writer\'s own text alone', () => {
    const [message] = readMonth('twisted-python', archived('Here is the traceback I get:\n\nImportError: No module named reactor'));
    expect(message!.replyBody).toBeUndefined();
    expect(message!.body).toBe('Here is the traceback I get:\n\nImportError: No module named reactor');
  });
});
