import { isNormalizedHeader } from './headers';
import { createLineSplitter } from './line-splitter';
import type { MailItem } from './mail-item';
import { createMimeParser, type MimeParser } from './mime/mime-parser';
import { toNormalizedMessage } from './to-normalized';

// The "From " postmark line: "From sender@example.com Mon Mar  2 09:15:00 2026" (Takeout writes
// "From 1790436532543217654@xxx Mon Mar 02 09:15:00 +0000 2026"). Requiring the time of day keeps an
// unescaped body line such as "From the team," from splitting a message. Only the line's first 256 bytes
// are looked at: a postmark is short, and the pattern's work stays bounded on a hostile line.
const POSTMARK = /^From \S+\s.*\d{1,2}:\d\d/;
// In a file that did not start with "From " (an .eml, or an mbox whose first line was lost), only the full
// asctime form counts, so an .eml whose body says "From Monday on, 10:30 works" stays one message.
const STRICT_POSTMARK = /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} +\d{1,2}:\d\d(?::\d\d)?(?: +[+-]\d{4})? +\d{4}\s*$/;
const FROM_ESCAPED = /^>+From /;

/** A line longer than this is cut (a base64 attachment written without line breaks): memory stays flat. */
const MAX_LINE_BYTES = 8 * 1024 * 1024;

function startsWithFrom(line: Buffer): boolean {
  return line.length >= 5 && line[0] === 70 && line[1] === 114 && line[2] === 111 && line[3] === 109 && line[4] === 32;
}

export interface ReadMboxOptions {
  /**
   * The input does not start with a "From " line: a message is open from byte 0. Used for .eml files, so an
   * mbox that lost its first line (read as one .eml, 56 messages becoming 1) is still split, with a notice.
   */
  headless?: boolean;
}

/**
 * mbox (mboxo and mboxrd, as Google Takeout writes it): messages start at "From " lines, and ">From " in a body
 * loses one ">". Each message streams through the MIME parser line by line: attachments are never held.
 * A file that ends inside a message (cut short: no final line break, or a multipart never closed) yields a
 * notice naming that message.
 */
export async function* readMbox(chunks: AsyncIterable<Buffer>, label: string, options: ReadMboxOptions = {}): AsyncGenerator<MailItem> {
  const headless = options.headless === true;
  let ready: MailItem[] = [];
  let parser: MimeParser | null = headless ? createMimeParser({ keepHeader: isNormalizedHeader }) : null;
  let messageNo = headless ? 1 : 0;
  let messageOffset = 0;
  let atStart = !headless;
  let previousBlank = false;
  let separators = 0;
  let lastWhere = label;
  let lastUnterminated = false;

  const whereOf = (n: number, offset: number): string => (headless && separators === 0 ? label : `${label}: message ${n} (byte ${offset})`);

  const finishMessage = (): void => {
    if (!parser) return;
    const where = whereOf(messageNo, messageOffset);
    lastWhere = where;
    try {
      const mail = parser.finish();
      lastUnterminated = mail.unterminated;
      const converted = toNormalizedMessage(mail);
      ready.push(converted.ok ? { kind: 'message', message: converted.message, where } : { kind: 'malformed', where, problem: converted.problem, code: converted.code });
    } catch (error) {
      ready.push({ kind: 'malformed', where, problem: `could not be parsed (${(error as Error).name})`, code: 'unreadable' });
    }
    parser = null;
  };

  const splitter = createLineSplitter(
    (line, offset) => {
      if (startsWithFrom(line) && (atStart || (previousBlank && (headless ? STRICT_POSTMARK : POSTMARK).test(line.toString('latin1', 0, Math.min(line.length, 256)))))) {
        if (headless && separators === 0) {
          ready.push({
            kind: 'notice',
            where: label,
            problem: 'this file does not start with an mbox "From " line but holds more messages after this one: read as an mbox whose first "From " line is missing',
          });
        }
        if (messageNo > 0) separators++;
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
    },
    { maxLineBytes: MAX_LINE_BYTES },
  );

  for await (const chunk of chunks) {
    splitter.push(chunk);
    if (ready.length > 0) {
      const batch = ready;
      ready = [];
      yield* batch;
    }
  }
  const endedMidLine = splitter.end();
  const hadMessage = parser !== null;
  finishMessage();
  // Writers end every line with a line break, and close every multipart they open: a file that does
  // neither at its end was cut short (a copy interrupted, a download that stopped). A cut that happens to
  // fall at the end of a plain-text line cannot be told from the message's real end.
  if (hadMessage && (endedMidLine || lastUnterminated)) {
    const why = endedMidLine ? 'the file ends in the middle of a line' : 'a multipart part is never closed';
    ready.push({ kind: 'notice', where: lastWhere, problem: `the file looks cut short inside this message (${why}): it was read up to the cut` });
  }
  yield* ready;
}
