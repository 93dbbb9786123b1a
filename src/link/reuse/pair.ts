// One reuse pair from two articles: align, decide direction, classify.
import { createHash } from 'node:crypto';
import type { Article, ReuseKind, ReusePair, ReusePassage, Span } from '../../types.js';
import { align, coveredShare, DEFAULT_ALIGN, type AlignOptions, type WordPassage } from './align.js';
import { mergeSpans, quotationSpans } from './quotes.js';
import { words, type Words } from './words.js';

export interface PairOptions {
  align: AlignOptions;
  /** Both articles' reused shares at or above this, with passages this similar: near-duplicate. */
  nearDuplicateShare: number;
  nearDuplicateSimilarity: number;
  /** A pair is reported when the reused words reach this many, or this share of either text. */
  minReusedWords: number;
  minReusedShare: number;
  /** Words of a passage allowed outside quotation marks (absolute, and share) for it to count as quoted. */
  quoteSlackWords: number;
  quoteSlackShare: number;
}

export const DEFAULT_PAIR: PairOptions = {
  align: DEFAULT_ALIGN,
  nearDuplicateShare: 0.8,
  nearDuplicateSimilarity: 0.8,
  minReusedWords: 10,
  minReusedShare: 0.1,
  quoteSlackWords: 2,
  quoteSlackShare: 0.15,
};

/** What the pair builder needs of an article (its clean text and what orders it in time). */
export type PairArticle = Pick<Article, 'id' | 'text' | 'published' | 'seq'>;

/** An article prepared once for many comparisons. */
export interface Prepared {
  article: PairArticle;
  words: Words;
  /** Quote spans given by the quotes layer. */
  quoteSpans: Span[];
  /** Quotation spans: from the text plus the given ones (computed when first needed). */
  quotes?: Span[];
}

export function prepare(article: PairArticle, quoteSpans: Span[] = [], w?: Words): Prepared {
  return { article, words: w ?? words(article.text), quoteSpans };
}

function quotesOf(p: Prepared): Span[] {
  return (p.quotes ??= mergeSpans([...quotationSpans(p.article.text), ...p.quoteSpans]));
}

export interface Direction {
  /** -1: first argument is the source; 1: second is; 0: undecided. */
  order: -1 | 0 | 1;
  reason: string;
}

/** Earlier publication first; same day (or unknown) falls back to arrival order. */
export function direction(a: PairArticle, b: PairArticle): Direction {
  const pa = a.published;
  const pb = b.published;
  if (pa && pb) {
    const timed = pa.length > 10 && pb.length > 10;
    const ka = timed ? Date.parse(pa) : Date.parse(pa.slice(0, 10));
    const kb = timed ? Date.parse(pb) : Date.parse(pb.slice(0, 10));
    if (Number.isFinite(ka) && Number.isFinite(kb) && ka !== kb) {
      return ka < kb ? { order: -1, reason: `published ${pa} before ${pb}` } : { order: 1, reason: `published ${pb} before ${pa}` };
    }
  }
  const why = pa && pb ? 'same publication date' : 'publication date unknown';
  if (a.seq != null && b.seq != null && a.seq !== b.seq) {
    return a.seq < b.seq
      ? { order: -1, reason: `${why}; ingested earlier (seq ${a.seq} < ${b.seq})` }
      : { order: 1, reason: `${why}; ingested earlier (seq ${b.seq} < ${a.seq})` };
  }
  return { order: 0, reason: `${why}; arrival order unknown: direction undecided` };
}

export function pairId(a: string, b: string): string {
  const [x, y] = a < b ? [a, b] : [b, a];
  return 'ru_' + createHash('sha1').update(`${x}|${y}`).digest('hex').slice(0, 16);
}

/** Compare two prepared articles; null when they share no reportable text. */
/** Words an edit may change at the edge of a copied paragraph ("However, X said that" for "but
 * speculated that") for the passage still to be counted from the paragraph's edge. */
const EDGE_EDIT_WORDS = 6;

/** Does a new paragraph start at word i (a line break before it)? */
function startsParagraph(x: Prepared, i: number): boolean {
  if (i === 0) return true;
  if (i >= x.words.length) return true;
  return x.article.text.slice(x.words.end[i - 1]!, x.words.start[i]!).includes('\n');
}

/** Extend a passage over a short edited stretch to the edges of its paragraph, on each side on its
 * own: a lightly edited paragraph ("However, X said that …" for "… but speculated that …") is one
 * reused passage, not a fragment. */
function snapToParagraphs(p: WordPassage, s: Prepared, t: Prepared): WordPassage {
  const back = (x: Prepared, i: number) => {
    for (let k = i; k >= 0 && i - k <= EDGE_EDIT_WORDS; k--) if (startsParagraph(x, k)) return k;
    return i;
  };
  const forward = (x: Prepared, i: number) => {
    for (let k = i; k <= x.words.length && k - i <= EDGE_EDIT_WORDS; k++) if (startsParagraph(x, k)) return k;
    return i;
  };
  return { ...p, a0: back(s, p.a0), b0: back(t, p.b0), a1: forward(s, p.a1), b1: forward(t, p.b1) };
}

export function comparePair(x: Prepared, y: Prepared, opt: PairOptions = DEFAULT_PAIR): ReusePair | null {
  const dir = direction(x.article, y.article);
  // Source side first; undirected pairs keep the stable (id) order.
  const [s, t] =
    dir.order === 1 || (dir.order === 0 && y.article.id < x.article.id) ? [y, x] : [x, y];
  // A shared quotation keeps its exact extent: snapping would carry it out of the quotation marks.
  const wp = align(s.words, t.words, opt.align).map((p) => (isQuoted(s, p.a0, p.a1, opt) && isQuoted(t, p.b0, p.b1, opt) ? p : snapToParagraphs(p, s, t)));
  if (!wp.length) return null;
  const targetWords = t.words.length;
  const sourceWords = s.words.length;
  const targetShare = coveredShare(wp.map((p) => [p.b0, p.b1]), targetWords);
  const sourceShare = coveredShare(wp.map((p) => [p.a0, p.a1]), sourceWords);
  const reused = Math.round(targetShare * targetWords);
  if (reused < opt.minReusedWords && targetShare < opt.minReusedShare && sourceShare < opt.minReusedShare) return null;

  const passages: ReusePassage[] = wp.map((p) => ({
    sourceStart: s.words.start[p.a0]!,
    sourceEnd: s.words.end[p.a1 - 1]!,
    targetStart: t.words.start[p.b0]!,
    targetEnd: t.words.end[p.b1 - 1]!,
    similarity: p.similarity,
    quoted: isQuoted(s, p.a0, p.a1, opt) && isQuoted(t, p.b0, p.b1, opt),
  }));
  const weight = wp.reduce((n, p) => n + (p.b1 - p.b0), 0);
  const similarity = Math.round((wp.reduce((n, p) => n + p.similarity * (p.b1 - p.b0), 0) / weight) * 1000) / 1000;

  let kind: ReuseKind = 'copied';
  if (passages.every((p) => p.quoted)) kind = 'shared-quotation';
  else if (targetShare >= opt.nearDuplicateShare && sourceShare >= opt.nearDuplicateShare && similarity >= opt.nearDuplicateSimilarity) {
    kind = 'near-duplicate';
  }
  const articles: [string, string] = x.article.id < y.article.id ? [x.article.id, y.article.id] : [y.article.id, x.article.id];
  return {
    id: pairId(x.article.id, y.article.id),
    source: dir.order === 0 ? null : s.article.id,
    target: dir.order === 0 ? null : t.article.id,
    articles,
    kind,
    similarity,
    targetShare: Math.round(targetShare * 1000) / 1000,
    passages,
    direction: dir.reason,
  };
}

function isQuoted(p: Prepared, w0: number, w1: number, opt: PairOptions): boolean {
  const quotes = quotesOf(p);
  if (!quotes.length) return false;
  const allowed = Math.max(opt.quoteSlackWords, opt.quoteSlackShare * (w1 - w0));
  let outside = 0;
  let q = 0;
  // Words and merged spans are both in text order: one pass over each.
  for (let k = w0; k < w1; k++) {
    const st = p.words.start[k]!;
    while (q < quotes.length && quotes[q]!.end <= st) q++;
    if (q >= quotes.length || quotes[q]!.start > st) {
      if (++outside > allowed) return false;
    }
  }
  return true;
}

/** Word-level passages between two texts (no classification): for evaluations. */
export function reusedShare(source: Words, target: Words, opt: AlignOptions = DEFAULT_ALIGN): { share: number; passages: WordPassage[] } {
  const wp = align(source, target, opt);
  return { share: coveredShare(wp.map((p) => [p.b0, p.b1]), target.length), passages: wp };
}
