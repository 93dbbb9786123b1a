// The JSON API: every view of the store, with filters, pagination and clear 4xx answers.
import { readBuffer, readInputs, readText } from '../ingest/readers/index.js';
import type { Store } from '../store/store.js';
import type { DateEvidence, RawDocument, ReadFailure } from '../types.js';
import { DATE_ESTIMATE_KIND } from '../link/linkers.js';
import * as views from '../views/index.js';
import { briefMarkdown, briefHtml } from '../views/brief.js';
import { overview } from '../views/overview.js';
import { HttpError, paginate, q, RawJson, readBody, Router, type Ctx } from './http.js';
import { JobQueue } from './jobs.js';
import { CORPUS_VERSION_KEY } from '../ingest/ingest.js';
import { openapi } from './openapi.js';

const MAX_UPLOAD = 20 * 1024 * 1024;

export interface ApiOptions {
  /** Let POST /api/ingest fetch private addresses (tests only). */
  allowPrivate?: boolean;
}

/** Views are cached until the corpus changes: ingest bumps the store's "corpus-version" at the end
 * of every batch, whichever process ran it, and one cheap read per request notices. */
class ViewCache {
  private entries = new Map<string, Promise<unknown>>();
  private version: string | null = null;
  private checked = 0;
  constructor(private store: Store, private recheckMs = 250) {}
  private async fresh(): Promise<void> {
    if (Date.now() - this.checked < this.recheckMs) return;
    this.checked = Date.now();
    const v = await this.store.getMeta(CORPUS_VERSION_KEY);
    if (v !== this.version) {
      this.version = v;
      this.entries.clear();
    }
  }
  async get<T>(key: string, make: () => Promise<T>): Promise<T> {
    await this.fresh();
    let e = this.entries.get(key) as Promise<T> | undefined;
    if (!e) {
      e = make();
      e.catch(() => this.entries.delete(key));
      this.entries.set(key, e);
    }
    return e;
  }
  clear(): void {
    this.entries.clear();
    this.checked = 0;
  }
}

export function buildApi(store: Store, opts: ApiOptions = {}): { router: Router; jobs: JobQueue; warm: () => Promise<void> } {
  const cache = new ViewCache(store);
  const jobs = new JobQueue(store, () => cache.clear());
  const r = new Router();

  const articleParam = async (ctx: Ctx, name = 'id'): Promise<string> => {
    const ref = ctx.params[name]!;
    const id = (await store.hasArticle(ref)) ? ref : await store.resolveId(ref);
    if (!id) throw new HttpError(404, `no article "${ref}"`);
    return id;
  };
  const optionalArticle = async (url: URL): Promise<string | undefined> => {
    const ref = q.str(url, 'article', 64);
    if (!ref) return undefined;
    const id = (await store.hasArticle(ref)) ? ref : await store.resolveId(ref);
    if (!id) throw new HttpError(404, `no article "${ref}"`);
    return id;
  };

  r.on('GET', '/api/openapi.json', async () => openapi());
  r.on('GET', '/api/overview', async () => cache.get('overview:json', async () => new RawJson(JSON.stringify(await cache.get('overview', () => overview(store))))));

  r.on('GET', '/api/articles', async ({ url }) => {
    const filter = {
      outlet: q.str(url, 'outlet', 200),
      from: q.date(url, 'from'),
      to: q.date(url, 'to'),
      search: q.str(url, 'q', 500),
      entity: q.str(url, 'entity', 200),
    };
    const limit = q.int(url, 'limit', 50, 1, 1000);
    const offset = q.int(url, 'offset', 0, 0, 10_000_000);
    // Answers are cached per query until the corpus changes, serialised once.
    return cache.get(`articles?${url.searchParams}`, async () => {
      const [items, total] = await Promise.all([store.listArticles({ ...filter, limit, offset }), store.countArticles(filter)]);
      return new RawJson(JSON.stringify({ items, total, limit, offset }));
    });
  });

  r.on('GET', '/api/articles/:id', async (ctx) => {
    const id = await articleParam(ctx);
    return cache.get(`article:${id}`, async () => new RawJson(JSON.stringify(await articleView(id))));
  });

  const articleView = async (id: string) => {
    const article = (await store.getArticle(id))!;
    const { offsets: _offsets, ...rest } = article;
    const [analysis, reuse, quotes, claims] = await Promise.all([
      store.getAnalysis(id),
      views.reusePairs(store, { article: id }),
      views.quotes(store, { article: id }),
      views.claims(store, { article: id }),
    ]);
    const estimate = rest.published ? null : ((await store.getObjects<DateEvidence>(DATE_ESTIMATE_KIND, { ids: [id] }))[0]?.data ?? null);
    return { ...rest, publishedEstimate: estimate, analysis, reuse, quotes, claims: claims.claims };
  };

  r.on('GET', '/api/entities', async ({ url }) => {
    const type = q.oneOf(url, 'type', ['PERSON', 'ORG', 'PLACE', 'OTHER'] as const);
    const article = await optionalArticle(url);
    return paginate(await cache.get(`entities:${type}:${article}`, () => views.entities(store, { type, article })), url);
  });
  r.on('GET', '/api/places', async ({ url }) => paginate(await cache.get('places', () => views.places(store)), url));
  r.on('GET', '/api/places.geojson', async () => views.placesGeoJSON(await cache.get('places', () => views.places(store))));
  r.on('GET', '/api/quotes', async ({ url }) => {
    const speaker = q.str(url, 'speaker', 200);
    const group = q.str(url, 'group', 200);
    const article = await optionalArticle(url);
    const all = await cache.get(`quotes:${article}`, () => views.quotes(store, { article }));
    let list = all;
    if (speaker || group) list = await views.quotes(store, { article, speaker, group });
    return paginate(list, url);
  });
  r.on('GET', '/api/voices', async ({ url }) => paginate(await cache.get('voices', () => views.voices(store)), url));
  r.on('GET', '/api/claims', async ({ url }) => {
    const conflicts = q.bool(url, 'conflicts');
    const v = await cache.get(`claims:${conflicts}`, () => views.claims(store, { conflicts }));
    const page = paginate(v.claims, url);
    return { ...page, groups: v.groups, relations: v.relations };
  });
  r.on('GET', '/api/reuse', async ({ url }) => {
    const article = await optionalArticle(url);
    return paginate(await cache.get(`reuse:${article}`, () => views.reusePairs(store, { article })), url);
  });
  r.on('GET', '/api/timeline', async ({ url }) => {
    const from = q.date(url, 'from');
    const to = q.date(url, 'to');
    return paginate(await cache.get(`timeline:${from}:${to}`, () => views.timeline(store, { from, to })), url);
  });
  r.on('GET', '/api/control', async ({ url }) => paginate(await cache.get('control', () => views.control(store)), url));
  r.on('GET', '/api/outlets', async ({ url }) => paginate(await cache.get('outlets', () => views.outlets(store)), url));

  r.on('GET', '/api/search', async ({ url }) => {
    const text = q.str(url, 'q', 500);
    if (!text) throw new HttpError(400, 'parameter "q" is required');
    const needle = text.toLowerCase();
    const [articles, ents, qs] = await Promise.all([
      store.listArticles({ search: text, limit: 20 }),
      cache.get('entities::undefined', () => views.entities(store, {})),
      cache.get('quotes:undefined', () => views.quotes(store, {})),
    ]);
    return {
      articles,
      entities: ents.filter((e) => e.aliases.concat(e.name).some((a) => a.toLowerCase().includes(needle))).slice(0, 20),
      quotes: qs.filter((x) => x.text.toLowerCase().includes(needle) || x.speaker?.toLowerCase().includes(needle)).slice(0, 20),
    };
  });

  r.on('GET', '/api/brief', async ({ url, res }) => {
    const format = q.oneOf(url, 'format', ['md', 'html', 'json'] as const) ?? 'json';
    const data = await cache.get('overview', () => overview(store));
    if (format === 'json') return data;
    const body = format === 'md' ? briefMarkdown(data) : briefHtml(data);
    res.writeHead(200, { 'content-type': format === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8' });
    res.end(body);
    return undefined;
  });

  r.on('POST', '/api/ingest', async ({ req, url }) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const body = await readBody(req, MAX_UPLOAD);
    let docs: AsyncIterable<RawDocument | ReadFailure>;
    if (type === 'application/json') {
      let input: { text?: unknown; title?: unknown; url?: unknown; urls?: unknown };
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch (e) {
        throw new HttpError(400, `request body is not valid JSON: ${(e as Error).message}`);
      }
      const urls = input.urls ?? (input.url !== undefined ? [input.url] : []);
      if (!Array.isArray(urls) || urls.some((u) => typeof u !== 'string')) throw new HttpError(400, '"url" must be a string and "urls" an array of strings');
      for (const u of urls as string[]) {
        if (!/^https?:\/\//i.test(u)) throw new HttpError(400, `"${u}" is not an http(s) URL`);
      }
      if (input.text !== undefined && typeof input.text !== 'string') throw new HttpError(400, '"text" must be a string');
      if (input.title !== undefined && typeof input.title !== 'string') throw new HttpError(400, '"title" must be a string');
      const text = (input.text as string | undefined)?.trim();
      if (!text && !(urls as string[]).length) throw new HttpError(400, 'give "text" (an article to paste) or "url"/"urls" to fetch');
      const title = input.title as string | undefined;
      const pasted = text ? readText('pasted:' + new Date().toISOString(), title ? `${title}\n\n${text}` : text) : [];
      docs = (async function* () {
        yield* pasted;
        if ((urls as string[]).length) yield* readInputs(urls as string[], { allowPrivate: opts.allowPrivate });
      })();
    } else {
      if (!body.length) throw new HttpError(400, 'empty upload');
      const name = q.str(url, 'filename', 300) ?? 'upload';
      docs = readBuffer(`upload:${name}`, body, {});
    }
    const job = jobs.start(docs);
    return { job: job.id, status: job.status, poll: `/api/jobs/${job.id}` };
  });

  r.on('GET', '/api/jobs/:id', async ({ params }) => {
    const job = jobs.get(params.id!);
    if (!job) throw new HttpError(404, `no job "${params.id}"`);
    return job;
  });

  return { router: r, jobs, warm: () => cache.get('overview', () => overview(store)).then(() => undefined) };
}
