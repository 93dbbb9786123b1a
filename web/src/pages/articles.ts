import type { ArticleSummary } from '../../../src/types.ts';
import { api, type Page } from '../api.ts';
import { day, empty, h, num, plural, shortId } from '../dom.ts';

export async function articlesPage(params: URLSearchParams): Promise<HTMLElement> {
  const qs = new URLSearchParams();
  for (const k of ['outlet', 'from', 'to', 'q', 'entity', 'offset']) if (params.get(k)) qs.set(k, params.get(k)!);
  qs.set('limit', '50');
  const page = await api.get<Page<ArticleSummary>>(`/api/articles?${qs}`);
  const offset = page.offset;
  const nav = (delta: number, label: string) => {
    const next = new URLSearchParams(qs);
    next.set('offset', String(Math.max(0, offset + delta)));
    return h('a', { href: `#/articles?${next}`, class: 'button' }, label);
  };
  return h('div', { class: 'page' },
    h('h1', {}, 'Articles'),
    h('form', { class: 'filters', onsubmit: ((e: Event) => {
      e.preventDefault();
      const f = new FormData(e.target as HTMLFormElement);
      const next = new URLSearchParams();
      for (const [k, v] of f) if (v) next.set(k, String(v));
      location.hash = `#/articles?${next}`;
    }) as EventListener },
      h('label', {}, 'Outlet ', h('input', { name: 'outlet', value: params.get('outlet') ?? '' })),
      h('label', {}, 'From ', h('input', { name: 'from', type: 'date', value: params.get('from') ?? '' })),
      h('label', {}, 'To ', h('input', { name: 'to', type: 'date', value: params.get('to') ?? '' })),
      h('label', {}, 'Words ', h('input', { name: 'q', type: 'search', value: params.get('q') ?? '' })),
      h('button', { type: 'submit' }, 'Filter')),
    h('p', { class: 'meta' }, page.total ? `${plural(page.total, 'article')}${page.total > page.items.length ? `, ${num(offset + 1)}–${num(offset + page.items.length)} shown` : ''}` : ''),
    page.items.length
      ? h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Published'), h('th', {}, 'Outlet'), h('th', {}, 'Title'), h('th', { class: 'num' }, 'Words'))),
          h('tbody', {}, page.items.map((a) => h('tr', {}, h('td', {}, day(a.published)), h('td', {}, a.outlet ?? '–'), h('td', {}, h('a', { href: `#/article/${a.id}` }, a.title ?? shortId(a.id))), h('td', { class: 'num' }, num(a.wordCount))))))
      : empty(params.toString() ? 'No articles match these filters.' : 'No articles yet: add some on the “Add material” page.'),
    h('p', { class: 'pager' }, offset > 0 ? nav(-50, '← Previous') : null, ' ', offset + page.items.length < page.total ? nav(50, 'Next →') : null),
  );
}
