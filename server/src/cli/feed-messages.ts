import type { NormalizedMessage } from '@followthrough/shared';
import { InputError, type MailSource } from '../mail/index';
import type { CliIo } from './command';
import { createProgressBar } from './progress-bar';

export interface FeedSummary {
  messages: number;
  skipped: number;
}

const addressOf = (from: string): string => (/<([^<>]+)>/.exec(from)?.[1] ?? from).trim().toLowerCase();

/**
 * Streams a mail source into `accept` one message at a time (nothing is collected), warning on stderr about
 * each malformed message (where and which field, never its content) and ending with a count of the skipped.
 * Throws InputError when the source held no usable message at all.
 */
export async function feedMessages(
  source: MailSource,
  io: CliIo,
  accept: (message: NormalizedMessage) => void,
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
  for await (const item of source.items()) {
    if (item.kind === 'notice') {
      warn(`${item.where}: ${item.problem}`);
    } else if (item.kind === 'malformed') {
      skipped++;
      warn(`${item.where}: ${item.problem}; message skipped`);
    } else {
      try {
        accept(item.message);
        messages++;
      } catch (error) {
        skipped++;
        // The engine's message could quote the mail; it is shown only when asked for.
        const detail = io.env.FOLLOWTHROUGH_DEBUG ? `: ${(error as Error).message}` : '; FOLLOWTHROUGH_DEBUG=1 shows details';
        warn(`${item.where}: could not be analysed (${(error as Error).name}${detail}); message skipped`);
      }
      const labels = item.message.headers?.['x-gmail-labels'];
      if (mine.size > 0 && labels && /(^|,)\s*Sent\s*(,|$)/i.test(labels)) {
        const from = addressOf(item.message.from);
        if (!mine.has(from)) sentFromOthers.set(from, (sentFromOthers.get(from) ?? 0) + 1);
      }
    }
    progress.update(source.bytesRead(), messages);
  }
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
