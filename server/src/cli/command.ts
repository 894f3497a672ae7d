/** What a command sees of the outside world: passed in, so tests can run commands without a process. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: NodeJS.ReadableStream;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  /** Wall clock, for the default --now. */
  now(): Date;
}

/** One `followthrough <name>` command, one file under commands/, listed in commands/index.ts. */
export interface CliCommand {
  name: string;
  /** One line for `followthrough --help`. */
  summary: string;
  /** The full usage text printed with --help and after a usage error. */
  usage: string;
  /** Returns the exit code. Throw UsageError or InputError for exit code 2. */
  run(args: string[], io: CliIo): Promise<number>;
}
