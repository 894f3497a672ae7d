import { normalizedMessageSchema } from '@followthrough/shared';
import { fastMessage } from './fast-message';
import { createLineSplitter } from './line-splitter';
import { screenMessage } from './to-normalized';
import type { MailItem } from './mail-item';

/** Names the first problem of a line by its field path and kind, never by its value. */
function describeIssue(issue: { path: PropertyKey[]; message: string } | undefined): string {
  if (!issue) return 'not a valid message';
  const path = issue.path.map(String).join('.');
  return path ? `field "${path}": ${issue.message}` : issue.message;
}

/** A message line longer than the API's request limit (16 MiB) is not read: memory stays bounded. */
const MAX_LINE_BYTES = 16 * 1024 * 1024;

/** JSON Lines: one normalized message per line. Blank lines are allowed; line numbers count from 1. */
export async function* readJsonl(chunks: AsyncIterable<Buffer>, label: string): AsyncGenerator<MailItem> {
  let lineNo = 0;
  let ready: MailItem[] = [];
  const splitter = createLineSplitter((line, _offset, cut) => {
    lineNo++;
    let start = 0;
    if (lineNo === 1 && line[0] === 0xef && line[1] === 0xbb && line[2] === 0xbf) start = 3;
    const text = line.toString('utf8', start);
    if (text.trim().length === 0) return;
    const where = `${label}:${lineNo}`;
    if (cut) {
      ready.push({ kind: 'malformed', where, problem: `line longer than ${MAX_LINE_BYTES} bytes (one message per line)`, code: 'unreadable' });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      ready.push({ kind: 'malformed', where, problem: 'not valid JSON', code: 'unreadable' });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ready.push({ kind: 'malformed', where, problem: 'expected a JSON object (one message per line)', code: 'unreadable' });
      return;
    }
    let message = fastMessage(value as Record<string, unknown>);
    if (!message) {
      const parsed = normalizedMessageSchema.safeParse(value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const identity = /^(id|threadId|inReplyTo|references|from)\b/.test(issue?.path.map(String).join('.') ?? '');
        ready.push({ kind: 'malformed', where, problem: describeIssue(issue), code: identity && issue?.code === 'too_big' ? 'field_too_long' : 'unreadable' });
        return;
      }
      message = parsed.data;
    }
    const refused = screenMessage(message);
    if (refused) ready.push({ kind: 'malformed', where, problem: refused.problem, code: refused.code });
    else ready.push({ kind: 'message', message, where });
  }, { maxLineBytes: MAX_LINE_BYTES });
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
