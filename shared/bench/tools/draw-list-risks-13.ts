/**
 * Draws round 13's inbound sentences for hand labelling of client risks (README "Round 13 (client risks)"): users of
 * open-source projects writing to the project's mailing list, that is to the people who make what they use (the
 * nearest thing in public mail to a customer writing to its supplier). Two sources read by the existing readers: the
 * Twisted lists (`twisted-list.ts`: twisted-python and twisted-web) and the four BerliOS lists (`berlios-lists.ts`).
 * `FOLLOWTHROUGH_TWISTED_LIST_DIR=… FOLLOWTHROUGH_BERLIOS_LIST_DIR=… npx tsx bench/tools/draw-list-risks-13.ts out`
 * writes `out.refs.jsonl` (references with empty labels) and `out.text.jsonl` (the same with text, writer, subject, for
 * labelling; not committed). Deterministic; no rule is run on the candidates.
 *
 * Who is the supplier: on each list, the writers of the most messages (`PROJECT_WRITERS`, ten on the Twisted lists, three
 * on a BerliOS list) are taken to be the project's own people; every other writer is a user. Only users' messages are
 * drawn, first posts and replies alike. A message any earlier round drew a sentence from is left out whole.
 * Candidates are the sentences of a message's own text as the engine reads it (`visibleText`), 8-600 characters, without
 * code, logs or paths; a message with more than 10 of them is skipped (pasted output, long designs).
 * Messages are ordered by the SHA-256 of "round 13 risks|" + list + "|" + Message-ID. Per source, in that order, all the
 * sentences of each message go to one stratum until it is full: `strong` a message with a narrow word of a user let down,
 * kept waiting or leaving (`STRONG`, `strongCount` sentences: the lists' risks are rare, and this is where most are),
 * `words` one with only a broad word of trouble (`TROUBLE`, `wordsCount`), `plain` one with neither (`plainCount`).
 *
 * The first part gave 6 risks in 351 sentences, so a second part was drawn after it was committed (and skips it):
 * `... draw-list-risks-13.ts out 100 0 0 2` takes, in the same order, all the sentences of the messages with a word of
 * displeasure, waiting, decline or leaving (`DISPLEASURE`, narrower than `STRONG`), `wordsCount` sentences a source,
 * marked `displeasure`.
 */
import { writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';
import { sha256, splitOf, usedSentences } from './state-mail';
import { TWISTED_LIST_SOURCE, findTwistedList, readTwistedList, type TwistedMessage } from './twisted-list';
import { BERLIOS_LIST_SOURCE, findBerliosLists, readBerliosLists } from './berlios-lists';

const twistedDir = findTwistedList();
const berliosDir = findBerliosLists();
if (!twistedDir || !berliosDir) throw new Error('set FOLLOWTHROUGH_TWISTED_LIST_DIR and FOLLOWTHROUGH_BERLIOS_LIST_DIR');
const [outFile = 'inbound-draw', wordsCount = '90', strongCount = '60', plainCount = '30', part = '1'] = process.argv.slice(2);
const SECOND_PART = part === '2';
// Each part runs again with the round's file present: its own items are left out of what counts as drawn, the other
// part's are not (the second part skips the first; the first's strata fill before the second's messages are reached).
const OWN_FILE = 'inbound-lists-13.refs.jsonl';
const SECOND_PART_DRAW = 'displeasure';
const MAX_SENTENCES_A_MESSAGE = 10;

// As the promise rounds' draws of these archives: code, tracebacks, kernel logs, device dumps, shell lines, paths and
// addresses are not mail prose.
const CODE = /0x[0-9a-f]|\[\s*\d+\.\d+\]|;\s*$|->|::|[{}]|\(\)|==|>>>|\bdef |\bself\.|\bimport \w|\bTraceback\b|File "|^\s*[#$%]|\w+\(\w*[,=]|https?:|\/\w+\/|\w\.py\b| at \w+\.\w+/;
// A word of trouble with what the project supplies, of waiting for it, or of leaving it: broad on purpose, so that the
// drawn mail carries the risks the lists hold and the look-alikes around them.
const TROUBLE =
  /\b(?:disappoint\w*|frustrat\w*|annoy\w*|unhappy|concern\w*|worr\w*|alternative\w*|switch\w*|competitor|abandon\w*|give up|giving up|gave up|regression|worse|no longer|stopped working|broke|broken|still|waiting|waited|any news|any update|release date|deadline|delay\w*|late|slow\w*|unaccept\w*|complain\w*|useless|unreliab\w*|unusable|ridiculous|shame|ignored|no answer|no response|no reply|months|weeks|again|why)\b/i;
// Narrower: words a user let down, kept waiting or leaving uses (a message with one is drawn as `strong`).
const STRONG =
  /\b(?:disappoint\w*|frustrat\w*|unhappy|annoy\w*|unaccept\w*|switch(?:ed|ing)? (?:to|back|away)|mov(?:e|ed|ing) (?:to|away from)|give up|giving up|gave up|abandon\w*|regression|stopped working|no longer works?|still (?:not|no|doesn't|does not|isn't|haven't|waiting|broken)|any news|any update|any progress|still waiting|been waiting|no (?:answer|response|reply)|ignored|useless|unusable|unreliable|ridiculous|worse|when will)\b/i;
// The second part's net: words of a user displeased, kept waiting, seeing a decline or leaving.
const DISPLEASURE =
  /\b(?:disappoint\w*|frustrat\w*|unacceptable|annoy(?:ed|ing)|fed up|sick of|tired of|give up on|giving up on|gave up on|switch(?:ed|ing)? to|mov(?:ed|ing) to|no longer us\w*|waste of time|ridiculous|pathetic|terrible|awful|horrible|still waiting|been waiting|any news|any progress|no (?:response|answer|reply|feedback)|ignored|(?:weeks|months) ago|regression|used to work|worked (?:fine|before)|broke (?:my|our)|broken since|since (?:the )?(?:upgrade|update)|after (?:the )?(?:upgrade|update|updating|upgrading)|worse than|slower than|keeps crashing|crash\w* again)\b/i;
const PROJECT_WRITERS: Record<string, number> = { [TWISTED_LIST_SOURCE]: 10, [BERLIOS_LIST_SOURCE]: 3 };
const LISTS: Record<string, readonly string[] | undefined> = { [TWISTED_LIST_SOURCE]: ['twisted-python', 'twisted-web'], [BERLIOS_LIST_SOURCE]: undefined };

/** References (source|ref) of every message an earlier round drew from. */
function usedMessages(): Set<string> {
  const realDir = new URL('../../corpus/real/', import.meta.url);
  const used = new Set<string>();
  for (const file of readdirSync(realDir).filter((f) => f.endsWith('.jsonl') && f !== OWN_FILE)) {
    for (const line of readFileSync(new URL(file, realDir), 'utf8').split('\n').filter(Boolean)) {
      const item = JSON.parse(line) as { source?: string; ref?: string; later?: string[] };
      if (item.source && item.ref) used.add(`${item.source}|${item.ref}`);
      for (const later of item.later ?? []) if (item.source) used.add(`${item.source}|${later}`);
    }
  }
  return used;
}

const usedText = usedSentences(OWN_FILE);
const usedRefs = usedMessages();
try {
  for (const line of readFileSync(new URL(`../../corpus/real/${OWN_FILE}`, import.meta.url), 'utf8').split('\n').filter(Boolean)) {
    const item = JSON.parse(line) as { source: string; ref: string; sha: string; draw: string };
    if ((item.draw === SECOND_PART_DRAW) === SECOND_PART) continue;
    usedText.add(item.sha);
    usedRefs.add(`${item.source}|${item.ref}`);
  }
} catch {
  // The round's file is not there before its first part is committed.
}
const seen = new Set<string>();

interface Drawn { source: string; ref: string; author: string; subject: string; offset: number; length: number; sha: string; text: string; draw: string }

function drawSource(source: string, messages: TwistedMessage[]): Drawn[] {
  const lists = LISTS[source];
  const mine = messages.filter((m) => !lists || lists.includes(m.list));
  const writers = new Map<string, Map<string, number>>();
  for (const m of mine) {
    const counts = writers.get(m.list) ?? new Map<string, number>();
    counts.set(m.author, (counts.get(m.author) ?? 0) + 1);
    writers.set(m.list, counts);
  }
  const project = new Map([...writers].map(([list, counts]) => [list, new Set([...counts].sort((a, b) => b[1] - a[1]).slice(0, PROJECT_WRITERS[source]).map(([a]) => a))]));
  for (const [list, people] of project) console.error(`${source}/${list}: project writers ${[...people].join('; ')}`);

  const ordered = mine
    .filter((m) => m.body && !project.get(m.list)!.has(m.author) && !usedRefs.has(`${source}/${m.list}|${m.messageId}`))
    .map((m) => ({ m, key: sha256(`round 13 risks|${m.list}|${m.messageId}`) }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
  const out: Drawn[] = [];
  const filled: Record<string, number> = SECOND_PART ? { [SECOND_PART_DRAW]: 0, none: 0 } : { strong: 0, words: 0, plain: 0 };
  const wanted: Record<string, number> = SECOND_PART ? { [SECOND_PART_DRAW]: Number(wordsCount), none: 0 } : { strong: Number(strongCount), words: Number(wordsCount), plain: Number(plainCount) };
  for (const { m } of ordered) {
    if (Object.keys(wanted).every((k) => filled[k]! >= wanted[k]!)) break;
    const folded = m.body.replace(/\s+/g, ' ');
    const sentences: Omit<Drawn, 'draw'>[] = [];
    let drawnBefore = false;
    for (const sentence of splitSentences(visibleText(m.body))) {
      const text = sentence.replace(/\s+/g, ' ').trim();
      if (text.length < 8 || text.length > 600 || !/[a-z]{3}/i.test(text) || CODE.test(text)) continue;
      const offset = folded.indexOf(text);
      const hash = sha256(text);
      if (usedText.has(hash.slice(0, 16))) drawnBefore = true;
      if (offset < 0 || seen.has(hash)) continue;
      sentences.push({ source: `${source}/${m.list}`, ref: m.messageId, author: m.author, subject: m.subject, offset, length: text.length, sha: hash.slice(0, 16), text });
    }
    if (drawnBefore || sentences.length === 0 || sentences.length > MAX_SENTENCES_A_MESSAGE) continue;
    const draw = SECOND_PART
      ? sentences.some((s) => DISPLEASURE.test(s.text)) ? SECOND_PART_DRAW : 'none'
      : sentences.some((s) => STRONG.test(s.text)) ? 'strong' : sentences.some((s) => TROUBLE.test(s.text)) ? 'words' : 'plain';
    if (filled[draw]! >= wanted[draw]!) continue;
    for (const s of sentences) seen.add(sha256(s.text));
    out.push(...sentences.map((s) => ({ ...s, draw })));
    filled[draw] = filled[draw]! + sentences.length;
  }
  console.error(`${source}: ${ordered.length} users' messages; drew ${JSON.stringify(filled)}`);
  return out;
}

const drawn = [...drawSource(TWISTED_LIST_SOURCE, readTwistedList(twistedDir)), ...drawSource(BERLIOS_LIST_SOURCE, readBerliosLists(berliosDir))];
const reference = (d: Drawn) => ({ request: null, risk: null, split: splitOf(d.sha), source: d.source, ref: d.ref, offset: d.offset, length: d.length, sha: d.sha, draw: d.draw });
writeFileSync(`${outFile}.refs.jsonl`, drawn.map((d) => JSON.stringify(reference(d))).join('\n') + '\n');
writeFileSync(`${outFile}.text.jsonl`, drawn.map((d) => JSON.stringify({ text: d.text, author: d.author, subject: d.subject, ...reference(d) })).join('\n') + '\n');
console.error(`drew ${drawn.length} sentences from ${new Set(drawn.map((d) => `${d.source}|${d.ref}`)).size} messages`);
