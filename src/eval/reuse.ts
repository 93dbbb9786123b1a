// METER evaluation of reuse detection: each newspaper court story is labelled wholly, partially or
// non-derived from the Press Association copy of the same day and catchline. We align the story
// with every PA text of its folder, take the share of the story's words covered by aligned passages,
// and classify with two thresholds. Two classifiers are reported:
//  - share: thresholds on the reused share alone;
//  - combined: a ridge regression of the class (wholly 1, partially 0.5, non 0) on the reused
//    share, the share of story words matched with 2-word seeds, the share of story words found in
//    the PA texts at all, and log length, then two thresholds on that score.
// Everything is fitted on training folds only (grouped k-fold by catchline, so a story is never
// scored with a model fitted on its siblings) and scored on the held-out folds. Rewritten court
// copy keeps shorter verbatim runs than copied news, so alignment here seeds with 3-grams.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { align, DEFAULT_ALIGN, type AlignOptions } from '../link/reuse/align.js';
import { coveredShare } from '../link/reuse/align.js';
import { words, type Words } from '../link/reuse/words.js';
import { stemWords } from '../link/reuse/stem.js';
import { gramHash } from '../link/reuse/hash.js';
import { splitSentences } from '../text/segment.js';
import { mergeSpans, quotationSpans } from '../link/reuse/quotes.js';

import { CLASSES, classify, fitThresholds, score, type MeterClass, type Scores, type Thresholds } from './meter/scores.js';
export { classify, fitThresholds, score, type MeterClass, type Scores, type Thresholds };

export interface MeterStory {
  id: string;
  path: string;
  folder: string;
  gold: MeterClass;
  text: string;
  sources: string[];
}

/** The labelled newspaper stories with the PA texts of their day and catchline. */
export function loadMeter(dir: string): MeterStory[] {
  const out: MeterStory[] = [];
  const paCache = new Map<string, string[]>();
  for (const gold of CLASSES) {
    const list = readFileSync(join(dir, 'file_index/courts', `${gold}_derived.txt`), 'latin1');
    for (const raw of list.split(/\r?\n/)) {
      const line = raw.trim().replace(/^\/?meter_corpus\//, '');
      if (!line) continue;
      const path = join(dir, line);
      if (!existsSync(path)) continue;
      const m = /courts\/([^/]+)\/([^/]+)\/([^/]+)\.txt$/.exec(line);
      if (!m) continue;
      const folder = `${m[1]}/${m[2]}`;
      let sources = paCache.get(folder);
      if (!sources) {
        const pa = join(dir, 'PA/rawtexts/courts', folder);
        sources = existsSync(pa)
          ? readdirSync(pa).filter((f) => f.endsWith('.txt')).sort().map((f) => cleanPa(readFileSync(join(pa, f), 'latin1')))
          : [];
        paCache.set(folder, sources);
      }
      out.push({ id: `${folder}/${m[3]}`, path, folder, gold, text: readFileSync(path, 'latin1'), sources });
    }
  }
  return out;
}

/** PA wire copy: drop rule lines, slug/time headers, bylines and operator sign-offs; a `<` ends a
 * paragraph and other line breaks are wrapping. */
export function cleanPa(raw: string): string {
  const paras: string[] = [];
  let cur = '';
  for (const line of raw.split(/\r?\n/)) {
    const t = line.trim();
    if (!t || /^-{10,}$/.test(t) || /^\d\d:\d\d \d\d\/\d\d\/\d\d:/.test(t)) continue;
    const end = t.endsWith('<');
    const body = end ? t.slice(0, -1).trim() : t;
    if (end && /^(By .*PA News|[a-z]{2,4}|ENDS|MORE|\(ADVISORY.*)$/.test(body)) continue;
    cur = cur ? `${cur} ${body}` : body;
    if (end) {
      paras.push(cur);
      cur = '';
    }
  }
  if (cur) paras.push(cur);
  return paras.join('\n\n');
}

/** Alignment settings for METER (shorter seeds and passages than for news copying). */
export const METER_ALIGN: AlignOptions = { ...DEFAULT_ALIGN, seed: 3, minWords: 6 };
const FINE_ALIGN: AlignOptions = { ...DEFAULT_ALIGN, seed: 2, maxGap: 6, maxShift: 4, minWords: 3 };

/** Share of the story's words covered by passages aligned with any of its PA texts. */
export function meterShare(story: Words, sources: Words[], opt: AlignOptions = METER_ALIGN): number {
  const ranges: [number, number][] = [];
  for (const s of sources) for (const p of align(s, story, opt)) ranges.push([p.b0, p.b1]);
  return coveredShare(ranges, story.length);
}

/** Names of the features meterFeatures returns, in order. */
export const METER_FEATURES = [
  'reused share',
  'matched share (2-word seeds)',
  'words present in PA',
  'log length',
  'reused share of stems',
  'matched share of stems (2-word seeds)',
  'longest passage share',
  'passages per 100 words',
  'sentences at least half matched',
  'sentences at least 80% matched',
  'best PA text covered',
  'stem bigrams present in PA',
  'stem trigrams present in PA',
  'mean passage similarity',
  'covered by common stem runs of 4+ words',
  'covered by common stem runs of 6+ words',
  'covered by common stem runs of 8+ words',
  'covered by common stem runs of 12+ words',
  'unquoted words matched (2-word seeds)',
  'unquoted words in passages',
  'quoted share of the story',
] as const;

/** Features of a story against its PA texts (see METER_FEATURES). `text` is the story's text, for
 * its sentences and stems; sources are given as [words, text] pairs. */
export function meterFeatures(story: Words, sources: Words[], text?: string, sourceTexts?: string[]): number[] {
  const n = Math.max(1, story.length);
  const share = meterShare(story, sources);
  const mask = new Uint8Array(story.length);
  for (const s of sources) align(s, story, FINE_ALIGN, mask);
  const vocab = new Set<number>();
  for (const s of sources) for (const h of s.hash) vocab.add(h);
  let present = 0;
  for (const h of story.hash) if (vocab.has(h)) present++;
  const base = [share, sum(mask) / n, present / n, Math.log(story.length + 1) / 6];
  if (text === undefined || !sourceTexts) return base;

  // The same measures over stems, plus the shape of the passages.
  const st = stemWords(text, story);
  const ss = sources.map((w, i) => stemWords(sourceTexts[i]!, w));
  const ranges: [number, number][] = [];
  let longest = 0;
  let passages = 0;
  let simSum = 0;
  let simWeight = 0;
  let bestSourceCover = 0;
  for (const s of ss) {
    const ps = align(s, st, METER_ALIGN);
    const srcRanges: [number, number][] = [];
    for (const p of ps) {
      ranges.push([p.b0, p.b1]);
      srcRanges.push([p.a0, p.a1]);
      longest = Math.max(longest, p.b1 - p.b0);
      passages++;
      simSum += p.similarity * (p.b1 - p.b0);
      simWeight += p.b1 - p.b0;
    }
    bestSourceCover = Math.max(bestSourceCover, coveredShare(srcRanges, s.length));
  }
  const stemMask = new Uint8Array(st.length);
  for (const s of ss) align(s, st, FINE_ALIGN, stemMask);
  // Sentences by their words: a sentence counts as reused when most of its words are matched.
  let half = 0;
  let most = 0;
  let sentences = 0;
  for (const sp of splitSentences(text)) {
    let words = 0;
    let hit = 0;
    for (let i = 0; i < st.length; i++) {
      if (st.start[i]! < sp.start || st.start[i]! >= sp.end) continue;
      words++;
      hit += stemMask[i]!;
    }
    if (words < 3) continue;
    sentences++;
    if (hit >= 0.5 * words) half++;
    if (hit >= 0.8 * words) most++;
  }
  const grams = (w: Words, k: number) => {
    const out = new Set<number>();
    for (let i = 0; i + k <= w.length; i++) out.add(gramHash(w.hash, i, k));
    return out;
  };
  const containment = (k: number) => {
    const pa = new Set<number>();
    for (const s of ss) for (const g of grams(s, k)) pa.add(g);
    const mine = grams(st, k);
    let inPa = 0;
    for (const g of mine) if (pa.has(g)) inPa++;
    return mine.size ? inPa / mine.size : 0;
  };
  return [
    ...base,
    coveredShare(ranges, st.length),
    sum(stemMask) / n,
    longest / n,
    (100 * passages) / n / 10,
    sentences ? half / sentences : 0,
    sentences ? most / sentences : 0,
    bestSourceCover,
    containment(2),
    containment(3),
    simWeight ? simSum / simWeight : 0,
    ...[4, 6, 8, 12].map((k) => runCover(st, ss, k)),
    ...unquotedShares(text, st, stemMask, ranges),
  ];
}

/** Reporters in one courtroom quote the same words: shared quotation is weaker evidence of
 * copying than shared narrative. Matched and passage-covered shares of the words outside
 * quotation marks, and the quoted share of the story. */
function unquotedShares(text: string, w: Words, mask: Uint8Array, ranges: [number, number][]): number[] {
  const quotes = mergeSpans(quotationSpans(text));
  const inPassage = new Uint8Array(w.length);
  for (const [a, b] of ranges) inPassage.fill(1, a, b);
  let outside = 0;
  let matched = 0;
  let covered = 0;
  let q = 0;
  for (let i = 0; i < w.length; i++) {
    const st = w.start[i]!;
    while (q < quotes.length && quotes[q]!.end <= st) q++;
    if (q < quotes.length && quotes[q]!.start <= st) continue;
    outside++;
    matched += mask[i]!;
    covered += inPassage[i]!;
  }
  const n = Math.max(1, w.length);
  return [outside ? matched / outside : 0, outside ? covered / outside : 0, 1 - outside / n];
}

/** Share of the story's words inside a run of at least k words found verbatim (as stems) in a PA
 * text: the tiling measure of the METER literature, without the alignment's gap tolerance. */
function runCover(story: Words, sources: Words[], k: number): number {
  const pa = new Set<number>();
  for (const s of sources) for (let i = 0; i + k <= s.length; i++) pa.add(gramHash(s.hash, i, k));
  const cover = new Uint8Array(story.length);
  for (let i = 0; i + k <= story.length; i++) if (pa.has(gramHash(story.hash, i, k))) cover.fill(1, i, i + k);
  return sum(cover) / Math.max(1, story.length);
}

const sum = (xs: Uint8Array) => xs.reduce((a, b) => a + b, 0);

/** Ridge regression weights (bias last) of y on X. */
export function ridge(X: number[][], y: number[], lambda = 0.01): number[] {
  const d = X[0]!.length + 1;
  const A = Array.from({ length: d }, () => new Array<number>(d + 1).fill(0));
  X.forEach((row, i) => {
    const x = [...row, 1];
    for (let a = 0; a < d; a++) {
      for (let b = 0; b < d; b++) A[a]![b]! += x[a]! * x[b]!;
      A[a]![d]! += x[a]! * y[i]!;
    }
  });
  for (let a = 0; a < d; a++) A[a]![a]! += lambda;
  // Gauss-Jordan with partial pivoting on the augmented matrix.
  for (let c = 0; c < d; c++) {
    let p = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(A[r]![c]!) > Math.abs(A[p]![c]!)) p = r;
    [A[c], A[p]] = [A[p]!, A[c]!];
    for (let r = 0; r < d; r++) {
      if (r === c) continue;
      const f = A[r]![c]! / A[c]![c]!;
      for (let k = c; k <= d; k++) A[r]![k]! -= f * A[c]![k]!;
    }
  }
  return A.map((row, i) => row[d]! / row[i]!);
}

/** A multinomial logistic regression over standardised features. */
export interface Softmax {
  mean: number[];
  scale: number[];
  /** Per class: weights then bias. */
  weights: number[][];
}

/** Fit by full-batch gradient descent with an L2 penalty (deterministic: zero start, fixed steps). */
/** Classes are weighted by inverse frequency when `balanced`: macro F1 counts each class alike. */
export function fitSoftmax(X: number[][], y: number[], classes: number, lambda = 0.01, iters = 400, balanced = true): Softmax {
  const counts = new Array<number>(classes).fill(0);
  for (const c of y) counts[c]!++;
  const cw = counts.map((n) => (balanced && n ? X.length / (classes * n) : 1));
  const d = X[0]!.length;
  const mean = Array.from({ length: d }, (_, j) => X.reduce((a, r) => a + r[j]!, 0) / X.length);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(X.reduce((a, r) => a + (r[j]! - mean[j]!) ** 2, 0) / X.length) || 1);
  const Z = X.map((r) => r.map((v, j) => (v - mean[j]!) / scale[j]!));
  const W = Array.from({ length: classes }, () => new Array<number>(d + 1).fill(0));
  const rate = 0.5;
  for (let it = 0; it < iters; it++) {
    const G = Array.from({ length: classes }, () => new Array<number>(d + 1).fill(0));
    Z.forEach((z, i) => {
      const p = probs(W, z);
      for (let c = 0; c < classes; c++) {
        const e = (p[c]! - (y[i] === c ? 1 : 0)) * cw[y[i]!]!;
        for (let j = 0; j < d; j++) G[c]![j]! += e * z[j]!;
        G[c]![d]! += e;
      }
    });
    for (let c = 0; c < classes; c++) {
      for (let j = 0; j <= d; j++) W[c]![j]! -= rate * (G[c]![j]! / Z.length + (j < d ? lambda * W[c]![j]! : 0));
    }
  }
  return { mean, scale, weights: W };
}

function probs(W: number[][], z: number[]): number[] {
  const s = W.map((w) => z.reduce((a, v, j) => a + v * w[j]!, w[z.length]!));
  const m = Math.max(...s);
  const e = s.map((v) => Math.exp(v - m));
  const t = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / t);
}

export function softmaxProbs(m: Softmax, x: number[]): number[] {
  return probs(m.weights, x.map((v, j) => (v - m.mean[j]!) / m.scale[j]!));
}

const dot = (w: number[], x: number[]) => x.reduce((s, v, i) => s + v * w[i]!, w[x.length]!);
const TARGET: Record<MeterClass, number> = { wholly: 1, partially: 0.5, non: 0 };

const LAMBDAS = [0.001, 0.01, 0.1];
const INNER_FOLDS = 4;
const LOGISTIC_ITERS = 300;

export interface ReuseEvalResult {
  stories: number;
  folds: number;
  /** Held-out scores of the combined classifier (the headline figures). */
  crossValidated: Scores;
  /** Held-out scores of thresholds on the reused share alone. */
  shareOnly: Scores;
  /** Held-out scores of a class-balanced multinomial logistic regression on all METER_FEATURES,
   * its L2 penalty chosen per outer fold by grouped cross-validation inside the training folds. */
  logistic: Scores & { lambdas: number[] };
  /** Per fold: share thresholds [partially, wholly] and combined-score thresholds. */
  foldThresholds: { share: Thresholds; combined: Thresholds; weights: number[] }[];
  /** Combined classifier fitted on the first half of the catchlines and scored on the second, and the other way. */
  halves: { fitFirstScoreSecond: Scores; fitSecondScoreFirst: Scores };
  meanShare: Record<MeterClass, number>;
  ms: number;
  anchor: { macroF1: number; note: string };
  predictions: { id: string; gold: MeterClass; predicted: MeterClass; share: number; score: number }[];
}

interface Model {
  weights: number[];
  combined: Thresholds;
  share: Thresholds;
}

/** The ridge classifier reads the first four features (its design predates the others; with all
 * of them the unregularised ridge overfits). */
const RIDGE_FEATURES = 4;

function fitModel(all: number[][], gold: MeterClass[]): Model {
  const features = all.map((f) => f.slice(0, RIDGE_FEATURES));
  const weights = ridge(features, gold.map((g) => TARGET[g]));
  const combined = fitThresholds(features.map((f) => dot(weights, f)), gold);
  const share = fitThresholds(features.map((f) => f[0]!), gold);
  return { weights: weights.map(r3), combined, share };
}

export async function evalReuse(o: { meter: string; out?: string; folds?: number }): Promise<ReuseEvalResult> {
  const t0 = Date.now();
  const stories = loadMeter(o.meter);
  const srcWords = new Map<string, Words[]>();
  const features = stories.map((s) => {
    let w = srcWords.get(s.folder);
    if (!w) srcWords.set(s.folder, (w = s.sources.map(words)));
    return meterFeatures(words(s.text), w, s.text, s.sources);
  });
  const gold = stories.map((s) => s.gold);
  const k = o.folds ?? 5;
  // Folds by catchline folder, assigned in a fixed order so results are reproducible.
  const folders = [...new Set(stories.map((s) => s.folder))].sort();
  const foldOf = new Map(folders.map((f, i) => [f, i % k]));
  const pred: MeterClass[] = new Array(stories.length);
  const predShare: MeterClass[] = new Array(stories.length);
  const scores: number[] = new Array(stories.length);
  const foldThresholds: Model[] = [];
  const all = stories.map((_, i) => i);
  for (let f = 0; f < k; f++) {
    const train = all.filter((i) => foldOf.get(stories[i]!.folder) !== f);
    const m = fitModel(train.map((i) => features[i]!), train.map((i) => gold[i]!));
    foldThresholds.push(m);
    for (const i of all) {
      if (foldOf.get(stories[i]!.folder) !== f) continue;
      scores[i] = dot(m.weights, features[i]!.slice(0, RIDGE_FEATURES));
      pred[i] = classify(scores[i]!, m.combined);
      predShare[i] = classify(features[i]![0]!, m.share);
    }
  }
  // Logistic regression: the penalty is picked inside each outer training set (inner folds by
  // catchline too), so the held-out fold never informs any choice.
  const predLogistic: MeterClass[] = new Array(stories.length);
  const lambdas: number[] = [];
  const classIndex = (g: MeterClass) => CLASSES.indexOf(g);
  const fitPredict = (train: number[], test: number[], lambda: number): MeterClass[] => {
    const m = fitSoftmax(train.map((i) => features[i]!), train.map((i) => classIndex(gold[i]!)), CLASSES.length, lambda, LOGISTIC_ITERS);
    return test.map((i) => {
      const p = softmaxProbs(m, features[i]!);
      return CLASSES[p.indexOf(Math.max(...p))]!;
    });
  };
  for (let f = 0; f < k; f++) {
    const train = all.filter((i) => foldOf.get(stories[i]!.folder) !== f);
    const test = all.filter((i) => foldOf.get(stories[i]!.folder) === f);
    const innerFolders = [...new Set(train.map((i) => stories[i]!.folder))].sort();
    const innerOf = new Map(innerFolders.map((x, j) => [x, j % INNER_FOLDS]));
    let best = LAMBDAS[0]!;
    let bestF = -1;
    for (const lambda of LAMBDAS) {
      const g: MeterClass[] = [];
      const p: MeterClass[] = [];
      for (let j = 0; j < INNER_FOLDS; j++) {
        const itr = train.filter((i) => innerOf.get(stories[i]!.folder) !== j);
        const ite = train.filter((i) => innerOf.get(stories[i]!.folder) === j);
        if (!itr.length || !ite.length) continue;
        p.push(...fitPredict(itr, ite, lambda));
        g.push(...ite.map((i) => gold[i]!));
      }
      const fm = score(g, p).macroF1;
      if (fm > bestF) (bestF = fm), (best = lambda);
    }
    lambdas.push(best);
    if (!train.length) continue;
    fitPredict(train, test, best).forEach((c, j) => (predLogistic[test[j]!] = c));
  }
  const half = new Map(folders.map((f, i) => [f, i < folders.length / 2 ? 0 : 1]));
  const idx = (h: number) => all.filter((i) => half.get(stories[i]!.folder) === h);
  const heldOut = (fit: number[], test: number[]) => {
    const m = fitModel(fit.map((i) => features[i]!), fit.map((i) => gold[i]!));
    return score(test.map((i) => gold[i]!), test.map((i) => classify(dot(m.weights, features[i]!.slice(0, RIDGE_FEATURES)), m.combined)));
  };
  const meanShare = Object.fromEntries(
    CLASSES.map((c) => {
      const xs = all.filter((i) => gold[i] === c).map((i) => features[i]![0]!);
      return [c, r3(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length))];
    }),
  ) as Record<MeterClass, number>;
  const predictions = stories.map((s, i) => ({ id: s.id, gold: s.gold, predicted: pred[i]!, share: r3(features[i]![0]!), score: r3(scores[i]!) }));
  if (o.out) writeFileSync(o.out, predictions.map((p) => `${p.id}\t${p.predicted}\t${p.share}\t${p.gold}`).join('\n') + '\n');
  return {
    stories: stories.length,
    folds: k,
    crossValidated: score(gold, pred),
    shareOnly: score(gold, predShare),
    logistic: { ...score(gold, predLogistic), lambdas },
    foldThresholds,
    halves: { fitFirstScoreSecond: heldOut(idx(0), idx(1)), fitSecondScoreFirst: heldOut(idx(1), idx(0)) },
    meanShare,
    ms: Date.now() - t0,
    anchor: { macroF1: 0.664, note: 'published three-class macro F1 on METER courts' },
    predictions,
  };
}

export function formatReuseEval(r: ReuseEvalResult): string {
  const s = r.crossValidated;
  const lines = [
    `METER courts: ${r.stories} newspaper stories, ${r.folds}-fold cross-validation grouped by catchline (${r.ms} ms)`,
    `mean reused share: wholly ${r.meanShare.wholly}, partially ${r.meanShare.partially}, non ${r.meanShare.non}`,
    `share thresholds per fold [partially, wholly]: ${r.foldThresholds.map((t) => `[${t.share.join(', ')}]`).join(' ')}`,
    `combined classifier (held-out folds):`,
    '',
    'confusion (rows gold, columns predicted):',
    `${''.padEnd(10)}${CLASSES.map((c) => c.padStart(10)).join('')}`,
    ...CLASSES.map((g) => `${g.padEnd(10)}${CLASSES.map((p) => String(s.confusion[g][p]).padStart(10)).join('')}`),
    '',
    ...CLASSES.map((c) => `${c.padEnd(10)} P ${s.perClass[c].precision.toFixed(3)}  R ${s.perClass[c].recall.toFixed(3)}  F1 ${s.perClass[c].f1.toFixed(3)}  (n=${s.perClass[c].support})`),
    `macro F1 ${s.macroF1.toFixed(3)} (published anchor ${r.anchor.macroF1}), accuracy ${s.accuracy.toFixed(3)}`,
    `derived vs non-derived: P ${s.binary.precision.toFixed(3)} R ${s.binary.recall.toFixed(3)} F1 ${s.binary.f1.toFixed(3)}`,
    `halves: fit on first, score second: macro F1 ${r.halves.fitFirstScoreSecond.macroF1.toFixed(3)}; fit on second, score first: ${r.halves.fitSecondScoreFirst.macroF1.toFixed(3)}`,
    `reused share alone (held-out thresholds): macro F1 ${r.shareOnly.macroF1.toFixed(3)}, derived/non F1 ${r.shareOnly.binary.f1.toFixed(3)}`,
    '',
    `logistic regression on ${METER_FEATURES.length} features, class-balanced, penalty chosen inside each training set (${r.logistic.lambdas.join(', ')}):`,
    ...CLASSES.map((c) => `${c.padEnd(10)} P ${r.logistic.perClass[c].precision.toFixed(3)}  R ${r.logistic.perClass[c].recall.toFixed(3)}  F1 ${r.logistic.perClass[c].f1.toFixed(3)}`),
    `macro F1 ${r.logistic.macroF1.toFixed(3)}, accuracy ${r.logistic.accuracy.toFixed(3)}, derived/non F1 ${r.logistic.binary.f1.toFixed(3)}`,
  ];
  return lines.join('\n');
}

export function registerEvalReuse(evalCmd: Command): Command {
  return evalCmd
    .command('reuse')
    .description(
      'Text-reuse classification on METER courts (wholly / partially / non-derived from PA copy):\n' +
        'confusion matrix, per-class and macro F1, derived/not-derived F1, thresholds cross-validated.\n' +
        'Example: triangulate eval reuse --meter ../shared/corpora/meter --out meter-pred.tsv',
    )
    .requiredOption('--meter <dir>', 'METER corpus folder (with file_index/, PA/, newspapers/)')
    .option('--out <file>', 'write one line per story: id, predicted class, reused share, gold class (tab-separated)')
    .option('--folds <n>', 'cross-validation folds', (v) => Number(v), 5)
    .option('--json', 'print the result as JSON (without per-story predictions)')
    .action(async (o: { meter: string; out?: string; folds: number; json?: boolean }) => {
      const r = await evalReuse({ meter: o.meter, out: o.out, folds: o.folds });
      if (o.json) {
        const { predictions: _p, ...rest } = r;
        console.log(JSON.stringify(rest, null, 2));
      } else console.log(formatReuseEval(r));
    });
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
