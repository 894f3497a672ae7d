import type { NormalizedMessage } from '@followthrough/shared';
import { InputError, type MailSource } from '../mail/index';
import type { CliIo } from './command';
import { createProgressBar } from './progress-bar';

export interface FeedSummary {
  messages: number;
  skipped: number;
}

/**
 * Messages handed to the engine at once: it reads a batch one family of rules at a time, which keeps each family's
 * patterns in the processor's caches (readBatch in shared). On the mailbox bench's real sentences, `analyze` took
 * 13.2 s of CPU in batches of 64, 12.5 s in 256 and 12.0 s in 1,000, against 14.4-14.8 s message by message. A batch
 * also ends at BATCH_TEXT_CHARS of body text, so a mailbox of huge bodies is not held a thousand at a time.
 */
export const ANALYZE_BATCH = 1000;
const BATCH_TEXT_CHARS = 16 * 1024 * 1024;

/**
 * Where the messages go: one at a time, or in batches (`batch` returns each message's error, or null, at its index:
 * the engine's addMany).
 */
export type MessageSink = ((message: NormalizedMessage) => void) | { batch: (messages: NormalizedMessage[]) => (Error | null)[] };

const addressOf = (from: string): string => (/<([^<>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();

/**
 * Streams a mail source into `accept` one message at a time (nothing is collected), warning on stderr about
 * each malformed message (where and which field, never its content) and ending with a count of the skipped.
 * Throws InputError when the source held no usable message at all.
 */
export async function feedMessages(
  source: MailSource,
  io: CliIo,
  accept: MessageSink,
  me: readonly string[] = [],
): Promise<FeedSummary> {
  const progress = createProgressBar(io.stderr, io.stderrIsTTY, source.totalBytes, Number(io.env.COLUMNS) || 80);
  const mine = new Set(me.map((m) => m.toLowerCase()));
  // Gmail labels what we sent; a "Sent" message from an address not in --me is probably a forgotten alias.
  const sentFromOthers = new Map<string, number>();
  let messages = 0;
  let skipped = 0;
  const warn = (text: string): void => {
    progress.clear();
    io.stderr.write(`warning: ${text}\n`);
  };
  const failed = (where: string, error: unknown): void => {
    skipped++;
    // The engine's message could quote the mail; it is shown only when asked for.
    const detail = io.env.FOLLOWTHROUGH_DEBUG ? `: ${(error as Error).message}` : '; FOLLOWTHROUGH_DEBUG=1 shows details';
    warn(`${where}: could not be analysed (${(error as Error).name}${detail}); message skipped`);
  };
  // Batched messages wait here; they are handed over before any warning, so warnings keep the file's order.
  let pending: { message: NormalizedMessage; where: string }[] = [];
  let pendingChars = 0;
  const flush = (): void => {
    if (pending.length === 0 || typeof accept === 'function') return;
    const errors = accept.batch(pending.map((p) => p.message));
    pending.forEach((p, i) => (errors[i] ? failed(p.where, errors[i]) : messages++));
    pending = [];
    pendingChars = 0;
  };
  for await (const item of source.items()) {
    if (item.kind === 'notice') {
      flush();
      warn(`${item.where}: ${item.problem}`);
    } else if (item.kind === 'malformed') {
      flush();
      skipped++;
      warn(`${item.where}: ${item.problem}; message skipped`);
    } else {
      if (typeof accept === 'function') {
        try {
          accept(item.message);
          messages++;
        } catch (error) {
          failed(item.where, error);
        }
      } else {
        pending.push({ message: item.message, where: item.where });
        pendingChars += item.message.text?.length ?? 0;
        if (pending.length >= ANALYZE_BATCH || pendingChars >= BATCH_TEXT_CHARS) flush();
      }
      const labels = item.message.headers?.['x-gmail-labels'];
      if (mine.size > 0 && labels && /(^|,)\s*Sent\s*(,|$)/i.test(labels)) {
        const from = addressOf(item.message.from);
        if (!mine.has(from)) sentFromOthers.set(from, (sentFromOthers.get(from) ?? 0) + 1);
      }
    }
    progress.update(source.bytesRead(), messages);
  }
  flush();
  progress.done();
  if (messages === 0) {
    throw new InputError(
      source.label,
      skipped > 0 ? `no usable messages: all ${skipped} were malformed (see warnings above)` : 'no messages found',
    );
  }
  for (const [address, count] of sentFromOthers) {
    io.stderr.write(
      `note: ${count} message${count === 1 ? '' : 's'} labelled Sent come${count === 1 ? 's' : ''} from ${address}, which is not in --me; add it if it is one of your addresses\n`,
    );
  }
  if (skipped > 0) {
    io.stderr.write(`Skipped ${skipped} malformed message${skipped === 1 ? '' : 's'} (see warnings above)\n`);
  }
  return { messages, skipped };
}
