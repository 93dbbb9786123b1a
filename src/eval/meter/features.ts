// The measures of the METER literature (Clough et al.): how much of the newspaper story is tiled by
// the PA copy at several minimum tile lengths, how many of its stem n-grams the PA copy contains,
// and how many of its sentences have a close PA sentence. Heavy rewriting keeps short runs and
// sentence-level overlap; independent reporting of the same hearing shares names, numbers and
// quotations but few longer runs of narrative, hence the separate share of tiled words inside
// quotation marks.
import { gramHash } from '../../link/reuse/hash.js';
import { mergeSpans, quotationSpans } from '../../link/reuse/quotes.js';
import { stemWords } from '../../link/reuse/stem.js';
import { isFunctionWord, type Words } from '../../link/reuse/words.js';
import { segment } from '../../text/segment.js';
import { greedyTiles } from './tiling.js';

/** Minimum tile lengths whose tiled shares are features. */
export const TILE_LENGTHS = [2, 3, 4, 5, 6, 8] as const;

/** Stem n-gram lengths whose containment in PA is a feature (Clough et al. use 1 to 10). */
export const CONTAINMENT_LENGTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** Bigram containment levels at which the story's sentences are counted. */
export const SENTENCE_CONTAINMENT_LEVELS = [0.3, 0.5, 0.8] as const;

/** Names of the features tilingFeatures returns, in order. */
export const TILING_FEATURES = [
  ...TILE_LENGTHS.map((m) => `tiled share, tiles of ${m}+ words`),
  'longest tile share',
  'tiles of 3+ words per 10 words',
  ...CONTAINMENT_LENGTHS.map((n) => `stem ${n}-grams contained in PA`),
  'mean best-sentence overlap',
  'sentences with a PA sentence sharing 30% of their content stems',
  'sentences with a PA sentence sharing half their content stems',
  'sentences with a PA sentence sharing 80% of their content stems',
  ...SENTENCE_CONTAINMENT_LEVELS.map((l) => `sentences with ${100 * l}% of their stem bigrams in PA`),
  'quoted share of tiled words (3+)',
  'unquoted words tiled (3+)',
  'log story length',
  'log PA length over story length',
] as const;

// Joins the PA texts for tiling; no story word hashes to it in practice, and were one to, a tile
// could only run across the join by that one word.
const JOIN = 0;

/** Features of a story (its text and words) against the PA texts of its day and catchline. */
export function tilingFeatures(text: string, story: Words, sourceTexts: string[], sources: Words[]): number[] {
  const st = stemWords(text, story);
  const ss = sources.map((w, i) => stemWords(sourceTexts[i]!, w));
  const n = Math.max(1, st.length);
  const paLength = ss.reduce((a, s) => a + s.length, 0);
  const joined = new Uint32Array(paLength + ss.length);
  let o = 0;
  for (const s of ss) {
    joined.set(s.hash, o);
    o += s.length;
    joined[o++] = JOIN;
  }
  const tiles = greedyTiles(st.hash, joined, Math.min(...TILE_LENGTHS));
  const tiledShare = (m: number) => tiles.reduce((a, t) => a + (t.length >= m ? t.length : 0), 0) / n;
  const longest = tiles.reduce((a, t) => Math.max(a, t.length), 0);
  const tiled3 = new Uint8Array(st.length);
  let count3 = 0;
  for (const t of tiles) if (t.length >= 3) tiled3.fill(1, t.a, t.a + t.length), count3++;

  const containment = (k: number) => {
    const pa = new Set<number>();
    for (const s of ss) for (let i = 0; i + k <= s.length; i++) pa.add(gramHash(s.hash, i, k));
    const mine = new Set<number>();
    for (let i = 0; i + k <= st.length; i++) mine.add(gramHash(st.hash, i, k));
    let inPa = 0;
    for (const g of mine) if (pa.has(g)) inPa++;
    return mine.size ? inPa / mine.size : 0;
  };

  const paSentences = ss.flatMap((s, i) => sentenceStems(sourceTexts[i]!, s, sources[i]!));
  let sum = 0;
  let some = 0;
  let half = 0;
  let most = 0;
  const mine = sentenceStems(text, st, story);
  for (const sent of mine) {
    let best = 0;
    for (const p of paSentences) {
      let shared = 0;
      for (const h of sent) if (p.has(h)) shared++;
      best = Math.max(best, shared / sent.size);
    }
    sum += best;
    if (best >= 0.3) some++;
    if (best >= 0.5) half++;
    if (best >= 0.8) most++;
  }
  const k = Math.max(1, mine.length);

  const quotes = mergeSpans(quotationSpans(text));
  let q = 0;
  let tiledIn = 0;
  let tiledOut = 0;
  let outside = 0;
  for (let i = 0; i < st.length; i++) {
    const at = st.start[i]!;
    while (q < quotes.length && quotes[q]!.end <= at) q++;
    const quoted = q < quotes.length && quotes[q]!.start <= at;
    if (quoted) tiledIn += tiled3[i]!;
    else (outside++, (tiledOut += tiled3[i]!));
  }
  const tiledAll = tiledIn + tiledOut;

  return [
    ...TILE_LENGTHS.map(tiledShare),
    longest / n,
    (10 * count3) / n,
    ...CONTAINMENT_LENGTHS.map(containment),
    sum / k,
    some / k,
    half / k,
    most / k,
    ...sentenceContainment(text, st, containedBigrams(ss)),
    tiledAll ? tiledIn / tiledAll : 0,
    outside ? tiledOut / outside : 0,
    Math.log(st.length + 1) / 6,
    Math.log((paLength + 1) / (st.length + 1)) / 3,
  ];
}

/** Stem bigrams of the PA texts (none spans two texts). */
function containedBigrams(sources: Words[]): Set<number> {
  const out = new Set<number>();
  for (const s of sources) for (let i = 0; i + 2 <= s.length; i++) out.add(gramHash(s.hash, i, 2));
  return out;
}

/** Share of the story's sentences (of four words or more) with at least each level of their stem
 * bigrams in PA. Unlike the best-sentence overlap, the bigrams may come from anywhere in PA: a
 * sentence stitched from pieces of several PA sentences still counts as contained. */
export function sentenceContainment(text: string, stems: Words, pa: Set<number>): number[] {
  const shares: number[] = [];
  let i = 0;
  for (const sp of segment(text).sentences) {
    while (i < stems.length && stems.start[i]! < sp.start) i++;
    const from = i;
    while (i < stems.length && stems.start[i]! < sp.end) i++;
    if (i - from < 4) continue;
    let hit = 0;
    for (let j = from; j + 2 <= i; j++) if (pa.has(gramHash(stems.hash, j, 2))) hit++;
    shares.push(hit / (i - from - 1));
  }
  const n = Math.max(1, shares.length);
  return SENTENCE_CONTAINMENT_LEVELS.map((l) => shares.filter((s) => s >= l).length / n);
}

/** Content-word stems of each sentence of at least three of them. */
function sentenceStems(text: string, stems: Words, plain: Words): Set<number>[] {
  const out: Set<number>[] = [];
  let i = 0;
  for (const sp of segment(text).sentences) {
    const set = new Set<number>();
    while (i < stems.length && stems.start[i]! < sp.start) i++;
    for (; i < stems.length && stems.start[i]! < sp.end; i++) if (!isFunctionWord(plain.hash[i]!)) set.add(stems.hash[i]!);
    if (set.size >= 3) out.push(set);
  }
  return out;
}
