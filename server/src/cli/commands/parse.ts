import { visibleText } from '@followthrough/shared';
import { openMailSource } from '../../mail/index';
import type { CliCommand } from '../command';
import { feedMessages } from '../feed-messages';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';

const usage = () => `Usage: followthrough parse <input> [--format json|text]

Shows what the engine reads: each message normalized (Message-IDs without angle brackets, dates in
ISO 8601 with the sender's offset), with "visibleText", the body without quoted history, forwarded
text and signature. <input>: .eml, mbox, JSON Lines ("-" = stdin) or a folder of .eml files.

Options:
  --format json|text     json: an array of messages (default); text: one readable block per message
  -h, --help             show this help`;

export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'print the normalized messages and the text the engine reads',
  get usage() {
    return usage();
  },
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, usage());
    if (values.help) {
      io.stdout.write(`${usage()}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <input>' : `expected one <input>, got ${positionals.length}`, usage());
    const format = values.format ?? 'json';
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format: "${format}" is not json or text`, usage());
    const source = await openMailSource(positionals[0] as string, { stdin: io.stdin, cwd: io.env.INIT_CWD });
    let count = 0;
    // Written as it streams: an array opened before the first message and closed after the last.
    await feedMessages(source, io, (message) => {
      const visible = visibleText(message.text);
      if (format === 'json') {
        io.stdout.write(`${count === 0 ? '[\n' : ',\n'}${JSON.stringify({ ...message, visibleText: visible }, null, 2)}`);
      } else {
        const cc = message.cc?.length ? `\nCc:      ${message.cc.join(', ')}` : '';
        io.stdout.write(
          `${count === 0 ? '' : '\n'}=== ${message.id}\nFrom:    ${message.from}\nTo:      ${message.to.join(', ')}${cc}\nDate:    ${message.date}\nSubject: ${message.subject}\n\n${visible}\n`,
        );
      }
      count++;
    });
    if (format === 'json') io.stdout.write(count === 0 ? '[]\n' : '\n]\n');
    return 0;
  },
};
