import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../support/test-db';

// The read connection runs statements synchronously; taken in turns, many requests' statements leave
// room for I/O and timers in between instead of running as one unbroken chain (db/turns.ts).

let env: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  env = await createTestDb();
});
afterAll(() => env.cleanup());

describe.each(['reader', 'client'] as const)('the %s connection takes statements in turns', (which) => {
  const connection = () => (which === 'reader' ? env.database.reader : env.database.client);

  it('lets work queued before a burst of statements run before the first of them', async () => {
    const events: string[] = [];
    setImmediate(() => events.push('other work'));
    await Promise.all(Array.from({ length: 20 }, (_, i) => connection().execute({ sql: 'SELECT ? AS i', args: [i] }).then(() => events.push(`statement ${i}`))));
    expect(events[0]).toBe('other work');
    const inArrivalOrder = Array.from({ length: 20 }, (_, i) => `statement ${i}`);
    // The writer's client answers in arrival order. So does each reader thread; a burst that takes the first one
    // long enough to send (a slow machine) has its last statements answered by the second, alongside.
    if (which === 'client') expect(events.slice(1)).toEqual(inArrivalOrder);
    else expect([...events.slice(1)].sort((a, b) => Number(a.split(' ')[1]) - Number(b.split(' ')[1]))).toEqual(inArrivalOrder);
  });

  it('gives the next caller its turn when a statement fails', async () => {
    const failing = connection().execute('SELECT * FROM no_such_table');
    const next = connection().execute('SELECT 1 AS one');
    await expect(failing).rejects.toThrow(/no_such_table/);
    expect(Number((await next).rows[0]!.one)).toBe(1);
  });
});
