import { LIMITS } from '@followthrough/shared';
import { decodeCharset, decodeHeaderBytes } from './charset';
import { decodeEncodedWords } from './encoded-words';
import { parseStructuredHeader } from './header-params';
import { htmlToText } from './html-to-text';
import { decodeTransfer } from './transfer-encoding';

/**
 * A streaming MIME parser fed one line at a time, so an mbox never needs a whole message in memory: only the
 * headers and the text parts are kept. Attachments, images and attached messages are skipped as their lines
 * pass by and never decoded. Nested multiparts are tracked with a stack of boundaries.
 */
export interface ParsedMail {
  /**
   * Top-level headers the options keep (by default what toNormalizedMessage reads): lower-cased name →
   * unfolded raw values in order (encoded-words not yet decoded).
   */
  headers: Map<string, string[]>;
  /** Body text: the text/plain parts, or the text/html parts converted when there is no plain text. */
  text: string;
  textSource: 'plain' | 'html' | 'none';
  /** True when the text was cut at the size cap. */
  truncated: boolean;
  /** Parts skipped without decoding (attachments, images, attached messages). */
  skippedParts: number;
  /** File names of the attachments (never their content). */
  attachments: string[];
  /** A multipart was still open at the end (its closing boundary never came): the message was cut short. */
  unterminated: boolean;
}

/**
 * Which text a message's body is: its text/plain parts, or, when it has none, its text/html parts as text.
 * The one rule for every source (the MIME parser here, Gmail's parsed payload).
 */
export function selectBodyText(plain: readonly string[], html: readonly string[]): { text: string; textSource: ParsedMail['textSource'] } {
  const plainText = plain.filter((t) => t.trim().length > 0);
  if (plainText.length > 0) return { text: plainText.join('\n\n'), textSource: 'plain' };
  const htmlText = html.filter((t) => t.trim().length > 0);
  if (htmlText.length > 0) return { text: htmlText.map(htmlToText).join('\n\n'), textSource: 'html' };
  return { text: '', textSource: 'none' };
}

export interface MimeParser {
  pushLine(line: Buffer): void;
  finish(): ParsedMail;
}

export interface MimeParserOptions {
  /** Encoded text bytes kept per message; the rest is dropped (default 4 MiB). */
  maxTextBytes?: number;
  /** Header bytes kept per part (default 1 MiB): a pathological header block cannot exhaust memory. */
  maxHeaderBytes?: number;
  /**
   * Which top-level headers to keep (lower-cased names). Real exports carry kilobytes of Received, DKIM and
   * ARC headers per message; not decoding what nobody reads is most of the parser's time on real mail.
   * Parts always keep their Content-* headers.
   */
  keepHeader?: (name: string) => boolean;
}

interface Entity {
  inHeaders: boolean;
  /** Whether the header line being unfolded is one we keep. */
  keepingHeader: boolean;
  headerLines: string[];
  headerBytes: number;
  defaultType: string;
  contentType?: string;
  boundary?: string;
  /** The closing "--boundary--" was seen: what follows is epilogue. */
  closed: boolean;
  collect?: { kind: 'plain' | 'html'; encoding: string; charset?: string; flowed: boolean; delsp: boolean };
  bodyLines: Buffer[];
}

/** Multiparts inside multiparts that are split; deeper ones are skipped as one part. */
const MAX_NESTING = 16;

function newEntity(defaultType: string): Entity {
  return { inHeaders: true, keepingHeader: false, headerLines: [], headerBytes: 0, defaultType, closed: false, bodyLines: [] };
}

export function headerMap(lines: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    const list = map.get(name);
    if (list) list.push(value);
    else map.set(name, [value]);
  }
  return map;
}

/** RFC 3676 format=flowed: a line ending in a space continues on the next one. */
function unflow(text: string, delsp: boolean): string {
  const out: string[] = [];
  let current: string | null = null;
  for (const line of text.split('\n')) {
    const piece: string = current === null ? line : current + line.replace(/^ /, '');
    if (piece.endsWith(' ') && line !== '-- ') current = delsp ? piece.slice(0, -1) : piece;
    else {
      out.push(piece);
      current = null;
    }
  }
  if (current !== null) out.push(current);
  return out.join('\n');
}

export function createMimeParser(options: MimeParserOptions = {}): MimeParser {
  const maxTextBytes = options.maxTextBytes ?? 4 * 1024 * 1024;
  const maxHeaderBytes = options.maxHeaderBytes ?? 1024 * 1024;
  const keepHeader = options.keepHeader ?? (() => true);
  const root = newEntity('text/plain');
  const stack: Entity[] = [root];
  let topHeaders: Map<string, string[]> | null = null;
  const plain: string[] = [];
  const html: string[] = [];
  let textBytes = 0;
  let truncated = false;
  let skippedParts = 0;
  const attachments: string[] = [];

  const endHeaders = (entity: Entity): void => {
    entity.inHeaders = false;
    const headers = headerMap(entity.headerLines);
    if (entity === root) topHeaders = headers;
    entity.headerLines = [];
    const type = parseStructuredHeader(headers.get('content-type')?.[0]);
    const contentType = type.value || entity.defaultType;
    entity.contentType = contentType;
    const disposition = parseStructuredHeader(headers.get('content-disposition')?.[0]);
    const encoding = (headers.get('content-transfer-encoding')?.[0] ?? '7bit').trim().toLowerCase();
    if (contentType.startsWith('multipart/')) {
      // Real mail nests a few multiparts (mixed > alternative > related); past MAX_NESTING a hostile message
      // would make every "--" line a search of a deep stack, so deeper parts are skipped unread.
      if (type.params.boundary && stack.length <= MAX_NESTING && type.params.boundary.length <= 200) {
        entity.boundary = type.params.boundary;
        return;
      }
      skippedParts++; // a multipart without a boundary cannot be split: skip it rather than guess
      return;
    }
    const fileName = disposition.params.filename ?? type.params.name;
    const named = Boolean(fileName);
    const attachment = disposition.value === 'attachment' || (named && disposition.value !== 'inline');
    if (fileName && attachment && attachments.length < LIMITS.attachments) attachments.push(decodeEncodedWords(fileName).slice(0, LIMITS.attachmentName));
    const kind = contentType === 'text/plain' ? 'plain' : contentType === 'text/html' ? 'html' : null;
    if (!kind || attachment) {
      skippedParts++;
      return;
    }
    entity.collect = {
      kind,
      encoding,
      charset: type.params.charset,
      flowed: (type.params.format ?? '').toLowerCase() === 'flowed',
      delsp: (type.params.delsp ?? '').toLowerCase() === 'yes',
    };
  };

  const closeEntity = (entity: Entity): void => {
    if (entity.inHeaders) endHeaders(entity);
    const collect = entity.collect;
    if (!collect) return;
    let text = decodeCharset(decodeTransfer(collect.encoding, entity.bodyLines), collect.charset).replace(/\r\n?/g, '\n');
    entity.bodyLines = [];
    if (collect.kind === 'plain') {
      if (collect.flowed) text = unflow(text, collect.delsp);
      plain.push(text);
    } else html.push(text);
  };

  /** The boundary line, if `line` is one for an open multipart: returns its depth in the stack and whether it closes. */
  const matchBoundary = (line: Buffer): { depth: number; closing: boolean } | null => {
    // A boundary is at most 70 characters (RFC 2046 §5.1.1; 200 allowed above): longer lines are body text.
    if (line.length < 3 || line.length > 256 || line[0] !== 45 || line[1] !== 45) return null;
    const text = line.toString('latin1').trimEnd();
    for (let depth = stack.length - 1; depth >= 0; depth--) {
      const boundary = (stack[depth] as Entity).boundary;
      if (!boundary || (stack[depth] as Entity).closed) continue;
      if (text === `--${boundary}`) return { depth, closing: false };
      if (text === `--${boundary}--`) return { depth, closing: true };
    }
    return null;
  };

  return {
    pushLine(line) {
      const current = stack[stack.length - 1] as Entity;
      if (current.inHeaders) {
        if (line.length === 0) {
          endHeaders(current);
          return;
        }
        const lastIndex = current.headerLines.length - 1;
        if (line[0] === 32 || line[0] === 9) {
          // Folded header: unfold by dropping the line break.
          if (current.keepingHeader && lastIndex >= 0 && current.headerBytes <= maxHeaderBytes) {
            current.headerBytes += line.length;
            current.headerLines[lastIndex] += decodeHeaderBytes(line);
          }
          return;
        }
        const colon = line.indexOf(58);
        const name = colon > 0 ? line.toString('latin1', 0, colon).trim().toLowerCase() : '';
        current.keepingHeader = current === root ? name.startsWith('content-') || keepHeader(name) : name.startsWith('content-');
        if (!current.keepingHeader || current.headerBytes > maxHeaderBytes) return;
        current.headerBytes += line.length;
        current.headerLines.push(decodeHeaderBytes(line));
        return;
      }
      const boundary = matchBoundary(line);
      if (boundary) {
        while (stack.length - 1 > boundary.depth) closeEntity(stack.pop() as Entity);
        const parent = stack[boundary.depth] as Entity;
        if (boundary.closing) parent.closed = true;
        else stack.push(newEntity(parent.contentType === 'multipart/digest' ? 'message/rfc822' : 'text/plain'));
        return;
      }
      if (!current.collect) return; // preamble, epilogue or a skipped part: only passes by
      if (textBytes + line.length > maxTextBytes) {
        truncated = true;
        return;
      }
      textBytes += line.length + 1;
      current.bodyLines.push(Buffer.from(line));
    },
    finish() {
      const unterminated = stack.some((e) => e.boundary !== undefined && !e.closed);
      while (stack.length > 0) closeEntity(stack.pop() as Entity);
      const { text, textSource } = selectBodyText(plain, html);
      return { headers: topHeaders ?? new Map(), text, textSource, truncated, skippedParts, attachments, unterminated };
    },
  };
}
