/** Whitespace folded to single spaces and trimmed: the form every snippet is stored in. */
export function foldWhitespace(text: string): string {
  // Sentences reach here already folded (splitSentences folds them): return those as they are, without
  // building a copy. FOLDED_ALREADY finds anything the replace and the trim below would change.
  if (!FOLDED_ALREADY.test(text)) return text;
  return text.replace(BLANK_RUN, ' ').trim();
}

const BLANK_RUN = /\s+/g;

/** A blank other than a single space, two blanks in a row, or a blank at either end. */
const FOLDED_ALREADY = /[^\S ]| {2}|^ | $/;

/** Snippets are kept short: the server stores them, never whole bodies. */
export const MAX_SNIPPET_CHARS = 300;

/** Folded text cut at a word boundary to at most `max` characters, with an ellipsis when cut. */
export function snippet(text: string, max = MAX_SNIPPET_CHARS): string {
  const folded = foldWhitespace(text);
  if (folded.length <= max) return folded;
  const cut = folded.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
