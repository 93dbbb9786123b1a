// Which of a new article's pairs say who it copied from. When a wire story has several copies, a
// new copy aligns with the original and with the copies before it: they all hold the same text.
// The copies are its siblings, not its sources; the text came from the earliest article that holds
// it. A pair whose passages in the new article are already covered by pairs with earlier sources
// is therefore dropped: it would claim copying that the earlier source explains, and a family of
// n copies would grow n² pairs. Text a later source holds and the earlier ones do not (its own
// edits, inherited by the new copy) keeps its pair, so a copy of a copy still points at the copy.
import type { PairArticle } from './pair.js';
import type { ReusePair } from '../../types.js';

/** A pair whose new-article passages are covered this much by earlier sources' is explained. */
export const EXPLAINED_SHARE = 0.9;

/** Total length of [start, end) spans after merging overlaps. */
function unionLength(spans: [number, number][]): number {
  const s = [...spans].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -1;
  let start = -1;
  for (const [a, b] of s) {
    if (a > end) {
      if (end > start) total += end - start;
      start = a;
      end = b;
    } else if (b > end) end = b;
  }
  if (end > start) total += end - start;
  return total;
}

/** Order of two sources in time: publication, then arrival (as pair direction decides). */
function earlier(a: PairArticle, b: PairArticle): boolean {
  if (a.published && b.published && a.published.slice(0, 10) !== b.published.slice(0, 10)) return a.published < b.published;
  return a.seq != null && b.seq != null && a.seq < b.seq;
}

/** The pairs to keep for a new article: all but the copying pairs whose text it shares with the
 * other article is text it took from an earlier source. That covers its siblings on both sides: a
 * copy published before an older-arrived sibling would otherwise be named that sibling's source,
 * though both took the text from the original. `others` gives each pair's other article. */
export function dropExplained(articleId: string, pairs: ReusePair[], others: Map<string, PairArticle>): ReusePair[] {
  const otherOf = (p: ReusePair) => others.get(p.source === articleId ? p.target! : p.source!);
  const copying = pairs.filter((p) => p.source && p.target && p.kind !== 'shared-quotation' && otherOf(p));
  if (copying.length < 2) return pairs;
  // Earliest other article first: a pair is judged against sources that are themselves kept.
  copying.sort((a, b) => (earlier(otherOf(a)!, otherOf(b)!) ? -1 : earlier(otherOf(b)!, otherOf(a)!) ? 1 : 0));
  // The new article's side of a pair.
  const spans = (p: ReusePair) => p.passages.map((x) => (p.target === articleId ? [x.targetStart, x.targetEnd] : [x.sourceStart, x.sourceEnd]) as [number, number]);
  const dropped = new Set<ReusePair>();
  for (const p of copying) {
    const other = otherOf(p)!;
    const before = copying
      .filter((q) => q !== p && q.target === articleId && !dropped.has(q) && earlier(otherOf(q)!, other))
      .flatMap(spans);
    if (!before.length) continue;
    const own = spans(p);
    const mine = unionLength(own);
    // Covered part of this pair's spans: |own| + |before| - |own ∪ before|.
    const covered = mine + unionLength(before) - unionLength([...own, ...before]);
    if (mine > 0 && covered >= EXPLAINED_SHARE * mine) dropped.add(p);
  }
  return dropped.size ? pairs.filter((p) => !dropped.has(p)) : pairs;
}
