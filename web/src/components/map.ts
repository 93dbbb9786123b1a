// An offline map: Natural Earth country shapes shipped through npm (world-atlas), places sized by
// mentions, and control shown by holder with its as-of date and source.
import { geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import type { ControlRecord, PlaceSummary } from '../../../src/types.ts';
import { h, sideColor, svg, when } from '../dom.ts';

const countries = feature(world as unknown as Topology, (world as unknown as Topology).objects.countries as GeometryCollection);
/** Holders take their side colour, so that a party looks the same on the map and in the ledger. */
export function holderColors(control: ControlRecord[]): Map<string, string> {
  const holders = [...new Set(control.map((c) => c.holder))].sort();
  return new Map(holders.map((hd) => [hd, sideColor(hd)]));
}

/** The places around where the story happens: within a few thousand kilometres of the
 * mention-weighted median, so that a passing mention of a far capital does not zoom the map out. */
function storyFocus(places: PlaceSummary[]): PlaceSummary[] {
  if (places.length < 3) return places;
  const median = (vals: { v: number; w: number }[]) => {
    const sorted = [...vals].sort((a, b) => a.v - b.v);
    const half = sorted.reduce((s, x) => s + x.w, 0) / 2;
    let acc = 0;
    for (const x of sorted) if ((acc += x.w) >= half) return x.v;
    return sorted.at(-1)!.v;
  };
  const lat = median(places.map((p) => ({ v: p.lat, w: p.mentions })));
  const lon = median(places.map((p) => ({ v: p.lon, w: p.mentions })));
  const near = places.filter((p) => Math.hypot(p.lat - lat, (p.lon - lon) * Math.cos((lat * Math.PI) / 180)) < 25);
  return near.length ? near : places;
}

export function placeMap(places: PlaceSummary[], control: ControlRecord[], width = 720, height = 420): HTMLElement {
  const shown = places.filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
  const projection = geoNaturalEarth1();
  const focus = storyFocus(shown.filter((p) => p.kind !== 'country'));
  const pts = (focus.length ? focus : shown).map((p) => [p.lon, p.lat]);
  if (pts.length) {
    const pad = 4;
    // Meridians bend in this projection: two opposite corners of the box do not bound the points
    // near the equator, so every padded point goes in. Labels run to the right of their dot.
    const box = {
      type: 'MultiPoint',
      coordinates: pts.flatMap(([lon, lat]) => [[lon! - pad, lat! - pad], [lon! + pad, lat! - pad], [lon! - pad, lat! + pad], [lon! + pad, lat! + pad]]),
    } as GeoPermissibleObjects;
    projection.fitExtent([[10, 10], [width - 80, height - 10]], box);
  } else projection.fitSize([width, height], countries as GeoPermissibleObjects);
  const path = geoPath(projection);
  const colors = holderColors(control);
  const controlByPlace = new Map(control.map((c) => [c.place.toLowerCase(), c]));
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': `Map of ${shown.length} places`, class: 'map' });
  root.append(svg('rect', { width, height, class: 'sea' }));
  const g = svg('g', { class: 'land' });
  for (const f of (countries as unknown as { features: GeoPermissibleObjects[] }).features) g.append(svg('path', { d: path(f) ?? '' }));
  root.append(g);
  const max = Math.max(1, ...shown.map((p) => p.mentions));
  const labels: { x: number; y: number; name: string; held: boolean; mentions: number }[] = [];
  let stops = 0;
  for (const p of [...shown].sort((a, b) => b.mentions - a.mentions)) {
    const xy = projection([p.lon, p.lat]);
    if (!xy) continue;
    const c = controlByPlace.get(p.name.toLowerCase());
    // Held places and the dozen most mentioned are tab stops; the rest are reachable by pointer.
    const r = p.kind === 'country' ? 0 : 3 + 9 * Math.sqrt(p.mentions / max);
    if (!r) continue;
    const title = `${p.name} · ${p.mentions} mention${p.mentions === 1 ? '' : 's'}` + (c ? ` · held by ${c.holder} as of ${when(c.asOf)} (${c.status}${c.claimant ? ' by ' + c.claimant : ''})` : '');
    const dot = svg('circle', { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1), class: c ? 'place held' : 'place', fill: c ? colors.get(c.holder) : null, tabindex: c || stops++ < 12 ? 0 : null, 'aria-label': title }, svg('title', {}, title));
    root.append(dot);
    if (r > 5 || c) labels.push({ x: xy[0] + r + 2, y: xy[1] + 4, name: p.name, held: !!c, mentions: p.mentions });
  }
  // Clustered towns would print their names over each other: held places and the most mentioned
  // keep their label, a label that would overlap one already placed is left to the dot's tooltip.
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = [];
  for (const l of labels.sort((a, b) => Number(b.held) - Number(a.held) || b.mentions - a.mentions)) {
    const box = { x0: l.x, x1: l.x + l.name.length * 5.6, y0: l.y - 9, y1: l.y + 2 };
    if (placed.some((b) => box.x0 < b.x1 && b.x0 < box.x1 && box.y0 < b.y1 && b.y0 < box.y1)) continue;
    placed.push(box);
    root.append(svg('text', { x: l.x.toFixed(1), y: l.y.toFixed(1), class: 'place-label' }, l.name));
  }
  const legend = h('ul', { class: 'legend', 'aria-label': 'Control legend' }, [...colors].map(([holder, color]) => h('li', {}, h('span', { class: 'swatch', style: `background:${color}` }), `held by ${holder}`)));
  return h('figure', { class: 'map-figure' }, root as unknown as Node, colors.size ? legend : null);
}
