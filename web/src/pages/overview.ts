// The story on one page: what conflicts, the latest figures, where and when, and who publishes.
import type { TimelineEvent } from '../../../src/types.ts';
import type { Overview } from '../../../src/views/overview.ts';
import type { ClaimView } from '../../../src/views/index.ts';
import { api } from '../api.ts';
import { placeMap } from '../components/map.ts';
import { timelineChart } from '../components/timeline.ts';
import { articleLink, empty, firstDay, h, num, plural, sideChip, sideColor, when } from '../dom.ts';

const figureText = (c: Pick<ClaimView, 'approx' | 'value' | 'of'>) => `${c.approx ? '≈' : ''}${num(c.value)}${c.of ? ` of ${num(c.of)}` : ''}`;
const RELATION_HELP: Record<string, string> = {
  conflict: 'sides give figures that cannot both be true',
  trend: 'later reports move the figure one way',
  consistent: 'reports agree within rounding',
  copy: 'the same figure in copied text: not independent',
};

function conflictCards(o: Overview): HTMLElement | null {
  if (!o.conflicts.length) return null;
  return h('ul', { class: 'cards conflicts' }, o.conflicts.map((c) => h('li', { class: 'card conflict' },
    h('h3', {}, h('a', { href: `#/claims?group=${encodeURIComponent(c.relation.groupId)}` }, c.claims[0]?.quantity ?? 'figures')),
    h('ul', { class: 'versions' }, c.claims.map((cl) => h('li', { style: `--side:${sideColor(cl.side)}` },
      h('span', { class: 'figure' }, figureText(cl)), ' ',
      sideChip(cl.side ?? cl.claimant), h('br'),
      h('small', {}, `${cl.claimant && cl.claimant !== cl.side ? cl.claimant + ', ' : ''}${when(cl.asOf)} · ${cl.outlet ?? 'unknown outlet'} · `), articleLink(cl.articleId, 'source sentence', cl)))),
    h('p', { class: 'reason' }, c.relation.reason))));
}

function figureCards(o: Overview): HTMLElement {
  if (!o.figures.length) return empty('No figures extracted yet.');
  return h('ul', { class: 'cards' }, o.figures.slice(0, 12).map((f) => {
    const l = f.latest;
    const kinds = [...new Set(f.relations.map((r) => r.kind))];
    return h('li', { class: `card${f.hasConflict ? ' conflict' : ''}` },
      h('h3', {}, h('a', { href: `#/claims?group=${encodeURIComponent(f.groupId)}` }, f.quantity)),
      h('p', { class: 'figure' }, figureText(l)),
      h('p', {}, `as of ${when(l.asOf)} · ${l.claimant ?? l.outlet ?? 'unknown'} `, l.side && l.side !== l.claimant ? sideChip(l.side) : null),
      h('p', { class: 'meta' }, `${plural(f.claims, 'claim')} · ${plural(f.independentReports, 'independent report')}`,
        kinds.length ? h('span', { class: 'badges' }, kinds.map((k) => h('span', { class: `badge ${k}`, title: RELATION_HELP[k] ?? null }, k))) : null),
      articleLink(l.articleId, 'source sentence', l));
  }));
}

/** Latest first, one heading per day; events dated after the newest article are announced or
 * expected, not past, and say so. */
function eventList(events: TimelineEvent[], newestArticle: string | null, sources: Overview['sources']): HTMLElement {
  const dated = events.filter((e) => firstDay(e.date)).sort((a, b) => firstDay(b.date)!.localeCompare(firstDay(a.date)!));
  if (!dated.length) return empty('No dated events yet.');
  const days = new Map<string, TimelineEvent[]>();
  for (const e of dated) {
    const key = e.granularity === 'day' || /^\d{4}-\d{2}-\d{2}$/.test(e.date!) ? e.date!.slice(0, 10) : e.date!;
    days.set(key, [...(days.get(key) ?? []), e]);
  }
  const item = (e: TimelineEvent) => {
    const src = e.sources[0];
    const meta = src ? sources[src.articleId] : undefined;
    return h('li', {},
      h('span', { class: `badge ${e.type}` }, e.type), ' ', e.summary, ' ',
      src ? articleLink(src.articleId, `${meta?.outlet ?? 'source'}${e.articles.length > 1 ? ` +${e.articles.length - 1}` : ''}`, src) : null);
  };
  const group = ([d, list]: [string, TimelineEvent[]]) => h('li', {},
    h('h3', {}, h('time', { datetime: d }, when(d)), newestArticle && firstDay(d)! > newestArticle ? h('span', { class: 'badge ahead', title: 'dated after the newest article: announced or expected' }, 'ahead') : null),
    h('ul', {}, list.map(item)));
  const all = [...days.entries()];
  // The latest dozen events in view; older days behind one click, so the map and outlets stay near.
  let cut = 0;
  for (let n = 0; cut < all.length && (cut < 1 || n + all[cut]![1].length <= 12); cut++) n += all[cut]![1].length;
  const firstDays = all.slice(0, cut);
  const rest = all.slice(cut);
  return h('div', {},
    h('ol', { class: 'days' }, firstDays.map(group)),
    rest.length ? h('details', {}, h('summary', {}, `${plural(rest.reduce((s, [, l]) => s + l.length, 0), 'earlier event')} on ${plural(rest.length, 'more date')}`), h('ol', { class: 'days' }, rest.map(group))) : null);
}

export async function overviewPage(): Promise<HTMLElement> {
  const o = await api.get<Overview>('/api/overview');
  const extracted = o.figures.length + o.timeline.length + o.places.length + o.voices.length + o.control.length > 0;
  const conflicts = conflictCards(o);
  return h('div', { class: 'page overview' },
    h('h1', {}, 'The story so far'),
    h('p', { class: 'lede' }, `${plural(o.articles, 'article')} from ${plural(o.outlets.length, 'outlet')}${o.dateRange.from ? `, ${when(o.dateRange.from)} to ${when(o.dateRange.to)}` : ''}. `,
      h('a', { href: '/api/brief?format=html', target: '_blank', rel: 'noopener', class: 'button small' }, 'Open the brief')),
    !o.articles
      ? h('div', { class: 'notice' }, h('p', {}, 'The store is empty. ', h('a', { href: '#/add' }, 'Add material'), ': paste an article, give a URL or upload files.'))
      : !extracted
        ? h('div', { class: 'notice' }, h('p', {}, `These ${plural(o.articles, 'article')} are stored without analysis: no quotes, figures, places or events were extracted (the store was filled with only some stages, such as `, h('code', {}, '--stages segments'), '). The article list and search work; run the full ingest to see the story.'),
            h('p', {}, h('a', { href: '#/articles', class: 'button small' }, 'Browse the articles')))
        : null,
    conflicts ? h('section', { 'aria-labelledby': 'h-conflicts' }, h('h2', { id: 'h-conflicts' }, 'Conflicting figures'), conflicts) : null,
    extracted ? h('section', { 'aria-labelledby': 'h-figures' }, h('h2', { id: 'h-figures' }, 'Latest figures ', h('a', { href: '#/claims', class: 'more' }, 'all claims →')), figureCards(o)) : null,
    h('div', { class: 'two' },
      h('section', { 'aria-labelledby': 'h-map', class: 'map-section' }, h('h2', { id: 'h-map' }, 'Map'), placeMap(o.places, o.control),
        o.places.length ? null : empty('No places found yet.'),
        o.control.length ? h('table', { class: 'control' }, h('caption', {}, 'Who holds what'), h('thead', {}, h('tr', {}, h('th', {}, 'Place'), h('th', {}, 'Holder'), h('th', {}, 'As of'), h('th', {}, 'According to'))),
          h('tbody', {}, o.control.map((c) => {
            const src = c.sources[0];
            const by = c.status === 'claimed' ? `${c.claimant ?? 'a party'} (claim)` : (src && o.sources[src.articleId]?.outlet) || 'reported';
            return h('tr', {},
              h('td', {}, src ? articleLink(src.articleId, c.place, src) : c.place),
              h('td', {}, sideChip(c.holder)),
              h('td', {}, when(c.asOf)),
              h('td', {}, src ? articleLink(src.articleId, by, src) : by, c.history.length ? h('small', {}, ` · before: ${c.history.map((x) => x.holder).join(', ')}`) : null));
          }))) : null),
      h('section', { 'aria-labelledby': 'h-timeline', class: 'timeline-section' }, h('h2', { id: 'h-timeline' }, 'Timeline'), timelineChart(o.timeline, o.volume),
        eventList(o.timeline, o.dateRange.to, o.sources))),
    h('section', { 'aria-labelledby': 'h-outlets' }, h('h2', { id: 'h-outlets' }, 'Outlets'),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Outlet'), h('th', {}, 'Articles'), h('th', {}, 'Own text'), h('th', {}, 'Copies most from'))),
        h('tbody', {}, o.outlets.slice(0, 50).map((x) => h('tr', {}, h('td', {}, h('a', { href: `#/articles?outlet=${encodeURIComponent(x.outlet)}` }, x.outlet)), h('td', {}, num(x.articles)), h('td', {}, `${Math.round(x.originality * 100)}%`), h('td', {}, x.copiesMost ? `${x.copiesMost.outlet} (${num(x.copiesMost.words)} words)` : '–'))))),
      o.outlets.length > 50 ? h('p', { class: 'meta' }, `and ${plural(o.outlets.length - 50, 'more outlet')}.`) : null),
  );
}
