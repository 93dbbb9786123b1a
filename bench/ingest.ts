// npm run bench:ingest — ingest the Reuters-21578 stories (19,043) into SQLite and, when a server
// is reachable, PostgreSQL; write articles/s, MB/s and memory to bench/results/ingest.json.
//   --stages segments   (default) read, clean, segment, store: the foundation's own cost
//   --stages all        every analysis stage
//   --limit N           only the first N stories
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ingest } from '../src/ingest/ingest.js';
import { readInputs } from '../src/ingest/readers/index.js';
import { PostgresStore } from '../src/store/postgres.js';
import { SqliteStore } from '../src/store/sqlite.js';
import type { Store } from '../src/store/store.js';
import type { RawDocument, ReadFailure } from '../src/types.js';

const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: new URL('../../shared/corpora/reuters21578.jsonl', import.meta.url).pathname },
    stages: { type: 'string', default: 'segments' },
    limit: { type: 'string' },
    pg: { type: 'string', default: process.env.TRIANGULATE_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test' },
    out: { type: 'string', default: 'bench/results/ingest.json' },
  },
});

async function* limited(src: AsyncIterable<RawDocument | ReadFailure>, n: number) {
  let i = 0;
  for await (const d of src) {
    if (i++ >= n) return;
    yield d;
  }
}

async function run(label: string, store: Store) {
  const limit = values.limit ? Number(values.limit) : Infinity;
  const samples: { articles: number; rssMB: number; heapMB: number; perArticleMs: number }[] = [];
  let lastN = 0;
  let lastT = performance.now();
  const t0 = performance.now();
  const summary = await ingest(store, limited(readInputs([values.corpus!]), limit), {
    stages: values.stages === 'all' ? undefined : values.stages!.split(','),
    linkers: [],
    onProgress: (p) => {
      if (p.ingested - lastN >= 2000) {
        const now = performance.now();
        const m = process.memoryUsage();
        samples.push({ articles: p.ingested, rssMB: +(m.rss / 2 ** 20).toFixed(1), heapMB: +(m.heapUsed / 2 ** 20).toFixed(1), perArticleMs: +((now - lastT) / (p.ingested - lastN)).toFixed(3) });
        lastN = p.ingested;
        lastT = now;
      }
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  const bytes = Math.min(statSync(values.corpus!).size, Number.isFinite(limit) ? Infinity : Infinity);
  const result = {
    backend: label,
    stages: values.stages,
    articles: summary.ingested,
    failed: summary.failed,
    seconds: +seconds.toFixed(2),
    articlesPerSecond: Math.round(summary.ingested / seconds),
    mbPerSecond: +((bytes / 2 ** 20) / seconds).toFixed(2),
    peakRssMB: +(process.resourceUsage().maxRSS / 1024).toFixed(1),
    samples,
  };
  process.stderr.write(`${label}: ${result.articles} articles in ${result.seconds}s = ${result.articlesPerSecond}/s, ${result.mbPerSecond} MB/s, peak RSS ${result.peakRssMB} MB\n`);
  return result;
}

const results: unknown[] = [];
const dir = mkdtempSync(join(tmpdir(), 'tri-bench-'));
const sqlite = new SqliteStore(join(dir, 'bench.db'));
await sqlite.migrate();
results.push(await run('sqlite', sqlite));
await sqlite.close();
rmSync(dir, { recursive: true, force: true });

const schema = `tri_bench_${process.pid}`;
try {
  const admin = new pg.Client({ connectionString: values.pg });
  await admin.connect();
  const store = new PostgresStore(`${values.pg}${values.pg!.includes('?') ? '&' : '?'}schema=${schema}`);
  await store.migrate();
  try {
    results.push(await run('postgres', store));
  } finally {
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
} catch (e) {
  process.stderr.write(`postgres: skipped (${(e as Error).message})\n`);
}

mkdirSync('bench/results', { recursive: true });
writeFileSync(values.out!, JSON.stringify({ date: new Date().toISOString(), corpus: values.corpus, machine: { cpus: (await import('node:os')).availableParallelism() }, results }, null, 2) + '\n');
process.stderr.write(`wrote ${values.out}\n`);
