// Who is quoted, how often and where; a speaker's quotes, each linked to its sentence.
import type { QuoteView, Voice } from '../../../src/views/index.ts';
import { api, type Page } from '../api.ts';
import { empty, h, num, plural, when } from '../dom.ts';

export async function voicesPage(params: URLSearchParams): Promise<HTMLElement> {
  const speaker = params.get('speaker');
  const [voices, quotes] = await Promise.all([
    api.get<Page<Voice>>('/api/voices?limit=1000'),
    speaker ? api.get<Page<QuoteView>>(`/api/quotes?limit=1000&speaker=${encodeURIComponent(speaker)}`) : null,
  ]);
  // The longest quotations first would bury short ones said in several places; by date then place
  // in the text reads like the story unfolding.
  const list = quotes ? [...quotes.items].sort((a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.articleId.localeCompare(b.articleId) || a.start - b.start) : [];
  const section = quotes
    ? h('section', { id: 'speaker-quotes', 'aria-labelledby': 'h-speaker' }, h('h2', { id: 'h-speaker' }, `${speaker}: ${plural(quotes.total, 'quote')}`),
        list.length
          ? h('ul', { class: 'quote-list' }, list.map((q) => h('li', {},
              h('a', { href: `#/article/${q.articleId}?hl=${q.start}-${q.end}`, class: `quote-link ${q.kind}` }, q.kind === 'reported' ? q.text : `“${q.text}”`),
              h('small', {}, ` ${q.kind === 'direct' ? '' : q.kind + ' · '}${q.cue ? `${q.cue} · ` : ''}${q.outlet ?? 'unknown outlet'}, ${when(q.published, 'undated')}`))))
          : empty('No quotes found for this speaker.'))
    : null;
  return h('div', { class: 'page voices' },
    h('h1', {}, 'Voices'),
    h('p', { class: 'lede' }, voices.total ? `${plural(voices.total, 'speaker')} quoted. Choose one to read what they said, each quote linked to its sentence.` : ''),
    section,
    voices.items.length
      ? h('table', { class: 'voices-table' }, h('thead', {}, h('tr', {}, h('th', {}, 'Speaker'), h('th', { class: 'num' }, 'Quotes'), h('th', { class: 'num' }, 'Articles'), h('th', {}, 'Outlets'))),
          h('tbody', {}, voices.items.map((v) => h('tr', { class: v.speaker === speaker ? 'selected' : null },
            h('td', {}, h('a', { href: `#/voices?speaker=${encodeURIComponent(v.speaker)}`, 'aria-current': v.speaker === speaker ? 'true' : null }, v.speaker)),
            h('td', { class: 'num' }, num(v.quotes)), h('td', { class: 'num' }, num(v.articles.length)), h('td', {}, v.outlets.join(', '))))))
      : empty('Nobody is quoted yet: no quotes were extracted from these articles.'),
  );
}
