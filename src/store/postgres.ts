// PostgreSQL for shared and larger deployments: the same tables as SQLite, full-text search with
// a generated tsvector column and a GIN index.
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { Analysis, Article, ArticleSummary } from '../types.js';
import { ARTICLE_COLUMNS, SUMMARY_COLUMNS, articleToRow, rowToArticle, rowToSummary, searchTerms, type Row } from './rows.js';
import { holdersRead, MAX_BAND_ARTICLES, type ArticleFilter, type ArticleText, type CorpusObject, type PutResult, type Store } from './store.js';

const MIGRATIONS: string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE SEQUENCE article_seq;
   CREATE TABLE articles (
     id TEXT PRIMARY KEY, seq BIGINT NOT NULL UNIQUE, source TEXT NOT NULL, url TEXT, format TEXT NOT NULL,
     title TEXT, outlet TEXT, outlet_evidence TEXT, published TEXT, published_evidence TEXT,
     section TEXT, dateline TEXT, byline TEXT, word_count INTEGER NOT NULL, ingested_at TEXT NOT NULL,
     captions TEXT, subheadings TEXT, boilerplate TEXT, raw TEXT NOT NULL, text TEXT NOT NULL, offsets TEXT NOT NULL,
     fts tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED);
   CREATE INDEX articles_url ON articles(url);
   CREATE INDEX articles_outlet ON articles(lower(outlet));
   CREATE INDEX articles_published ON articles(published);
   CREATE INDEX articles_fts ON articles USING GIN (fts);
   CREATE TABLE sources (source TEXT PRIMARY KEY, article_id TEXT NOT NULL);
   CREATE TABLE analyses (article_id TEXT NOT NULL, layer TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (article_id, layer));
   CREATE TABLE objects (kind TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (kind, id));
   CREATE TABLE object_articles (kind TEXT NOT NULL, id TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (kind, id, article_id));
   CREATE INDEX object_articles_article ON object_articles(article_id, kind);
   CREATE TABLE line_counts (outlet TEXT NOT NULL, hash TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (outlet, hash));
   CREATE TABLE bands (band TEXT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, article_id));`,
  `CREATE INDEX articles_order ON articles((published IS NULL), published, seq);`,
];

/** `postgres://…?schema=name` selects a schema (created if missing): tests use one per run. */
export function parsePgUrl(url: string): { connectionString: string; schema: string | null } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  if (schema && !/^[a-z_][a-z0-9_]*$/i.test(schema)) throw new Error(`invalid schema name "${schema}" in ${url}`);
  return { connectionString: u.toString(), schema };
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  private pool: pg.Pool;
  private schema: string | null;

  constructor(url: string) {
    const { connectionString, schema } = parsePgUrl(url);
    this.schema = schema;
    this.pool = new pg.Pool({ connectionString, max: 4, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  }

  /** The connection of the unit of work the current async call runs in, if any: its queries,
   * and the transactions of the methods it calls, go through it. */
  private unit = new AsyncLocalStorage<{ client: pg.PoolClient; depth: number }>();

  private async q(sql: string, params: unknown[] = []): Promise<Row[]> {
    const u = this.unit.getStore();
    return (await (u ? u.client : this.pool).query(sql, params)).rows as Row[];
  }

  async unitOfWork<T>(fn: () => Promise<T>): Promise<T> {
    const u = this.unit.getStore();
    if (u) return this.savepoint(u, fn);
    return this.tx((client) => this.unit.run({ client, depth: 0 }, fn));
  }

  private async savepoint<T>(u: { client: pg.PoolClient; depth: number }, fn: () => Promise<T>): Promise<T> {
    const name = `unit_${++u.depth}`;
    await u.client.query(`SAVEPOINT ${name}`);
    try {
      const out = await fn();
      await u.client.query(`RELEASE SAVEPOINT ${name}`);
      return out;
    } catch (e) {
      await u.client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
      throw e;
    } finally {
      u.depth--;
    }
  }

  private async tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const u = this.unit.getStore();
    if (u) return this.savepoint(u, () => fn(u.client));
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      c.release();
    }
  }

  async migrate(): Promise<void> {
    if (this.schema) await this.q(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
    await this.tx(async (c) => {
      // One migrator at a time, even with several workers starting together.
      await c.query('SELECT pg_advisory_xact_lock(7204031)');
      await c.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
      const r = await c.query('SELECT MAX(version) AS v FROM schema_version');
      const current = Number(r.rows[0]?.v ?? 0);
      for (let v = current; v < MIGRATIONS.length; v++) {
        await c.query(MIGRATIONS[v]!);
        await c.query('INSERT INTO schema_version (version) VALUES ($1)', [v + 1]);
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async putArticle(article: Article, analysis: Analysis): Promise<PutResult> {
    return this.tx((c) => this.insertArticle(c, article, analysis));
  }

  async putArticles(items: { article: Article; analysis: Analysis }[]): Promise<PutResult[]> {
    return this.tx(async (c) => {
      const out: PutResult[] = [];
      for (const x of items) out.push(await this.insertArticle(c, x.article, x.analysis));
      return out;
    });
  }

  private async insertArticle(c: pg.PoolClient, article: Article, analysis: Analysis): Promise<PutResult> {
    {
      if ((await c.query('SELECT 1 FROM articles WHERE id = $1', [article.id])).rowCount) return { status: 'exists', id: article.id };
      if (article.url) {
        const s = await c.query('SELECT article_id FROM sources WHERE source = $1', [article.url]);
        if (s.rowCount) return { status: 'exists', id: s.rows[0].article_id as string };
      }
      const seq = Number((await c.query(`SELECT nextval('article_seq') AS s`)).rows[0].s);
      const row = articleToRow(article, seq);
      const ins = await c.query(
        `INSERT INTO articles (${ARTICLE_COLUMNS.join(',')}) VALUES (${ARTICLE_COLUMNS.map((_, i) => '$' + (i + 1)).join(',')}) ON CONFLICT (id) DO NOTHING`,
        ARTICLE_COLUMNS.map((k) => row[k]),
      );
      if (!ins.rowCount) return { status: 'exists', id: article.id };
      await c.query('INSERT INTO sources (source, article_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [article.source, article.id]);
      if (article.url) await c.query('INSERT INTO sources (source, article_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [article.url, article.id]);
      await this.writeAnalysis(c, article.id, analysis);
      return { status: 'inserted', article: { ...article, seq } };
    }
  }

  async updateArticle(article: Article, analysis: Analysis): Promise<void> {
    await this.tx(async (c) => {
      const row = articleToRow(article, 0);
      const cols = ARTICLE_COLUMNS.filter((k) => k !== 'id' && k !== 'seq' && k !== 'ingested_at');
      const r = await c.query(
        `UPDATE articles SET ${cols.map((k, i) => `${k} = $${i + 2}`).join(', ')} WHERE id = $1`,
        [article.id, ...cols.map((k) => row[k])],
      );
      if (!r.rowCount) throw new Error(`article ${article.id} is not stored`);
      await c.query('DELETE FROM analyses WHERE article_id = $1', [article.id]);
      await this.writeAnalysis(c, article.id, analysis);
    });
  }

  private async writeAnalysis(c: pg.PoolClient, id: string, analysis: Analysis): Promise<void> {
    const entries = Object.entries(analysis).filter(([, d]) => d !== undefined);
    if (!entries.length) return;
    await c.query(
      `INSERT INTO analyses (article_id, layer, data) SELECT $1, l, d FROM unnest($2::text[], $3::text[]) AS t(l, d)
       ON CONFLICT (article_id, layer) DO UPDATE SET data = excluded.data`,
      [id, entries.map(([l]) => l), entries.map(([, d]) => JSON.stringify(d))],
    );
  }

  async hasArticle(id: string): Promise<boolean> {
    return (await this.q('SELECT 1 FROM articles WHERE id = $1', [id])).length > 0;
  }

  async findBySource(source: string): Promise<string | null> {
    return ((await this.q('SELECT article_id FROM sources WHERE source = $1', [source]))[0]?.article_id as string) ?? null;
  }

  async getArticle(id: string): Promise<Article | null> {
    const r = (await this.q('SELECT * FROM articles WHERE id = $1', [id]))[0];
    return r ? rowToArticle(r) : null;
  }

  async getArticleText(id: string): Promise<ArticleText | null> {
    const r = (await this.q('SELECT id, text, published, seq FROM articles WHERE id = $1', [id]))[0];
    return r ? { id: r.id as string, text: r.text as string, published: (r.published as string) ?? null, seq: Number(r.seq) } : null;
  }

  async resolveId(idOrPrefix: string): Promise<string | null> {
    if (!/^[0-9a-f]{4,}$/i.test(idOrPrefix)) return null;
    const rows = await this.q('SELECT id FROM articles WHERE id LIKE $1 LIMIT 2', [idOrPrefix.toLowerCase() + '%']);
    return rows.length === 1 ? (rows[0]!.id as string) : null;
  }

  private where(f: ArticleFilter): { sql: string; params: unknown[] } {
    const conds: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => (params.push(v), '$' + params.length);
    if (f.ids) conds.push(`a.id = ANY(${p(f.ids)})`);
    if (f.outlet) conds.push(`lower(a.outlet) = lower(${p(f.outlet)})`);
    if (f.from) conds.push(`a.published >= ${p(f.from)}`);
    if (f.to) conds.push(`substr(a.published, 1, 10) <= ${p(f.to)}`);
    if (f.search) {
      const terms = searchTerms(f.search);
      conds.push(terms.length ? `a.fts @@ plainto_tsquery('english', ${p(terms.join(' '))})` : 'false');
    }
    if (f.entity) conds.push(`a.id IN (SELECT article_id FROM object_articles WHERE kind = 'entity' AND id = ${p(f.entity)})`);
    return { sql: conds.length ? 'WHERE ' + conds.join(' AND ') : '', params };
  }

  async listArticles(f: ArticleFilter = {}): Promise<ArticleSummary[]> {
    const { sql, params } = this.where(f);
    params.push(f.limit ?? null, f.offset ?? 0);
    const rows = await this.q(
      `SELECT ${SUMMARY_COLUMNS.split(', ').map((c) => 'a.' + c).join(', ')} FROM articles a ${sql}
       ORDER BY a.published IS NULL, a.published, a.seq LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.map(rowToSummary);
  }

  async countArticles(f: ArticleFilter = {}): Promise<number> {
    const { sql, params } = this.where(f);
    return Number((await this.q(`SELECT COUNT(*) AS n FROM articles a ${sql}`, params))[0]!.n);
  }

  async articleIds(): Promise<string[]> {
    return (await this.q('SELECT id FROM articles ORDER BY seq')).map((r) => r.id as string);
  }

  async outlets(): Promise<{ outlet: string; articles: number }[]> {
    const rows = await this.q('SELECT outlet, COUNT(*) AS articles FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY articles DESC, outlet');
    return rows.map((r) => ({ outlet: r.outlet as string, articles: Number(r.articles) }));
  }

  async getAnalysis(id: string): Promise<Analysis> {
    const out: Analysis = {};
    for (const r of await this.q('SELECT layer, data FROM analyses WHERE article_id = $1', [id])) out[r.layer as string] = JSON.parse(r.data as string);
    return out;
  }

  async getLayers(ids: string[], layers: string[]): Promise<Map<string, Analysis>> {
    const out = new Map<string, Analysis>(ids.map((id) => [id, {}]));
    if (!ids.length || !layers.length) return out;
    const rows = await this.q('SELECT article_id, layer, data FROM analyses WHERE article_id = ANY($1) AND layer = ANY($2)', [ids, layers]);
    for (const r of rows) out.get(r.article_id as string)![r.layer as string] = JSON.parse(r.data as string);
    return out;
  }

  async putObjects(objects: CorpusObject[]): Promise<void> {
    if (!objects.length) return;
    await this.tx(async (c) => {
      for (const o of objects) {
        await c.query('INSERT INTO objects (kind, id, data) VALUES ($1, $2, $3) ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data', [o.kind, o.id, JSON.stringify(o.data)]);
        await c.query('DELETE FROM object_articles WHERE kind = $1 AND id = $2', [o.kind, o.id]);
        if (o.articles.length)
          await c.query('INSERT INTO object_articles (kind, id, article_id) SELECT $1, $2, a FROM unnest($3::text[]) AS a ON CONFLICT DO NOTHING', [o.kind, o.id, o.articles]);
      }
    });
  }

  async deleteObjects(kind: string, ids?: string[]): Promise<void> {
    await this.tx(async (c) => {
      if (!ids) {
        await c.query('DELETE FROM objects WHERE kind = $1', [kind]);
        await c.query('DELETE FROM object_articles WHERE kind = $1', [kind]);
      } else {
        await c.query('DELETE FROM objects WHERE kind = $1 AND id = ANY($2)', [kind, ids]);
        await c.query('DELETE FROM object_articles WHERE kind = $1 AND id = ANY($2)', [kind, ids]);
      }
    });
  }

  async getObjects<T>(kind: string, opts: { article?: string; ids?: string[] } = {}): Promise<CorpusObject<T>[]> {
    let rows: Row[];
    if (opts.article)
      rows = await this.q('SELECT o.id, o.data FROM objects o JOIN object_articles l ON l.kind = o.kind AND l.id = o.id WHERE o.kind = $1 AND l.article_id = $2 ORDER BY o.id', [kind, opts.article]);
    else if (opts.ids) rows = await this.q('SELECT id, data FROM objects WHERE kind = $1 AND id = ANY($2) ORDER BY id', [kind, opts.ids]);
    else rows = await this.q('SELECT id, data FROM objects WHERE kind = $1 ORDER BY id', [kind]);
    const links = await this.q('SELECT id, article_id FROM object_articles WHERE kind = $1 AND id = ANY($2) ORDER BY article_id', [kind, rows.map((r) => r.id)]);
    const byId = new Map<string, string[]>();
    for (const l of links) {
      const list = byId.get(l.id as string) ?? [];
      list.push(l.article_id as string);
      byId.set(l.id as string, list);
    }
    return rows.map((r) => ({ kind, id: r.id as string, data: JSON.parse(r.data as string) as T, articles: byId.get(r.id as string) ?? [] }));
  }

  async countLinesMany(items: { outlet: string; hashes: string[] }[]): Promise<Map<string, number>[]> {
    const out: Map<string, number>[] = [];
    for (const x of items) out.push(await this.countLines(x.outlet, x.hashes));
    return out;
  }

  async countLines(outlet: string, hashes: string[]): Promise<Map<string, number>> {
    const uniq = [...new Set(hashes)];
    const out = new Map<string, number>();
    if (!uniq.length) return out;
    const rows = await this.q(
      `INSERT INTO line_counts (outlet, hash, n) SELECT $1, h, 1 FROM unnest($2::text[]) AS h
       ON CONFLICT (outlet, hash) DO UPDATE SET n = line_counts.n + 1 RETURNING hash, n`,
      [outlet, uniq],
    );
    for (const r of rows) out.set(r.hash as string, Number(r.n));
    return out;
  }

  async lineCounts(outlet: string, hashes: string[]): Promise<Map<string, number>> {
    const uniq = [...new Set(hashes)];
    const out = new Map<string, number>(uniq.map((h) => [h, 0]));
    const rows = await this.q('SELECT hash, n FROM line_counts WHERE outlet = $1 AND hash = ANY($2)', [outlet, uniq]);
    for (const r of rows) out.set(r.hash as string, Number(r.n));
    return out;
  }

  async addBands(articleId: string, bands: string[]): Promise<void> {
    if (!bands.length) return;
    await this.q('INSERT INTO bands (band, article_id) SELECT b, $1 FROM unnest($2::text[]) AS b ON CONFLICT DO NOTHING', [articleId, [...new Set(bands)]]);
  }

  async bandCandidates(bands: string[], exclude: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (!bands.length) return out;
    // Bands shared by very many articles are skipped whole, as in SQLite.
    const rows = await this.q(
      `WITH useful AS (SELECT band FROM bands WHERE band = ANY($1) GROUP BY band HAVING COUNT(*) <= ${MAX_BAND_ARTICLES})
       SELECT article_id, COUNT(*) AS n FROM bands WHERE band IN (SELECT band FROM useful) AND article_id <> $2 GROUP BY article_id`,
      [[...new Set(bands)], exclude],
    );
    for (const r of rows) out.set(r.article_id as string, Number(r.n));
    return out;
  }

  async bandPostings(bands: string[], exclude: string): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (!bands.length) return out;
    const rows = await this.q(
      `SELECT b.band, array_agg(b.article_id ORDER BY a.seq) AS ids FROM bands b JOIN articles a ON a.id = b.article_id
       WHERE b.band = ANY($1) GROUP BY b.band HAVING COUNT(*) <= ${MAX_BAND_ARTICLES}`,
      [[...new Set(bands)]],
    );
    for (const r of rows) {
      const ids = holdersRead((r.ids as string[]).filter((id) => id !== exclude));
      if (ids.length) out.set(r.band as string, ids);
    }
    return out;
  }

  async getMeta(key: string): Promise<string | null> {
    return ((await this.q('SELECT value FROM meta WHERE key = $1', [key]))[0]?.value as string) ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.q('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, value]);
  }
}
