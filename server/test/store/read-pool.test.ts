import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import type { NormalizedMessageInput } from '@followthrough/shared';
import { realSizeMailbox } from '../../bench/real-size-mailbox';
import { BACKGROUND_NICE } from '../../src/background-priority';
import { createReadPool, POOL_MIN_BATCH } from '../../src/store/read-pool';
import { readMany } from '../../src/store/message-reader';

// Reader threads (read-pool.ts) give what reading each message alone in the process gives, message for message, bad
// ones included, and fall back to the process when a thread cannot do it.

const ME = 'maya@brightlane.example';
const settings = {
  me: [ME],
  timeZone: 'Europe/Berlin',
  workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] },
  internalDomains: [],
  responseTargetBusinessMinutes: 240,
  defaultPromiseWorkingDays: 2,
  initiationTarget: 0.8,
};

const good = [...realSizeMailbox({ messages: 400, keyClientMessages: 120, keyClientThreads: 20, smallClients: 5, endMs: Date.parse('2026-11-28T12:00:00Z'), me: { name: 'Maya Chen', address: ME } })];
// Bad ones among them: a date that is not one, a field too long, a message that is not an object.
const batch: NormalizedMessageInput[] = [...good];
batch.splice(3, 0, { ...good[0]!, id: '<bad-date@x.example>', date: 'yesterday' });
batch.splice(150, 0, { ...good[1]!, id: '<long@x.example>', from: `${'n'.repeat(3000)} <a@x.example>` });
batch.splice(301, 0, 'not a message' as unknown as NormalizedMessageInput);

// The reference: each message read alone, as a batch of one (a batch reads one family of rules at a time over its
// messages, so a message read with others must come out as it does alone).
const readAlone = (m: NormalizedMessageInput, index: number) => readMany([m], index, settings, true)[0]!;

const pool = createReadPool({ size: 2 });
afterAll(() => pool.close());

describe('the read pool', () => {
  it('reads a batch on threads exactly as the process does, rejections with where they are', async () => {
    const inProcess = batch.map((m, i) => readAlone(m, i + 1000));
    const onThreads = await pool.read(batch, 1000, settings, true);
    expect(onThreads).toEqual(inProcess);
    expect(pool.stats()).toEqual({ threads: 2, readOnThreads: batch.length });
    const rejected = onThreads.filter((o) => o.kind === 'rejected');
    expect(rejected.map((o) => o.index)).toEqual([1003, 1150, 1301]);
    expect(rejected.map((o) => (o.kind === 'rejected' ? o.rejection.reason.split(':')[0] : ''))).toEqual(['messages.1003.date', 'messages.1150.from', 'messages.1301']);
    expect(onThreads.filter((o) => o.kind === 'read').length).toBe(good.length);
  });

  it('reads small batches in the process, and everything in the process once a thread has failed', async () => {
    const small = batch.slice(0, POOL_MIN_BATCH - 1);
    const before = pool.stats().readOnThreads;
    expect(await pool.read(small, 0, settings, true)).toEqual(small.map((m, i) => readAlone(m, i)));
    expect(pool.stats().readOnThreads).toBe(before);

    // A reader thread that dies at start.
    const failing = createReadPool({ size: 1, workerUrl: new URL('../fixtures/broken-reader.mjs', import.meta.url) });
    const outcomes = await failing.read(batch, 0, settings, true);
    expect(outcomes).toEqual(batch.map((m, i) => readAlone(m, i)));
    expect(failing.stats()).toEqual({ threads: 0, readOnThreads: 0 });
    // And it stays in the process, without starting threads again.
    await failing.read(batch, 0, settings, true);
    expect(failing.stats()).toEqual({ threads: 0, readOnThreads: 0 });
    await failing.close();
  });

  // Linux keeps a nice value per thread (the 19th field of /proc/<pid>/task/<tid>/stat); elsewhere the pool
  // leaves priorities alone, as lowering one would lower the whole process.
  it.runIf(process.platform === 'linux')('reads at background priority on its own threads only', async () => {
    const niceOfThreads = () =>
      new Map(
        readdirSync('/proc/self/task').map((tid) => {
          const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
          return [tid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])] as const;
        }),
      );
    const before = niceOfThreads();
    const background = createReadPool({ size: 1 });
    try {
      expect(await background.read(batch, 0, settings, true)).toEqual(batch.map((m, i) => readAlone(m, i)));
      const started = [...niceOfThreads()].filter(([tid]) => !before.has(tid));
      // The reader thread (the one a worker adds that does the reading) is niced; the threads that were there are not.
      expect(started.filter(([, nice]) => nice === BACKGROUND_NICE)).toHaveLength(1);
      for (const [tid, nice] of niceOfThreads()) if (before.has(tid)) expect(nice).toBe(before.get(tid));
      expect(getPriority(0)).toBe(before.get(String(process.pid)) ?? 0);
    } finally {
      await background.close();
    }
  });
});
