/**
 * Two small linear classifiers over named binary features, written by hand so that training is deterministic (fixed
 * order, no randomness) and the bench needs no package: the promise veto (promise-model.ts, README "Classifier
 * (promises)") and the client-risk classifier (risk-model.ts, README "Classifier (client risks)") train with them. Both
 * give a weight per feature; a row's probability is the logistic function of the sum of its features' weights.
 */

export interface Row {
  features: readonly string[];
  positive: boolean;
}

export interface LinearModel {
  weights: Map<string, number>;
}

/** N-gram features ("u:..." and "b:...") enter the vocabulary when they occur in at least `minCount` rows. */
const isGram = (f: string): boolean => f.startsWith('u:') || f.startsWith('b:');

function occurrences(rows: readonly Row[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) for (const f of row.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  return counts;
}

/**
 * Logistic regression by stochastic gradient descent in the rows' fixed order, L2 on the active weights; a positive
 * row's gradient counts `positiveWeight` times.
 */
export function trainLogistic(rows: readonly Row[], options: { l2: number; positiveWeight: number; minCount: number; epochs?: number; rate?: number }): LinearModel {
  const { l2, positiveWeight, minCount, epochs = 40, rate = 0.1 } = options;
  const counts = occurrences(rows);
  const index = new Map<string, number>();
  for (const f of counts.keys()) if (!isGram(f) || counts.get(f)! >= minCount) index.set(f, index.size);
  const encoded = rows.map((row) => ({ y: row.positive ? 1 : 0, weight: row.positive ? positiveWeight : 1, x: row.features.flatMap((f) => (index.has(f) ? [index.get(f)!] : [])) }));
  const w = new Float64Array(index.size);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const step = rate / (1 + epoch * 0.05);
    for (const { x, y, weight } of encoded) {
      let z = 0;
      for (const i of x) z += w[i]!;
      const g = weight * (y - 1 / (1 + Math.exp(-z)));
      for (const i of x) w[i] = w[i]! + step * (g - l2 * w[i]!);
    }
  }
  const weights = new Map<string, number>();
  for (const [f, i] of index) weights.set(f, w[i]!);
  return { weights };
}

/**
 * Naive Bayes over binary features (each present feature a draw, as multinomial naive Bayes counts a sentence's words
 * once): a feature's weight is log P(f | positive) / P(f | negative) with Laplace smoothing `alpha`, and the feature
 * "bias" (every row should have it) carries the log prior ratio.
 */
export function trainNaiveBayes(rows: readonly Row[], options: { alpha: number; minCount: number }): LinearModel {
  const { alpha, minCount } = options;
  const seen = occurrences(rows);
  const keep = (f: string): boolean => f !== 'bias' && (!isGram(f) || seen.get(f)! >= minCount);
  const counts = [new Map<string, number>(), new Map<string, number>()];
  const totals = [0, 0];
  const rowsOf = [0, 0];
  for (const row of rows) {
    const y = row.positive ? 1 : 0;
    rowsOf[y]!++;
    for (const f of row.features) {
      if (!keep(f)) continue;
      counts[y]!.set(f, (counts[y]!.get(f) ?? 0) + 1);
      totals[y]!++;
    }
  }
  const vocabulary = [...seen.keys()].filter(keep);
  const denominator = (y: number): number => totals[y]! + alpha * vocabulary.length;
  const weights = new Map<string, number>();
  for (const f of vocabulary) weights.set(f, Math.log(((counts[1]!.get(f) ?? 0) + alpha) / denominator(1)) - Math.log(((counts[0]!.get(f) ?? 0) + alpha) / denominator(0)));
  weights.set('bias', Math.log(rowsOf[1]! / Math.max(1, rowsOf[0]!)));
  return { weights };
}

/** The probability a model gives a row with these features (features it has no weight for count 0). */
export function linearProbability(model: LinearModel, features: readonly string[]): number {
  let z = 0;
  for (const f of features) z += model.weights.get(f) ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/** How a yes/no answer did against labels: found, false and missed, precision, recall and F1. */
export interface BinaryScore {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

export function scoreBinary<T>(items: readonly T[], truth: (item: T) => boolean, found: (item: T) => boolean): BinaryScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const item of items) {
    const got = found(item);
    if (got && truth(item)) tp++;
    else if (got) fp++;
    else if (truth(item)) fn++;
  }
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return { tp, fp, fn, p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}
