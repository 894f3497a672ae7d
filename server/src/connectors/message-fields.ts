/**
 * Header handling shared by the Gmail and Graph converters: which headers we ask for, and turning raw
 * header values into the normalized message's fields.
 */

/** The headers a sync asks for: addressing, threading, and what automated-mail detection reads. */
export const wantedHeaders = [
  'From',
  'To',
  'Cc',
  'Date',
  'Subject',
  'Message-ID',
  'In-Reply-To',
  'References',
  'List-Unsubscribe',
  'List-Id',
  'Auto-Submitted',
  'Precedence',
  'X-Autoreply',
  'X-Autorespond',
  // Exchange marks every meeting message (invitations whose subject is only the meeting's title too).
  'Content-Class',
] as const;

/** Headers kept on the normalized message (the engine's automated-mail rule reads these). */
const keptHeaders = new Set(
  ['List-Unsubscribe', 'List-Id', 'Auto-Submitted', 'Precedence', 'X-Autoreply', 'X-Autorespond', 'Content-Class'].map((h) => h.toLowerCase()),
);

export function keepHeaders(headers: { name: string; value: string }[]): Record<string, string> | undefined {
  const kept: Record<string, string> = {};
  for (const h of headers) if (keptHeaders.has(h.name.toLowerCase())) kept[h.name] = h.value;
  return Object.keys(kept).length > 0 ? kept : undefined;
}

/** "<a@b>" -> "a@b": message ids are stored without angle brackets so every source agrees. */
export function stripMessageId(value: string): string {
  const trimmed = value.trim();
  const match = /^<([^>]+)>$/.exec(trimmed);
  return match ? match[1]!.trim() : trimmed;
}

/** A References header is a whitespace-separated list of <ids>. */
export function parseReferences(value: string | undefined): string[] | undefined {
  if (!value) return undefined;
  const ids = value.match(/<[^>]+>/g)?.map(stripMessageId) ?? value.split(/\s+/).filter(Boolean).map(stripMessageId);
  return ids.length > 0 ? ids : undefined;
}

/**
 * Splits an address list header ("A <a@x>, \"Doe, J\" <j@y>") at commas outside quotes and angle
 * brackets; the engine parses each entry.
 */
export function splitAddressList(value: string | undefined): string[] {
  if (!value) return [];
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<' && !quoted) angle++;
    else if (ch === '>' && !quoted && angle > 0) angle--;
    if (ch === ',' && !quoted && angle === 0) {
      if (current.trim() !== '') out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') out.push(current.trim());
  return out;
}

/**
 * An instant as ISO 8601 with the sender's UTC offset (the normalized message keeps the offset the mail
 * was written in; the engine converts to the user's zone itself).
 */
export function isoWithOffset(epochMs: number, offsetMinutes: number): string {
  const shifted = new Date(epochMs + offsetMinutes * 60_000);
  const base = shifted.toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${base}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${base}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The message date: the Date header when it parses (keeping its offset), else the provider's own
 * timestamp (Gmail internalDate, Graph sentDateTime) in UTC.
 */
export function messageDate(dateHeader: string | undefined, fallbackMs: number): string {
  if (dateHeader) {
    const ms = Date.parse(dateHeader);
    if (!Number.isNaN(ms)) {
      const offset = /([+-])(\d{2})(\d{2})\s*(\([^)]*\))?\s*$/.exec(dateHeader.trim());
      const minutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : 0;
      return isoWithOffset(ms, minutes);
    }
  }
  return isoWithOffset(fallbackMs, 0);
}

/** A crude but safe HTML-to-text for bodies that only come as HTML: the engine reads words, not layout. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
