/**
 * Per-user quota pacing for Gmail: at most `unitsPerSecond` units in any sliding one-second window
 * (Gmail: 250 units/user/s; messages.get 5, messages.list 5, history.list 2, getProfile 1 —
 * https://developers.google.com/workspace/gmail/api/reference/quota).
 *
 * A sliding-window log rather than a token bucket: a bucket that starts full lets twice the rate through
 * in the first second, which a provider counting per second answers with 429s. And the provider counts a
 * request when it *arrives*, which is some unknown time after we sent it; so a spend stays in our window
 * until one second after its response came back (`settle`), which is never earlier than the provider
 * forgets it. Requests still in flight count as "now". `safety` keeps a small margin on top.
 */
export interface QuotaLimiter {
  /** Resolves when `units` may be spent now; call the returned function when the response has arrived. */
  acquire(units: number): Promise<() => void>;
  /**
   * Resolves as soon as `minUnits` fit, granting as many units as fit then (in steps of `stepUnits` above
   * the minimum), at most `maxUnits`. For work that can be cut to fit, such as a batch of gets: fixed-size
   * requests leave the remainder of the budget that no whole request fits unused, which at 250-unit batches
   * and a 2,375-unit budget is a tenth of the quota.
   */
  acquireUpTo(maxUnits: number, options: { minUnits: number; stepUnits: number }): Promise<QuotaGrant>;
  readonly unitsPerSecond: number;
}

export interface QuotaGrant {
  units: number;
  /** Call when the response has arrived. */
  settle: () => void;
}

export interface QuotaLimiterOptions {
  unitsPerSecond: number;
  /** Fraction of the limit we allow ourselves (default 0.95). */
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

interface Spend {
  units: number;
  /** When the response arrived; undefined while in flight. */
  settledAt?: number;
}

export function createQuotaLimiter(options: QuotaLimiterOptions): QuotaLimiter {
  const budget = options.unitsPerSecond * (options.safety ?? 0.95);
  const now = options.now ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let spends: Spend[] = [];
  // Callers are served strictly in order, so a big request cannot be starved by small ones.
  let queue: Promise<unknown> = Promise.resolve();
  let wake: (() => void) | null = null;

  const used = (t: number): number => {
    spends = spends.filter((s) => s.settledAt === undefined || s.settledAt > t - 1000);
    return spends.reduce((sum, s) => sum + s.units, 0);
  };

  const take = async (minUnits: number, maxUnits: number, stepUnits: number): Promise<QuotaGrant> => {
    if (minUnits > budget) throw new Error(`a request of ${minUnits} units can never fit a budget of ${budget} units/s`);
    for (;;) {
      const t = now();
      const free = budget - used(t);
      if (free >= minUnits) {
        const units = Math.min(maxUnits, minUnits + Math.floor((free - minUnits) / stepUnits) * stepUnits);
        const spend: Spend = { units };
        spends.push(spend);
        return {
          units,
          settle: () => {
            spend.settledAt ??= now();
            wake?.();
          },
        };
      }
      // Sleep until the oldest settled spend leaves the window, or until an in-flight one settles.
      const settled = spends.filter((s) => s.settledAt !== undefined).map((s) => s.settledAt! + 1000 - t);
      const delay = settled.length > 0 ? Math.max(1, Math.min(...settled) + 0.5) : 1000;
      await new Promise<void>((resolve) => {
        wake = resolve;
        void sleep(delay).then(resolve);
      });
      wake = null;
    }
  };

  const enqueue = (minUnits: number, maxUnits: number, stepUnits: number): Promise<QuotaGrant> => {
    const turn = queue.then(() => take(minUnits, maxUnits, stepUnits));
    queue = turn.catch(() => undefined);
    return turn;
  };

  return {
    unitsPerSecond: options.unitsPerSecond,
    async acquire(units) {
      return (await enqueue(units, units, 1)).settle;
    },
    acquireUpTo(maxUnits, { minUnits, stepUnits }) {
      if (!(stepUnits > 0) || !(minUnits > 0) || maxUnits < minUnits) {
        throw new Error(`acquireUpTo needs 0 < minUnits <= maxUnits and stepUnits > 0 (got ${minUnits}, ${maxUnits}, ${stepUnits})`);
      }
      return enqueue(minUnits, maxUnits, stepUnits);
    },
  };
}
