/**
 * Round 12's fulfilment candidates in the State Department release (README "Round 12 (fulfilment)"). Rounds 8-10 read
 * every sentence that the engine of their day called a promise or that round 1's broad first-person net (`NET`) caught,
 * at least 12 characters long, in a message whose own header gives an official's address; round 10 followed each through
 * every chain of the release (`state-chain-follow.ts`), so that supply is read. This round follows the same way what
 * those draws could not see:
 * - sentences neither net catches: commitments without "I/we will" ("Will call him", "Working on it", "I'm checking on
 *   this now", "We're getting the nonpaper together") and the OCR's spellings of "I'll" ("Ill get it", "Iwill"); and
 *   short replies ("Will check.", "I'm on it") with the message they answer (`answers`), since what they promise is asked there;
 * - messages of officials whose quoted header gives only the name ("From: Mills, Cheryl D"), a name that some other
 *   header gives with a state.gov address, read with every net.
 * The labeller, not the nets, decides what is a promise. Left out: what rounds 8-10 drew (recomputed by their code) and
 * any sentence a real-mail set holds. Deterministic: in the order of the SHA-256 of `"round 12|" + sender + "|" + text`;
 * `--addressed-only` follows only messages whose header gives the address (the first kind alone: the part drawn first).
 * `FOLLOWTHROUGH_STATE_MAIL_DIR=<clone>/data/docs/text npx tsx bench/tools/state-fulfilment-12.ts > candidates.jsonl`
 */
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';
import { followInChains, laterMessagesOf } from './state-chain-follow';
import { type FulfilmentCandidate, fold } from './state-conversations';
import { earlierNets, round10Candidates, rounds8And9Read, wasRead } from './state-fulfilment-drawn';
import { sha256, usedSentences } from './state-mail';

// What a commitment looks like when it does not say "I will": the writer's own act stated bare, taken on, or offered as
// settled, and "I'll" as the release's OCR spells it.
const OCR_WILL = /\b(?:I|1|l|we|We)\s?['’`]\s?(?:II|Il|lI|11|1l|l1)\b|\bIll (?:send|call|get|check|ask|try|let|follow|do|make|see|have|look|talk|give|forward|find|be|pass|reach)\b|\b(?:I|we)\s?wil\b|\bIwill\b/;
const BARE_WILL = /(?:^|[.;:,-]\s*|\b(?:and|but|so|yes|ok|okay|sure|then)\s+)will (?:call|forward|ask|find|follow|reach|talk|speak|pass|share|circulate|print|bring|set|schedule|arrange|confirm|review|read|work|coordinate|get back|revert|tell|raise|flag|be in touch|be back|touch base|email|e-mail|write|draft|pull|track|give|see|push|keep|move|relay|loop|connect|ping|note|convey|handle|take|figure|go|have|try|make|check|look|send|get|let|update|do)\b/i;
const TAKEN_ON = /\b(?:on it|can do|wilco|will be (?:in touch|back to you|sending|calling)|(?:I|we)(?:'m| am|'re| are) (?:on it|looking into|checking|working to|trying to|getting|reaching out|calling|pulling|setting up|drafting|writing|putting together|following up|tracking|finding out|asking)|(?:I|we) can (?:send|get|call|check|ask|find|do|have|give|pull|set up|arrange|forward|share|bring|print|drop|talk|speak)|(?:I|we) need to (?:send|call|check|ask|find|get|talk|speak|follow|reach|see|look|make|write|review)|(?:I|we)(?:'d| would) be (?:happy|glad|delighted) to|happy to (?:send|do|call|help|talk|get|pass|forward|share|arrange|set|make)|(?:I|we) should (?:have|be able to|get)|working on (?:it|this|that|them|a|the|getting)|looking into|(?:I|we) hope to|(?:I|we) plan on)\b/i;
export const NET_12 = (sentence: string): boolean => OCR_WILL.test(sentence) || BARE_WILL.test(sentence) || TAKEN_ON.test(sentence);

const dir = process.env.FOLLOWTHROUGH_STATE_MAIL_DIR;
if (!dir) throw new Error('set FOLLOWTHROUGH_STATE_MAIL_DIR to the data/docs/text folder of the release');
const used = usedSentences('fulfilment-state-dept-12.jsonl');
const pickSentences = (body: string): string[] => splitSentences(visibleText(body)).filter((s) => NET_12(s) && !earlierNets(s));

// The earlier draws skipped sentences under 12 characters; a short reply ("Will do.", "Will call.", "On it.") promises
// what the message it answers asked, so it is drawn with that message (`answers`) for the labeller.
const SHORT = 12;
const pickShort = (body: string): string[] => splitSentences(visibleText(body)).filter((s) => fold(s).length < SHORT && (NET_12(s) || earlierNets(s)));

const { known, laterOf, answered, documents } = followInChains(dir);
const readBefore = rounds8And9Read(dir);
const drawnBefore = [...readBefore, ...round10Candidates(known, laterOf, readBefore)];
// Round 10 followed only messages whose own header gives an official's address. A quoted header often gives only the
// name ("From: Mills, Cheryl D"); those messages of named officials are read with every net.
const pickNamedOfficial = (body: string): string[] => splitSentences(visibleText(body)).filter(earlierNets);
const addressedOnly = process.argv.includes('--addressed-only');
const seen = new Set<string>();
const out: { order: string; candidate: FulfilmentCandidate & { answers?: { sender: string; body: string } } }[] = [];
for (const made of known.values()) {
  const laterKeys = laterOf.get(made.key);
  if (!laterKeys || (addressedOnly && !made.official)) continue;
  for (const picked of new Set([...pickSentences(made.body), ...pickShort(made.body), ...(made.official ? [] : pickNamedOfficial(made.body))])) {
    const text = fold(picked);
    const key = `${made.sender}|${text}`;
    const sha = sha256(text).slice(0, 16);
    // A message whose own header gives the address was open to every earlier draw, but only for what their nets caught
    // at 12 characters or more, which none of its sentences here is; a named official's message was open to none, so
    // what the earlier rounds drew (recomputed with today's engine, which catches more: a wider, safe exclusion) is left out.
    if (text.length < 8 || seen.has(key) || used.has(sha) || (!made.official && wasRead(drawnBefore, made.sender, text))) continue;
    const later = laterMessagesOf(known, laterKeys, made, text);
    if (later.length === 0) continue;
    seen.add(key);
    const asked = answered.get(made.key);
    const answers = text.length < SHORT && asked ? { sender: known.get(asked)!.sender, body: fold(known.get(asked)!.body).slice(0, 600) } : undefined;
    out.push({ order: sha256(`round 12|${made.sender}|${text}`), candidate: { text, sha, source: 'state-dept-foia', ref: made.ref, sender: made.sender, sentAt: made.sentAt, subject: made.subject, ...(answers ? { answers } : {}), later } });
  }
}
out.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
for (const { candidate } of out) console.log(JSON.stringify(candidate));
console.error(`${known.size} messages in ${documents} documents; ${out.length} candidates no earlier round drew, with later mail by the same official`);
