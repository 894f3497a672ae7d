// Loaded into the API server by the real-size bench (node --import): samples how late the event loop is
// (perf_hooks.monitorEventLoopDelay), and every 250 ms appends the worst delay of that window, with its
// time and the process id (several API processes may share the file), to the file named by FOLLOWTHROUGH_LOOP_PROBE_FILE. A delay is the time some piece of work held
// the loop: what every other request waited behind it. Bench-only; the server never loads it itself.
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.FOLLOWTHROUGH_LOOP_PROBE_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const timer = setInterval(() => {
    appendFileSync(file, `${Date.now()} ${(histogram.max / 1e6).toFixed(1)} ${process.pid}\n`);
    histogram.reset();
  }, 250);
  timer.unref();
}
