// MinHash signatures over windows of word shingles, banded for LSH.
//
// Whole-article MinHash only finds near-duplicates: a target that copies 40% of a source of the
// same length has a shingle Jaccard of 0.25, far below any practical LSH threshold. So signatures
// are taken per window of text. Windows are cut by content (a boundary after a shingle whose hash
// is 0 mod CHUNK), like content-defined chunking in backup tools: a copied passage gets the same
// window boundaries in both articles wherever it sits, so its windows have a Jaccard near 1 even
// after reordering paragraphs, and a light edit only disturbs the window it falls in.
//
// Each window is one chunk (about CHUNK shingles; windowChunks 2 would make windows of two
// overlapping chunks). Its signature has BANDS×ROWS min-hashes; each band of ROWS values becomes
// one key. A window pair with Jaccard J shares at least one key with probability 1-(1-J^ROWS)^BANDS.
//
// Parameters chosen by measurement (Reuters-21578 + 4,000 generated variants, bench/generate-variants.ts;
// recall of known copies by the share of the copy's words taken from the source):
//   windows of 2 chunks, 4×2:        31 keys/article,  7 candidates, recall ≥50% 0.966, 20–50% 0.831
//   windows of 1 chunk,  4×2:        39 keys/article, 11 candidates, recall ≥50% 0.984, 20–50% 0.920  ← default
//   windows of 1 chunk,  6×2:        58 keys/article, 14 candidates, recall ≥50% 0.991, 20–50% 0.944
//   windows of 1 chunk,  3×1:        29 keys/article, 27 candidates, recall ≥50% 0.994, 20–50% 0.953
//   chunk 8, windows of 1, 4×2:      70 keys/article, 19 candidates, recall ≥50% 0.999, 20–50% 0.978
// Single rows (3×1) find more but turn common wording into candidates (4× the alignments); the
// default keeps the index and the alignment work small while meeting recall ≥ 0.95 for half copies.
import { combine, fmix32, gramHash, hex8 } from './hash.js';
import type { Words } from './words.js';

export interface LshParams {
  /** Words per shingle. */
  shingle: number;
  /** Average chunk length in shingles (a power of two). */
  chunk: number;
  /** Minimum and maximum chunk length in shingles. */
  minChunk: number;
  maxChunk: number;
  /** Consecutive chunks per window (1: each chunk is a window; 2: windows overlap by one chunk). */
  windowChunks: number;
  bands: number;
  rows: number;
}

export const DEFAULT_LSH: LshParams = { shingle: 3, chunk: 16, minChunk: 6, maxChunk: 48, windowChunks: 1, bands: 4, rows: 2 };

const CHUNK_SEED = 0x5bd1e995;
const PERM_SEEDS = Array.from({ length: 64 }, (_, i) => fmix32(0x9747b28c + i * 0x61c88647));

/** Shingle hashes of a text's words (one per position with a full shingle). */
export function shingles(w: Words, k: number): Uint32Array {
  const n = Math.max(0, w.length - k + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = gramHash(w.hash, i, k);
  return out;
}

/** Content-defined chunk boundaries: [start, end) ranges over shingle positions. */
export function chunks(sh: Uint32Array, p: LshParams): [number, number][] {
  const out: [number, number][] = [];
  const mask = p.chunk - 1;
  let start = 0;
  for (let i = 0; i < sh.length; i++) {
    const len = i - start + 1;
    if ((len >= p.minChunk && (fmix32(sh[i]! ^ CHUNK_SEED) & mask) === 0) || len >= p.maxChunk) {
      out.push([start, i + 1]);
      start = i + 1;
    }
  }
  if (start < sh.length) {
    // A short tail joins the previous chunk rather than making a tiny window of its own.
    if (out.length && sh.length - start < p.minChunk) out[out.length - 1]![1] = sh.length;
    else out.push([start, sh.length]);
  }
  return out;
}

/** MinHash signature (BANDS×ROWS values) of the shingles in [from, to). */
function signature(sh: Uint32Array, from: number, to: number, m: number): Uint32Array {
  const sig = new Uint32Array(m).fill(0xffffffff);
  for (let i = from; i < to; i++) {
    const x = sh[i]!;
    for (let s = 0; s < m; s++) {
      const v = fmix32(x ^ PERM_SEEDS[s]!);
      if (v < sig[s]!) sig[s] = v;
    }
  }
  return sig;
}

/** LSH band keys of a text: `<band><8 hex>` per band of each window, deduplicated. */
export function bandKeys(w: Words, p: LshParams = DEFAULT_LSH): string[] {
  return [...new Set(bandKeyGroups(w, p).flat())];
}

/** Band keys grouped by window (one group per window, its BANDS keys). A candidate that shares any
 * key of a window has matched that stretch of text: candidate selection covers windows, not keys. */
export function bandKeyGroups(w: Words, p: LshParams = DEFAULT_LSH): string[][] {
  const sh = shingles(w, p.shingle);
  if (sh.length === 0) return [];
  const cs = chunks(sh, p);
  const m = p.bands * p.rows;
  const wc = Math.max(1, Math.min(p.windowChunks, cs.length));
  const groups: string[][] = [];
  for (let i = 0; i + wc <= cs.length; i++) {
    const sig = signature(sh, cs[i]![0], cs[i + wc - 1]![1], m);
    const keys: string[] = [];
    for (let b = 0; b < p.bands; b++) {
      let h = b + 1;
      for (let r = 0; r < p.rows; r++) h = combine(h, sig[b * p.rows + r]!);
      keys.push(b.toString(36) + hex8(h));
    }
    groups.push(keys);
  }
  return groups;
}
