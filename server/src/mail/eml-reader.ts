import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createLineSplitter } from './line-splitter';
import type { MailItem } from './mail-item';
import { createMimeParser } from './mime/mime-parser';
import { isNormalizedHeader, toNormalizedMessage } from './to-normalized';

/** One RFC 5322 message (.eml), streamed through the MIME parser so its attachments are never held. */
export async function readEml(chunks: AsyncIterable<Buffer>, label: string): Promise<MailItem> {
  const parser = createMimeParser({ keepHeader: isNormalizedHeader });
  const splitter = createLineSplitter((line) => parser.pushLine(line));
  for await (const chunk of chunks) splitter.push(chunk);
  splitter.end();
  try {
    const converted = toNormalizedMessage(parser.finish());
    return converted.ok
      ? { kind: 'message', message: converted.message, where: label }
      : { kind: 'malformed', where: label, problem: converted.problem };
  } catch (error) {
    return { kind: 'malformed', where: label, problem: `could not be parsed (${(error as Error).name})` };
  }
}

/** Every .eml file under `dir`, recursively, in a stable order (code-point order of the relative path). */
export async function listEmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.eml'))
    .map((e) => join(e.parentPath, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
