/**
 * Scores the promise detector against the labelled corpus. Pure (takes the file's text), so the
 * corpus test and `pnpm bench` compute exactly the same figures.
 */
import { DEFAULT_WORKING_HOURS } from '../src/model/settings';
import { findPromises } from '../src/analysis/promises';

export interface CorpusRecord {
  text: string;
  sentAt: string;
  timeZone: string;
  promise: boolean;
  /** Expected dueAt when the sentence states a date; null otherwise. */
  due: string | null;
  dueIsDefault: boolean;
  note?: string;
  /** First names of our own people on the message, when the sentence names one ("Marcus will send ..."). */
  colleagues?: string[];
  /**
   * holdout: every 5th line of the original corpus, never looked at while writing rules.
   * fresh: written and labelled after the rules were tuned, before running them on it.
   */
  split?: 'holdout' | 'fresh';
}

export interface CorpusScore {
  sentences: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** True positives whose label states a due date. */
  datedPromises: number;
  datedCorrect: number;
  /** Exact dueAt match among true positives with a stated due date. */
  dueAccuracy: number;
  /** True positives without a stated date that the detector also gave the default. */
  defaultAgreement: number;
  undatedPromises: number;
  undatedDefault: number;
  failures: { line: number; text: string; expected: string; got: string }[];
}

/** Parses the JSONL corpus; throws naming the line when a record is malformed. */
export function parseCorpus(jsonl: string): (CorpusRecord & { line: number })[] {
  const records: (CorpusRecord & { line: number })[] = [];
  jsonl.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new SyntaxError(`promises.jsonl line ${i + 1}: not JSON (${(error as Error).message})`);
    }
    const r = value as Partial<CorpusRecord>;
    if (typeof r.text !== 'string' || typeof r.sentAt !== 'string' || typeof r.timeZone !== 'string' || typeof r.promise !== 'boolean') {
      throw new TypeError(`promises.jsonl line ${i + 1}: needs text, sentAt, timeZone (strings) and promise (boolean)`);
    }
    if (r.due !== null && typeof r.due !== 'string') throw new TypeError(`promises.jsonl line ${i + 1}: due must be an ISO string or null`);
    records.push({ ...(r as CorpusRecord), line: i + 1 });
  });
  return records;
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

export function scoreCorpus(records: readonly (Omit<CorpusRecord, 'split'> & { line: number })[], defaultWorkingDays = 2): CorpusScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let dated = 0;
  let datedCorrect = 0;
  let undated = 0;
  let undatedDefault = 0;
  const failures: CorpusScore['failures'] = [];
  for (const r of records) {
    const found = findPromises(r.text, {
      sentAt: r.sentAt,
      timeZone: r.timeZone,
      workingHours: DEFAULT_WORKING_HOURS,
      defaultWorkingDays,
      ...(r.colleagues ? { colleagues: r.colleagues } : {}),
    })[0];
    if (found && !r.promise) {
      fp++;
      failures.push({ line: r.line, text: r.text, expected: 'not a promise', got: 'promise' });
    } else if (!found && r.promise) {
      fn++;
      failures.push({ line: r.line, text: r.text, expected: 'promise', got: 'not a promise' });
    } else if (found && r.promise) {
      tp++;
      if (r.due !== null) {
        dated++;
        if (!found.dueIsDefault && Date.parse(found.dueAt) === Date.parse(r.due)) datedCorrect++;
        else failures.push({ line: r.line, text: r.text, expected: `due ${r.due}`, got: found.dueIsDefault ? 'default due' : `due ${found.dueAt} (${found.dueText ?? ''})` });
      } else {
        undated++;
        if (found.dueIsDefault) undatedDefault++;
        else failures.push({ line: r.line, text: r.text, expected: 'default due', got: `due ${found.dueAt} (${found.dueText ?? ''})` });
      }
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    sentences: records.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    datedPromises: dated,
    datedCorrect,
    dueAccuracy: ratio(datedCorrect, dated),
    defaultAgreement: ratio(undatedDefault, undated),
    undatedPromises: undated,
    undatedDefault,
    failures,
  };
}
