import { LIMITS, parseAddress } from '@followthrough/shared';
import { decodeEncodedWords } from './encoded-words';

/**
 * Address-list headers (From, To, Cc) to the normalized form the engine reads: "Name <addr>" or "addr".
 * Handles quoted names with commas ("Doe, Jane" <jane@x>), comments, groups ("Team: a@x, b@y;"),
 * "undisclosed-recipients:;" and encoded-word names. Encoded-words are decoded after splitting, because a
 * decoded name may itself contain a comma.
 */
export function splitAddressList(raw: string): string[] {
  const out: string[] = [];
  // Pieces are sliced, not built a character at a time, and "has an @ yet" is a flag, not a search of the
  // piece at every ":", so the work stays linear in the header's length whatever it holds.
  let start = 0;
  let hasAt = false;
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (quoted) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) quoted = false;
      continue;
    }
    if (comment > 0) {
      if (ch === 40 /* ( */) comment++;
      else if (ch === 41 /* ) */) comment--;
      continue;
    }
    if (ch === 34) quoted = true;
    else if (ch === 40) comment++;
    else if (ch === 60 /* < */) angle++;
    else if (ch === 62 /* > */) angle = Math.max(0, angle - 1);
    else if (ch === 64 /* @ */) hasAt = true;
    else if (angle === 0 && (ch === 44 /* , */ || ch === 59) /* ; */) {
      out.push(raw.slice(start, i));
      start = i + 1;
      hasAt = false;
    } else if (angle === 0 && ch === 58 /* : */ && !hasAt) {
      // A group name ("Project team:"): drop it and keep its members.
      start = i + 1;
    }
  }
  out.push(raw.slice(start));
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * A display name with its comments' parentheses dropped ("Dana (Northwind)" -> "Dana Northwind"), but only
 * outside quotes: in "Shan, Ming (GfK US)" the parentheses are part of the name (found by the differential
 * test against mailparser on real list mail).
 */
function uncomment(name: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < name.length; i++) {
    const ch = name[i] as string;
    if (ch === '\\' && quoted) {
      out += ch + (name[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (!quoted && (ch === '(' || ch === ')')) continue;
    out += ch;
  }
  return out;
}

function unquote(name: string): string {
  let s = name.trim();
  if (s.startsWith('"') && s.endsWith('"') && s.length >= 2) s = s.slice(1, -1).replace(/\\(.)/g, '$1');
  return s.replace(/\s+/g, ' ').trim();
}

/** A display name that holds RFC 5322 specials (a comma in "Okafor, Dana") is quoted, so lists re-split safely. */
function formatMailbox(name: string, address: string): string {
  if (!name || name.toLowerCase() === address.toLowerCase()) return address;
  const safe = /[,;:<>()"@\\[\]]/.test(name) ? `"${name.replace(/(["\\])/g, '\\$1')}"` : name;
  return `${safe} <${address}>`;
}

/**
 * One mailbox to "Name <addr>" / "addr", or null when there is no address in it. Whether the address is one
 * is the engine's decision (shared parseAddress: internationalized addresses yes, "root@localhost" no), so
 * every source agrees with what the engine will read.
 */
export function normalizeMailbox(raw: string): string | null {
  if (raw.length > LIMITS.mailbox * 2) return null;
  const angle = /<([^<>]*)>/.exec(raw);
  if (angle) {
    const parsed = parseAddress((angle[1] ?? '').trim());
    if (!parsed) return null;
    const name = uncomment(raw.slice(0, angle.index) + raw.slice(angle.index + angle[0].length));
    const decoded = unquote(decodeEncodedWords(unquote(name)));
    return formatMailbox(decoded, parsed.address);
  }
  // "addr (Name)" — the old comment form.
  const comment = /\(([^()]*)\)/.exec(raw);
  const parsed = parseAddress(raw.replace(/\([^()]*\)/g, '').trim());
  if (!parsed) return null;
  const name = comment ? unquote(decodeEncodedWords(comment[1] ?? '')) : '';
  return formatMailbox(name, parsed.address);
}

/** Every mailbox of an address-list header, at most LIMITS.recipients (a message to more is a mass mailing). */
export function parseAddressHeader(raw: string | undefined): string[] {
  if (!raw) return [];
  const out: string[] = [];
  for (const part of splitAddressList(raw)) {
    const mailbox = normalizeMailbox(part);
    if (mailbox) out.push(mailbox);
    if (out.length >= LIMITS.recipients) break;
  }
  return out;
}

/** "Name <addr>" from a provider's structured recipient (Graph's emailAddress), quoted as a header would be. */
export function formatRecipient(name: string | null | undefined, address: string | null | undefined): string | undefined {
  const trimmed = (address ?? '').trim();
  if (!trimmed) return undefined;
  return formatMailbox((name ?? '').replace(/\s+/g, ' ').trim(), trimmed);
}
