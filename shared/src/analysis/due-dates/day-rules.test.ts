import { describe, expect, it } from 'vitest';
import corpusText from '../../../corpus/promises.jsonl?raw';
import realOutboundText from '../../../corpus/real/outbound-parakweet.jsonl?raw';
import realOutbound2Text from '../../../corpus/real/outbound-parakweet-2.jsonl?raw';
import type { DayMatch } from './calendar';
import { DAY_RULES, buildDays, dayRuleMatches } from './day-rules';
import { frameOf } from './frame';

/** At least one phrase for every day rule, in the shapes people write them. */
const PHRASES = [
  'by 2026-03-20', 'on 2026-12-01 please',
  'by 3/5', 'due 12/31/2026', 'on 5/3/26', '24/7 support',
  'by 5.3.', 'on 20.03.2026', 'until 1.4.26',
  'by March 20th', 'on Friday, March 20, 2027', 'by Sept. 3', 'before the 3rd of June', 'on Tue 4 August 2026', 'by 20 Dec',
  'by the 20th', 'before the 1st', 'on the 31st',
  'the day after tomorrow', 'by the day after tomorrow', 'tomorrow or the day after',
  'first thing tomorrow', 'first thing in the morning tomorrow', 'tomorrow first thing', 'first thing tomorrow morning',
  'tomorrow', 'by tomorrow EOD', 'until tomorrow night', 'tomorrow afternoon',
  'today', 'later today', 'before later in the day',
  'tonight', 'by this evening', 'later tonight', 'this am', 'in am', 'in the am',
  'this morning', 'by this afternoon', 'this aft.',
  'in the morning', 'later in the afternoon', 'by in the evening', 'in the morning of the 5th',
  '60-90 minutes from now', 'about two days from now', 'in 2-3 days',
  'in an hour or two', 'within a week or two', 'in a fortnight', "in a fortnight's time", 'after the weekend', 'early next month', 'mid-next month',
  'by the end of next week', 'end of next week',
  'early next week', 'beginning of next week', 'start of next week', 'first thing next week',
  'mid next week', 'middle of next week', 'mid-next week',
  'next week', 'by next week', 'sometime next week', 'within the next week', 'during next week',
  'by the end of the week', 'end of this working week', 'end of week', 'EOW', 'later this week', 'this week', 'within the week',
  'by the weekend', 'before the weekend', "by week's end", 'by weeks end',
  'midweek', 'by mid-week',
  'the first week of October', 'in the 1st week of jan', 'during first week of May',
  'by the end of October', 'end of Feb',
  'by early March', 'mid-April', 'late June 2027', 'in the middle of July', 'sometime in August', 'before Nov.', 'the beginning of December',
  'in Q3', 'by the end of Q4 2026', "early Q1 '27", 'during the second quarter', 'by the start of the 3rd quarter',
  'by the end of the quarter', 'next quarter', 'within the quarter', 'later this quarter', 'early next quarter', 'mid current quarter',
  'by quarter-end', 'before EOQ', 'at the quarter end',
  'by the end of the year', 'early next year', 'end of 2026', 'within the year', 'late this calendar year', 'sometime next year',
  'by year-end', 'before EOY', 'around year end',
  'in the new year', 'early in the new year', 'after the new year',
  'over the weekend', 'this weekend', 'by the weekend', 'on the weekend', 'during the weekend', 'at the weekend',
  'by the end of the month', 'end of this month', 'end of month', 'EOM', 'month-end', 'by month end',
  'next month', 'by the end of next month', 'before next month',
  'in 3 days', 'within 2 hours', 'in the next 30 minutes', 'inside ten business days', 'in a week', 'within 48 hrs', 'in 5 mins', 'in two working days',
  '3 business days', 'five working days', 'two work days',
  'in a couple of days', 'within a few hours', 'in the next few weeks', 'in couple weeks',
  'in a day or two', 'within the next day or two',
  'within the hour', 'in half an hour', 'within the next hour', 'in half hour',
  'within the day', 'within a day',
  'this WE', 'will call in 5.', 'next early week', 'during the week',
  'by Friday', 'on Monday morning', 'next Tuesday', 'this coming Thursday', 'first thing on Monday', 'by Wed', 'thurs EOD', 'Tues', 'coming Sunday', 'Saturday night',
];

/** Every text the corpora date, and each phrase alone, in a sentence, in capitals and in lower case. */
function texts(): string[] {
  const sentences = [corpusText, realOutboundText, realOutbound2Text].flatMap((text) =>
    text
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => (JSON.parse(line) as { text: string }).text),
  );
  const phrases = PHRASES.flatMap((phrase) => [phrase, `I'll send the revised SOW ${phrase}, as agreed.`]);
  return [...sentences, ...phrases].flatMap((text) => [text, text.toUpperCase(), text.toLowerCase()]);
}

describe('day rule hints', () => {
  const all = texts();

  it('never skip a text the rule matches: every match of every rule holds its hint', () => {
    const misses: string[] = [];
    for (const [i, { re, hint }] of DAY_RULES.entries()) {
      for (const text of all) {
        re.lastIndex = 0;
        for (let m = re.exec(text); m; m = re.exec(text)) {
          // The hint is tested on the match alone: a hint found only elsewhere in the sentence would pass by luck.
          if (!hint.test(m[0])) misses.push(`rule ${i} (${re.source.slice(0, 40)}...) matched "${m[0]}" in "${text}" without its hint ${hint}`);
          if (m[0].length === 0) re.lastIndex++;
        }
      }
      re.lastIndex = 0;
    }
    expect(misses).toEqual([]);
  });

  it('are tried on every rule: each rule matches one of the phrases above, so the check above covers it', () => {
    const unmatched = DAY_RULES.filter(({ re }) => {
      const found = all.some((text) => {
        re.lastIndex = 0;
        return re.test(text);
      });
      re.lastIndex = 0;
      return !found;
    }).map(({ re }) => re.source);
    expect(unmatched).toEqual([]);
  });

  it('skip a sentence that names no date of its kind', () => {
    const skipped = DAY_RULES.filter(({ hint }) => !hint.test('Thanks for the quick reply, I will look into it.'));
    expect(skipped.length).toBeGreaterThan(DAY_RULES.length / 2);
  });
});

describe('day rules read once per text, dated per frame', () => {
  const all = texts();
  /** Reading and dating in one pass, rule by rule: what a phrase means in a frame, without the split. */
  function direct(text: string, frame: ReturnType<typeof frameOf>): DayMatch[] {
    const out: DayMatch[] = [];
    for (const { re, build } of DAY_RULES) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const built = build(m, frame, frame.today);
        if (built) out.push({ index: m.index, end: m.index + m[0].length, ...built });
        if (m[0].length === 0) re.lastIndex++;
      }
      re.lastIndex = 0;
    }
    return out;
  }
  const workingHours = { start: '09:00', end: '17:30', days: [1, 2, 3, 4, 5] };
  // Different weekdays, month and year ends, a leap day, a daylight-saving change, before and after hours, two zones.
  const frames = [
    '2026-04-20T07:00:00Z', '2026-04-24T18:45:00Z', '2026-12-31T16:00:00Z', '2028-02-29T10:00:00Z', '2026-03-29T00:30:00Z', '2026-09-30T23:10:00Z',
  ].flatMap((sentAt) => ['Europe/Berlin', 'America/New_York'].map((timeZone) => frameOf({ sentAt, timeZone, workingHours, defaultWorkingDays: 3 })));

  it('give the same days as matching and building together, in every frame, for every corpus text and phrase', () => {
    let dated = 0;
    const differ: string[] = [];
    for (const text of all) {
      const matches = dayRuleMatches(text);
      for (const frame of frames) {
        const split = buildDays(matches, frame);
        dated += split.length;
        if (JSON.stringify(split) !== JSON.stringify(direct(text, frame))) differ.push(`${text} @ ${new Date(frame.now).toISOString()} ${frame.timeZone}`);
      }
    }
    expect(differ).toEqual([]);
    expect(dated).toBeGreaterThan(all.length);
  });
});
