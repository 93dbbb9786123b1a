import type { ArticleSummary, CanonicalEntity } from '../../../src/types.ts';
import type { QuoteView } from '../../../src/views/index.ts';
import { api } from '../api.ts';
import { empty, h, plural, when } from '../dom.ts';

export async function searchPage(params: URLSearchParams): Promise<HTMLElement> {
  const text = params.get('q') ?? '';
  if (!text.trim()) return h('div', { class: 'page' }, h('h1', {}, 'Search'), empty('Type words in the search box.'));
  const r = await api.get<{ articles: ArticleSummary[]; entities: CanonicalEntity[]; quotes: QuoteView[] }>(`/api/search?q=${encodeURIComponent(text)}`);
  return h('div', { class: 'page search' },
    h('h1', {}, `Search: ${text}`),
    h('section', { class: 'search-articles' }, h('h2', {}, 'Articles'), r.articles.length ? h('ul', {}, r.articles.map((a) => h('li', {}, h('a', { href: `#/article/${a.id}` }, a.title ?? a.id), h('small', {}, ` ${a.outlet ?? 'unknown outlet'}, ${when(a.published, 'undated')}`)))) : empty('No articles.')),
    h('section', { class: 'search-entities' }, h('h2', {}, 'People, organisations and places'), r.entities.length ? h('ul', {}, r.entities.map((e) => h('li', {}, h('a', { href: `#/articles?entity=${encodeURIComponent(e.id)}` }, e.name), h('small', {}, ` ${e.type.toLowerCase()} · ${plural(e.mentions, 'mention')} in ${plural(e.articles.length, 'article')}${e.aliases.length > 1 ? ` · also ${e.aliases.filter((x) => x !== e.name).slice(0, 3).join(', ')}` : ''}`)))) : empty('No entities.')),
    h('section', { class: 'search-quotes' }, h('h2', {}, 'Quotes'), r.quotes.length ? h('ul', {}, r.quotes.map((q) => h('li', {}, h('a', { href: `#/article/${q.articleId}?hl=${q.start}-${q.end}`, class: 'quote-link' }, `“${q.text}”`), ' — ', q.speaker ? h('a', { href: `#/voices?speaker=${encodeURIComponent(q.speaker)}` }, q.speaker) : 'unknown speaker'))) : empty('No quotes.')),
  );
}
