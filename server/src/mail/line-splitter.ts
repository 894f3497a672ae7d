/**
 * Splits a byte stream into lines without decoding it: mbox and MIME need bytes (each part names its own
 * charset), and JSON Lines decodes a line at a time. Callback-based on purpose: an async generator per line
 * costs about a microsecond each, which is seconds on a large mbox.
 */
export interface LineSplitter {
  /** Feeds the next chunk; `onLine` runs synchronously for every complete line in it. */
  push(chunk: Buffer): void;
  /** Flushes a last line that had no terminator; true when there was one. */
  end(): boolean;
}

/**
 * `onLine` gets the line without its terminator (LF or CRLF) and the byte offset where it starts.
 * The buffer may be a view into the chunk: copy it if you keep it past the callback.
 *
 * A line longer than `maxLineBytes` is cut there (`cut` is true) and the rest of it dropped as it streams
 * by: a file with no newline for a gigabyte must not be held whole. `end()` returns true when the input did
 * not end with a line terminator (an mbox cut short ends mid-line).
 */
export function createLineSplitter(
  onLine: (line: Buffer, offset: number, cut: boolean) => void,
  options: { maxLineBytes?: number } = {},
): LineSplitter & { end(): boolean } {
  const maxLineBytes = options.maxLineBytes ?? 64 * 1024 * 1024;
  // A line that spans chunks is kept as pieces and joined once, so a long line costs O(n), not O(n^2).
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let pendingCut = false;
  let pendingStart = 0;
  let consumed = 0;

  const emit = (line: Buffer, offset: number, cut: boolean): void => {
    const end = !cut && line.length > 0 && line[line.length - 1] === 13 ? line.length - 1 : line.length;
    onLine(end === line.length ? line : line.subarray(0, end), offset, cut);
  };
  const keep = (piece: Buffer): void => {
    const room = maxLineBytes - pendingBytes;
    if (piece.length > room) {
      pendingCut = true;
      if (room > 0) pending.push(piece.subarray(0, room));
      pendingBytes = maxLineBytes;
      return;
    }
    pending.push(piece);
    pendingBytes += piece.length;
  };
  const flush = (): void => {
    emit(pending.length === 1 ? (pending[0] as Buffer) : Buffer.concat(pending), pendingStart, pendingCut);
    pending = [];
    pendingBytes = 0;
    pendingCut = false;
  };

  return {
    push(chunk) {
      let start = 0;
      let newline = chunk.indexOf(10, start);
      while (newline !== -1) {
        if (pending.length > 0 || pendingCut) {
          keep(chunk.subarray(start, newline));
          flush();
        } else if (newline - start > maxLineBytes) {
          emit(chunk.subarray(start, start + maxLineBytes), consumed + start, true);
        } else {
          emit(chunk.subarray(start, newline), consumed + start, false);
        }
        start = newline + 1;
        newline = chunk.indexOf(10, start);
      }
      if (start < chunk.length) {
        if (pending.length === 0 && !pendingCut) pendingStart = consumed + start;
        keep(chunk.subarray(start));
      }
      consumed += chunk.length;
    },
    end() {
      if (pending.length > 0 || pendingCut) {
        flush();
        return true;
      }
      return false;
    },
  };
}
