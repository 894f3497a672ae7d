import { createMailboxAnalyzer } from '@followthrough/shared';
import { openMailSource } from '../../mail/index';
import type { CliCommand } from '../command';
import { feedMessages } from '../feed-messages';
import { parseFlags } from '../parse-flags';
import { startOfDayIn } from '../start-of-day';
import { SETTINGS_OPTIONS, checkInstant, settingsFromFlags, settingsUsage } from '../settings-flags';
import { UsageError } from '../usage-error';

const usage = () => `Usage: followthrough report <input> --me <addr,...> --counterpart <key> [options]

Drafts a progress report for one client: done since the last report, action items with status and
due dates, what we wait for from them, schedule changes, and "Are there any other issues we should discuss?".

Options:
  --counterpart <key>    the client, as analyze names it (a domain, or an address for free-mail clients)
  --since <date>         report period start: 2026-03-01 (midnight in --tz) or an ISO date-time
${settingsUsage()}
  --format text|html     plain text (default) or HTML to paste into a mail
  -h, --help             show this help`;

export const reportCommand: CliCommand = {
  name: 'report',
  summary: 'draft a progress report for one client',
  get usage() {
    return usage();
  },
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      {
        ...SETTINGS_OPTIONS,
        counterpart: { type: 'string' },
        since: { type: 'string' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      usage(),
    );
    if (values.help) {
      io.stdout.write(`${usage()}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <input>' : `expected one <input>, got ${positionals.length}`, usage());
    const format = values.format ?? 'text';
    if (format !== 'html' && format !== 'text') throw new UsageError(`--format: "${format}" is not text or html`, usage());
    const counterpart = values.counterpart?.trim().toLowerCase();
    if (!counterpart) throw new UsageError('--counterpart is required: the client key as `analyze` prints it', usage());
    const { settings, now } = settingsFromFlags(values, usage(), io.now());
    let since: string | null = null;
    if (values.since !== undefined) {
      since = /^\d{4}-\d{2}-\d{2}$/.test(values.since)
        ? startOfDayIn(values.since, settings.timeZone, usage())
        : checkInstant('--since', values.since, usage());
    }

    const source = await openMailSource(positionals[0] as string, { stdin: io.stdin, cwd: io.env.INIT_CWD });
    const analyzer = createMailboxAnalyzer(settings);
    await feedMessages(source, io, { batch: (messages) => analyzer.addMany(messages) }, settings.me);
    const known = analyzer.result(now).counterparts.map((c) => c.key);
    if (!known.includes(counterpart)) {
      const list = known.length > 0 ? `; clients in this mailbox: ${known.sort().join(', ')}` : '';
      throw new UsageError(`--counterpart: no client "${counterpart}" in ${source.label}${list}`);
    }
    const report = analyzer.report(counterpart, since, now);
    io.stdout.write(format === 'html' ? `${report.html}\n` : `${report.text.replace(/\n*$/, '')}\n`);
    return 0;
  },
};
