import { compile } from 'html-to-text';
import { LIMITS } from '@followthrough/shared';

/**
 * HTML mail to plain text for the engine, used only when a message has no text/plain part (mbox, .eml,
 * Gmail and Graph alike). Never renders: the maintained `html-to-text` package (htmlparser2 underneath)
 * parses it as a browser would and decodes every named entity; scripts, styles and images are dropped,
 * links keep their text only, blocks become line breaks, and <blockquote> lines get "> " per level, so
 * quoted history in HTML-only mail is recognisable as quoted and never counts as our own words.
 *
 * Bounded work: input past `maxInputBytes` is cut first, and nesting is flattened past MAX_DEPTH before the
 * library sees it (see limitNesting: htmlparser2 keeps its open-element stack with Array#unshift, so 200,000
 * nested <div>s took 20 s, quadratic in depth; flattened, the same megabyte takes milliseconds).
 */
const MAX_DEPTH = 100;

const convert = compile({
  wordwrap: false,
  preserveNewlines: false,
  decodeEntities: true,
  limits: { maxInputLength: Number.MAX_SAFE_INTEGER, maxDepth: MAX_DEPTH + 10, ellipsis: '' },
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'head', format: 'skip' },
    { selector: 'style', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'title', format: 'skip' },
    { selector: 'template', format: 'skip' },
    { selector: 'noscript', format: 'skip' },
    { selector: 'svg', format: 'skip' },
    { selector: 'object', format: 'skip' },
    { selector: 'iframe', format: 'skip' },
    // Mail clients lay whole messages out in tables: a cell is a block of text, not a column to align.
    { selector: 'table', format: 'block' },
    { selector: 'tr', format: 'block' },
    { selector: 'td', format: 'inlineSurround', options: { suffix: ' ' } },
    { selector: 'th', format: 'inlineSurround', options: { suffix: ' ' } },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'h5', options: { uppercase: false } },
    { selector: 'h6', options: { uppercase: false } },
    { selector: 'ul', options: { itemPrefix: '- ' } },
    { selector: 'blockquote', options: { trimEmptyLines: true } },
  ],
});

// Elements whose end is implied by a sibling (a new <p>, <li>, <td> closes the open one) or that cannot
// hold anything: they never deepen the tree without a counted parent, so they are not counted.
const NOT_NESTING = new Set([
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'option', 'optgroup', 'rt', 'rp',
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 58;

/**
 * Drops the start tags (and their matching end tags) that would nest elements deeper than MAX_DEPTH,
 * keeping every piece of text. One pass, no backtracking: a tag is `<` + a name + attributes up to the
 * first `>` outside quotes; comments, doctypes and end tags pass through. Depth is counted as a browser
 * would only roughly (implied ends are ignored), which can only flatten more, never less.
 */
export function limitNesting(html: string, maxDepth = MAX_DEPTH): string {
  const out: string[] = [];
  let depth = 0;
  // How many start tags of each name were dropped and are still open, so their end tags are dropped too.
  const dropped = new Map<string, number>();
  let copyFrom = 0;
  let i = html.indexOf('<');
  while (i !== -1 && i < html.length - 1) {
    const next = html.charCodeAt(i + 1);
    const closing = next === 47; /* / */
    const nameStart = closing ? i + 2 : i + 1;
    if (!isNameStart(html.charCodeAt(nameStart))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < html.length && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    // The tag ends at the first ">" outside a quoted attribute value.
    let end = nameEnd;
    let quote = 0;
    for (; end < html.length; end++) {
      const c = html.charCodeAt(end);
      if (quote !== 0) {
        if (c === quote) quote = 0;
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62 /* > */) break;
    }
    const name = html.slice(nameStart, nameEnd).toLowerCase();
    const selfClosing = html.charCodeAt(end - 1) === 47;
    let drop = false;
    if (closing) {
      const open = dropped.get(name) ?? 0;
      if (open > 0) {
        dropped.set(name, open - 1);
        drop = true;
      } else if (!NOT_NESTING.has(name) && depth > 0) depth--;
    } else if (!NOT_NESTING.has(name) && !selfClosing) {
      if (depth >= maxDepth) {
        dropped.set(name, (dropped.get(name) ?? 0) + 1);
        drop = true;
      } else depth++;
    }
    if (drop) {
      out.push(html.slice(copyFrom, i));
      copyFrom = Math.min(end + 1, html.length);
    }
    if (end >= html.length) break;
    i = html.indexOf('<', end + 1);
  }
  if (copyFrom === 0) return html;
  out.push(html.slice(copyFrom));
  return out.join('');
}

/**
 * Characters of HTML read per message: twice the text the engine reads (markup is most of a message's HTML).
 * What lies past that is quoted history or a newsletter's footer, and the cut keeps the worst case measured
 * (200,000 characters of nested tables) under a tenth of a second.
 */
const MAX_HTML = LIMITS.text * 2;

export function htmlToText(html: string): string {
  const source = html.length > MAX_HTML ? html.slice(0, MAX_HTML) : html;
  // Line by line rather than with /[ \t]+\n/: that pattern is quadratic on a long run of spaces (<pre>).
  return convert(limitNesting(source))
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
