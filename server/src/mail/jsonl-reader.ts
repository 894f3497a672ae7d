import { normalizedMessageSchema } from '@followthrough/shared';
import { fastMessage } from './fast-message';
import { createLineSplitter } from './line-splitter';
import type { MailItem } from './mail-item';

/** Names the first problem of a line by its field path and kind, never by its value. */
function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'not a valid message';
  const path = issue.path.map(String).join('.');
  return path ? `field "${path}": ${issue.message}` : issue.message;
}

/** JSON Lines: one normalized message per line. Blank lines are allowed; line numbers count from 1. */
export async function* readJsonl(chunks: AsyncIterable<Buffer>, label: string): AsyncGenerator<MailItem> {
  let lineNo = 0;
  let ready: MailItem[] = [];
  const splitter = createLineSplitter((line) => {
    lineNo++;
    let start = 0;
    if (lineNo === 1 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) start = 3;
    const text = line.toString('utf8', start);
    if (text.trim().length === 0) return;
    const where = `${label}:${lineNo}`;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ready.push({ kind: 'malformed', where, problem: 'not valid JSON' });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ready.push({ kind: 'malformed', where, problem: 'expected a JSON object (one message per line)' });
      return;
    }
    const fast = fastMessage(value as Record<string, unknown>);
    if (fast) {
      ready.push({ kind: 'message', message: fast, where });
      return;
    }
    const parsed = normalizedMessageSchema.safeParse(value);
    if (parsed.success) ready.push({ kind: 'message', message: parsed.data, where });
    else ready.push({ kind: 'malformed', where, problem: describeIssue(parsed.error.issues[0]) });
  });
  for await (const chunk of chunks) {
    splitter.push(chunk);
    if (ready.length > 0) {
      const batch = ready;
      ready = [];
      yield* batch;
    }
  }
  splitter.end();
  yield* ready;
}
