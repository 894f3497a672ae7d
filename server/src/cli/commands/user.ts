import { loadConfig } from '../../config';
import { createDb, migrate } from '../../db/index';
import { createPairingCode } from '../../store/pairing';
import { createUser, defaultUserSettings, issueToken, putUserSettings, revokeToken } from '../../store/users';
import type { CliCommand } from '../command';
import { parseFlags } from '../parse-flags';
import { systemTimeZone } from '../settings-flags';
import { UsageError } from '../usage-error';
import { applySettingsFlags, describeSettings, hasSettingsFlags, USER_SETTINGS_OPTIONS, USER_SETTINGS_USAGE } from '../user-settings';

const usage = `Usage: followthrough user <add|pair|token|revoke> ...

Manages API users and tokens in the server's database (DATABASE_URL, DATABASE_AUTH_TOKEN; default
file: server/data/followthrough.db). A token is printed once, as the last line, and stored only hashed.

  user add <email> [--name <name>] [settings]
                                 create a user (their first own address is <email>) and a token. On a
                                 terminal the time zone defaults to this machine's; in a script, to UTC
  user pair <email>              a one-time pairing code (ten minutes) to type on the server's sign-in
                                 page, which the extension opens from its options ("Sign in")
  user token <email>             issue another token for the user
  user revoke <token-prefix>     revoke the token starting with <token-prefix> (e.g. ft_AbCdEfGh)

Settings for "user add" (the same as "settings set"):
${USER_SETTINGS_USAGE}

Options:
  -h, --help   show this help`;

export const userCommand: CliCommand = {
  name: 'user',
  summary: 'create API users with their settings, pair the extension, issue and revoke tokens',
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { ...USER_SETTINGS_OPTIONS, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, usage);
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    const [action, target, ...extra] = positionals;
    if (!action) throw new UsageError('missing action: add, pair, token or revoke', usage);
    if (!['add', 'pair', 'token', 'revoke'].includes(action)) throw new UsageError(`unknown action "${action}": expected add, pair, token or revoke`, usage);
    if (!target) throw new UsageError(action === 'revoke' ? 'missing <token-prefix>' : 'missing <email>', usage);
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, usage);
    if (values.name !== undefined && action !== 'add') throw new UsageError('--name only applies to "user add"', usage);
    if (hasSettingsFlags(values) && action !== 'add') throw new UsageError('settings flags only apply to "user add" (use "settings set" for an existing user)', usage);

    const config = loadConfig(io.env);
    const database = await createDb(config.databaseUrl, config.databaseAuthToken);
    try {
      await migrate(database);
      const now = io.now();
      try {
        if (action === 'add') {
          const email = target.trim().toLowerCase();
          // Settings first: a bad flag must not leave a user behind.
          const zone = values.tz === undefined && io.stdoutIsTTY ? systemTimeZone() : undefined;
          const settings = applySettingsFlags(defaultUserSettings(email), { ...values, ...(zone ? { tz: zone } : {}) }, usage);
          const { userId, token } = await createUser(database.db, { email, ...(values.name ? { name: values.name } : {}), now });
          await putUserSettings(database.db, userId, settings);
          io.stdout.write(`Created user ${email}.\n${describeSettings(email, settings, true, null)}\n`);
          if (zone) io.stdout.write(`(Time zone ${zone} is this machine's; change it with "settings set --user ${email} --tz <zone>".)\n`);
          io.stdout.write(`API token (shown once; store it now, or sign in from the extension with "user pair ${email}"):\n${token}\n`);
        } else if (action === 'pair') {
          const paired = await createPairingCode(database.db, target, now);
          io.stdout.write(
            `Pairing code for ${paired.email} (works once, until ${paired.expiresAt.slice(11, 16)} UTC):\n\n    ${paired.code}\n\nIn the Followthrough extension: Options, "Sign in", then type this code on the server's page.\n`,
          );
        } else if (action === 'token') {
          const token = await issueToken(database.db, target, now);
          io.stdout.write(`New API token for ${target.trim().toLowerCase()} (shown once):\n${token}\n`);
        } else {
          const revoked = await revokeToken(database.db, target, now);
          io.stdout.write(`Revoked token ${revoked.prefix}… of ${revoked.email}\n`);
        }
      } catch (error) {
        if (error instanceof UsageError) throw error;
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
