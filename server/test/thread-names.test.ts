import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { realSizeMailbox } from '../bench/real-size-mailbox';
import { createDb, migrate } from '../src/db/index';
import { createReadPool, POOL_MIN_BATCH } from '../src/store/read-pool';
import { nameThisThread, THREAD_NAMES } from '../src/thread-name.mjs';

// The server's own threads carry names the operating system shows (top -H, ps -L, /proc/<pid>/task/*/comm): the
// real-size bench reports its CPU by them, and an operator tells the database writer from the read pool by them.

/** The names of this process's threads, one entry a thread. */
function threadNames(): string[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      return [readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim()];
    } catch {
      return [];
    }
  });
}

const ME = 'maya@brightlane.example';
const dir = mkdtempSync(join(tmpdir(), 'ft-thread-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.runIf(process.platform === 'linux')('thread names', () => {
  it('names the database writer, reader and checkpointer threads and the read pool', async () => {
    const database = await createDb(`file:${join(dir, 'names.db')}`, undefined, { checkpointInBackground: true });
    const pool = createReadPool({ size: 1 });
    try {
      await migrate(database);
      // The reader thread and the read pool start on first use.
      await database.reader.execute({ sql: 'SELECT 1', args: [] });
      const messages = [...realSizeMailbox({ messages: POOL_MIN_BATCH, keyClientMessages: 20, keyClientThreads: 4, smallClients: 2, endMs: Date.parse('2026-11-28T12:00:00Z'), me: { name: 'Maya Chen', address: ME } })];
      const settings = { me: [ME], timeZone: 'UTC', workingHours: { start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] }, internalDomains: [], responseTargetBusinessMinutes: 240, defaultPromiseWorkingDays: 2, initiationTarget: 0.8 };
      await pool.read(messages, 0, settings, true);
      expect(pool.stats().readOnThreads).toBe(messages.length);
      // The checkpointer starts in the background (checkpointer.ts): its name comes once its thread runs.
      await vi.waitFor(() => {
        const names = threadNames();
        for (const name of Object.values(THREAD_NAMES)) expect(names, `a thread named ${name}`).toContain(name);
      }, { timeout: 5000 });
    } finally {
      await pool.close();
      database.close();
      await database.whenClosed();
    }
  });

  it('refuses a name longer than Linux keeps, rather than have it cut', () => {
    expect(() => nameThisThread('ft-a-name-too-long')).toThrow(RangeError);
  });
});
