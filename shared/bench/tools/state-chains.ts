/**
 * Every message of a released document, not only its newest (README "Round 10", fulfilment). A reply or forward in the
 * State Department release carries the chain it answers, newest first, each message under its own `From:` / `Sent:` /
 * `Subject:` header. Read as a chain, a document is a thread: an official's message in it and the same official's newer
 * messages in the same chain are a promise and its later mail, even when the promise survives only as quoted history
 * (an aide's "I'll send it tonight" under the Secretary's reply), which the newest-message draws of rounds 8 and 9 never saw.
 */
import { FURNITURE, HISTORY, OFFICIAL } from './state-mail';

export interface ChainMessage { sender: string; official: boolean; sentAt: string; subject: string; body: string }

// A header's fields, in whatever order the mail client wrote them, end at its subject line.
const HEADER_LINES = 10;
const SENT = /^\s*(?:Sent|Date)\s*:\s*(.+)$/;
const SUBJECT = /^\s*Subject\s*:?\s*(.*)$/;
const AFTER_SUBJECT = /^\s*(?:Attachments|Importance)\s*:/;

/** The sender's name without its address ("Abedin, Huma <AbedinH@state.gov>", "Mills, Cheryl D [mailto:...]"). */
const nameOf = (from: string): string => from.replace(/\s*[<[(].*$/, '').replace(/^["']|["']$/g, '').trim();

/** The time a header's `Sent:` or `Date:` line gives, as ISO, or null when it does not parse. */
function sentAtOf(value: string): string | null {
  const at = Date.parse(value.trim().replace(/^\w+day,\s*/, '').replace(/^\w{3},?\s+(?=\w{3}\s)/, '').replace(/\s+at\s+/, ' '));
  return Number.isNaN(at) ? null : new Date(at).toISOString();
}

/** The messages of one released document, newest first, each with its sender, time, subject and own text. */
export function readChain(raw: string): ChainMessage[] {
  const lines = raw.split(/\r?\n/).filter((l) => !FURNITURE.test(l));
  const chain: ChainMessage[] = [];
  for (let at = 0; at < lines.length; at++) {
    const from = /^\s*From\s*:\s*(.+)$/.exec(lines[at]!);
    if (!from) continue;
    let sentAt: string | null = null;
    let subject: string | null = null;
    let start = at + 1;
    for (; start < lines.length && start <= at + HEADER_LINES; start++) {
      const sent = SENT.exec(lines[start]!);
      if (sent) sentAt = sentAtOf(sent[1]!);
      const subjectLine = SUBJECT.exec(lines[start]!);
      if (subjectLine) {
        subject = subjectLine[1]!.trim();
        break;
      }
    }
    if (subject === null || sentAt === null) continue;
    start++;
    while (start < lines.length && AFTER_SUBJECT.test(lines[start]!)) start++;
    const body: string[] = [];
    let end = start;
    for (; end < lines.length && !HISTORY.test(lines[end]!); end++) body.push(lines[end]!);
    // Paragraphs are separated by blank lines; a paragraph's lines are the PDF's hard wraps.
    const paragraphs = body.join('\n').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
    chain.push({ sender: nameOf(from[1]!), official: OFFICIAL.test(from[1]!), sentAt, subject, body: paragraphs.join('\n\n') });
    at = end - 1;
  }
  return chain;
}
