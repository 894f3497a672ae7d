// Generates a realistic synthetic mailbox for the mailbox benchmark: JSON Lines and the same messages as an
// mbox. Deterministic (seeded), streamed to disk in time order, never all in memory.
// Shape: ~200 counterparts (organisations with 1-4 contacts, plus free-mail individuals) with Zipf-like
// activity; thread sizes geometric with mean ~4 plus a few long ones; replies quote the message they answer
// (Gmail and Outlook styles, history capped the way clients trim it); signatures; promises, requests and
// risk phrases at realistic rates; a little automated mail.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

export const BENCH_ME = 'maya@brightlane.example';

interface Contact {
  name: string;
  address: string;
  counterpart: number;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Dana', 'Priya', 'Lena', 'Tom', 'Robert', 'Jonas', 'Aisha', 'Marco', 'Sofia', 'Kenji', 'Chloe', 'Omar', 'Ingrid', 'Luis', 'Hannah', 'Wei', 'Fatima', 'Oliver', 'Elena', 'Samuel'];
const LAST = ['Okafor', 'Nair', 'de Vries', 'Alvarez', 'Haines', 'Weber', 'Rahman', 'Rossi', 'Lindqvist', 'Tanaka', 'Martin', 'Haddad', 'Berg', 'García', 'Schmidt', 'Chen', 'Mensah', 'Brown', 'Petrova', 'Cohen'];
const ORG = ['northwind', 'kestrel', 'aldercrest', 'bluepeak', 'harbor', 'lumen', 'orchard', 'meridian', 'copperleaf', 'silverline'];
const FREE = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.com', 'proton.me'];
const TOPICS = ['the Q3 roadmap', 'the invoice for March', 'the onboarding flow', 'the data migration', 'the security review', 'the renewal', 'the launch plan', 'the reporting module', 'the API integration', 'the brand refresh'];
const NEUTRAL = [
  'Thanks for the call earlier, it was useful to walk through {t} together.',
  'We reviewed {t} with the team this morning and the direction looks right.',
  'Attached are the notes from our workshop on {t}.',
  'The numbers for {t} are in line with what we discussed last week.',
  'Good to hear the pilot went well; the team was pleased with the feedback on {t}.',
  'Just a quick update: {t} is progressing as planned and we are on schedule.',
];
const PROMISES = [
  "I'll send you the revised plan for {t} by Friday.",
  "We'll have the updated estimate for {t} ready by end of day tomorrow.",
  "I will get back to you on {t} early next week.",
  "Let me check with the team and I'll confirm {t} by Thursday.",
  "I'll share the draft of {t} within 48 hours.",
  "We will deliver {t} by the 20th.",
];
const REQUESTS = [
  'Could you send us the latest version of {t}?',
  'Can you confirm the timeline for {t}?',
  'Would you be able to share the contract terms for {t} by next week?',
];
const RISKS = [
  'Frankly we are disappointed with how {t} has gone so far.',
  'If {t} slips again we will have to escalate this internally.',
  'We are considering pausing {t} until the issues are resolved.',
];
const SIGN_OFFS = ['Best,', 'Kind regards,', 'Thanks,', 'Cheers,', 'Best regards,'];

/**
 * The sentences bodies are made of, by side and role; `{t}` is replaced by the thread's topic. The default
 * pools are a few templates (180 distinct body sentences, however large the mailbox); the benchmark also runs
 * on pools of real sentences (bench/corpus-sentences.ts), so no figure depends on text repeating that much.
 */
export interface SentencePools {
  ours: readonly string[];
  ourPromises: readonly string[];
  theirs: readonly string[];
  theirRequests: readonly string[];
  theirRisks: readonly string[];
}

const TEMPLATE_SENTENCES: SentencePools = { ours: NEUTRAL, ourPromises: PROMISES, theirs: NEUTRAL, theirRequests: REQUESTS, theirRisks: RISKS };

const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO with a fixed offset, like a client writes it. */
function isoWithOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(offsetMinutes);
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
}

function rfc2822(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(offsetMinutes);
  return `${days[d.getUTCDay()]}, ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(off / 60))}${pad(off % 60)}`;
}

interface PlannedMessage {
  thread: number;
  index: number;
  at: number;
  fromUs: boolean;
  contact: Contact;
  last: boolean;
}

export interface GeneratedMailbox {
  messages: number;
  threads: number;
  counterparts: number;
  jsonlBytes: number;
  mboxBytes: number;
  /** Distinct body sentences written (greetings, sign-offs, signatures and quotes aside). */
  distinctSentences: number;
}

class BufferedWriter {
  private parts: string[] = [];
  private size = 0;
  bytes = 0;
  constructor(private readonly stream: WriteStream) {}
  async write(text: string): Promise<void> {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) await this.flush();
  }
  async flush(): Promise<void> {
    const chunk = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.bytes += Buffer.byteLength(chunk);
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

export async function generateMailbox(options: { messages: number; jsonlPath: string; mboxPath?: string; seed?: number; sentences?: SentencePools }): Promise<GeneratedMailbox> {
  const random = mulberry32(options.seed ?? 20260420);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const pools = options.sentences ?? TEMPLATE_SENTENCES;
  const written = new Set<string>();
  // One random draw per sentence whatever the pool, so both kinds of mailbox have the same shape.
  const sentence = (pool: readonly string[], topic: string): string => {
    const text = pick(pool).replace('{t}', topic);
    written.add(text);
    return text;
  };

  // ~200 counterparts: 170 organisations with 1-4 contacts, 30 free-mail individuals.
  const contacts: Contact[][] = [];
  for (let c = 0; c < 200; c++) {
    const people: Contact[] = [];
    const free = c >= 170;
    const domain = free ? pick(FREE) : `${ORG[c % ORG.length]}-${String(c).padStart(3, '0')}.example`;
    const count = free ? 1 : 1 + Math.floor(random() * 4);
    for (let p = 0; p < count; p++) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const local = free ? `${first}.${last.replace(/\s/g, '')}${c}`.toLowerCase() : `${first[0]}.${last.replace(/\s/g, '')}`.toLowerCase();
      people.push({ name: `${first} ${last}`, address: `${local}@${domain}`, counterpart: c });
    }
    contacts.push(people);
  }
  // Zipf-like weights: a few clients are much busier than the long tail.
  const weights = contacts.map((_, i) => 1 / Math.pow(i + 1, 0.8));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickCounterpart = (): number => {
    let r = random() * totalWeight;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i] as number;
      if (r <= 0) return i;
    }
    return weights.length - 1;
  };

  // Plan threads: geometric sizes (mean 4), 1% long threads of 15-60 messages.
  const start = Date.parse('2024-05-01T00:00:00Z');
  const span = Date.parse('2026-04-15T00:00:00Z') - start;
  const planned: PlannedMessage[] = [];
  let thread = 0;
  while (planned.length < options.messages) {
    const size = random() < 0.01 ? 15 + Math.floor(random() * 46) : Math.min(1 + Math.floor(Math.log(1 - random()) / Math.log(0.75)), 40);
    const cp = pickCounterpart();
    const people = contacts[cp] as Contact[];
    let at = start + Math.floor(random() * span);
    let fromUs = random() < 0.6;
    const count = Math.min(size, options.messages - planned.length);
    for (let i = 0; i < count; i++) {
      planned.push({ thread, index: i, at, fromUs, contact: pick(people), last: i === count - 1 });
      // Replies come minutes to days later; most turns alternate, some are follow-ups from the same side.
      at += Math.floor(Math.exp(3 + random() * 6) * 60000);
      if (random() < 0.85) fromUs = !fromUs;
    }
    thread++;
  }
  planned.sort((a, b) => a.at - b.at);

  const jsonl = new BufferedWriter(createWriteStream(options.jsonlPath));
  const mbox = options.mboxPath ? new BufferedWriter(createWriteStream(options.mboxPath)) : null;
  const previous = new Map<number, { id: string; text: string; from: string; date: string; refs: string[]; subject: string }>();
  const me = { name: 'Maya Chen', address: BENCH_ME };

  for (const m of planned) {
    const topic = pick(TOPICS);
    const prev = previous.get(m.thread);
    const sender = m.fromUs ? me : m.contact;
    const recipient = m.fromUs ? m.contact : me;
    const offset = m.fromUs ? (m.at > Date.parse('2025-03-30T01:00:00Z') && m.at < Date.parse('2025-10-26T01:00:00Z') ? 120 : 60) : pick([-300, -240, 0, 60, 330, 540]);
    const lines: string[] = [m.index === 0 ? `Hi ${recipient.name.split(' ')[0]},` : pick(['Hi,', `Hi ${recipient.name.split(' ')[0]},`, 'Hello,']), ''];
    const sentences = 1 + Math.floor(random() * 3);
    for (let s = 0; s < sentences; s++) lines.push(sentence(m.fromUs ? pools.ours : pools.theirs, topic));
    if (m.fromUs && random() < 0.15) lines.push(sentence(pools.ourPromises, topic));
    if (!m.fromUs && random() < 0.2) lines.push(sentence(pools.theirRequests, topic));
    if (!m.fromUs && random() < 0.02) lines.push(sentence(pools.theirRisks, topic));
    lines.push('', pick(SIGN_OFFS), sender.name.split(' ')[0] as string, '');
    lines.push(m.fromUs ? '--\nMaya Chen\nClient Director | Brightlane Studio\n+49 30 5557 0142' : `${sender.name}\nAccount Lead\n+1 555 0100 ${String(m.thread % 1000).padStart(3, '0')}`);
    let text = lines.join('\n');
    if (prev) {
      // Clients trim quoted history; keep roughly the last two messages' worth.
      const quoted = prev.text.length > 1800 ? prev.text.slice(0, 1800) : prev.text;
      text += random() < 0.7
        ? `\n\nOn ${prev.date}, ${prev.from} wrote:\n${quoted.split('\n').map((l) => `> ${l}`).join('\n')}`
        : `\n\n________________________________\nFrom: ${prev.from}\nSent: ${prev.date}\nTo: ${recipient.name}\nSubject: ${prev.subject}\n\n${quoted}`;
    }
    const id = `t${m.thread}.m${m.index}.${m.at.toString(36)}@${sender.address.split('@')[1]}`;
    const subject = `${m.index === 0 ? '' : 'Re: '}${topic[0]?.toUpperCase()}${topic.slice(1)} (${m.thread})`;
    const automated = !m.fromUs && m.index === 0 && random() < 0.03;
    const date = isoWithOffset(m.at, offset);
    const refs = prev ? [...prev.refs.slice(-5), prev.id] : [];
    const message = {
      id,
      ...(m.thread % 2 === 0 ? { threadId: `thread-${m.thread}` } : {}),
      from: `${sender.name} <${automated ? `noreply@${sender.address.split('@')[1]}` : sender.address}>`,
      to: [`${recipient.name} <${recipient.address}>`],
      date,
      subject,
      text,
      ...(prev ? { inReplyTo: prev.id, references: refs } : {}),
      ...(automated ? { headers: { 'List-Unsubscribe': '<mailto:unsubscribe@example.com>' } } : {}),
    };
    await jsonl.write(`${JSON.stringify(message)}\n`);
    if (mbox) {
      const headers = [
        `From ${m.thread}@xxx ${new Date(m.at).toUTCString()}`,
        ...(message.threadId ? [`X-GM-THRID: ${m.thread}`] : []),
        `Message-ID: <${id}>`,
        `Date: ${rfc2822(m.at, offset)}`,
        `From: ${message.from}`,
        `To: ${message.to[0]}`,
        `Subject: ${subject}`,
        ...(prev ? [`In-Reply-To: <${prev.id}>`, `References: ${refs.map((r) => `<${r}>`).join(' ')}`] : []),
        ...(automated ? ['List-Unsubscribe: <mailto:unsubscribe@example.com>'] : []),
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: 8bit',
      ];
      await mbox.write(`${headers.join('\n')}\n\n${text.replace(/^(>*From )/gm, '>$1')}\n\n`);
    }
    if (m.last) previous.delete(m.thread);
    else previous.set(m.thread, { id, text, from: `${sender.name} <${sender.address}>`, date: rfc2822(m.at, offset), refs, subject });
  }
  await jsonl.close();
  if (mbox) await mbox.close();
  return { messages: planned.length, threads: thread, counterparts: contacts.length, jsonlBytes: jsonl.bytes, mboxBytes: mbox?.bytes ?? 0, distinctSentences: written.size };
}
