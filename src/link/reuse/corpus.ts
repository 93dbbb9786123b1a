// Corpus views over reuse pairs: independent reports, families, per-article and per-outlet reuse.
import type { ReusePair } from '../../types.js';

/** Copying and near-duplicates make one report of several articles; a quotation shared by
 * independent reporters does not. */
export function isDependence(p: ReusePair): boolean {
  return p.kind === 'copied' || p.kind === 'near-duplicate';
}

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p === x) return x;
    p = this.find(p);
    this.parent.set(x, p);
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/** How many independent reports the given articles make: articles connected (directly or through
 * other listed articles) by copying or near-duplication count once. Shared quotation does not link. */
export function independentReports(articleIds: string[], pairs: ReusePair[]): number {
  const ids = new Set(articleIds);
  const uf = new UnionFind();
  for (const p of pairs) {
    if (!isDependence(p)) continue;
    const [a, b] = p.articles;
    if (ids.has(a) && ids.has(b)) uf.union(a, b);
  }
  return new Set([...ids].map((id) => uf.find(id))).size;
}

/** Connected components of articles linked by copying or near-duplication (families of two or
 * more), largest first. */
export function reuseFamilies(pairs: ReusePair[]): string[][] {
  const uf = new UnionFind();
  const all = new Set<string>();
  for (const p of pairs) {
    if (!isDependence(p)) continue;
    uf.union(p.articles[0], p.articles[1]);
    all.add(p.articles[0]).add(p.articles[1]);
  }
  const groups = new Map<string, string[]>();
  for (const id of all) {
    const r = uf.find(id);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(id);
  }
  return [...groups.values()].map((g) => g.sort()).sort((a, b) => b.length - a.length || a[0]!.localeCompare(b[0]!));
}

export interface ArticleReuse {
  articleId: string;
  /** Share of the article's body (characters) reused from earlier articles. */
  reusedShare: number;
  /** Per source article: the share of this article's body taken from it, largest first. */
  from: { articleId: string; share: number; kind: ReusePair['kind'] }[];
  /** Articles that took text from this one. */
  reusedBy: string[];
}

/** How much of an article is taken from earlier articles, and from whom. Shared quotation is not
 * counted as taken; undirected pairs are not either (no one is known to be first). */
export function articleReuse(articleId: string, textLength: number, pairs: ReusePair[]): ArticleReuse {
  const spans: [number, number][] = [];
  const from: ArticleReuse['from'] = [];
  const reusedBy: string[] = [];
  for (const p of pairs) {
    if (!isDependence(p)) continue;
    if (p.source === articleId && p.target) reusedBy.push(p.target);
    if (p.target !== articleId || !p.source) continue;
    const mine: [number, number][] = p.passages.map((x) => [x.targetStart, x.targetEnd]);
    spans.push(...mine);
    from.push({ articleId: p.source, share: round3(unionLength(mine) / Math.max(1, textLength)), kind: p.kind });
  }
  return {
    articleId,
    reusedShare: round3(Math.min(1, unionLength(spans) / Math.max(1, textLength))),
    from: from.sort((a, b) => b.share - a.share || a.articleId.localeCompare(b.articleId)),
    reusedBy: [...new Set(reusedBy)].sort(),
  };
}

export interface OutletArticle {
  id: string;
  outlet: string | null;
  textLength: number;
}

export interface OutletOriginality {
  outlet: string;
  articles: number;
  /** Share of the outlet's body text that is its own (not taken from other outlets' earlier articles). */
  originality: number;
  /** The outlet it takes most text from, with the characters taken. */
  copiesMost: { outlet: string; chars: number } | null;
}

/** Per-outlet originality. Text an outlet takes from its own earlier articles is still its own. */
export function outletOriginality(articles: OutletArticle[], pairs: ReusePair[]): OutletOriginality[] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const outletOf = (id: string) => byId.get(id)?.outlet ?? 'unknown';
  const perTarget = new Map<string, ReusePair[]>();
  for (const p of pairs) {
    if (!isDependence(p) || !p.source || !p.target || !byId.has(p.target)) continue;
    if (outletOf(p.source) === outletOf(p.target)) continue;
    (perTarget.get(p.target) ?? perTarget.set(p.target, []).get(p.target)!).push(p);
  }
  const stats = new Map<string, { articles: number; chars: number; taken: number; from: Map<string, number> }>();
  for (const a of articles) {
    const o = a.outlet ?? 'unknown';
    const s = stats.get(o) ?? stats.set(o, { articles: 0, chars: 0, taken: 0, from: new Map() }).get(o)!;
    s.articles++;
    s.chars += a.textLength;
    const ps = perTarget.get(a.id) ?? [];
    s.taken += Math.min(a.textLength, unionLength(ps.flatMap((p) => p.passages.map((x) => [x.targetStart, x.targetEnd] as [number, number]))));
    for (const p of ps) {
      const src = outletOf(p.source!);
      s.from.set(src, (s.from.get(src) ?? 0) + unionLength(p.passages.map((x) => [x.targetStart, x.targetEnd])));
    }
  }
  return [...stats.entries()]
    .map(([outlet, s]) => {
      const top = [...s.from.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
      return {
        outlet,
        articles: s.articles,
        originality: s.chars ? round3(Math.max(0, 1 - s.taken / s.chars)) : 1,
        copiesMost: top ? { outlet: top[0], chars: top[1] } : null,
      };
    })
    .sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet));
}

function unionLength(spans: [number, number][]): number {
  const s = [...spans].sort((a, b) => a[0] - b[0]);
  let n = 0;
  let end = -Infinity;
  for (const [a, b] of s) {
    if (b <= end) continue;
    n += b - Math.max(a, end);
    end = b;
  }
  return n;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** For the claims layer: the articles each article took text from (copying or near-duplicate,
 * directed pairs only). */
export function copiedFromLookup(pairs: ReusePair[]): (articleId: string) => string[] {
  const m = new Map<string, string[]>();
  for (const p of pairs) {
    if (!isDependence(p) || !p.source || !p.target) continue;
    (m.get(p.target) ?? m.set(p.target, []).get(p.target)!).push(p.source);
  }
  return (id) => m.get(id) ?? [];
}
