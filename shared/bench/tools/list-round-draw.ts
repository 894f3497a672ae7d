/**
 * One draw of outbound sentences from a mailing-list archive for hand labelling, as promise rounds 12 and 13 made
 * them (README "Round 12 (promises)", "Round 13 (promises)"). Candidates are the sentences of each reply's own text as
 * the engine reads it (`visibleText`), 8-600 characters, without what the round's `code` pattern calls code; each
 * sentence once, none an earlier round labelled. Strata as rounds 5-11: `A` the first candidates the current rules call
 * a promise (precision), `B` the first that round 1's broad first-person net catches and the rules do not, `C` the
 * first first-person sentences outside the net (recall). Deterministic: candidates in the order of the SHA-256 of
 * "round N|" + their text. Writes `<outFile>.refs.jsonl` (what is committed) and `<outFile>.text.jsonl` (the same items
 * with their text and writer, for labelling; not committed).
 */
import { writeFileSync } from 'node:fs';
import { explainPromises } from '../../src/analysis/promises';
import { splitSentences } from '../../src/analysis/text/sentences';
import { visibleText } from '../../src/analysis/visible-text';
import { FIRST, NET, SEND_TIMES, sha256, splitOf, usedSentences } from './state-mail';

export interface ListRoundDraw {
  round: number;
  /** The source named in each reference, before `/<list>`. */
  source: string;
  messages: Iterable<{ list: string; messageId: string; author: string; reply: boolean; body: string }>;
  /** What is not mail prose in this archive (code, logs, paths). */
  code: RegExp;
  /** The round's own labelled file, left out of what counts as used so that the draw runs again once it is committed. */
  ownFile: string;
  strata: { A: number; B: number; C: number };
  outFile: string;
}

/**
 * The sentences of a message's own text (`visibleText`) a reference can name: 8-600 characters with a word in
 * them, not what `code` calls code, and found as they stand in the whitespace-folded body, with that offset and
 * the SHA-256 of the text.
 */
export function* referableSentences(body: string, code: RegExp): Generator<{ text: string; offset: number; hash: string }> {
  const folded = body.replace(/\s+/g, ' ');
  for (const sentence of splitSentences(visibleText(body))) {
    const text = sentence.replace(/\s+/g, ' ').trim();
    if (text.length < 8 || text.length > 600 || !/[a-z]{3}/i.test(text) || code.test(text)) continue;
    const offset = folded.indexOf(text);
    if (offset >= 0) yield { text, offset, hash: sha256(text) };
  }
}

export function drawListRound({ round, source, messages, code, ownFile, strata, outFile }: ListRoundDraw): void {
  const used = usedSentences(ownFile);
  const seen = new Set<string>();
  const candidates = [];
  for (const message of messages) {
    if (!message.reply || !message.body) continue;
    for (const { text, offset, hash } of referableSentences(message.body, code)) {
      if (used.has(hash.slice(0, 16)) || seen.has(hash)) continue;
      seen.add(hash);
      candidates.push({
        source: `${source}/${message.list}`, ref: message.messageId, author: message.author, offset, length: text.length, sha: hash.slice(0, 16), text,
        key: sha256(`round ${round}|${text}`), rules: explainPromises(text).some((d) => d.promise), net: NET.test(text), first: FIRST.test(text),
      });
    }
  }
  candidates.sort((a, b) => (a.key < b.key ? -1 : 1));

  const outbound = [
    ...candidates.filter((c) => c.rules).slice(0, strata.A).map((c) => ({ ...c, stratum: 'A' })),
    ...candidates.filter((c) => !c.rules && c.net).slice(0, strata.B).map((c) => ({ ...c, stratum: 'B' })),
    ...candidates.filter((c) => !c.rules && !c.net && c.first).slice(0, strata.C).map((c) => ({ ...c, stratum: 'C' })),
  ].sort((a, b) => (a.key < b.key ? -1 : 1));

  const reference = (c: (typeof outbound)[number], i: number) => ({ ...SEND_TIMES[i % 4], split: splitOf(c.sha), source: c.source, ref: c.ref, offset: c.offset, length: c.length, sha: c.sha, stratum: c.stratum });
  writeFileSync(`${outFile}.refs.jsonl`, outbound.map((c, i) => JSON.stringify(reference(c, i))).join('\n') + '\n');
  writeFileSync(`${outFile}.text.jsonl`, outbound.map((c, i) => JSON.stringify({ text: c.text, author: c.author, ...reference(c, i) })).join('\n') + '\n');
  console.error(`${candidates.length} candidates from ${new Set(candidates.map((c) => c.author)).size} writers; A ${candidates.filter((c) => c.rules).length}, net-only ${candidates.filter((c) => !c.rules && c.net).length}; drew ${outbound.length}`);
}
