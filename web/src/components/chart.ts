// A measured quantity over time: each claim a point in its side's colour, linked to its sentence.
import { firstDay, h, num, sideColor, svg, when } from '../dom.ts';

export interface ChartPoint {
  date: string | null;
  value: number;
  label: string;
  side: string | null;
  href: string;
}

const DAY = 86_400_000;

/** A round axis top (1, 2, 2.5, 5 × a power of ten), so that the tick labels sit where they say. */
function niceCeil(v: number): number {
  if (!(v > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 2.5, 5, 10].map((k) => k * p).find((c) => c >= v)!;
}

export function claimChart(points: ChartPoint[], width = 560, height = 200): HTMLElement {
  const dated = points.map((p) => ({ ...p, t: Date.parse(firstDay(p.date) ?? '') })).filter((p) => Number.isFinite(p.t));
  const undated = points.length - dated.length;
  if (!dated.length) return h('p', { class: 'empty' }, 'No dated claims to chart.');
  const lo = Math.min(...dated.map((p) => p.t));
  const hi = Math.max(...dated.map((p) => p.t));
  const t0 = lo - DAY * 2;
  const t1 = hi + DAY * 2;
  const vmax = niceCeil(Math.max(...dated.map((p) => p.value)) * 1.1);
  const x = (t: number) => 52 + ((t - t0) / (t1 - t0)) * (width - 72);
  const y = (v: number) => height - 26 - (v / vmax) * (height - 40);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'claim-chart', 'aria-label': `Chart of ${dated.length} claims from ${when(new Date(lo).toISOString())} to ${when(new Date(hi).toISOString())}` });
  root.append(svg('line', { x1: 52, x2: width - 10, y1: height - 26, y2: height - 26, class: 'axis' }));
  root.append(svg('line', { x1: 52, x2: 52, y1: 10, y2: height - 26, class: 'axis' }));
  for (const v of [0, vmax / 2, vmax]) root.append(svg('text', { x: 48, y: (y(v) + 4).toFixed(1), class: 'tick', 'text-anchor': 'end' }, num(v)));
  // Claims of the same day and value would hide each other: they step sideways, and a label that
  // would sit on another one moves below its dot.
  const seen = new Map<string, number>();
  const labels: { x: number; y: number }[] = [];
  for (const p of [...dated].sort((a, b) => a.t - b.t || a.value - b.value)) {
    const key = `${p.t}:${Math.round(y(p.value) / 8)}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const cx = x(p.t) + k * 13;
    const cy = y(p.value);
    const a = svg('a', { href: p.href, 'aria-label': p.label });
    a.append(svg('circle', { cx: cx.toFixed(1), cy: cy.toFixed(1), r: 6, fill: sideColor(p.side), class: 'claim-dot' }, svg('title', {}, p.label)));
    if (!k) {
      const nearEdge = cx > width - 60;
      let ly = cy - 8;
      if (labels.some((l) => Math.abs(l.x - cx) < 30 && Math.abs(l.y - ly) < 12)) ly = cy + 17;
      labels.push({ x: cx, y: ly });
      a.append(svg('text', { x: (nearEdge ? cx - 8 : cx + 8).toFixed(1), y: ly.toFixed(1), class: 'value-label', 'text-anchor': nearEdge ? 'end' : null }, num(p.value)));
    }
    root.append(a);
  }
  const same = lo === hi;
  root.append(svg('text', { x: same ? x(lo) : 52, y: height - 8, class: 'tick', 'text-anchor': same ? 'middle' : null }, when(new Date(lo).toISOString())));
  if (!same) root.append(svg('text', { x: width - 10, y: height - 8, class: 'tick', 'text-anchor': 'end' }, when(new Date(hi).toISOString())));
  const sides = [...new Set(points.map((p) => p.side))];
  const legend = h('ul', { class: 'legend' }, sides.map((s) => h('li', {}, h('span', { class: 'swatch', style: `background:${sideColor(s)}` }), s ?? 'unattributed')),
    undated ? h('li', { class: 'meta' }, `${undated} undated, not drawn`) : null);
  return h('figure', { class: 'chart-figure' }, root as unknown as Node, legend);
}
