import type { Overview } from '../../../src/views/overview.ts';
import { api } from '../api.ts';
import { placeMap } from '../components/map.ts';
import { timelineChart } from '../components/timeline.ts';
import { articleLink, day, empty, h, plural } from '../dom.ts';

export async function overviewPage(): Promise<HTMLElement> {
  const o = await api.get<Overview>('/api/overview');
  const figures = o.figures.length
    ? h('ul', { class: 'cards' }, o.figures.slice(0, 12).map((f) => {
        const l = f.latest;
        return h('li', { class: `card${f.hasConflict ? ' conflict' : ''}` },
          h('h3', {}, h('a', { href: `#/claims?group=${encodeURIComponent(f.groupId)}` }, f.quantity)),
          h('p', { class: 'figure' }, `${l.approx ? '≈' : ''}${l.value}${l.of ? ` of ${l.of}` : ''}`),
          h('p', {}, `as of ${l.asOf ?? 'unknown'} · ${l.claimant ?? l.outlet ?? 'unknown'}${l.side ? ` (${l.side})` : ''}`),
          h('p', { class: 'meta' }, `${plural(f.claims, 'claim')} · ${plural(f.independentReports, 'independent report')}`,
            f.relations.length ? h('span', { class: 'badges' }, [...new Set(f.relations.map((r) => r.kind))].map((k) => h('span', { class: `badge ${k}` }, k))) : null),
          articleLink(l.articleId, 'source sentence', l));
      }))
    : empty('No figures extracted yet.');
  const conflicts = o.conflicts.length
    ? h('ul', { class: 'conflicts' }, o.conflicts.map((c) => h('li', {}, h('strong', {}, c.relation.reason), h('ul', {}, c.claims.map((cl) => h('li', {}, `${cl.value}${cl.of ? ' of ' + cl.of : ''} · ${cl.claimant ?? cl.outlet ?? '?'}${cl.side ? ` (${cl.side})` : ''} · ${cl.asOf ?? '?'} `, articleLink(cl.articleId, 'source', cl)))))))
    : null;
  return h('div', { class: 'page overview' },
    h('h1', {}, 'The story so far'),
    h('p', { class: 'lede' }, `${plural(o.articles, 'article')} from ${plural(o.outlets.length, 'outlet')}${o.dateRange.from ? `, ${o.dateRange.from} to ${o.dateRange.to}` : ''}.`),
    conflicts ? h('section', { 'aria-labelledby': 'h-conflicts' }, h('h2', { id: 'h-conflicts' }, 'Conflicts'), conflicts) : null,
    h('section', { 'aria-labelledby': 'h-figures' }, h('h2', { id: 'h-figures' }, 'Latest figures'), figures),
    h('div', { class: 'two' },
      h('section', { 'aria-labelledby': 'h-map', class: 'map-section' }, h('h2', { id: 'h-map' }, 'Map'), placeMap(o.places, o.control),
        o.control.length ? h('table', { class: 'control' }, h('caption', {}, 'Who holds what'), h('thead', {}, h('tr', {}, h('th', {}, 'Place'), h('th', {}, 'Holder'), h('th', {}, 'As of'), h('th', {}, 'According to'))),
          h('tbody', {}, o.control.map((c) => h('tr', {}, h('td', {}, c.place), h('td', {}, c.holder), h('td', {}, c.asOf ?? '?'), h('td', {}, c.status === 'claimed' ? `${c.claimant ?? 'a party'} (claimed)` : 'reported', ' ', c.sources[0] ? articleLink(c.sources[0].articleId, 'source', c.sources[0]) : null))))) : null),
      h('section', { 'aria-labelledby': 'h-timeline', class: 'timeline-section' }, h('h2', { id: 'h-timeline' }, 'Timeline'), timelineChart(o.timeline, o.volume),
        h('ol', { class: 'events' }, o.timeline.filter((e) => e.date).slice(-15).reverse().map((e) => h('li', {}, h('time', {}, day(e.date)), ' ', h('span', { class: `badge ${e.type}` }, e.type), ' ', e.summary, ' ', e.sources[0] ? articleLink(e.sources[0].articleId, `(${plural(e.articles.length, 'source')})`, e.sources[0]) : null))))),
    h('section', { 'aria-labelledby': 'h-outlets' }, h('h2', { id: 'h-outlets' }, 'Outlets'),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Outlet'), h('th', {}, 'Articles'), h('th', {}, 'Own text'), h('th', {}, 'Copies most from'))),
        h('tbody', {}, o.outlets.map((x) => h('tr', {}, h('td', {}, h('a', { href: `#/articles?outlet=${encodeURIComponent(x.outlet)}` }, x.outlet)), h('td', {}, x.articles), h('td', {}, `${Math.round(x.originality * 100)}%`), h('td', {}, x.copiesMost?.outlet ?? '–')))))),
  );
}
