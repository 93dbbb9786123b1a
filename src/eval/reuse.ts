// METER corpus and the alignment features of its newspaper court stories against the Press
// Association copy of the same day and catchline (the evaluation itself is in meter/evaluate.ts):
// the share of the story covered by passages aligned with any PA text, and finer measures of the
// same alignment. Rewritten court copy keeps shorter verbatim runs than copied news, so alignment
// here seeds with 3-grams. Also the regressions the classifiers use.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { align, DEFAULT_ALIGN, type AlignOptions } from '../link/reuse/align.js';
import { coveredShare } from '../link/reuse/align.js';
import type { Words } from '../link/reuse/words.js';
import { stemWords } from '../link/reuse/stem.js';
import { gramHash } from '../link/reuse/hash.js';
import { splitSentences } from '../text/segment.js';
import { mergeSpans, quotationSpans } from '../link/reuse/quotes.js';

import { CLASSES, type MeterClass } from './meter/scores.js';
export { classify, fitThresholds, score, type MeterClass, type Scores, type Thresholds } from './meter/scores.js';

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
