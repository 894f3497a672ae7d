#!/usr/bin/env node
// The `followthrough` command: `pnpm followthrough <command> ...` at the repository root.
import { commands } from './commands/index';
import { runCli } from './run-cli';

// `followthrough analyze ... | head` closes stdout early: that is the reader's choice, not an error to report.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  now: () => new Date(),
}, commands);

// Let piped stdout drain before leaving (process.exit would cut a large JSON document short).
process.exitCode = exitCode;
