// Timeline chart: article volume per day as bars, events as marks above them. The marks are not tab
// stops: a busy story would make keyboard users step through a hundred dots to pass the chart, and
// the event list beside it says the same with links.
import type { TimelineEvent } from '../../../src/types.ts';
import { h, svg } from '../dom.ts';

const DAY = 86_400_000;

export function timelineChart(events: TimelineEvent[], volume: { date: string; articles: number }[], width = 720, height = 180): HTMLElement {
  const all = events.filter((e) => e.date && /^\d{4}-\d{2}-\d{2}/.test(e.date));
  // Background events (a war's start decades earlier) would squeeze the story into a sliver at
  // the edge: the chart keeps to the weeks around the articles; the list below still has them.
  const pub = volume.map((v) => Date.parse(v.date)).filter(Number.isFinite);
  const lo = pub.length ? Math.min(...pub) - 60 * DAY : -Infinity;
  const hi = pub.length ? Math.max(...pub) + 14 * DAY : Infinity;
  const dated = all.filter((e) => {
    const t = Date.parse(e.date!.slice(0, 10));
    return t >= lo && t <= hi;
  });
  const days = [...dated.map((e) => e.date!.slice(0, 10)), ...volume.map((v) => v.date)].sort();
  if (!days.length) return h('p', { class: 'empty' }, 'No dated events or articles yet.');
  const t0 = Date.parse(days[0]!) - DAY;
  const t1 = Date.parse(days.at(-1)!) + DAY;
  const x = (d: string) => 30 + ((Date.parse(d.slice(0, 10)) - t0) / (t1 - t0)) * (width - 40);
  const maxV = Math.max(1, ...volume.map((v) => v.articles));
  const base = height - 24;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Timeline of ${dated.length} events and article volume from ${days[0]} to ${days.at(-1)}`, class: 'timeline' });
  root.append(svg('line', { x1: 30, x2: width - 10, y1: base, y2: base, class: 'axis' }));
  const barW = Math.max(2, Math.min(14, ((width - 40) * DAY) / (t1 - t0) - 2));
  for (const v of volume) {
    const bh = (v.articles / maxV) * 60;
    root.append(svg('rect', { x: (x(v.date) - barW / 2).toFixed(1), y: (base - bh).toFixed(1), width: barW.toFixed(1), height: bh.toFixed(1), class: 'volume' }, svg('title', {}, `${v.date}: ${v.articles} article${v.articles === 1 ? '' : 's'}`)));
  }
  const perDay = new Map<string, number>();
  for (const e of dated) perDay.set(e.date!.slice(0, 10), (perDay.get(e.date!.slice(0, 10)) ?? 0) + 1);
  // Busy days stack tighter so that the column stays inside the frame.
  const step = Math.min(11, (base - 72 - 10) / Math.max(1, Math.max(0, ...perDay.values()) - 1));
  const r = Math.min(4.5, Math.max(2, step / 2));
  const stack = new Map<string, number>();
  for (const e of dated) {
    const d = e.date!.slice(0, 10);
    const k = stack.get(d) ?? 0;
    stack.set(d, k + 1);
    root.append(svg('circle', { cx: x(d).toFixed(1), cy: (base - 72 - k * step).toFixed(1), r, class: `event type-${e.type.replace(/[^a-z]/gi, '')}` }, svg('title', {}, `${d} · ${e.type}: ${e.summary}`)));
  }
  const ticks = 6;
  // Month-day labels are ambiguous once the story spans more than a year.
  const long = t1 - t0 > 330 * DAY;
  for (let i = 0; i <= ticks; i++) {
    const t = new Date(t0 + ((t1 - t0) * i) / ticks).toISOString().slice(0, 10);
    // The end labels would be cut by the frame if centred on their day.
    const anchor = i === 0 ? 'start' : i === ticks ? 'end' : 'middle';
    root.append(svg('text', { x: x(t).toFixed(1), y: height - 6, class: 'tick', 'text-anchor': anchor }, long ? t.slice(0, 7) : t.slice(5)));
  }
  const outside = all.length - dated.length;
  return h('figure', { class: 'timeline-figure' }, root as unknown as Node,
    outside ? h('figcaption', { class: 'meta' }, `${outside} event${outside === 1 ? '' : 's'} long before or after the articles not drawn.`) : null);
}
