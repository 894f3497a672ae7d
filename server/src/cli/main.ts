#!/usr/bin/env node
// The `followthrough` command: `pnpm followthrough <command> ...` at the repository root.
import { commands } from './commands/index';
import { runCli } from './run-cli';

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
