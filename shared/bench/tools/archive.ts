// Node-only helpers for the corpus tools and the bench: reads the R-list archive (shared/data/r-mailing-lists).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

export interface ArchivedMessage {
  list: string;
  messageId: string;
  inReplyTo: string | null;
  threadId: string;
  date: string;
  sender: string;
  subject: string;
  body: string;
}

/**
 * Public data kept outside the repository (a user's clone does not have it): the path the variable `env`
 * names, else `shared/data/<relative>` in the first folder above the repository that has it.
 */
export function findSharedData(env: string, relative: string): string | undefined {
  if (process.env[env]) return process.env[env];
  for (let dir = fileURLToPath(new URL('../../..', import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'data', relative);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** FOLLOWTHROUGH_R_MAIL_DIR, or shared/data/r-mailing-lists in a folder above this one. */
export function findArchive(): string | undefined {
  return findSharedData('FOLLOWTHROUGH_R_MAIL_DIR', 'r-mailing-lists');
}

export async function readArchive(dir: string): Promise<ArchivedMessage[]> {
  const out: ArchivedMessage[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.parquet')).sort()) {
    const buffer = readFileSync(join(dir, file));
    const rows = (await parquetReadObjects({ file: buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength), compressors })) as Record<string, unknown>[];
    for (const row of rows) {
      out.push({
        list: typeof row.list === 'string' ? row.list : file.replace(/\.parquet$/, ''),
        messageId: String(row.message_id),
        inReplyTo: typeof row.in_reply_to === 'string' && row.in_reply_to ? row.in_reply_to : null,
        threadId: String(row.thread_id ?? ''),
        date: new Date(row.date as string).toISOString(),
        sender: String(row.from_email_hash ?? ''),
        subject: typeof row.subject === 'string' ? row.subject : '',
        body: typeof row.body === 'string' ? row.body : '',
      });
    }
  }
  return out;
}
