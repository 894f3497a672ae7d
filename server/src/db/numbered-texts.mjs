// The thread side of statement-numbers.ts: the texts a thread was sent with a number, found again by it.
// Plain JavaScript so the threads need no TypeScript loader to start.

/** Statement texts by the number the event loop gave them: sent once, then only the number. */
export function createNumberedTexts() {
  const texts = new Map();
  return {
    /** The text of a statement sent as `{ textId?, sql? }`; a number never sent with its text is an error. */
    textOf(stmt) {
      const { textId, sql } = stmt;
      if (textId === undefined) return sql;
      if (sql !== undefined) {
        texts.set(textId, sql);
        return sql;
      }
      const known = texts.get(textId);
      if (known === undefined) throw new Error(`statement ${textId} was never sent to this thread`);
      return known;
    },
  };
}
