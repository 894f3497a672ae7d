import { createTokenCipherFromEnv } from '../../crypto/token-cipher';
import { createAccountSyncer, type SyncPassResult, type SyncProgress } from '../../sync/account-syncer';
import { listAccounts } from '../../sync/account-store';
import { loadConnectorConfig } from '../../sync/connector-config';
import { defaultSyncIntervalMs } from '../../sync/sync-scheduler';
import type { CliCommand } from '../command';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';
import { withUserDatabase } from '../user-database';

const usage = `Usage: followthrough sync --user <email> [--once] [--account <id>]

Syncs the user's mailboxes in the foreground, with progress on stderr: a full sync first (the last
FT_SYNC_FULL_DAYS days, default 180), then incremental changes. Interrupted passes resume from the last
committed page.

Options:
  --once          one full-or-incremental pass per mailbox, then exit (exit code 1 if any failed)
  --account <id>  only this mailbox (see "followthrough account list")
  --every <min>   minutes between passes without --once (default 5)
  -h, --help      show this help`;

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: "sync a user's Gmail / Microsoft mailboxes into the server database",
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      { user: { type: 'string' }, once: { type: 'boolean' }, account: { type: 'string' }, every: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      usage,
    );
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`, usage);
    if (!values.user) throw new UsageError('missing --user <email>', usage);
    const everyMs = values.every === undefined ? defaultSyncIntervalMs : Number(values.every) * 60_000;
    if (!Number.isFinite(everyMs) || everyMs <= 0) throw new UsageError(`--every must be a positive number of minutes, not "${values.every}"`, usage);

    const connectors = loadConnectorConfig(io.env);
    const user = values.user;
    return withUserDatabase(io.env, user, async (database, userId) => {
      const accounts = (await listAccounts(database, userId)).filter((a) => !values.account || a.id === values.account);
      if (accounts.length === 0) {
        throw new UsageError(values.account ? `user ${values.user} has no account ${values.account}` : `user ${values.user} has no mailbox yet (add one with "followthrough account add")`);
      }
      const syncer = createAccountSyncer({ database, cipher: createTokenCipherFromEnv(io.env), config: connectors, clock: io.now });
      const progress = (email: string) => (p: SyncProgress) => {
        io.stderr.write(`${email}: ${p.phase}, page ${p.pages}, +${p.upserted} stored, -${p.deleted} removed, ${p.skipped} skipped, ${p.messageCount} messages\n`);
      };
      const report = (email: string, r: SyncPassResult) => {
        // Every message that could not be stored, by provider id and reason: the rest of its page was stored.
        for (const m of r.skippedMessages) io.stderr.write(`${email}: skipped ${m.providerId}${m.messageId ? ` (${m.messageId})` : ''}: [${m.code}] ${m.reason}\n`);
        if (r.skipped > r.skippedMessages.length) io.stderr.write(`${email}: ... and ${r.skipped - r.skippedMessages.length} more skipped\n`);
        if (r.status === 'ok') io.stderr.write(`${email}: done (${r.pages} pages, ${r.messageCount} messages${r.skipped > 0 ? `, ${r.skipped} skipped` : ''})\n`);
        else if (r.status === 'busy') io.stderr.write(`${email}: another process is syncing this mailbox; skipped\n`);
        else io.stderr.write(`${email}: FAILED ${r.error?.code}: ${r.error?.message}${r.error?.code === 'AUTH_REVOKED' ? ' (reconnect needed)' : ''}\n`);
      };
      const pass = async (): Promise<boolean> => {
        let ok = true;
        for (const account of accounts) {
          const result = await syncer.syncAccount(account.id, { onProgress: progress(account.email) });
          report(account.email, result);
          if (result.status === 'failed') ok = false;
        }
        return ok;
      };
      if (values.once) return (await pass()) ? 0 : 1;
      let stop = false;
      const onSignal = () => {
        stop = true;
      };
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      while (!stop) {
        await pass();
        const until = Date.now() + everyMs;
        while (!stop && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 500));
      }
      return 0;
    });
  },
};
