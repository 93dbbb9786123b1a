// A measured quantity over time: each claim a point, coloured by side, with its source on hover.
import { h, svg } from '../dom.ts';

export interface ChartPoint {
  date: string | null;
  value: number;
  label: string;
  side: string | null;
  href: string;
}

export function claimChart(points: ChartPoint[], width = 560, height = 200): HTMLElement {
  const dated = points.filter((p) => p.date);
  if (!dated.length) return h('p', { class: 'empty' }, 'No dated claims to chart.');
  const times = dated.map((p) => Date.parse(p.date!.slice(0, 10)));
  const t0 = Math.min(...times) - 86_400_000 * 2;
  const t1 = Math.max(...times) + 86_400_000 * 2;
  const vmax = Math.max(...dated.map((p) => p.value)) * 1.15 || 1;
  const x = (t: number) => 44 + ((t - t0) / (t1 - t0)) * (width - 60);
  const y = (v: number) => height - 26 - (v / vmax) * (height - 40);
  const sides = [...new Set(dated.map((p) => p.side ?? 'unattributed'))];
  const colors = ['#2471a3', '#c0392b', '#148f77', '#d68910', '#7d3c98'];
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'claim-chart', 'aria-label': `Chart of ${dated.length} claims over time` });
  root.append(svg('line', { x1: 44, x2: width - 10, y1: height - 26, y2: height - 26, class: 'axis' }));
  root.append(svg('line', { x1: 44, x2: 44, y1: 10, y2: height - 26, class: 'axis' }));
  for (const v of [0, vmax / 2, vmax]) root.append(svg('text', { x: 40, y: (y(v) + 4).toFixed(1), class: 'tick', 'text-anchor': 'end' }, String(Math.round(v))));
  dated.forEach((p, i) => {
    const cx = x(times[i]!);
    const a = svg('a', { href: p.href });
    a.append(svg('circle', { cx: cx.toFixed(1), cy: y(p.value).toFixed(1), r: 6, fill: colors[sides.indexOf(p.side ?? 'unattributed') % colors.length]!, class: 'claim-dot' }, svg('title', {}, p.label)));
    const nearEdge = cx > width - 50;
    a.append(svg('text', { x: (nearEdge ? cx - 8 : cx + 8).toFixed(1), y: (y(p.value) - 6).toFixed(1), class: 'value-label', 'text-anchor': nearEdge ? 'end' : null }, String(p.value)));
    root.append(a);
  });
  const first = new Date(t0 + 86_400_000 * 2).toISOString().slice(0, 10);
  const last = new Date(t1 - 86_400_000 * 2).toISOString().slice(0, 10);
  root.append(svg('text', { x: 44, y: height - 8, class: 'tick' }, first));
  root.append(svg('text', { x: width - 10, y: height - 8, class: 'tick', 'text-anchor': 'end' }, last));
  const legend = h('ul', { class: 'legend' }, sides.map((s, i) => h('li', {}, h('span', { class: 'swatch', style: `background:${colors[i % colors.length]}` }), s)));
  return h('figure', { class: 'chart-figure' }, root as unknown as Node, legend);
}
