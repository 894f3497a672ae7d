// Synthetic but realistic mailbox for the api benchmark: clients at their own domains, threads of
// alternating mail with Gmail-style quoting and signatures, promises in our replies, requests and the
// odd complaint in theirs. Deterministic (seeded), so the cached database is the same on every machine.
import type { NormalizedMessageInput } from '@followthrough/shared';

const ASKS = [
  'Could you send us the updated forecast for next quarter?',
  'Can you confirm the delivery date for the second batch?',
  'Would you please share the revised statement of work?',
  'Could you check why the last invoice shows two extra hours?',
];
const PROMISES = [
  "I'll send you the updated forecast by Thursday.",
  "I'll get back to you with the delivery date tomorrow.",
  'We will share the revised statement of work by end of next week.',
  "I'll look into the invoice and come back to you on Monday.",
];
const PLAIN_US = ['Thanks for the quick reply, that works for us.', 'Good to hear, see you at the review.', 'Noted, thank you.'];
const PLAIN_THEM = ['Thanks, that is helpful.', 'Great, talk soon.', 'Perfect, thank you for the update.'];
const RISK = 'Honestly we are quite disappointed with how long this is taking.';

/** Mulberry32: small, fast, seeded. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DatasetShape {
  counterparts: number;
  threadsPerCounterpart: number;
  messagesPerThread: number;
  /** Newest mail is about this long before `now`. */
  endMs: number;
  /** Prefix keeping several datasets in one database apart. */
  prefix: string;
  me: string;
}

/** The messages of counterparts [from, to): whole threads, so each batch re-analyses only its own threads. */
export function datasetMessages(shape: DatasetShape, from: number, to: number): NormalizedMessageInput[] {
  const out: NormalizedMessageInput[] = [];
  const yearMs = 365 * 86_400_000;
  for (let c = from; c < to; c++) {
    const random = rng(c * 7919 + shape.prefix.length);
    const domain = `${shape.prefix}client${c}.example`;
    const contact = `Jordan Client${c} <jordan@${domain}>`;
    for (let t = 0; t < shape.threadsPerCounterpart; t++) {
      const threadNo = c * shape.threadsPerCounterpart + t;
      // Gmail-like: 16 hex digits; 'a' for the base mailbox, 'b' for an extra slice.
      const threadId = `${shape.prefix === '' ? 'a' : 'b'}${threadNo.toString(16).padStart(15, '0')}`;
      const subject = `Project ${threadNo % 997} ${['rollout', 'renewal', 'invoice', 'review'][t % 4]}`;
      let at = shape.endMs - yearMs + Math.floor(random() * (yearMs - 20 * 86_400_000));
      let previousId: string | undefined;
      let previousText = '';
      const theyStart = random() < 0.5;
      for (let m = 0; m < shape.messagesPerThread; m++) {
        const ours = (m % 2 === 0) !== theyStart;
        const id = `<${shape.prefix}t${threadNo}-m${m}@${ours ? 'mail.acme.example' : domain}>`;
        let line: string;
        if (ours) line = random() < 0.3 ? PROMISES[Math.floor(random() * PROMISES.length)]! : PLAIN_US[m % PLAIN_US.length]!;
        else if (random() < 0.05) line = RISK;
        else line = random() < 0.4 ? ASKS[Math.floor(random() * ASKS.length)]! : PLAIN_THEM[m % PLAIN_THEM.length]!;
        const greeting = ours ? 'Hi Jordan,' : 'Hi Alice,';
        const signature = ours ? 'Best,\nAlice Meyer\nAccount Manager | Acme' : `Kind regards,\nJordan\n${domain}`;
        const quoted = previousId ? `\n\nOn ${new Date(at - 3_600_000).toUTCString()}, someone wrote:\n> ${previousText.split('\n').join('\n> ')}` : '';
        const text = `${greeting}\n\n${line}\n\n${signature}${quoted}`;
        out.push({
          id,
          threadId,
          from: ours ? `Alice Meyer <${shape.me}>` : contact,
          to: ours ? [contact] : [shape.me],
          date: new Date(at).toISOString(),
          subject: m === 0 ? subject : `Re: ${subject}`,
          text,
          ...(previousId ? { inReplyTo: previousId, references: [previousId] } : {}),
        });
        previousId = id;
        previousText = line;
        at += Math.floor((1 + random() * 47) * 3_600_000);
      }
    }
  }
  return out;
}
