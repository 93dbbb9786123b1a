// One article: clean text with entities, quotes (speaker on hover or focus), claims and reused
// passages marked; what the cleaner set apart shown apart.
import type { Analysis, Article, ReusePair } from '../../../src/types.ts';
import type { ClaimView, QuoteView } from '../../../src/views/index.ts';
import { api } from '../api.ts';
import { articleLink, h, num, plural, shortId, when } from '../dom.ts';

export type ArticleView = Omit<Article, 'offsets'> & { analysis: Analysis; reuse: ReusePair[]; quotes: QuoteView[]; claims: ClaimView[] };

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

const LAYERS: [string, string, string][] = [
  ['quote', 'quote', 'quotes (focus or hover shows the speaker)'],
  ['claim', 'claim', 'figures (claims)'],
  ['reuse', 'reuse reuse-copied', 'text shared with another article'],
  ['ent-person', 'ent ent-person', 'person'],
  ['ent-org', 'ent ent-org', 'organisation'],
  ['ent-place', 'ent ent-place', 'place'],
];

/** The key doubles as a switch for each kind of mark: a dense article is readable one layer at a time. */
function legend(text: HTMLElement): HTMLElement {
  return h('fieldset', { class: 'legend-toggles' }, h('legend', {}, 'Marks'),
    LAYERS.map(([layer, cls, label]) => {
      const box = h('input', { type: 'checkbox', checked: true, 'data-layer': layer }) as HTMLInputElement;
      box.addEventListener('change', () => text.classList.toggle(`hide-${layer}`, !box.checked));
      return h('label', {}, box, ' ', h('span', { class: cls }, label));
    }));
}

type Other = { id: string; title: string | null; outlet: string | null; published: string | null };

export async function articlePage(id: string, params: URLSearchParams): Promise<HTMLElement> {
  const a = await api.get<ArticleView>(`/api/articles/${encodeURIComponent(id)}`);
  const hlm = /^(\d+)-(\d+)$/.exec(params.get('hl') ?? '');
  const hl: [number, number] | null = hlm ? [Number(hlm[1]), Number(hlm[2])] : null;
  const text = renderText(a.text, marks(a), hl);
  const otherId = (p: ReusePair) => (p.source === a.id ? (p.target ?? p.articles.find((x) => x !== a.id)!) : (p.source ?? p.articles.find((x) => x !== a.id)!));
  // Names of the articles this one shares text with: a handful of small reads, never the whole list.
  const others = new Map<string, Other>((await Promise.all(a.reuse.slice(0, 12).map((p) => api.get<Other>(`/api/articles/${encodeURIComponent(otherId(p))}`).catch(() => null))))
    .filter((x): x is Other => !!x).map((x) => [x.id, x]));
  const name = (oid: string) => {
    const o = others.get(oid);
    return o ? `${o.outlet ?? 'unknown outlet'}, ${when(o.published, 'undated')}: “${o.title ?? shortId(oid)}”` : shortId(oid);
  };
  const page = h('div', { class: 'page article' },
    h('p', { class: 'meta' }, h('a', { href: '#/articles' }, '← Articles')),
    h('h1', {}, a.title ?? '(untitled)'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Outlet'), h('dd', {}, a.outlet ?? 'unknown', a.outletEvidence ? h('small', {}, ` (${a.outletEvidence})`) : null),
      h('dt', {}, 'Published'), h('dd', {}, when(a.published, 'undated'), h('small', {}, ` (${a.publishedEvidence.reason}; confidence ${a.publishedEvidence.confidence})`)),
      a.section ? [h('dt', {}, 'Section'), h('dd', {}, a.section)] : null,
      a.dateline ? [h('dt', {}, 'Dateline'), h('dd', {}, a.dateline)] : null,
      a.byline ? [h('dt', {}, 'Byline'), h('dd', {}, a.byline)] : null,
      h('dt', {}, 'Words'), h('dd', {}, num(a.wordCount)),
      h('dt', {}, 'Source'), h('dd', {}, a.url ? h('a', { href: a.url, rel: 'noopener noreferrer' }, a.url) : a.source)),
    legend(text),
    text,
    a.reuse.length ? h('section', {}, h('h2', {}, 'Text shared with other articles'), h('ul', { class: 'reuse-list' }, a.reuse.map((p) => {
      const oid = otherId(p);
      const role = p.kind === 'shared-quotation' ? 'quotes the same words as' : p.source === a.id ? 'reused by' : p.target === a.id ? 'reuses text from' : 'shares text with';
      return h('li', {}, h('a', { href: `#/reuse/${encodeURIComponent(p.id)}?a=${a.id}` }, `${role} ${name(oid)}`), h('small', {}, ` · ${plural(p.passages.length, 'passage')} · ${Math.round(p.targetShare * 100)}% of the ${p.source ? 'later' : 'second'} text · side by side →`));
    }))) : null,
    a.quotes.length ? h('section', {}, h('h2', {}, 'Quotes'), h('ul', { class: 'quotes' }, a.quotes.map((q) => h('li', {}, h('a', { href: `#/article/${a.id}?hl=${q.start}-${q.end}` }, `“${q.text}”`), ' — ', q.speaker ? h('a', { href: `#/voices?speaker=${encodeURIComponent(q.speaker)}` }, h('strong', {}, q.speaker)) : h('strong', {}, 'unknown speaker'))))) : null,
    a.claims.length ? h('section', {}, h('h2', {}, 'Figures'), h('ul', {}, a.claims.map((c) => h('li', {}, articleLink(a.id, `${c.quantity}: ${c.approx ? '≈' : ''}${num(c.value)}${c.of ? ' of ' + num(c.of) : ''}`, c), h('small', {}, ` · ${c.claimant ?? 'the outlet'}${c.side && c.side !== c.claimant ? ` (${c.side})` : ''} · as of ${when(c.asOf)}`), c.groupId ? [' ', h('a', { href: `#/claims?group=${encodeURIComponent(c.groupId)}`, class: 'more' }, 'compare →')] : null)))) : null,
    a.captions.length ? h('section', { class: 'apart' }, h('h2', {}, 'Captions'), h('ul', {}, a.captions.map((c) => h('li', {}, c)))) : null,
    a.subheadings.length ? h('section', { class: 'apart' }, h('h2', {}, 'Subheadings'), h('ul', {}, a.subheadings.map((c) => h('li', {}, c)))) : null,
    a.boilerplate.length ? h('section', { class: 'apart' }, h('h2', {}, 'Boilerplate (removed from the text)'), h('ul', {}, a.boilerplate.map((c) => h('li', {}, c)))) : null,
  );
  if (hl) queueMicrotask(() => page.querySelector('.target')?.scrollIntoView({ block: 'center' }));
  return page;
}
