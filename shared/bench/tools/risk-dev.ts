/**
 * Quick loop for writing risk rules (README "Round 3"): client-risk figures on the TRAIN split of every real inbound
 * set, the train disagreements, and how many unlabelled pool sentences fire (`npx tsx bench/tools/risk-dev.ts
 * pool.jsonl`). The holdout is not scored here: its figures are read from `pnpm bench` at milestones only.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { findRisks } from '../../src/analysis/risks';
import { parseRealInbound, resolveReferences } from '../../corpus/real-mail';
import { findArchive, readArchive } from './archive';
import { findComplaints, readComplaints } from './complaints-archive';
import { TWISTED_LIST_SOURCE, findTwistedList, readTwistedList, twistedKey } from './twisted-list';
import { BERLIOS_LIST_SOURCE, findBerliosLists, readBerliosLists } from './berlios-lists';
import { IMAGEJ_LIST_SOURCE, findImagejLists, readImagejLists } from './imagej-lists';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);
const archiveDir = findArchive();
const rows = new Map((archiveDir ? await readArchive(archiveDir) : []).map((m) => [`${m.list}|${m.messageId}`, m.body]));
const complaints = findComplaints();
const tweets = new Map(complaints ? readComplaints(complaints).map((t) => [t.id, t.text.replace(/\s+/g, ' ').trim()]) : []);
// Rounds 13 and 14's list mail (README "Round 13 (client risks)", "Round 14 (client risks)"), by source and list, when the
// monthly text archives are present.
const twistedDir = findTwistedList();
const berliosDir = findBerliosLists();
const imagejDir = findImagejLists();
const listMail = new Map<string, string>();
for (const m of twistedDir ? readTwistedList(twistedDir) : []) listMail.set(`${TWISTED_LIST_SOURCE}/${twistedKey(m.list, m.messageId)}`, m.body);
for (const m of berliosDir ? readBerliosLists(berliosDir) : []) listMail.set(`${BERLIOS_LIST_SOURCE}/${twistedKey(m.list, m.messageId)}`, m.body);
for (const m of imagejDir ? readImagejLists(imagejDir) : []) listMail.set(`${IMAGEJ_LIST_SOURCE}/${twistedKey(m.list, m.messageId)}`, m.body);
const lookup = (list: string, id: string): string | undefined =>
  list.startsWith('complaints-social-media/') ? tweets.get(id) : (listMail.get(`${list}|${id}`) ?? rows.get(`${list}|${id}`));
const files = ['inbound-parakweet.jsonl', 'inbound-r-lists.refs.jsonl', 'inbound-parakweet-2.jsonl', 'inbound-r-lists-2.refs.jsonl', 'inbound-complaints-3.refs.jsonl', 'inbound-state-dept-7.jsonl', 'inbound-state-dept-9.jsonl', 'inbound-complaints-9.refs.jsonl', 'inbound-state-dept-10.jsonl', 'inbound-complaints-10.refs.jsonl', 'inbound-state-dept-11.jsonl', 'inbound-complaints-11.refs.jsonl', 'inbound-state-dept-12.jsonl', 'inbound-complaints-12.refs.jsonl', 'inbound-lists-13.refs.jsonl', 'inbound-lists-14.refs.jsonl'];
const show = process.argv.includes('--failures');
for (const file of files) {
  const items = resolveReferences(parseRealInbound(readFileSync(new URL(`../../corpus/real/${file}`, import.meta.url), 'utf8'), file), lookup).filter((i) => i.split === 'train' && (!i.sha || sha(i.text) === i.sha));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of items) {
    const got = findRisks(item.text, 'them');
    if (got.length && item.risk) tp++;
    else if (got.length) fp++;
    else if (item.risk) fn++;
    if (show && (got.length > 0) !== (item.risk !== null)) console.log(`  ${item.risk ?? 'none'} / got ${got.map((g) => g.signal ?? g.kind).join(',') || 'none'}: ${item.text}`);
  }
  console.log(`${file} train: ${tp} found / ${fp} false / ${fn} missed`);
}
const pool = process.argv[2] && !process.argv[2].startsWith('--') ? readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean) : [];
let fired = 0;
for (const line of pool) if (findRisks((JSON.parse(line) as { text: string }).text, 'them').length) fired++;
if (pool.length) console.log(`unlabelled pool: ${fired} of ${pool.length} sentences fire`);
