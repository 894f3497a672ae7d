import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { oidcPendingStates, signInRequests, users, type SignInMethod } from '../db/schema/index';
import { issueToken } from './users';

/**
 * Sign-in requests (contract/auth.ts): made by the extension with the SHA-256 of a secret it keeps,
 * approved on the server's page by whoever signs in there, redeemed once by the extension with the secret
 * for a new API token. The token exists only in the redeem answer and, hashed, in api_tokens.
 */
export const SIGN_IN_TTL_MS = 10 * 60_000;
export const SIGN_IN_POLL_MS = 1500;
/** Wrong pairing codes one request may take before it is refused. */
export const MAX_CODE_ATTEMPTS = 5;
/** Wrong pairing codes the whole server takes in SIGN_IN_TTL_MS before it stops checking codes for a while. */
export const MAX_CODE_ATTEMPTS_SERVER_WIDE = 200;

export type SignInRow = typeof signInRequests.$inferSelect;

const sha256 = (value: string) => createHash('sha256').update(value).digest();

/** base64url(SHA-256(verifier)): the PKCE S256 transform (RFC 7636 §4.2), so clients can reuse their PKCE code. */
export function challengeOf(verifier: string): string {
  return sha256(verifier).toString('base64url');
}

/** Four characters derived from the challenge, shown by the extension and by the page. */
export function checkCodeOf(challenge: string): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = sha256(`check:${challenge}`);
  return Array.from(bytes.subarray(0, 4), (b) => alphabet[b % alphabet.length]).join('');
}

export async function createSignInRequest(db: Db, input: { challenge: string; client: string | null; now: Date }): Promise<SignInRow> {
  const at = input.now.toISOString();
  await db.delete(signInRequests).where(lt(signInRequests.expiresAt, at));
  const row: SignInRow = {
    id: randomBytes(18).toString('base64url'),
    challenge: input.challenge,
    client: input.client,
    browserHash: null,
    status: 'pending',
    userId: null,
    method: null,
    failedAttempts: 0,
    createdAt: at,
    expiresAt: new Date(input.now.getTime() + SIGN_IN_TTL_MS).toISOString(),
  };
  await db.insert(signInRequests).values(row);
  return row;
}

/** A request still in its ten minutes, or null. */
export async function liveSignInRequest(db: Db, id: string, now: Date): Promise<SignInRow | null> {
  const row = await db.select().from(signInRequests).where(and(eq(signInRequests.id, id), gt(signInRequests.expiresAt, now.toISOString()))).get();
  return row ?? null;
}

export function hashBrowserSecret(secret: string): string {
  return sha256(secret).toString('hex');
}

/**
 * Binds the request to the browser that first opened its page (an HttpOnly cookie holds the secret): the
 * pairing-code form and the provider's callback are accepted only there (RFC 9700 §4.7.1 for the
 * callback). Returns the secret to set, or null when the request is already bound.
 */
export async function bindBrowser(db: Db, id: string): Promise<string | null> {
  const secret = randomBytes(24).toString('base64url');
  const bound = await db
    .update(signInRequests)
    .set({ browserHash: hashBrowserSecret(secret) })
    .where(and(eq(signInRequests.id, id), sql`${signInRequests.browserHash} IS NULL`))
    .returning({ id: signInRequests.id });
  return bound.length > 0 ? secret : null;
}

export function browserMatches(row: Pick<SignInRow, 'browserHash'>, secret: string | undefined): boolean {
  if (!row.browserHash || !secret) return false;
  const a = Buffer.from(row.browserHash, 'hex');
  const b = Buffer.from(hashBrowserSecret(secret), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function approveSignIn(db: Db, id: string, userId: string, method: SignInMethod): Promise<boolean> {
  const done = await db
    .update(signInRequests)
    .set({ status: 'approved', userId, method })
    .where(and(eq(signInRequests.id, id), eq(signInRequests.status, 'pending')))
    .returning({ id: signInRequests.id });
  return done.length > 0;
}

/** Counts a wrong pairing code against the request; true when the request may still take another. */
export async function countFailedCode(db: Db, id: string): Promise<boolean> {
  const rows = await db
    .update(signInRequests)
    .set({ failedAttempts: sql`${signInRequests.failedAttempts} + 1` })
    .where(eq(signInRequests.id, id))
    .returning({ n: signInRequests.failedAttempts });
  const more = (rows[0]?.n ?? MAX_CODE_ATTEMPTS) < MAX_CODE_ATTEMPTS;
  // Spent: the request ends here (the extension starts a new one), so no later code, right or wrong, counts.
  if (!more) await db.update(signInRequests).set({ status: 'refused' }).where(eq(signInRequests.id, id));
  return more;
}

/** Wrong pairing codes across the server within the last SIGN_IN_TTL_MS (requests live that long). */
export async function recentFailedCodes(db: Db, now: Date): Promise<number> {
  const row = await db
    .select({ n: sql<number>`coalesce(sum(${signInRequests.failedAttempts}), 0)` })
    .from(signInRequests)
    .where(gt(signInRequests.createdAt, new Date(now.getTime() - SIGN_IN_TTL_MS).toISOString()))
    .get();
  return Number(row?.n ?? 0);
}

export type RedeemOutcome = { status: 'pending' } | { status: 'approved'; token: string; email: string } | { status: 'gone' };

/**
 * The extension, holding the verifier, takes the token of an approved request: once. A wrong verifier, an
 * expired, unknown or already redeemed request all read as gone (nothing to tell a guesser apart).
 */
export async function redeemSignIn(db: Db, id: string, verifier: string, now: Date): Promise<RedeemOutcome> {
  const row = await liveSignInRequest(db, id, now);
  if (!row || row.status === 'redeemed' || row.status === 'refused') return { status: 'gone' };
  const expected = Buffer.from(row.challenge);
  const given = Buffer.from(challengeOf(verifier));
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { status: 'gone' };
  if (row.status === 'pending' || !row.userId) return { status: 'pending' };
  // Redeemed first (one statement, conditional on 'approved'), so two redeems cannot both get a token.
  const taken = await db
    .update(signInRequests)
    .set({ status: 'redeemed' })
    .where(and(eq(signInRequests.id, id), eq(signInRequests.status, 'approved')))
    .returning({ userId: signInRequests.userId });
  const userId = taken[0]?.userId;
  if (!userId) return { status: 'gone' };
  const user = await db.select({ email: users.email }).from(users).where(eq(users.id, userId)).get();
  if (!user) return { status: 'gone' };
  return { status: 'approved', token: await issueToken(db, user.email, now), email: user.email };
}

export async function saveOidcState(db: Db, row: typeof oidcPendingStates.$inferInsert, now: Date): Promise<void> {
  await db.delete(oidcPendingStates).where(lt(oidcPendingStates.expiresAt, now.toISOString()));
  await db.insert(oidcPendingStates).values(row);
}

/** The pending OIDC sign-in for `state`, deleted as it is read (a replayed callback finds nothing). */
export async function takeOidcState(db: Db, state: string, now: Date): Promise<typeof oidcPendingStates.$inferSelect | null> {
  const rows = await db.delete(oidcPendingStates).where(and(eq(oidcPendingStates.state, state), gt(oidcPendingStates.expiresAt, now.toISOString()))).returning();
  return rows[0] ?? null;
}

/** The user an identity provider's e-mail belongs to: their account e-mail, else one of their own addresses. */
export async function userByEmail(db: Db, email: string): Promise<string | null> {
  const direct = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (direct) return direct.id;
  const byAddress = await db.all<{ id: string }>(
    sql`SELECT u.id AS id FROM ${users} u, json_each(u.settings_json, '$.addresses') a WHERE u.settings_json IS NOT NULL AND lower(a.value) = ${email} LIMIT 2`,
  );
  return byAddress.length === 1 ? byAddress[0]!.id : null;
}
