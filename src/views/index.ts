// Views read the store (articles, their analysis layers, corpus objects) and never re-run
// extraction. The CLI's --json output and the HTTP API return exactly these shapes.
import type { Store } from '../store/store.js';
import {
  OBJECT_KINDS,
  type CanonicalEntity,
  type Claim,
  type ClaimGroup,
  type ClaimRelation,
  type ControlRecord,
  type PlaceSummary,
  type Quote,
  type QuoteGroup,
  type ReusePair,
  type TimelineEvent,
} from '../types.js';

/** Per-article map from in-article entity keys (Mention.ref) to canonical entity ids, written by
 * the entity linker as object kind "entity-map" with the article id as object id. */
export const ENTITY_MAP_KIND = 'entity-map';

export interface QuoteView {
  id: string;
  articleId: string;
  outlet: string | null;
  published: string | null;
  text: string;
  start: number;
  end: number;
  kind: Quote['kind'];
  speaker: string | null;
  speakerEntityId: string | null;
  cue: string | null;
  channel: string | null;
  groupId: string | null;
  confidence: number;
}

export interface ClaimView extends Claim {
  id: string;
  articleId: string;
  outlet: string | null;
  groupId: string | null;
}

const spanKey = (articleId: string, start: number) => `${articleId}:${start}`;

async function articleMeta(store: Store, ids?: string[]) {
  const list = await store.listArticles(ids ? { ids } : {});
  const meta = new Map(list.map((a) => [a.id, a]));
  return { ids: ids ?? list.map((a) => a.id), meta };
}

async function entityMaps(store: Store, ids: string[]): Promise<Map<string, Record<string, string>>> {
  const objs = await store.getObjects<Record<string, string>>(ENTITY_MAP_KIND, ids.length <= 64 ? { ids } : {});
  return new Map(objs.map((o) => [o.id, o.data]));
}

/** Below this, an attribution is a stance or belief ("X wants to …") rather than speech: kept in
 * the analysis layer, left out of the views unless asked for. */
export const MIN_QUOTE_CONFIDENCE = 0.5;

export async function quotes(store: Store, opts: { speaker?: string; article?: string; group?: string; minConfidence?: number } = {}): Promise<QuoteView[]> {
  const min = opts.minConfidence ?? MIN_QUOTE_CONFIDENCE;
  const { ids, meta } = await articleMeta(store, opts.article ? [opts.article] : undefined);
  const layers = await store.getLayers(ids, ['quotes']);
  const maps = await entityMaps(store, ids);
  // For one article, read only its own speakers and groups: the cost stays flat as the corpus grows.
  const one = opts.article ? { article: opts.article } : {};
  const speakerIds = opts.article ? [...new Set(Object.values(maps.get(opts.article) ?? {}))] : undefined;
  const entities = new Map((await store.getObjects<CanonicalEntity>(OBJECT_KINDS.entity, speakerIds ? { ids: speakerIds } : {})).map((o) => [o.id, o.data]));
  const groupOf = new Map<string, string>();
  for (const g of await store.getObjects<QuoteGroup>(OBJECT_KINDS.quoteGroup, one)) for (const q of g.data.quotes) groupOf.set(spanKey(q.articleId, q.start), g.id);
  const out: QuoteView[] = [];
  for (const id of ids) {
    for (const q of (layers.get(id)?.quotes ?? []) as Quote[]) {
      if (q.confidence < min) continue;
      const entityId = q.speakerRef ? (maps.get(id)?.[q.speakerRef] ?? null) : null;
      const canonical = entityId ? entities.get(entityId)?.name : undefined;
      out.push({
        id: spanKey(id, q.start),
        articleId: id,
        outlet: meta.get(id)?.outlet ?? null,
        published: meta.get(id)?.published ?? null,
        text: q.text,
        start: q.start,
        end: q.end,
        kind: q.kind,
        speaker: canonical ?? q.speaker,
        speakerEntityId: entityId,
        cue: q.cue?.text ?? null,
        channel: q.channel,
        groupId: groupOf.get(spanKey(id, q.start)) ?? null,
        confidence: q.confidence,
      });
    }
  }
  let res = out;
  if (opts.speaker) {
    const want = opts.speaker.toLowerCase();
    res = res.filter((q) => {
      if (!q.speaker) return false;
      if (q.speaker.toLowerCase().includes(want)) return true;
      const e = q.speakerEntityId ? entities.get(q.speakerEntityId) : undefined;
      return !!e?.aliases.some((a) => a.toLowerCase().includes(want));
    });
  }
  if (opts.group) res = res.filter((q) => q.groupId === opts.group);
  return res;
}

export interface Voice {
  speaker: string;
  speakerEntityId: string | null;
  quotes: number;
  outlets: string[];
  articles: string[];
}

export async function voices(store: Store): Promise<Voice[]> {
  const by = new Map<string, Voice>();
  for (const q of await quotes(store)) {
    if (!q.speaker) continue;
    const key = q.speakerEntityId ?? q.speaker.toLowerCase();
    const v = by.get(key) ?? { speaker: q.speaker, speakerEntityId: q.speakerEntityId, quotes: 0, outlets: [], articles: [] };
    v.quotes++;
    if (q.outlet && !v.outlets.includes(q.outlet)) v.outlets.push(q.outlet);
    if (!v.articles.includes(q.articleId)) v.articles.push(q.articleId);
    by.set(key, v);
  }
  return [...by.values()].sort((a, b) => b.quotes - a.quotes || a.speaker.localeCompare(b.speaker));
}

export async function entities(store: Store, opts: { type?: string; article?: string } = {}): Promise<CanonicalEntity[]> {
  let list = (await store.getObjects<CanonicalEntity>(OBJECT_KINDS.entity, opts.article ? { article: opts.article } : {})).map((o) => o.data);
  if (opts.type) list = list.filter((e) => e.type === opts.type!.toUpperCase());
  return list.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

export async function places(store: Store, opts: { article?: string } = {}): Promise<PlaceSummary[]> {
  const list = (await store.getObjects<PlaceSummary>(OBJECT_KINDS.place, opts.article ? { article: opts.article } : {})).map((o) => o.data);
  return list.sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}

export function placesGeoJSON(list: PlaceSummary[]) {
  return {
    type: 'FeatureCollection' as const,
    features: list.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
      properties: { id: p.id, name: p.name, country: p.country, kind: p.kind, mentions: p.mentions, articles: p.articles },
    })),
  };
}

export interface ClaimsView {
  claims: ClaimView[];
  groups: ClaimGroup[];
  relations: ClaimRelation[];
}

export async function claims(store: Store, opts: { conflicts?: boolean; article?: string } = {}): Promise<ClaimsView> {
  const { ids, meta } = await articleMeta(store, opts.article ? [opts.article] : undefined);
  const layers = await store.getLayers(ids, ['claims']);
  const groups = (await store.getObjects<ClaimGroup>(OBJECT_KINDS.claimGroup)).map((o) => o.data);
  let relations = (await store.getObjects<ClaimRelation>(OBJECT_KINDS.claimRelation)).map((o) => o.data);
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const c of g.claims) groupOf.set(c, g.id);
  let list: ClaimView[] = [];
  for (const id of ids) {
    for (const c of (layers.get(id)?.claims ?? []) as Claim[]) {
      const cid = spanKey(id, c.start);
      list.push({ ...c, id: cid, articleId: id, outlet: meta.get(id)?.outlet ?? null, groupId: groupOf.get(cid) ?? null });
    }
  }
  if (opts.conflicts) {
    relations = relations.filter((r) => r.kind === 'conflict');
    const involved = new Set(relations.flatMap((r) => r.claims));
    list = list.filter((c) => involved.has(c.id));
  }
  list.sort((a, b) => (a.asOf ?? '').localeCompare(b.asOf ?? '') || a.id.localeCompare(b.id));
  return { claims: list, groups, relations };
}

/** The first day an ISO value covers ("2021-W32" → its Monday, "2021-06" → "2021-06-01", a
 * range → its start), so that values of any granularity sort and filter together. */
export function firstDay(value: string | null): string | null {
  if (!value) return null;
  const v = value.split('/')[0]!;
  const week = /^(\d{4})-W(\d{1,2})$/.exec(v);
  if (week) {
    const jan4 = new Date(Date.UTC(+week[1]!, 0, 4));
    const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000 + (+week[2]! - 1) * 7 * 86_400_000);
    return monday.toISOString().slice(0, 10);
  }
  if (/^\d{4}$/.test(v)) return `${v}-01-01`;
  if (/^\d{4}-\d{2}$/.test(v)) return `${v}-01`;
  return v.slice(0, 10);
}

export async function timeline(store: Store, opts: { from?: string; to?: string } = {}): Promise<TimelineEvent[]> {
  let list = (await store.getObjects<TimelineEvent>(OBJECT_KINDS.event)).map((o) => o.data);
  if (opts.from) list = list.filter((e) => (firstDay(e.date) ?? '') >= opts.from!);
  if (opts.to) list = list.filter((e) => e.date && firstDay(e.date)! <= opts.to!);
  return list.sort((a, b) => (firstDay(a.date) ?? '9999').localeCompare(firstDay(b.date) ?? '9999') || a.id.localeCompare(b.id));
}

export async function control(store: Store): Promise<ControlRecord[]> {
  return (await store.getObjects<ControlRecord>(OBJECT_KINDS.control)).map((o) => o.data).sort((a, b) => a.place.localeCompare(b.place));
}

export async function reusePairs(store: Store, opts: { article?: string } = {}): Promise<ReusePair[]> {
  return (await store.getObjects<ReusePair>(OBJECT_KINDS.reuse, opts.article ? { article: opts.article } : {})).map((o) => o.data);
}

export interface OutletView {
  outlet: string;
  articles: number;
  words: number;
  /** Share of the outlet's words that are its own (not reused from earlier articles of others). */
  originality: number;
  copiesMost: { outlet: string; words: number } | null;
}

export async function outlets(store: Store): Promise<OutletView[]> {
  const list = await store.listArticles({});
  const byId = new Map(list.map((a) => [a.id, a]));
  const outletOf = (id: string) => byId.get(id)?.outlet ?? 'unknown';
  const words = new Map<string, number>();
  const count = new Map<string, number>();
  for (const a of list) {
    const o = a.outlet ?? 'unknown';
    words.set(o, (words.get(o) ?? 0) + a.wordCount);
    count.set(o, (count.get(o) ?? 0) + 1);
  }
  const reusedWords = new Map<string, number>();
  const from = new Map<string, Map<string, number>>();
  for (const p of await reusePairs(store)) {
    if (!p.source || !p.target || p.kind === 'shared-quotation') continue;
    const target = byId.get(p.target);
    const o = outletOf(p.target);
    const src = outletOf(p.source);
    // An outlet re-running its own copy is not taking text from anyone else.
    if (!target || o === src) continue;
    const w = Math.round(p.targetShare * target.wordCount);
    reusedWords.set(o, (reusedWords.get(o) ?? 0) + w);
    const m = from.get(o) ?? new Map<string, number>();
    m.set(src, (m.get(src) ?? 0) + w);
    from.set(o, m);
  }
  return [...count.keys()]
    .map((o) => {
      const w = words.get(o) ?? 0;
      const top = [...(from.get(o) ?? new Map()).entries()].sort((a, b) => b[1] - a[1])[0];
      return {
        outlet: o,
        articles: count.get(o)!,
        words: w,
        originality: w ? +Math.max(0, 1 - (reusedWords.get(o) ?? 0) / w).toFixed(3) : 1,
        copiesMost: top ? { outlet: top[0], words: top[1] } : null,
      };
    })
    .sort((a, b) => b.articles - a.articles || a.outlet.localeCompare(b.outlet));
}
