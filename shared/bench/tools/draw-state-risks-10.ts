/**
 * Draws round 10's inbound sentences for hand labelling of client risks (README "Round 10 (client risks)"): the
 * Secretary's own messages to the people who serve her (the principal writing to her staff, as a client writes to
 * its supplier), whole messages rather than single sentences, so that each risk comes with the ordinary sentences
 * around it (the false-alarm side of the same mail). Same release and reading as rounds 7-9 (`state-mail.ts`);
 * no sentence any earlier round holds.
 * `FOLLOWTHROUGH_STATE_MAIL_DIR=<that repository>/data/docs/text npx tsx bench/tools/draw-state-risks-10.ts out`
 * writes `out.jsonl`. Deterministic: messages in the order of the SHA-256 of "round 10 risks|" + their release path.
 *
 * `chasing`: messages with a word of chasing, judging or a slip (still, yet, why, haven't, supposed, wrong, ...), all
 * their candidate sentences, until 190 sentences; a message with more than 10 candidate sentences is skipped (in
 * this release that is pasted text: articles, speeches, schedules). `plain`: then messages without such a word, the
 * same way, until 40 more sentences, so the look-alikes are not all from chasing mail. No rule is run on the
 * candidates: labels are written before any.
 *
 * `... draw-state-risks-10.ts out 200 0 chasing-2` drew a second part after the first was committed (so it skips the
 * first): the next chasing messages, 200 sentences, no plain ones, marked `chasing-2`.
 *
 * Round 11 (README "Round 11 (client risks)") drew the same way in a fresh order, after round 10's sets were committed
 * (so it skips them): `... draw-state-risks-10.ts out 200 50 chasing 11` orders the messages by "round 11 risks|" + path;
 * after that part was committed, `... out 200 0 strong 11 strong` drew the next messages with a word of STRONG.
 */
import { writeFileSync } from 'node:fs';
import { type Candidate, candidateSentences, sha256, splitOf, usedSentences } from './state-mail';

const dir = process.env.FOLLOWTHROUGH_STATE_MAIL_DIR;
if (!dir) throw new Error('set FOLLOWTHROUGH_STATE_MAIL_DIR to the data/docs/text folder of the release');
const [outFile = 'inbound-draw', chasingCount = '190', plainCount = '40', chasingName = 'chasing', round = '10', net = 'chasing'] = process.argv.slice(2);

// The Secretary's account: "H" in the release's From lines, or the address itself.
const PRINCIPAL = /^H$|hrod17/i;
const CHASING =
  /\b(?:still|yet|haven't|have not|hasn't|never|why|what happened|waiting|supposed|thought you|didn't|did not|wrong|mistake|disappoint|upset|frustrat|problem|late|again)\b/i;
// Round 11's second part: the words of a complaint or of something owed and not come, narrower than CHASING, so that
// more of the drawn messages carry a risk (the first part gave 11 in 236 sentences).
const STRONG =
  /\b(?:didn't get|did not get|haven't (?:got|gotten|received|seen|heard)|have not (?:got|gotten|received|seen|heard)|never (?:got|received|heard)|don't have|do not have|still (?:no|not|don't|haven't|have not|waiting)|not yet|wrong|mistake|why (?:wasn't|weren't|didn't|isn't|aren't|is there no|am I not|was I not)|thought you|supposed to|disappoint|upset|frustrat|annoy|surprised|again\?|what happened)\b/i;
const WANTED = net === 'strong' ? STRONG : CHASING;
const MAX_SENTENCES_A_MESSAGE = 10;

const byMessage = new Map<string, Candidate[]>();
for (const candidate of candidateSentences(dir, usedSentences())) {
  if (!PRINCIPAL.test(candidate.sender)) continue;
  const sentences = byMessage.get(candidate.ref) ?? [];
  sentences.push(candidate);
  byMessage.set(candidate.ref, sentences);
}
const messages = [...byMessage.entries()]
  .filter(([, sentences]) => sentences.length <= MAX_SENTENCES_A_MESSAGE)
  .map(([ref, sentences]) => ({ ref, sentences, key: sha256(`round ${round} risks|${ref}`) }))
  .sort((a, b) => (a.key < b.key ? -1 : 1));

function take(wanted: Iterable<(typeof messages)[number]>, limit: number, draw: string) {
  const out: (Candidate & { draw: string })[] = [];
  for (const message of wanted) {
    if (out.length >= limit) break;
    out.push(...message.sentences.map((c) => ({ ...c, draw })));
  }
  return out;
}
const chasing = take(messages.filter((m) => m.sentences.some((c) => WANTED.test(c.text))), Number(chasingCount), chasingName);
const plain = take(messages.filter((m) => !m.sentences.some((c) => CHASING.test(c.text))), Number(plainCount), 'plain');

writeFileSync(`${outFile}.jsonl`, [...chasing, ...plain].map((c) => JSON.stringify({ text: c.text, split: splitOf(c.sha), source: c.source, ref: c.ref, sender: c.sender, sha: c.sha, draw: c.draw })).join('\n') + '\n');
console.error(`${byMessage.size} messages of the principal; drew ${chasing.length} + ${plain.length} sentences`);
