/**
 * Splits a byte stream into lines without decoding it: mbox and MIME need bytes (each part names its own
 * charset), and JSON Lines decodes a line at a time. Callback-based on purpose: an async generator per line
 * costs about a microsecond each, which is seconds on a large mbox.
 */
export interface LineSplitter {
  /** Feeds the next chunk; `onLine` runs synchronously for every complete line in it. */
  push(chunk: Buffer): void;
  /** Flushes a last line that had no terminator. */
  end(): void;
}

/**
 * `onLine` gets the line without its terminator (LF or CRLF) and the byte offset where it starts.
 * The buffer may be a view into the chunk: copy it if you keep it past the callback.
 */
export function createLineSplitter(onLine: (line: Buffer, offset: number) => void): LineSplitter {
  // A line that spans chunks is kept as pieces and joined once, so a long line costs O(n), not O(n^2).
  let pending: Buffer[] = [];
  let pendingStart = 0;
  let consumed = 0;

  const emit = (line: Buffer, offset: number): void => {
    const end = line.length > 0 && line[line.length - 1] === 13 ? line.length - 1 : line.length;
    onLine(end === line.length ? line : line.subarray(0, end), offset);
  };

  return {
    push(chunk) {
      let start = 0;
      let newline = chunk.indexOf(10, start);
      while (newline !== -1) {
        if (pending.length > 0) {
          pending.push(chunk.subarray(start, newline));
          emit(Buffer.concat(pending), pendingStart);
          pending = [];
        } else {
          emit(chunk.subarray(start, newline), consumed + start);
        }
        start = newline + 1;
        newline = chunk.indexOf(10, start);
      }
      if (start < chunk.length) {
        if (pending.length === 0) pendingStart = consumed + start;
        pending.push(chunk.subarray(start));
      }
      consumed += chunk.length;
    },
    end() {
      if (pending.length > 0) {
        emit(Buffer.concat(pending), pendingStart);
        pending = [];
      }
    },
  };
}
