import { Readable } from 'node:stream';
import type { CliIo } from '../../src/cli/command';

/** A CliIo that records what a command writes, for running commands in-process (no process start-up). */
export function createMemoryIo(options: { stdin?: string; env?: Record<string, string>; tty?: boolean; now?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
    now: () => new Date(options.now ?? '2026-04-20T07:00:00Z'),
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
