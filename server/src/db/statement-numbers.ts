/**
 * Statement texts numbered for a thread that keeps them (the writer thread and the reader threads): a text goes
 * to a thread the first time, then only its number. Ingest's inserts are 8-17 kB of placeholders each, and the
 * thread summary's read 7,500 characters; sent whole, every statement's text was copied into the message, copied
 * out on the thread, and hashed again there to find its prepared statement. Kept as a number, the thread finds
 * the one string it kept, whose hash V8 has cached. The thread side is numbered-texts.mjs.
 */
export interface NumberedStatementText {
  /** The text's number, when it has one. */
  textId?: number;
  /** The text, when the thread does not know it yet (or it has no number). */
  sql?: string;
}

export interface StatementNumbers {
  /** How to send `sql` to a thread that knows the numbers in `known` (added to it once sent). */
  posted(sql: string, known: Set<number>): NumberedStatementText;
}

/**
 * Numbers the first `limit` distinct texts asked for: texts built per call (a list of a new length) could
 * otherwise grow the two maps without bound; any beyond the limit go as text every time.
 */
export function createStatementNumbers(limit: number): StatementNumbers {
  const textIds = new Map<string, number>();
  return {
    posted(sql, known) {
      let textId = textIds.get(sql);
      if (textId === undefined && textIds.size < limit) textIds.set(sql, (textId = textIds.size + 1));
      if (textId === undefined) return { sql };
      if (known.has(textId)) return { textId };
      known.add(textId);
      return { textId, sql };
    },
  };
}
