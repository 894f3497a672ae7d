/**
 * The R-list archive (shared/data/r-mailing-lists) as one JSON Lines mailbox, for checking that a change to the
 * engine leaves its output byte for byte as it was on real mail (21,313 messages nobody here wrote):
 *   npx tsx bench/tools/archive-jsonl.ts /tmp/r.jsonl            (prints the --me list: the 20 busiest senders)
 *   pnpm followthrough analyze /tmp/r.jsonl --me <list> --now 2026-04-20T09:00:00+02:00 --format json | sha256sum
 * before and after the change. The senders are hashes in the archive; each becomes <hash>@r.example, so the
 * busiest senders' mail is read as ours (promises, deliveries) and everyone else's as a client's (requests, risks).
 */
import { writeFileSync } from 'node:fs';
import { findArchive, readArchive } from './archive';

const out = process.argv[2];
if (!out) throw new Error('usage: archive-jsonl.ts <out.jsonl>');
const dir = findArchive();
if (!dir) throw new Error('R-list archive not found (FOLLOWTHROUGH_R_MAIL_DIR, or shared/data/r-mailing-lists above)');
const archive = await readArchive(dir);

const address = (sender: string): string => `${sender || 'anonymous'}@r.example`;
/** Message ids as the reader wants them: without angle brackets. */
const bare = (id: string): string => id.replace(/^<|>$/g, '');

const lines = archive.map((m, i) =>
  JSON.stringify({
    // A handful of archive rows have no Message-ID: a stable stand-in, not a random one, so two runs read the same mailbox.
    id: bare(m.messageId) || `no-id-${i}@r.example`,
    threadId: m.threadId || undefined,
    from: address(m.sender),
    to: [`${m.list}@r-project.example`],
    date: m.date.replace('Z', '+00:00'),
    subject: m.subject,
    text: m.body,
    inReplyTo: m.inReplyTo ? bare(m.inReplyTo) : undefined,
  }),
);
writeFileSync(out, `${lines.join('\n')}\n`);

const counts = new Map<string, number>();
for (const m of archive) counts.set(m.sender, (counts.get(m.sender) ?? 0) + 1);
const busiest = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20);
console.error(`${archive.length} messages -> ${out}`);
console.log(busiest.map(([sender]) => address(sender)).join(','));
