// A mailbox at the size users have (issue 9): one user, 100,000 messages over two years, one key client
// with 20,000 of them in about 3,100 threads and over 1,000 promises, the rest spread over 190 smaller
// clients with Zipf-like activity. Deterministic (seeded); times are placed relative to `endMs` so the
// newest mail is a few days old whenever the benchmark runs, and promises, silences and waiting replies
// are all in play.
//
// What real mail has and the engine must cope with: Gmail and Outlook quoting of the message answered,
// signatures, several contacts per client, threads with and without the provider's thread id, replies
// without threading headers ("Re: ..." only), automated mail, promises with stated and default due dates,
// later mail that delivers them (attachments, "as promised"), slips ("taking longer, Monday"), requests,
// and the odd complaint.
import type { NormalizedMessageInput } from '@followthrough/shared';

export const REAL_SIZE_ME = 'maya@brightlane.example';
export const KEY_CLIENT = 'kestrel-logistics.example';

export interface RealSizeShape {
  messages: number;
  keyClientMessages: number;
  keyClientThreads: number;
  smallClients: number;
  /** The newest message is about this long before `endMs`. */
  endMs: number;
  seed?: number;
  /** Whose mailbox it is (default Maya Chen, REAL_SIZE_ME): colleagues' mailboxes share the same clients. */
  me?: { name: string; address: string };
}

export const REAL_SIZE: Omit<RealSizeShape, 'endMs'> = {
  messages: 100_000,
  keyClientMessages: 20_000,
  keyClientThreads: 3_100,
  smallClients: 190,
};

/** REAL_SIZE with `messages` in all: the key client keeps its share of messages and threads (smaller runs of the benches). */
export function scaledRealSize(messages: number): Omit<RealSizeShape, 'endMs'> {
  const scale = messages / REAL_SIZE.messages;
  return {
    messages,
    keyClientMessages: Math.round(REAL_SIZE.keyClientMessages * scale),
    keyClientThreads: Math.round(REAL_SIZE.keyClientThreads * scale),
    smallClients: REAL_SIZE.smallClients,
  };
}

interface Contact {
  name: string;
  address: string;
}

interface Client {
  key: string;
  contacts: Contact[];
}

interface Planned {
  thread: number;
  index: number;
  at: number;
  fromUs: boolean;
  contact: Contact;
  last: boolean;
}

interface ThreadPlan {
  client: Client;
  topic: string;
  provided: boolean;
  /** What our promise in this thread turns into: delivered later, slipped first, or left unkept. */
  fate: 'delivered' | 'slipped' | 'unkept';
  promised: boolean;
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
const ORG = ['northwind', 'aldercrest', 'bluepeak', 'harbor', 'lumen', 'orchard', 'meridian', 'copperleaf', 'silverline', 'foxglove'];
const FREE = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'hotmail.com', 'proton.me'];
const TOPICS = [
  'the Q3 roadmap', 'the March invoice', 'the onboarding flow', 'the data migration', 'the security review', 'the renewal terms',
  'the launch plan', 'the reporting module', 'the API integration', 'the brand refresh', 'the warehouse rollout', 'the SLA report',
  'the pricing sheet', 'the training schedule', 'the change request', 'the pilot results',
];
const DOCUMENTS: Record<string, string> = {
  'the Q3 roadmap': 'Q3 roadmap v2.pdf', 'the March invoice': 'Invoice 2026-03 corrected.pdf', 'the onboarding flow': 'Onboarding flow.pdf',
  'the data migration': 'Migration plan.xlsx', 'the security review': 'Security review findings.pdf', 'the renewal terms': 'Renewal terms draft.docx',
  'the launch plan': 'Launch plan.pptx', 'the reporting module': 'Reporting module spec.pdf', 'the API integration': 'API integration guide.pdf',
  'the brand refresh': 'Brand refresh concepts.pdf', 'the warehouse rollout': 'Warehouse rollout schedule.xlsx', 'the SLA report': 'SLA report.pdf',
  'the pricing sheet': 'Pricing sheet 2026.xlsx', 'the training schedule': 'Training schedule.pdf', 'the change request': 'Change request CR-14.pdf',
  'the pilot results': 'Pilot results.pdf',
};
const NEUTRAL_US = [
  'Thanks for the call earlier, it was useful to walk through {t} together.',
  'We reviewed {t} with the team this morning and the direction looks right.',
  'The numbers for {t} are in line with what we discussed last week.',
  'Just a quick update: {t} is progressing as planned and we are on schedule.',
  'Good to hear the pilot went well; the team was pleased with your feedback on {t}.',
];
const NEUTRAL_THEM = [
  'Thanks for the update on {t}.',
  'We discussed {t} internally and have a couple of comments.',
  'That sounds good to us, happy with the direction on {t}.',
  'Our finance team has looked at {t} as well.',
];
const PROMISES = [
  "I'll send you the revised version of {t} by Friday.",
  "We'll have the updated estimate for {t} ready by end of day tomorrow.",
  'I will get back to you on {t} early next week.',
  "Let me check with the team and I'll confirm {t} by Thursday.",
  "I'll share the draft of {t} within 48 hours.",
  "I'll look into {t} and come back to you.",
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
const THANKS = ['Thanks, got it!', 'Perfect, thank you.', 'Great, thanks a lot.'];
const SIGN_OFFS = ['Best,', 'Kind regards,', 'Thanks,', 'Cheers,', 'Best regards,'];
const pad = (n: number): string => String(n).padStart(2, '0');

/** ISO with the sender's fixed offset, as a client writes it. */
function isoWithOffset(ms: number, offsetMinutes: number): string {
  const local = new Date(ms + offsetMinutes * 60000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const off = Math.abs(offsetMinutes);
  return `${local.toISOString().slice(0, 19)}${sign}${pad(Math.floor(off / 60))}:${pad(off % 60)}`;
}

function makeClients(random: () => number, smallClients: number): Client[] {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const person = (domain: string, free: boolean, n: number): Contact => {
    const first = pick(FIRST);
    const last = pick(LAST);
    const local = free ? `${first}.${last.replace(/\s/g, '')}${n}` : `${first[0]}.${last.replace(/\s/g, '')}`;
    return { name: `${first} ${last}`, address: `${local.toLowerCase()}@${domain}` };
  };
  const clients: Client[] = [{ key: KEY_CLIENT, contacts: Array.from({ length: 6 }, (_, i) => person(KEY_CLIENT, false, i)) }];
  for (let c = 0; c < smallClients; c++) {
    const free = c >= smallClients - 30;
    if (free) {
      const contact = person(pick(FREE), true, c);
      clients.push({ key: contact.address, contacts: [contact] });
    } else {
      const domain = `${ORG[c % ORG.length]}-${String(c).padStart(3, '0')}.example`;
      const count = 1 + Math.floor(random() * 3);
      const contacts: Contact[] = [];
      for (let p = 0; p < count; p++) {
        const candidate = person(domain, false, p);
        if (!contacts.some((x) => x.address === candidate.address)) contacts.push(candidate);
      }
      clients.push({ key: domain, contacts });
    }
  }
  return clients;
}

/**
 * The messages in time order. Plans every message's metadata first (about 100 bytes each), then writes
 * each text as it is yielded, so the caller can stream them into batches.
 */
export function* realSizeMailbox(shape: RealSizeShape): Generator<NormalizedMessageInput> {
  const random = mulberry32(shape.seed ?? 20261203);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const clients = makeClients(random, shape.smallClients);
  const keyClient = clients[0]!;
  const small = clients.slice(1);
  const weights = small.map((_, i) => 1 / Math.pow(i + 1, 0.7));
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const pickSmall = (): Client => {
    let r = random() * totalWeight;
    for (let i = 0; i < weights.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return small[i]!;
    }
    return small[small.length - 1]!;
  };

  const span = 2 * 365 * 86_400_000;
  const start = shape.endMs - span - 3 * 86_400_000;
  const planned: Planned[] = [];
  const threads: ThreadPlan[] = [];
  /** Working-hours-ish send times: most mail 08:00-18:00 UTC+1, a few evenings, weekends rare. */
  const nudgeIntoDay = (ms: number): number => {
    const d = new Date(ms);
    const day = d.getUTCDay();
    if ((day === 0 || day === 6) && random() < 0.85) ms += (day === 6 ? 2 : 1) * 86_400_000;
    const hour = new Date(ms).getUTCHours();
    if ((hour < 7 || hour > 17) && random() < 0.8) ms += ((7 + Math.floor(random() * 10) - hour + 24) % 24) * 3_600_000;
    return ms;
  };
  const planThread = (client: Client, size: number): void => {
    const thread = threads.length;
    threads.push({
      client,
      topic: pick(TOPICS),
      provided: random() < 0.5,
      fate: random() < 0.45 ? 'delivered' : random() < 0.3 ? 'slipped' : 'unkept',
      promised: false,
    });
    let at = nudgeIntoDay(start + Math.floor(random() * (span - 20 * 86_400_000)));
    let fromUs = random() < 0.55;
    for (let i = 0; i < size; i++) {
      planned.push({ thread, index: i, at, fromUs, contact: pick(client.contacts), last: i === size - 1 });
      at = nudgeIntoDay(at + Math.floor(Math.exp(3 + random() * 6.5) * 60000));
      if (random() < 0.85) fromUs = !fromUs;
    }
  };
  // The key client: sizes around its mean so its message count lands on the target.
  const keyMean = shape.keyClientMessages / shape.keyClientThreads;
  let keyLeft = shape.keyClientMessages;
  for (let t = 0; t < shape.keyClientThreads && keyLeft > 0; t++) {
    const threadsLeft = shape.keyClientThreads - t;
    const size = threadsLeft === 1 ? keyLeft : Math.max(1, Math.min(keyLeft - (threadsLeft - 1), Math.round(keyMean * (0.3 + random() * 1.4))));
    planThread(keyClient, size);
    keyLeft -= size;
  }
  while (planned.length < shape.messages) {
    const size = random() < 0.01 ? 15 + Math.floor(random() * 30) : Math.min(1 + Math.floor(Math.log(1 - random()) / Math.log(0.72)), 30);
    planThread(pickSmall(), Math.min(size, shape.messages - planned.length));
  }
  planned.sort((a, b) => a.at - b.at || a.thread - b.thread || a.index - b.index);

  const me = shape.me ?? { name: 'Maya Chen', address: REAL_SIZE_ME };
  const previous = new Map<number, { id: string; text: string; from: string; date: string; refs: string[]; subject: string }>();
  const dayMs = 86_400_000;
  for (const m of planned) {
    const plan = threads[m.thread]!;
    const prev = previous.get(m.thread);
    const sender = m.fromUs ? me : m.contact;
    const recipient = m.fromUs ? m.contact : me;
    const topic = plan.topic;
    const offset = m.fromUs ? 60 : pick([-300, -240, 0, 60, 330, 540]);
    const lines: string[] = [m.index === 0 ? `Hi ${recipient.name.split(' ')[0]},` : pick(['Hi,', `Hi ${recipient.name.split(' ')[0]},`, 'Hello,']), ''];
    const attachments: string[] = [];
    const closing = !m.fromUs && m.last && random() < 0.25;
    if (closing) lines.push(pick(THANKS));
    else if (m.fromUs) {
      if (plan.promised && plan.fate === 'delivered' && random() < 0.5) {
        lines.push(`As promised, attached is the revised version of ${topic}.`);
        attachments.push(DOCUMENTS[topic] ?? 'Document.pdf');
        plan.promised = false;
      } else if (plan.promised && plan.fate === 'slipped' && random() < 0.4) {
        lines.push(`Apologies, ${topic} is taking longer than planned; you'll have it by Monday.`);
        plan.fate = 'delivered';
      } else {
        lines.push(pick(NEUTRAL_US).replace('{t}', topic));
        if (random() < 0.15) {
          lines.push(pick(PROMISES).replace('{t}', topic));
          plan.promised = true;
        }
      }
    } else {
      lines.push(pick(NEUTRAL_THEM).replace('{t}', topic));
      if (random() < 0.2) lines.push(pick(REQUESTS).replace('{t}', topic));
      if (random() < 0.015) lines.push(pick(RISKS).replace('{t}', topic));
    }
    lines.push('', pick(SIGN_OFFS), sender.name.split(' ')[0]!, '');
    lines.push(m.fromUs ? `--\n${me.name}\nClient Director | Brightlane Studio\n+49 30 5557 0142` : `${sender.name}\nAccount Lead\n+1 555 0100 ${String(m.thread % 1000).padStart(3, '0')}`);
    let text = lines.join('\n');
    if (prev) {
      const quoted = prev.text.length > 1500 ? prev.text.slice(0, 1500) : prev.text;
      text +=
        random() < 0.7
          ? `\n\nOn ${prev.date}, ${prev.from} wrote:\n${quoted.split('\n').map((l) => `> ${l}`).join('\n')}`
          : `\n\n________________________________\nFrom: ${prev.from}\nSent: ${prev.date}\nTo: ${recipient.name}\nSubject: ${prev.subject}\n\n${quoted}`;
    }
    const id = `<t${m.thread}.m${m.index}.${m.at.toString(36)}@${sender.address.split('@')[1]}>`;
    const subjectBase = `${topic[0]!.toUpperCase()}${topic.slice(1)} (#${m.thread})`;
    const subject = m.index === 0 ? subjectBase : `Re: ${subjectBase}`;
    const automated = !m.fromUs && m.index === 0 && random() < 0.02;
    const refs = prev ? [...prev.refs.slice(-5), prev.id] : [];
    // Some clients' replies carry no threading headers at all: only "Re:" and the subject join them.
    const headerless = prev !== undefined && !plan.provided && random() < 0.03;
    const cc = !m.fromUs || random() > 0.2 ? [] : plan.client.contacts.filter((c) => c !== m.contact).slice(0, 1).map((c) => `${c.name} <${c.address}>`);
    yield {
      id,
      ...(plan.provided ? { threadId: `thr-${m.thread.toString(16).padStart(8, '0')}` } : {}),
      from: `${sender.name} <${automated ? `noreply@${sender.address.split('@')[1]}` : sender.address}>`,
      to: [`${recipient.name} <${recipient.address}>`],
      ...(cc.length > 0 ? { cc } : {}),
      date: isoWithOffset(Math.min(m.at, shape.endMs - dayMs), offset),
      subject,
      text,
      ...(prev && !headerless ? { inReplyTo: prev.id, references: refs } : {}),
      ...(automated ? { headers: { 'List-Unsubscribe': '<mailto:unsubscribe@example.com>' } } : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
    };
    if (m.last) previous.delete(m.thread);
    else previous.set(m.thread, { id, text, from: `${sender.name} <${sender.address}>`, date: new Date(m.at).toUTCString(), refs, subject });
  }
}
