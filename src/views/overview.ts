// What is known now: the story on one page (the web app's overview and the brief).
import type { Store } from '../store/store.js';
import type { ClaimRelation, ControlRecord, PlaceSummary, TimelineEvent } from '../types.js';
import * as views from './index.js';

export interface Figure {
  groupId: string;
  quantity: string;
  latest: views.ClaimView;
  claims: number;
  independentReports: number;
  relations: ClaimRelation[];
  hasConflict: boolean;
}

export interface Overview {
  generatedAt: string;
  articles: number;
  dateRange: { from: string | null; to: string | null };
  volume: { date: string; articles: number }[];
  outlets: views.OutletView[];
  figures: Figure[];
  conflicts: { relation: ClaimRelation; claims: views.ClaimView[] }[];
  timeline: TimelineEvent[];
  places: PlaceSummary[];
  control: ControlRecord[];
  voices: views.Voice[];
  /** Titles of cited articles, so that a brief can cite without another lookup. */
  sources: Record<string, { title: string | null; outlet: string | null; published: string | null }>;
}

export async function overview(store: Store): Promise<Overview> {
  const articles = await store.listArticles({});
  const byDay = new Map<string, number>();
  for (const a of articles) if (a.published) byDay.set(a.published.slice(0, 10), (byDay.get(a.published.slice(0, 10)) ?? 0) + 1);
  const volume = [...byDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, n]) => ({ date, articles: n }));
  const claimsView = await views.claims(store);
  const byId = new Map(claimsView.claims.map((c) => [c.id, c]));
  const figures: Figure[] = [];
  for (const g of claimsView.groups) {
    const members = g.claims.map((id) => byId.get(id)).filter((c): c is views.ClaimView => !!c);
    if (!members.length) continue;
    const relations = claimsView.relations.filter((r) => r.groupId === g.id);
    const latest = [...members].sort((a, b) => (a.asOf ?? '').localeCompare(b.asOf ?? '')).at(-1)!;
    figures.push({ groupId: g.id, quantity: g.quantity, latest, claims: members.length, independentReports: g.independentReports, relations, hasConflict: relations.some((r) => r.kind === 'conflict') });
  }
  figures.sort((a, b) => Number(b.hasConflict) - Number(a.hasConflict) || b.claims - a.claims || a.quantity.localeCompare(b.quantity));
  const conflicts = claimsView.relations
    .filter((r) => r.kind === 'conflict')
    .map((relation) => ({ relation, claims: relation.claims.map((id) => byId.get(id)).filter((c): c is views.ClaimView => !!c) }));
  const timeline = (await views.timeline(store)).slice(0, 500);
  const control = await views.control(store);
  const voices = (await views.voices(store)).slice(0, 20);
  // Only the articles this page cites, not the whole corpus.
  const cited = new Set<string>([
    ...figures.map((f) => f.latest.articleId),
    ...conflicts.flatMap((c) => c.claims.map((x) => x.articleId)),
    ...timeline.flatMap((e) => e.articles),
    ...control.flatMap((c) => c.articles),
    ...voices.flatMap((v) => v.articles),
  ]);
  const sources: Overview['sources'] = {};
  for (const a of articles) if (cited.has(a.id)) sources[a.id] = { title: a.title, outlet: a.outlet, published: a.published };
  return {
    generatedAt: new Date().toISOString(),
    articles: articles.length,
    dateRange: { from: volume[0]?.date ?? null, to: volume.at(-1)?.date ?? null },
    volume,
    outlets: await views.outlets(store),
    figures,
    conflicts,
    timeline,
    places: (await views.places(store)).slice(0, 500),
    control,
    voices,
    sources,
  };
}
