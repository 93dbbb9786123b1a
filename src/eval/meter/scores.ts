// Scoring METER predictions and cutting an ordered score into the three classes.

export type MeterClass = 'wholly' | 'partially' | 'non';
export const CLASSES: MeterClass[] = ['wholly', 'partially', 'non'];

export interface Scores {
  confusion: Record<MeterClass, Record<MeterClass, number>>;
  perClass: Record<MeterClass, { precision: number; recall: number; f1: number; support: number }>;
  macroF1: number;
  accuracy: number;
  /** Derived (wholly or partially) against non-derived. */
  binary: { precision: number; recall: number; f1: number };
}

export type Thresholds = [number, number];

export function classify(share: number, [lo, hi]: Thresholds): MeterClass {
  return share >= hi ? 'wholly' : share >= lo ? 'partially' : 'non';
}

export function score(gold: MeterClass[], pred: MeterClass[]): Scores {
  const confusion = Object.fromEntries(CLASSES.map((g) => [g, Object.fromEntries(CLASSES.map((p) => [p, 0]))])) as Scores['confusion'];
  gold.forEach((g, i) => confusion[g][pred[i]!]++);
  const perClass = {} as Scores['perClass'];
  for (const c of CLASSES) {
    const tp = confusion[c][c];
    const support = CLASSES.reduce((n, p) => n + confusion[c][p], 0);
    const predicted = CLASSES.reduce((n, g) => n + confusion[g][c], 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    perClass[c] = { precision: r3(precision), recall: r3(recall), f1: r3(f1(precision, recall)), support };
  }
  const macroF1 = r3(CLASSES.reduce((n, c) => n + perClass[c].f1, 0) / CLASSES.length);
  const accuracy = r3(CLASSES.reduce((n, c) => n + confusion[c][c], 0) / Math.max(1, gold.length));
  const isD = (c: MeterClass) => c !== 'non';
  let tp = 0, fp = 0, fn = 0;
  gold.forEach((g, i) => {
    const p = pred[i]!;
    if (isD(p) && isD(g)) tp++;
    else if (isD(p)) fp++;
    else if (isD(g)) fn++;
  });
  const bp = tp / Math.max(1, tp + fp);
  const br = tp / Math.max(1, tp + fn);
  return { confusion, perClass, macroF1, accuracy, binary: { precision: r3(bp), recall: r3(br), f1: r3(f1(bp, br)) } };
}

/** Thresholds maximising macro F1 on the given stories (scores in about [0, 1]). */
export function fitThresholds(shares: number[], gold: MeterClass[]): Thresholds {
  // A 0.01 grid: finer cuts only fit noise, and the search stays quadratic in the grid, not the data.
  const cuts = Array.from({ length: 122 }, (_, i) => -0.1 + i / 100);
  // Stories of each class at or above each cut: every cell of the confusion matrix of a pair of
  // cuts is a difference of two of these counts.
  const above = CLASSES.map((c) => cuts.map((t) => shares.reduce((n, s, i) => n + (gold[i] === c && s >= t ? 1 : 0), 0)));
  const total = CLASSES.map((c) => gold.reduce((n, g) => n + (g === c ? 1 : 0), 0));
  let best: Thresholds = [0.2, 0.6];
  let bestF = -1;
  for (let i = 0; i < cuts.length; i++) {
    for (let j = i; j < cuts.length; j++) {
      // Rows gold, columns predicted (wholly, partially, non), in CLASSES order.
      const m = CLASSES.map((_, g) => [above[g]![j]!, above[g]![i]! - above[g]![j]!, total[g]! - above[g]![i]!]);
      const f = macroF1(m);
      if (f > bestF) {
        bestF = f;
        best = [cuts[i]!, cuts[j]!];
      }
    }
  }
  return [r3(best[0]), r3(best[1])];
}

/** Macro F1 of a confusion matrix, rounded as score() rounds it (so that ties break alike). */
export function macroF1(m: number[][]): number {
  let sum = 0;
  for (let c = 0; c < m.length; c++) {
    const tp = m[c]![c]!;
    const support = m[c]!.reduce((a, b) => a + b, 0);
    const predicted = m.reduce((a, row) => a + row[c]!, 0);
    sum += r3(f1(predicted ? tp / predicted : 0, support ? tp / support : 0));
  }
  return r3(sum / m.length);
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
