import { settingsHash } from '../../store/analysis-writer';
import { analysisStatus, requestRederivation } from '../../store/rederive';
import { getUserSettings, putUserSettings, toAnalysisSettings } from '../../store/users';
import type { CliCommand } from '../command';
import { parseFlags } from '../parse-flags';
import { UsageError } from '../usage-error';
import { withUserDatabase } from '../user-database';
import { applySettingsFlags, describeSettings, hasSettingsFlags, USER_SETTINGS_OPTIONS, USER_SETTINGS_USAGE } from '../user-settings';

const usage = `Usage: followthrough settings <show|set> --user <email> [options]

Shows or changes the settings the server computes a user's figures with (DATABASE_URL as for the
server). The extension's options page sets the same ones. A change that moves figures (addresses, time
zone, working hours) makes the server compute the user's stored figures again, in the background;
"settings show" says how far it is.

  settings show --user <email> [--format text|json]
  settings set --user <email> [options]

Options for "set" (only those given change):
${USER_SETTINGS_USAGE}

  -h, --help                 show this help`;

export const settingsCommand: CliCommand = {
  name: 'settings',
  summary: "show or change a user's settings (addresses, time zone, working hours, cadence, targets, department)",
  usage,
  async run(args, io) {
    const { values, positionals } = parseFlags(
      args,
      { ...USER_SETTINGS_OPTIONS, user: { type: 'string' }, format: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      usage,
    );
    if (values.help) {
      io.stdout.write(`${usage}\n`);
      return 0;
    }
    const [action, ...extra] = positionals;
    if (action !== 'show' && action !== 'set') throw new UsageError(action ? `unknown action "${action}": expected show or set` : 'missing action: show or set', usage);
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`, usage);
    if (!values.user) throw new UsageError('--user <email> is required', usage);
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format: "${format}" is not text or json`, usage);
    if (action === 'show' && hasSettingsFlags(values)) throw new UsageError('"settings show" takes no settings flags: use "settings set"', usage);
    if (action === 'set' && !hasSettingsFlags(values)) throw new UsageError('"settings set" needs at least one setting, e.g. --tz Europe/Berlin', usage);
    const email = values.user.trim().toLowerCase();
    return withUserDatabase(io.env, email, async (database, userId) => {
      const current = await getUserSettings(database.db, userId);
      if (action === 'set') {
        const next = applySettingsFlags(current.settings, values, usage);
        await putUserSettings(database.db, userId, next);
        const analysis = toAnalysisSettings(next);
        const moved = settingsHash(toAnalysisSettings(current.settings)) !== settingsHash(analysis);
        // The server's background worker picks the job up (and reports progress at GET /v1/me).
        if (moved) await requestRederivation(database, userId, analysis, io.now());
        io.stdout.write(`${describeSettings(email, next, true, await analysisStatus(database, userId))}\n`);
        if (moved) io.stdout.write('Figures are computed again by the running server; run "settings show" to see how far it is.\n');
        return 0;
      }
      const status = await analysisStatus(database, userId);
      if (format === 'json') io.stdout.write(`${JSON.stringify({ email, stored: current.stored, settings: current.settings, analysis: status }, null, 2)}\n`);
      else io.stdout.write(`${describeSettings(email, current.settings, current.stored, status)}\n`);
      return 0;
    });
  },
};
