import { InputError } from '../mail/index';
import type { CliCommand, CliIo } from './command';
import { UsageError } from './usage-error';

/** Exit codes: 0 done, 1 an unexpected failure (a bug: please report it), 2 unusable input or command line. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

function overview(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Usage: followthrough <command> [options]

Client-relationship health from your mailbox.

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run "followthrough <command> --help" for a command's options.`;
}

/** Dispatches argv (without node and script) to a command and maps errors to exit codes. */
export async function runCli(argv: string[], io: CliIo, commands: readonly CliCommand[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const target = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.stdout.write(`${target ? target.usage : overview(commands)}\n`);
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('followthrough 0.1.0\n');
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr.write(`followthrough: unknown command "${name}"\n\n${overview(commands)}\n`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`followthrough ${command.name}: ${error.message}\n${error.usage ? `\n${error.usage}\n` : ''}`);
      return EXIT_USAGE;
    }
    if (error instanceof InputError) {
      io.stderr.write(`followthrough ${command.name}: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const detail = io.env.FOLLOWTHROUGH_DEBUG ? (error as Error).stack : (error as Error).message;
    io.stderr.write(`followthrough ${command.name}: unexpected error: ${detail}\n`);
    return EXIT_FAILURE;
  }
}
