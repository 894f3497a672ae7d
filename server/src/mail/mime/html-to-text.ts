/**
 * HTML mail to plain text for the engine, used only when a message has no text/plain part. Never renders:
 * scripts, styles, head and comments are dropped; block elements become line breaks; <blockquote> lines get
 * "> " so quoted history is recognisable as quoted; entities are decoded. Links keep their text only.
 */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', sbquo: '‚',
  bdquo: '„', laquo: '«', raquo: '»', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™',
  euro: '€', pound: '£', yen: '¥', cent: '¢', sect: '§', deg: '°', times: '×', divide: '÷', plusmn: '±',
  frac12: '½', frac14: '¼', frac34: '¾', shy: '', zwnj: '', zwj: '', iexcl: '¡', iquest: '¿',
  auml: 'ä', ouml: 'ö', uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', eacute: 'é', Eacute: 'É',
  egrave: 'è', ecirc: 'ê', agrave: 'à', aacute: 'á', acirc: 'â', ccedil: 'ç', iacute: 'í', oacute: 'ó',
  uacute: 'ú', ntilde: 'ñ', Ntilde: 'Ñ', ocirc: 'ô', icirc: 'î', ucirc: 'û', oslash: 'ø', aring: 'å',
  aelig: 'æ', rarr: '→', larr: '←',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z][a-zA-Z0-9]*);?/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

const BLOCK = new Set([
  'p', 'div', 'br', 'tr', 'li', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre',
  'hr', 'section', 'article', 'header', 'footer', 'dl', 'dt', 'dd', 'address', 'center', 'form',
]);
const DROP = /<(script|style|head|title|template|noscript|svg|object|iframe)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\s+(?:[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)?)*\s*\/?>|<!--[\s\S]*?-->|<![^>]*>|<\?[^>]*>/g;

export function htmlToText(html: string): string {
  const source = html.replace(DROP, ' ');
  const lines: string[] = [];
  let line = '';
  let quoteDepth = 0;
  let preDepth = 0;
  const breakLine = (): void => {
    // Inside <pre> the spacing is the content (aligned figures); elsewhere HTML whitespace collapses.
    const text = preDepth > 0 ? line.trimEnd() : line.replace(/[ \t]+/g, ' ').trim();
    lines.push(quoteDepth > 0 && text ? `${'> '.repeat(quoteDepth)}${text}` : text);
    line = '';
  };
  const addText = (raw: string): void => {
    if (preDepth > 0) {
      const parts = decodeEntities(raw).split(/\r?\n/);
      parts.forEach((part, i) => {
        if (i > 0) breakLine();
        line += part;
      });
    } else {
      line += decodeEntities(raw.replace(/\s+/g, ' '));
    }
  };
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    addText(source.slice(last, match.index));
    last = (match.index ?? 0) + match[0].length;
    const name = (match[2] ?? '').toLowerCase();
    if (!name) continue; // comment, doctype, processing instruction
    const closing = match[1] === '/';
    if (name === 'pre') preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
    if (name === 'br') {
      breakLine();
      continue;
    }
    if (!BLOCK.has(name)) {
      if ((name === 'td' || name === 'th') && closing) line += ' ';
      continue;
    }
    if (line.trim()) breakLine();
    if (name === 'blockquote') quoteDepth = Math.max(0, quoteDepth + (closing ? -1 : 1));
    if (name === 'li' && !closing) line += '- ';
    if ((name === 'p' || /^h\d$/.test(name)) && closing) breakLine();
  }
  addText(source.slice(last));
  breakLine();
  // Collapse runs of blank lines the block structure produced.
  return lines
    .join('\n')
    .replace(/\u00a0/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
