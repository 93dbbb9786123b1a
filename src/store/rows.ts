// Mapping between Article objects and table rows, shared by both backends so that they store
// exactly the same thing.
import type { Article, ArticleSummary, DateEvidence } from '../types.js';

// Small columns first: listings then never read the overflow pages of the long texts.
export const ARTICLE_COLUMNS = [
  'id', 'seq', 'source', 'url', 'format', 'title', 'outlet', 'outlet_evidence', 'published',
  'published_evidence', 'section', 'dateline', 'byline', 'word_count', 'ingested_at', 'captions',
  'subheadings', 'boilerplate', 'raw', 'text', 'offsets',
] as const;

export const SUMMARY_COLUMNS =
  'id, title, outlet, published, published_evidence, source, url, word_count, section';

export type Row = Record<string, unknown>;

export function articleToRow(a: Article, seq: number): Row {
  return {
    id: a.id,
    seq,
    source: a.source,
    url: a.url,
    format: a.format,
    title: a.title,
    outlet: a.outlet,
    outlet_evidence: a.outletEvidence,
    published: a.published,
    published_evidence: JSON.stringify(a.publishedEvidence),
    section: a.section,
    dateline: a.dateline,
    byline: a.byline,
    captions: JSON.stringify(a.captions),
    subheadings: JSON.stringify(a.subheadings),
    boilerplate: JSON.stringify(a.boilerplate),
    raw: a.raw,
    text: a.text,
    offsets: JSON.stringify(a.offsets),
    word_count: a.wordCount,
    ingested_at: a.ingestedAt ?? new Date().toISOString(),
  };
}

const parse = <T>(v: unknown, fallback: T): T => (typeof v === 'string' && v ? (JSON.parse(v) as T) : fallback);

const NO_DATE: DateEvidence = { value: null, source: 'none', confidence: 0, reason: 'no date evidence' };

export function rowToArticle(r: Row): Article {
  return {
    id: r.id as string,
    seq: Number(r.seq),
    source: r.source as string,
    url: (r.url as string) ?? null,
    format: r.format as string,
    title: (r.title as string) ?? null,
    outlet: (r.outlet as string) ?? null,
    outletEvidence: (r.outlet_evidence as string) ?? null,
    published: (r.published as string) ?? null,
    publishedEvidence: parse(r.published_evidence, NO_DATE),
    section: (r.section as string) ?? null,
    dateline: (r.dateline as string) ?? null,
    byline: (r.byline as string) ?? null,
    captions: parse(r.captions, []),
    subheadings: parse(r.subheadings, []),
    boilerplate: parse(r.boilerplate, []),
    raw: r.raw as string,
    text: r.text as string,
    offsets: parse(r.offsets, []),
    wordCount: Number(r.word_count),
    ingestedAt: String(r.ingested_at),
  };
}

export function rowToSummary(r: Row): ArticleSummary {
  return {
    id: r.id as string,
    title: (r.title as string) ?? null,
    outlet: (r.outlet as string) ?? null,
    published: (r.published as string) ?? null,
    publishedEvidence: parse(r.published_evidence, NO_DATE),
    source: r.source as string,
    url: (r.url as string) ?? null,
    wordCount: Number(r.word_count),
    section: (r.section as string) ?? null,
  };
}

/** Words of a search query, safe to pass to either full-text engine. */
export function searchTerms(q: string): string[] {
  return (q.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 16);
}
