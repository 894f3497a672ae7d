import { createTokenCipherFromEnv, EncryptionKeyError } from '../../crypto/token-cipher';
import { listAccounts, toAccountView, upsertAccount } from '../../sync/account-store';
import type { MailAccess, MailProviderName } from '@followthrough/shared/contract';
import { open } from 'node:fs/promises';
import type { CliCommand, CliIo } from '../command';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';
import { withUserDatabase } from '../user-database';

const usage = `Usage: followthrough account <add|list> --user <email> ...

Attaches a mailbox to a user without the browser consent step (headless servers, administrators), or
lists the user's mailboxes. The refresh token is stored encrypted with FT_ENCRYPTION_KEY.

  account add --user <email> --provider google|microsoft --refresh-token-file <file|->
              [--mailbox <address>] [--access metadata|bodies]
  account list --user <email>

The refresh token is read from a file, or from standard input with "-" (e.g. from a password manager:
pass show google/rt | followthrough account add ... --refresh-token-file -). It is never taken on the
command line, where every local user could read it (ps, /proc/<pid>/cmdline, shell history).

Options:
  --refresh-token-file <file|->  where the refresh token is (one line; "-" = standard input)
  --mailbox <address>      the mailbox's address (default: the user's e-mail)
  --access metadata|bodies what the token was granted: metadata = gmail.metadata / Mail.ReadBasic
                           (who, when: initiation, lags, cadence); bodies = gmail.readonly / Mail.Read
                           (adds promise and request detection). Default: metadata
  -h, --help               show this help`;

/** A secret of at most 16 KiB from a file or standard input ("-"): its first line, trimmed. */
async function readSecret(from: string, io: CliIo): Promise<string> {
  const limit = 16 * 1024;
  let text = '';
  try {
    if (from === '-') {
      for await (const chunk of io.stdin as AsyncIterable<Buffer | string>) {
        text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
        if (text.length > limit) break;
      }
    } else {
      const handle = await open(from, 'r');
      try {
        const buffer = Buffer.alloc(limit + 1);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        text = buffer.toString('utf8', 0, bytesRead);
      } finally {
        await handle.close();
      }
    }
  } catch (error) {
    throw new UsageError(`--refresh-token-file ${from}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (text.length > limit) throw new UsageError(`--refresh-token-file ${from}: longer than ${limit} bytes; a refresh token is one short line`);
  const token = (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').trim();
  if (!token) throw new UsageError(`--refresh-token-file ${from}: empty; expected the refresh token on its first line`);
  return token;
}

export const accountCommand: CliCommand = {
  name: 'account',
  summary: 'attach a Gmail or Microsoft mailbox with a refresh token; list mailboxes',
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      {
        user: { type: 'string' },
        provider: { type: 'string' },
        'refresh-token': { type: 'string' },
        'refresh-token-file': { type: 'string' },
        mailbox: { type: 'string' },
        access: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      usage,
    );
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    const [action, ...extra] = positionals;
    if (action !== 'add' && action !== 'list') throw new UsageError(action ? `unknown action "${action}": expected add or list` : 'missing action: add or list', usage);
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, usage);
    if (!values.user) throw new UsageError('missing --user <email>', usage);
    const provider = values.provider;
    const access = values.access ?? 'metadata';
    if (action === 'add') {
      if (provider !== 'google' && provider !== 'microsoft') throw new UsageError(`--provider must be google or microsoft${provider ? `, not "${provider}"` : ''}`, usage);
      if (values['refresh-token'] !== undefined) {
        throw new UsageError(
          '--refresh-token on the command line is visible to every local user (ps, /proc, shell history): put it in a file and pass --refresh-token-file <file>, or pipe it in with --refresh-token-file -',
          usage,
        );
      }
      if (!values['refresh-token-file']) throw new UsageError('missing --refresh-token-file <file|-> (the refresh token, from a file or standard input)', usage);
      if (access !== 'metadata' && access !== 'bodies') throw new UsageError(`--access must be metadata or bodies, not "${access}"`, usage);
    }

    const user = values.user;
    return withUserDatabase(io.env, user, async (database, userId) => {
      if (action === 'list') {
        const now = io.now();
        for (const row of await listAccounts(database, userId)) {
          const a = toAccountView(row, now);
          io.stdout.write(
            `${a.id}  ${a.provider.padEnd(9)}  ${a.email}  ${a.access}  ${a.reconnectNeeded ? 'RECONNECT NEEDED' : a.phase}  ${a.messageCount} messages  last success ${a.lastSuccessAt ?? 'never'}${a.lastError ? `  last error: ${a.lastError.message}` : ''}${a.skipped ? `  ${a.skipped.count} skipped (${a.skipped.at})` : ''}\n`,
          );
          for (const m of a.skipped?.messages ?? []) io.stdout.write(`  skipped ${m.providerId}${m.messageId ? ` (${m.messageId})` : ''}: [${m.code}] ${m.reason}\n`);
        }
        return 0;
      }
      const refreshToken = await readSecret(values['refresh-token-file']!, io);
      let cipher;
      try {
        cipher = createTokenCipherFromEnv(io.env);
        const row = await upsertAccount(database, cipher, {
          userId,
          provider: provider as MailProviderName,
          email: values.mailbox ?? user,
          access: access as MailAccess,
          refreshToken,
          now: io.now(),
        });
        io.stdout.write(`Attached ${row.provider} mailbox ${row.email} (${row.access}) to ${user}; account id:\n${row.id}\n`);
      } catch (error) {
        if (error instanceof EncryptionKeyError) throw new UsageError(error.message);
        throw error;
      }
      return 0;
    });
  },
};
