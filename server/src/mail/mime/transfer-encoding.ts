/** Content-Transfer-Encoding decoders (RFC 2045 section 6). Lines arrive without their terminators. */

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/**
 * Quoted-printable: "=XX" is a byte, a trailing "=" joins the line with the next (soft break). A broken escape
 * is kept literally, as RFC 2045 6.7 recommends, rather than failing the message.
 */
export function decodeQuotedPrintable(lines: readonly Buffer[]): Buffer {
  const out = Buffer.allocUnsafe(lines.reduce((n, l) => n + l.length + 1, 0));
  let o = 0;
  for (let li = 0; li < lines.length; li++) {
    const line = lines[li] as Buffer;
    // Trailing whitespace is padding added in transport (6.7 rule 3).
    let end = line.length;
    while (end > 0 && (line[end - 1] === 32 || line[end - 1] === 9)) end--;
    let soft = false;
    for (let i = 0; i < end; i++) {
      const c = line[i] as number;
      if (c !== 61) {
        out[o++] = c;
        continue;
      }
      if (i === end - 1) {
        soft = true;
        break;
      }
      const hi = hexValue(line[i + 1] ?? 0);
      const lo = hexValue(line[i + 2] ?? 0);
      if (hi >= 0 && lo >= 0 && i + 2 < end) {
        out[o++] = hi * 16 + lo;
        i += 2;
      } else {
        out[o++] = c;
      }
    }
    if (!soft && li < lines.length - 1) out[o++] = 10;
  }
  return out.subarray(0, o);
}

/** Base64 over several lines; whitespace and stray characters are ignored (Buffer.from does that). */
export function decodeBase64(lines: readonly Buffer[]): Buffer {
  return Buffer.from(Buffer.concat(lines).toString('latin1'), 'base64');
}

/** 7bit, 8bit, binary and unknown encodings: the lines as they are. */
export function joinLines(lines: readonly Buffer[]): Buffer {
  const parts: Buffer[] = [];
  const newline = Buffer.from('\n');
  lines.forEach((line, i) => {
    if (i > 0) parts.push(newline);
    parts.push(line);
  });
  return Buffer.concat(parts);
}

export function decodeTransfer(encoding: string, lines: readonly Buffer[]): Buffer {
  switch (encoding) {
    case 'quoted-printable':
      return decodeQuotedPrintable(lines);
    case 'base64':
      return decodeBase64(lines);
    default:
      return joinLines(lines);
  }
}
