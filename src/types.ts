// The shared model of Triangulate. Every layer (ingest, analysis, linking, store, CLI, API, web
// app) speaks these types. Everything extracted is standoff: spans into an article's clean text.

/** Half-open character range [start, end) into an article's clean body text (`Article.text`). */
export interface Span {
  start: number;
  end: number;
}

/** Why we believe something: a short human-readable reason and, where it comes from text, the span. */
export interface Evidence {
  reason: string;
  span?: Span;
  /** Where outside the body the evidence was read: "url", "meta:og:published_time", "caption", … */
  from?: string;
}

export type Granularity = 'instant' | 'day' | 'week' | 'month' | 'year' | 'range';

/** A publication date with the evidence and confidence behind it. */
export interface DateEvidence {
  /** ISO 8601 date or date-time, or null when nothing dates the article. */
  value: string | null;
  source: 'metadata' | 'url' | 'dateline' | 'text' | 'caption' | 'estimated' | 'none';
  confidence: number;
  reason: string;
}

/** One contiguous piece of the clean text and where it sits in the raw text. Inside a piece,
 * offsets map one to one (same length) unless `rawLength` differs (entity-decoded HTML text). A
 * `rawLength` of 0 marks text taken from the container's metadata (a feed item's headline). */
export interface OffsetPiece {
  clean: number;
  raw: number;
  length: number;
  rawLength?: number;
}

/** What a reader produced from one input before cleaning: the exact decoded text and whatever
 * metadata the container carried (HTML meta tags, JSON keys, feed item fields, WARC headers). */
export interface RawDocument {
  /** The input path or URL; for records inside a container, `path#n` or the item URL. */
  source: string;
  /** Text as decoded from the input, exactly (HTML markup included for HTML). */
  raw: string;
  /** How `raw` is to be cleaned. */
  kind: 'text' | 'html';
  format: string;
  meta: RawMeta;
  /** For markup (`kind: 'html'`): the main-content text the reader extracted, one block element a
   * line, with its map back into `raw`. Cleaning then works on this text as on plain text. */
  text?: string;
  textOffsets?: OffsetPiece[];
}

/** An input that could not be read: the batch goes on, the reason is reported. */
export interface ReadFailure {
  source: string;
  error: string;
}

export interface RawMeta {
  title?: string;
  url?: string;
  published?: string;
  /** Where `published` was read, e.g. "json:published", "meta:article:published_time". */
  publishedFrom?: string;
  outlet?: string;
  outletFrom?: string;
  byline?: string;
  /** A dateline the container gives as a field of its own ("SALVADOR, Feb 26"). */
  dateline?: string;
  section?: string;
  description?: string;
  /** Text that the container marks as not body: figcaptions, feed summaries kept apart, … */
  captions?: string[];
  subheadings?: string[];
}

export interface Article {
  /** Hash of the normalised raw content: re-ingesting the same content is a no-op. */
  id: string;
  source: string;
  url: string | null;
  format: string;
  title: string | null;
  outlet: string | null;
  outletEvidence: string | null;
  published: string | null;
  publishedEvidence: DateEvidence;
  section: string | null;
  dateline: string | null;
  byline: string | null;
  captions: string[];
  subheadings: string[];
  boilerplate: string[];
  /** The raw text exactly as read. */
  raw: string;
  /** The clean body text: what every span points into. */
  text: string;
  offsets: OffsetPiece[];
  wordCount: number;
  /** Order of arrival in this store; breaks ties in "who was first". */
  seq?: number;
  ingestedAt?: string;
}

export type ArticleSummary = Pick<
  Article,
  'id' | 'title' | 'outlet' | 'published' | 'publishedEvidence' | 'source' | 'url' | 'wordCount' | 'section'
>;

// ---------------------------------------------------------------------------------------------
// Per-article analysis layers. Each stage of the analysis pipeline adds one layer.

export interface Segments {
  paragraphs: Span[];
  sentences: Span[];
}

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'OTHER';

export interface Mention extends Span {
  text: string;
  type: EntityType;
  /** Roles and titles found with the name ("Gen.", "Secretary of State"). */
  roles?: string[];
  /** Key of the in-article entity this mention belongs to (after coreference). */
  ref?: string;
  /** How the mention was found: "ner", "coref:surname", "coref:pronoun", "acronym", … */
  via?: string;
  confidence?: number;
}

export interface PlaceRef extends Span {
  text: string;
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  kind: 'country' | 'admin1' | 'city' | 'other';
  geoId: string;
  confidence: number;
  reason: string;
}

export interface Quote extends Span {
  kind: 'direct' | 'partial' | 'reported';
  text: string;
  cue: (Span & { text: string }) | null;
  speakerSpan: (Span & { text: string }) | null;
  /** Display name of the speaker as resolved inside the article, or null when unknown. */
  speaker: string | null;
  /** In-article entity key (Mention.ref) of the speaker. */
  speakerRef: string | null;
  channel: string | null;
  confidence: number;
  evidence: Evidence[];
}

export interface TimeRef extends Span {
  text: string;
  /** ISO value: "2021-07-21", "2021-06", "2021", "2021-W29", or a range "2021-08-01/2021-09-30". */
  value: string;
  granularity: Granularity;
  confidence: number;
  reason: string;
}

export interface Quantity extends Span {
  text: string;
  value: number;
  /** "X of Y": the whole. */
  of: number | null;
  unit: string | null;
  approx: boolean;
  hedge: string | null;
  /** The counted noun phrase. */
  counted: (Span & { text: string }) | null;
}

export interface Claim extends Span {
  text: string;
  quantity: string;
  subject: string | null;
  predicate: string | null;
  value: number;
  of: number | null;
  unit: string | null;
  approx: boolean;
  claimant: string | null;
  claimantRef: string | null;
  side: string | null;
  asOf: string | null;
  asOfGranularity: Granularity | null;
  evidence: Evidence[];
}

export interface EventMention extends Span {
  type: string;
  summary: string;
  actors: string[];
  place: string | null;
  date: string | null;
  granularity: Granularity | null;
  evidence: Evidence[];
}

export interface ControlClaim extends Span {
  place: string;
  holder: string;
  asOf: string | null;
  status: 'claimed' | 'reported';
  claimant: string | null;
  evidence: Evidence[];
}

/** The per-article analysis: one key per pipeline stage. Stages only add keys. */
export interface Analysis {
  segments?: Segments;
  mentions?: Mention[];
  places?: PlaceRef[];
  quotes?: Quote[];
  times?: TimeRef[];
  quantities?: Quantity[];
  claims?: Claim[];
  events?: EventMention[];
  control?: ControlClaim[];
  [layer: string]: unknown;
}

// ---------------------------------------------------------------------------------------------
// Corpus objects made by linking.

export interface ReusePassage {
  sourceStart: number;
  sourceEnd: number;
  targetStart: number;
  targetEnd: number;
  similarity: number;
  /** True when the passage lies inside quotation or attributed speech in both articles. */
  quoted?: boolean;
}

export type ReuseKind = 'copied' | 'near-duplicate' | 'shared-quotation';

export interface ReusePair {
  id: string;
  /** Earlier article, or null when the direction cannot be decided. */
  source: string | null;
  target: string | null;
  /** Both articles, in a stable order, whether or not directed. */
  articles: [string, string];
  kind: ReuseKind;
  similarity: number;
  /** Share of the target's body (or of the second article's, when undirected) that is reused. */
  targetShare: number;
  passages: ReusePassage[];
  direction: string;
}

// Corpus objects kept in the store (Store.putObjects), one kind each. The views and the API
// return these shapes.

/** A reference from a corpus object to the characters behind it. */
export interface SpanRef {
  articleId: string;
  start: number;
  end: number;
}

export interface CanonicalEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  roles: string[];
  articles: string[];
  mentions: number;
  spans?: SpanRef[];
}

export interface PlaceSummary {
  id: string;
  name: string;
  lat: number;
  lon: number;
  country: string | null;
  kind: PlaceRef['kind'];
  articles: string[];
  mentions: number;
}

export interface QuoteGroup {
  id: string;
  text: string;
  speaker: string | null;
  quotes: SpanRef[];
  articles: string[];
  outlets: string[];
  earliest: { articleId: string; published: string | null } | null;
  independentReports: number;
}

export interface ClaimGroup {
  id: string;
  quantity: string;
  unit: string | null;
  /** Claim ids (`${articleId}:${start}`) ordered by asOf. */
  claims: string[];
  articles: string[];
  independentReports: number;
}

export type ClaimRelationKind = 'consistent' | 'trend' | 'conflict' | 'copy';

export interface ClaimRelation {
  id: string;
  groupId: string;
  kind: ClaimRelationKind;
  claims: string[];
  reason: string;
  sides?: string[];
}

export interface TimelineEvent {
  id: string;
  date: string | null;
  granularity: Granularity | null;
  type: string;
  summary: string;
  actors: string[];
  place: string | null;
  articles: string[];
  sources: SpanRef[];
}

export interface ControlRecord {
  id: string;
  place: string;
  lat: number | null;
  lon: number | null;
  holder: string;
  asOf: string | null;
  status: 'claimed' | 'reported';
  claimant: string | null;
  articles: string[];
  sources: SpanRef[];
  /** Earlier states of the same place, oldest first. */
  history: { holder: string; asOf: string | null; status: 'claimed' | 'reported'; claimant: string | null; articles: string[] }[];
}

/** The object kinds in the store, by name. */
export type CorpusObjectKind = (typeof OBJECT_KINDS)[keyof typeof OBJECT_KINDS];

export const OBJECT_KINDS = {
  reuse: 'reuse',
  entity: 'entity',
  place: 'place',
  quoteGroup: 'quote-group',
  claimGroup: 'claim-group',
  claimRelation: 'claim-relation',
  event: 'event',
  control: 'control',
} as const;
