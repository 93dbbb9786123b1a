// Quote groups across articles: the same words reported by several outlets. Quotes are compared on
// normalised word shingles; a short partial quote contained in a longer one joins its group.
// How many independent reports a group has is the reuse layer's call (copied articles count once,
// a quotation shared by independent reporters does not collapse them).
import { createHash } from 'node:crypto';
import type { Quote, QuoteGroup, SpanRef } from '../../types.js';
import { foldKey } from '../../text/normalize.js';

export interface QuoteInput {
  articleId: string;
  quote: Quote;
  outlet: string | null;
  published: string | null;
}

export interface GroupOptions {
  /** Shingle size in words. */
  shingle?: number;
  /** Jaccard similarity at or above which two quotes are the same wording. */
  nearDuplicate?: number;
  /** Share of the shorter quote's shingles found in the longer one for containment. */
  containment?: number;
}

/** Words of a quote for matching: folded case, diacritics and quote marks, punctuation dropped. */
export function quoteWords(text: string): string[] {
  return foldKey(text)
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/[^\p{L}\p{N}\s'-]+/gu, ' ')
    .replace(/['-]/g, '')
    .split(/\s+/)
    .filter(Boolean);
}

function shingles(words: string[], k: number): Set<string> {
  const out = new Set<string>();
  if (words.length < k) {
    if (words.length) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + k <= words.length; i++) out.add(words.slice(i, i + k).join(' '));
  return out;
}

function contains(longer: string[], shorter: string[]): boolean {
  return (' ' + longer.join(' ') + ' ').includes(' ' + shorter.join(' ') + ' ');
}

const everyIndependent = (ids: string[]) => new Set(ids).size;

/** Group quotes across articles. Pure: the same input gives the same groups and ids. */
export function groupQuotes(
  quotes: QuoteInput[],
  independence: (articleIds: string[]) => number = everyIndependent,
  opts: GroupOptions = {},
): QuoteGroup[] {
  const k = opts.shingle ?? 3;
  const near = opts.nearDuplicate ?? 0.6;
  const cont = opts.containment ?? 0.8;
  const items = quotes
    .map((q) => {
      const words = quoteWords(q.quote.text);
      return { q, words, sh: shingles(words, k) };
    })
    .filter((x) => x.words.length > 0);
  // Longest first, so a group forms around its fullest wording.
  const order = items.map((_, i) => i).sort((a, b) => items[b]!.words.length - items[a]!.words.length || cmpInput(items[a]!.q, items[b]!.q));
  const parent = items.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const index = new Map<string, number[]>();
  for (const i of order) {
    const it = items[i]!;
    const seen = new Map<number, number>();
    for (const s of it.sh) for (const j of index.get(s) ?? []) seen.set(j, (seen.get(j) ?? 0) + 1);
    for (const [j, shared] of seen) {
      const other = items[j]!;
      const same = speakersCompatible(it.q.quote.speaker, other.q.quote.speaker);
      if (!same) continue;
      const union = it.sh.size + other.sh.size - shared;
      const jac = shared / union;
      const shorter = Math.min(it.sh.size, other.sh.size);
      const inside = (it.words.length <= other.words.length ? contains(other.words, it.words) : contains(it.words, other.words)) || shared / shorter >= cont;
      if (jac >= near || inside) parent[find(i)] = find(j);
    }
    // Very short quotes (fewer words than a shingle) match only by containment.
    if (it.words.length < k) {
      for (const j of order) {
        if (j === i || items[j]!.words.length < it.words.length) continue;
        if (speakersCompatible(it.q.quote.speaker, items[j]!.q.quote.speaker) && contains(items[j]!.words, it.words)) parent[find(i)] = find(j);
      }
    }
    for (const s of it.sh) {
      const list = index.get(s) ?? [];
      list.push(i);
      index.set(s, list);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < items.length; i++) {
    const r = find(i);
    const list = groups.get(r) ?? [];
    list.push(i);
    groups.set(r, list);
  }
  const out: QuoteGroup[] = [];
  for (const members of groups.values()) {
    const ms = members.map((i) => items[i]!).sort((a, b) => cmpInput(a.q, b.q));
    const longest = [...ms].sort((a, b) => b.words.length - a.words.length || cmpInput(a.q, b.q))[0]!;
    const speakers = new Map<string, number>();
    for (const m of ms) if (m.q.quote.speaker) speakers.set(m.q.quote.speaker, (speakers.get(m.q.quote.speaker) ?? 0) + 1);
    const speaker = [...speakers.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
    const spans: SpanRef[] = ms.map((m) => ({ articleId: m.q.articleId, start: m.q.quote.start, end: m.q.quote.end }));
    const articles = [...new Set(ms.map((m) => m.q.articleId))].sort();
    const outlets = [...new Set(ms.map((m) => m.q.outlet).filter((o): o is string => !!o))].sort();
    const dated = ms.filter((m) => m.q.published).sort((a, b) => a.q.published!.localeCompare(b.q.published!) || a.q.articleId.localeCompare(b.q.articleId));
    const first = dated[0] ?? ms[0]!;
    const id = 'qg_' + createHash('sha1').update(spans.map((s) => `${s.articleId}:${s.start}:${s.end}`).join('|')).digest('hex').slice(0, 12);
    out.push({
      id,
      text: longest.q.quote.text.replace(/\s+/g, ' ').trim(),
      speaker,
      quotes: spans,
      articles,
      outlets,
      earliest: { articleId: first.q.articleId, published: first.q.published },
      independentReports: independence(articles),
    });
  }
  return out.sort((a, b) => b.articles.length - a.articles.length || a.id.localeCompare(b.id));
}

function cmpInput(a: QuoteInput, b: QuoteInput): number {
  return a.articleId.localeCompare(b.articleId) || a.quote.start - b.quote.start;
}

/** Two quotes can share a group unless both have known, different speakers. */
function speakersCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const fa = foldKey(a);
  const fb = foldKey(b);
  if (fa === fb) return true;
  // "Varn" and "Ilse Varn": one name ends the other.
  return fa.endsWith(' ' + fb) || fb.endsWith(' ' + fa);
}
