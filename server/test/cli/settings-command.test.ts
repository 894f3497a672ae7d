import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index';
import { runCli } from '../../src/cli/run-cli';
import { systemTimeZone } from '../../src/cli/settings-flags';
import { analysisStatus } from '../../src/store/rederive';
import { createTestApp } from '../support/test-app';
import { createTestDb } from '../support/test-db';
import { createMemoryIo } from './memory-io';

/** `user add` with settings, `user pair`, `settings show|set`: in process, on a temp libSQL file. */
let env: Awaited<ReturnType<typeof createTestDb>>;

beforeAll(async () => {
  env = await createTestDb();
});
afterAll(() => env.cleanup());

async function cli(args: string[], options: { tty?: boolean } = {}) {
  const run = createMemoryIo({ env: { DATABASE_URL: env.url }, tty: options.tty ?? false, now: '2026-11-23T09:00:00Z' });
  const code = await runCli(args, run.io, commands);
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

describe('followthrough user add with settings', () => {
  it('stores the settings given, the machine zone on a terminal, and still prints the token last', async () => {
    const added = await cli(['user', 'add', 'maya@brightlane.example', '--me', 'maya@brightlane.example,maya.k@brightlane.example', '--hours', '08:30-16:30', '--workdays', 'mon-thu', '--cadence', '21'], { tty: true });
    expect(added.code).toBe(0);
    const token = added.stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^ft_[A-Za-z0-9_-]{32}$/);
    expect(added.stdout).toContain(`time zone          ${systemTimeZone()}`);
    expect(added.stdout).toContain(`is this machine's; change it with "settings set --user maya@brightlane.example --tz <zone>"`);
    const t = createTestApp(env.database);
    const res = await t.app.request('/v1/me/settings', { headers: { authorization: `Bearer ${token}` } });
    expect(await res.json()).toMatchObject({
      addresses: ['maya@brightlane.example', 'maya.k@brightlane.example'],
      timeZone: systemTimeZone(),
      workingHours: { start: '08:30', end: '16:30', days: [1, 2, 3, 4] },
      defaultCadenceDays: 21,
      initiationTargetPercent: 80,
    });
  });

  it('defaults to UTC in a script, and refuses a bad flag without leaving a user behind', async () => {
    const scripted = await cli(['user', 'add', 'sam@brightlane.example']);
    expect(scripted.stdout).toContain('time zone          UTC');
    const bad = await cli(['user', 'add', 'kim@brightlane.example', '--tz', 'Mars/Base']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--tz: "Mars/Base" is not an IANA time zone');
    expect((await cli(['settings', 'show', '--user', 'kim@brightlane.example'])).stderr).toContain('kim@brightlane.example');
  });
});

describe('followthrough settings show|set', () => {
  it('changes only what is given, says what moved, and queues the recomputation the server runs', async () => {
    const set = await cli(['settings', 'set', '--user', 'sam@brightlane.example', '--tz', 'America/New_York', '--workdays', 'sun-thu', '--initiation-target', '65%']);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('time zone          America/New_York');
    expect(set.stdout).toContain('working hours      09:00-17:00, sun-thu');
    expect(set.stdout).toContain('initiation target  65% of conversations started by you');
    expect(set.stdout).toContain('analysis           recomputing your figures (waiting for the server to start)');
    const userId = String((await env.database.client.execute({ sql: 'SELECT id FROM users WHERE email = ?', args: ['sam@brightlane.example'] })).rows[0]!.id);
    expect((await analysisStatus(env.database, userId)).state).toBe('pending');

    const shown = await cli(['settings', 'show', '--user', 'SAM@brightlane.example', '--format', 'json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      email: 'sam@brightlane.example',
      stored: true,
      settings: { timeZone: 'America/New_York', workingHours: { days: [1, 2, 3, 4, 7] }, initiationTargetPercent: 65, defaultCadenceDays: null },
      analysis: { state: 'pending' },
    });
    const text = await cli(['settings', 'show', '--user', 'sam@brightlane.example']);
    expect(text.stdout).toContain('reply target       4 working hours');
    expect(text.stdout).toContain('cadence            none (clients without their own cadence are never "silent")');
  });

  it("sets the user's department (the default of the touchpoints they log), and the team sees it", async () => {
    const set = await cli(['settings', 'set', '--user', 'sam@brightlane.example', '--department', 'Finance']);
    expect(set.code).toBe(0);
    expect(set.stdout).toContain('department         finance');
    // Not a setting that moves figures: nothing is recomputed for it.
    expect(set.stdout).not.toContain('Figures are computed again');
    const shown = JSON.parse((await cli(['settings', 'show', '--user', 'sam@brightlane.example', '--format', 'json'])).stdout);
    expect(shown.settings.department).toBe('finance');
    const t = createTestApp(env.database);
    const org = await cli(['org', 'create', 'Brightlane', '--admin', 'sam@brightlane.example']);
    expect(org.code).toBe(0);
    const row = (await env.database.client.execute({ sql: 'SELECT id FROM orgs WHERE name = ?', args: ['Brightlane'] })).rows[0]!;
    const token = (await cli(['user', 'token', 'sam@brightlane.example'])).stdout.trim().split('\n').at(-1)!;
    const members = await t.app.request(`/v1/orgs/${String(row.id)}/members`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await members.json()) as { members: { department: string | null }[] }).members[0]!.department).toBe('finance');
    expect((await cli(['settings', 'set', '--user', 'sam@brightlane.example', '--department', 'none'])).stdout).toContain('department         none');
    expect((await cli(['settings', 'set', '--user', 'sam@brightlane.example', '--department', 'legal'])).stderr).toContain('--department: "legal" is not one of sales, marketing, delivery, finance, support, leadership');
  });

  it('explains mistakes', async () => {
    expect((await cli(['settings', 'set', '--user', 'sam@brightlane.example'])).stderr).toContain('needs at least one setting');
    expect((await cli(['settings', 'set', '--user', 'sam@brightlane.example', '--workdays', 'mon-fry'])).stderr).toContain('--workdays: "fry" is not a weekday');
    expect((await cli(['settings', 'set', '--user', 'sam@brightlane.example', '--initiation-target', '120'])).stderr).toContain('is not a percentage from 1 to 100');
    expect((await cli(['settings', 'show', '--user', 'nobody@brightlane.example'])).code).toBe(2);
  });
});

describe('followthrough user pair', () => {
  it('prints a one-time code to type on the sign-in page', async () => {
    const paired = await cli(['user', 'pair', 'maya@brightlane.example']);
    expect(paired.code).toBe(0);
    expect(paired.stdout).toMatch(/Pairing code for maya@brightlane\.example \(works once, until 09:10 UTC\):\n\n {4}[A-Z2-9]{4}-[A-Z2-9]{4}\n/);
    expect((await cli(['user', 'pair', 'nobody@brightlane.example'])).stderr).toContain('no user with e-mail nobody@brightlane.example');
  });
});
