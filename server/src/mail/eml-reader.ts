import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailItem } from './mail-item';
import { readMbox } from './mbox-reader';

/**
 * One RFC 5322 message (.eml), streamed through the MIME parser so its attachments are never held. Read as
 * an mbox without its first "From " line: a plain .eml is its one message, and an mbox that lost that line
 * (a copy that cut the first line, a tool that wrote it without) is still split into its messages, with a
 * notice saying so, instead of becoming one message with all the others as its body.
 */
export function readEml(chunks: AsyncIterable<Buffer>, label: string): AsyncGenerator<MailItem> {
  return readMbox(chunks, label, { headless: true });
}

/** Every .eml file under `dir`, recursively, in a stable order (code-point order of the relative path). */
export async function listEmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.eml'))
    .map((e) => join(e.parentPath, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
