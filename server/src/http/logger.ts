/** Structured logs: one JSON object per line, so a log shipper can index requestId, status, ms. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** A turn's lines are written at once from this many bytes on, without waiting for the turn to end. */
const MAX_BUFFERED = 64 * 1024;

/**
 * Lines written together, once per turn of the event loop (and at once past MAX_BUFFERED), and whatever
 * is left when the process exits. Node writes to a file or a pipe synchronously, a system call a line:
 * under 50 connections the access log's writes were 3.5% of the event loop's time, most requests' lines
 * sharing a turn with others'.
 */
export function turnBufferedLines(writeChunk: (chunk: string) => void): { write(line: string): void; flush(): void } {
  let pending = '';
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending === '') return;
    const chunk = pending;
    pending = '';
    writeChunk(chunk);
  };
  return {
    write(line) {
      pending += line + '\n';
      if (pending.length >= MAX_BUFFERED) flush();
      else if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

/** One buffer for the process's stdout, however many loggers write to it, flushed once at exit. */
let stdoutLines: ReturnType<typeof turnBufferedLines> | null = null;

function bufferedStdout(): (line: string) => void {
  if (!stdoutLines) {
    stdoutLines = turnBufferedLines((chunk) => process.stdout.write(chunk));
    process.on('exit', stdoutLines.flush);
  }
  return stdoutLines.write;
}

/** `base` goes into every line (the worker's pid when several processes share one log). */
export function createJsonLogger(write: (line: string) => void = bufferedStdout(), base: Record<string, unknown> = {}): Logger {
  const log = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...base, ...fields }));
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

/** For tests and benchmarks: keeps lines in memory (or drops them). */
export function createMemoryLogger(): Logger & { lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const log = (level: string) => (msg: string, fields?: Record<string, unknown>) => {
    lines.push({ level, msg, ...fields });
  };
  return { lines, info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
