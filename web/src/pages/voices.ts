import type { QuoteView, Voice } from '../../../src/views/index.ts';
import { api, type Page } from '../api.ts';
import { articleLink, day, empty, h, plural } from '../dom.ts';

export async function voicesPage(params: URLSearchParams): Promise<HTMLElement> {
  const speaker = params.get('speaker');
  const voices = await api.get<Page<Voice>>('/api/voices?limit=1000');
  const quotes = speaker ? await api.get<Page<QuoteView>>(`/api/quotes?limit=1000&speaker=${encodeURIComponent(speaker)}`) : null;
  return h('div', { class: 'page voices' },
    h('h1', {}, 'Voices'),
    voices.items.length
      ? h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Speaker'), h('th', {}, 'Quotes'), h('th', {}, 'Articles'), h('th', {}, 'Outlets'))),
          h('tbody', {}, voices.items.map((v) => h('tr', { class: v.speaker === speaker ? 'selected' : null }, h('td', {}, h('a', { href: `#/voices?speaker=${encodeURIComponent(v.speaker)}` }, v.speaker)), h('td', {}, v.quotes), h('td', {}, v.articles.length), h('td', {}, v.outlets.join(', '))))))
      : empty('Nobody quoted yet.'),
    quotes ? h('section', {}, h('h2', {}, `${speaker}: ${plural(quotes.total, 'quote')}`),
      h('ul', { class: 'quotes' }, quotes.items.map((q) => h('li', {}, `“${q.text}” `, h('small', {}, `${q.outlet ?? '?'}, ${day(q.published)} `), articleLink(q.articleId, 'in context', q))))) : null,
  );
}
