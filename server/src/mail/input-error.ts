/**
 * Input the command cannot use at all (missing file, unknown format, nothing readable). The CLI turns it into
 * exit code 2; `where` names the file and, when known, the line or message.
 */
export class InputError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where}: ${problem}`);
    this.name = 'InputError';
  }
}
