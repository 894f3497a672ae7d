// Loaded into the API server by the real-size bench (node --import): samples how late the event loop is
// (perf_hooks.monitorEventLoopDelay), and every 250 ms appends to the file named by
// FOLLOWTHROUGH_LOOP_PROBE_FILE a line: the time, the worst delay of that window, the process id (several API
// processes may share the file), and the worst hold of the window; and one line `<time> listening <pid>` when the
// process starts listening.
// A delay is how late a timer ran: what every other request waited. Part of it can be the process waiting
// for a core (two API processes, the load generator and the bare route share the bench machine's two), which
// no request caused. So a second timer, every 5 ms, also reads how long the main thread waited on the run
// queue meanwhile (Linux /proc/thread-self/schedstat, its second field): a hold is a tick's lateness less
// that wait, the part the process spent running (or blocked in a call) while its timers were due. Where
// schedstat is missing the hold is the delay. Bench-only; the server never loads it itself.
import cluster from 'node:cluster';
import { appendFileSync, readFileSync } from 'node:fs';
import { Server } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.FOLLOWTHROUGH_LOOP_PROBE_FILE;
const TICK_MS = 5;

/** Nanoseconds this thread has spent runnable but waiting for a core, or null where Linux does not say. */
function runQueueWaitNs(): number | null {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[1]);
  } catch {
    return null;
  }
}

if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let worstHold = 0;
  let due = performance.now() + TICK_MS;
  let waited = runQueueWaitNs();
  const tick = () => {
    const now = performance.now();
    const waitedNow = runQueueWaitNs();
    const lateness = Math.max(0, now - due);
    const queued = waited === null || waitedNow === null ? 0 : (waitedNow - waited) / 1e6;
    worstHold = Math.max(worstHold, lateness - Math.min(lateness, queued));
    waited = waitedNow;
    due = now + TICK_MS;
    setTimeout(tick, TICK_MS).unref();
  };
  setTimeout(tick, TICK_MS).unref();
  // One line `<time> listening <pid>` once the process listens: a process warms up (warm-up.ts) before it listens,
  // and the bench times a load only once every API process is serving, as the cluster only then sends it requests.
  // The cluster's primary (FT_WORKERS > 1) listens too, on its workers' behalf, as soon as the first of them does:
  // it is not an API process, and counting it let a load start while the last worker was still warming up.
  const clusterPrimary = cluster.isPrimary && Number(process.env.FT_WORKERS ?? 1) > 1;
  const listen = Server.prototype.listen;
  Server.prototype.listen = function (this: Server, ...args: unknown[]) {
    if (!clusterPrimary) this.once('listening', () => appendFileSync(file, `${Date.now()} listening ${process.pid}\n`));
    return (listen as (...a: unknown[]) => Server).apply(this, args);
  } as typeof Server.prototype.listen;
  const timer = setInterval(() => {
    appendFileSync(file, `${Date.now()} ${(histogram.max / 1e6).toFixed(1)} ${process.pid} ${worstHold.toFixed(1)}\n`);
    histogram.reset();
    worstHold = 0;
  }, 250);
  timer.unref();
}
