import { describe, expect, it } from 'vitest';
import { createQuotaLimiter, type QuotaLimiter } from '../../src/sync/quota-limiter';

/**
 * A virtual clock: the limiter's sleeps and the simulated round trips are timers on it, and the driver
 * jumps from one timer to the next, so the pacing is checked exactly and without waiting.
 */
function virtualClock() {
  let now = 0;
  const timers: { at: number; resolve: () => void }[] = [];
  const sleep = (ms: number) => new Promise<void>((resolve) => timers.push({ at: now + Math.max(0, ms), resolve }));
  const settleMicrotasks = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    sleep,
    async runUntil(done: () => boolean): Promise<void> {
      for (let steps = 0; steps < 1_000_000; steps++) {
        await settleMicrotasks();
        if (done()) return;
        timers.sort((a, b) => a.at - b.at);
        const next = timers.shift();
        if (!next) throw new Error('nothing left to wait for, but the work is not done');
        now = Math.max(now, next.at);
        next.resolve();
      }
      throw new Error('the simulation did not finish');
    },
  };
}

interface Spend {
  units: number;
  grantedAt: number;
  settledAt: number;
}

/**
 * The provider counts a request once, at an unknown instant between our send and its response. The worst
 * case for any one-second window (t-1000, t] counts every spend granted at or before t that was not yet
 * answered by t-1000. That sum only grows at grant instants, so checking those instants is enough.
 */
function worstWindow(spends: Spend[]): number {
  let worst = 0;
  for (const s of spends) {
    const t = s.grantedAt;
    const inWindow = spends.filter((o) => o.grantedAt <= t && o.settledAt > t - 1000).reduce((sum, o) => sum + o.units, 0);
    worst = Math.max(worst, inWindow);
  }
  return worst;
}

function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function simulate(limiter: QuotaLimiter, clock: ReturnType<typeof virtualClock>, random: () => number, workers: number, requestsPerWorker: number) {
  const spends: Spend[] = [];
  let finished = 0;
  for (let w = 0; w < workers; w++) {
    void (async () => {
      for (let i = 0; i < requestsPerWorker; i++) {
        const roundTrip = random() < 0.1 ? 300 + random() * 700 : random() * 40;
        const cuttable = random() < 0.7;
        let units: number;
        let settle: () => void;
        if (cuttable) {
          const wanted = 5 * (1 + Math.floor(random() * 50));
          const grant = await limiter.acquireUpTo(wanted, { minUnits: 5, stepUnits: 5 });
          expect(grant.units).toBeGreaterThanOrEqual(5);
          expect(grant.units).toBeLessThanOrEqual(wanted);
          expect(grant.units % 5).toBe(0);
          ({ units, settle } = grant);
        } else {
          units = [1, 2, 5][Math.floor(random() * 3)]!;
          settle = await limiter.acquire(units);
        }
        const spend = { units, grantedAt: clock.now(), settledAt: Infinity };
        spends.push(spend);
        await clock.sleep(roundTrip);
        settle();
        spend.settledAt = clock.now();
      }
      finished++;
    })();
  }
  await clock.runUntil(() => finished === workers);
  return spends;
}

describe('quota limiter', () => {
  it('never lets more than the budget into any one-second window the provider might count, whenever each request arrived', async () => {
    for (const seed of [1, 2, 3]) {
      const clock = virtualClock();
      const limiter = createQuotaLimiter({ unitsPerSecond: 250, now: clock.now, sleep: clock.sleep });
      const spends = await simulate(limiter, clock, seededRandom(seed), 6, 60);
      expect(spends).toHaveLength(360);
      expect(worstWindow(spends)).toBeLessThanOrEqual(250 * 0.95);
    }
  });

  it('cuts a request to the room left, so the budget is used to the last step', async () => {
    const clock = virtualClock();
    const limiter = createQuotaLimiter({ unitsPerSecond: 2500, now: clock.now, sleep: clock.sleep });
    const grants: number[] = [];
    let done = false;
    void (async () => {
      // Ten requests of 250 units against a budget of 2,375: nine whole ones, then 125 units at once, not a second later.
      for (let i = 0; i < 10; i++) grants.push((await limiter.acquireUpTo(250, { minUnits: 5, stepUnits: 5 })).units);
      done = true;
    })();
    await clock.runUntil(() => done);
    expect(grants).toEqual([250, 250, 250, 250, 250, 250, 250, 250, 250, 125]);
    expect(clock.now()).toBe(0);
  });

  it('holds a spend until one second after its response, and serves waiting callers in order', async () => {
    const clock = virtualClock();
    const limiter = createQuotaLimiter({ unitsPerSecond: 100, safety: 1, now: clock.now, sleep: clock.sleep });
    const first = await limiter.acquireUpTo(100, { minUnits: 10, stepUnits: 10 });
    expect(first.units).toBe(100);
    const order: string[] = [];
    let settledAt = 0;
    void limiter.acquire(60).then(() => order.push(`big@${clock.now() - settledAt}`));
    void limiter.acquire(10).then(() => order.push(`small@${clock.now() - settledAt}`));
    void (async () => {
      await clock.sleep(400);
      settledAt = clock.now();
      first.settle();
    })();
    await clock.runUntil(() => order.length === 2);
    // Nothing before a full second after the response; the small one never jumps the big one.
    expect(order.map((o) => o.split('@')[0])).toEqual(['big', 'small']);
    expect(Number(order[0]!.split('@')[1])).toBeGreaterThanOrEqual(1000);
  });

  it('refuses what can never fit', async () => {
    const limiter = createQuotaLimiter({ unitsPerSecond: 100 });
    await expect(limiter.acquire(200)).rejects.toThrow(/never fit/);
    expect(() => limiter.acquireUpTo(5, { minUnits: 10, stepUnits: 5 })).toThrow(/minUnits <= maxUnits/);
  });
});
