import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyTwo, fitTwoScores, fitTwoThresholds, predictTwoScores, ridgeLearner } from '../../src/eval/meter/boundaries.js';
import { fitRidge, groupFolds, linearScore, shuffledGroupFolds } from '../../src/eval/meter/models.js';
import { classify, fitThresholds, score, type MeterClass } from '../../src/eval/meter/scores.js';

test('fitRidge: recovers a linear rule; a large penalty shrinks towards the mean', () => {
  const X = Array.from({ length: 40 }, (_, i) => [i / 40, (i * 7) % 5]);
  const y = X.map(([a, b]) => 2 * a! - 0.5 * b! + 1);
  const m = fitRidge(X, y, 1e-6);
  assert.ok(Math.abs(linearScore(m, [0.5, 2]) - 1) < 1e-3);
  const flat = fitRidge(X, y, 1e3);
  const mean = y.reduce((a, b) => a + b, 0) / y.length;
  assert.ok(Math.abs(linearScore(flat, [0.5, 2]) - mean) < 0.05);
});

test('fast fitThresholds finds the cuts a brute-force search over the same grid finds', () => {
  let s = 7;
  const rnd = () => ((s = (s * 48271) % 2147483647) / 2147483647);
  const gold: MeterClass[] = [];
  const shares: number[] = [];
  for (let i = 0; i < 90; i++) {
    const g = (['wholly', 'partially', 'non'] as const)[i % 3]!;
    gold.push(g);
    shares.push({ wholly: 0.7, partially: 0.4, non: 0.1 }[g] + (rnd() - 0.5) * 0.8);
  }
  const cuts = Array.from({ length: 122 }, (_, i) => -0.1 + i / 100);
  let best = -1;
  let arg: [number, number] = [0, 0];
  for (let i = 0; i < cuts.length; i++) {
    for (let j = i; j < cuts.length; j++) {
      const f = score(gold, shares.map((v) => classify(v, [cuts[i]!, cuts[j]!]))).macroF1;
      if (f > best) (best = f), (arg = [Math.round(cuts[i]! * 1000) / 1000, Math.round(cuts[j]! * 1000) / 1000]);
    }
  }
  assert.deepEqual(fitThresholds(shares, gold), arg);
});

test('fast fitTwoThresholds finds the cuts a brute-force search over the same grid finds', () => {
  let s = 5;
  const rnd = () => ((s = (s * 48271) % 2147483647) / 2147483647);
  const gold: MeterClass[] = [];
  const d: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < 90; i++) {
    const g = (['wholly', 'partially', 'non'] as const)[i % 3]!;
    gold.push(g);
    d.push((g === 'non' ? 0.2 : 0.7) + (rnd() - 0.5) * 0.8);
    w.push((g === 'wholly' ? 0.7 : 0.2) + (rnd() - 0.5) * 0.8);
  }
  const cuts = Array.from({ length: 122 }, (_, i) => Math.round(-10 + i) / 100);
  let best = -1;
  let arg: [number, number] = [0, 0];
  for (const t2 of cuts) {
    for (const t1 of cuts) {
      const f = score(gold, d.map((x, i) => classifyTwo(x, w[i]!, [t1, t2]))).macroF1;
      if (f > best) (best = f), (arg = [t1, t2]);
    }
  }
  assert.deepEqual(fitTwoThresholds(d, w, gold), arg);
});

test('two-boundary classifier: each boundary learns its own feature', () => {
  // Feature 0 tells derived from non-derived, feature 1 tells wholly from partially, and among
  // non-derived stories feature 1 runs higher than in wholly derived ones: one score cut twice
  // cannot order the three classes (weighting feature 1 enough to split wholly from partially
  // lifts the non-derived above the partially derived), two scores can.
  const X: number[][] = [];
  const gold: MeterClass[] = [];
  const groups: string[] = [];
  for (let i = 0; i < 150; i++) {
    const g = (['wholly', 'partially', 'non'] as const)[i % 3]!;
    const u = ((i * 37) % 11) / 10;
    const v = ((i * 13) % 7) / 7;
    if (g === 'non') X.push([0.2 * u, 1.5 * v]);
    else X.push([0.6 + 0.4 * u, (g === 'wholly' ? 0.8 : 0.1) + 0.1 * v]);
    gold.push(g);
    groups.push(`case${i % 15}`);
  }
  const m = fitTwoScores(ridgeLearner(), X, gold, groups);
  const pred = X.map((x) => predictTwoScores(m, x).predicted);
  assert.ok(score(gold, pred).macroF1 > 0.95, `${score(gold, pred).macroF1}`);
  assert.equal(classifyTwo(0.2, 0.9, [0.5, 0.5]), 'wholly');
  assert.equal(classifyTwo(0.6, 0.4, [0.5, 0.5]), 'partially');
  const t = fitTwoThresholds([0.9, 0.8, 0.1], [0.9, 0.1, 0.1], ['wholly', 'partially', 'non']);
  assert.deepEqual(['wholly', 'partially', 'non'], [0, 1, 2].map((i) => classifyTwo([0.9, 0.8, 0.1][i]!, [0.9, 0.1, 0.1][i]!, t)));
});

test('fold assignments keep catchlines together; shuffled ones are reproducible and differ', () => {
  const groups = Array.from({ length: 60 }, (_, i) => `g${i % 20}`);
  for (const f of [groupFolds(groups, 5), shuffledGroupFolds(groups, 5, 3)]) {
    groups.forEach((g, i) => assert.equal(f[i], f[groups.indexOf(g)]));
    assert.equal(new Set(f).size, 5);
  }
  assert.deepEqual(shuffledGroupFolds(groups, 5, 3), shuffledGroupFolds(groups, 5, 3));
  assert.notDeepEqual(shuffledGroupFolds(groups, 5, 3), groupFolds(groups, 5));
  assert.notDeepEqual(shuffledGroupFolds(groups, 5, 3), shuffledGroupFolds(groups, 5, 4));
});
