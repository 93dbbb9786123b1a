// Local alignment of two texts in the spirit of passim: seed with shared word n-grams, chain seeds
// that keep roughly the same offset into passages (small gaps and edits allowed), extend the ends
// word by word, and measure how much of each passage is matched.
import { gramHash } from './hash.js';
import { isFunctionWord, sortedGrams, type Words } from './words.js';

export interface AlignOptions {
  /** Seed n-gram length in words. */
  seed: number;
  /** Largest gap (in words) between consecutive seeds of one passage, on either side. */
  maxGap: number;
  /** Largest change of offset between consecutive seeds (insertions/deletions in between). */
  maxShift: number;
  /** Shortest passage reported, in words on both sides. */
  minWords: number;
  /** An n-gram occurring more often than this inside one text is repetition, not evidence. */
  maxRepeat: number;
  /** N-grams to ignore (frequent in the corpus, known boilerplate). */
  ignoreGram?: (gram: number) => boolean;
}

export const DEFAULT_ALIGN: AlignOptions = { seed: 5, maxGap: 24, maxShift: 12, minWords: 8, maxRepeat: 4 };

/** A passage in word positions [a0, a1) of the source and [b0, b1) of the target. */
export interface WordPassage {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
  /** Words matched inside the passage, per side. */
  matchedA: number;
  matchedB: number;
  similarity: number;
}

interface Chain {
  a0: number;
  b0: number;
  lastA: number;
  lastB: number;
  seeds: [number, number][];
}

/** `matchedB`, when given (length B.length), gets a 1 at every target word matched inside a passage. */
export function align(A: Words, B: Words, opt: AlignOptions = DEFAULT_ALIGN, matchedB?: Uint8Array): WordPassage[] {
  const n = opt.seed;
  if (A.length < n || B.length < n) return [];
  // One side's n-grams are sorted into a table (cached on its Words: the new article is compared
  // with many candidates), the other side's are looked up in it by binary search.
  const tableIsA = !!A.grams?.get(n) && !B.grams?.get(n);
  const T = tableIsA ? A : B;
  const Q = tableIsA ? B : A;
  const table = sortedGrams(T, n);
  const probeCount = new Map<number, number>();
  const seeds: [number, number][] = [];
  for (let q = 0; q + n <= Q.length; q++) {
    const h = gramHash(Q.hash, q, n);
    let lo = 0;
    let hi = table.hash.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (table.hash[mid]! < h) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= table.hash.length || table.hash[lo] !== h) continue;
    let end = lo;
    while (end < table.hash.length && table.hash[end] === h) end++;
    const seen = (probeCount.get(h) ?? 0) + 1;
    probeCount.set(h, seen);
    if (end - lo > opt.maxRepeat || seen > opt.maxRepeat || opt.ignoreGram?.(h) || allFunctionWords(Q.hash, q, n)) continue;
    for (let t = lo; t < end; t++) {
      const p = table.pos[t]!;
      const [i, j] = tableIsA ? [p, q] : [q, p];
      if (A.hash[i] === B.hash[j]) seeds.push([i, j]);
    }
  }
  seeds.sort((p, q) => p[1] - q[1] || p[0] - q[0]);
  if (!seeds.length) return [];

  // Seeds arrive ordered by target position; each joins the open chain it continues best.
  const open: Chain[] = [];
  const done: Chain[] = [];
  for (const [i, j] of seeds) {
    let best: Chain | null = null;
    let bestCost = Infinity;
    for (let c = open.length - 1; c >= 0; c--) {
      const ch = open[c]!;
      if (j - ch.lastB > opt.maxGap + n) {
        done.push(ch);
        open.splice(c, 1);
        continue;
      }
      const da = i - ch.lastA;
      const db = j - ch.lastB;
      if (da <= 0 || da > opt.maxGap + n || db <= 0) continue;
      const shift = Math.abs(da - db);
      if (shift > opt.maxShift) continue;
      const cost = shift + Math.max(da, db);
      if (cost < bestCost) {
        bestCost = cost;
        best = ch;
      }
    }
    if (best) {
      best.lastA = i;
      best.lastB = j;
      best.seeds.push([i, j]);
    } else open.push({ a0: i, b0: j, lastA: i, lastB: j, seeds: [[i, j]] });
  }
  done.push(...open);

  const out: WordPassage[] = [];
  for (const ch of done) {
    let a0 = ch.a0;
    let b0 = ch.b0;
    let a1 = ch.lastA + n;
    let b1 = ch.lastB + n;
    const extra = { a: 0 };
    [a0, b0] = extendBack(A, B, a0, b0, extra);
    [a1, b1] = extendForward(A, B, a1, b1, extra);
    if (a1 - a0 < opt.minWords || b1 - b0 < opt.minWords) continue;
    const { matchedA, matchedB: mB, inB } = matched(A, B, ch.seeds, n, a0, a1, b0, b1);
    if (matchedB) for (let k = 0; k < inB.length; k++) if (inB[k]) matchedB[b0 + k] = 1;
    const similarity = (matchedA + mB) / (a1 - a0 + (b1 - b0));
    out.push({ a0, a1, b0, b1, matchedA, matchedB: mB, similarity: round3(similarity) });
  }
  return dropContained(out).sort((x, y) => x.b0 - y.b0 || x.a0 - y.a0);
}

function allFunctionWords(h: Uint32Array, at: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (!isFunctionWord(h[at + k]!)) return false;
  return true;
}

// Extension tolerates one substituted word when the two words before it match again.
function extendBack(A: Words, B: Words, a: number, b: number, _x: { a: number }): [number, number] {
  for (;;) {
    if (a > 0 && b > 0 && A.hash[a - 1] === B.hash[b - 1]) {
      a--;
      b--;
    } else if (a > 2 && b > 2 && A.hash[a - 2] === B.hash[b - 2] && A.hash[a - 3] === B.hash[b - 3]) {
      a -= 3;
      b -= 3;
    } else return [a, b];
  }
}

function extendForward(A: Words, B: Words, a: number, b: number, _x: { a: number }): [number, number] {
  for (;;) {
    if (a < A.length && b < B.length && A.hash[a] === B.hash[b]) {
      a++;
      b++;
    } else if (a + 2 < A.length && b + 2 < B.length && A.hash[a + 1] === B.hash[b + 1] && A.hash[a + 2] === B.hash[b + 2]) {
      a += 3;
      b += 3;
    } else return [a, b];
  }
}

/** Matched words: those under seeds, plus the longest common subsequence of each gap. */
function matched(
  A: Words, B: Words, seeds: [number, number][], n: number, a0: number, a1: number, b0: number, b1: number,
): { matchedA: number; matchedB: number; inB: Uint8Array } {
  const inA = new Uint8Array(a1 - a0);
  const inB = new Uint8Array(b1 - b0);
  // Extended ends matched word for word except the tolerated substitutions.
  const firstA = seeds[0]![0];
  const firstB = seeds[0]![1];
  for (let k = 0; a0 + k < firstA && b0 + k < firstB; k++) if (A.hash[a0 + k] === B.hash[b0 + k]) (inA[k] = 1), (inB[k] = 1);
  const lastA = seeds[seeds.length - 1]![0] + n;
  const lastB = seeds[seeds.length - 1]![1] + n;
  for (let k = 0; lastA + k < a1 && lastB + k < b1; k++) {
    if (A.hash[lastA + k] === B.hash[lastB + k]) (inA[lastA + k - a0] = 1), (inB[lastB + k - b0] = 1);
  }
  let prevA = -1;
  let prevB = -1;
  for (const [i, j] of seeds) {
    if (prevA >= 0 && i > prevA && j > prevB) {
      for (const [x, y] of lcs(A.hash, prevA, i, B.hash, prevB, j)) (inA[x - a0] = 1), (inB[y - b0] = 1);
    }
    for (let k = 0; k < n; k++) (inA[i + k - a0] = 1), (inB[j + k - b0] = 1);
    prevA = i + n;
    prevB = j + n;
  }
  let matchedA = 0;
  let matchedB = 0;
  for (const v of inA) matchedA += v;
  for (const v of inB) matchedB += v;
  return { matchedA, matchedB, inB };
}

/** Pairs of positions of a longest common subsequence of two short word ranges. */
function lcs(a: Uint32Array, a0: number, a1: number, b: Uint32Array, b0: number, b1: number): [number, number][] {
  const la = a1 - a0;
  const lb = b1 - b0;
  if (la <= 0 || lb <= 0 || la * lb > 4096) return [];
  const dp = new Uint16Array((la + 1) * (lb + 1));
  const w = lb + 1;
  for (let x = la - 1; x >= 0; x--) {
    for (let y = lb - 1; y >= 0; y--) {
      dp[x * w + y] = a[a0 + x] === b[b0 + y] ? dp[(x + 1) * w + y + 1]! + 1 : Math.max(dp[(x + 1) * w + y]!, dp[x * w + y + 1]!);
    }
  }
  const out: [number, number][] = [];
  let x = 0;
  let y = 0;
  while (x < la && y < lb) {
    if (a[a0 + x] === b[b0 + y]) {
      out.push([a0 + x, b0 + y]);
      x++;
      y++;
    } else if (dp[(x + 1) * w + y]! >= dp[x * w + y + 1]!) x++;
    else y++;
  }
  return out;
}

/** Passages whose both ranges lie inside another passage's add nothing. */
function dropContained(ps: WordPassage[]): WordPassage[] {
  const sorted = [...ps].sort((x, y) => y.b1 - y.b0 - (x.b1 - x.b0));
  const kept: WordPassage[] = [];
  for (const p of sorted) {
    if (kept.some((k) => k.a0 <= p.a0 && p.a1 <= k.a1 && k.b0 <= p.b0 && p.b1 <= k.b1)) continue;
    kept.push(p);
  }
  return kept;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Share of the words of a text covered by the given ranges. */
export function coveredShare(ranges: [number, number][], total: number): number {
  if (!total) return 0;
  const sorted = [...ranges].sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let end = -1;
  for (const [s, e] of sorted) {
    if (e <= end) continue;
    covered += e - Math.max(s, end);
    end = e;
  }
  return covered / total;
}
