/**
 * Realistic mail for the stand-ins: a consultant (Dana at Northwind Consulting) and her clients, with
 * Gmail-style and Outlook-style quoting, signatures and commitments. `generateMailbox(n)` scales the same
 * conversation shapes up for the benchmark; every message has a unique Message-ID.
 */
export interface FixtureMail {
  messageId: string;
  threadKey: string;
  from: string;
  to: string[];
  cc?: string[];
  subject: string;
  /** Sent time (ms since epoch) and the sender's UTC offset in minutes. */
  sentMs: number;
  offsetMinutes: number;
  text: string;
  inReplyTo?: string;
  references?: string[];
  /** Dana sent it (Gmail SENT label / Graph sentitems). */
  sent: boolean;
  extraHeaders?: Record<string, string>;
  /** An HTML-only body (no text/plain part): Gmail serves one text/html part, Graph an html body. */
  html?: string;
  /** Headers written as a stranger's mailer wrote them, in place of the ones built from the fields above. */
  rawHeaders?: { name: string; value: string }[];
}

export const me = 'dana@northwind-consulting.com';

const clients = [
  { name: 'Priya Raman', address: 'priya.raman@contoso-retail.com', org: 'Contoso Retail' },
  { name: 'Marcus Bell', address: 'marcus@fabrikam.io', org: 'Fabrikam' },
  { name: 'Lena Vogel', address: 'l.vogel@adatum.de', org: 'Adatum' },
  { name: 'Tom Okafor', address: 'tom.okafor@gmail.com', org: 'Okafor Studio' },
];

export function rfc2822(ms: number, offsetMinutes: number): string {
  const d = new Date(ms + offsetMinutes * 60_000);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(
    d.getUTCMinutes(),
  )}:${pad(d.getUTCSeconds())} ${sign}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/**
 * One three-message conversation: the client asks, Dana answers with a promise (quoting the question
 * Gmail-style), the client thanks her (quoting Outlook-style). `seq` makes ids and subjects unique.
 */
export function conversation(seq: number, startMs: number): FixtureMail[] {
  const client = clients[seq % clients.length]!;
  const topic = ['Q3 rollout plan', 'invoice 2026-114', 'data migration scope', 'workshop agenda', 'renewal terms'][seq % 5]!;
  const subject = `${topic} (#${seq})`;
  const askId = `ask-${seq}@mail.${client.address.split('@')[1]}`;
  const replyId = `reply-${seq}@mail.gmail.com`;
  const thanksId = `thanks-${seq}@mail.${client.address.split('@')[1]}`;
  const askMs = startMs;
  const replyMs = askMs + 95 * 60_000;
  const thanksMs = replyMs + 26 * 60 * 60_000;
  const clientFrom = `${client.name} <${client.address}>`;
  const danaFrom = `Dana Whitfield <${me}>`;
  return [
    {
      messageId: askId,
      threadKey: `t-${seq}`,
      from: clientFrom,
      to: [danaFrom],
      subject,
      sentMs: askMs,
      offsetMinutes: 60,
      sent: false,
      text: `Hi Dana,\n\nCould you send me the updated ${topic} before our call? The board meets on Thursday.\n\nThanks,\n${client.name.split(' ')[0]}\n${client.org}`,
    },
    {
      messageId: replyId,
      threadKey: `t-${seq}`,
      from: danaFrom,
      to: [clientFrom],
      subject: `Re: ${subject}`,
      sentMs: replyMs,
      offsetMinutes: 0,
      sent: true,
      inReplyTo: askId,
      references: [askId],
      text:
        `Hi ${client.name.split(' ')[0]},\n\nI'll send you the revised ${topic} by Wednesday EOD.\n\nBest,\nDana\n--\nDana Whitfield | Northwind Consulting\n\n` +
        `On ${rfc2822(askMs, 60)}, ${client.name} <${client.address}> wrote:\n> Hi Dana,\n>\n> Could you send me the updated ${topic} before our call?\n`,
    },
    {
      messageId: thanksId,
      threadKey: `t-${seq}`,
      from: clientFrom,
      to: [danaFrom],
      subject: `RE: ${subject}`,
      sentMs: thanksMs,
      offsetMinutes: 60,
      sent: false,
      inReplyTo: replyId,
      references: [askId, replyId],
      text:
        `Perfect, thank you.\n\n${client.name.split(' ')[0]}\n\n________________________________\nFrom: Dana Whitfield <${me}>\nSent: ${new Date(replyMs).toUTCString()}\n` +
        `To: ${client.name} <${client.address}>\nSubject: Re: ${subject}\n\nI'll send you the revised ${topic} by Wednesday EOD.\n`,
    },
  ];
}

/** `count` messages (rounded up to whole conversations), spread over the last `days` days before `nowMs`. */
export function generateMailbox(count: number, nowMs: number, days = 150): FixtureMail[] {
  const conversations = Math.ceil(count / 3);
  const span = days * 86_400_000;
  const out: FixtureMail[] = [];
  for (let seq = 0; seq < conversations; seq++) {
    const start = nowMs - span + Math.floor((seq / conversations) * (span - 3 * 86_400_000));
    out.push(...conversation(seq, start));
  }
  return out.slice(0, count);
}
