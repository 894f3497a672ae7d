import { createLineSplitter } from './line-splitter';
import type { MailItem } from './mail-item';
import { createMimeParser, type MimeParser } from './mime/mime-parser';
import { isNormalizedHeader, toNormalizedMessage } from './to-normalized';

// The "From " postmark line: "From sender@example.com Mon Mar  2 09:15:00 2026" (Takeout writes
// "From 1790436532543217654@xxx Mon Mar 02 09:15:00 +0000 2026"). Requiring the time of day keeps an
// unescaped body line such as "From the team," from splitting a message.
const POSTMARK = /^From \S+\s.*\d{1,2}:\d\d/;
const FROM_ESCAPED = /^>+From /;

function isSeparator(line: Buffer, atStart: boolean, previousBlank: boolean): boolean {
  if (line.length < 5 || line[0] !== 70 || line[1] !== 114 || line[2] !== 111 || line[3] !== 109 || line[4] !== 32) return false;
  if (atStart) return true;
  return previousBlank && POSTMARK.test(line.toString('latin1'));
}

/**
 * mbox (mboxo and mboxrd, as Google Takeout writes it): messages start at "From " lines, and ">From " in a body
 * loses one ">". Each message streams through the MIME parser line by line: attachments are never held.
 */
export async function* readMbox(chunks: AsyncIterable<Buffer>, label: string): AsyncGenerator<MailItem> {
  let ready: MailItem[] = [];
  let parser: MimeParser | null = null;
  let messageNo = 0;
  let messageOffset = 0;
  let atStart = true;
  let previousBlank = false;

  const finishMessage = (): void => {
    if (!parser) return;
    const where = `${label}: message ${messageNo} (byte ${messageOffset})`;
    try {
      const converted = toNormalizedMessage(parser.finish());
      ready.push(converted.ok ? { kind: 'message', message: converted.message, where } : { kind: 'malformed', where, problem: converted.problem });
    } catch (error) {
      ready.push({ kind: 'malformed', where, problem: `could not be parsed (${(error as Error).name})` });
    }
    parser = null;
  };

  const splitter = createLineSplitter((line, offset) => {
    if (isSeparator(line, atStart, previousBlank)) {
      finishMessage();
      messageNo++;
      messageOffset = offset;
      parser = createMimeParser({ keepHeader: isNormalizedHeader });
      atStart = false;
      previousBlank = false;
      return;
    }
    atStart = false;
    previousBlank = line.length === 0;
    if (!parser) return;
    parser.pushLine(line[0] === 62 && FROM_ESCAPED.test(line.toString('latin1', 0, Math.min(line.length, 64))) ? line.subarray(1) : line);
  });

  for await (const chunk of chunks) {
    splitter.push(chunk);
    if (ready.length > 0) {
      const batch = ready;
      ready = [];
      yield* batch;
    }
  }
  splitter.end();
  finishMessage();
  yield* ready;
}
