// One article: clean text with entities, quotes (speaker on hover or focus), claims and reused
// passages marked; what the cleaner set apart shown apart.
import type { Analysis, Article, ReusePair } from '../../../src/types.ts';
import type { ClaimView, QuoteView } from '../../../src/views/index.ts';
import { api } from '../api.ts';
import { day, h, shortId } from '../dom.ts';

type ArticleView = Omit<Article, 'offsets'> & { analysis: Analysis; reuse: ReusePair[]; quotes: QuoteView[]; claims: ClaimView[] };

interface Mark {
  start: number;
  end: number;
  cls: string;
  tip: string;
  id?: string;
}

function marks(a: ArticleView): Mark[] {
  const out: Mark[] = [];
  for (const m of a.analysis.mentions ?? []) if (!m.via || m.via === 'ner') out.push({ start: m.start, end: m.end, cls: `ent ent-${m.type.toLowerCase()}`, tip: `${m.type}${m.roles?.length ? ' · ' + m.roles.join(', ') : ''}` });
  for (const q of a.quotes) out.push({ start: q.start, end: q.end, cls: `quote quote-${q.kind}`, tip: `${q.kind} quote · speaker: ${q.speaker ?? 'unknown'}${q.cue ? ` · “${q.cue}”` : ''}`, id: `q-${q.start}` });
  for (const c of a.claims) out.push({ start: c.start, end: c.end, cls: 'claim', tip: `claim · ${c.quantity}: ${c.value}${c.of ? ' of ' + c.of : ''} · ${c.claimant ?? 'reporting outlet'} · as of ${c.asOf ?? '?'}` });
  for (const p of a.reuse) {
    const asTarget = p.target === a.id || (p.target === null && p.articles[1] === a.id);
    const other = asTarget ? (p.source ?? p.articles[0]) : (p.target ?? p.articles[1]);
    for (const ps of p.passages) {
      const [s, e] = asTarget ? [ps.targetStart, ps.targetEnd] : [ps.sourceStart, ps.sourceEnd];
      out.push({ start: s, end: e, cls: `reuse reuse-${p.kind}`, tip: `${p.kind} · ${asTarget ? 'from' : 'reused by'} ${shortId(other)}` });
    }
  }
  return out;
}

/** The text cut at every mark boundary; each piece carries the marks covering it. */
function renderText(text: string, ms: Mark[], hl: [number, number] | null): HTMLElement {
  const cuts = new Set([0, text.length]);
  for (const m of ms) (cuts.add(Math.max(0, m.start)), cuts.add(Math.min(text.length, m.end)));
  if (hl) (cuts.add(hl[0]), cuts.add(hl[1]));
  const points = [...cuts].sort((a, b) => a - b);
  const root = h('div', { class: 'article-text' });
  for (let i = 0; i < points.length - 1; i++) {
    const s = points[i]!;
    const e = points[i + 1]!;
    const active = ms.filter((m) => m.start <= s && m.end >= e);
    const isHl = hl && hl[0] <= s && hl[1] >= e;
    const piece = text.slice(s, e);
    if (!active.length && !isHl) {
      root.append(piece);
      continue;
    }
    const quote = active.find((m) => m.cls.startsWith('quote'));
    const starts = quote && quote.start === s;
    const tip = active.map((m) => m.tip).join('\n');
    root.append(h('span', {
      class: [...new Set(active.map((m) => m.cls)), isHl ? 'target' : ''].join(' ').trim(),
      title: tip || null,
      'data-tip': starts ? quote.tip : null,
      tabindex: starts ? 0 : null,
      id: starts ? quote.id : null,
      'data-start': s,
    }, piece));
  }
  return root;
}

export async function articlePage(id: string, params: URLSearchParams): Promise<HTMLElement> {
  const a = await api.get<ArticleView>(`/api/articles/${encodeURIComponent(id)}`);
  const hlm = /^(\d+)-(\d+)$/.exec(params.get('hl') ?? '');
  const hl: [number, number] | null = hlm ? [Number(hlm[1]), Number(hlm[2])] : null;
  const text = renderText(a.text, marks(a), hl);
  const page = h('div', { class: 'page article' },
    h('p', { class: 'meta' }, h('a', { href: '#/articles' }, '← Articles')),
    h('h1', {}, a.title ?? '(untitled)'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Outlet'), h('dd', {}, a.outlet ?? 'unknown', a.outletEvidence ? h('small', {}, ` (${a.outletEvidence})`) : null),
      h('dt', {}, 'Published'), h('dd', {}, day(a.published), h('small', {}, ` (${a.publishedEvidence.reason}; confidence ${a.publishedEvidence.confidence})`)),
      a.section ? [h('dt', {}, 'Section'), h('dd', {}, a.section)] : null,
      a.dateline ? [h('dt', {}, 'Dateline'), h('dd', {}, a.dateline)] : null,
      a.byline ? [h('dt', {}, 'Byline'), h('dd', {}, a.byline)] : null,
      h('dt', {}, 'Source'), h('dd', {}, a.url ? h('a', { href: a.url, rel: 'noopener noreferrer' }, a.url) : a.source)),
    h('p', { class: 'key' }, h('span', { class: 'quote' }, 'quote'), ' ', h('span', { class: 'claim' }, 'claim'), ' ', h('span', { class: 'reuse reuse-copied' }, 'reused text'), ' ', h('span', { class: 'ent ent-person' }, 'person'), ' ', h('span', { class: 'ent ent-org' }, 'organisation'), ' ', h('span', { class: 'ent ent-place' }, 'place')),
    text,
    a.quotes.length ? h('section', {}, h('h2', {}, 'Quotes'), h('ul', { class: 'quotes' }, a.quotes.map((q) => h('li', {}, h('a', { href: `#/article/${a.id}?hl=${q.start}-${q.end}` }, `“${q.text}”`), ' — ', h('strong', {}, q.speaker ?? 'unknown speaker'))))) : null,
    a.reuse.length ? h('section', {}, h('h2', {}, 'Reuse'), h('ul', {}, a.reuse.map((p) => h('li', {}, h('a', { href: `#/reuse/${encodeURIComponent(p.id)}` }, `${p.kind}: ${p.source === a.id ? 'reused by' : 'shares text with'} ${shortId(p.source === a.id ? (p.target ?? '') : (p.source ?? p.articles.find((x) => x !== a.id) ?? ''))}`), ` · ${Math.round(p.targetShare * 100)}% of the target · ${p.passages.length} passage${p.passages.length === 1 ? '' : 's'}`)))) : null,
    a.captions.length ? h('section', { class: 'apart' }, h('h2', {}, 'Captions'), h('ul', {}, a.captions.map((c) => h('li', {}, c)))) : null,
    a.subheadings.length ? h('section', { class: 'apart' }, h('h2', {}, 'Subheadings'), h('ul', {}, a.subheadings.map((c) => h('li', {}, c)))) : null,
    a.boilerplate.length ? h('section', { class: 'apart' }, h('h2', {}, 'Boilerplate (removed from the text)'), h('ul', {}, a.boilerplate.map((c) => h('li', {}, c)))) : null,
  );
  if (hl) queueMicrotask(() => page.querySelector('.target')?.scrollIntoView({ block: 'center' }));
  return page;
}

export async function reusePage(pairId: string): Promise<HTMLElement> {
  const pairs = await api.get<{ items: ReusePair[] }>(`/api/reuse?limit=1000`);
  const p = pairs.items.find((x) => x.id === pairId);
  if (!p) return h('p', { class: 'empty' }, `No reuse pair ${pairId}.`);
  const [leftId, rightId] = [p.source ?? p.articles[0], p.target ?? p.articles[1]];
  const [left, right] = await Promise.all([leftId, rightId].map((id) => api.get<ArticleView>(`/api/articles/${id}`)));
  const rows = [...p.passages].sort((a, b) => a.targetStart - b.targetStart);
  return h('div', { class: 'page reuse' },
    h('h1', {}, `${p.kind}: ${Math.round(p.similarity * 100)}% similar, ${Math.round(p.targetShare * 100)}% of the later text`),
    h('p', { class: 'meta' }, p.direction),
    h('table', { class: 'side-by-side' },
      h('thead', {}, h('tr', {}, h('th', {}, p.source ? 'Earlier: ' : '', h('a', { href: `#/article/${left!.id}` }, left!.title ?? leftId), ` (${left!.outlet ?? '?'}, ${day(left!.published)})`),
        h('th', {}, p.target ? 'Later: ' : '', h('a', { href: `#/article/${right!.id}` }, right!.title ?? rightId), ` (${right!.outlet ?? '?'}, ${day(right!.published)})`))),
      h('tbody', {}, rows.map((r) => h('tr', {},
        h('td', {}, h('a', { href: `#/article/${left!.id}?hl=${r.sourceStart}-${r.sourceEnd}` }, left!.text.slice(r.sourceStart, r.sourceEnd))),
        h('td', {}, h('a', { href: `#/article/${right!.id}?hl=${r.targetStart}-${r.targetEnd}` }, right!.text.slice(r.targetStart, r.targetEnd))))))),
  );
}
