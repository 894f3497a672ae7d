// Builds brightlane-takeout.mbox, the fictional sample mailbox the README quick start analyses.
// Run: `npx tsx sample/build-sample.ts` (from server/). The .mbox is committed; this script is how it was made,
// so the sample can be changed by editing the conversations below rather than by hand-editing MIME.
// It deliberately exercises what real exports contain: quoted-printable, base64, HTML-only Outlook mail,
// ISO-8859-1, RFC 2047 headers, folded headers, Gmail labels and thread ids, ">From" escaping.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { conversations, type Person, type SampleMessage } from './conversations';

const out = join(dirname(fileURLToPath(import.meta.url)), 'brightlane-takeout.mbox');

/** Offset in minutes of `zone` at the wall-clock time `local` ("2026-03-17 10:02"), DST-correct. */
function localToInstant(local: string, zone: string): { ms: number; offset: number } {
  const [date, time] = local.split(' ') as [string, string];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
  const offsetAt = (ms: number): number => {
    const p = Object.fromEntries(fmt.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return (Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - ms) / 60000;
  };
  let ms = wall - offsetAt(wall) * 60000;
  ms = wall - offsetAt(ms) * 60000;
  return { ms, offset: offsetAt(ms) };
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const p2 = (n: number): string => String(n).padStart(2, '0');

interface Stamp {
  ms: number;
  offset: number;
  /** The sender's wall clock. */
  wall: Date;
}

function stamp(local: string, zone: string): Stamp {
  const { ms, offset } = localToInstant(local, zone);
  return { ms, offset, wall: new Date(ms + offset * 60000) };
}

function rfc2822(s: Stamp, zoneName?: string): string {
  const w = s.wall;
  const sign = s.offset < 0 ? '-' : '+';
  const zone = zoneName ?? `${sign}${p2(Math.floor(Math.abs(s.offset) / 60))}${p2(Math.abs(s.offset) % 60)}`;
  return `${DAYS[w.getUTCDay()]}, ${w.getUTCDate()} ${MONTHS[w.getUTCMonth()]} ${w.getUTCFullYear()} ${p2(w.getUTCHours())}:${p2(w.getUTCMinutes())}:${p2(w.getUTCSeconds())} ${zone}`;
}

const formatPerson = (p: Person): string => (/[,]/.test(p.name) ? `"${p.name}" <${p.address}>` : `${p.name} <${p.address}>`);

function encodeWordQ(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const bytes = Buffer.from(text, 'utf8');
  let q = '';
  for (const b of bytes) q += b === 32 ? '_' : (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return `=?UTF-8?Q?${q}?=`;
}

function quotedPrintable(bytes: Buffer): string {
  const lines: string[] = [];
  for (const raw of bytes.toString('latin1').split('\n')) {
    let line = '';
    for (let i = 0; i < raw.length; i++) {
      const code = raw.charCodeAt(i);
      const ch = code === 61 || code > 126 || (code < 32 && code !== 9) ? `=${code.toString(16).toUpperCase().padStart(2, '0')}` : raw[i] ?? '';
      if (line.length + ch.length > 75) {
        lines.push(`${line}=`);
        line = '';
      }
      line += ch;
    }
    lines.push(line.replace(/ $/, '=20'));
  }
  return lines.join('\n');
}

const base64Lines = (bytes: Buffer): string => bytes.toString('base64').replace(/.{76}/g, '$&\n');

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function quoteHistory(message: SampleMessage, previous: { message: SampleMessage; stamp: Stamp; text: string } | undefined): string {
  if (!previous || message.quote === 'none') return message.body;
  const prev = previous.message;
  const w = previous.stamp.wall;
  if (message.quote === 'outlook') {
    const hour = w.getUTCHours() % 12 || 12;
    const sent = `${LONG_DAYS[w.getUTCDay()]}, ${LONG_MONTHS[w.getUTCMonth()]} ${w.getUTCDate()}, ${w.getUTCFullYear()} ${hour}:${p2(w.getUTCMinutes())} ${w.getUTCHours() < 12 ? 'AM' : 'PM'}`;
    return `${message.body}\n\n________________________________\nFrom: ${prev.from.name} <${prev.from.address}>\nSent: ${sent}\nTo: ${prev.to.map((p) => p.name).join('; ')}\nSubject: ${prev.subject}\n\n${previous.text}`;
  }
  if (message.quote === 'german') {
    return `${message.body}\n\nAm ${p2(w.getUTCDate())}.${p2(w.getUTCMonth() + 1)}.${w.getUTCFullYear()} um ${p2(w.getUTCHours())}:${p2(w.getUTCMinutes())} schrieb ${prev.from.name} <${prev.from.address}>:\n${previous.text.split('\n').map((l) => `> ${l}`).join('\n')}`;
  }
  const hour = w.getUTCHours() % 12 || 12;
  const when = `${DAYS[w.getUTCDay()]}, ${MONTHS[w.getUTCMonth()]} ${w.getUTCDate()}, ${w.getUTCFullYear()} at ${hour}:${p2(w.getUTCMinutes())} ${w.getUTCHours() < 12 ? 'AM' : 'PM'}`;
  return `${message.body}\n\nOn ${when} ${prev.from.name} <${prev.from.address}> wrote:\n${previous.text.split('\n').map((l) => (l.startsWith('>') ? `>${l}` : `> ${l}`)).join('\n')}`;
}

function buildBody(message: SampleMessage, text: string, boundarySeed: string): { headers: string[]; body: string } {
  const encoding = message.encoding ?? 'qp';
  if (encoding === 'html-only') {
    const html = `<html><head><style>p{margin:0}</style></head><body><div style="font-family:Calibri">${text
      .split('\n\n')
      .map((para) => `<p>${escapeHtml(para).replace(/\n/g, '<br>')}</p>`)
      .join('\n')}</div></body></html>`;
    return { headers: ['Content-Type: text/html; charset="utf-8"', 'Content-Transfer-Encoding: quoted-printable'], body: quotedPrintable(Buffer.from(html, 'utf8')) };
  }
  if (encoding === 'latin1') {
    return { headers: ['Content-Type: text/plain; charset=ISO-8859-1', 'Content-Transfer-Encoding: quoted-printable'], body: quotedPrintable(Buffer.from(text, 'latin1')) };
  }
  if (encoding === 'base64') {
    return { headers: ['Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64'], body: base64Lines(Buffer.from(text, 'utf8')) };
  }
  if (encoding === 'alternative' || encoding === 'attachment') {
    const b = `000000000000${boundarySeed}`;
    const html = `<div dir="ltr">${text.split('\n').map((l) => `${escapeHtml(l)}<br>`).join('')}</div>`;
    const alt = [
      `--${b}`,
      'Content-Type: text/plain; charset="UTF-8"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(Buffer.from(text, 'utf8')),
      '',
      `--${b}`,
      'Content-Type: text/html; charset="UTF-8"',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      quotedPrintable(Buffer.from(html, 'utf8')),
      '',
      `--${b}--`,
    ].join('\n');
    if (encoding === 'alternative') return { headers: [`Content-Type: multipart/alternative; boundary="${b}"`], body: alt };
    const outer = `000000000000mixed${boundarySeed}`;
    const pdf = Buffer.from(`%PDF-1.4\n% ${message.attachment ?? 'document'} (sample placeholder)\n`.repeat(40));
    return {
      headers: [`Content-Type: multipart/mixed; boundary="${outer}"`],
      body: [
        `--${outer}`,
        `Content-Type: multipart/alternative; boundary="${b}"`,
        '',
        alt,
        `--${outer}`,
        `Content-Type: application/pdf; name="${message.attachment ?? 'document.pdf'}"`,
        `Content-Disposition: attachment; filename="${message.attachment ?? 'document.pdf'}"`,
        'Content-Transfer-Encoding: base64',
        '',
        base64Lines(pdf),
        `--${outer}--`,
      ].join('\n'),
    };
  }
  return { headers: ['Content-Type: text/plain; charset="UTF-8"', 'Content-Transfer-Encoding: quoted-printable'], body: quotedPrintable(Buffer.from(text, 'utf8')) };
}

const chunks: string[] = [];
const sent = new Set(conversations.me.map((p) => p.address));
let threadNo = 0;
let total = 0;
const byId = new Map<string, { message: SampleMessage; stamp: Stamp; text: string; id: string; refs: string[] }>();
const all: { stamp: Stamp; mbox: string }[] = [];

for (const thread of conversations.threads) {
  threadNo++;
  const thrid = String(1790000000000000000n + BigInt(threadNo) * 7919n);
  let previous: { message: SampleMessage; stamp: Stamp; text: string; id: string; refs: string[] } | undefined;
  thread.forEach((message, index) => {
    total++;
    const s = stamp(message.at, message.from.zone);
    const parent = message.replyTo !== undefined ? byId.get(`${threadNo}:${message.replyTo}`) : previous;
    const text = quoteHistory(message, parent);
    const id = `${thrid.slice(-6)}.${index}.${s.ms.toString(36)}@${message.from.address.split('@')[1]}`;
    const refs = parent ? [...parent.refs, parent.id] : [];
    const fromMe = sent.has(message.from.address);
    const labels = message.labels ?? (fromMe ? 'Sent' : message.automated ? 'Inbox,Category Updates' : 'Inbox,Important');
    const { headers, body } = buildBody(message, text, `${threadNo}x${index}`);
    const lines = [
      `From ${thrid}@xxx ${DAYS[new Date(s.ms).getUTCDay()]} ${MONTHS[new Date(s.ms).getUTCMonth()]} ${p2(new Date(s.ms).getUTCDate())} ${new Date(s.ms).toISOString().slice(11, 19)} +0000 ${new Date(s.ms).getUTCFullYear()}`,
      `X-GM-THRID: ${thrid}`,
      `X-Gmail-Labels: ${labels}`,
      `Message-ID: <${id}>`,
      `Date: ${rfc2822(s, message.zoneName)}`,
      `From: ${formatPerson(message.from)}`,
      `To: ${message.to.map(formatPerson).join(',\n ')}`,
      ...(message.cc ? [`Cc: ${message.cc.map(formatPerson).join(', ')}`] : []),
      `Subject: ${encodeWordQ(message.subject)}`,
      ...(parent ? [`In-Reply-To: <${parent.id}>`, `References: ${refs.map((r) => `<${r}>`).join('\n ')}`] : []),
      ...(message.extraHeaders ?? []),
      'MIME-Version: 1.0',
      ...headers,
      '',
      // mboxrd escaping: a body line starting with "From " is written as ">From ".
      body.replace(/^(>*From )/gm, '>$1'),
      '',
    ];
    all.push({ stamp: s, mbox: lines.join('\n') });
    const entry = { message, stamp: s, text, id, refs };
    byId.set(`${threadNo}:${index}`, entry);
    previous = entry;
  });
}
// Takeout writes messages roughly in the order they arrived.
all.sort((a, b) => a.stamp.ms - b.stamp.ms);
for (const m of all) chunks.push(m.mbox);
writeFileSync(out, `${chunks.join('\n')}\n`);
console.log(`wrote ${total} messages in ${threadNo} threads to ${out}`);
