import { SelectorMissingError, type HostName } from './mail-host';

/** A selector with the evidence of what it is for. */
export interface SelectorSpec {
  css: string;
  /** Required selectors throw SelectorMissingError when they match nothing where they must. */
  required: boolean;
  /** What it finds, for whoever fixes it when the host changes its markup. */
  finds: string;
}

export type SelectorTable<K extends string> = Readonly<Record<K, SelectorSpec>>;

/**
 * Expected match counts per fixture page: the selectors' evidence. selectors.test.ts loads every
 * fixture and checks each count, so a selector edit that changes what it matches fails loudly.
 */
export type FixtureExpectations<K extends string> = Readonly<Record<string, Readonly<Partial<Record<K, number>>>>>;

export function createSelectorKit<K extends string>(host: HostName, table: SelectorTable<K>) {
  return {
    table,
    one(root: ParentNode, key: K): Element | null {
      return root.querySelector(table[key].css);
    },
    all(root: ParentNode, key: K): Element[] {
      return Array.from(root.querySelectorAll(table[key].css));
    },
    /** Like `one`, but a miss is a named error: the caller degrades to "layout not recognised". */
    require(root: ParentNode, key: K): Element {
      const found = root.querySelector(table[key].css);
      if (!found) throw new SelectorMissingError(`${host}.${key}`);
      return found;
    },
  };
}

/**
 * The tag structure of an element, with no text, attributes values or classes beyond the tag name.
 * This is all we ever log about a page we failed to read (InboxSDK's censorHTMLtree does the same):
 * mail content must never reach a log.
 */
export function censoredStructure(element: Element | null, depth = 3): string {
  if (!element) return '(none)';
  const walk = (node: Element, level: number): string => {
    const tag = node.tagName.toLowerCase();
    if (level >= depth || node.children.length === 0) return `<${tag}/>`;
    const kids = Array.from(node.children).slice(0, 8).map((child) => walk(child, level + 1));
    const more = node.children.length > 8 ? `…+${node.children.length - 8}` : '';
    return `<${tag}>${kids.join('')}${more}</${tag}>`;
  };
  return walk(element, 0);
}

/** Marks a structural line break while the text is collected: a control character mail text does not use (if it did, it would only add a line break). */
const LINE_BREAK = '\u0001';

const BLOCK_TAGS = new Set(['DIV', 'P', 'LI', 'TR', 'BLOCKQUOTE', 'H1', 'H2', 'H3', 'H4', 'PRE', 'TABLE', 'UL', 'OL']);

/**
 * The text a reader sees in an element, paragraphs as line breaks, skipping `skip` subtrees (quoted
 * history the host folded away, hidden parts). A DOM walk rather than innerText: innerText forces a
 * layout of the whole mail view (a long task on a 50-message thread) and differs between browsers.
 */
export function visibleTextOf(element: Element, skip?: string): string {
  // One selector query per element read, not a matches() call per descendant (a 50-message thread
  // has thousands of elements).
  const skipped = skip ? new Set(element.querySelectorAll(skip)) : null;
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName;
    if (tag === 'SCRIPT' || tag === 'STYLE' || tag === 'TEMPLATE') return;
    if (el.getAttribute('aria-hidden') === 'true' || el.hasAttribute('hidden')) return;
    if (skipped?.has(el)) return;
    if (tag === 'BR') {
      parts.push(LINE_BREAK);
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push(LINE_BREAK);
    for (let child = el.firstChild; child; child = child.nextSibling) walk(child);
    if (block) parts.push(LINE_BREAK);
  };
  walk(element);
  // Whitespace in the source (line breaks included) is just spacing in HTML; only <br> and blocks,
  // marked with LINE_BREAK above, break lines. One pass over the whole text, not one per text node.
  return parts
    .join('')
    .replace(/[ \t\r\n\u00a0]+/g, ' ')
    .split(LINE_BREAK)
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function addressFromAttributes(element: Element, emailAttr = 'email', nameAttr = 'name'): { name?: string; address: string } | null {
  const address = element.getAttribute(emailAttr)?.trim().toLowerCase();
  if (!address || !address.includes('@')) return null;
  const name = element.getAttribute(nameAttr)?.trim() || element.textContent?.trim() || undefined;
  return name && name.toLowerCase() !== address ? { name, address } : { address };
}

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, sept: 8, oct: 9, nov: 10, dec: 11,
};

/**
 * Parses the absolute timestamps mail clients put in tooltips, in the browser's local zone (that is
 * the zone the page rendered them in): "Mon, Nov 2, 2026, 9:14 AM" (Gmail en-US), "2 Nov 2026, 09:14"
 * (en-GB), "Mon 11/2/2026 9:14 AM" (Outlook en-US), and ISO strings. Returns null for anything else
 * rather than guessing; Date.parse is not used because Firefox and Chromium disagree on these forms.
 */
export function parseHostTimestamp(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const text = raw.replace(/[\u202f\u00a0]/g, ' ').replace(/\s+/g, ' ').trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString();
  }
  const clock = /(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm])?/.exec(text);
  if (!clock) return null;
  let hour = Number(clock[1]);
  const minute = Number(clock[2]);
  const meridiem = clock[3]?.toLowerCase();
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  let year: number | undefined;
  let month: number | undefined;
  let day: number | undefined;
  const monthFirst = /\b([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})/.exec(text);
  const dayFirst = /\b(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})/.exec(text);
  const numeric = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(text);
  if (monthFirst && MONTHS[monthFirst[1]!.slice(0, 3).toLowerCase()] !== undefined) {
    month = MONTHS[monthFirst[1]!.slice(0, 3).toLowerCase()];
    day = Number(monthFirst[2]);
    year = Number(monthFirst[3]);
  } else if (dayFirst && MONTHS[dayFirst[2]!.slice(0, 3).toLowerCase()] !== undefined) {
    day = Number(dayFirst[1]);
    month = MONTHS[dayFirst[2]!.slice(0, 3).toLowerCase()];
    year = Number(dayFirst[3]);
  } else if (numeric) {
    // US order, as Outlook on the web renders it for en-US; other locales use the ISO title attribute.
    month = Number(numeric[1]) - 1;
    day = Number(numeric[2]);
    year = Number(numeric[3]);
  }
  if (year === undefined || month === undefined || day === undefined) return null;
  const date = new Date(year, month, day, hour, minute);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
