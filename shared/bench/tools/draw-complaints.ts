/**
 * Draws inbound tweets for hand labelling (README "Round 3", "Round 9"): `npx tsx bench/tools/draw-complaints.ts [net]
 * [other]`. Deterministic: tweets addressed to a company (not the random_* domains) that no `corpus/real/*` set holds,
 * ordered by SHA-256 of the text; the first `net` (240) that a broad net of risk and complaint words catches, and the
 * first `other` (90) it does not. Round 3 drew 240 + 90 before its file existed; with it present the same command
 * draws the next ones (round 9: 130 + 50). Prints JSON lines with the reference fields and the text (the text is for
 * labelling only; the corpus file keeps no text).
 */
import { createHash } from 'node:crypto';
import { findComplaints, readComplaints } from './complaints-archive';
import { usedSentences } from './state-mail';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const file = findComplaints();
if (!file) throw new Error('complaints-data.csv not found (FOLLOWTHROUGH_COMPLAINTS_CSV)');
const NET =
  /disappoint|frustrat|unhappy|not happy|concern|worr|cancel|terminat|budget|expensive|price|alternativ|switch|competitor|move (?:to|away)|moving (?:to|away)|quality|worse|degrad|broken|late\b|delay|slow|unaccept|complain|escalat|deadline|dissatisf|waste|annoy|poor|useless|unreliab|give up|giving up|no longer|abandon|renew|contract|replace|urgent|stuck|lost|lose|fail|still|never|again|worst|terrible|awful|horrible|ridiculous|joke|refund|wait|hours|days|weeks|hasn't|haven't|not received|angry|shame|sort (?:it|this) out|customer service|manager|lawyer|legal|leave|leaving|close my account|done with|last time/i;
const tweets = readComplaints(file).filter((t) => !t.domain.startsWith('random'));
const [netCount = 240, otherCount = 90] = process.argv.slice(2).map(Number);
const used = usedSentences();
const seen = new Set<string>();
const pool = tweets
  .map((t) => ({ ...t, text: t.text.replace(/\s+/g, ' ').trim(), hash: '' }))
  .filter((t) => t.text.length >= 15)
  .map((t) => ({ ...t, hash: sha(t.text) }))
  .filter((t) => (seen.has(t.hash) ? false : (seen.add(t.hash), true)))
  .filter((t) => !used.has(t.hash.slice(0, 16)))
  .sort((a, b) => (a.hash < b.hash ? -1 : 1));
const net = pool.filter((t) => NET.test(t.text)).slice(0, netCount);
const rest = pool.filter((t) => !NET.test(t.text)).slice(0, otherCount);
for (const [draw, items] of [['risk-words', net], ['other', rest]] as const) {
  for (const t of items) {
    // holdout: the first 32 bits of the text's SHA-256 mod 3 = 0, as rounds 1 and 2.
    const split = Number.parseInt(t.hash.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train';
    console.log(JSON.stringify({ source: `complaints-social-media/${t.domain}`, ref: t.id, offset: 0, length: t.text.length, sha: t.hash.slice(0, 16), draw, split, text: t.text }));
  }
}
console.error(`${pool.length} company tweets, ${net.length} + ${rest.length} drawn`);
