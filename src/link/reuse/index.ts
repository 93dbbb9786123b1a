// Text reuse and provenance: which articles took text from which, in what passages, and how much.
//
// Incremental: each new article is hashed into LSH band keys (minhash.ts), candidates are looked
// up in the store's band index, each candidate is aligned with the new article (align.ts), the pair
// is classified and directed (pair.ts) and stored as a 'reuse' corpus object. The work per article
// is bounded (at most maxCandidates alignments, chosen to cover the article's windows rather than
// every article of its family: select.ts), so it does not grow with the corpus or with a story's
// number of copies.
import { fnv1a, hex8 } from './hash.js';
import type { Store } from '../../store/store.js';
import type { Analysis, Article, ReusePair, Span } from '../../types.js';
import type { Linker } from '../linkers.js';
import { bandKeyGroups, bandKeys, DEFAULT_LSH, type LshParams } from './minhash.js';
import { DEFAULT_SELECT, selectCandidates, type KeyGroup, type SelectOptions } from './select.js';
import { comparePair, DEFAULT_PAIR, prepare, type PairArticle, type PairOptions, type Prepared } from './pair.js';
import { TwoGenerationCache } from '../../util/two-generation-cache.js';
import { words, type Words } from './words.js';
import { dropExplained } from './explain.js';

export { independentReports, reuseFamilies, articleReuse, outletOriginality, isDependence, copiedFromLookup } from './corpus.js';
export type { ArticleReuse, OutletArticle, OutletOriginality } from './corpus.js';
export { comparePair, direction, pairId, prepare, DEFAULT_PAIR } from './pair.js';
export type { PairOptions, Prepared, PairArticle } from './pair.js';
export { bandKeys, bandKeyGroups, DEFAULT_LSH } from './minhash.js';
export { selectCandidates, DEFAULT_SELECT } from './select.js';
export type { KeyGroup, SelectOptions } from './select.js';
export type { LshParams } from './minhash.js';
export { align, DEFAULT_ALIGN } from './align.js';
export { quotationSpans } from './quotes.js';
export { words } from './words.js';

/** The store methods reuse linking uses (a full Store has them all). */
export type ReuseStore = Pick<Store, 'addBands' | 'bandCandidates' | 'putObjects' | 'getArticleText'> &
  Partial<Pick<Store, 'getLayers' | 'kind'>> &
  Partial<PostingsStore>;

/** A store that can say which articles hold each band key (MemoryReuseStore does): candidate
 * selection by covered windows needs it. Without it, SQLite is asked key by key and PostgreSQL
 * falls back to ranking by the number of shared keys. */
export interface PostingsStore {
  /** Holders of each key in arrival order. */
  bandPostings(bands: string[], exclude: string): Promise<Map<string, string[]>>;
}

/** Candidate selection (select.ts) plus how keys are made, pairs compared and quotes found. */
export interface LinkOptions extends SelectOptions {
  lsh: LshParams;
  pair: PairOptions;
  /** Index the keys a new article shares with an earlier article it near-duplicates (false: that
   * article stands for them, so a large family of copies does not fill the index, push its keys
   * over the common-key cap, or make later copies align with every sibling). */
  indexNearDuplicateKeys: boolean;
  /** Drop pairs with sources whose text an earlier source already explains (explain.ts). */
  dropExplained: boolean;
  /** Quote spans of the new article from the quotes layer (added to those found in the text). */
  quoteSpans?: Span[];
  /** Read candidates' quote spans from the store's quotes layer. */
  quotesLayer: boolean;
}

export const DEFAULT_LINK: LinkOptions = {
  lsh: DEFAULT_LSH,
  pair: DEFAULT_PAIR,
  maxCandidates: DEFAULT_SELECT.maxCandidates,
  minAligned: DEFAULT_SELECT.minAligned,
  minSharedBands: DEFAULT_SELECT.minSharedBands,
  fewQuoteOnly: DEFAULT_SELECT.fewQuoteOnly,
  coverTimes: DEFAULT_SELECT.coverTimes,
  earliestHolders: DEFAULT_SELECT.earliestHolders,
  indexNearDuplicateKeys: true,
  dropExplained: true,
  quotesLayer: false,
};

// Recently seen articles' words: candidates recur (a story's articles arrive together), and
// tokenising them again is most of the cost of a comparison.
const WORD_CACHE_GENERATION = 5000;
const wordCache = new TwoGenerationCache<string, Words>(WORD_CACHE_GENERATION);

function cachedWords(a: Pick<Article, 'id' | 'text'>): Words {
  const key = a.id + ':' + a.text.length;
  let w = wordCache.get(key);
  if (!w) wordCache.set(key, (w = words(a.text)));
  return w;
}

// Candidates as read from the store, per store: reading an article back costs more than aligning
// with it once its words are cached. Stored articles change only when re-cleaned, and the reuse
// linker forgets them then (forgetCandidate).
const candidateCaches = new WeakMap<object, TwoGenerationCache<string, PairArticle>>();

async function candidate(store: Pick<ReuseStore, 'getArticleText'>, id: string): Promise<PairArticle | null> {
  let cache = candidateCaches.get(store);
  if (!cache) candidateCaches.set(store, (cache = new TwoGenerationCache(WORD_CACHE_GENERATION)));
  const hit = cache.get(id);
  if (hit) return hit;
  const a = await store.getArticleText(id);
  if (a) cache.set(id, a);
  return a;
}

/** Forget a stored article read as a candidate (its text or date changed). */
export function forgetCandidate(store: object, id: string): void {
  candidateCaches.get(store)?.delete(id);
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

async function postingsOf(
  store: Pick<ReuseStore, 'bandCandidates' | 'bandPostings' | 'kind'>,
  keys: string[],
  exclude: string,
): Promise<Map<string, string[]> | null> {
  if (store.bandPostings) return store.bandPostings(keys, exclude);
  // One round trip per key is what SQLite does inside bandCandidates anyway; over a network it is not.
  if (store.kind === 'postgres') return null;
  const out = new Map<string, string[]>();
  for (const k of new Set(keys)) {
    const m = await store.bandCandidates([k], exclude);
    if (m.size) out.set(k, [...m.keys()]);
  }
  return out;
}

/** The read side of linkReuse: the pairs an article makes with the stored corpus and the keys to
 * index for it, without writing anything. `candidates` is how many articles were aligned. */
export async function findReuse(
  store: Pick<ReuseStore, 'bandCandidates' | 'bandPostings' | 'kind' | 'getArticleText' | 'getLayers'>,
  article: Article,
  options: Partial<LinkOptions> = {},
): Promise<{ pairs: ReusePair[]; bands: string[]; candidates: number }> {
  const opt = { ...DEFAULT_LINK, ...options };
  const w = cachedWords(article);
  const groups: KeyGroup[] = [
    ...bandKeyGroups(w, opt.lsh).map((keys) => ({ keys, quote: false })),
    ...quoteKeyGroups(article.text, opt.quoteSpans ?? []).map((keys) => ({ keys, quote: true })),
  ];
  const bands = [...new Set(groups.flatMap((g) => g.keys))];
  let ranked: string[] = [];
  let postings: Map<string, string[]> | null = null;
  if (bands.length) {
    postings = await postingsOf(store, bands, article.id);
    if (postings) ranked = selectCandidates(groups, postings, opt);
    else {
      const found = await store.bandCandidates(bands, article.id);
      ranked = [...found.entries()]
        .filter(([, n]) => n >= opt.minSharedBands)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, opt.maxCandidates)
        .map(([id]) => id);
    }
  }

  let pairs: ReusePair[] = [];
  if (ranked.length) {
    const layers = opt.quotesLayer && store.getLayers ? await store.getLayers([article.id, ...ranked], ['quotes']) : null;
    const spansOf = (id: string): Span[] => ((layers?.get(id) as Analysis | undefined)?.quotes ?? []).map((q) => ({ start: q.start, end: q.end }));
    const me = prepare(article, [...(opt.quoteSpans ?? []), ...spansOf(article.id)], w);
    const others = new Map<string, PairArticle>();
    for (const id of ranked) {
      const other = await candidate(store, id);
      if (!other) continue;
      others.set(id, other);
      const them: Prepared = prepare(other, spansOf(id), cachedWords(other));
      const p = comparePair(me, them, opt.pair);
      if (p) pairs.push(p);
    }
    if (opt.dropExplained) pairs = dropExplained(article.id, pairs, others);
  }
  return { pairs, bands: opt.indexNearDuplicateKeys ? bands : keysToIndex(article.id, bands, pairs, postings), candidates: ranked.length };
}

/** The new article's keys less those an earlier article it near-duplicates already holds. */
function keysToIndex(id: string, bands: string[], pairs: ReusePair[], postings: Map<string, string[]> | null): string[] {
  if (!postings) return bands;
  const standIns = new Set(pairs.filter((p) => p.kind === 'near-duplicate' && p.target === id && p.source).map((p) => p.source!));
  if (!standIns.size) return bands;
  return bands.filter((k) => !(postings.get(k) ?? []).some((x) => standIns.has(x)));
}

/** Keys for the statements an article quotes: a quotation is often too short to share a MinHash
 * window with another article quoting it, so each run of QUOTE_KEY_WORDS words inside a quotation
 * is also a key. Two outlets quoting one statement then meet as candidates, and alignment decides
 * what the pair is. */
const QUOTE_KEY_WORDS = 6;

export function quoteKeys(text: string, spans: Span[]): string[] {
  return [...new Set(quoteKeyGroups(text, spans).flat())];
}

/** Quotation keys, one group per quote span. */
export function quoteKeyGroups(text: string, spans: Span[]): string[][] {
  const out: string[][] = [];
  for (const s of spans) {
    const ws = text.slice(s.start, s.end).toLowerCase().normalize('NFKD').replace(/\p{M}+/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [];
    const keys = new Set<string>();
    for (let i = 0; i + QUOTE_KEY_WORDS <= ws.length; i++) keys.add('q' + hex8(fnv1a(ws.slice(i, i + QUOTE_KEY_WORDS).join(' '))));
    if (keys.size) out.push([...keys]);
  }
  return out;
}

/** The reuse linker, for the linking pipeline (src/link/linkers.ts). */
export const reuseLinker: Linker = {
  name: 'reuse',
  async onArticle(store: Store, article: Article, analysis: Analysis): Promise<void> {
    const quoteSpans = (analysis.quotes ?? []).filter((q) => q.kind !== 'reported').map((q) => ({ start: q.start, end: q.end }));
    await linkReuse(store, article, { quoteSpans });
  },
};
