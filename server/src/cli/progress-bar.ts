/**
 * A one-line progress bar on stderr, only when stderr is a terminal: bytes read of the total, messages and
 * rate. Redrawn at most ten times a second so it costs nothing measurable; `clear()` before any warning.
 */
export interface ProgressBar {
  update(bytesRead: number, messages: number): void;
  clear(): void;
  done(): void;
}

const formatBytes = (n: number): string =>
  n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} GB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${Math.ceil(n / 1024)} kB`;

export function createProgressBar(
  stderr: { write(text: string): unknown },
  enabled: boolean,
  totalBytes: number | null,
  columns = 80,
  clock: () => number = () => performance.now(),
): ProgressBar {
  const started = clock();
  let lastDraw = -Infinity;
  let shown = false;
  const draw = (bytesRead: number, messages: number): void => {
    const seconds = Math.max((clock() - started) / 1000, 0.001);
    const rate = Math.round(messages / seconds);
    const tail = `${messages.toLocaleString('en-US')} msgs  ${rate.toLocaleString('en-US')} msg/s`;
    let line: string;
    if (totalBytes && totalBytes > 0) {
      const fraction = Math.min(bytesRead / totalBytes, 1);
      const width = Math.max(10, Math.min(30, columns - 60));
      const filled = Math.round(fraction * width);
      line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%  ${formatBytes(bytesRead)} / ${formatBytes(totalBytes)}  ${tail}`;
    } else {
      line = `${formatBytes(bytesRead)} read  ${tail}`;
    }
    stderr.write(`\r\x1b[2K${line.slice(0, Math.max(columns - 1, 20))}`);
    shown = true;
  };
  return {
    update(bytesRead, messages) {
      if (!enabled) return;
      const now = clock();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      draw(bytesRead, messages);
    },
    clear() {
      if (shown) stderr.write('\r\x1b[2K');
      shown = false;
      lastDraw = -Infinity;
    },
    done() {
      if (shown) stderr.write('\r\x1b[2K');
      shown = false;
    },
  };
}
