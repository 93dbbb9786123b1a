// The two-boundary classifier. One score cut twice assumes that what tells partially from
// non-derived stories is what tells wholly from partially derived ones; on METER it is not (story
// length says much about the second boundary and nothing about the first). So each boundary gets
// its own score: derived (wholly or partially) against non, and wholly against the rest, each a
// ridge regression on its own 0/1 target. Settings (feature set, penalty) and cuts come from the
// training stories alone: each candidate setting is scored by grouped cross-validation inside
// them (squared error of the held-out scores: smoother than macro F1 on a few hundred stories),
// and the cuts are fitted to the chosen settings' held-out scores, not to scores of the stories
// the models were fitted to (which spread wider than those of unseen stories).
import { fitRidge, groupFolds, linearScore, type LinearScore } from './models.js';
import { CLASSES, macroF1, type MeterClass, type Thresholds } from './scores.js';

/** A family of regressors indexed by candidate setting; one `fit` serves all candidates. */
export interface Learner<M> {
  candidates: string[];
  fit(X: number[][], y: number[]): M;
  score(m: M, candidate: number, x: number[]): number;
}

/** A named set of feature columns. */
export interface FeatureSet {
  name: string;
  columns: number[];
}

/** Ridge regression on standardised features, for each feature set (all features by default) and
 * each penalty (per story) among `lambdas`. */
export function ridgeLearner(lambdas = [0.001, 0.01, 0.1, 1, 10], sets?: FeatureSet[]): Learner<LinearScore[]> {
  const grid = (sets ?? [{ name: 'all', columns: [] }]).flatMap((set) => lambdas.map((lambda) => ({ set, lambda })));
  const pick = (cols: number[], x: number[]) => (cols.length ? cols.map((j) => x[j]!) : x);
  return {
    candidates: grid.map((g) => `${g.set.name}, lambda ${g.lambda}`),
    fit: (X, y) => grid.map((g) => fitRidge(X.map((x) => pick(g.set.columns, x)), y, g.lambda)),
    score: (ms, c, x) => linearScore(ms[c]!, pick(grid[c]!.set.columns, x)),
  };
}

export interface TwoScores<M> {
  learner: Learner<M>;
  derived: { model: M; candidate: number };
  wholly: { model: M; candidate: number };
  /** [derived cut, wholly cut]. */
  thresholds: Thresholds;
}

export function fitTwoScores<M>(learner: Learner<M>, X: number[][], gold: MeterClass[], groups: string[], innerFolds = 4): TwoScores<M> {
  const fold = groupFolds(groups, innerFolds);
  const targets = [gold.map((g) => (g === 'non' ? 0 : 1)), gold.map((g) => (g === 'wholly' ? 1 : 0))];
  const held = targets.map(() => learner.candidates.map(() => new Array<number>(X.length).fill(NaN)));
  for (let f = 0; f < innerFolds; f++) {
    const tr = X.map((_, i) => i).filter((i) => fold[i] !== f);
    // A training set of one catchline has nothing to hold out.
    if (!tr.length || tr.length === X.length) continue;
    targets.forEach((y, t) => {
      const m = learner.fit(tr.map((i) => X[i]!), tr.map((i) => y[i]!));
      X.forEach((x, i) => {
        if (fold[i] === f) learner.candidates.forEach((_, c) => (held[t]![c]![i] = learner.score(m, c, x)));
      });
    });
  }
  const idx = X.map((_, i) => i).filter((i) => !Number.isNaN(held[0]![0]![i]));
  const chosen = targets.map((y, t) => {
    let best = 0;
    let bestErr = Infinity;
    held[t]!.forEach((h, c) => {
      const err = idx.reduce((a, i) => a + (h[i]! - y[i]!) ** 2, 0);
      if (err < bestErr) (bestErr = err), (best = c);
    });
    return best;
  });
  const thresholds = fitTwoThresholds(
    idx.map((i) => held[0]![chosen[0]!]![i]!),
    idx.map((i) => held[1]![chosen[1]!]![i]!),
    idx.map((i) => gold[i]!),
  );
  const [d, w] = targets.map((y) => learner.fit(X, y));
  return { learner, derived: { model: d!, candidate: chosen[0]! }, wholly: { model: w!, candidate: chosen[1]! }, thresholds };
}

/** Wholly when the wholly score passes its cut, else partially when the derived score passes its. */
export function classifyTwo(derived: number, wholly: number, [t1, t2]: Thresholds): MeterClass {
  return wholly >= t2 ? 'wholly' : derived >= t1 ? 'partially' : 'non';
}

export function predictTwoScores<M>(o: TwoScores<M>, x: number[]): { derived: number; wholly: number; predicted: MeterClass } {
  const derived = o.learner.score(o.derived.model, o.derived.candidate, x);
  const wholly = o.learner.score(o.wholly.model, o.wholly.candidate, x);
  return { derived, wholly, predicted: classifyTwo(derived, wholly, o.thresholds) };
}

/** Cuts [derived, wholly] maximising macro F1, on the 0.01 grid of fitThresholds (earliest on ties). */
export function fitTwoThresholds(derived: number[], wholly: number[], gold: MeterClass[]): Thresholds {
  const cuts = Array.from({ length: 122 }, (_, i) => Math.round(-10 + i) / 100);
  const cls = gold.map((g) => CLASSES.indexOf(g));
  let best: Thresholds = [0.5, 0.5];
  let bestF = -1;
  for (const t2 of cuts) {
    // Per class: stories called wholly, and among the rest those at or above each derived cut.
    const wh = [0, 0, 0];
    const rest = [0, 0, 0];
    const above = CLASSES.map(() => new Array<number>(cuts.length).fill(0));
    cls.forEach((c, i) => {
      if (wholly[i]! >= t2) return void wh[c]!++;
      rest[c]!++;
      for (let j = 0; j < cuts.length && derived[i]! >= cuts[j]!; j++) above[c]![j]!++;
    });
    cuts.forEach((t1, j) => {
      // Rows gold, columns predicted, in CLASSES order (wholly, partially, non).
      const f = macroF1(CLASSES.map((_, g) => [wh[g]!, above[g]![j]!, rest[g]! - above[g]![j]!]));
      if (f > bestF) (bestF = f), (best = [t1, t2]);
    });
  }
  return best;
}
