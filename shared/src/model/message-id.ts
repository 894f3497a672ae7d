/**
 * Message-IDs in one form on every path: without angle brackets ("<abc@mail.example>" -> "abc@mail.example"),
 * for the message's own id, In-Reply-To and References alike. JSON Lines, the API, mbox, .eml, Gmail and Graph
 * all go through this, so the same mail gets the same id whichever way it arrives, and threading matches.
 */
export function normalizeMessageId(raw: string): string {
  const trimmed = raw.trim();
  if (trimmed.startsWith('<')) {
    const close = trimmed.indexOf('>');
    // "<abc@x>" and "<abc@x> (comment)": the bracketed part. An unclosed "<abc@x" loses its bracket only.
    const inner = close > 0 ? trimmed.slice(1, close) : trimmed.slice(1);
    return inner.trim();
  }
  return trimmed;
}

/**
 * Ids in an In-Reply-To or References header: the bracketed ones, or, when a sender wrote none, the
 * whitespace- or comma-separated words that look like ids. Linear in the header's length.
 */
export function parseMessageIdList(raw: string | undefined): string[] {
  if (!raw) return [];
  const out: string[] = [];
  let at = raw.indexOf('<');
  while (at !== -1) {
    const close = raw.indexOf('>', at + 1);
    if (close === -1) break;
    const id = raw.slice(at + 1, close).trim();
    // "<a <b>" : a new "<" before the ">" starts the id over (junk before it is not an id).
    const reopened = id.lastIndexOf('<');
    const clean = reopened === -1 ? id : id.slice(reopened + 1).trim();
    if (clean.length > 0 && !/\s/.test(clean)) out.push(clean);
    at = raw.indexOf('<', close + 1);
  }
  if (out.length > 0) return out;
  // No bracketed id: the words that look like one, without stray brackets (found by fuzzing: ">a@b").
  return raw
    .split(/[\s,]+/)
    .map((s) => s.replace(/[<>]/g, ''))
    .filter((s) => s.includes('@'));
}
