import { LIMITS } from '../model/limits';
import type { Address } from '../model/message';
import { MessageRejectedError } from '../model/message-rejection';

/**
 * One address as the engine keeps it: `local@domain`, lower-cased and in Unicode NFC.
 *
 * - The local part is anything but spaces, control characters and RFC 5322 specials; UTF-8 is allowed
 *   (RFC 6531: `üser@bücher.example` is a valid address and a real client's).
 * - The domain needs two or more labels of letters (any script), digits and inner hyphens (IDNA U-labels,
 *   or A-labels such as xn--bcher-kva). A single label (`root@localhost`) is local mail: no client's
 *   organisation can be keyed by it.
 *
 * Checked only on strings of at most LIMITS.address characters, so the pattern's work is bounded whatever
 * the input.
 */
const LOCAL = String.raw`[^\s\p{Cc}<>()[\]\\,;:@"]+`;
const LABEL = String.raw`[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?`;
const ADDRESS = new RegExp(`^${LOCAL}@${LABEL}(?:\\.${LABEL})+$`, 'u');

// Written once out here rather than inline: a regex literal inside a function is a new object each time it is
// evaluated, and names are cleaned for every address of every message.
const QUOTED_PAIR = /\\(.)/g;
const BLANK_RUN = /\s+/g;

function cleanName(raw: string): string | undefined {
  let name = raw.trim();
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) name = name.slice(1, -1).replace(QUOTED_PAIR, '$1');
  name = name.replace(BLANK_RUN, ' ').trim();
  return name === '' ? undefined : name;
}

function withName(address: string, name: string | undefined): Address {
  return name === undefined ? { address } : { name, address };
}

/** The address part in the engine's form, or null when it is not one (see ADDRESS). */
function cleanAddress(raw: string): string | null {
  let address = raw.trim();
  if (address.length > 7 && address.slice(0, 7).toLowerCase() === 'mailto:') address = address.slice(7);
  if (address.length === 0 || address.length > LIMITS.address) return null;
  address = address.normalize('NFC').toLowerCase();
  return ADDRESS.test(address) ? address : null;
}

// The same From/To strings recur thousands of times in a mailbox: parse each once. Results are frozen
// because they are shared between messages. Bounded in entries and, by memoising only ordinary-length
// strings, in memory (20,000 x 320 characters at most).
const memo = new Map<string, Readonly<Address> | null>();
const MEMO_LIMIT = 20_000;
const MEMO_KEY_MAX = 320;

/**
 * Parses one address as mail clients write it: `Name <addr>`, `"Last, First" <addr>`, `<addr>`, `addr`
 * or the old `addr (Name)`. The address is lower-cased (domains are case-insensitive and nobody relies on
 * case-sensitive local parts). Returns null when there is no usable address. Linear in the input's length;
 * input longer than LIMITS.mailbox is not an address.
 */
export function parseAddress(raw: string): Address | null {
  const known = memo.get(raw);
  if (known !== undefined) return known;
  const parsed = parseAddressUncached(raw);
  const frozen = parsed === null ? null : Object.freeze(parsed);
  if (raw.length <= MEMO_KEY_MAX) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(raw, frozen);
  }
  return frozen;
}

function parseAddressUncached(raw: string): Address | null {
  const text = raw.trim();
  if (text === '' || text.length > LIMITS.mailbox) return null;
  if (text.endsWith('>')) {
    // "Name <addr>": the last "<" opens the address (a name may hold "<" only inside quotes, and then an
    // address still follows it).
    const open = text.lastIndexOf('<');
    if (open === -1) return null;
    const address = cleanAddress(text.slice(open + 1, -1));
    return address === null ? null : withName(address, cleanName(text.slice(0, open)));
  }
  if (text.endsWith(')')) {
    // "addr (Name)": the old comment form.
    const open = text.indexOf('(');
    if (open > 0) {
      const address = cleanAddress(text.slice(0, open));
      return address === null ? null : withName(address, cleanName(text.slice(open + 1, -1)));
    }
  }
  const bare = cleanAddress(text);
  return bare === null ? null : { address: bare };
}

/**
 * The sender of a message, or MessageRejectedError (`sender_unusable`) saying what is wrong with the From
 * field, never what it holds. A message without a sender cannot be placed in a conversation: bounces from a
 * bare `MAILER-DAEMON`, cron mail from `root@localhost`, a connector's `(unknown sender)`.
 */
export function senderAddress(message: { id?: string; from: string }): Address {
  const from = parseAddress(message.from);
  if (from) return from;
  const text = message.from.trim();
  let reason: string;
  if (text === '') reason = 'the From field is empty';
  else if (text.length > LIMITS.mailbox) reason = `the From field is longer than ${LIMITS.mailbox} characters`;
  else if (!text.includes('@')) reason = 'the From field holds no e-mail address (a name or a mailer name only)';
  else if (/@[^.@\s<>]+>?\s*$/.test(text)) reason = 'the sender address has a single-label domain (local mail from a host, not the domain of an organisation)';
  else reason = 'the sender address is not a valid e-mail address';
  throw new MessageRejectedError('sender_unusable', reason, message.id);
}

/** Splits on commas and semicolons (Outlook) that are outside quotes, angle brackets and comments. */
function splitList(raw: string): string[] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  let angle = 0;
  let paren = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 92 /* \ */ && quoted) {
      i++;
      continue;
    }
    if (ch === 34 /* " */) quoted = !quoted;
    else if (quoted) continue;
    else if (ch === 60 /* < */) angle++;
    else if (ch === 62 /* > */) angle = Math.max(0, angle - 1);
    else if (ch === 40 /* ( */) paren++;
    else if (ch === 41 /* ) */) paren = Math.max(0, paren - 1);
    else if ((ch === 44 /* , */ || ch === 59) /* ; */ && angle === 0 && paren === 0) {
      parts.push(raw.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(raw.slice(start));
  return parts;
}

/**
 * Parses a recipient list (one header string or an array of entries, each of which may itself hold
 * several addresses). Unparseable entries are dropped; duplicates are kept once, first name wins; at most
 * LIMITS.recipients addresses are read (a message to more is a mass mailing).
 */
export function parseAddressList(raw: string | string[]): Address[] {
  const entries = Array.isArray(raw) ? raw : [raw];
  const seen = new Set<string>();
  const out: Address[] = [];
  for (const entry of entries) {
    // Most entries hold one address: without a separator, splitList would return the entry as it is.
    const parts = entry.includes(',') || entry.includes(';') ? splitList(entry) : [entry];
    for (const part of parts) {
      const parsed = parseAddress(part);
      if (parsed && !seen.has(parsed.address)) {
        seen.add(parsed.address);
        out.push(parsed);
        if (out.length >= LIMITS.recipients) return out;
      }
    }
  }
  return out;
}

/** The domain of a lower-cased address ("ann@mail.acme.com" -> "mail.acme.com"). */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at < 0 ? '' : address.slice(at + 1).toLowerCase();
}
