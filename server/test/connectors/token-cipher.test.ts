import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenCipher, createTokenCipherFromEnv, EncryptionKeyError } from '../../src/crypto/token-cipher';
import { getAccount, readRefreshToken, reencryptAllTokens, upsertAccount } from '../../src/sync/account-store';
import { startSyncHarness, type SyncHarness } from '../sync/sync-harness';

const refreshToken = '1//0gQxR3fr35hT0k3n-for-dana-at-northwind';

describe('refresh tokens at rest (AES-256-GCM envelope)', () => {
  it('round-trips, never shows the token, and is bound to its account', () => {
    const cipher = createTokenCipher(randomBytes(32));
    const sealed = cipher.encrypt(refreshToken, 'account-1');
    expect(sealed).not.toContain(refreshToken);
    expect(sealed.startsWith(`ftk1.${cipher.currentKeyId}.`)).toBe(true);
    expect(cipher.decrypt(sealed, 'account-1')).toEqual({ plaintext: refreshToken, stale: false });
    // The same ciphertext pasted onto another account's row does not decrypt.
    expect(() => cipher.decrypt(sealed, 'account-2')).toThrow(/failed authentication/);
    // Two encryptions of the same token differ (random IV).
    expect(cipher.encrypt(refreshToken, 'account-1')).not.toBe(sealed);
  });

  it('explains a missing or malformed key', () => {
    expect(createTokenCipherFromEnv({})).toBeNull();
    expect(() => createTokenCipherFromEnv({ FT_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/FT_ENCRYPTION_KEY must be 32 random bytes in base64.*16 bytes/);
    expect(() => createTokenCipherFromEnv({ FT_ENCRYPTION_KEY: randomBytes(32).toString('base64'), FT_ENCRYPTION_KEYS_OLD: 'short' })).toThrow(/FT_ENCRYPTION_KEYS_OLD entry 1/);
  });

  describe('key rotation in the database', () => {
    let h: SyncHarness;
    beforeAll(async () => {
      h = await startSyncHarness('dana@northwind-consulting.com');
    });
    afterAll(() => h.close());

    it('decrypts entries under an old key and re-encrypts them under the current one', async () => {
      const oldKey = randomBytes(32);
      const newKey = randomBytes(32);
      const before = createTokenCipherFromEnv({ FT_ENCRYPTION_KEY: oldKey.toString('base64') })!;
      const a = await upsertAccount(h.database, before, { userId: h.userId, provider: 'google', email: 'dana@northwind-consulting.com', access: 'metadata', refreshToken, now: new Date() });
      const b = await upsertAccount(h.database, before, { userId: h.userId, provider: 'microsoft', email: 'dana@northwind-consulting.com', access: 'metadata', refreshToken: `${refreshToken}-ms`, now: new Date() });

      const after = createTokenCipherFromEnv({ FT_ENCRYPTION_KEY: newKey.toString('base64'), FT_ENCRYPTION_KEYS_OLD: `${randomBytes(32).toString('base64')}, ${oldKey.toString('base64')}` })!;
      // Reading one account re-encrypts it on the way.
      expect(await readRefreshToken(h.database, after, (await getAccount(h.database, a.id))!)).toBe(refreshToken);
      expect((await getAccount(h.database, a.id))!.refreshTokenEnc.split('.')[1]).toBe(after.currentKeyId);
      // The sweep rewrites the rest, once.
      expect(await reencryptAllTokens(h.database, after)).toBe(1);
      expect(await reencryptAllTokens(h.database, after)).toBe(0);

      // Without the old key in the list, nothing is lost: everything is under the new key now.
      const newOnly = createTokenCipher(newKey);
      expect(await readRefreshToken(h.database, newOnly, (await getAccount(h.database, b.id))!)).toBe(`${refreshToken}-ms`);
      // And the old key alone no longer opens anything.
      const rotated = (await getAccount(h.database, b.id))!.refreshTokenEnc;
      expect(() => before.decrypt(rotated, b.id)).toThrow(EncryptionKeyError);
    });

    it('refuses to store a provider token without a key', async () => {
      await expect(
        upsertAccount(h.database, null, { userId: h.userId, provider: 'google', email: 'x@northwind-consulting.com', access: 'metadata', refreshToken, now: new Date() }),
      ).rejects.toThrow(/FT_ENCRYPTION_KEY is not set: refusing to store provider tokens unencrypted/);
    });
  });
});
