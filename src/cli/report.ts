// A short account of what the store holds: what the demo prints, and the basis of the brief.
import type { Store } from '../store/store.js';
import type { ArticleSummary } from '../types.js';

export interface StoryReport {
  articles: ArticleSummary[];
  outlets: { outlet: string; articles: number }[];
  layers: Record<string, number>;
  objects: Record<string, number>;
}

const OBJECT_KINDS = ['reuse', 'entity', 'place', 'quote-group', 'claim-group', 'claim-relation', 'event', 'control'];

export async function storyReport(store: Store): Promise<StoryReport> {
  const articles = await store.listArticles({});
  const layers: Record<string, number> = {};
  const all = await store.getLayers(articles.map((a) => a.id), ['mentions', 'places', 'quotes', 'times', 'quantities', 'claims', 'events', 'control']);
  for (const an of all.values()) for (const [k, v] of Object.entries(an)) if (Array.isArray(v)) layers[k] = (layers[k] ?? 0) + v.length;
  const objects: Record<string, number> = {};
  for (const kind of OBJECT_KINDS) {
    const n = (await store.getObjects(kind)).length;
    if (n) objects[kind] = n;
  }
  return { articles, outlets: await store.outlets(), layers, objects };
}

export function printStoryReport(r: StoryReport): void {
  const out = process.stdout;
  out.write('Articles:\n');
  for (const a of r.articles) out.write(`  ${a.id.slice(0, 8)}  ${(a.published ?? 'undated').slice(0, 10).padEnd(10)}  ${(a.outlet ?? '?').padEnd(20).slice(0, 20)}  ${a.title ?? ''}\n`);
  out.write(`Outlets: ${r.outlets.map((o) => `${o.outlet} (${o.articles})`).join(', ')}\n`);
  const found = Object.entries(r.layers).map(([k, v]) => `${v} ${k}`);
  if (found.length) out.write(`Found in the articles: ${found.join(', ')}\n`);
  const linked = Object.entries(r.objects).map(([k, v]) => `${v} ${k}`);
  if (linked.length) out.write(`Linked across articles: ${linked.join(', ')}\n`);
}
