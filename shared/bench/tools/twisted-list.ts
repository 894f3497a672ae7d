/**
 * Reading round 12's source (README "Round 12 (promises)"): the Twisted project's mailing lists (twisted-python,
 * twisted-web and five smaller ones) as Pipermail's monthly text archives, `<list>/<YYYY-Month>.txt`, in
 * [twisted/pipermail](https://github.com/twisted/pipermail). The repository carries an MIT licence from Twisted Matrix
 * Labs, but the messages are their many writers' own; the corpus holds references (list and Message-ID, offset and length
 * in the whitespace-folded body, SHA-256 prefix) and the bench resolves them when FOLLOWTHROUGH_TWISTED_LIST_DIR points
 * at a copy of the monthly `.txt` files.
 * A message's body is what its writer wrote: quoted lines ("> ..."), the line that introduces them ("On ..., X wrote:"),
 * the signature and what Mailman appends (attachments scrubbed, the list footer) are left out.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface TwistedMessage {
  list: string;
  /** The Message-ID; a later copy of the same message in the same list gets "#2", "#3", ... (see readTwistedList). */
  messageId: string;
  author: string;
  subject: string;
  /** Is it an answer in a thread (In-Reply-To, References or a "Re:" subject)? */
  reply: boolean;
  body: string;
  /**
   * The body as a later message is read for fulfilment, when it differs from `body`: without the attribution lines
   * that introduced the quotes left out (see QUOTE_INTRODUCTION). `body` keeps them, so the corpus's offsets into it
   * stay valid.
   */
  replyBody?: string;
}

export const TWISTED_LIST_SOURCE = 'twisted-list';

export const findTwistedList = (): string | undefined => {
  const dir = process.env.FOLLOWTHROUGH_TWISTED_LIST_DIR;
  return dir && existsSync(dir) ? dir : undefined;
};

// Pipermail starts each message with an mbox "From " line whose address has "@" written " at ".
const MESSAGE_START = /^From \S+ at \S+\s+\w{3} \w{3}\s+\d+ \d\d:\d\d:\d\d \d{4}\s*$/;
// Where the writer's own text ends: the signature marker, Mailman's scrubbed attachments and its list footer.
const BODY_END = /^(?:-- ?|-{14} next part -{14}|_{40,}|-{5,}\s*Original Message\s*-{5,})$/;
const QUOTED = /^\s*(?:>|\|>)/;
const ATTRIBUTION = /(?:wrote|writes|said|a écrit|schrieb)\s*:\s*$/i;
/**
 * An attribution in another language or word order over the quoted lines it introduces: "Am Mittwoch 01 Dezember 2010,
 * 21:53:41 schrieb Arnim Läuger:", "In data martedì 27 ottobre 2009, Laurent Pinchart ha scritto:", "Le 04/04/2013, X a
 * écrit :" (the archive often turns the "é" into "?"). Left standing once its quote is gone, the engine's visibleText
 * takes it for an attribution over unquoted history and cuts the writer's own reply below it, which no mail client
 * would have shown the engine that way.
 */
const QUOTE_INTRODUCTION = /(?:\b(?:wrote|writes|said|schrieb|scritto|escribi[óo]|schreef|skrev|napisa[łl]|kirjoitti)|\s(?:é|\?|e)crit)[^:]{0,80}:\s*$/i;

/** Whether the next non-blank line after `i` is quoted. */
function quoteFollows(lines: readonly string[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.trim() !== '') return QUOTED.test(lines[j]!);
  return false;
}

const paragraphs = (lines: readonly string[]): string =>
  lines
    .join('\n')
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');

function readBody(lines: readonly string[]): { body: string; replyBody?: string } {
  const own: string[] = [];
  // The indexes in `own` of lines that introduced a quote (kept in `body`, left out of `replyBody`).
  const introductions = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (BODY_END.test(line.trimEnd())) break;
    if (QUOTED.test(line)) continue;
    if (ATTRIBUTION.test(line)) {
      // An attribution wrapped over two lines ("On Sat, 01 Mar 2008 10:39:49 +0100, Thomas" / "<x> wrote:").
      if (own.length > 0 && /^On\b/.test(own[own.length - 1]!.trim()) && own[own.length - 1]!.trim() !== '') own.pop();
      continue;
    }
    if (QUOTE_INTRODUCTION.test(line) && quoteFollows(lines, i)) introductions.add(own.length);
    own.push(line.trimEnd());
  }
  const body = paragraphs(own);
  return introductions.size === 0 ? { body } : { body, replyBody: paragraphs(own.filter((_, k) => !introductions.has(k))) };
}

const header = (block: readonly string[], name: string): string => {
  const at = block.findIndex((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  if (at < 0) return '';
  let value = block[at]!.slice(name.length + 1);
  for (let i = at + 1; i < block.length && /^\s/.test(block[i]!); i++) value += ` ${block[i]!.trim()}`;
  return value.trim();
};

/** One message of a monthly text archive: its envelope line (`From <user> at <host> <date>`), its headers, its body's lines. */
export interface ArchivedMessage {
  envelope: string;
  /** A header's value, continuation lines joined; '' when the message has none. */
  header(name: string): string;
  bodyLines: string[];
}

/** The messages of one monthly text archive, in the file's order; one with no blank line after its headers is left out. */
export function archivedMessages(text: string): ArchivedMessage[] {
  const lines = text.split(/\r?\n/);
  const starts = lines.flatMap((l, i) => (MESSAGE_START.test(l) ? [i] : []));
  const out: ArchivedMessage[] = [];
  starts.forEach((start, k) => {
    const end = starts[k + 1] ?? lines.length;
    const blank = lines.slice(start, end).findIndex((l) => l.trim() === '');
    if (blank < 0) return;
    const block = lines.slice(start + 1, start + blank);
    out.push({ envelope: lines[start]!, header: (name) => header(block, name), bodyLines: lines.slice(start + blank + 1, end) });
  });
  return out;
}

/** The messages of one monthly text archive, in the file's order. */
export function readMonth(list: string, text: string): TwistedMessage[] {
  const out: TwistedMessage[] = [];
  for (const message of archivedMessages(text)) {
    const messageId = message.header('Message-ID').replace(/^<|>$/g, '');
    if (!messageId) continue;
    const from = message.header('From');
    const subject = message.header('Subject');
    out.push({
      list,
      messageId,
      author: /\(([^)]*)\)/.exec(from)?.[1] ?? from,
      subject,
      reply: message.header('In-Reply-To') !== '' || message.header('References') !== '' || /\bRe:/i.test(subject),
      ...readBody(message.bodyLines),
    });
  }
  return out;
}

/**
 * Every message of every list's monthly archives, lists and months in name order. The archive holds many messages
 * twice in one list (two copies with different envelope times and different character encodings), so a repeated
 * Message-ID is numbered "#2", "#3", ... in this order: a reference names the very copy its offset was taken from.
 */
export function readTwistedList(dir: string): TwistedMessage[] {
  const out: TwistedMessage[] = [];
  const copies = new Map<string, number>();
  const numbered = (m: TwistedMessage): TwistedMessage => {
    const key = twistedKey(m.list, m.messageId);
    const n = (copies.get(key) ?? 0) + 1;
    copies.set(key, n);
    return n === 1 ? m : { ...m, messageId: `${m.messageId}#${n}` };
  };
  for (const { list, path } of monthFiles(dir)) out.push(...readMonth(list, readFileSync(path, 'utf8')).map(numbered));
  return out;
}

/** The monthly text archives (`<list>/<YYYY-Month>.txt`) below `dir`, lists and months in name order. */
export function monthFiles(dir: string): { list: string; path: string }[] {
  const out: { list: string; path: string }[] = [];
  for (const list of readdirSync(dir).sort()) {
    if (!existsSync(join(dir, list))) continue;
    let files: string[];
    try {
      files = readdirSync(join(dir, list));
    } catch {
      continue;
    }
    for (const file of files.filter((f) => /^\d{4}-[A-Za-z]+\.txt$/.test(f)).sort()) out.push({ list, path: join(dir, list, file) });
  }
  return out;
}

/** The key a reference carries: list and Message-ID (one message can reach two lists, each a body of its own). */
export const twistedKey = (list: string, messageId: string): string => `${list}|${messageId}`;
