// Word classes learnt from unlabelled news text: distributional clusters (words that occur between
// the same neighbours share a class, so an unseen company or team name borrows from the ones the
// tagger was trained on) and how often a word is capitalised mid-sentence (which tells a name from
// a sentence-initial or headline word). Built once at training time and shipped in the model file.
import { seededRandom } from '../../util/random.js';

export interface WordClassData {
  /** One line per word: "word coarse fine cap", cap a letter from CAP_BINS. */
  table: string;
}

export interface WordClass {
  coarse: number;
  fine: number;
  cap: string;
}

export interface ClusterOptions {
  coarse: number;
  fine: number;
  minCount: number;
  contextWords: number;
  iterations: number;
  seed: number;
  maxWords: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  coarse: 64,
  fine: 400,
  minCount: 4,
  contextWords: 600,
  iterations: 12,
  seed: 11,
  maxWords: 50000,
};

/** The key a word is looked up by: lower case, digits folded. */
export function classKey(word: string): string {
  const l = word.toLowerCase();
  // Most words have no digit: skip the replace, it is on the tagger's hot path.
  return DIGIT.test(l) ? l.replace(/\d/g, '0') : l;
}
const DIGIT = /\d/;

// Capitalisation bins: never capitalised, rarely, mixed, mostly, always; '?' too few occurrences.
function capBin(cap: number, low: number): string {
  const n = cap + low;
  if (n < 3) return '?';
  const r = cap / n;
  return r < 0.02 ? 'a' : r < 0.3 ? 'b' : r < 0.7 ? 'c' : r < 0.98 ? 'd' : 'e';
}

const WORD_RE = /^[\p{L}\p{N}]/u;
const CAP_RE = /^\p{Lu}/u;
const LOWER_RE = /^\p{Ll}/u;

/** Tokens of raw text in roughly the CoNLL convention (possessive split off). */
export function rawTokens(text: string): string[] {
  const raw = text.match(/[\p{L}\p{N}]+(?:[.'’\-&][\p{L}\p{N}]+)*\.?(?=['’]s\b)|['’]s\b|[\p{L}\p{N}]+(?:[.'’\-&][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu) ?? [];
  return raw;
}

function upperLine(tokens: string[]): boolean {
  let words = 0;
  let upper = 0;
  for (const t of tokens) {
    if (!/\p{L}/u.test(t)) continue;
    words++;
    if (t.length > 1 && t === t.toUpperCase()) upper++;
  }
  return words >= 2 && upper / words > 0.6;
}

/** Clusters and capitalisation bins from sentences of raw tokens. Deterministic for a given
 * input order and options. */
export function buildWordClasses(sentences: string[][], o: ClusterOptions = DEFAULT_CLUSTER_OPTIONS, log: (m: string) => void = () => {}): WordClassData {
  const freq = new Map<string, number>();
  const capMid = new Map<string, number>();
  const lowMid = new Map<string, number>();
  for (const s of sentences) {
    const upper = upperLine(s);
    for (let i = 0; i < s.length; i++) {
      const w = s[i]!;
      const k = classKey(w);
      freq.set(k, (freq.get(k) ?? 0) + 1);
      if (upper || i === 0 || !WORD_RE.test(w)) continue;
      const prev = s[i - 1]!;
      // After a full stop, colon or quote a new sentence may begin.
      if (!(WORD_RE.test(prev) || prev === ',' || prev === ';' || prev === '(')) continue;
      if (CAP_RE.test(w)) capMid.set(k, (capMid.get(k) ?? 0) + 1);
      else if (LOWER_RE.test(w)) lowMid.set(k, (lowMid.get(k) ?? 0) + 1);
    }
  }
  const byFreq = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq.filter(([, n]) => n >= o.minCount).slice(0, o.maxWords).map(([w]) => w);
  const vIndex = new Map(vocab.map((w, i) => [w, i]));
  const ctx = new Map(byFreq.slice(0, o.contextWords).map(([w], i) => [w, i]));
  const C = o.contextWords + 1; // last slot: sentence boundary
  const D = 2 * C;
  // Sparse neighbour counts per vocabulary word.
  const rows: Map<number, number>[] = vocab.map(() => new Map());
  for (const s of sentences) {
    const keys = s.map(classKey);
    for (let i = 0; i < keys.length; i++) {
      const v = vIndex.get(keys[i]!);
      if (v === undefined) continue;
      const left = i > 0 ? (ctx.get(keys[i - 1]!) ?? -1) : C - 1;
      const right = i + 1 < keys.length ? (ctx.get(keys[i + 1]!) ?? -1) : C - 1;
      const r = rows[v]!;
      if (left >= 0) r.set(left, (r.get(left) ?? 0) + 1);
      if (right >= 0) r.set(C + right, (r.get(C + right) ?? 0) + 1);
    }
  }
  const vecs = rows.map((r) => {
    const idx = Int32Array.from([...r.keys()].sort((a, b) => a - b));
    const val = Float64Array.from(idx, (d) => Math.log1p(r.get(d)!));
    let norm = 0;
    for (const x of val) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < val.length; j++) val[j]! /= norm;
    return { idx, val };
  });
  log(`word classes: ${vocab.length} words, ${D} context dimensions`);
  const coarse = sphericalKMeans(vecs, D, o.coarse, o.iterations, o.seed, log);
  const fine = sphericalKMeans(vecs, D, o.fine, o.iterations, o.seed + 1, log);
  const lines: string[] = [];
  vocab.forEach((w, i) => {
    if (/\s/.test(w)) return;
    lines.push(`${w} ${coarse[i]} ${fine[i]} ${capBin(capMid.get(w) ?? 0, lowMid.get(w) ?? 0)}`);
  });
  return { table: lines.join('\n') };
}

interface SparseVec {
  idx: Int32Array;
  val: Float64Array;
}

function sphericalKMeans(vecs: SparseVec[], D: number, K: number, iterations: number, seed: number, log: (m: string) => void): Int32Array {
  const n = vecs.length;
  const k = Math.min(K, n);
  const rand = seededRandom(seed);
  const cent = new Float64Array(k * D);
  // Seeds drawn from the more frequent half, where context vectors are reliable.
  const pool = Math.max(k, Math.floor(n / 2));
  const chosen = new Set<number>();
  while (chosen.size < k) chosen.add(Math.floor(rand() * pool));
  [...chosen].forEach((v, c) => {
    const { idx, val } = vecs[v]!;
    for (let j = 0; j < idx.length; j++) cent[c * D + idx[j]!] = val[j]!;
  });
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let v = 0; v < n; v++) {
      const { idx, val } = vecs[v]!;
      let bc = 0;
      let bs = -Infinity;
      for (let c = 0; c < k; c++) {
        const base = c * D;
        let s = 0;
        for (let j = 0; j < idx.length; j++) s += cent[base + idx[j]!]! * val[j]!;
        if (s > bs) {
          bs = s;
          bc = c;
        }
      }
      if (assign[v] !== bc) moved++;
      assign[v] = bc;
    }
    cent.fill(0);
    for (let v = 0; v < n; v++) {
      const { idx, val } = vecs[v]!;
      const base = assign[v]! * D;
      for (let j = 0; j < idx.length; j++) cent[base + idx[j]!] += val[j]!;
    }
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < D; d++) norm += cent[c * D + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < D; d++) cent[c * D + d]! /= norm;
    }
    log(`  k-means ${k}: pass ${it + 1}, ${moved} moved`);
    if (moved === 0) break;
  }
  return assign;
}

/** Word → classes, parsed from the model file's table. */
export class WordClasses {
  private readonly map = new Map<string, WordClass>();

  constructor(data: WordClassData | undefined) {
    if (!data) return;
    for (const line of data.table.split('\n')) {
      const [w, c, f, cap] = line.split(' ');
      if (!w || cap === undefined) continue;
      this.map.set(w, { coarse: Number(c), fine: Number(f), cap });
    }
  }

  get size(): number {
    return this.map.size;
  }

  get(word: string): WordClass | undefined {
    return this.map.get(classKey(word));
  }
}
