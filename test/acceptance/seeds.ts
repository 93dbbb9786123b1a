// Shared by the acceptance tests: the seed articles ingested once through the real pipeline, the
// gold annotations, and the comparison rules of ../shared/gold/README.md.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingest } from '../../src/ingest/ingest.js';
import { readInputs } from '../../src/ingest/readers/index.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/store.js';
import type { Article } from '../../src/types.js';

export const SHARED = resolve(fileURLToPath(new URL('../../../shared', import.meta.url)));
export const SEEDS = join(SHARED, 'seeds');
export const GOLD_FILE = join(SHARED, 'gold', 'seeds.json');
export const haveSeeds = existsSync(SEEDS) && existsSync(GOLD_FILE);

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Gold = any;
export const gold = (): Gold => JSON.parse(readFileSync(GOLD_FILE, 'utf8'));

/** Normalisation of the gold README: NFKC, white space folded, curly quotes straight. */
export function norm(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

export interface SeedCorpus {
  store: Store;
  /** Article by the seed's three-digit prefix ("000"). */
  byPrefix: Map<string, Article>;
}

let cached: Promise<SeedCorpus> | null = null;

export function seedCorpus(): Promise<SeedCorpus> {
  cached ??= (async () => {
    const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'tri-seeds-')), 'seeds.db'));
    await store.migrate();
    const summary = await ingest(store, readInputs([SEEDS]), { workers: 0 });
    if (summary.failed) throw new Error(`seed ingest failed: ${JSON.stringify(summary.failures)}`);
    const byPrefix = new Map<string, Article>();
    for (const id of await store.articleIds()) {
      const a = (await store.getArticle(id))!;
      byPrefix.set(basename(a.source).slice(0, 3), a);
    }
    return { store, byPrefix };
  })();
  return cached;
}

export function report(section: string, figures: Record<string, unknown>): void {
  process.stdout.write(`# acceptance ${section}: ${JSON.stringify(figures)}\n`);
}
