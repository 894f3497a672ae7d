import type { Address } from '../model/message';

// A pragmatic RFC 5322 subset: what real From/To headers and provider APIs hand us.
// Local part: anything without spaces or angle brackets; domain: at least one dot, or "localhost"-style
// single labels are rejected because they cannot be a counterpart's organisation.
const ADDRESS = /^[^\s<>@"(),;:]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

function cleanName(raw: string): string | undefined {
  let name = raw.trim();
  if (name.startsWith('"') && name.endsWith('"') && name.length >= 2) name = name.slice(1, -1).replace(/\\(.)/g, '$1');
  name = name.replace(/\s+/g, ' ').trim();
  return name === '' ? undefined : name;
}

function withName(address: string, name: string | undefined): Address {
  return name === undefined ? { address } : { name, address };
}

// The same From/To strings recur thousands of times in a mailbox: parse each once. Results are frozen
// because they are shared between messages. Bounded so a huge import cannot grow it without limit.
const memo = new Map<string, Readonly<Address> | null>();
const MEMO_LIMIT = 50_000;

/**
 * Parses one address as mail clients write it: `Name <addr>`, `"Last, First" <addr>`, `<addr>`, `addr`
 * or the old `addr (Name)`. The address is lower-cased (domains are case-insensitive and nobody relies on
 * case-sensitive local parts). Returns null when there is no usable address.
 */
export function parseAddress(raw: string): Address | null {
  const known = memo.get(raw);
  if (known !== undefined) return known;
  const parsed = parseAddressUncached(raw);
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(raw, parsed === null ? null : Object.freeze(parsed));
  return memo.get(raw) ?? null;
}

function parseAddressUncached(raw: string): Address | null {
  const text = raw.trim();
  if (text === '') return null;
  const angle = /^(.*)<\s*([^<>]+?)\s*>\s*$/s.exec(text);
  if (angle) {
    const address = (angle[2] ?? '').replace(/^mailto:/i, '').toLowerCase();
    return ADDRESS.test(address) ? withName(address, cleanName(angle[1] ?? '')) : null;
  }
  const comment = /^(\S+)\s*\((.*)\)\s*$/s.exec(text);
  if (comment) {
    const address = (comment[1] ?? '').toLowerCase();
    return ADDRESS.test(address) ? withName(address, cleanName(comment[2] ?? '')) : null;
  }
  const bare = text.replace(/^mailto:/i, '').toLowerCase();
  return ADDRESS.test(bare) ? { address: bare } : null;
}

/** Splits on commas and semicolons (Outlook) that are outside quotes, angle brackets and comments. */
function splitList(raw: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = 0;
  let paren = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i] ?? '';
    if (ch === '\\' && quoted) {
      current += ch + (raw[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') angle++;
    else if (!quoted && ch === '>') angle = Math.max(0, angle - 1);
    else if (!quoted && ch === '(') paren++;
    else if (!quoted && ch === ')') paren = Math.max(0, paren - 1);
    if ((ch === ',' || ch === ';') && !quoted && angle === 0 && paren === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/**
 * Parses a recipient list (one header string or an array of entries, each of which may itself hold
 * several addresses). Unparseable entries are dropped; duplicates are kept once, first name wins.
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
