import { createHash, randomInt } from 'node:crypto';
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { pairingCodes, users } from '../db/schema/index';

/**
 * One-time pairing codes (`followthrough user pair <email>`): what a user types on the server's sign-in
 * page when the server has no Google or Microsoft sign-in. Eight characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), 31^8 ≈ 2^40; valid ten minutes, used once, stored only as a hash; each
 * sign-in request allows a few wrong codes (store/sign-in.ts), so guessing is hopeless.
 */
export const PAIRING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PAIRING_CODE_LENGTH = 8;
export const PAIRING_TTL_MS = 10 * 60_000;

/** "abcd efgh", "ABCD-EFGH" -> "ABCDEFGH": what is hashed and compared. */
export function normalizePairingCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

function hashCode(code: string): string {
  return createHash('sha256').update(normalizePairingCode(code)).digest('hex');
}

/** "ABCD-EFGH": how the CLI prints a code. */
export function formatPairingCode(code: string): string {
  const c = normalizePairingCode(code);
  return `${c.slice(0, 4)}-${c.slice(4)}`;
}

export async function createPairingCode(db: Db, email: string, now: Date): Promise<{ code: string; expiresAt: string; email: string }> {
  const normalized = email.trim().toLowerCase();
  const user = await db.select({ id: users.id }).from(users).where(eq(users.email, normalized)).get();
  if (!user) throw new Error(`no user with e-mail ${email} (create one with "user add ${email}")`);
  let code = '';
  for (let i = 0; i < PAIRING_CODE_LENGTH; i++) code += PAIRING_ALPHABET[randomInt(PAIRING_ALPHABET.length)];
  const expiresAt = new Date(now.getTime() + PAIRING_TTL_MS).toISOString();
  await db.delete(pairingCodes).where(lt(pairingCodes.expiresAt, now.toISOString()));
  await db.insert(pairingCodes).values({ codeHash: hashCode(code), userId: user.id, createdAt: now.toISOString(), expiresAt });
  return { code: formatPairingCode(code), expiresAt, email: normalized };
}

/** Spends a pairing code: the user it was made for, or null when it is unknown, used or expired. */
export async function consumePairingCode(db: Db, code: string, now: Date): Promise<string | null> {
  const normalized = normalizePairingCode(code);
  if (!new RegExp(`^[${PAIRING_ALPHABET}]{${PAIRING_CODE_LENGTH}}$`).test(normalized)) return null;
  const at = now.toISOString();
  const spent = await db
    .update(pairingCodes)
    .set({ usedAt: at })
    .where(and(eq(pairingCodes.codeHash, hashCode(normalized)), isNull(pairingCodes.usedAt), gt(pairingCodes.expiresAt, at)))
    .returning({ userId: pairingCodes.userId });
  return spent[0]?.userId ?? null;
}
