import { setPriority } from 'node:os';

/**
 * The nice value of threads doing bulk work: reading the messages of an import, a sync or a batch posted to
 * /v1/messages (read-pool.ts), where a few milliseconds more matter less than another user's request. Under
 * load the kernel then gives a core to the event loop (every user's requests) before it gives it to them; on
 * an idle machine they run as fast as before, as nice only weighs threads that compete for a core. 10 is
 * what `nice` uses by default.
 */
export const BACKGROUND_NICE = 10;

/**
 * Lowers the CPU priority of the calling thread, and only that thread. On Linux the nice value belongs to
 * each thread (setpriority(2), "a per-thread attribute" under NPTL), and setPriority(0, …) is the calling
 * thread's; elsewhere it would lower the whole process, every user's requests with it, so nothing is done.
 * Raising a nice value needs no privilege. Returns whether the thread's priority was lowered.
 */
export function lowerThisThreadsPriority(): boolean {
  if (process.platform !== 'linux') return false;
  try {
    setPriority(0, BACKGROUND_NICE);
    return true;
  } catch {
    // A sandbox that forbids it leaves the thread as it was: slower answers under load, nothing wrong.
    return false;
  }
}
