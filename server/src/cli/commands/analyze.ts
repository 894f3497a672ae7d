import { createMailboxAnalyzer } from '@followthrough/shared';
import { openMailSource } from '../../mail/index';
import type { CliCommand } from '../command';
import { feedMessages } from '../feed-messages';
import { createPalette, useColor } from '../format/colors';
import { formatTextReport } from '../format/text-report';
import { parseFlags } from '../parse-flags';
import { SETTINGS_OPTIONS, settingsFromFlags, settingsUsage } from '../settings-flags';
import { UsageError } from '../usage-error';

const usage = () => `Usage: followthrough analyze <input> --me <addr,...> [options]

Relationship health per client from a mailbox.
<input> is a JSON Lines file ("-" reads stdin), an mbox file (e.g. a Google Takeout export),
a .eml file, or a folder of .eml files (searched recursively).

Options:
${settingsUsage()}
  --format json|text     json: one document (see docs/analysis-json.md); text: a readable report,
                         worst health first (default: text on a terminal, json otherwise)
  -h, --help             show this help`;

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: 'relationship health per client from a mailbox (JSON Lines, mbox, .eml, folder)',
  get usage() {
    return usage();
  },
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      { ...SETTINGS_OPTIONS, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      usage(),
    );
    if (values.help) {
      io.stdout.write(`${usage()}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <input>' : `expected one <input>, got ${positionals.length}`, usage());
    const format = values.format ?? (io.stdoutIsTTY ? 'text' : 'json');
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format: "${format}" is not json or text`, usage());
    const { settings, now } = settingsFromFlags(values, usage(), io.now());

    const source = await openMailSource(positionals[0] as string, { stdin: io.stdin, cwd: io.env.INIT_CWD });
    const analyzer = createMailboxAnalyzer(settings);
    await feedMessages(source, io, { batch: (messages) => analyzer.addMany(messages) }, settings.me);
    const doc = analyzer.result(now);
    if (format === 'json') io.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
    else io.stdout.write(formatTextReport(doc, createPalette(useColor(io.stdoutIsTTY, io.env)), settings, analyzer.stats()));
    return 0;
  },
};
