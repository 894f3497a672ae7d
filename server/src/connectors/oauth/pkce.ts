import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

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

/**
 * The `state` of one authorization request, bound to the browser that starts it (RFC 9700 §4.7.1: CSRF
 * protection tied to the user agent). `browserSecret` goes into an HttpOnly cookie on the answer that starts
 * the flow; `state`, its SHA-256, goes to the provider in the consent URL. At the callback the cookie must
 * hash to the state: a consent link forwarded to someone else arrives in a browser without the cookie, and
 * cannot attach that person's mailbox to the account that started it. Nothing extra is stored server-side.
 */
export function createOAuthState(): { state: string; browserSecret: string } {
  const browserSecret = randomBytes(32).toString('base64url');
  return { browserSecret, state: stateOf(browserSecret) };
}

export function stateOf(browserSecret: string): string {
  return createHash('sha256').update(browserSecret).digest('base64url');
}

/** Constant-time: does this cookie value belong to this state? */
export function browserMatchesState(browserSecret: string | undefined, state: string): boolean {
  if (!browserSecret || browserSecret.length > 100) return false;
  const expected = Buffer.from(state);
  const actual = Buffer.from(stateOf(browserSecret));
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** One cookie per flow in progress (two tabs may connect two mailboxes), named after the start of its state. */
export function bindingCookieName(state: string): string {
  return `ft_oauth_${state.slice(0, 16).replace(/[^A-Za-z0-9]/g, '')}`;
}
