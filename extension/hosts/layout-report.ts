/**
 * A censored picture of a page region, for the "Copy layout report" button and for the console line
 * logged when a layout is not recognised. Modelled on InboxSDK's censorHTMLtree / censorHTMLstring
 * (InboxSDK/InboxSDK, src/common/censorHTMLstring.ts, a8a6fe2c9e69b0e70dbdc5c03fea517644e9e3e9):
 * tags and attribute names are kept, attribute values only for a short list of structural attributes,
 * and every text becomes "…". Nothing here is sent anywhere; the user decides what to do with it.
 */

/** Attributes whose values describe structure, never mail: kept as they are. */
const STRUCTURAL_ATTRIBUTES = new Set([
  'class',
  'role',
  'tabindex',
  'type',
  'dir',
  'contenteditable',
  'aria-expanded',
  'aria-hidden',
  'aria-level',
  'aria-selected',
  'aria-haspopup',
  'aria-multiline',
  'aria-busy',
  'data-app-section',
  'data-testid',
  'data-focuszone-id',
  'jsaction',
  'jsname',
]);

/**
 * Ids are kept for their shape ("UniqueMessageBody_2", "CONV_…_SUBJECT"), with long tokens (item and
 * conversation ids, which identify mail) replaced.
 */
function censorId(value: string): string {
  return value.replace(/[A-Za-z0-9+/=%-]{12,}/g, (token) => (/[\d+/=%]/.test(token) ? '…' : token));
}

export interface LayoutReportOptions {
  /** Levels below the root that are written out; deeper subtrees become a child count. */
  maxDepth?: number;
  /** Children written per element; the rest are counted. */
  maxChildren?: number;
}

function attributesOf(element: Element): string {
  const parts: string[] = [];
  for (const { name, value } of Array.from(element.attributes)) {
    if (name.startsWith('data-followthrough')) continue;
    if (STRUCTURAL_ATTRIBUTES.has(name)) parts.push(`${name}="${value.replace(/"/g, "'")}"`);
    else if (name === 'id') parts.push(`id="${censorId(value)}"`);
    else parts.push(value === '' ? name : `${name}="…"`);
  }
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

/** The censored subtree of `root`, one element per line, indented by depth. */
export function censoredTree(root: Element | null, options: LayoutReportOptions = {}): string {
  if (!root) return '(none)';
  const maxDepth = options.maxDepth ?? 14;
  const maxChildren = options.maxChildren ?? 16;
  const lines: string[] = [];
  const walk = (element: Element, depth: number): void => {
    const tag = element.tagName.toLowerCase();
    const indent = '  '.repeat(depth);
    if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'svg' || tag === 'followthrough-sidebar') {
      lines.push(`${indent}<${tag}/>`);
      return;
    }
    const hasText = Array.from(element.childNodes).some((node) => node.nodeType === 3 && (node.nodeValue ?? '').trim() !== '');
    const text = hasText ? '…' : '';
    const children = Array.from(element.children);
    if (children.length === 0) {
      lines.push(`${indent}<${tag}${attributesOf(element)}>${text}</${tag}>`);
      return;
    }
    if (depth >= maxDepth) {
      lines.push(`${indent}<${tag}${attributesOf(element)}>[${children.length} children]</${tag}>`);
      return;
    }
    lines.push(`${indent}<${tag}${attributesOf(element)}>${text}`);
    for (const child of children.slice(0, maxChildren)) walk(child, depth + 1);
    if (children.length > maxChildren) lines.push(`${indent}  [${children.length - maxChildren} more]`);
    lines.push(`${indent}</${tag}>`);
  };
  walk(root, 0);
  return lines.join('\n');
}

/** The path from the document to `element`, censored the same way: where the region sits in the page. */
export function censoredAncestry(element: Element | null): string {
  const steps: string[] = [];
  for (let node = element?.parentElement ?? null; node; node = node.parentElement) {
    steps.unshift(`<${node.tagName.toLowerCase()}${attributesOf(node)}>`);
  }
  return steps.join(' > ') || '(document)';
}

export interface LayoutReportInput {
  host: string;
  url: URL;
  /** What the driver found and how ("threadSubject: strategy 2 of 3"), and what it did not. */
  findings: string[];
  /** The region around the conversation (the reading pane, the main region) or the body. */
  region: Element | null;
  /** The document's language (a hint for label and date problems). */
  language: string | null;
}

/**
 * The whole report: which client and page shape (the path with ids removed), what was found, and the
 * censored structure. Mail text, names, addresses and ids never appear in it.
 */
export function layoutReport(input: LayoutReportInput): string {
  const path = input.url.pathname.replace(/[^/]{16,}/g, '…');
  const view = input.url.hash.replace(/\/[^/]{12,}/g, '/…');
  return [
    `Followthrough layout report (${input.host})`,
    `page: ${input.url.origin}${path}${view}`,
    `language: ${input.language ?? 'unknown'}`,
    ...input.findings.map((line) => `- ${line}`),
    `region path: ${censoredAncestry(input.region)}`,
    'structure:',
    censoredTree(input.region),
  ].join('\n');
}
