/**
 * Per-user quota pacing for Gmail: at most `unitsPerSecond` units in any sliding one-second window
 * (Gmail: 250 units/user/s; messages.get 5, messages.list 5, history.list 2, getProfile 1 —
 * https://developers.google.com/workspace/gmail/api/reference/quota).
 *
 * A sliding-window log rather than a token bucket: a bucket that starts full lets twice the rate through
 * in the first second, which a provider counting per second would answer with 429s. `safety` keeps a
 * margin below the provider's limit, because the provider measures arrival times, not our send times.
 */
export interface QuotaLimiter {
  /** Resolves when `units` may be spent now (and records them as spent). */
  acquire(units: number): Promise<void>;
  readonly unitsPerSecond: number;
}

export interface QuotaLimiterOptions {
  unitsPerSecond: number;
  /** Fraction of the limit we allow ourselves (default 0.9). */
  safety?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const gmailQuotaUnits = {
  'messages.get': 5,
  'messages.list': 5,
  'history.list': 2,
  getProfile: 1,
} as const;

export function createQuotaLimiter(options: QuotaLimiterOptions): QuotaLimiter {
  const budget = options.unitsPerSecond * (options.safety ?? 0.9);
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const spent: { at: number; units: number }[] = [];
  let inWindow = 0;
  // Callers are served strictly in order, so a big request cannot be starved by small ones.
  let queue: Promise<void> = Promise.resolve();

  const expire = (t: number): void => {
    while (spent.length > 0 && spent[0]!.at <= t - 1000) inWindow -= spent.shift()!.units;
  };

  const take = async (units: number): Promise<void> => {
    if (units > budget) throw new Error(`a request of ${units} units can never fit a budget of ${budget} units/s`);
    for (;;) {
      const t = now();
      expire(t);
      if (inWindow + units <= budget) {
        spent.push({ at: t, units });
        inWindow += units;
        return;
      }
      // Wait until enough of the oldest spending leaves the window.
      let freed = 0;
      let until = t;
      for (const entry of spent) {
        freed += entry.units;
        until = entry.at + 1000;
        if (inWindow - freed + units <= budget) break;
      }
      await sleep(Math.max(1, until - t + 0.5));
    }
  };

  return {
    unitsPerSecond: options.unitsPerSecond,
    acquire(units) {
      const turn = queue.then(() => take(units));
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
