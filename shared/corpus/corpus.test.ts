import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS } from '../src/model/settings';
import { defaultDueDate, resolveDueDate } from '../src/analysis/due-dates';
import { findPromises } from '../src/analysis/promises';
import corpusText from './promises.jsonl?raw';
import realOutboundText from './real/outbound-parakweet.jsonl?raw';
import realInboundText from './real/inbound-parakweet.jsonl?raw';
import realOutbound2Text from './real/outbound-parakweet-2.jsonl?raw';
import realInbound2Text from './real/inbound-parakweet-2.jsonl?raw';
import realInbound3Text from './real/inbound-complaints-3.refs.jsonl?raw';
import realOutbound5Text from './real/outbound-r-lists-5.refs.jsonl?raw';
import realOutbound11Text from './real/outbound-everything-list-11.refs.jsonl?raw';
import realOutbound12Text from './real/outbound-twisted-list-12.refs.jsonl?raw';
import realOutbound13Text from './real/outbound-berlios-lists-13.refs.jsonl?raw';
import realOutbound14Text from './real/outbound-imagej-list-14.refs.jsonl?raw';
import realOutbound15Text from './real/outbound-lists-positives-15.refs.jsonl?raw';
import realFulfilment4Text from './real/fulfilment-r-lists-4.refs.jsonl?raw';
import realFulfilment6Text from './real/fulfilment-r-lists-6.refs.jsonl?raw';
import realFulfilment14Text from './real/fulfilment-twisted-list-14.refs.jsonl?raw';
import realFulfilment15Text from './real/fulfilment-berlios-lists-15.refs.jsonl?raw';
import realFulfilment16Text from './real/fulfilment-lists-16.refs.jsonl?raw';
import realOutbound7Text from './real/outbound-state-dept-7.jsonl?raw';
import realInbound7Text from './real/inbound-state-dept-7.jsonl?raw';
import realInbound9Text from './real/inbound-state-dept-9.jsonl?raw';
import realInbound9TweetsText from './real/inbound-complaints-9.refs.jsonl?raw';
import realInbound10Text from './real/inbound-state-dept-10.jsonl?raw';
import realInbound10TweetsText from './real/inbound-complaints-10.refs.jsonl?raw';
import realInbound11Text from './real/inbound-state-dept-11.jsonl?raw';
import realInbound11TweetsText from './real/inbound-complaints-11.refs.jsonl?raw';
import realInbound12Text from './real/inbound-state-dept-12.jsonl?raw';
import realInbound12TweetsText from './real/inbound-complaints-12.refs.jsonl?raw';
import realInbound13ListsText from './real/inbound-lists-13.refs.jsonl?raw';
import realInbound14ListsText from './real/inbound-lists-14.refs.jsonl?raw';
import realOutbound8Text from './real/outbound-state-dept-8.jsonl?raw';
import realOutbound10Text from './real/outbound-state-dept-10.jsonl?raw';
import realFulfilment8Text from './real/fulfilment-state-dept-8.jsonl?raw';
import realFulfilment9Text from './real/fulfilment-state-dept-9.jsonl?raw';
import realFulfilment10Text from './real/fulfilment-state-dept-10.jsonl?raw';
import realFulfilment12Text from './real/fulfilment-state-dept-12.jsonl?raw';
import realFulfilment13Text from './real/fulfilment-state-dept-13.jsonl?raw';
import { parseCorpus, scoreCorpus } from './evaluate';
import { fulfilmentVerdictOfText, parseRealFulfilment, parseRealFulfilmentText, parseRealInbound, parseRealOutbound, scoreFulfilment, scoreInbound } from './real-mail';

const records = parseCorpus(corpusText);
const realOutbound = parseRealOutbound(realOutboundText, 'real/outbound-parakweet.jsonl') as (ReturnType<typeof parseRealOutbound>[number] & { text: string })[];
const realInbound = parseRealInbound(realInboundText, 'real/inbound-parakweet.jsonl') as (ReturnType<typeof parseRealInbound>[number] & { text: string })[];
const realOutbound2 = parseRealOutbound(realOutbound2Text, 'real/outbound-parakweet-2.jsonl') as typeof realOutbound;
const realInbound2 = parseRealInbound(realInbound2Text, 'real/inbound-parakweet-2.jsonl') as typeof realInbound;
const realOutbound7 = parseRealOutbound(realOutbound7Text, 'real/outbound-state-dept-7.jsonl') as typeof realOutbound;
const realInbound7 = parseRealInbound(realInbound7Text, 'real/inbound-state-dept-7.jsonl') as typeof realInbound;
const realInbound9 = parseRealInbound(realInbound9Text, 'real/inbound-state-dept-9.jsonl') as typeof realInbound;
const realInbound10 = parseRealInbound(realInbound10Text, 'real/inbound-state-dept-10.jsonl') as typeof realInbound;
const realInbound11 = parseRealInbound(realInbound11Text, 'real/inbound-state-dept-11.jsonl') as typeof realInbound;
const realInbound12 = parseRealInbound(realInbound12Text, 'real/inbound-state-dept-12.jsonl') as typeof realInbound;
const realOutbound8 = parseRealOutbound(realOutbound8Text, 'real/outbound-state-dept-8.jsonl') as typeof realOutbound;
const realOutbound10 = parseRealOutbound(realOutbound10Text, 'real/outbound-state-dept-10.jsonl') as typeof realOutbound;
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

type PromiseFloor = { precision: number; recall: number; due: number };

/**
 * One test per split: the promise detector on a round's sentences stays at or above the floors measured at the end
 * of the round. Only the train split's disagreements are shown when it fails (held-out items are never printed).
 */
function itHoldsPromiseFloors(items: ReturnType<typeof parseRealOutbound>, floors: { train: PromiseFloor; holdout: PromiseFloor }): void {
  for (const split of ['train', 'holdout'] as const) {
    it(`promises on the ${split} split stay at or above what was measured`, () => {
      const floor = floors[split];
      const score = scoreCorpus(items.filter((r) => r.split === split));
      const report = [`P ${pct(score.precision)} R ${pct(score.recall)} due ${pct(score.dueAccuracy)}`, ...(split === 'train' ? score.failures.map((f) => `${f.text} (expected ${f.expected}, got ${f.got})`) : [])].join('\n');
      expect(score.precision, report).toBeGreaterThanOrEqual(floor.precision);
      expect(score.recall, report).toBeGreaterThanOrEqual(floor.recall);
      expect(score.dueAccuracy, report).toBeGreaterThanOrEqual(floor.due);
    });
  }
}

describe('labelled promise corpus', () => {
  it('is big and balanced enough to mean something', () => {
    expect(records.length).toBeGreaterThanOrEqual(200);
    const positives = records.filter((r) => r.promise).length;
    expect(positives / records.length).toBeGreaterThan(0.35);
    expect(positives / records.length).toBeLessThan(0.6);
    expect(records.filter((r) => r.split === 'holdout').length).toBeGreaterThanOrEqual(40);
    expect(records.filter((r) => r.split === 'fresh').length).toBeGreaterThanOrEqual(40);
    // Labels are consistent: only promises have due dates, and a promise has a date or the default.
    for (const r of records) {
      if (!r.promise) expect({ line: r.line, due: r.due, dueIsDefault: r.dueIsDefault }).toEqual({ line: r.line, due: null, dueIsDefault: false });
      else expect({ line: r.line, dated: r.due !== null !== r.dueIsDefault }).toEqual({ line: r.line, dated: true });
    }
  });

  for (const split of ['all', 'holdout', 'fresh'] as const) {
    it(`meets the aims on ${split === 'all' ? 'every sentence' : `the ${split} split`}`, () => {
      const score = scoreCorpus(split === 'all' ? records : records.filter((r) => r.split === split));
      const report = score.failures.map((f) => `line ${f.line}: ${f.text} (expected ${f.expected}, got ${f.got})`);
      expect(score.precision, report.join('\n')).toBeGreaterThanOrEqual(0.95);
      expect(score.recall, report.join('\n')).toBeGreaterThanOrEqual(0.9);
      expect(score.dueAccuracy, report.join('\n')).toBeGreaterThanOrEqual(0.95);
    });
  }
});

// Real mail nobody here wrote (README "Real mail"): the committed Parakweet part (Enron and other mail,
// Apache-2.0). The aims (precision 0.95, recall 0.90) are not met on real mail yet; these floors are what
// the rules measured when this test was written, so a change that loses ground fails here, and
// `pnpm bench` prints every figure, with the R-list part when the archive is present.
describe('real-mail development set (Parakweet part)', () => {
  it('is labelled, split and big enough', () => {
    expect(realOutbound.length).toBeGreaterThanOrEqual(300);
    expect(realInbound.length).toBeGreaterThanOrEqual(120);
    expect(realOutbound.filter((r) => r.split === 'holdout').length).toBeGreaterThanOrEqual(80);
    expect(realOutbound.filter((r) => r.promise).length).toBeGreaterThanOrEqual(40);
    for (const r of realOutbound) {
      if (!r.promise) expect({ line: r.line, due: r.due, dueIsDefault: r.dueIsDefault }).toEqual({ line: r.line, due: null, dueIsDefault: false });
      else expect({ line: r.line, dated: r.due !== null !== r.dueIsDefault }).toEqual({ line: r.line, dated: true });
    }
  });

  itHoldsPromiseFloors(realOutbound, { train: { precision: 0.8, recall: 0.95, due: 0.9 }, holdout: { precision: 0.55, recall: 0.8, due: 0.8 } });

  it('requests on inbound sentences stay at or above what was measured', () => {
    const train = scoreInbound(realInbound.filter((r) => r.split === 'train'));
    expect(train.requests.precision).toBeGreaterThanOrEqual(0.85);
    expect(train.requests.recall).toBeGreaterThanOrEqual(0.85);
  });

  it('client risks on the train split stay at what was measured (round 3: 3 found, none false)', () => {
    const train = scoreInbound(realInbound.filter((r) => r.split === 'train'));
    expect(train.risks.falsePositives).toBe(0);
    expect(train.risks.recall).toBeGreaterThanOrEqual(0.75);
  });
});

// Round 2 (README "Round 2"): 271 more Parakweet sentences drawn for the first-person forms the first set
// left, and 120 inbound ones with complaint words. Floors as measured when the round-2 rules were done; the
// holdout floors are what the holdout scored, not aims.
describe('real-mail development set, round 2 (Parakweet part)', () => {
  it('is labelled, split and big enough', () => {
    expect(realOutbound2.length).toBeGreaterThanOrEqual(250);
    expect(realInbound2.length).toBeGreaterThanOrEqual(100);
    expect(realOutbound2.filter((r) => r.split === 'holdout').length).toBeGreaterThanOrEqual(80);
    expect(realOutbound2.filter((r) => r.promise).length).toBeGreaterThanOrEqual(40);
    for (const r of realOutbound2) {
      if (!r.promise) expect({ line: r.line, due: r.due, dueIsDefault: r.dueIsDefault }).toEqual({ line: r.line, due: null, dueIsDefault: false });
      else expect({ line: r.line, dated: r.due !== null !== r.dueIsDefault }).toEqual({ line: r.line, dated: true });
    }
  });

  itHoldsPromiseFloors(realOutbound2, { train: { precision: 0.95, recall: 0.95, due: 0.85 }, holdout: { precision: 0.8, recall: 0.75, due: 0.9 } });

  it('finds no client risk where there is none on the inbound sentences (train split)', () => {
    const train = scoreInbound(realInbound2.filter((r) => r.split === 'train'));
    expect(train.risks.falsePositives).toBe(0);
  });
});

// Round 3 (README "Round 3"): customers' tweets to a company's support account, kept as references only (the source
// states no licence), so the text and the detector's figures live in `pnpm bench` with the file present. What is
// committed can still be checked: every item is labelled, and the split is the hash split the README describes.
/** A set of referenced tweets (rounds 3 and 9): whole tweets (offset 0) of the complaints file, split by the hash of their text. */
function expectTweetReferences(items: ReturnType<typeof parseRealInbound>): void {
  for (const r of items) {
    expect({ line: r.line, sha: /^[0-9a-f]{16}$/.test(r.sha ?? ''), offset: r.offset, source: r.source.startsWith('complaints-social-media/') }).toEqual({ line: r.line, sha: true, offset: 0, source: true });
    // holdout = the first 32 bits of the text's SHA-256 mod 3 = 0, as rounds 1 and 2.
    expect({ line: r.line, split: r.split }).toEqual({ line: r.line, split: Number.parseInt(r.sha!.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train' });
  }
}

describe('real-mail development set, round 3 (references)', () => {
  const items = parseRealInbound(realInbound3Text, 'real/inbound-complaints-3.refs.jsonl');

  it('is labelled, split by the hash of its text and big enough', () => {
    expect(items.length).toBeGreaterThanOrEqual(300);
    expect(items.filter((r) => r.risk !== null).length).toBeGreaterThanOrEqual(150);
    expect(items.filter((r) => r.risk === null).length).toBeGreaterThanOrEqual(100);
    expect(items.filter((r) => r.split === 'holdout').length).toBeGreaterThanOrEqual(100);
    expectTweetReferences(items);
  });
});

// Round 5 (README "Round 5"): R-list outbound sentences the earlier draws' filters left out, kept as references
// (the archive states no licence), so the detector's figures on them live in `pnpm bench` with the archive present.
// What is committed is checked here: every item labelled consistently, with its stratum, and split by the hash.
/** Checks a committed set of outbound references: every item labelled consistently, with its stratum, split by the hash. */
function expectOutboundReferences(items: ReturnType<typeof parseRealOutbound>, source: (s: string) => boolean, least: { items: number; promises: number; dated: number; holdout: number }): void {
  expect(items.length).toBeGreaterThanOrEqual(least.items);
  expect(items.filter((r) => r.promise).length).toBeGreaterThanOrEqual(least.promises);
  expect(items.filter((r) => r.due !== null).length).toBeGreaterThanOrEqual(least.dated);
  expect(items.filter((r) => r.split === 'holdout').length).toBeGreaterThanOrEqual(least.holdout);
  for (const r of items) {
    const stratum = (r as { stratum?: string }).stratum;
    expect({ line: r.line, sha: /^[0-9a-f]{16}$/.test(r.sha ?? ''), stratum: ['A', 'B', 'C'].includes(stratum ?? ''), source: source(r.source) }).toEqual({ line: r.line, sha: true, stratum: true, source: true });
    // holdout = the first 32 bits of the text's SHA-256 mod 3 = 0, as every round.
    expect({ line: r.line, split: r.split }).toEqual({ line: r.line, split: Number.parseInt(r.sha!.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train' });
    if (!r.promise) expect({ line: r.line, due: r.due, dueIsDefault: r.dueIsDefault }).toEqual({ line: r.line, due: null, dueIsDefault: false });
    else expect({ line: r.line, dated: r.due !== null !== r.dueIsDefault }).toEqual({ line: r.line, dated: true });
  }
}

describe('real-mail development set, round 5 (references)', () => {
  it('is labelled, split by the hash of its text and big enough', () => {
    expectOutboundReferences(parseRealOutbound(realOutbound5Text, 'real/outbound-r-lists-5.refs.jsonl'), (s) => s.startsWith('r-mailing-lists/'), { items: 300, promises: 150, dated: 40, holdout: 100 });
  });
});

// Round 11 (README "Round 11 (promises)"): the everything-list archive, writers no earlier round has seen, kept as
// references (no licence stated); the detector's figures on it live in `pnpm bench` with the archive present.
describe('real-mail development set, round 11 (everything-list references)', () => {
  it('is labelled, split by the hash of its text and big enough', () => {
    expectOutboundReferences(parseRealOutbound(realOutbound11Text, 'real/outbound-everything-list-11.refs.jsonl'), (s) => s === 'everything-list', { items: 440, promises: 40, dated: 6, holdout: 150 });
  });
});

// Round 12 (README "Round 12 (promises)"): the Twisted project's mailing lists, developers answering users and each
// other, kept as references (the messages are their writers'); the detector's figures on it live in `pnpm bench` with the
// monthly text archives present (FOLLOWTHROUGH_TWISTED_LIST_DIR).
describe('real-mail development set, round 12 (Twisted list references)', () => {
  it('is labelled, split by the hash of its text and big enough', () => {
    expectOutboundReferences(parseRealOutbound(realOutbound12Text, 'real/outbound-twisted-list-12.refs.jsonl'), (s) => s.startsWith('twisted-list/'), { items: 331, promises: 92, dated: 11, holdout: 105 });
  });
});

// Round 13 (README "Round 13 (promises)"): four small projects' lists preserved from BerliOS, maintainers answering users,
// kept as references (no licence stated); the figures live in `pnpm bench` with the monthly text archives present
// (FOLLOWTHROUGH_BERLIOS_LIST_DIR).
describe('real-mail development set, round 13 (BerliOS list references)', () => {
  it('is labelled, split by the hash of its text and big enough', () => {
    expectOutboundReferences(parseRealOutbound(realOutbound13Text, 'real/outbound-berlios-lists-13.refs.jsonl'), (s) => s.startsWith('berlios-list/'), { items: 269, promises: 120, dated: 23, holdout: 95 });
  });
});

// Round 14 (README "Round 14 (promises)"): the ImageJ2 developers' list, maintainers answering plugin writers and users,
// kept as references (no licence stated); the figures live in `pnpm bench` with the monthly text archive present
// (FOLLOWTHROUGH_IMAGEJ_LIST_DIR).
describe('real-mail development set, round 14 (ImageJ list references)', () => {
  it('is labelled, split by the hash of its text and big enough', () => {
    expectOutboundReferences(parseRealOutbound(realOutbound14Text, 'real/outbound-imagej-list-14.refs.jsonl'), (s) => s.startsWith('imagej-list/'), { items: 270, promises: 91, dated: 27, holdout: 87 });
  });
});

// Round 15 (README "Round 15 (promises)"): only sentences the rules called a promise, from the four list archives of
// rounds 11-14, in messages no round had drawn from, kept as references (no licence stated); the figures live in
// `pnpm bench` with the archives present.
describe('real-mail development set, round 15 (the rules\' positives on unseen list writers)', () => {
  const round15 = parseRealOutbound(realOutbound15Text, 'real/outbound-lists-positives-15.refs.jsonl');
  it('is labelled, split by the hash of its text and big enough', () => {
    expectOutboundReferences(round15, (s) => s === 'everything-list' || /^(?:twisted|berlios|imagej)-list\//.test(s), { items: 426, promises: 208, dated: 34, holdout: 143 });
  });
  it('reads no message an earlier list round drew from', () => {
    const earlier = [realOutbound11Text, realOutbound12Text, realOutbound13Text, realOutbound14Text, realInbound13ListsText].flatMap((text) => text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { source: string; ref: string }));
    const earlierMessages = new Set([...earlier, ...parseRealFulfilment(realFulfilment14Text), ...parseRealFulfilment(realFulfilment15Text)].map((r) => `${r.source}|${r.ref}`));
    expect(round15.filter((r) => earlierMessages.has(`${r.source}|${r.ref}`)).map((r) => r.line)).toEqual([]);
  });
});

// Round 7 (README "Round 7"): US State Department officials' mail (federal works, so the text is committed), drawn by
// the hash of the text as round 5 and labelled before the detector was run on it. Held at floors a little under what
// was measured at the end of round 7 (the aims are not met on real mail).
describe('real-mail development set, round 7 (State Department FOIA release)', () => {
  it('is labelled, split by the hash of its text and big enough', () => {
    expect(realOutbound7.length).toBeGreaterThanOrEqual(200);
    expect(realOutbound7.filter((r) => r.promise).length).toBeGreaterThanOrEqual(80);
    expect(realInbound7.length).toBeGreaterThanOrEqual(100);
    for (const r of [...realOutbound7, ...realInbound7]) {
      const stratum = (r as { stratum?: string; draw?: string }).stratum ?? (r as { draw?: string }).draw;
      // The sha (the first 16 hex digits of the text's SHA-256) is checked against the text by `pnpm bench`, which
      // drops an item whose text does not match it; the shared package has no Node types to hash with here.
      expect({ text: r.text, sha: /^[0-9a-f]{16}$/.test(r.sha ?? ''), stratum: ['A', 'B', 'C', 'request', 'risk-words', 'other'].includes(stratum ?? ''), source: r.source }).toEqual({ text: r.text, sha: true, stratum: true, source: 'state-dept-foia' });
      // holdout = the first 32 bits of the text's SHA-256 mod 3 = 0, as rounds 1-6.
      expect({ text: r.text, split: r.split }).toEqual({ text: r.text, split: Number.parseInt(r.sha!.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train' });
    }
    for (const r of realOutbound7) {
      if (!r.promise) expect({ line: r.line, due: r.due, dueIsDefault: r.dueIsDefault }).toEqual({ line: r.line, due: null, dueIsDefault: false });
      else expect({ line: r.line, dated: r.due !== null !== r.dueIsDefault }).toEqual({ line: r.line, dated: true });
    }
  });

  for (const [split, floor] of [
    ['train', { precision: 0.9, recall: 0.95, due: 0.7, requestsP: 0.95, requestsR: 0.85 }],
    ['holdout', { precision: 0.7, recall: 0.95, due: 0.6, requestsP: 0.9, requestsR: 0.85 }],
  ] as const) {
    it(`promises and requests on the ${split} split stay at or above what was measured`, () => {
      const score = scoreCorpus(realOutbound7.filter((r) => r.split === split));
      const report = [`P ${pct(score.precision)} R ${pct(score.recall)} due ${pct(score.dueAccuracy)}`, ...(split === 'train' ? score.failures.map((f) => `${f.text} (expected ${f.expected}, got ${f.got})`) : [])].join('\n');
      expect(score.precision, report).toBeGreaterThanOrEqual(floor.precision);
      expect(score.recall, report).toBeGreaterThanOrEqual(floor.recall);
      expect(score.dueAccuracy, report).toBeGreaterThanOrEqual(floor.due);
      const inbound = scoreInbound(realInbound7.filter((r) => r.split === split));
      expect(inbound.requests.precision).toBeGreaterThanOrEqual(floor.requestsP);
      expect(inbound.requests.recall).toBeGreaterThanOrEqual(floor.requestsR);
    });
  }
});

// Round 8 (README "Round 8"): more outbound mail of the same release, none of it in rounds 1-7, drawn in another order
// and labelled before the detector was run on it. Floors a little under the end-of-round figures.
describe('real-mail development set, round 8 (State Department FOIA release)', () => {
  it('is labelled, split by the hash of its text, new and big enough', () => {
    expect(realOutbound8.length).toBeGreaterThanOrEqual(200);
    expect(realOutbound8.filter((r) => r.promise).length).toBeGreaterThanOrEqual(80);
    const earlier = new Set(realOutbound7.map((r) => r.sha));
    for (const r of realOutbound8) {
      const stratum = (r as { stratum?: string }).stratum;
      expect({ text: r.text, sha: /^[0-9a-f]{16}$/.test(r.sha ?? ''), stratum: ['A', 'B', 'C'].includes(stratum ?? ''), source: r.source, inRound7: earlier.has(r.sha) }).toEqual({ text: r.text, sha: true, stratum: true, source: 'state-dept-foia', inRound7: false });
      expect({ text: r.text, split: r.split }).toEqual({ text: r.text, split: Number.parseInt(r.sha!.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train' });
      if (!r.promise) expect({ line: r.line, due: r.due, dueIsDefault: r.dueIsDefault }).toEqual({ line: r.line, due: null, dueIsDefault: false });
      else expect({ line: r.line, dated: r.due !== null !== r.dueIsDefault }).toEqual({ line: r.line, dated: true });
    }
  });

  itHoldsPromiseFloors(realOutbound8, { train: { precision: 0.8, recall: 0.92, due: 0.85 }, holdout: { precision: 0.8, recall: 0.88, due: 0.75 } });
});

// Round 10 (README "Round 10 (promises)"): the same release, officials whose mail no earlier outbound round drew, labelled
// before the detector was run on it. Floors a little under the end-of-round figures.
describe('real-mail development set, round 10 (State Department FOIA release, new writers)', () => {
  it('is labelled, split by the hash of its text, new and big enough', () => {
    expect(realOutbound10.length).toBeGreaterThanOrEqual(300);
    expect(realOutbound10.filter((r) => r.promise).length).toBeGreaterThanOrEqual(50);
    const earlier = new Set([...realOutbound7, ...realOutbound8].map((r) => r.sha));
    const earlierWriters = new Set([...realOutbound7, ...realOutbound8].map((r) => (r as { sender?: string }).sender));
    for (const r of realOutbound10) {
      const { stratum, sender } = r as { stratum?: string; sender?: string };
      expect({ text: r.text, sha: /^[0-9a-f]{16}$/.test(r.sha ?? ''), stratum: ['A', 'B', 'C'].includes(stratum ?? ''), source: r.source, earlier: earlier.has(r.sha), earlierWriter: earlierWriters.has(sender ?? '') }).toEqual({ text: r.text, sha: true, stratum: true, source: 'state-dept-foia', earlier: false, earlierWriter: false });
      expect({ text: r.text, split: r.split }).toEqual({ text: r.text, split: Number.parseInt(r.sha!.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train' });
      if (!r.promise) expect({ line: r.line, due: r.due, dueIsDefault: r.dueIsDefault }).toEqual({ line: r.line, due: null, dueIsDefault: false });
      else expect({ line: r.line, dated: r.due !== null !== r.dueIsDefault }).toEqual({ line: r.line, dated: true });
    }
  });

  itHoldsPromiseFloors(realOutbound10, { train: { precision: 0.85, recall: 0.82, due: 0.9 }, holdout: { precision: 0.6, recall: 0.85, due: 0.75 } });
});

// Rounds 8, 9, 10, 12 and 13 fulfilment (README "Round 8", "Round 9", "Round 10 (fulfilment)", "Round 12 (fulfilment)",
// "Round 13 (fulfilment)"): officials' promises with their
// own later messages in the conversation, text committed, so the verdicts are checked here. Floors a little under the
// end-of-round figures; on train nothing is called kept that was not.
describe('real fulfilment, rounds 8, 9, 10, 12 and 13 (State Department conversations)', () => {
  const rounds = [
    { round: 8, items: parseRealFulfilmentText(realFulfilment8Text), atLeast: 70, floors: { train: { right: 0.77, falseKept: 0 }, holdout: { right: 0.7, falseKept: 1 } } },
    { round: 9, items: parseRealFulfilmentText(realFulfilment9Text), atLeast: 100, floors: { train: { right: 0.72, falseKept: 0 }, holdout: { right: 0.62, falseKept: 0 } } },
    // Round 10 reads each released document as the thread it quotes, so a promise and its later mail may share one.
    { round: 10, items: parseRealFulfilmentText(realFulfilment10Text), atLeast: 110, floors: { train: { right: 0.82, falseKept: 0 }, holdout: { right: 0.72, falseKept: 0 } } },
    // Round 12 draws what the earlier nets could not see: commitments without "I will", short replies, named officials.
    { round: 12, items: parseRealFulfilmentText(realFulfilment12Text), atLeast: 105, floors: { train: { right: 0.68, falseKept: 0 }, holdout: { right: 0.8, falseKept: 0 } } },
    // Round 13 reads what round 12 drew and left unread: officials whose quoted headers give only their names.
    { round: 13, items: parseRealFulfilmentText(realFulfilment13Text), atLeast: 105, floors: { train: { right: 0.69, falseKept: 0 }, holdout: { right: 0.74, falseKept: 0 } } },
  ];
  it('are labelled, split by the hash of the promise, have later mail for every promise and hold no promise twice', () => {
    const seen = new Set<string>();
    for (const { round, items, atLeast } of rounds) {
      expect(items.length).toBeGreaterThanOrEqual(atLeast);
      // Both verdicts occur: a set of one kind could not show a rule calling kept what was not.
      expect(items.some((i) => i.expected === 'kept') && items.some((i) => i.expected === 'not-kept')).toBe(true);
      for (const item of items) {
        expect({ round, text: item.text, expected: ['kept', 'not-kept'].includes(item.expected), later: item.later.length > 0, keptBy: item.expected === 'kept' ? Boolean(item.keptBy) : true }).toEqual({ round, text: item.text, expected: true, later: true, keptBy: true });
        expect({ text: item.text, split: item.split }).toEqual({ text: item.text, split: Number.parseInt(item.sha.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train' });
        for (const m of item.later) expect({ text: item.text, later: m.sentAt > item.sentAt }).toEqual({ text: item.text, later: true });
        // One official's promise is one item: the same words by the same official were drawn once.
        const key = `${item.sender}|${item.text}`;
        expect({ round, key, drawnBefore: seen.has(key) }).toEqual({ round, key, drawnBefore: false });
        seen.add(key);
      }
    }
  });
  for (const { round, items, floors } of rounds) {
    for (const split of ['train', 'holdout'] as const) {
      it(`round ${round} on the ${split} split stays at or above what was measured`, () => {
        const score = scoreFulfilment(items.filter((i) => i.split === split).map((i) => ({ expected: i.expected, got: fulfilmentVerdictOfText(i) })));
        expect(score.right / score.promises).toBeGreaterThanOrEqual(floors[split].right);
        expect(score.falseKept).toBeLessThanOrEqual(floors[split].falseKept);
      });
    }
  }
});

// Rounds 4 and 6 (README "Round 4", "Round 6"): real fulfilment threads, kept as references (the archive states no
// licence), so the verdicts on them live in `pnpm bench` with the archive present. What is committed is checked here:
// every promise labelled, with its later messages, split by the hash, and no promise in two rounds.
describe('real fulfilment threads, rounds 4 and 6 (references)', () => {
  const rounds = [
    { round: 4, items: parseRealFulfilment(realFulfilment4Text), atLeast: 39 },
    { round: 6, items: parseRealFulfilment(realFulfilment6Text), atLeast: 16 },
  ];

  it('are labelled, split by the hash of the promise and drawn once', () => {
    const seen = new Set<string>();
    for (const { round, items, atLeast } of rounds) {
      expect(items.length).toBeGreaterThanOrEqual(atLeast);
      // Both verdicts occur: a set of one kind could not show a rule calling kept what was not.
      expect(items.some((r) => r.expected === 'kept') && items.some((r) => r.expected === 'not-kept')).toBe(true);
      for (const r of items) {
        expect({ round, sha: r.sha, ok: /^[0-9a-f]{16}$/.test(r.sha) && ['kept', 'not-kept'].includes(r.expected) && r.later.length > 0 && r.source.startsWith('r-mailing-lists/') }).toEqual({ round, sha: r.sha, ok: true });
        // holdout = the first 32 bits of the text's SHA-256 mod 3 = 0, as rounds 2-5.
        expect({ sha: r.sha, split: r.split }).toEqual({ sha: r.sha, split: Number.parseInt(r.sha.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train' });
        expect({ sha: r.sha, drawnBefore: seen.has(r.sha) }).toEqual({ sha: r.sha, drawnBefore: false });
        seen.add(r.sha);
      }
    }
  });
});

// Rounds 14-16 (README "Round 14 (fulfilment)", "Round 15 (fulfilment)", "Round 16 (fulfilment)"): promises on the
// Twisted, BerliOS and ImageJ2 projects' lists and their writer's later messages in the thread, kept as references (the
// messages carry no licence), so the verdicts live in the bench with the archives present. What is committed is checked
// here: labelled (with what kept it), later mail, the hash split, drawn once (across the rounds).
describe('real fulfilment threads, rounds 14-16 (Pipermail list references)', () => {
  const rounds = [
    { round: 14, items: parseRealFulfilment(realFulfilment14Text), source: /^twisted-list\//, atLeast: 78 },
    { round: 15, items: parseRealFulfilment(realFulfilment15Text), source: /^berlios-list\//, atLeast: 79 },
    { round: 16, items: parseRealFulfilment(realFulfilment16Text), source: /^(?:imagej|twisted|berlios)-list\//, atLeast: 117 },
  ];

  it('are labelled, split by the hash of the promise and drawn once', () => {
    const seen = new Set<string>();
    for (const { round, items, source, atLeast } of rounds) {
      expect({ round, items: items.length >= atLeast }).toEqual({ round, items: true });
      expect(items.some((r) => r.expected === 'kept') && items.some((r) => r.expected === 'not-kept')).toBe(true);
      for (const r of items) {
        const ok = /^[0-9a-f]{16}$/.test(r.sha) && source.test(r.source) && r.later.length > 0 && !r.later.includes(r.ref) && r.length > 0;
        expect({ sha: r.sha, ok, keptBy: r.expected === 'kept' ? Boolean(r.keptBy) : r.expected === 'not-kept' }).toEqual({ sha: r.sha, ok: true, keptBy: true });
        expect({ sha: r.sha, split: r.split }).toEqual({ sha: r.sha, split: Number.parseInt(r.sha.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train' });
        expect({ sha: r.sha, drawnBefore: seen.has(r.sha) }).toEqual({ sha: r.sha, drawnBefore: false });
        seen.add(r.sha);
      }
    }
  });

  it('round 16 follows only promises that promises rounds 14 and 15 labelled by hand', () => {
    const labelled = new Set(
      [...parseRealOutbound(realOutbound14Text, 'real/outbound-imagej-list-14.refs.jsonl'), ...parseRealOutbound(realOutbound15Text, 'real/outbound-lists-positives-15.refs.jsonl')]
        .filter((r) => r.promise)
        .map((r) => `${r.source}|${r.ref}|${r.offset}|${r.sha}`),
    );
    const notLabelled = parseRealFulfilment(realFulfilment16Text).filter((r) => !labelled.has(`${r.source}|${r.ref}|${r.offset}|${r.sha}`));
    expect(notLabelled.map((r) => r.sha)).toEqual([]);
  });
});

// The server stores a promise's due phrase (PromiseCandidate.dueText) and dates it again when the user's
// zone or working hours change: re-resolving the stored phrase must give exactly what findPromises gives
// in the new settings, for every promise of the corpora.
describe('due dates re-resolved from the stored phrase', () => {
  const settings = [
    { timeZone: 'America/Los_Angeles', workingHours: DEFAULT_WORKING_HOURS },
    { timeZone: 'Europe/London', workingHours: DEFAULT_WORKING_HOURS },
    { timeZone: 'Asia/Kolkata', workingHours: { start: '10:00', end: '18:30', days: [1, 2, 3, 4, 5] } },
    { timeZone: 'Asia/Jerusalem', workingHours: { start: '08:00', end: '16:30', days: [7, 1, 2, 3, 4] } },
    { timeZone: 'Pacific/Auckland', workingHours: DEFAULT_WORKING_HOURS },
  ];
  const sentences = [...records.map((r) => ({ text: r.text, sentAt: r.sentAt, timeZone: r.timeZone })), ...realOutbound.map((r) => ({ text: r.text, sentAt: r.sentAt, timeZone: r.timeZone })), ...realOutbound2.map((r) => ({ text: r.text, sentAt: r.sentAt, timeZone: r.timeZone })), ...realOutbound7.map((r) => ({ text: r.text, sentAt: r.sentAt, timeZone: r.timeZone })), ...realOutbound8.map((r) => ({ text: r.text, sentAt: r.sentAt, timeZone: r.timeZone })), ...realOutbound10.map((r) => ({ text: r.text, sentAt: r.sentAt, timeZone: r.timeZone }))];

  it('gives the same dueAt in every zone and working week', () => {
    let checked = 0;
    const wrong: string[] = [];
    for (const s of sentences) {
      const stored = findPromises(s.text, { sentAt: s.sentAt, timeZone: s.timeZone, workingHours: DEFAULT_WORKING_HOURS, defaultWorkingDays: 2 });
      if (stored.length === 0) continue;
      for (const setting of settings) {
        const context = { sentAt: s.sentAt, ...setting, defaultWorkingDays: 2 };
        const fresh = findPromises(s.text, context);
        stored.forEach((p, i) => {
          const again = p.dueText === undefined ? defaultDueDate(context) : resolveDueDate(p.dueText, context)?.dueAt;
          checked++;
          if (again !== fresh[i]?.dueAt) wrong.push(`${s.text} [${setting.timeZone}] stored "${p.dueText ?? '(default)'}": ${again} vs ${fresh[i]?.dueAt}`);
        });
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(wrong).toEqual([]);
  });
});

/** A State part drawn for client risks (rounds 9-12): each item from the release, of one of its round's draws, in no
 * earlier set, split by the hash of its text. */
function expectStateDraw(items: typeof realInbound, draws: readonly string[], earlier: readonly (typeof realInbound)[number][]): void {
  const before = new Set(earlier.map((r) => r.sha));
  for (const r of items) {
    const draw = (r as { draw?: string }).draw;
    expect({ text: r.text, sha: /^[0-9a-f]{16}$/.test(r.sha ?? ''), draw: draws.includes(draw ?? ''), source: r.source, earlier: before.has(r.sha) }).toEqual({ text: r.text, sha: true, draw: true, source: 'state-dept-foia', earlier: false });
    expect({ text: r.text, split: r.split }).toEqual({ text: r.text, split: Number.parseInt(r.sha!.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train' });
  }
}

type RiskFloor = { risksFound: number; risksFalse: number; requestsP: number; requestsR: number };

/** One test per split: client risks and requests on a State part stay at or above the end-of-round figures. */
function itHoldsRiskFloors(items: typeof realInbound, floors: { train: RiskFloor; holdout: RiskFloor }): void {
  for (const split of ['train', 'holdout'] as const) {
    it(`client risks and requests on the State part's ${split} split stay at or above what was measured`, () => {
      const floor = floors[split];
      const score = scoreInbound(items.filter((r) => r.split === split));
      expect(score.risks.truePositives).toBeGreaterThanOrEqual(floor.risksFound);
      expect(score.risks.falsePositives).toBeLessThanOrEqual(floor.risksFalse);
      expect(score.requests.precision).toBeGreaterThanOrEqual(floor.requestsP);
      expect(score.requests.recall).toBeGreaterThanOrEqual(floor.requestsR);
    });
  }
}

// Round 9 (README "Round 9"): client risks. State Department officials' inbound sentences drawn for risk language and
// the Secretary's own chasing (text committed, federal works), and the next company-addressed tweets after round 3's
// (references: their figures live in `pnpm bench` with the complaints file present). Labelled before the risk rules
// were run on them; the State part is held at floors a little under its end-of-round figures.
describe('real-mail development set, round 9 (client risks)', () => {
  const tweets = parseRealInbound(realInbound9TweetsText, 'real/inbound-complaints-9.refs.jsonl');

  it('is labelled, split by the hash of its text, new and big enough', () => {
    expect(realInbound9.length + tweets.length).toBeGreaterThanOrEqual(300);
    expect(tweets.filter((r) => r.risk !== null).length).toBeGreaterThanOrEqual(100);
    expectTweetReferences(tweets);
    const round3 = new Set(parseRealInbound(realInbound3Text, 'real/inbound-complaints-3.refs.jsonl').map((r) => r.sha));
    expect(tweets.filter((r) => round3.has(r.sha))).toEqual([]);
    expectStateDraw(realInbound9, ['strong', 'risk-words', 'other', 'principal'], realInbound7);
  });

  itHoldsRiskFloors(realInbound9, {
    train: { risksFound: 3, risksFalse: 3, requestsP: 0.93, requestsR: 0.75 },
    holdout: { risksFound: 1, risksFalse: 3, requestsP: 0.9, requestsR: 0.7 },
  });
});

// Round 10 (README "Round 10 (client risks)"): the Secretary's whole chasing messages to her staff (text committed,
// federal works) and the next company-addressed tweets after round 9's (references). Labelled before the risk rules were
// run on them; the State part is held at floors at its end-of-round figures (main's rules fail the train floor).
describe('real-mail development set, round 10 (client risks)', () => {
  const tweets = parseRealInbound(realInbound10TweetsText, 'real/inbound-complaints-10.refs.jsonl');

  it('is labelled, split by the hash of its text, new and big enough', () => {
    expect(realInbound10.length + tweets.length).toBeGreaterThanOrEqual(250);
    expect(realInbound10.filter((r) => r.risk !== null).length).toBeGreaterThanOrEqual(15);
    expect(tweets.filter((r) => r.risk !== null).length).toBeGreaterThanOrEqual(40);
    expectTweetReferences(tweets);
    const earlierTweets = new Set([realInbound3Text, realInbound9TweetsText].flatMap((text) => parseRealInbound(text).map((r) => r.sha)));
    expect(tweets.filter((r) => earlierTweets.has(r.sha))).toEqual([]);
    expectStateDraw(realInbound10, ['chasing', 'plain', 'chasing-2'], [...realInbound7, ...realInbound9]);
  });

  itHoldsRiskFloors(realInbound10, {
    train: { risksFound: 7, risksFalse: 0, requestsP: 0.95, requestsR: 0.72 },
    holdout: { risksFound: 0, risksFalse: 1, requestsP: 0.95, requestsR: 0.74 },
  });
});

// Round 11 (README "Round 11 (client risks)"): more of the Secretary's messages to her staff in a fresh order, a part
// narrowed to words of complaint or of something owed (text committed, federal works), and the next company-addressed
// tweets after round 10's (references). Labelled before the risk rules were run on them; the State part is held at floors
// at its end-of-round figures (main's rules fail the train floor: 4 found, 1 false alarm).
describe('real-mail development set, round 11 (client risks)', () => {
  const tweets = parseRealInbound(realInbound11TweetsText, 'real/inbound-complaints-11.refs.jsonl');

  it('is labelled, split by the hash of its text, new and big enough', () => {
    expect(realInbound11.length + tweets.length).toBeGreaterThanOrEqual(250);
    expect(realInbound11.filter((r) => r.risk !== null).length).toBeGreaterThanOrEqual(25);
    expect(tweets.filter((r) => r.risk !== null).length).toBeGreaterThanOrEqual(50);
    expectTweetReferences(tweets);
    const earlierTweets = new Set([realInbound3Text, realInbound9TweetsText, realInbound10TweetsText].flatMap((text) => parseRealInbound(text).map((r) => r.sha)));
    expect(tweets.filter((r) => earlierTweets.has(r.sha))).toEqual([]);
    expectStateDraw(realInbound11, ['chasing', 'plain', 'strong'], [...realInbound7, ...realInbound9, ...realInbound10]);
  });

  itHoldsRiskFloors(realInbound11, {
    // The requests round of the seventeenth stop (README "Requests (seventeenth stop)") read "I'd like to know which ones Jones has called ..." as asking: 0.98 -> 0.97.
    train: { risksFound: 11, risksFalse: 0, requestsP: 0.97, requestsR: 0.84 },
    holdout: { risksFound: 3, risksFalse: 0, requestsP: 0.92, requestsR: 0.68 },
  });
});

// Round 12 (README "Round 12 (client risks)"): the Secretary's messages to her staff that survive only as quoted history
// in later documents (text committed, federal works), and the next company-addressed tweets after round 11's
// (references). Labelled before the risk rules were run on them; the State part is held at floors at its end-of-round
// figures (main's rules fail the train floor: 1 found, 1 false alarm).
describe('real-mail development set, round 12 (client risks)', () => {
  const tweets = parseRealInbound(realInbound12TweetsText, 'real/inbound-complaints-12.refs.jsonl');

  it('is labelled, split by the hash of its text, new and big enough', () => {
    expect(realInbound12.length + tweets.length).toBeGreaterThanOrEqual(250);
    expect(realInbound12.filter((r) => r.risk !== null).length).toBeGreaterThanOrEqual(15);
    expect(tweets.filter((r) => r.risk !== null).length).toBeGreaterThanOrEqual(40);
    expectTweetReferences(tweets);
    const earlierTweets = new Set([realInbound3Text, realInbound9TweetsText, realInbound10TweetsText, realInbound11TweetsText].flatMap((text) => parseRealInbound(text).map((r) => r.sha)));
    expect(tweets.filter((r) => earlierTweets.has(r.sha))).toEqual([]);
    expectStateDraw(realInbound12, ['strong', 'chasing', 'plain'], [...realInbound7, ...realInbound9, ...realInbound10, ...realInbound11]);
  });

  itHoldsRiskFloors(realInbound12, {
    train: { risksFound: 9, risksFalse: 1, requestsP: 0.99, requestsR: 0.84 },
    // The requests round of the seventeenth stop (README "Requests (seventeenth stop)"): 0.97 -> 0.94 on this part, its items not read (the round's held-out figures are in the README).
    holdout: { risksFound: 3, risksFalse: 0, requestsP: 0.94, requestsR: 0.82 },
  });
});

// Rounds 13 and 14 (README "Round 13 (client risks)", "Round 14 (client risks)"): users writing to open-source projects'
// lists, kept as references (the messages are their writers', no licence stated); the detector's figures on them live in
// `pnpm bench` with the monthly text archives present. What is committed is checked here: every item labelled, of one of
// the round's draws, from a message no earlier round drew from, and split by the hash of its text.
type ListRiskItem = ReturnType<typeof parseRealInbound>[number];
interface ListRiskRound { items: number; risks: number; requests: number; holdout: number; holdoutRisks: number; draws: readonly string[]; sources: RegExp }
function expectListRiskRound(items: ListRiskItem[], earlierTexts: readonly string[], round: ListRiskRound): void {
  const earlier = earlierTexts.flatMap((text) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { source: string; ref: string; sha?: string; later?: string[] }));
  expect(items.length).toBeGreaterThanOrEqual(round.items);
  expect(items.filter((r) => r.risk !== null).length).toBeGreaterThanOrEqual(round.risks);
  expect(items.filter((r) => r.request).length).toBeGreaterThanOrEqual(round.requests);
  expect(items.filter((r) => r.split === 'holdout').length).toBeGreaterThanOrEqual(round.holdout);
  expect(items.filter((r) => r.split === 'holdout' && r.risk !== null).length).toBeGreaterThanOrEqual(round.holdoutRisks);
  const earlierMessages = new Set(earlier.flatMap((r) => [r.ref, ...(r.later ?? [])].map((ref) => `${r.source}|${ref}`)));
  const earlierSentences = new Set(earlier.map((r) => r.sha));
  for (const r of items) {
    const draw = (r as { draw?: string }).draw;
    expect({ line: r.line, sha: /^[0-9a-f]{16}$/.test(r.sha ?? ''), draw: round.draws.includes(draw ?? ''), source: round.sources.test(r.source), reference: r.length! > 0 && r.offset! >= 0 }).toEqual({ line: r.line, sha: true, draw: true, source: true, reference: true });
    expect({ line: r.line, earlierMessage: earlierMessages.has(`${r.source}|${r.ref}`), earlierSentence: earlierSentences.has(r.sha) }).toEqual({ line: r.line, earlierMessage: false, earlierSentence: false });
    // holdout = the first 32 bits of the text's SHA-256 mod 3 = 0, as every round.
    expect({ line: r.line, split: r.split }).toEqual({ line: r.line, split: Number.parseInt(r.sha!.slice(0, 8), 16) % 3 === 0 ? 'holdout' : 'train' });
  }
}

describe('real-mail development set, round 13 (client risks, list references)', () => {
  it('is labelled, split by the hash of its text, new and big enough', () => {
    expectListRiskRound(parseRealInbound(realInbound13ListsText, 'real/inbound-lists-13.refs.jsonl'), [realOutbound12Text, realOutbound13Text, realFulfilment14Text], {
      items: 500, risks: 20, requests: 80, holdout: 150, holdoutRisks: 8, draws: ['strong', 'words', 'plain', 'displeasure'], sources: /^(?:twisted-list|berlios-list)\//,
    });
  });
});

describe('real-mail development set, round 14 (client risks, list references)', () => {
  it('is labelled, split by the hash of its text, new and big enough', () => {
    expectListRiskRound(
      parseRealInbound(realInbound14ListsText, 'real/inbound-lists-14.refs.jsonl'),
      [realOutbound12Text, realOutbound13Text, realOutbound14Text, realFulfilment14Text, realFulfilment15Text, realInbound13ListsText],
      { items: 550, risks: 24, requests: 60, holdout: 170, holdoutRisks: 7, draws: ['displeasure', 'strong', 'words', 'plain', 'let-down'], sources: /^(?:imagej-list|twisted-list|berlios-list)\// },
    );
  });
});
