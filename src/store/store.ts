// The one storage interface. SQLite (embedded default) and PostgreSQL implement it and pass the
// same contract suite (test/store/contract.ts). Writes for one article are one transaction.
import type { Analysis, Article, ArticleSummary } from '../types.js';

export interface ArticleFilter {
  /** Only these articles. */
  ids?: string[];
  outlet?: string;
  /** Inclusive ISO dates. */
  from?: string;
  to?: string;
  /** Full-text search words. */
  search?: string;
  /** Articles in which this canonical entity is mentioned. */
  entity?: string;
  limit?: number;
  offset?: number;
}

/** A reuse-index band shared by more articles than this is ignored as a candidate source. */
export const MAX_BAND_ARTICLES = 100;

/** Of a band key's holders, the reuse index reads the earliest (a family's originals) and the
 * latest (the copies a new article most likely took from) only: the work per key, and so per new
 * article, then stays bounded however large a story's family of copies grows. */
export const BAND_HOLDERS_READ = { earliest: 4, latest: 12 } as const;

/** A key's holders (in arrival order) cut to the earliest and latest BAND_HOLDERS_READ. */
export function holdersRead<T>(holders: T[]): T[] {
  const { earliest, latest } = BAND_HOLDERS_READ;
  return holders.length <= earliest + latest ? holders : [...holders.slice(0, earliest), ...holders.slice(-latest)];
}

/** An article's clean text and what orders it in time. */
export type ArticleText = Pick<Article, 'id' | 'text' | 'published' | 'seq'>;

export type PutResult = { status: 'inserted'; article: Article } | { status: 'exists'; id: string };

/** A corpus-level object made by linking (reuse pair, canonical entity, quote group, claim group,
 * event, control record, …): a JSON document of a kind, indexed by the articles it refers to. */
export interface CorpusObject<T = unknown> {
  kind: string;
  id: string;
  data: T;
  articles: string[];
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Apply pending versioned migrations. Idempotent. */
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** Run fn's writes as one unit: all kept when it resolves, none when it throws. Units nest (an
   * inner one that throws undoes its own writes only). Writes commit once per unit, not once per
   * call: a group of articles linked in one unit costs a fraction of the commits. One writer per
   * store at a time (ingest jobs run one after another); reads see the unit's writes. */
  unitOfWork<T>(fn: () => Promise<T>): Promise<T>;

  /** Store an article with its analysis in one transaction. An article whose id or source URL
   * is already stored is left as it is. */
  putArticle(article: Article, analysis: Analysis): Promise<PutResult>;
  /** Several articles in one transaction (each stored whole or, on failure, none of the group). */
  putArticles(items: { article: Article; analysis: Analysis }[]): Promise<PutResult[]>;
  /** Replace the cleaned fields and analysis of a stored article (after boilerplate re-learning). */
  updateArticle(article: Article, analysis: Analysis): Promise<void>;
  hasArticle(id: string): Promise<boolean>;
  /** Id of the article stored from this source path or URL, if any. */
  findBySource(source: string): Promise<string | null>;
  getArticle(id: string): Promise<Article | null>;
  /** The clean text of an article with what orders it in time: what comparing texts needs, read
   * without the rest of the row. */
  getArticleText(id: string): Promise<ArticleText | null>;
  /** Resolve a full id or a unique prefix of at least 4 characters. */
  resolveId(idOrPrefix: string): Promise<string | null>;
  listArticles(filter?: ArticleFilter): Promise<ArticleSummary[]>;
  countArticles(filter?: ArticleFilter): Promise<number>;
  /** Every article id in arrival order (seq). */
  articleIds(): Promise<string[]>;
  outlets(): Promise<{ outlet: string; articles: number }[]>;

  getAnalysis(id: string): Promise<Analysis>;
  /** Analysis layers of many articles at once (missing layers are absent). */
  getLayers(ids: string[], layers: string[]): Promise<Map<string, Analysis>>;

  putObjects(objects: CorpusObject[]): Promise<void>;
  deleteObjects(kind: string, ids?: string[]): Promise<void>;
  getObjects<T = unknown>(kind: string, opts?: { article?: string; ids?: string[] }): Promise<CorpusObject<T>[]>;

  /** Line-recurrence counts per outlet, for learning boilerplate from the corpus. Adds one to each
   * distinct line hash of an article and returns the counts after the addition. */
  countLines(outlet: string, lineHashes: string[]): Promise<Map<string, number>>;
  /** countLines for several articles in order, in one transaction. */
  countLinesMany(items: { outlet: string; hashes: string[] }[]): Promise<Map<string, number>[]>;
  lineCounts(outlet: string, lineHashes: string[]): Promise<Map<string, number>>;

  /** The reuse index: LSH band keys of each article. */
  addBands(articleId: string, bands: string[]): Promise<void>;
  /** Articles sharing at least one band key, with how many they share; bands held by more than
   * MAX_BAND_ARTICLES articles are skipped. */
  bandCandidates(bands: string[], exclude: string): Promise<Map<string, number>>;

  /** Small key/value settings and counters (schema version, learned parameters). */
  /** For each band key held by at most MAX_BAND_ARTICLES articles, its holders in arrival order
   * (the reuse layer prefers originals over later copies), cut by holdersRead. */
  bandPostings(bands: string[], exclude: string): Promise<Map<string, string[]>>;

  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;
}
