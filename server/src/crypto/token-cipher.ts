import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM envelope for provider refresh tokens at rest.
 *
 * Format: `ftk1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts). `keyId` is a short fingerprint of the
 * key (not the key), so decryption picks the right key directly and rotation can tell which entries
 * still sit under an old key. The account id is bound as additional authenticated data, so a ciphertext
 * copied onto another account's row fails to decrypt instead of silently granting access.
 */
export interface TokenCipher {
  encrypt(plaintext: string, context: string): string;
  /** Returns the plaintext and whether it was written under an old key (then re-encrypt and store). */
  decrypt(envelope: string, context: string): { plaintext: string; stale: boolean };
  readonly currentKeyId: string;
}

export class EncryptionKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EncryptionKeyError';
  }
}

const prefix = 'ftk1';

function parseKey(base64: string, variable: string, position?: number): Buffer {
  const where = position === undefined ? variable : `${variable} entry ${position + 1}`;
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) {
    throw new EncryptionKeyError(
      `${where} must be 32 random bytes in base64 (e.g. \`openssl rand -base64 32\`); it decodes to ${key.length} bytes`,
    );
  }
  return key;
}

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('followthrough-token-key').update(key).digest('base64url').slice(0, 8);
}

export const missingKeyMessage =
  'FT_ENCRYPTION_KEY is not set: refusing to store provider tokens unencrypted. ' +
  'Set it to 32 random bytes in base64 (e.g. `openssl rand -base64 32`) and restart.';

/**
 * Builds the cipher from FT_ENCRYPTION_KEY and FT_ENCRYPTION_KEYS_OLD (comma-separated). Returns null when
 * no key is configured: callers that need to store a token then throw EncryptionKeyError(missingKeyMessage).
 */
export function createTokenCipherFromEnv(env: Record<string, string | undefined> = process.env): TokenCipher | null {
  const current = env.FT_ENCRYPTION_KEY;
  if (current === undefined || current.trim() === '') return null;
  const old = (env.FT_ENCRYPTION_KEYS_OLD ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return createTokenCipher(
    parseKey(current, 'FT_ENCRYPTION_KEY'),
    old.map((k, i) => parseKey(k, 'FT_ENCRYPTION_KEYS_OLD', i)),
  );
}

/** Like createTokenCipherFromEnv, but a missing key is an error with the message users need. */
export function requireTokenCipher(cipher: TokenCipher | null): TokenCipher {
  if (!cipher) throw new EncryptionKeyError(missingKeyMessage);
  return cipher;
}

export function createTokenCipher(currentKey: Buffer, oldKeys: Buffer[] = []): TokenCipher {
  if (currentKey.length !== 32) throw new EncryptionKeyError('the current token key must be 32 bytes');
  const currentKeyId = keyIdOf(currentKey);
  const keys = new Map<string, Buffer>([[currentKeyId, currentKey]]);
  for (const key of oldKeys) if (!keys.has(keyIdOf(key))) keys.set(keyIdOf(key), key);

  return {
    currentKeyId,
    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', currentKey, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [prefix, currentKeyId, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join(
        '.',
      );
    },
    decrypt(envelope, context) {
      const parts = envelope.split('.');
      if (parts.length !== 5 || parts[0] !== prefix) {
        throw new EncryptionKeyError('stored token is not an ftk1 envelope (was it written without encryption?)');
      }
      const [, keyId, ivPart, dataPart, tagPart] = parts as [string, string, string, string, string];
      const key = keys.get(keyId);
      if (!key) {
        throw new EncryptionKeyError(
          `stored token was encrypted under key ${keyId}, which is neither FT_ENCRYPTION_KEY nor in FT_ENCRYPTION_KEYS_OLD`,
        );
      }
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivPart, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tagPart, 'base64url'));
      let plaintext: string;
      try {
        plaintext = Buffer.concat([decipher.update(Buffer.from(dataPart, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new EncryptionKeyError(`stored token under key ${keyId} failed authentication (tampered, or bound to another account)`);
      }
      return { plaintext, stale: keyId !== currentKeyId };
    },
  };
}
