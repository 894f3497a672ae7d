import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index';
import { runCli } from '../../src/cli/run-cli';
import { createTestDb } from '../support/test-db';
import { createTestApp, type Client, type TestApp } from '../support/test-app';
import { createMemoryIo } from './memory-io';

// What an administrator needs at the console: create an organisation, invite, change roles, remove,
// list; the members answer invitations in the extension (here, through the API the extension calls).
let env: Awaited<ReturnType<typeof createTestDb>>;
let t: TestApp;
let maya: Client;
let ravi: Client;

async function org(args: string[]) {
  const memory = createMemoryIo({ env: { DATABASE_URL: env.url }, now: '2026-11-23T09:00:00Z' });
  const code = await runCli(['org', ...args], memory.io, commands);
  return { code, stdout: memory.stdout(), stderr: memory.stderr() };
}

beforeAll(async () => {
  env = await createTestDb();
  t = createTestApp(env.database);
  maya = await t.addUser('maya@brightlane.example');
  ravi = await t.addUser('ravi@brightlane.example');
});
afterAll(() => env.cleanup());

describe('followthrough org', () => {
  it('creates an organisation with an admin, invites colleagues, and lists them', async () => {
    const created = await org(['create', 'Brightlane', '--admin', 'Maya@Brightlane.example']);
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Created Brightlane \(id [0-9a-f-]{36}\) with maya@brightlane.example as its admin\.$/m);
    const invited = await org(['invite', 'brightlane', 'ravi@brightlane.example', '--role', 'manager', '--by', 'maya@brightlane.example']);
    expect(invited.code).toBe(0);
    expect(invited.stdout).toContain('Invited ravi@brightlane.example to Brightlane as manager.');
    expect(invited.stdout).toContain('promise, request and risk sentences stay yours');
    const newcomer = await org(['invite', 'Brightlane', 'lee@brightlane.example']);
    expect(newcomer.stdout).toContain('lee@brightlane.example has no account yet: create one with "followthrough user add lee@brightlane.example"');
    // Ravi accepts in the extension.
    const invitation = (await ravi.get('/v1/invitations')).body.invitations[0];
    expect(invitation).toMatchObject({ orgName: 'Brightlane', role: 'manager', invitedBy: { email: 'maya@brightlane.example' } });
    expect((await ravi.send('POST', `/v1/invitations/${invitation.id}/accept`)).status).toBe(200);
    const members = await org(['members', 'Brightlane']);
    expect(members.stdout).toMatch(/maya@brightlane\.example\s+admin\s+-\s+sentences private/);
    expect(members.stdout).toMatch(/ravi@brightlane\.example\s+manager/);
    expect(members.stdout).toMatch(/lee@brightlane\.example\s+member\s+invited 2026-11-23 \(no account yet\)/);
    expect((await org(['list'])).stdout).toContain('Brightlane  (id ');
    expect((await org(['list', '--user', 'ravi@brightlane.example'])).stdout).toContain('2 members, role manager');
  });

  it('changes roles and removes members; an organisation keeps an admin', async () => {
    expect((await org(['role', 'Brightlane', 'ravi@brightlane.example', 'admin'])).code).toBe(0);
    expect((await maya.get('/v1/orgs')).body.orgs[0].memberCount).toBe(2);
    expect((await org(['role', 'Brightlane', 'maya@brightlane.example', 'member'])).stdout).toContain('maya@brightlane.example is now member of Brightlane.');
    const last = await org(['role', 'Brightlane', 'ravi@brightlane.example', 'member']);
    expect(last.code).toBe(2);
    expect(last.stderr).toContain('the last admin cannot step down');
    expect((await org(['remove', 'Brightlane', 'maya@brightlane.example'])).code).toBe(0);
    expect((await maya.get('/v1/orgs')).body.orgs).toEqual([]);
  });

  it('says what is wrong with a command line, with exit code 2', async () => {
    for (const [args, message] of [
      [['create', 'X'], '--admin <email> is required'],
      [['create', 'X', '--admin', 'nobody@x.example'], 'no user with e-mail nobody@x.example'],
      [['invite', 'Nope', 'a@b.example'], 'no organisation "Nope"'],
      [['invite', 'Brightlane', 'a@b.example', '--role', 'boss'], '--role: "boss" is not member, manager or admin'],
      [['frobnicate'], 'unknown action "frobnicate"'],
      [['role', 'Brightlane', 'ravi@brightlane.example'], 'expected 3 arguments'],
    ] as const) {
      const result = await org([...args]);
      expect([args, result.code]).toEqual([args, 2]);
      expect(result.stderr).toContain(message);
    }
  });
});
