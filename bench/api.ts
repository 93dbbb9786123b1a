/// <reference lib="dom" />
// npm run bench:api — load test of the HTTP API on loopback, and time to the overview's first view
// in Chromium. Writes bench/results/api.json.
//
// The Reuters-21578 stories (19,043) are ingested with the segments stage only (a large, plain
// corpus), plus the seed articles with every stage; the server runs in this process and autocannon
// in a child process, so the load generator does not share the server's event loop.
//   --duration S      seconds per endpoint (default 5)
//   --connections N   concurrent connections (default 50)
//   --limit N         only the first N Reuters stories (quick runs)
//   --db FILE         keep the filled store in FILE and reuse it on the next run
//   --only PATH       only endpoints whose path contains PATH
//   --no-browser      skip the first-view timing
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { ingest } from '../src/ingest/ingest.js';
import { readInputs } from '../src/ingest/readers/index.js';
import { startServer } from '../src/server/server.js';
import { SqliteStore } from '../src/store/sqlite.js';
import type { RawDocument, ReadFailure } from '../src/types.js';
import { hasChromium, launchChromium } from '../test/browser/chromium.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: join(ROOT, '../shared/corpora/reuters21578.jsonl') },
    seeds: { type: 'string', default: join(ROOT, '../shared/seeds') },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    limit: { type: 'string' },
    db: { type: 'string' },
    only: { type: 'string' },
    'no-browser': { type: 'boolean', default: false },
    out: { type: 'string', default: join(ROOT, 'bench/results/api.json') },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const TARGET_P99_MS = 100;
const log = (s: string) => process.stderr.write(s + '\n');

async function* limited(src: AsyncIterable<RawDocument | ReadFailure>, n: number) {
  let i = 0;
  for await (const d of src) {
    if (i++ >= n) return;
    yield d;
  }
}

async function seedsStore(file: string): Promise<SqliteStore> {
  const store = new SqliteStore(file);
  await store.migrate();
  const s = await ingest(store, readInputs([values.seeds!]), { workers: 0 });
  log(`seeds: ${s.ingested} new, ${s.existing} present in ${s.seconds.toFixed(1)}s`);
  return store;
}

async function corpusStore(file: string): Promise<{ store: SqliteStore; ingestSeconds: number | null }> {
  const reuse = existsSync(file);
  const store = new SqliteStore(file);
  await store.migrate();
  if (reuse && (await store.countArticles({})) > 0) return { store, ingestSeconds: null };
  const limit = values.limit ? Number(values.limit) : Infinity;
  const t0 = performance.now();
  const s = await ingest(store, limited(readInputs([values.corpus!]), limit), { stages: ['segments'], workers: 0 });
  log(`reuters: ${s.ingested} stories in ${s.seconds.toFixed(1)}s`);
  await ingest(store, readInputs([values.seeds!]), { workers: 0 });
  return { store, ingestSeconds: +((performance.now() - t0) / 1000).toFixed(1) };
}

interface AutocannonResult {
  latency: { p50: number; p99: number; p97_5: number; average: number; max: number };
  requests: { average: number; total: number };
  throughput: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}

const run = promisify(execFile);
const AUTOCANNON = join(ROOT, 'node_modules/autocannon/autocannon.js');

async function load(url: string): Promise<AutocannonResult> {
  const { stdout } = await run(process.execPath, [AUTOCANNON, '-j', '-c', String(CONNECTIONS), '-d', String(DURATION), '-t', '30', url], { maxBuffer: 64 * 2 ** 20 });
  return JSON.parse(stdout) as AutocannonResult;
}

async function timed(url: string): Promise<{ ms: number; bytes: number; status: number }> {
  const t0 = performance.now();
  const r = await fetch(url);
  const body = await r.arrayBuffer();
  return { ms: +(performance.now() - t0).toFixed(1), bytes: body.byteLength, status: r.status };
}

/** Requests still queued from the last run would be charged to the next endpoint: wait until a
 * trivial request is answered at once again. */
async function drain(base: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await timed(`${base}/api/openapi.json`)).ms < 20) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Milliseconds from navigation start to the overview's map and timeline both in the page. */
async function firstView(store: SqliteStore, runs = 3): Promise<{ coldMs: number; warmMs: number[]; medianWarmMs: number }> {
  const { browser, cleanup } = await launchChromium();
  // The browser's own first page (renderer start, code caches) is not the app's cost.
  const blank = await browser.newContext();
  await (await blank.newPage()).goto('about:blank');
  await blank.close();
  // A fresh server has empty view caches: the first visit pays for computing the overview.
  const server = await startServer(store, { host: '127.0.0.1', port: 0 });
  try {
    const once = async () => {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      await page.goto(`${server.url}#/`, { waitUntil: 'commit' });
      await page.waitForFunction(() => document.querySelector('svg.map path') && document.querySelector('svg.timeline'), undefined, { timeout: 60_000, polling: 'raf' });
      const ms = await page.evaluate(() => performance.now());
      await ctx.close();
      return +ms.toFixed(0);
    };
    const coldMs = await once();
    const warmMs: number[] = [];
    for (let i = 0; i < runs; i++) warmMs.push(await once());
    const sorted = [...warmMs].sort((a, b) => a - b);
    return { coldMs, warmMs, medianWarmMs: sorted[Math.floor(sorted.length / 2)]! };
  } finally {
    await server.close();
    await cleanup();
  }
}

const tmp = mkdtempSync(join(tmpdir(), 'tri-bench-api-'));
try {
  const dbFile = values.db ?? join(tmp, 'reuters.db');
  mkdirSync(dirname(dbFile), { recursive: true });
  const { store, ingestSeconds } = await corpusStore(dbFile);
  const articles = await store.countArticles({});
  const server = await startServer(store, { host: '127.0.0.1', port: 0 });
  const base = server.url.replace(/\/$/, '');

  // The article endpoint is measured on a seed article: the only ones with every layer.
  const seedArticle = (await (await fetch(`${base}/api/articles?q=Taliban&limit=1`)).json()) as { items: { id: string }[] };
  const articleId = seedArticle.items[0]?.id ?? ((await (await fetch(`${base}/api/articles?limit=1`)).json()) as { items: { id: string }[] }).items[0]!.id;
  const endpoints = ['/api/overview', '/api/articles?limit=50', '/api/articles?q=oil', `/api/articles/${articleId}`, '/api/quotes?limit=50', '/api/claims?limit=50', '/api/entities', '/api/timeline', '/api/places.geojson', '/api/outlets']
    .filter((p) => !values.only || p.includes(values.only));

  log(`${articles} articles; server at ${base}; ${CONNECTIONS} connections × ${DURATION}s per endpoint`);
  const results: Record<string, unknown>[] = [];
  for (const path of endpoints) {
    await drain(base);
    const cold = await timed(base + path); // fills the view cache, as a first visitor would
    for (let i = 0; i < 5; i++) await timed(base + path);
    const r = await load(base + path);
    const row = {
      endpoint: path.replace(articleId, '<id>'),
      coldMs: cold.ms,
      bytes: cold.bytes,
      status: cold.status,
      p50Ms: r.latency.p50,
      p97_5Ms: r.latency.p97_5,
      p99Ms: r.latency.p99,
      maxMs: r.latency.max,
      requestsPerSecond: Math.round(r.requests.average),
      requests: r.requests.total,
      non2xx: r.non2xx,
      errors: r.errors + r.timeouts,
      meetsTarget: r.latency.p99 < TARGET_P99_MS && !r.non2xx && !r.errors,
    };
    results.push(row);
    log(`${row.endpoint.padEnd(26)} cold ${String(row.coldMs).padStart(7)} ms  p50 ${String(row.p50Ms).padStart(5)} ms  p99 ${String(row.p99Ms).padStart(5)} ms  ${String(row.requestsPerSecond).padStart(6)} req/s  ${(row.bytes / 1024).toFixed(0)} KiB${row.meetsTarget ? '' : '  MISSES TARGET'}`);
  }
  await server.close();

  let firstViewResult: Record<string, unknown> | null = null;
  if (!values['no-browser'] && hasChromium()) {
    const seeds = await seedsStore(join(tmp, 'seeds.db'));
    const withSeeds = await firstView(seeds);
    await seeds.close();
    const withCorpus = await firstView(store);
    firstViewResult = { targetMs: 1000, seeds: withSeeds, reutersPlusSeeds: withCorpus };
    log(`first view (map + timeline): seeds cold ${withSeeds.coldMs} ms, warm ${withSeeds.medianWarmMs} ms; Reuters cold ${withCorpus.coldMs} ms, warm ${withCorpus.medianWarmMs} ms`);
  } else log('first view: skipped (no Chromium or --no-browser)');
  await store.close();

  const out = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: (await import('node:os')).cpus().length,
    loadAverage: (await import('node:os')).loadavg().map((x) => +x.toFixed(2)),
    articles,
    ingestSeconds,
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    targetP99Ms: TARGET_P99_MS,
    endpoints: results,
    firstView: firstViewResult,
  };
  mkdirSync(dirname(values.out!), { recursive: true });
  writeFileSync(values.out!, JSON.stringify(out, null, 2) + '\n');
  log(`wrote ${values.out}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
