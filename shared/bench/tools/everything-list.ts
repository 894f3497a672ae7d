/**
 * Reading round 11's source (README "Round 11 (promises)"): the everything-list mailing list archive, 1998-2009, as
 * Hypermail pages ([riceissa/everything-list-1998-2009](https://github.com/riceissa/everything-list-1998-2009), one
 * `NNNN.html` a message). No licence is stated, so the corpus holds references (page name, offset and length in the
 * whitespace-folded body, SHA-256 prefix) and the bench resolves them when the archive is present
 * (FOLLOWTHROUGH_EVERYTHING_LIST_DIR: a checkout or extracted snapshot of that repository).
 * A message's body is what its writer wrote: Hypermail marks quoted lines (`class="quotelev…"`), and those are left
 * out, as is the "Received on" footer.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface ListMessage { page: string; author: string; body: string }

export const EVERYTHING_LIST_SOURCE = 'everything-list';

export const findEverythingList = (): string | undefined => {
  const dir = process.env.FOLLOWTHROUGH_EVERYTHING_LIST_DIR;
  return dir && existsSync(dir) ? dir : undefined;
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (html: string): string =>
  html.replace(/&(#\d+|[a-z]+);/gi, (whole, name: string) => (name.startsWith('#') ? String.fromCharCode(Number(name.slice(1))) : (ENTITIES[name.toLowerCase()] ?? whole)));

/** One Hypermail page read as its writer's own text: quoted lines, the header block and the footer dropped. */
export function readListPage(page: string, html: string): ListMessage | null {
  const author = /<!-- name="([^"]*)" -->/.exec(html)?.[1];
  const start = html.indexOf('<!-- body="start" -->');
  const end = html.indexOf('<!-- body="end" -->');
  if (!author || start < 0 || end < start) return null;
  // Hypermail ends every source line with "<br />" and a newline: the "<br />" alone is the line break.
  const mail = html
    .slice(start, end)
    .replace(/<address class="headers">[\s\S]*?<\/address>/, '')
    .replace(/<span id="received">[\s\S]*?<\/span>/, '')
    .replace(/<em class="quotelev\d">[\s\S]*?<\/em>/g, '')
    .replace(/\r?\n/g, '')
    .replace(/<br \/>/g, '\n');
  const lines = decode(mail.replace(/<[^>]+>/g, '')).split('\n').map((l) => l.trimEnd());
  const body = lines.join('\n').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n\n');
  return { page, author: decode(author), body };
}

/** Every message of the archive, in page order. */
export function readEverythingList(dir: string): ListMessage[] {
  return readdirSync(dir)
    .filter((name) => /^\d+\.html$/.test(name))
    .sort()
    .map((name) => readListPage(name, readFileSync(join(dir, name), 'latin1')))
    .filter((m): m is ListMessage => m !== null);
}
