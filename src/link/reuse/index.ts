// Text reuse and provenance: which articles took text from which, in what passages, and how much.
//
// Incremental: each new article is hashed into LSH band keys (minhash.ts), candidates are looked
// up in the store's band index, each candidate is aligned with the new article (align.ts), the pair
// is classified and directed (pair.ts) and stored as a 'reuse' corpus object. The work per article
// is bounded (at most MAX_CANDIDATES alignments), so it does not grow with the corpus.
import { fnv1a, hex8 } from './hash.js';
import type { Store } from '../../store/store.js';
import type { Analysis, Article, ReusePair, Span } from '../../types.js';
import type { Linker } from '../linkers.js';
import { bandKeys, DEFAULT_LSH, type LshParams } from './minhash.js';
import { comparePair, DEFAULT_PAIR, prepare, type PairOptions, type Prepared } from './pair.js';
import { words, type Words } from './words.js';

export { independentReports, reuseFamilies, articleReuse, outletOriginality, isDependence, copiedFromLookup } from './corpus.js';
export type { ArticleReuse, OutletArticle, OutletOriginality } from './corpus.js';
export { comparePair, direction, pairId, prepare, DEFAULT_PAIR } from './pair.js';
export type { PairOptions, Prepared, PairArticle } from './pair.js';
export { bandKeys, DEFAULT_LSH } from './minhash.js';
export type { LshParams } from './minhash.js';
export { align, DEFAULT_ALIGN } from './align.js';
export { quotationSpans } from './quotes.js';
export { words } from './words.js';

/** The store methods reuse linking uses (a full Store has them all). */
export type ReuseStore = Pick<Store, 'addBands' | 'bandCandidates' | 'putObjects' | 'getArticle'> &
  Partial<Pick<Store, 'getLayers'>>;

export interface LinkOptions {
  lsh: LshParams;
  pair: PairOptions;
  /** Most candidates aligned per new article, best-sharing first. */
  maxCandidates: number;
  /** Fewest shared band keys for a candidate to be aligned. */
  minSharedBands: number;
  /** Quote spans of the new article from the quotes layer (added to those found in the text). */
  quoteSpans?: Span[];
  /** Read candidates' quote spans from the store's quotes layer. */
  quotesLayer: boolean;
}

export const DEFAULT_LINK: LinkOptions = {
  lsh: DEFAULT_LSH,
  pair: DEFAULT_PAIR,
  maxCandidates: 30,
  minSharedBands: 1,
  quotesLayer: false,
};

// Recently seen articles' words: candidates recur (a story's articles arrive together), and
// tokenising them again is most of the cost of a comparison.
const wordCache = new Map<string, Words>();
const WORD_CACHE_MAX = 10000;

function cachedWords(a: Pick<Article, 'id' | 'text'>): Words {
  const key = `${a.id}:${a.text.length}`;
  let w = wordCache.get(key);
  if (w) {
    wordCache.delete(key);
    wordCache.set(key, w);
    return w;
  }
  w = words(a.text);
  wordCache.set(key, w);
  if (wordCache.size > WORD_CACHE_MAX) wordCache.delete(wordCache.keys().next().value!);
  return w;
}

/** Band keys of an article's body. */
export function articleBands(article: Pick<Article, 'id' | 'text'>, lsh: LshParams = DEFAULT_LSH): string[] {
  return bandKeys(cachedWords(article), lsh);
}

/** Find, classify and store the reuse between a new article and the stored corpus; index its bands.
 * Returns the pairs found (already stored). */
export async function linkReuse(store: ReuseStore, article: Article, options: Partial<LinkOptions> = {}): Promise<ReusePair[]> {
  const { pairs, bands } = await findReuse(store, article, options);
  if (pairs.length) await store.putObjects(pairs.map((p) => ({ kind: 'reuse', id: p.id, data: p, articles: [...p.articles] })));
  if (bands.length) await store.addBands(article.id, bands);
  return pairs;
}

/** The read side of linkReuse: the pairs an article makes with the stored corpus and its band
 * keys, without writing anything. `candidates` is how many articles were aligned. */
export async function findReuse(
  store: Pick<ReuseStore, 'bandCandidates' | 'getArticle' | 'getLayers'>,
  article: Article,
  options: Partial<LinkOptions> = {},
): Promise<{ pairs: ReusePair[]; bands: string[]; candidates: number }> {
  const opt = { ...DEFAULT_LINK, ...options };
  const w = cachedWords(article);
  const bands = [...bandKeys(w, opt.lsh), ...quoteKeys(article.text, opt.quoteSpans ?? [])];
  const found = bands.length ? await store.bandCandidates(bands, article.id) : new Map<string, number>();
  const ranked = [...found.entries()]
    .filter(([, n]) => n >= opt.minSharedBands)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, opt.maxCandidates)
    .map(([id]) => id);

  const pairs: ReusePair[] = [];
  if (ranked.length) {
    const layers = opt.quotesLayer && store.getLayers ? await store.getLayers([article.id, ...ranked], ['quotes']) : null;
    const spansOf = (id: string): Span[] => ((layers?.get(id) as Analysis | undefined)?.quotes ?? []).map((q) => ({ start: q.start, end: q.end }));
    const me = prepare(article, [...(opt.quoteSpans ?? []), ...spansOf(article.id)], w);
    for (const id of ranked) {
      const other = await store.getArticle(id);
      if (!other) continue;
      const them: Prepared = prepare(other, spansOf(id), cachedWords(other));
      const p = comparePair(me, them, opt.pair);
      if (p) pairs.push(p);
    }
  }
  return { pairs, bands, candidates: ranked.length };
}

/** Keys for the statements an article quotes: a quotation is often too short to share a MinHash
 * window with another article quoting it, so each run of QUOTE_KEY_WORDS words inside a quotation
 * is also a key. Two outlets quoting one statement then meet as candidates, and alignment decides
 * what the pair is. */
const QUOTE_KEY_WORDS = 6;

export function quoteKeys(text: string, spans: Span[]): string[] {
  const keys = new Set<string>();
  for (const s of spans) {
    const ws = text.slice(s.start, s.end).toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
    for (let i = 0; i + QUOTE_KEY_WORDS <= ws.length; i++) keys.add('q' + hex8(fnv1a(ws.slice(i, i + QUOTE_KEY_WORDS).join(' '))));
  }
  return [...keys];
}

/** The reuse linker, for the linking pipeline (src/link/linkers.ts). */
export const reuseLinker: Linker = {
  name: 'reuse',
  async onArticle(store: Store, article: Article, analysis: Analysis): Promise<void> {
    const quoteSpans = (analysis.quotes ?? []).filter((q) => q.kind !== 'reported').map((q) => ({ start: q.start, end: q.end }));
    await linkReuse(store, article, { quoteSpans });
  },
};
