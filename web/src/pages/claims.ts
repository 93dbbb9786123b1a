// The claims ledger: each measured quantity as a chart over time, each claim with its source,
// side and independence, relations explained.
import type { ClaimGroup, ClaimRelation } from '../../../src/types.ts';
import type { ClaimView } from '../../../src/views/index.ts';
import { api } from '../api.ts';
import { claimChart } from '../components/chart.ts';
import { articleLink, empty, h, plural } from '../dom.ts';

interface ClaimsPage { items: ClaimView[]; total: number; groups: ClaimGroup[]; relations: ClaimRelation[] }

export async function claimsPage(params: URLSearchParams): Promise<HTMLElement> {
  const data = await api.get<ClaimsPage>('/api/claims?limit=1000');
  const byId = new Map(data.items.map((c) => [c.id, c]));
  const only = params.get('group');
  const groups = data.groups
    .filter((g) => !only || g.id === only)
    .map((g) => ({ g, members: g.claims.map((id) => byId.get(id)).filter((c): c is ClaimView => !!c), rels: data.relations.filter((r) => r.groupId === g.id) }))
    .filter((x) => x.members.length)
    .sort((a, b) => Number(b.rels.some((r) => r.kind === 'conflict')) - Number(a.rels.some((r) => r.kind === 'conflict')) || b.members.length - a.members.length);
  const loose = data.items.filter((c) => !c.groupId);
  return h('div', { class: 'page claims' },
    h('h1', {}, 'Claims ledger'),
    h('p', { class: 'lede' }, `${plural(data.total, 'claim')} in ${plural(groups.length, 'group')}. Copied reports do not count as independent.`),
    groups.length ? groups.map(({ g, members, rels }) => h('section', { class: 'claim-group', id: `g-${g.id}` },
      h('h2', {}, g.quantity, ' ', h('small', {}, `${plural(members.length, 'claim')} · ${plural(g.independentReports, 'independent report')}`)),
      claimChart(members.map((c) => ({ date: c.asOf, value: c.value, side: c.side, label: `${c.approx ? '≈' : ''}${c.value}${c.of ? ' of ' + c.of : ''} · ${c.claimant ?? c.outlet ?? '?'} · as of ${c.asOf ?? '?'}`, href: `#/article/${c.articleId}?hl=${c.start}-${c.end}` }))),
      h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'As of'), h('th', {}, 'Value'), h('th', {}, 'Claimant'), h('th', {}, 'Side'), h('th', {}, 'Outlet'), h('th', {}, 'Text'))),
        h('tbody', {}, members.map((c) => h('tr', {}, h('td', {}, c.asOf ?? '?'), h('td', {}, `${c.approx ? '≈' : ''}${c.value}${c.of ? ' of ' + c.of : ''}`), h('td', {}, c.claimant ?? '–'), h('td', {}, c.side ?? '–'), h('td', {}, c.outlet ?? '–'), h('td', {}, articleLink(c.articleId, c.text, c)))))),
      rels.length ? h('ul', { class: 'relations' }, rels.map((r) => h('li', {}, h('span', { class: `badge ${r.kind}` }, r.kind), ' ', r.reason))) : null))
      : empty('No claim groups yet.'),
    loose.length ? h('details', {}, h('summary', {}, `${plural(loose.length, 'claim')} not grouped`), h('ul', {}, loose.map((c) => h('li', {}, `${c.quantity}: ${c.value}${c.of ? ' of ' + c.of : ''} · ${c.claimant ?? c.outlet ?? '?'} `, articleLink(c.articleId, 'source', c))))) : null,
  );
}
