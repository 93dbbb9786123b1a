// Linear regression pieces for the METER classifiers. Features are standardised so that one L2
// penalty treats them alike.

export interface Standard {
  mean: number[];
  scale: number[];
}

export function standardise(X: number[][]): Standard {
  const d = X[0]!.length;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((a, r) => a + r[j]!, 0) / X.length);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(X.reduce((a, r) => a + (r[j]! - mean[j]!) ** 2, 0) / X.length) || 1);
  return { mean, scale };
}

export const applyStandard = (s: Standard, x: number[]) => x.map((v, j) => (v - s.mean[j]!) / s.scale[j]!);

/** Solve A w = b (A symmetric positive definite here) by Gaussian elimination with partial pivoting. */
export function solve(A: number[][], b: number[]): number[] {
  const d = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < d; c++) {
    let p = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[p]![c]!)) p = r;
    [M[c], M[p]] = [M[p]!, M[c]!];
    for (let r = c + 1; r < d; r++) {
      const f = M[r]![c]! / M[c]![c]!;
      if (f) for (let k = c; k <= d; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const w = new Array<number>(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    let s = M[r]![d]!;
    for (let k = r + 1; k < d; k++) s -= M[r]![k]! * w[k]!;
    w[r] = s / M[r]![r]!;
  }
  return w;
}

/** A linear score over standardised features: weights and an intercept. */
export interface LinearScore {
  standard: Standard;
  weights: number[];
  bias: number;
}

/** Ridge regression on standardised features; the intercept is not penalised (it is the mean of
 * y, as the standardised features are centred). `lambda` is per story, so its scale does not
 * depend on the size of the training set. */
export function fitRidge(X: number[][], y: number[], lambda: number): LinearScore {
  const standard = standardise(X);
  const Z = X.map((x) => applyStandard(standard, x));
  const d = Z[0]!.length;
  const ym = y.reduce((a, b) => a + b, 0) / y.length;
  const A = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  const b = new Array<number>(d).fill(0);
  Z.forEach((z, i) => {
    for (let p = 0; p < d; p++) {
      for (let q = p; q < d; q++) A[p]![q]! += z[p]! * z[q]!;
      b[p]! += z[p]! * (y[i]! - ym);
    }
  });
  for (let p = 0; p < d; p++) {
    for (let q = 0; q < p; q++) A[p]![q] = A[q]![p]!;
    A[p]![p]! += lambda * Z.length;
  }
  return { standard, weights: solve(A, b), bias: ym };
}

export function linearScore(m: LinearScore, x: number[]): number {
  const z = applyStandard(m.standard, x);
  return z.reduce((a, v, j) => a + v * m.weights[j]!, m.bias);
}

/** Grouped folds: the groups (catchlines) in sorted order dealt round-robin, so that runs are
 * reproducible and siblings never straddle a fold. */
export function groupFolds(groups: string[], k: number): number[] {
  const sorted = [...new Set(groups)].sort();
  const of = new Map(sorted.map((g, i) => [g, i % k]));
  return groups.map((g) => of.get(g)!);
}

/** Grouped folds from a seeded shuffle of the groups: another partition of the same stories, to
 * see how much the figures owe to one particular split. */
export function shuffledGroupFolds(groups: string[], k: number, seed: number): number[] {
  const sorted = [...new Set(groups)].sort();
  let s = (seed * 0x9e3779b9) >>> 0;
  // mulberry32: small, fixed, the same on every machine.
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = sorted.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [sorted[i], sorted[j]] = [sorted[j]!, sorted[i]!];
  }
  const of = new Map(sorted.map((g, i) => [g, i % k]));
  return groups.map((g) => of.get(g)!);
}
