/**
 * Quote zoning on real mail annotated by others: does `visibleText` keep the newest message and drop the quoted
 * history? The annotations are those of Repke and Krestel, "Bringing Back Structure to Free Text Email Conversations
 * with Recurrent Neural Networks" (ECIR 2018), published in
 * [HPI-Information-Systems/Quagga](https://github.com/HPI-Information-Systems/Quagga) (`Datasets/`, commit 4ba5be0,
 * GPL-3.0; the mail is the Enron corpus's and the Apache Software Foundation's public lists'). Neither the text nor the
 * annotations are committed here: the bench reads them when FOLLOWTHROUGH_QUAGGA_DIR points at a copy of `Datasets/`
 * (`git archive 4ba5be0 Datasets | tar -x`, then the folder).
 *
 * Three of its sets are read:
 * - `Enron/annotated_lines/*`: 169 messages, each body line prefixed with its zone: `B>` body, `H>` a header of quoted
 *   history (Lotus Notes' "Jane Roe/HOU/ECT on 05/02/2001 02:30 PM" blocks among them), `S>` signature.
 * - `ASF/{train,test,eval}/*.ann`: 358 messages of the Apache Solr users' list as JSON (the text, and character ranges
 *   typed Header, Body, Body/Intro, Body/Outro, Body/Signature).
 * - `Enron/annotated_all/{train,test,eval}/*.ann`: 800 Enron messages in the same JSON, split by the annotators by
 *   mailbox (no mailbox in two splits), with finer ranges inside the zones (Header/Person/From, Body/Outro/Name, ...)
 *   and two more kinds of body: Body/Attachments (a list of attached files) and Body/PS.
 *
 * The annotators marked zones, not which message a line belongs to, so the newest message is read from them as: the
 * body lines before the first header, and, on the lists, the unquoted lines that follow a block of ">" quotes after a
 * header (a reply written below or between the quotes). Everything else after the first header is history.
 * Per message:
 * - leaked: a line of history (four words or more) shows in the visible text and is not also in the newest message
 *   (writers re-quote a line they answer: "bq: ..."). A leak is what would make a promise in a quote count as ours.
 * - cut inside: a line of the newest message (four words or more) is missing from the visible text while a later one
 *   is kept: the reply lost text.
 * - tail dropped: only lines after the last one kept are missing: footers, legal notices and sign-offs the signature
 *   cut means to drop (the annotators typed many of them Body); told apart from a lost last paragraph only by reading.
 * Sets: ASF `train` and Enron `annotated_all/train` are the ones to learn from; ASF `test` and `eval`, Enron
 * `annotated_all/test` and `eval`, and Enron `annotated_lines` are held out (aggregates only: their messages are not to
 * be read, and no rule is to be tuned on them). A train message whose text is also in a held-out set is left out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { visibleText } from '../../src/analysis/visible-text';

export interface ZonedLine {
  text: string;
  /** Part of the newest message's body (not a header, greeting, sign-off or signature by the annotation). */
  own: boolean;
  /** Quoted history. */
  history: boolean;
}

export interface ZonedMessage {
  name: string;
  body: string;
  lines: ZonedLine[];
}

export type ZoningSet = 'asf train' | 'asf test' | 'asf eval' | 'enron train' | 'enron test' | 'enron eval' | 'enron lines';
export const HELD_OUT_ZONING_SETS: readonly ZoningSet[] = ['asf test', 'asf eval', 'enron test', 'enron eval', 'enron lines'];

export const findQuaggaDatasets = (): string | undefined => {
  const dir = process.env.FOLLOWTHROUGH_QUAGGA_DIR;
  return dir && existsSync(join(dir, 'ASF')) && existsSync(join(dir, 'Enron')) ? dir : undefined;
};

/** One Enron message of `annotated_lines`: RFC 822 headers, a blank line, then each line behind its zone's mark. */
export function readLineAnnotated(name: string, raw: string): ZonedMessage {
  const text = raw.replace(/\r\n?/g, '\n');
  const bodyStart = text.indexOf('\n\n');
  const marked = (bodyStart < 0 ? '' : text.slice(bodyStart + 2)).replace(/\n$/, '').split('\n');
  let pastHeader = false;
  const lines = marked.map((line) => {
    const mark = /^([BHS])>/.exec(line);
    const zone = mark?.[1] ?? 'B';
    if (zone === 'H') pastHeader = true;
    return { text: mark ? line.slice(2) : line, own: !pastHeader && zone === 'B', history: pastHeader };
  });
  return { name, body: lines.map((l) => l.text).join('\n'), lines };
}

export interface Denotation {
  start: number;
  end: number;
  type: string;
}

const QUOTED = /^\s*[>|]/;

/** One range-annotated message (ASF, Enron's annotated_all): the text and its typed character ranges, as JSON. */
export function readRangeAnnotated(name: string, json: string): ZonedMessage {
  const { text, denotations } = JSON.parse(json) as { text: string; denotations: Denotation[] };
  return zonedByRanges(name, text, denotations);
}

/** A message zoned by typed character ranges (the Quagga types; webis-zoning.ts maps its segments to them). */
export function zonedByRanges(name: string, text: string, ranges: readonly Denotation[]): ZonedMessage {
  // The zones only: a header, or a kind of body (Body/Outro), not the finer ranges inside them (Header/Person/From,
  // Body/Outro/Name), which would otherwise be found first for the lines they start.
  const denotations = ranges.filter((d) => d.type === 'Header' || (d.type.startsWith('Body') && d.type.split('/').length <= 2));
  const firstHeader = Math.min(...denotations.filter((d) => d.type === 'Header').map((d) => d.start), Infinity);
  let at = 0;
  let belowQuotes = false;
  const lines = text.split('\n').map((line) => {
    const start = at;
    at += line.length + 1;
    const zone = (denotations.find((d) => d.start <= start && start < d.end) ?? denotations.find((d) => start <= d.start && d.start < start + line.length))?.type ?? 'Body';
    if (zone === 'Header') {
      belowQuotes = false;
      return { text: line, own: false, history: start >= firstHeader };
    }
    const quoted = QUOTED.test(line);
    if (quoted) belowQuotes = true;
    const replyBelowQuotes = start >= firstHeader && !quoted && belowQuotes && line.trim() !== '';
    // A postscript is the writer's own text; greetings, sign-offs, signatures and lists of attachments are not.
    const own = (start < firstHeader || replyBelowQuotes) && (zone === 'Body' || zone === 'Body/PS');
    return { text: line, own, history: start >= firstHeader && !replyBelowQuotes };
  });
  return { name, body: text, lines };
}

export function readQuaggaDatasets(dir: string): Record<ZoningSet, ZonedMessage[]> {
  const sets = { 'asf train': [], 'asf test': [], 'asf eval': [], 'enron train': [], 'enron test': [], 'enron eval': [], 'enron lines': [] } as Record<ZoningSet, ZonedMessage[]>;
  const lines = join(dir, 'Enron', 'annotated_lines');
  for (const name of readdirSync(lines).sort()) sets['enron lines'].push(readLineAnnotated(name, readFileSync(join(lines, name), 'utf8')));
  for (const [corpus, folder] of [['asf', join(dir, 'ASF')], ['enron', join(dir, 'Enron', 'annotated_all')]] as const) {
    for (const split of ['train', 'test', 'eval'] as const) {
      // An older copy of the datasets has no annotated_all: its sets stay empty.
      if (!existsSync(join(folder, split))) continue;
      for (const name of readdirSync(join(folder, split)).filter((n) => n.endsWith('.ann')).sort()) {
        sets[`${corpus} ${split}`].push(readRangeAnnotated(name, readFileSync(join(folder, split, name), 'utf8')));
      }
    }
  }
  return withoutHeldOutCopies(sets, HELD_OUT_ZONING_SETS);
}

/** The sets with every message of a train set whose text is also in a held-out set left out (sets from several sources). */
export function withoutHeldOutCopies<S extends string>(sets: Record<S, ZonedMessage[]>, heldOut: readonly S[]): Record<S, ZonedMessage[]> {
  const heldOutTexts = new Set(heldOut.flatMap((set) => sets[set].map((m) => fold(m.body))));
  const out = { ...sets };
  for (const set of Object.keys(sets) as S[]) {
    if (!heldOut.includes(set)) out[set] = sets[set].filter((m) => !heldOutTexts.has(fold(m.body)));
  }
  return out;
}

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
/** A line without its quote marks, folded. */
const bare = (s: string) => fold(s.replace(/^[\s>|]+/, ''));
const words = (s: string) => (s === '' ? 0 : s.split(' ').length);

export interface ZoningVerdict {
  leaked: string[];
  cutInside: string[];
  tailDropped: string[];
}

export function judgeZoning(message: ZonedMessage, visible: string = visibleText(message.body)): ZoningVerdict {
  const shown = fold(visible);
  const newest = fold(message.lines.filter((l) => !l.history).map((l) => bare(l.text)).join(' '));
  const leaked = message.lines
    .filter((l) => l.history)
    .map((l) => bare(l.text))
    .filter((line) => words(line) >= 4 && line.length > 15 && shown.includes(line) && !newest.includes(line));
  const own = message.lines.filter((l) => l.own).map((l) => fold(l.text)).filter((line) => words(line) >= 4);
  const kept = own.map((line) => shown.includes(line));
  const lastKept = kept.lastIndexOf(true);
  return {
    leaked,
    cutInside: own.filter((_, i) => !kept[i] && i < lastKept),
    tailDropped: own.filter((_, i) => !kept[i] && i > lastKept),
  };
}

export interface ZoningFigures {
  messages: number;
  withHistory: number;
  right: number;
  leaked: number;
  cutInside: number;
  tailDropped: number;
}

export function zoningFigures(messages: readonly ZonedMessage[]): ZoningFigures {
  const figures: ZoningFigures = { messages: messages.length, withHistory: 0, right: 0, leaked: 0, cutInside: 0, tailDropped: 0 };
  for (const message of messages) {
    const verdict = judgeZoning(message);
    if (message.lines.some((l) => l.history)) figures.withHistory++;
    if (verdict.leaked.length > 0) figures.leaked++;
    if (verdict.cutInside.length > 0) figures.cutInside++;
    if (verdict.tailDropped.length > 0) figures.tailDropped++;
    if (verdict.leaked.length === 0 && verdict.cutInside.length === 0) figures.right++;
  }
  return figures;
}
