import { createHash, randomBytes } from 'node:crypto';

/** PKCE (RFC 7636) with S256, and the `state` that ties a callback to the request that started it. */
export interface PkcePair {
  verifier: string;
  challenge: string;
}

export function createPkcePair(): PkcePair {
  // 32 random bytes -> 43 base64url characters, the minimum length RFC 7636 §4.1 allows, and plenty.
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function createOAuthState(): string {
  return randomBytes(24).toString('base64url');
}
