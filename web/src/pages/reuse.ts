// Reuse side by side: the earlier article's passage beside the later one's, row by row, the
// shared words tinted and the words one side changed marked, so that an edit shows at a glance.
import type { ReusePair } from '../../../src/types.ts';
import { api, type Page } from '../api.ts';
import { h, plural, when } from '../dom.ts';
import type { ArticleView } from './article.ts';

type Piece = { text: string; same: boolean };

/** Word-level alignment of two passages (longest common subsequence over words; whitespace goes
 * with the word before it). Long passages fall back to "all shared": the table stays readable. */
export function wordDiff(a: string, b: string): [Piece[], Piece[]] {
  const wa = a.match(/\S+\s*|\s+/g) ?? [];
  const wb = b.match(/\S+\s*|\s+/g) ?? [];
  if (wa.length * wb.length > 4_000_000) return [[{ text: a, same: true }], [{ text: b, same: true }]];
  const key = (w: string) => w.trim().toLowerCase().replace(/[“”"'‘’]/g, '"');
  const ka = wa.map(key);
  const kb = wb.map(key);
  const n = wa.length;
  const m = wb.length;
  const L = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i * (m + 1) + j] = ka[i] === kb[j] ? L[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(L[(i + 1) * (m + 1) + j]!, L[i * (m + 1) + j + 1]!);
  const left: Piece[] = [];
  const right: Piece[] = [];
  const push = (list: Piece[], text: string, same: boolean) => {
    const last = list.at(-1);
    if (last && last.same === same) last.text += text;
    else list.push({ text, same });
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && ka[i] === kb[j]) (push(left, wa[i++]!, true), push(right, wb[j++]!, true));
    else if (j < m && (i >= n || L[i * (m + 1) + j + 1]! >= L[(i + 1) * (m + 1) + j]!)) push(right, wb[j++]!, false);
    else push(left, wa[i++]!, false);
  }
  return [left, right];
}

const render = (pieces: Piece[], changedTag: 'del' | 'ins') => pieces.map((p) => (p.same ? h('mark', { class: 'shared' }, p.text) : h(changedTag, {}, p.text)));
const words = (s: string) => (s.match(/\S+/g) ?? []).length;

async function findPair(pairId: string, article: string | null): Promise<ReusePair | undefined> {
  if (article) {
    const r = await api.get<Page<ReusePair>>(`/api/reuse?limit=1000&article=${encodeURIComponent(article)}`);
    const p = r.items.find((x) => x.id === pairId);
    if (p) return p;
  }
  for (let offset = 0; ; offset += 1000) {
    const r = await api.get<Page<ReusePair>>(`/api/reuse?limit=1000&offset=${offset}`);
    const p = r.items.find((x) => x.id === pairId);
    if (p || offset + r.items.length >= r.total) return p;
  }
}

export async function reusePage(pairId: string, params: URLSearchParams): Promise<HTMLElement> {
  const p = await findPair(pairId, params.get('a'));
  if (!p) return h('div', { class: 'page' }, h('h1', {}, 'Reused text'), h('p', { class: 'empty' }, `No reuse pair “${pairId}” in this store.`));
  const directed = !!(p.source && p.target);
  const [leftId, rightId] = [p.source ?? p.articles[0], p.target ?? p.articles[1]];
  const [left, right] = await Promise.all([leftId, rightId].map((id) => api.get<ArticleView>(`/api/articles/${encodeURIComponent(id)}`)));
  const L = left!;
  const R = right!;
  // A passage whose offsets run past either text cannot be shown truthfully: it is left out and
  // counted, rather than drawn as an empty row.
  const fits = (r: ReusePair['passages'][number]) => r.sourceEnd <= L.text.length && r.targetEnd <= R.text.length && r.sourceStart < r.sourceEnd && r.targetStart < r.targetEnd;
  const rows = p.passages.filter(fits).sort((a, b) => a.targetStart - b.targetStart);
  const broken = p.passages.length - rows.length;
  const head = (a: ArticleView, role: string) => h('div', { class: 'col-head' },
    h('span', { class: 'role' }, role), ' ',
    h('a', { href: `#/article/${a.id}` }, a.title ?? a.id), h('br'),
    h('small', {}, `${a.outlet ?? 'unknown outlet'} · ${when(a.published, 'undated')}`));
  const shared = rows.reduce((s, r) => s + words(R.text.slice(r.targetStart, r.targetEnd)), 0);
  let prevL = -1;
  let prevR = 0;
  const body: HTMLElement[] = [];
  for (const [k, r] of rows.entries()) {
    // What lies between two reused passages: said so, not shown, so that the rows stay aligned.
    const gapL = prevL >= 0 && r.sourceStart > prevL ? words(L.text.slice(prevL, r.sourceStart)) : 0;
    const gapR = r.targetStart > prevR ? words(R.text.slice(prevR, r.targetStart)) : 0;
    if (k > 0 && (gapL || gapR)) body.push(h('div', { class: 'reuse-gap', role: 'row' }, h('div', { role: 'cell' }, gapL ? `… ${plural(gapL, 'word')} not reused …` : ''), h('div', { role: 'cell' }, gapR ? `… ${plural(gapR, 'word')} of its own …` : '')));
    prevL = r.sourceEnd;
    prevR = r.targetEnd;
    const [a, b] = wordDiff(L.text.slice(r.sourceStart, r.sourceEnd), R.text.slice(r.targetStart, r.targetEnd));
    body.push(h('div', { class: 'reuse-row', role: 'row' },
      h('div', { class: 'src-cell', role: 'cell' }, h('span', { class: 'col-label' }, directed ? 'Earlier' : 'First'), h('p', {}, render(a, 'del')), h('a', { href: `#/article/${L.id}?hl=${r.sourceStart}-${r.sourceEnd}`, class: 'in-context' }, 'in context')),
      h('div', { class: 'tgt-cell', role: 'cell' }, h('span', { class: 'col-label' }, directed ? 'Later' : 'Second'), h('p', {}, render(b, 'ins')), h('a', { href: `#/article/${R.id}?hl=${r.targetStart}-${r.targetEnd}`, class: 'in-context' }, 'in context'),
        r.similarity < 1 ? h('small', {}, ` · ${Math.round(r.similarity * 100)}% alike`) : null)));
  }
  const what = p.kind === 'shared-quotation' ? 'share a quotation' : p.kind === 'near-duplicate' ? 'are near duplicates' : directed ? 'reuses text' : 'share text';
  return h('div', { class: 'page reuse-page' },
    h('h1', {}, directed && p.kind !== 'shared-quotation'
      ? (L.outlet && L.outlet === R.outlet ? `A ${R.outlet} article reuses text from an earlier ${L.outlet} article` : `${R.outlet ?? 'A later article'} reuses text from ${L.outlet ?? 'an earlier article'}`)
      : `Two articles ${what}`),
    h('p', { class: 'lede' }, `${plural(rows.length, 'passage')}, ${plural(shared, 'word')}: ${Math.round(p.targetShare * 100)}% of the ${directed ? 'later' : 'second'} article. `,
      h('span', { class: 'meta' }, `Direction: ${p.direction}.`)),
    broken ? h('p', { class: 'notice', role: 'note' }, `${plural(broken, 'passage')} of this pair point${broken === 1 ? 's' : ''} outside the stored text and ${broken === 1 ? 'is' : 'are'} not shown.`) : null,
    h('p', { class: 'key' }, h('mark', { class: 'shared' }, 'shared words'), ' ', h('del', {}, 'only in the earlier text'), ' ', h('ins', {}, 'only in the later text')),
    h('div', { class: 'reuse-table', role: 'table', 'aria-label': 'Aligned passages' },
      h('div', { class: 'reuse-head', role: 'row' }, h('div', { role: 'columnheader' }, head(L, directed ? 'Earlier' : 'First')), h('div', { role: 'columnheader' }, head(R, directed ? 'Later' : 'Second'))),
      body),
  );
}
