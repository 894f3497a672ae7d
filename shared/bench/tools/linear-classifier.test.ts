import { describe, expect, it } from 'vitest';
import { linearProbability, scoreBinary, trainLogistic, trainNaiveBayes } from './linear-classifier';
import type { Row } from './linear-classifier';

/** A toy set: "u:late" and "u:broken" mark positives, "u:thanks" negatives; "u:rare" occurs once. */
const rows: Row[] = [
  ...Array.from({ length: 6 }, (_, i) => ({ features: ['bias', 'u:late', i % 2 ? 'u:again' : 'u:order'], positive: true })),
  ...Array.from({ length: 4 }, () => ({ features: ['bias', 'u:broken', 'u:order'], positive: true })),
  ...Array.from({ length: 20 }, (_, i) => ({ features: ['bias', 'u:thanks', i % 2 ? 'u:order' : 'u:again'], positive: false })),
  { features: ['bias', 'u:rare', 'u:thanks'], positive: false },
];

describe('linear classifiers (README "Classifier (client risks)")', () => {
  it('logistic regression separates the marked rows, and trains to the same weights every time', () => {
    const model = trainLogistic(rows, { l2: 0.001, positiveWeight: 1, minCount: 2 });
    expect(linearProbability(model, ['bias', 'u:late'])).toBeGreaterThan(0.8);
    expect(linearProbability(model, ['bias', 'u:broken'])).toBeGreaterThan(0.8);
    expect(linearProbability(model, ['bias', 'u:thanks'])).toBeLessThan(0.2);
    expect(model.weights.has('u:rare')).toBe(false);
    expect(linearProbability(model, ['bias', 'u:unseen'])).toBe(linearProbability(model, ['bias']));
    expect([...trainLogistic(rows, { l2: 0.001, positiveWeight: 1, minCount: 2 }).weights]).toEqual([...model.weights]);
  });

  it('logistic regression counts a weighted positive more, and L2 shrinks the weights', () => {
    const plain = trainLogistic(rows, { l2: 0.001, positiveWeight: 1, minCount: 2 });
    const weighted = trainLogistic(rows, { l2: 0.001, positiveWeight: 3, minCount: 2 });
    expect(linearProbability(weighted, ['bias', 'u:order'])).toBeGreaterThan(linearProbability(plain, ['bias', 'u:order']));
    const shrunk = trainLogistic(rows, { l2: 0.05, positiveWeight: 1, minCount: 2 });
    expect(Math.abs(shrunk.weights.get('u:late')!)).toBeLessThan(Math.abs(plain.weights.get('u:late')!));
  });

  it('naive Bayes weighs a feature by its log ratio between the classes and the prior in the bias', () => {
    const model = trainNaiveBayes(rows, { alpha: 1, minCount: 2 });
    expect(model.weights.get('bias')).toBeCloseTo(Math.log(10 / 21), 12);
    expect(model.weights.get('u:late')!).toBeGreaterThan(0);
    expect(model.weights.get('u:thanks')!).toBeLessThan(0);
    expect(model.weights.has('u:rare')).toBe(false);
    // Positives hold 20 kept feature draws, negatives 41 (u:rare dropped); vocabulary: late, again, order, broken, thanks.
    expect(model.weights.get('u:late')).toBeCloseTo(Math.log((6 + 1) / (20 + 5)) - Math.log((0 + 1) / (41 + 5)), 12);
  });
});

describe('scoreBinary', () => {
  it('counts found, false and missed against the labels, with precision, recall and F1', () => {
    const items = [
      { label: true, says: true },
      { label: true, says: false },
      { label: false, says: true },
      { label: false, says: false },
      { label: true, says: true },
    ];
    expect(scoreBinary(items, (i) => i.label, (i) => i.says)).toEqual({ tp: 2, fp: 1, fn: 1, p: 2 / 3, r: 2 / 3, f1: 2 / 3 });
    expect(scoreBinary([], () => true, () => true)).toEqual({ tp: 0, fp: 0, fn: 0, p: 0, r: 0, f1: 0 });
  });
});
