import type { NormalizedMessage } from '@followthrough/shared';
import { InputError, openMailSource } from '../../mail/index';
import { ingestBatch } from '../../sync/ingest-batch';
import { getUserSettings, toAnalysisSettings } from '../../store/users';
import type { CliCommand } from '../command';
import { parseFlags } from '../parse-flags';
import { createProgressBar } from '../progress-bar';
import { UsageError } from '../usage-error';
import { withUserDatabase } from '../user-database';

/**
 * Messages read before they are stored. Ingest commits every 1,000 messages (store/ingest.ts: a commit
 * writes every page its transaction touched, and most are index pages hit at random), so a batch of 500
 * was a commit of 500: a generated 100,000-message mbox imported in 42-45 s at 500 and 32-34 s at 2,000,
 * alternated on the same file. Past 1,000 a batch only spares the first slice's reading (the rest of a
 * batch is read while the slice before is stored); 2,000 holds a few MB of mail at once.
 */
const DEFAULT_BATCH = 2000;

const usage = `Usage: followthrough import <file.mbox|file.eml|folder|file.jsonl> --user <email> [--batch <n>]

Streams a mailbox file into the server database (DATABASE_URL) for <email>, through the same ingest the
API uses: idempotent by Message-ID, so importing the same file twice stores nothing new. Reads in
constant memory (a multi-GB Google Takeout mbox is fine), with a progress bar on a terminal.

Options:
  --batch <n>   messages read before they are stored, 1 to 5000 (default 2000); whatever the
                batch, the store commits every 1,000 messages at most
  -h, --help    show this help`;

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import an mbox / .eml / folder into the server database for a user',
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { user: { type: 'string' }, batch: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, usage);
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing <file or folder>' : `unexpected argument "${positionals[1]}"`, usage);
    if (!values.user) throw new UsageError('missing --user <email>', usage);
    const batchSize = values.batch === undefined ? DEFAULT_BATCH : Number(values.batch);
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) throw new UsageError(`--batch must be an integer from 1 to 5000, not "${values.batch}"`, usage);

    const source = await openMailSource(positionals[0]!, { stdin: io.stdin });
    const user = values.user;
    return withUserDatabase(io.env, user, async (database, userId) => {
      const settings = toAnalysisSettings((await getUserSettings(database.db, userId)).settings);
      const bar = createProgressBar(io.stderr, io.stderrIsTTY, source.totalBytes, Number(io.env.COLUMNS) || 80);
      let batch: NormalizedMessage[] = [];
      // Where each message of the batch came from, to name a skipped one by file and line / byte.
      let whereOf = new Map<string, string>();
      let seen = 0;
      let stored = 0;
      let duplicates = 0;
      let notices = 0;
      let lastLine = 0;
      const skippedList: { where: string; id?: string; code: string; reason: string }[] = [];
      let skippedCount = 0;
      const skip = (entry: { where: string; id?: string; code: string; reason: string }) => {
        skippedCount++;
        if (skippedList.length < 1000) skippedList.push(entry);
        bar.clear();
        io.stderr.write(`warning: ${entry.where}: ${entry.reason}; message skipped\n`);
      };
      const flush = async () => {
        if (batch.length === 0) return;
        const result = await ingestBatch(database, userId, batch, settings);
        stored += result.accepted;
        duplicates += result.duplicates;
        for (const r of result.rejected) skip({ where: whereOf.get(r.id) ?? source.label, id: r.id, code: r.code, reason: r.reason });
        batch = [];
        whereOf = new Map();
        // Not a terminal (CI, a log file): a plain progress line every ~10 batches instead of the bar.
        if (!io.stderrIsTTY && seen - lastLine >= batchSize * 10) {
          lastLine = seen;
          io.stderr.write(`imported ${seen} messages (${Math.round((source.bytesRead() / (source.totalBytes || 1)) * 100)}%)\n`);
        }
      };
      for await (const item of source.items()) {
        if (item.kind === 'notice') {
          notices++;
          bar.clear();
          io.stderr.write(`warning: ${item.where}: ${item.problem}\n`);
          continue;
        }
        if (item.kind === 'malformed') {
          skip({ where: item.where, code: item.code, reason: item.problem });
          continue;
        }
        batch.push(item.message);
        whereOf.set(item.message.id, item.where);
        seen++;
        if (batch.length >= batchSize) await flush();
        bar.update(source.bytesRead(), seen);
      }
      await flush();
      bar.done();
      if (stored + duplicates === 0) {
        throw new InputError(source.label, skippedCount > 0 ? `no usable messages: all ${skippedCount} were skipped (see warnings above)` : 'no messages found');
      }
      const read = stored + duplicates + skippedCount;
      io.stderr.write(`imported ${read} messages from ${source.label}: ${stored} new, ${duplicates} already stored, ${skippedCount} skipped\n`);
      if (skippedCount > 0) {
        io.stderr.write('skipped (not stored):\n');
        for (const s of skippedList.slice(0, 20)) io.stderr.write(`  ${s.where}: [${s.code}] ${s.reason}\n`);
        if (skippedCount > 20) io.stderr.write(`  ... and ${skippedCount - 20} more (all listed in the JSON on stdout, up to 1,000)\n`);
      }
      io.stdout.write(`${JSON.stringify({ read, stored, duplicates, skipped: skippedCount, notices, skippedMessages: skippedList })}\n`);
      return 0;
    });
  },
};
