// The embedded default: one SQLite file, WAL journal, FTS5 full-text search.
import Database from 'better-sqlite3';
import type { Analysis, Article, ArticleSummary } from '../types.js';
import { ARTICLE_COLUMNS, SUMMARY_COLUMNS, articleToRow, rowToArticle, rowToSummary, searchTerms, type Row } from './rows.js';
import { BACKSTOP_AUTOCHECKPOINT_PAGES, Checkpointer, DEFAULT_AUTOCHECKPOINT_PAGES } from './checkpointer.js';
import { SqliteBands } from './sqlite-bands.js';
import { type ArticleFilter, type ArticleText, type CorpusObject, type PutResult, type Store } from './store.js';

// Versioned migrations: each runs once, in order, inside a transaction; user_version records the last.
const MIGRATIONS: string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE articles (
     id TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, source TEXT NOT NULL, url TEXT, format TEXT NOT NULL,
     title TEXT, outlet TEXT, outlet_evidence TEXT, published TEXT, published_evidence TEXT,
     section TEXT, dateline TEXT, byline TEXT, word_count INTEGER NOT NULL, ingested_at TEXT NOT NULL,
     captions TEXT, subheadings TEXT, boilerplate TEXT, raw TEXT NOT NULL, text TEXT NOT NULL, offsets TEXT NOT NULL);
   CREATE INDEX articles_url ON articles(url);
   CREATE INDEX articles_outlet ON articles(outlet);
   CREATE INDEX articles_published ON articles(published);
   CREATE TABLE sources (source TEXT PRIMARY KEY, article_id TEXT NOT NULL);
   CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2');
   CREATE TABLE analyses (article_id TEXT NOT NULL, layer TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (article_id, layer));
   CREATE TABLE objects (kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id));
   CREATE TABLE object_articles (kind TEXT NOT NULL, id TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (kind, id, article_id));
   CREATE INDEX object_articles_article ON object_articles(article_id, kind);
   CREATE TABLE line_counts (outlet TEXT NOT NULL, hash TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (outlet, hash));
   CREATE TABLE bands (band TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, article_id)) WITHOUT ROWID;`,
  // Listings are ordered by date, undated last, then arrival: an index in that order pages them.
  `CREATE INDEX articles_order ON articles((published IS NULL), published, seq);`,
  // Band holders keyed by arrival: a key's earliest and latest holders are then two short index
  // range reads, however many articles hold it (see holdersRead).
  `CREATE TABLE bands_by_seq (band TEXT NOT NULL, seq INTEGER NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, seq)) WITHOUT ROWID;
   INSERT OR IGNORE INTO bands_by_seq (band, seq, article_id) SELECT b.band, a.seq, b.article_id FROM bands b JOIN articles a ON a.id = b.article_id;
   DROP TABLE bands;
   ALTER TABLE bands_by_seq RENAME TO bands;`,
  // New reuse keys are staged in arrival order and merged into bands in sorted batches
  // (sqlite-bands.ts).
  `CREATE TABLE band_staging (seq INTEGER NOT NULL, band TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (seq, band)) WITHOUT ROWID;`,
];

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  private db: Database.Database;
  private stmts = new Map<string, Database.Statement>();

  constructor(
    readonly file: string,
    options: { checkpointWalBytes?: number; bandStageRows?: number } = {},
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('foreign_keys = ON');
    this.bandIndex = new SqliteBands((sql) => this.st(sql), options.bandStageRows);
    if (file !== ':memory:' && file !== '') {
      this.checkpointer = new Checkpointer(file, options.checkpointWalBytes, () => this.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`));
      this.db.pragma(`wal_autocheckpoint = ${BACKSTOP_AUTOCHECKPOINT_PAGES}`);
    }
  }

  private readonly bandIndex: SqliteBands;
  /** Checkpoints the write-ahead log beside this connection (null in memory). */
  readonly checkpointer: Checkpointer | null = null;

  /** A transaction of the store's own (a savepoint inside a unit of work). */
  private tx<T>(fn: () => T): T {
    const out = this.db.transaction(fn)();
    if (this.unitDepth === 0) this.checkpointer?.afterCommit();
    return out;
  }

  private st(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) this.stmts.set(sql, (s = this.db.prepare(sql)));
    return s;
  }

  private unitDepth = 0;

  async unitOfWork<T>(fn: () => Promise<T>): Promise<T> {
    // The methods' own transactions (better-sqlite3's) become savepoints inside this one.
    const name = `unit_${++this.unitDepth}`;
    this.db.exec(this.unitDepth === 1 ? 'BEGIN' : `SAVEPOINT ${name}`);
    try {
      const out = await fn();
      if (this.unitDepth === 1 && this.bandIndex.shouldMerge) this.bandIndex.merge();
      this.db.exec(this.unitDepth === 1 ? 'COMMIT' : `RELEASE ${name}`);
      if (this.unitDepth === 1) this.checkpointer?.afterCommit();
      return out;
    } catch (e) {
      this.bandIndex.invalidate();
      if (this.db.inTransaction) this.db.exec(this.unitDepth === 1 ? 'ROLLBACK' : `ROLLBACK TO ${name}; RELEASE ${name}`);
      throw e;
    } finally {
      this.unitDepth--;
    }
  }

  async migrate(): Promise<void> {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  async close(): Promise<void> {
    await this.checkpointer?.close();
    this.db.close();
  }

  async putArticle(article: Article, analysis: Analysis): Promise<PutResult> {
    return this.tx(() => this.insertArticle(article, analysis));
  }

  async putArticles(items: { article: Article; analysis: Analysis }[]): Promise<PutResult[]> {
    return this.tx(() => items.map((x) => this.insertArticle(x.article, x.analysis)));
  }

  private insertArticle(article: Article, analysis: Analysis): PutResult {
    {
      if (this.st('SELECT 1 FROM articles WHERE id = ?').get(article.id)) return { status: 'exists', id: article.id };
      const bySource = this.st('SELECT article_id FROM sources WHERE source = ?').get(article.url ?? article.source) as Row | undefined;
      if (article.url && bySource) return { status: 'exists', id: bySource.article_id as string };
      const seq = ((this.st('SELECT COALESCE(MAX(seq), 0) + 1 AS s FROM articles').get() as Row).s as number);
      const row = articleToRow(article, seq);
      this.st(`INSERT INTO articles (${ARTICLE_COLUMNS.join(',')}) VALUES (${ARTICLE_COLUMNS.map((c) => '@' + c).join(',')})`).run(row);
      this.st('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(seq, article.title ?? '', article.text);
      this.st('INSERT OR IGNORE INTO sources (source, article_id) VALUES (?, ?)').run(article.source, article.id);
      if (article.url) this.st('INSERT OR IGNORE INTO sources (source, article_id) VALUES (?, ?)').run(article.url, article.id);
      this.writeAnalysis(article.id, analysis);
      return { status: 'inserted', article: { ...article, seq } };
    }
  }

  async updateArticle(article: Article, analysis: Analysis): Promise<void> {
    this.tx(() => {
      const old = this.st('SELECT seq, title, text FROM articles WHERE id = ?').get(article.id) as Row | undefined;
      if (!old) throw new Error(`article ${article.id} is not stored`);
      this.st(`INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', ?, ?, ?)`).run(old.seq, old.title ?? '', old.text);
      const row = articleToRow(article, old.seq as number);
      const cols = ARTICLE_COLUMNS.filter((c) => c !== 'id' && c !== 'seq' && c !== 'ingested_at');
      this.st(`UPDATE articles SET ${cols.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run(row);
      this.st('INSERT INTO articles_fts (rowid, title, text) VALUES (?, ?, ?)').run(old.seq, article.title ?? '', article.text);
      this.st('DELETE FROM analyses WHERE article_id = ?').run(article.id);
      this.writeAnalysis(article.id, analysis);
    });
  }

  private writeAnalysis(id: string, analysis: Analysis): void {
    const ins = this.st('INSERT OR REPLACE INTO analyses (article_id, layer, data) VALUES (?, ?, ?)');
    for (const [layer, data] of Object.entries(analysis)) if (data !== undefined) ins.run(id, layer, JSON.stringify(data));
  }

  async hasArticle(id: string): Promise<boolean> {
    return !!this.st('SELECT 1 FROM articles WHERE id = ?').get(id);
  }

  async findBySource(source: string): Promise<string | null> {
    const r = this.st('SELECT article_id FROM sources WHERE source = ?').get(source) as Row | undefined;
    return (r?.article_id as string) ?? null;
  }

  async getArticle(id: string): Promise<Article | null> {
    const r = this.st('SELECT * FROM articles WHERE id = ?').get(id) as Row | undefined;
    return r ? rowToArticle(r) : null;
  }

  async getArticleText(id: string): Promise<ArticleText | null> {
    const r = this.st('SELECT id, text, published, seq FROM articles WHERE id = ?').get(id) as Row | undefined;
    return r ? { id: r.id as string, text: r.text as string, published: (r.published as string) ?? null, seq: Number(r.seq) } : null;
  }

  async resolveId(idOrPrefix: string): Promise<string | null> {
    if (!/^[0-9a-f]{4,}$/i.test(idOrPrefix)) return null;
    const rows = this.st('SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2').all(idOrPrefix, idOrPrefix + 'g') as Row[];
    return rows.length === 1 ? (rows[0]!.id as string) : null;
  }

  private where(f: ArticleFilter): { sql: string; params: unknown[] } {
    const conds: string[] = [];
    const params: unknown[] = [];
    if (f.ids) { conds.push(`a.id IN (SELECT value FROM json_each(?))`); params.push(JSON.stringify(f.ids)); }
    if (f.outlet) { conds.push('a.outlet = ? COLLATE NOCASE'); params.push(f.outlet); }
    if (f.from) { conds.push('a.published >= ?'); params.push(f.from); }
    if (f.to) { conds.push('substr(a.published, 1, 10) <= ?'); params.push(f.to); }
    if (f.search) {
      const terms = searchTerms(f.search);
      if (terms.length) {
        conds.push('a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)');
        params.push(terms.map((t) => `"${t}"`).join(' '));
      } else conds.push('0');
    }
    if (f.entity) {
      conds.push(`a.id IN (SELECT article_id FROM object_articles WHERE kind = 'entity' AND id = ?)`);
      params.push(f.entity);
    }
    return { sql: conds.length ? 'WHERE ' + conds.join(' AND ') : '', params };
  }

  async listArticles(f: ArticleFilter = {}): Promise<ArticleSummary[]> {
    const { sql, params } = this.where(f);
    const rows = this.st(`SELECT ${SUMMARY_COLUMNS.split(', ').map((c) => 'a.' + c).join(', ')} FROM articles a ${sql} ORDER BY a.published IS NULL, a.published, a.seq LIMIT ? OFFSET ?`)
.all(...params, f.limit ?? -1, f.offset ?? 0) as Row[];
    return rows.map(rowToSummary);
  }

  async countArticles(f: ArticleFilter = {}): Promise<number> {
    const { sql, params } = this.where(f);
    // Search alone: count in the full-text index without touching the articles.
    if (f.search && Object.entries(f).every(([k, v]) => k === 'search' || k === 'limit' || k === 'offset' || v === undefined)) {
      const terms = searchTerms(f.search);
      if (!terms.length) return 0;
      return (this.st('SELECT COUNT(*) AS n FROM articles_fts WHERE articles_fts MATCH ?').get(terms.map((t) => `"${t}"`).join(' ')) as Row).n as number;
    }
    return (this.st(`SELECT COUNT(*) AS n FROM articles a ${sql}`).get(...params) as Row).n as number;
  }

  async articleIds(): Promise<string[]> {
    return (this.st('SELECT id FROM articles ORDER BY seq').all() as Row[]).map((r) => r.id as string);
  }

  async outlets(): Promise<{ outlet: string; articles: number }[]> {
    return this.st(`SELECT outlet, COUNT(*) AS articles FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY articles DESC, outlet`).all() as { outlet: string; articles: number }[];
  }

  async getAnalysis(id: string): Promise<Analysis> {
    const out: Analysis = {};
    for (const r of this.st('SELECT layer, data FROM analyses WHERE article_id = ?').all(id) as Row[]) out[r.layer as string] = JSON.parse(r.data as string);
    return out;
  }

  async getLayers(ids: string[], layers: string[]): Promise<Map<string, Analysis>> {
    const out = new Map<string, Analysis>(ids.map((id) => [id, {}]));
    const st = this.st('SELECT article_id, layer, data FROM analyses WHERE layer IN (SELECT value FROM json_each(?)) AND article_id IN (SELECT value FROM json_each(?))');
    for (let i = 0; i < ids.length; i += 5000) {
      for (const r of st.all(JSON.stringify(layers), JSON.stringify(ids.slice(i, i + 5000))) as Row[]) out.get(r.article_id as string)![r.layer as string] = JSON.parse(r.data as string);
    }
    return out;
  }

  async putObjects(objects: CorpusObject[]): Promise<void> {
    this.tx(() => {
      const put = this.st('INSERT OR REPLACE INTO objects (kind, id, data) VALUES (?, ?, ?)');
      const clear = this.st('DELETE FROM object_articles WHERE kind = ? AND id = ?');
      const link = this.st('INSERT OR IGNORE INTO object_articles (kind, id, article_id) VALUES (?, ?, ?)');
      for (const o of objects) {
        put.run(o.kind, o.id, JSON.stringify(o.data));
        clear.run(o.kind, o.id);
        for (const a of o.articles) link.run(o.kind, o.id, a);
      }
    });
  }

  async deleteObjects(kind: string, ids?: string[]): Promise<void> {
    this.tx(() => {
      if (!ids) {
        this.st('DELETE FROM objects WHERE kind = ?').run(kind);
        this.st('DELETE FROM object_articles WHERE kind = ?').run(kind);
        return;
      }
      for (const id of ids) {
        this.st('DELETE FROM objects WHERE kind = ? AND id = ?').run(kind, id);
        this.st('DELETE FROM object_articles WHERE kind = ? AND id = ?').run(kind, id);
      }
    });
  }

  async getObjects<T>(kind: string, opts: { article?: string; ids?: string[] } = {}): Promise<CorpusObject<T>[]> {
    let rows: Row[];
    if (opts.article) {
      // From the article's links to the objects, not the other way round (the planner would scan).
      rows = this.st('SELECT o.id, o.data FROM object_articles l INDEXED BY object_articles_article CROSS JOIN objects o ON o.kind = l.kind AND o.id = l.id WHERE l.article_id = ? AND l.kind = ? ORDER BY o.id').all(opts.article, kind) as Row[];
    } else if (opts.ids) {
      const st = this.st('SELECT id, data FROM objects WHERE kind = ? AND id = ?');
      rows = opts.ids.map((id) => st.get(kind, id) as Row | undefined).filter((r): r is Row => !!r);
    } else rows = this.st('SELECT id, data FROM objects WHERE kind = ? ORDER BY id').all(kind) as Row[];
    // All links of the kind in one pass rather than one query per object.
    const byId = new Map<string, string[]>();
    const wanted = rows.length < 64 ? new Set(rows.map((r) => r.id as string)) : null;
    const links = wanted
      ? (this.st('SELECT id, article_id FROM object_articles WHERE kind = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY article_id').all(kind, JSON.stringify([...wanted])) as Row[])
      : (this.st('SELECT id, article_id FROM object_articles WHERE kind = ? ORDER BY article_id').all(kind) as Row[]);
    for (const l of links) {
      const list = byId.get(l.id as string);
      if (list) list.push(l.article_id as string);
      else byId.set(l.id as string, [l.article_id as string]);
    }
    return rows.map((r) => ({ kind, id: r.id as string, data: JSON.parse(r.data as string) as T, articles: byId.get(r.id as string) ?? [] }));
  }

  async countLines(outlet: string, hashes: string[]): Promise<Map<string, number>> {
    return (await this.countLinesMany([{ outlet, hashes }]))[0]!;
  }

  async countLinesMany(items: { outlet: string; hashes: string[] }[]): Promise<Map<string, number>[]> {
    return this.tx(() => {
      const up = this.st('INSERT INTO line_counts (outlet, hash, n) VALUES (?, ?, 1) ON CONFLICT (outlet, hash) DO UPDATE SET n = n + 1 RETURNING n');
      return items.map(({ outlet, hashes }) => {
        const out = new Map<string, number>();
        for (const h of new Set(hashes)) out.set(h, (up.get(outlet, h) as Row).n as number);
        return out;
      });
    });
  }

  async lineCounts(outlet: string, hashes: string[]): Promise<Map<string, number>> {
    const st = this.st('SELECT n FROM line_counts WHERE outlet = ? AND hash = ?');
    const out = new Map<string, number>();
    for (const h of new Set(hashes)) out.set(h, ((st.get(outlet, h) as Row | undefined)?.n as number) ?? 0);
    return out;
  }

  async addBands(articleId: string, bands: string[]): Promise<void> {
    const seq = (this.st('SELECT seq FROM articles WHERE id = ?').get(articleId) as Row | undefined)?.seq as number | undefined;
    if (seq === undefined) throw new Error(`reuse index: article ${articleId} is not stored`);
    try {
      this.tx(() => this.bandIndex.add(seq, articleId, bands));
      if (this.unitDepth === 0 && this.bandIndex.shouldMerge) this.tx(() => this.bandIndex.merge());
    } catch (e) {
      this.bandIndex.invalidate();
      throw e;
    }
  }

  async bandCandidates(bands: string[], exclude: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const ids of (await this.bandPostings(bands, exclude)).values()) for (const id of ids) out.set(id, (out.get(id) ?? 0) + 1);
    return out;
  }

  async bandPostings(bands: string[], exclude: string): Promise<Map<string, string[]>> {
    return this.bandIndex.postings(bands, exclude);
  }

  async getMeta(key: string): Promise<string | null> {
    return ((this.st('SELECT value FROM meta WHERE key = ?').get(key) as Row | undefined)?.value as string) ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    this.st('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
