import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/test-db';
import { createDb, type Database } from '../../src/db/index';
import { createUser, defaultUserSettings, issueToken, putUserSettings, revokeToken } from '../../src/store/users';
import { createTokenUsers } from '../../src/store/token-users';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function fileWithUser(email = 'ann@ours.example') {
  const env = await createTestDb();
  cleanups.push(env.cleanup);
  const { userId, token } = await createUser(env.database.db, { email, now: new Date() });
  return { env, userId, token, email };
}

/** Another process's connections to the same file: its commits are seen only through the file. */
async function anotherProcess(url: string): Promise<Database> {
  const other = await createDb(url);
  cleanups.unshift(() => other.close());
  return other;
}

describe('tokens remembered while the database file is unchanged', () => {
  it("answers from memory until anything is committed, and sees another process's settings and revocation at once", async () => {
    const { env, userId, token, email } = await fileWithUser();
    const tokens = createTokenUsers(env.database);
    expect(await tokens.find(token)).toMatchObject({ id: userId, email, settingsJson: null });
    expect(await tokens.find(token)).toMatchObject({ id: userId });
    expect(tokens.stats()).toEqual({ remembered: 1, fromMemory: 1, fromDatabase: 1 });

    const other = await anotherProcess(env.url);
    await putUserSettings(other.db, userId, defaultUserSettings(email, 'Europe/Berlin'));
    expect(JSON.parse((await tokens.find(token))!.settingsJson!)).toMatchObject({ timeZone: 'Europe/Berlin' });
    expect(tokens.stats().fromDatabase).toBe(2);

    await revokeToken(other.db, token.slice(0, 14), new Date());
    expect(await tokens.find(token)).toBeNull();
    expect(await tokens.find(token)).toBeNull();
    expect(tokens.stats()).toEqual({ remembered: 0, fromMemory: 1, fromDatabase: 4 });
  });

  it("reads again after a commit by this process's own writer", async () => {
    const { env, token } = await fileWithUser();
    const tokens = createTokenUsers(env.database);
    await tokens.find(token);
    await revokeToken(env.database.db, token.slice(0, 14), new Date());
    expect(await tokens.find(token)).toBeNull();
  });

  it('reads every time where the database offers no data version (a libSQL server)', async () => {
    const { env, userId, token } = await fileWithUser();
    const tokens = createTokenUsers({ lookups: env.database.lookups, dataVersion: null });
    for (let i = 0; i < 3; i++) expect(await tokens.find(token)).toMatchObject({ id: userId });
    expect(tokens.stats()).toEqual({ remembered: 0, fromMemory: 0, fromDatabase: 3 });
  });

  it('forgets the least recently used past its capacity, and never remembers an unknown token', async () => {
    const { env, email } = await fileWithUser();
    const first = await issueToken(env.database.db, email, new Date());
    const second = await issueToken(env.database.db, email, new Date());
    const third = await issueToken(env.database.db, email, new Date());
    const tokens = createTokenUsers(env.database, 2);
    await tokens.find(first);
    await tokens.find(second);
    await tokens.find(first);
    await tokens.find(third);
    expect(tokens.stats()).toEqual({ remembered: 2, fromMemory: 1, fromDatabase: 3 });
    // `second` was the least recently used: it is read again, `first` is not.
    await tokens.find(first);
    await tokens.find(second);
    expect(tokens.stats()).toEqual({ remembered: 2, fromMemory: 2, fromDatabase: 4 });
    expect(await tokens.find('ft_made-up')).toBeNull();
    expect(await tokens.find('ft_made-up')).toBeNull();
    expect(tokens.stats()).toEqual({ remembered: 2, fromMemory: 2, fromDatabase: 6 });
  });
});
