import { SelectorMissingError, type HostName } from './mail-host';

/** One way to find an element, with where its shape comes from. */
export interface Strategy {
  css: string;
  /**
   * Where the shape comes from: a public project that works on the live page today (repository, path,
   * commit, line) or a dated fixture of ours. Strategies without outside evidence say so.
   */
  evidence: string;
}

/** An element the driver reads, found by the first of its strategies that matches. */
export interface ElementSpec {
  /** What it finds, in words a user understands: shown when it is missing ("the sender of each message"). */
  finds: string;
  /** Required elements make the thread unreadable when every strategy fails. */
  required: boolean;
  /** Tried in order: language-independent hooks (ids, data-*, roles, structure) before labels. */
  strategies: readonly Strategy[];
}

export type SelectorTable<K extends string> = Readonly<Record<K, ElementSpec>>;

/**
 * Expected match counts per fixture page (of the strategy that wins there): the selectors' evidence.
 * selectors.test.ts loads every fixture and checks each count, so an edit that changes what a
 * selector matches fails loudly.
 */
export type FixtureExpectations<K extends string> = Readonly<Record<string, Readonly<Partial<Record<K, number>>>>>;

export function createSelectorKit<K extends string>(host: HostName, table: SelectorTable<K>) {
  const allWith = (root: ParentNode, key: K): { elements: Element[]; strategy: number } => {
    const { strategies } = table[key];
    for (let index = 0; index < strategies.length; index += 1) {
      const found = root.querySelectorAll(strategies[index]!.css);
      if (found.length > 0) return { elements: Array.from(found), strategy: index };
    }
    return { elements: [], strategy: -1 };
  };
  const first = (root: ParentNode, key: K): { element: Element; strategy: number } | null => {
    const { strategies } = table[key];
    for (let index = 0; index < strategies.length; index += 1) {
      const element = root.querySelector(strategies[index]!.css);
      if (element) return { element, strategy: index };
    }
    return null;
  };
  /**
   * The strategy that finds the most elements (the first of equals): for lists such as the messages
   * of a thread, where one renamed hook can leave a strategy matching only some of them.
   */
  const mostWith = (root: ParentNode, key: K): { elements: Element[]; strategy: number } => {
    let best: { elements: Element[]; strategy: number } = { elements: [], strategy: -1 };
    table[key].strategies.forEach((strategy, index) => {
      const found = root.querySelectorAll(strategy.css);
      if (found.length > best.elements.length) best = { elements: Array.from(found), strategy: index };
    });
    return best;
  };
  return {
    table,
    first,
    allWith,
    mostWith,
    one(root: ParentNode, key: K): Element | null {
      return first(root, key)?.element ?? null;
    },
    /** Every match of the first strategy that matches anything. */
    all(root: ParentNode, key: K): Element[] {
      return allWith(root, key).elements;
    },
    /** Like `one`, but a miss is a named error: the caller degrades to "layout not recognised". */
    require(root: ParentNode, key: K): Element {
      const found = first(root, key);
      if (!found) throw missing(key);
      return found.element;
    },
    missing,
  };
  function missing(key: K): SelectorMissingError {
    return new SelectorMissingError(`${host}.${key}`, table[key].finds);
  }
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

const ADDRESS = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** The first e-mail address in a text ("Tom Becker <tom@fabrikam.example>"), lower-cased, or null. */
export function addressIn(text: string | null | undefined): string | null {
  const match = text ? ADDRESS.exec(text) : null;
  return match ? match[0].toLowerCase() : null;
}
