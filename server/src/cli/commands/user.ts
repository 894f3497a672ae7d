import { loadConfig } from '../../config';
import { createDb, migrate } from '../../db/index';
import { createUser, issueToken, revokeToken } from '../../store/users';
import type { CliCommand } from '../command';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';

const usage = `Usage: followthrough user <add|token|revoke> ...

Manages API users and tokens in the server's database (DATABASE_URL, DATABASE_AUTH_TOKEN; default
file: server/data/followthrough.db). A token is printed once, as the last line, and stored only hashed.

  user add <email> [--name <name>]   create a user (their first own address is <email>) and a token
  user token <email>                 issue another token for the user
  user revoke <token-prefix>         revoke the token starting with <token-prefix> (e.g. ft_AbCdEfGh)

Options:
  -h, --help   show this help`;

export const userCommand: CliCommand = {
  name: 'user',
  summary: 'create API users, issue and revoke their tokens',
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { name: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, usage);
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    const [action, target, ...extra] = positionals;
    if (!action) throw new UsageError('missing action: add, token or revoke', usage);
    if (!['add', 'token', 'revoke'].includes(action)) throw new UsageError(`unknown action "${action}": expected add, token or revoke`, usage);
    if (!target) throw new UsageError(action === 'revoke' ? 'missing <token-prefix>' : 'missing <email>', usage);
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, usage);
    if (values.name !== undefined && action !== 'add') throw new UsageError('--name only applies to "user add"', usage);

    const config = loadConfig(io.env);
    const database = await createDb(config.databaseUrl, config.databaseAuthToken);
    try {
      await migrate(database);
      const now = io.now();
      try {
        if (action === 'add') {
          const { token } = await createUser(database.db, { email: target, ...(values.name ? { name: values.name } : {}), now });
          io.stdout.write(`Created user ${target.trim().toLowerCase()}. API token (shown once; store it now):\n${token}\n`);
        } else if (action === 'token') {
          const token = await issueToken(database.db, target, now);
          io.stdout.write(`New API token for ${target.trim().toLowerCase()} (shown once):\n${token}\n`);
        } else {
          const revoked = await revokeToken(database.db, target, now);
          io.stdout.write(`Revoked token ${revoked.prefix}… of ${revoked.email}\n`);
        }
      } catch (error) {
        // Domain errors (duplicate user, unknown e-mail, ambiguous prefix) are the caller's input.
        if (error instanceof Error && !(error as { code?: unknown }).code) throw new UsageError(error.message);
        throw error;
      }
      return 0;
    } finally {
      database.close();
    }
  },
};
