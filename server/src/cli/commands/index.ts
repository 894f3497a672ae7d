import type { CliCommand } from '../command';
import { analyzeCommand } from './analyze';
import { parseCommand } from './parse';
import { reportCommand } from './report';
import { userCommand } from './user';

/**
 * Every `followthrough` command, one file each. This list is the only place a command is registered:
 * add yours with one line.
 */
export const commands: readonly CliCommand[] = [
  analyzeCommand,
  reportCommand,
  parseCommand,
  userCommand,
];
