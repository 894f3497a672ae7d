import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { sniffFormat, type MailFormat } from './detect-format';
import { listEmlFiles, readEml } from './eml-reader';
import { InputError } from './input-error';
import { readJsonl } from './jsonl-reader';
import type { MailItem } from './mail-item';
import { readMbox } from './mbox-reader';

/**
 * A mailbox to read: a JSON Lines file, an mbox, one .eml, a folder of .eml files, or stdin ("-").
 * Everything streams in 1 MiB chunks; `bytesRead()` and `totalBytes` drive the progress bar.
 */
export interface MailSource {
  /** The path as the user gave it ("stdin" for "-"). */
  label: string;
  format: MailFormat | 'eml-folder';
  /** Null when unknown (stdin). */
  totalBytes: number | null;
  bytesRead(): number;
  items(): AsyncGenerator<MailItem>;
}

export interface OpenMailSourceOptions {
  /** What "-" reads; process.stdin by default. */
  stdin?: NodeJS.ReadableStream;
  /**
   * Folder that relative paths are relative to (default: the process's). `pnpm followthrough` runs in server/,
   * so the CLI passes the folder the user typed the command in (INIT_CWD). Messages still show the path as typed.
   */
  cwd?: string;
}

const CHUNK = 1024 * 1024;
const UNKNOWN_FORMAT =
  'unknown format: expected JSON Lines (one message object per line), an mbox file (starting with "From "), or an RFC 5322 .eml message';

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return (error as Error).message;
}

async function* counted(source: AsyncIterable<Buffer | string>, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    onBytes(buffer.length);
    yield buffer;
  }
}

function readerFor(format: MailFormat, chunks: AsyncIterable<Buffer>, label: string): AsyncGenerator<MailItem> {
  if (format === 'jsonl') return readJsonl(chunks, label);
  if (format === 'mbox') return readMbox(chunks, label);
  return readEml(chunks, label);
}

async function openStdin(stdin: NodeJS.ReadableStream): Promise<MailSource> {
  const iterator = (stdin as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  while (headBytes < 512) {
    const next = await iterator.next();
    if (next.done) break;
    const buffer = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(buffer);
    headBytes += buffer.length;
  }
  if (headBytes === 0) throw new InputError('stdin', 'no input (pipe a mailbox into the command, or name a file)');
  const format = sniffFormat(Buffer.concat(head));
  if (!format) throw new InputError('stdin', UNKNOWN_FORMAT);
  let read = 0;
  async function* rest(): AsyncGenerator<Buffer | string> {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return {
    label: 'stdin',
    format,
    totalBytes: null,
    bytesRead: () => read,
    items: () => readerFor(format, counted(rest(), (n) => (read += n)), 'stdin'),
  };
}

async function sniffFile(path: string): Promise<{ format: MailFormat | null; empty: boolean }> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return { format: sniffFormat(buffer.subarray(0, bytesRead)), empty: bytesRead === 0 };
  } finally {
    await handle.close();
  }
}

/** Throws InputError (exit code 2 in the CLI) for a missing file, an empty file or an unknown format. */
export async function openMailSource(input: string, options: OpenMailSourceOptions = {}): Promise<MailSource> {
  if (input === '-') return openStdin(options.stdin ?? process.stdin);
  const path = options.cwd && !isAbsolute(input) ? resolve(options.cwd, input) : input;
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(input, describeFsError(error));
  }
  let read = 0;
  const onBytes = (n: number): void => {
    read += n;
  };

  if (info.isDirectory()) {
    let files: string[];
    try {
      files = await listEmlFiles(path);
    } catch (error) {
      throw new InputError(input, describeFsError(error));
    }
    if (files.length === 0) throw new InputError(input, 'this folder has no .eml files (looked in subfolders too)');
    let total = 0;
    for (const file of files) total += (await stat(file)).size;
    return {
      label: input,
      format: 'eml-folder',
      totalBytes: total,
      bytesRead: () => read,
      async *items() {
        for (const file of files) {
          yield* readEml(counted(createReadStream(file, { highWaterMark: CHUNK }), onBytes), join(input, relative(path, file)));
        }
      },
    };
  }

  let sniffed;
  try {
    sniffed = await sniffFile(path);
  } catch (error) {
    throw new InputError(input, describeFsError(error));
  }
  if (sniffed.empty) throw new InputError(input, 'the file is empty');
  const format = sniffed.format;
  if (!format) throw new InputError(input, UNKNOWN_FORMAT);
  return {
    label: input,
    format,
    totalBytes: info.size,
    bytesRead: () => read,
    items: () => readerFor(format, counted(createReadStream(path, { highWaterMark: CHUNK }), onBytes), input),
  };
}
