// Corpus linking: each linker updates the corpus objects as articles arrive (onArticle) or once a
// batch ends (onBatchEnd). Reuse is incremental per article through the LSH index in the store;
// the group-level views (entities, places, quote and claim groups, timeline, control) are
// rebuilt from the stored layers at the end of each batch, in this order.
import { analyse, toInput } from '../analysis/pipeline.js';
import { articleEntities } from '../analysis/coref/index.js';
import { estimatePublication } from '../analysis/time/index.js';
import type { Store } from '../store/store.js';
import {
  OBJECT_KINDS,
  type Analysis,
  type Article,
  type ClaimGroup,
  type ClaimRelation,
  type ControlRecord,
  type CorpusObjectKind,
  type DateEvidence,
  type PlaceSummary,
  type ReusePair,
  type TimelineEvent,
} from '../types.js';
import { ENTITY_MAP_KIND, MIN_QUOTE_CONFIDENCE } from '../views/index.js';
import { groupClaims } from './claims/index.js';
import { controlByPlace } from './claims/control.js';
import { mergeEntities } from './entities/index.js';
import { groupQuotes } from './quotes/index.js';
import { independentReports, isDependence, reuseLinker, forgetCandidate } from './reuse/index.js';
import { mergeTimeline } from './timeline/merge.js';

export interface Linker {
  name: string;
  onArticle?(store: Store, article: Article, analysis: Analysis): Promise<void>;
  /** A stored article's text changed (re-cleaned): what was linked from the old text is redone. */
  onUpdated?(store: Store, article: Article, analysis: Analysis): Promise<void>;
  onBatchEnd?(store: Store, changedIds: string[]): Promise<void>;
}

/** Publication dates estimated for undated articles, kept apart from the article's own evidence. */
export const DATE_ESTIMATE_KIND = 'date-estimate';

async function replaceObjects(store: Store, kind: CorpusObjectKind | string, objects: { id: string; data: unknown; articles: string[] }[]): Promise<void> {
  await store.deleteObjects(kind);
  await store.putObjects(objects.map((o) => ({ kind, ...o })));
}

async function reusePairs(store: Store): Promise<ReusePair[]> {
  return (await store.getObjects<ReusePair>(OBJECT_KINDS.reuse)).map((o) => o.data);
}

/** Each article's publication date: its own, else an estimate. */
async function publicationDates(store: Store): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  for (const a of await store.listArticles({})) out.set(a.id, a.published);
  for (const e of await store.getObjects<DateEvidence>(DATE_ESTIMATE_KIND)) if (!out.get(e.id)) out.set(e.id, e.data.value);
  return out;
}


/** An article with no date of its own gets an estimate from the articles it shares text with and
 * its own relative mentions; its time-dependent layers are then recomputed against it. */
const dates: Linker = {
  name: 'dates',
  async onBatchEnd(store, changed) {
    const pairs = await reusePairs(store);
    const pub = await publicationDates(store);
    for (const id of changed) {
      const article = await store.getArticle(id);
      if (!article || article.published) continue;
      const related = pairs
        .filter((p) => p.articles.includes(id))
        .map((p) => {
          const other = p.articles[0] === id ? p.articles[1] : p.articles[0];
          const d = pub.get(other);
          return d ? { date: d.slice(0, 10), reason: `${p.kind} with ${other.slice(0, 8)} (published ${d.slice(0, 10)})` } : null;
        })
        .filter((x): x is { date: string; reason: string } => !!x);
      const analysis = await store.getAnalysis(id);
      const est = estimatePublication(article.text, analysis.segments?.sentences ?? [], { relatedDates: related });
      if (!est) continue;
      const evidence: DateEvidence = { value: est.value, source: 'estimated', confidence: est.confidence, reason: est.reason };
      await store.putObjects([{ kind: DATE_ESTIMATE_KIND, id, data: evidence, articles: [id] }]);
      await store.updateArticle(article, analyse({ ...toInput(article), published: est.value }));
    }
  },
};

const entities: Linker = {
  name: 'entities',
  async onBatchEnd(store) {
    const ids = await store.articleIds();
    const layers = await store.getLayers(ids, ['mentions']);
    const perArticle = ids.map((articleId) => {
      const mentions = layers.get(articleId)?.mentions ?? [];
      return { articleId, mentions, entities: articleEntities(mentions) };
    });
    const merged = mergeEntities(perArticle);
    // Which canonical entity each in-article entity key became, through the mentions' spans.
    const bySpan = new Map<string, string>();
    for (const e of merged) for (const s of e.spans ?? []) bySpan.set(`${s.articleId}:${s.start}`, e.id);
    const maps = perArticle.map(({ articleId, mentions }) => {
      const map: Record<string, string> = {};
      for (const m of mentions) {
        const e = bySpan.get(`${articleId}:${m.start}`);
        if (m.ref && e && !map[m.ref]) map[m.ref] = e;
      }
      return { id: articleId, data: map, articles: [articleId] };
    });
    await replaceObjects(store, OBJECT_KINDS.entity, merged.map((e) => ({ id: e.id, data: e, articles: e.articles })));
    await replaceObjects(store, ENTITY_MAP_KIND, maps);
  },
};

const places: Linker = {
  name: 'places',
  async onBatchEnd(store) {
    const ids = await store.articleIds();
    const layers = await store.getLayers(ids, ['places']);
    const by = new Map<string, PlaceSummary>();
    for (const id of ids) {
      for (const p of layers.get(id)?.places ?? []) {
        if ((p as { adjectival?: boolean }).adjectival) continue;
        const s = by.get(p.geoId) ?? { id: p.geoId, name: p.name, lat: p.lat, lon: p.lon, country: p.country, kind: p.kind, articles: [], mentions: 0 };
        s.mentions++;
        if (!s.articles.includes(id)) s.articles.push(id);
        by.set(p.geoId, s);
      }
    }
    await replaceObjects(store, OBJECT_KINDS.place, [...by.values()].map((p) => ({ id: p.id, data: p, articles: p.articles })));
  },
};

const quoteGroups: Linker = {
  name: 'quote-groups',
  async onBatchEnd(store) {
    const pairs = await reusePairs(store);
    const articles = await store.listArticles({});
    const pub = await publicationDates(store);
    const layers = await store.getLayers(articles.map((a) => a.id), ['quotes']);
    const inputs = articles.flatMap((a) =>
      (layers.get(a.id)?.quotes ?? []).filter((q) => q.confidence >= MIN_QUOTE_CONFIDENCE).map((quote) => ({ articleId: a.id, quote, outlet: a.outlet, published: pub.get(a.id) ?? null })),
    );
    const groups = groupQuotes(inputs, (ids) => independentReports(ids, pairs)).filter((g) => g.articles.length > 1);
    await replaceObjects(store, OBJECT_KINDS.quoteGroup, groups.map((g) => ({ id: g.id, data: g, articles: g.articles })));
  },
};

const claims: Linker = {
  name: 'claims',
  async onBatchEnd(store) {
    const pairs = await reusePairs(store);
    const articles = await store.listArticles({});
    const pub = await publicationDates(store);
    const layers = await store.getLayers(articles.map((a) => a.id), ['claims']);
    const records = articles.flatMap((a) => (layers.get(a.id)?.claims ?? []).map((claim) => ({ articleId: a.id, outlet: a.outlet, published: pub.get(a.id) ?? null, claim })));
    const copiedFrom = (id: string) => pairs.filter((p) => p.target === id && isDependence(p)).map((p) => p.source!).filter(Boolean);
    const { groups, relations } = groupClaims(records, (ids) => independentReports(ids, pairs), { copiedFrom });
    const articleOf = (claimId: string) => claimId.slice(0, claimId.lastIndexOf(':'));
    const outGroups: ClaimGroup[] = groups.map((g) => {
      const ids = [...new Set(g.claims.map(articleOf))];
      return { id: g.id, quantity: g.quantity, unit: g.unit, claims: g.claims, articles: ids, independentReports: independentReports(ids, pairs) };
    });
    const groupOf = new Map<string, string>();
    for (const g of outGroups) for (const c of g.claims) groupOf.set(c, g.id);
    const outRelations: ClaimRelation[] = relations.map((r, i) => ({
      id: `${groupOf.get(r.claims[0]!) ?? 'nogroup'}:${r.kind}:${i}`,
      groupId: groupOf.get(r.claims[0]!) ?? '',
      kind: r.kind,
      claims: r.claims,
      reason: r.reason,
      ...((r as { sides?: string[] }).sides ? { sides: (r as { sides?: string[] }).sides } : {}),
    }));
    await replaceObjects(store, OBJECT_KINDS.claimGroup, outGroups.map((g) => ({ id: g.id, data: g, articles: g.articles })));
    await replaceObjects(store, OBJECT_KINDS.claimRelation, outRelations.map((r) => ({ id: r.id, data: r, articles: [...new Set(r.claims.map(articleOf))] })));
  },
};

const timeline: Linker = {
  name: 'timeline',
  async onBatchEnd(store) {
    const articles = await store.listArticles({});
    const pub = await publicationDates(store);
    const layers = await store.getLayers(articles.map((a) => a.id), ['events']);
    const records = articles.flatMap((a) => (layers.get(a.id)?.events ?? []).map((event) => ({ articleId: a.id, published: pub.get(a.id) ?? null, event })));
    const events: TimelineEvent[] = mergeTimeline(records).map((e) => ({
      id: e.id,
      date: e.date,
      granularity: e.granularity,
      type: e.type,
      summary: e.summary,
      actors: e.actors,
      place: e.place,
      articles: [...new Set(e.sources.map((s) => s.articleId))],
      sources: e.sources.map((s) => ({ articleId: s.articleId, start: s.start, end: s.end })),
    }));
    await replaceObjects(store, OBJECT_KINDS.event, events.map((e) => ({ id: e.id, data: e, articles: e.articles })));
  },
};

const control: Linker = {
  name: 'control',
  async onBatchEnd(store) {
    const articles = await store.listArticles({});
    const pub = await publicationDates(store);
    const layers = await store.getLayers(articles.map((a) => a.id), ['control', 'places']);
    const records = articles.flatMap((a) => (layers.get(a.id)?.control ?? []).map((c) => ({ articleId: a.id, published: pub.get(a.id) ?? null, control: c })));
    const coords = new Map<string, { lat: number; lon: number }>();
    for (const an of layers.values()) for (const p of an.places ?? []) for (const k of [p.text, p.name]) coords.set(k.toLowerCase(), { lat: p.lat, lon: p.lon });
    const out: ControlRecord[] = controlByPlace(records).map((pc) => {
      const latest = [...pc.history].reverse().find((h) => h.holder === pc.holder && h.asOf === pc.asOf) ?? pc.history.at(-1)!;
      const current = pc.history.filter((h) => h.holder === pc.holder && h.asOf === pc.asOf);
      const earlier = pc.history.filter((h) => !current.includes(h));
      const at = coords.get(pc.place.toLowerCase());
      return {
        id: pc.place.toLowerCase(),
        place: pc.place,
        lat: at?.lat ?? null,
        lon: at?.lon ?? null,
        holder: pc.holder,
        asOf: pc.asOf,
        status: pc.status,
        claimant: latest.claimant,
        articles: [...new Set(current.map((h) => h.articleId))],
        sources: current.map((h) => ({ articleId: h.articleId, start: h.start, end: h.end })),
        history: earlier.map((h) => ({ holder: h.holder, asOf: h.asOf, status: h.status, claimant: h.claimant, articles: [h.articleId] })),
      };
    });
    await replaceObjects(store, OBJECT_KINDS.control, out.map((c) => ({ id: c.id, data: c, articles: [...new Set([...c.articles, ...c.history.flatMap((h) => h.articles)])] })));
  },
};

/** Reuse pairs point into the texts: when a text is re-cleaned, its pairs are found again. */
const reuse: Linker = {
  ...reuseLinker,
  async onUpdated(store, article, analysis) {
    forgetCandidate(store, article.id);
    const old = await store.getObjects<ReusePair>(OBJECT_KINDS.reuse, { article: article.id });
    if (old.length) await store.deleteObjects(OBJECT_KINDS.reuse, old.map((o) => o.id));
    await reuseLinker.onArticle!(store, article, analysis);
  },
};

export const LINKERS: Linker[] = [reuse, dates, entities, places, quoteGroups, claims, timeline, control];
