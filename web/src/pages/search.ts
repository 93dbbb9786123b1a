import type { ArticleSummary, CanonicalEntity } from '../../../src/types.ts';
import type { QuoteView } from '../../../src/views/index.ts';
import { api } from '../api.ts';
import { articleLink, day, empty, h } from '../dom.ts';

export async function searchPage(params: URLSearchParams): Promise<HTMLElement> {
  const text = params.get('q') ?? '';
  if (!text.trim()) return h('div', { class: 'page' }, h('h1', {}, 'Search'), empty('Type words in the search box.'));
  const r = await api.get<{ articles: ArticleSummary[]; entities: CanonicalEntity[]; quotes: QuoteView[] }>(`/api/search?q=${encodeURIComponent(text)}`);
  return h('div', { class: 'page search' },
    h('h1', {}, `Search: ${text}`),
    h('section', {}, h('h2', {}, 'Articles'), r.articles.length ? h('ul', {}, r.articles.map((a) => h('li', {}, h('a', { href: `#/article/${a.id}` }, a.title ?? a.id), h('small', {}, ` ${a.outlet ?? ''} ${day(a.published)}`)))) : empty('No articles.')),
    h('section', {}, h('h2', {}, 'Entities'), r.entities.length ? h('ul', {}, r.entities.map((e) => h('li', {}, h('a', { href: `#/articles?entity=${encodeURIComponent(e.id)}` }, e.name), h('small', {}, ` ${e.type} · ${e.mentions} mentions`)))) : empty('No entities.')),
    h('section', {}, h('h2', {}, 'Quotes'), r.quotes.length ? h('ul', {}, r.quotes.map((q) => h('li', {}, `“${q.text}” — ${q.speaker ?? 'unknown'} `, articleLink(q.articleId, 'in context', q)))) : empty('No quotes.')),
  );
}
