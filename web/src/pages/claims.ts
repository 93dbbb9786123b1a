// The claims ledger: each measured quantity as a chart over time, each claim with its source,
// side and independence, relations explained.
import type { ClaimGroup, ClaimRelation } from '../../../src/types.ts';
import type { ClaimView } from '../../../src/views/index.ts';
import { api } from '../api.ts';
import { claimChart } from '../components/chart.ts';
import { articleLink, empty, firstDay, h, num, plural, sideChip, when } from '../dom.ts';

interface ClaimsPage { items: ClaimView[]; total: number; groups: ClaimGroup[]; relations: ClaimRelation[] }

export const RELATION_HELP: [string, string][] = [
  ['conflict', 'sides give figures for the same thing that cannot both be true'],
  ['trend', 'later reports move the figure in one direction'],
  ['consistent', 'reports agree within rounding'],
  ['copy', 'the same figure in copied text: counted once, not as an independent report'],
];

const figure = (c: ClaimView) => `${c.approx ? '≈' : ''}${num(c.value)}${c.of ? ' of ' + num(c.of) : ''}`;

/** Which claims a relation joins: numbers of this table's rows, and a link for a claim measured
 * under another quantity (a conflict can set a share against a count). */
function relationRefs(r: ClaimRelation, ordered: ClaimView[], byId: Map<string, ClaimView>, quantityOf: Map<string, string>): HTMLElement {
  const here = r.claims.map((id) => ordered.findIndex((c) => c.id === id) + 1).filter((n) => n > 0);
  const elsewhere = r.claims.map((id) => byId.get(id)).filter((c): c is ClaimView => !!c && !ordered.some((o) => o.id === c.id));
  return h('small', {}, ` (${here.length ? `claim${here.length === 1 ? '' : 's'} ${here.join(', ')}` : ''}`,
    elsewhere.map((c, i) => [here.length || i ? ', ' : '', 'against ', articleLink(c.articleId, `${figure(c)} ${c.groupId ? `(${quantityOf.get(c.groupId) ?? c.quantity})` : ''} · ${c.claimant ?? c.outlet ?? '?'}`, c)]), ')');
}

export async function claimsPage(params: URLSearchParams): Promise<HTMLElement> {
  const data = await api.get<ClaimsPage>('/api/claims?limit=1000');
  const byId = new Map(data.items.map((c) => [c.id, c]));
  const only = params.get('group');
  const groups = data.groups
    .filter((g) => !only || g.id === only)
    .map((g) => ({ g, members: g.claims.map((id) => byId.get(id)).filter((c): c is ClaimView => !!c), rels: data.relations.filter((r) => r.groupId === g.id) }))
    .filter((x) => x.members.length)
    .sort((a, b) => Number(b.rels.some((r) => r.kind === 'conflict')) - Number(a.rels.some((r) => r.kind === 'conflict')) || b.members.length - a.members.length);
  const loose = only ? [] : data.items.filter((c) => !c.groupId);
  const quantityOf = new Map(data.groups.map((g) => [g.id, g.quantity]));
  return h('div', { class: 'page claims' },
    h('h1', {}, 'Claims ledger'),
    h('p', { class: 'lede' }, only ? h('a', { href: '#/claims' }, '← every quantity') : `${plural(data.total, 'claim')} about ${num(groups.length)} measured quantit${groups.length === 1 ? 'y' : 'ies'}. A report copied from another outlet does not count as independent.`),
    groups.length > 3 ? h('nav', { class: 'toc', 'aria-label': 'Quantities' }, h('ul', {}, groups.map(({ g, members, rels }) => h('li', {}, h('a', { href: `#/claims?group=${encodeURIComponent(g.id)}` }, g.quantity), ` (${members.length})`, rels.some((r) => r.kind === 'conflict') ? h('span', { class: 'badge conflict' }, 'conflict') : null)))) : null,
    h('details', { class: 'help' }, h('summary', {}, 'What the labels mean'), h('dl', {}, RELATION_HELP.map(([k, v]) => [h('dt', {}, h('span', { class: `badge ${k}` }, k)), h('dd', {}, v)]))),
    groups.length ? groups.map(({ g, members, rels }) => {
      const ordered = [...members].sort((a, b) => (firstDay(a.asOf) ?? '9999').localeCompare(firstDay(b.asOf) ?? '9999'));
      return h('section', { class: 'claim-group', id: `g-${g.id}` },
        h('h2', {}, g.quantity, ' ', h('small', {}, `${plural(members.length, 'claim')} · ${plural(g.independentReports, 'independent report')}`)),
        claimChart(ordered.map((c) => ({ date: c.asOf, value: c.value, side: c.side, label: `${figure(c)} · ${c.claimant ?? c.outlet ?? '?'} · as of ${when(c.asOf)}`, href: `#/article/${c.articleId}?hl=${c.start}-${c.end}` }))),
        h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'As of'), h('th', {}, 'Value'), h('th', {}, 'Claimant'), h('th', {}, 'Side'), h('th', {}, 'Outlet'), h('th', {}, 'Sentence'))),
          h('tbody', {}, ordered.map((c, i) => h('tr', { id: `c-${c.id}` }, h('td', {}, i + 1), h('td', {}, when(c.asOf)), h('td', { class: 'num' }, figure(c)), h('td', {}, c.claimant ?? '–'), h('td', {}, sideChip(c.side)), h('td', {}, c.outlet ?? '–'), h('td', {}, articleLink(c.articleId, c.text, c)))))),
        rels.length ? h('ul', { class: 'relations' }, rels.map((r) => h('li', {}, h('span', { class: `badge ${r.kind}`, title: RELATION_HELP.find(([k]) => k === r.kind)?.[1] ?? null }, r.kind), ' ', r.reason, relationRefs(r, ordered, byId, quantityOf)))) : null);
    })
      : empty(data.total ? 'No claim groups yet.' : 'No figures were extracted from these articles.'),
    loose.length ? h('details', {}, h('summary', {}, `${plural(loose.length, 'claim')} not grouped`), h('ul', {}, loose.map((c) => h('li', {}, `${c.quantity}: ${figure(c)} · ${c.claimant ?? c.outlet ?? '?'} · ${when(c.asOf)} `, articleLink(c.articleId, 'source sentence', c))))) : null,
  );
}
