import type { Database } from '../db/client';
import { findUserByTokenHash, hashToken, type AuthUser } from './users';

/** Tokens a process remembers at most, the least recently used forgotten first: far more than one server's users. */
const REMEMBERED_TOKENS = 1024;

export interface TokenUsers {
  /** The user a token names, or null for a token that is unknown or revoked. */
  find(token: string): Promise<AuthUser | null>;
  /** Tokens remembered now, and lookups answered from memory and from the database (tests, diagnostics). */
  stats(): { remembered: number; fromMemory: number; fromDatabase: number };
}

/**
 * Who a token names, remembered for as long as the database file has not changed.
 *
 * Every request starts with this lookup, and read each time it takes a turn on the event loop's lookup connection
 * (db/turns.ts: one statement per turn, in arrival order). Under one user's 50 connections on the real-size bench,
 * another user's GET /v1/me queued behind all of their lookups: its longest wait was 116-278 ms, and 40-54 ms with
 * this memory (three alternated runs). The CPU it saves is small: 0.047 ms a lookup read, 0.020 answered from memory,
 * most of that the check below (see server/docs/api-server.md). What was
 * read stays true while the file's data version (`Database.dataVersion`) stays: any commit anywhere moves it, a
 * revoked token, changed settings or any other write, from this process or another, and the next request reads
 * again. So a token revoked by the CLI or by another API process is refused on the very next request, exactly as
 * without the memory. A libSQL server offers no such counter, so there every request reads.
 *
 * Kept by the token's hash (as api_tokens holds it), not by the token itself. Unknown tokens are not
 * remembered: they cost the sender rate limit (auth.ts), and remembering them would let a flood of made-up
 * tokens push out the real ones.
 */
export function createTokenUsers(database: Pick<Database, 'lookups' | 'dataVersion'>, capacity = REMEMBERED_TOKENS): TokenUsers {
  const remembered = new Map<string, { user: AuthUser; dataVersion: number }>();
  let fromMemory = 0;
  let fromDatabase = 0;

  return {
    async find(token) {
      const tokenHash = hashToken(token);
      // Asked before the lookup: a commit landing in between leaves the entry older than the file, so it is read again next time.
      const dataVersion = database.dataVersion?.() ?? null;
      const known = remembered.get(tokenHash);
      if (known && dataVersion !== null && known.dataVersion === dataVersion) {
        // Most recently used last, so the first key is the one to forget.
        remembered.delete(tokenHash);
        remembered.set(tokenHash, known);
        fromMemory++;
        return known.user;
      }
      fromDatabase++;
      const user = await findUserByTokenHash(database.lookups, tokenHash);
      remembered.delete(tokenHash);
      if (user && dataVersion !== null) {
        if (remembered.size >= capacity) remembered.delete(remembered.keys().next().value!);
        remembered.set(tokenHash, { user, dataVersion });
      }
      return user;
    },
    stats: () => ({ remembered: remembered.size, fromMemory, fromDatabase }),
  };
}
