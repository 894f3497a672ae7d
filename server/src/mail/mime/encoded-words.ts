import { decodeCharset } from './charset';

/**
 * RFC 2047 encoded-words in headers: "=?utf-8?Q?Caf=C3=A9?=" and "=?iso-8859-1?B?...?=". Whitespace
 * between two adjacent encoded-words is dropped (6.2), and adjacent words in one charset are decoded
 * together, because senders split multi-byte characters across words.
 */
const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

function wordBytes(encoding: string, text: string): Buffer {
  if (encoding === 'b' || encoding === 'B') return Buffer.from(text, 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '_') bytes.push(32);
    else if (ch === '=' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(ch.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes);
}

interface Run {
  charset: string;
  bytes: Buffer[];
}

export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  const parts: string[] = [];
  let last = 0;
  let run: Run | undefined;
  const flush = (r: Run | undefined): void => {
    if (r) parts.push(decodeCharset(Buffer.concat(r.bytes), r.charset));
  };
  for (const match of value.matchAll(ENCODED_WORD)) {
    const between = value.slice(last, match.index);
    // RFC 2231 allows "charset*language": the language is irrelevant here.
    const charset = (match[1] ?? '').split('*')[0] ?? '';
    const bytes = wordBytes(match[2] ?? 'Q', match[3] ?? '');
    const adjacent = run !== undefined && /^[ \t\r\n]*$/.test(between);
    if (adjacent && run && run.charset.toLowerCase() === charset.toLowerCase()) {
      run.bytes.push(bytes);
    } else {
      flush(run);
      if (!adjacent) parts.push(between);
      run = { charset, bytes: [bytes] };
    }
    last = (match.index ?? 0) + match[0].length;
  }
  flush(run);
  parts.push(value.slice(last));
  return parts.join('');
}
