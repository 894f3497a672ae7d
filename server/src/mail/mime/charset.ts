import { TextDecoder } from 'node:util';

/**
 * Bytes to text in a named charset. TextDecoder (WHATWG Encoding) covers what mail really uses: utf-8,
 * iso-8859-*, windows-125x, koi8, shift_jis, iso-2022-jp, gb18030, big5, euc-kr. Note that WHATWG maps
 * iso-8859-1 and us-ascii to windows-1252, which is also what mail clients do in practice.
 */
const decoders = new Map<string, TextDecoder>();

/** Labels seen in real mail that WHATWG does not know, mapped to one it does. */
const ALIASES: Record<string, string> = {
  'utf8': 'utf-8',
  'latin1': 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  'cp1252': 'windows-1252',
  'ansi_x3.4-1968': 'us-ascii',
  'unicode-1-1-utf-7': 'utf-8',
  'utf-7': 'utf-8',
  'ks_c_5601-1987': 'euc-kr',
  'x-user-defined': 'windows-1252',
};

function decoderFor(charset: string | undefined): TextDecoder {
  const wanted = (charset ?? 'utf-8').trim().toLowerCase().replace(/^"|"$/g, '') || 'utf-8';
  const label = ALIASES[wanted] ?? wanted;
  let decoder = decoders.get(label);
  if (!decoder) {
    try {
      decoder = new TextDecoder(label);
    } catch {
      // Best effort for an unknown charset: UTF-8 with replacement characters beats dropping the text.
      decoder = new TextDecoder('utf-8');
    }
    decoders.set(label, decoder);
  }
  return decoder;
}

// Node 20's TextDecoder decodes windows-1252 (and so iso-8859-1 and us-ascii, which WHATWG maps to it) as
// plain Latin-1, turning 0x80-0x9F (curly quotes, dashes, the euro sign) into invisible control characters.
// So that family is decoded here. Unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay as they are.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch);
}

export function decodeCharset(bytes: Uint8Array, charset: string | undefined): string {
  const decoder = decoderFor(charset);
  return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Raw header bytes: UTF-8 when they are valid UTF-8 (RFC 6532), else windows-1252, the usual culprit
 * behind unlabelled 8-bit headers.
 */
export function decodeHeaderBytes(bytes: Uint8Array): string {
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] ?? 0) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return decodeCharset(bytes, 'windows-1252');
  }
}
