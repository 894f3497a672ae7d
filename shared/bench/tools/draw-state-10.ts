/**
 * Draws round 10's outbound sentences for hand labelling (README "Round 10 (promises)"): the State Department
 * release of rounds 7-8 (`state-mail.ts`), but only officials whose mail no earlier outbound round drew, so the
 * writers are new to the rules, and every message of a released document (the earlier messages quoted below the
 * newest one too), since those officials' mail is mostly found there.
 * `FOLLOWTHROUGH_STATE_MAIL_DIR=<that repository>/data/docs/text npx tsx bench/tools/draw-state-10.ts out`
 * writes `out.jsonl`. Deterministic: candidates in the order of the SHA-256 of "round 10|" + their text.
 *
 * A sender is a person ("Surname, Given": the Department's mailing lists and news tickers are not mail between
 * people) whose name is not within three letters of a sender in `outbound-state-dept-7/8.jsonl` (the OCR spells
 * one official several ways: "Abeclin, Huma", "lvlills, Cheryl D"). Strata as rounds 5-8: `A` the candidates the
 * current rules call a promise (all of them: a new writer's mail is scarce), `B` those round 1's broad first-person
 * net catches and the rules do not, `C` first-person sentences outside the net, 360 items in all; then a second
 * page of 100 more `C` items.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { explainPromises } from '../../src/analysis/promises';
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';
import { FIRST, NET, SEND_TIMES, readDocument, sha256, splitOf, usedSentences } from './state-mail';

const dir = process.env.FOLLOWTHROUGH_STATE_MAIL_DIR;
if (!dir) throw new Error('set FOLLOWTHROUGH_STATE_MAIL_DIR to the data/docs/text folder of the release');
const [outFile = 'outbound-draw'] = process.argv.slice(2);

const personName = (sender: string): string | null => {
  const name = sender.replace(/\s*[<[(].*$/, '').trim();
  const [surname, given] = name.split(',');
  if (!surname || !given || !/[a-z]{2}/i.test(given)) return null;
  return `${surname},${given.trim().split(/\s+/)[0]}`.toLowerCase().replace(/[^a-z,]/g, '');
};

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[b.length]!;
}

const realDir = new URL('../../corpus/real/', import.meta.url);
const drawnNames = new Set<string>();
for (const file of ['outbound-state-dept-7.jsonl', 'outbound-state-dept-8.jsonl']) {
  for (const line of readFileSync(new URL(file, realDir), 'utf8').split('\n').filter(Boolean)) {
    const name = personName((JSON.parse(line) as { sender: string }).sender);
    if (name) drawnNames.add(name);
  }
}
const isNewWriter = (name: string): boolean => ![...drawnNames].some((drawn) => editDistance(name, drawn) <= 3);

const used = usedSentences();
const seen = new Set<string>();
const candidates: { ref: string; sender: string; sha: string; text: string; key: string; rules: boolean; net: boolean; first: boolean }[] = [];
for (const release of readdirSync(dir).sort()) {
  for (const name of readdirSync(join(dir, release)).sort()) {
    const lines = readFileSync(join(dir, release, name), 'utf8').split(/\r?\n/);
    lines.forEach((line, at) => {
      if (!/^\s*From\s*:/.test(line)) return;
      const message = readDocument(`${release}/${name}`, lines.slice(at).join('\n'));
      const writer = message && personName(message.sender);
      if (!message?.body || !writer || !isNewWriter(writer)) return;
      for (const sentence of splitSentences(visibleText(message.body))) {
        const text = sentence.replace(/\s+/g, ' ').trim();
        if (text.length < 8 || text.length > 600 || !/[a-z]{3}/i.test(text)) continue;
        const hash = sha256(text);
        if (used.has(hash.slice(0, 16)) || seen.has(hash)) continue;
        seen.add(hash);
        candidates.push({
          ref: message.path, sender: message.sender.replace(/\s*[<[].*$/, '').trim(), sha: hash.slice(0, 16), text,
          key: sha256(`round 10|${text}`), rules: explainPromises(text).some((d) => d.promise), net: NET.test(text), first: FIRST.test(text),
        });
      }
    });
  }
}
candidates.sort((a, b) => (a.key < b.key ? -1 : 1));

const ruleHits = candidates.filter((c) => c.rules).map((c) => ({ ...c, stratum: 'A' }));
const netOnly = candidates.filter((c) => !c.rules && c.net).slice(0, 170).map((c) => ({ ...c, stratum: 'B' }));
const firstPersonOnly = candidates.filter((c) => !c.rules && !c.net && c.first);
const firstPageOfC = Math.max(0, 360 - ruleHits.length - netOnly.length);
const firstPage = [...ruleHits, ...netOnly, ...firstPersonOnly.slice(0, firstPageOfC).map((c) => ({ ...c, stratum: 'C' }))];
// A second page of C, appended after the first so the first page keeps its send times: a third of the first page
// was pasted transcripts and news (dropped while labelling), which left it short of 300 items.
const secondPage = firstPersonOnly.slice(firstPageOfC, firstPageOfC + 100).map((c) => ({ ...c, stratum: 'C' }));
const byKey = (a: { key: string }, b: { key: string }): number => (a.key < b.key ? -1 : 1);
const outbound = [...firstPage.sort(byKey), ...secondPage.sort(byKey)];

writeFileSync(`${outFile}.jsonl`, outbound.map((c, i) => JSON.stringify({ text: c.text, ...SEND_TIMES[i % 4], split: splitOf(c.sha), source: 'state-dept-foia', ref: c.ref, sender: c.sender, sha: c.sha, stratum: c.stratum })).join('\n') + '\n');
console.error(`${candidates.length} candidates from ${new Set(candidates.map((c) => c.sender)).size} senders; A ${ruleHits.length}, net-only ${candidates.filter((c) => !c.rules && c.net).length}; drew ${outbound.length} outbound`);
