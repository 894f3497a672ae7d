import { decodeEncodedWords } from './encoded-words';

/**
 * Address-list headers (From, To, Cc) to the normalized form the engine reads: "Name <addr>" or "addr".
 * Handles quoted names with commas ("Doe, Jane" <jane@x>), comments, groups ("Team: a@x, b@y;"),
 * "undisclosed-recipients:;" and encoded-word names. Encoded-words are decoded after splitting, because a
 * decoded name may itself contain a comma.
 */
export function splitAddressList(raw: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  let comment = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] as string;
    if (quoted) {
      current += ch;
      if (ch === '\\') {
        current += raw[i + 1] ?? '';
        i++;
      } else if (ch === '"') quoted = false;
      continue;
    }
    if (comment > 0) {
      current += ch;
      if (ch === '(') comment++;
      else if (ch === ')') comment--;
      continue;
    }
    if (ch === '"') quoted = true;
    else if (ch === '(') comment++;
    else if (ch === '<') angle++;
    else if (ch === '>') angle = Math.max(0, angle - 1);
    else if (angle === 0 && (ch === ',' || ch === ';')) {
      out.push(current);
      current = '';
      continue;
    } else if (angle === 0 && ch === ':' && !current.includes('@')) {
      // A group name ("Project team:"): drop it and keep its members.
      current = '';
      continue;
    }
    current += ch;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s.length > 0);
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

/** One mailbox to "Name <addr>" / "addr", or null when there is no address in it. */
export function normalizeMailbox(raw: string): string | null {
  const angle = /<([^<>]*)>/.exec(raw);
  if (angle) {
    const address = (angle[1] ?? '').trim();
    if (!address.includes('@')) return null;
    let name = raw.slice(0, angle.index) + raw.slice(angle.index + angle[0].length);
    name = name.replace(/\(([^()]*)\)/g, (_m, c: string) => c);
    const decoded = unquote(decodeEncodedWords(unquote(name)));
    return formatMailbox(decoded, address);
  }
  // "addr (Name)" — the old comment form.
  const comment = /\(([^()]*)\)/.exec(raw);
  const address = raw.replace(/\([^()]*\)/g, '').trim();
  if (!/^[^\s@]+@[^\s@]+$/.test(address)) return null;
  const name = comment ? unquote(decodeEncodedWords(comment[1] ?? '')) : '';
  return formatMailbox(name, address);
}

export function parseAddressHeader(raw: string | undefined): string[] {
  if (!raw) return [];
  const out: string[] = [];
  for (const part of splitAddressList(raw)) {
    const mailbox = normalizeMailbox(part);
    if (mailbox) out.push(mailbox);
  }
  return out;
}
