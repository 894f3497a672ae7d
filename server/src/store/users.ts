import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { userSettingsSchema, type UserSettings } from '@followthrough/shared/contract';
import { analysisSettingsSchema, type AnalysisSettings } from '@followthrough/shared';
import type { Client } from '@libsql/client';
import type { Db } from '../db/client';
import type { ReadExecutor } from '../db/cached-reader';
import { apiTokens, users } from '../db/schema/index';

/** Characters of a token shown by `user revoke` listings; not enough to guess the rest (32 chars, 192 bits). */
export const TOKEN_PREFIX_LENGTH = 11;

export interface AuthUser {
  id: string;
  email: string;
  tokenId: string;
  /** The stored settings as read with the token (one query per request for both). */
  settingsJson: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `ft_` + 24 random bytes, base64url: the prefix tells a leaked-secret scanner what it is. */
export function generateToken(): string {
  return `ft_${randomBytes(24).toString('base64url')}`;
}

function normalizeEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) throw new Error(`not an e-mail address: "${email}"`);
  return trimmed;
}

export async function createUser(db: Db, input: { email: string; name?: string; now: Date }): Promise<{ userId: string; token: string }> {
  const email = normalizeEmail(input.email);
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
  if (existing) throw new Error(`a user with e-mail ${email} already exists (use "user token ${email}" for another token)`);
  const userId = randomUUID();
  await db.insert(users).values({ id: userId, email, name: input.name ?? null, settingsJson: null, createdAt: input.now.toISOString() });
  const token = await issueTokenFor(db, userId, input.now);
  return { userId, token };
}

async function issueTokenFor(db: Db, userId: string, now: Date): Promise<string> {
  const token = generateToken();
  await db.insert(apiTokens).values({
    id: randomUUID(),
    userId,
    prefix: token.slice(0, TOKEN_PREFIX_LENGTH),
    hash: hashToken(token),
    createdAt: now.toISOString(),
    revokedAt: null,
  });
  return token;
}

export async function issueToken(db: Db, email: string, now: Date): Promise<string> {
  const user = await db.select({ id: users.id }).from(users).where(eq(users.email, normalizeEmail(email))).get();
  if (!user) throw new Error(`no user with e-mail ${email} (create one with "user add ${email}")`);
  return issueTokenFor(db, user.id, now);
}

/** Revokes the one live token starting with `prefix` (at least 6 characters, so a typo cannot revoke many). */
export async function revokeToken(db: Db, prefix: string, now: Date): Promise<{ email: string; prefix: string }> {
  if (prefix.length < 6) throw new Error('token prefix: give at least 6 characters (e.g. ft_AbCdEfGh)');
  // Only the first TOKEN_PREFIX_LENGTH characters are stored; a longer argument is compared on those.
  const wanted = prefix.slice(0, TOKEN_PREFIX_LENGTH);
  const live = await db
    .select({ id: apiTokens.id, prefix: apiTokens.prefix, email: users.email })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(sql`substr(${apiTokens.prefix}, 1, ${wanted.length})`, wanted), isNull(apiTokens.revokedAt)))
    .all();
  if (live.length === 0) throw new Error(`no live token starts with "${prefix}"`);
  if (live.length > 1) throw new Error(`${live.length} tokens start with "${prefix}": give more characters`);
  const match = live[0]!;
  await db.update(apiTokens).set({ revokedAt: now.toISOString() }).where(eq(apiTokens.id, match.id));
  return { email: match.email, prefix: match.prefix };
}

/**
 * Runs on every API request not answered from memory (token-users.ts), so it is plain SQL on the read
 * connection: drizzle's query building and row mapping cost about as much as SQLite's own work for this
 * one-row indexed lookup, and the writer may be inside another request's transaction (a request must not
 * wait for someone else's import to sign in). Takes the token's hash (hashToken), as api_tokens holds it.
 */
export async function findUserByTokenHash(client: Pick<Client, 'execute'> | ReadExecutor, tokenHash: string): Promise<AuthUser | null> {
  const result = await client.execute({
    sql: `SELECT u.id, u.email, t.id AS token_id, u.settings_json
          FROM api_tokens t JOIN users u ON u.id = t.user_id
          WHERE t.hash = ? AND t.revoked_at IS NULL LIMIT 1`,
    args: [tokenHash],
  });
  const row = result.rows[0];
  if (!row) return null;
  return {
    id: String(row.id),
    email: String(row.email),
    tokenId: String(row.token_id),
    settingsJson: row.settings_json === null ? null : String(row.settings_json),
  };
}

export function defaultUserSettings(email: string, timeZone = 'UTC'): UserSettings {
  return userSettingsSchema.parse({ addresses: [email], timeZone, workingHours: {} });
}

export async function getUserSettings(db: Db, userId: string): Promise<{ settings: UserSettings; stored: boolean }> {
  const row = await db.select({ email: users.email, settingsJson: users.settingsJson }).from(users).where(eq(users.id, userId)).get();
  if (!row) throw new Error(`user ${userId} vanished`);
  if (!row.settingsJson) return { settings: defaultUserSettings(row.email), stored: false };
  return { settings: userSettingsSchema.parse(JSON.parse(row.settingsJson)), stored: true };
}

export async function putUserSettings(db: Db, userId: string, settings: UserSettings): Promise<void> {
  await db.update(users).set({ settingsJson: JSON.stringify(settings) }).where(eq(users.id, userId));
}

const parsedSettings = new Map<string, { settings: UserSettings; analysis: AnalysisSettings }>();
let parsedSettingsChars = 0;
/**
 * The memo holds at most this many characters of settings JSON (its keys; the parsed values are about as
 * large). Settings are bounded by the contract (50 addresses, 200 internal domains), so one entry is tens of
 * kilobytes at worst; the budget keeps a server that sees many users' settings, or one user who changes them
 * in a loop, at a few megabytes, oldest entries leaving first.
 */
const SETTINGS_MEMO_CHARS = 4 * 1024 * 1024;

/**
 * The caller's settings, in both vocabularies. Parsing is memoised by the stored JSON itself (a pure
 * function of it, so no state that could go stale between processes); the memo is bounded by size.
 */
export function settingsOfUser(user: Pick<AuthUser, 'email' | 'settingsJson'>): { settings: UserSettings; analysis: AnalysisSettings } {
  const key = user.settingsJson ?? `default:${user.email}`;
  const known = parsedSettings.get(key);
  if (known) {
    // Most recently used last: Map keeps insertion order, so the first key is the one to evict.
    parsedSettings.delete(key);
    parsedSettings.set(key, known);
    return known;
  }
  const settings = user.settingsJson ? userSettingsSchema.parse(JSON.parse(user.settingsJson)) : defaultUserSettings(user.email);
  const entry = { settings, analysis: toAnalysisSettings(settings) };
  if (key.length <= SETTINGS_MEMO_CHARS / 16) {
    parsedSettings.set(key, entry);
    parsedSettingsChars += key.length;
    for (const oldest of parsedSettings.keys()) {
      if (parsedSettingsChars <= SETTINGS_MEMO_CHARS) break;
      parsedSettings.delete(oldest);
      parsedSettingsChars -= oldest.length;
    }
  }
  return entry;
}

/** Entries and characters the settings memo holds now (for the test that holds it to its budget). */
export function settingsMemoSize(): { entries: number; chars: number } {
  return { entries: parsedSettings.size, chars: parsedSettingsChars };
}

/** The engine's settings from the user's: the one place the two vocabularies meet. */
export function toAnalysisSettings(settings: UserSettings): AnalysisSettings {
  return analysisSettingsSchema.parse({
    me: settings.addresses,
    timeZone: settings.timeZone,
    workingHours: settings.workingHours,
    internalDomains: settings.internalDomains,
    responseTargetBusinessMinutes: settings.responseTargetBusinessMinutes,
    defaultCadenceDays: settings.defaultCadenceDays ?? undefined,
    initiationTarget: settings.initiationTargetPercent / 100,
  });
}
