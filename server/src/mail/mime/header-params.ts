import { decodeCharset } from './charset';
import { decodeEncodedWords } from './encoded-words';

/** A structured header such as Content-Type: `text/plain; charset="utf-8"; format=flowed`. */
export interface StructuredHeader {
  /** The value before the first ";", lower-cased (e.g. "multipart/alternative", "attachment"). */
  value: string;
  /** Parameter names lower-cased; RFC 2231 continuations (name*0*=...) joined and decoded. */
  params: Record<string, string>;
}

function splitParams(raw: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (ch === '\\' && quoted) {
      current += raw[i + 1] ?? '';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

function decodeRfc2231(value: string): string {
  // charset'language'percent-encoded
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  const charset = match ? match[1] || 'utf-8' : 'utf-8';
  const encoded = match ? (match[2] ?? '') : value;
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i++) {
    if (encoded[i] === '%' && /^[0-9a-fA-F]{2}$/.test(encoded.slice(i + 1, i + 3))) {
      bytes.push(parseInt(encoded.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(encoded.charCodeAt(i) & 0xff);
  }
  return decodeCharset(Uint8Array.from(bytes), charset);
}

export function parseStructuredHeader(raw: string | undefined): StructuredHeader {
  if (!raw) return { value: '', params: {} };
  const [first, ...rest] = splitParams(raw);
  const params: Record<string, string> = {};
  const continued = new Map<string, { index: number; value: string; encoded: boolean }[]>();
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq === -1) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim();
    const cont = /^(.+?)\*(\d+)(\*?)$/.exec(name);
    if (cont) {
      const list = continued.get(cont[1] as string) ?? [];
      list.push({ index: Number(cont[2]), value, encoded: cont[3] === '*' });
      continued.set(cont[1] as string, list);
    } else if (name.endsWith('*')) {
      params[name.slice(0, -1)] = decodeRfc2231(value);
    } else {
      params[name] = decodeEncodedWords(value);
    }
  }
  for (const [name, pieces] of continued) {
    pieces.sort((a, b) => a.index - b.index);
    const joined = pieces.map((p) => p.value).join('');
    params[name] = pieces[0]?.encoded ? decodeRfc2231(joined) : joined;
  }
  return { value: (first ?? '').trim().toLowerCase(), params };
}
