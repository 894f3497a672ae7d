import type { CliCommand } from '../command';
import { accountCommand } from './account';
import { analyzeCommand } from './analyze';
import { importCommand } from './import';
import { orgCommand } from './org';
import { parseCommand } from './parse';
import { reportCommand } from './report';
import { settingsCommand } from './settings';
import { syncCommand } from './sync';
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
  settingsCommand,
  orgCommand,
  accountCommand,
  syncCommand,
  importCommand,
];
