// The ingest loop: read → clean (with what the corpus has learned) → analyse on the worker pool →
// store (one transaction per article) → link into the corpus. Streams: at most a window of
// articles is in flight, whatever the size of the input.
import { AnalysisPool } from '../analysis/pool.js';
import { analyse, selectStages, toInput } from '../analysis/pipeline.js';
import { LINKERS, type Linker } from '../link/linkers.js';
import type { Store } from '../store/store.js';
import type { Article, RawDocument, ReadFailure } from '../types.js';
import { articleId, candidateLineKeys, cleanDocument, lineKey } from './clean.js';

export interface IngestOptions {
  /** Worker threads for analysis (0: in this thread). */
  workers?: number;
  /** Analysis layers to compute (default: all stages). */
  stages?: string[];
  /** Linkers to run (default: all). */
  linkers?: Linker[];
  onProgress?: (p: IngestProgress) => void;
}

export interface IngestProgress {
  ingested: number;
  existing: number;
  failed: number;
  updated: number;
  last?: string;
}

export interface IngestSummary extends IngestProgress {
  failures: ReadFailure[];
  /** Ids of the articles stored by this run, in arrival order. */
  added: string[];
  /** Articles re-cleaned because the corpus learned new boilerplate lines. */
  recleaned: string[];
  seconds: number;
}

/** Meta key bumped whenever a batch changed the corpus: caches of views compare it. */
export const CORPUS_VERSION_KEY = 'corpus-version';

const isFailure = (x: RawDocument | ReadFailure): x is ReadFailure => 'error' in x;

export async function ingest(store: Store, docs: AsyncIterable<RawDocument | ReadFailure>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const pool = new AnalysisPool(opts.workers, opts.stages);
  const linkers = opts.linkers ?? LINKERS;
  const summary: IngestSummary = { ingested: 0, existing: 0, failed: 0, updated: 0, failures: [], added: [], recleaned: [], seconds: 0 };
  const learned = new Map<string, Set<string>>(); // outlet → line keys that became recurring in this run
  const window = Math.max(8, pool.size * 8);
  let inflight = 0;
  let wake: (() => void) | null = null;
  let chain: Promise<void> = Promise.resolve();
  const fail = (f: ReadFailure) => {
    summary.failed++;
    summary.failures.push(f);
  };
  const progress = (last?: string) => opts.onProgress?.({ ingested: summary.ingested, existing: summary.existing, failed: summary.failed, updated: summary.updated, last });

  try {
    for await (const item of docs) {
      if (isFailure(item)) {
        fail(item);
        progress(item.source);
        continue;
      }
      let article: Article;
      try {
        if ((await store.hasArticle(articleId(item))) || (item.meta.url && (await store.findBySource(item.meta.url)))) {
          summary.existing++;
          progress(item.source);
          continue;
        }
        article = await cleanWithCorpus(store, item, learned);
        if (!article.text.trim()) throw new Error('no article text found after cleaning');
      } catch (e) {
        fail({ source: item.source, error: (e as Error).message });
        progress(item.source);
        continue;
      }
      const analysis = pool.run(toInput(article));
      analysis.catch(() => undefined); // handled in the chain, in order
      inflight++;
      // Commits happen in arrival order, so ids, sequence numbers and links are deterministic.
      chain = chain.then(async () => {
        try {
          const result = await store.putArticle(article, await analysis);
          if (result.status === 'exists') summary.existing++;
          else {
            summary.ingested++;
            summary.added.push(article.id);
            for (const l of linkers) await l.onArticle?.(store, result.article, await analysis);
          }
        } catch (e) {
          fail({ source: article.source, error: (e as Error).message });
        } finally {
          inflight--;
          wake?.();
          progress(article.source);
        }
      });
      while (inflight >= window) await new Promise<void>((r) => (wake = r));
    }
    await chain;
    summary.recleaned = await recleanLearned(store, learned, opts.stages);
    summary.updated = summary.recleaned.length;
    for (const l of linkers) await l.onBatchEnd?.(store, [...summary.added, ...summary.recleaned]);
    if (summary.added.length || summary.recleaned.length) await store.setMeta(CORPUS_VERSION_KEY, `${Date.now()}-${summary.added.length}`);
  } finally {
    await chain.catch(() => undefined);
    await pool.close();
  }
  summary.seconds = (performance.now() - t0) / 1000;
  progress();
  return summary;
}

/** Clean once to learn the outlet, count the article's short lines for that outlet, and clean again
 * knowing which lines recur across the outlet's articles. */
async function cleanWithCorpus(store: Store, doc: RawDocument, learned: Map<string, Set<string>>): Promise<Article> {
  const first = cleanDocument(doc);
  if (!first.outlet) return first;
  const counts = await store.countLines(first.outlet, candidateLineKeys(doc));
  const newly = [...counts].filter(([, n]) => n === 2).map(([k]) => k);
  if (newly.length) {
    const set = learned.get(first.outlet) ?? new Set<string>();
    newly.forEach((k) => set.add(k));
    learned.set(first.outlet, set);
  }
  return cleanDocument(doc, { isRecurring: (k) => (counts.get(k) ?? 0) >= 2 });
}

/** Lines that became recurring in this run are boilerplate in the earlier articles of the same
 * outlet too: re-clean and re-analyse those (plain-text articles, whose raw text is the input). */
async function recleanLearned(store: Store, learned: Map<string, Set<string>>, stages?: string[]): Promise<string[]> {
  const changed: string[] = [];
  const pipeline = selectStages(stages);
  for (const [outlet, keys] of learned) {
    const summaries = await store.listArticles({ outlet });
    for (const s of summaries) {
      const old = await store.getArticle(s.id);
      if (!old || old.format !== 'text') continue;
      if (!old.raw.split(/\r?\n/).some((line) => keys.has(lineKey(line)))) continue;
      const doc: RawDocument = { source: old.source, raw: old.raw, kind: 'text', format: old.format, meta: old.url ? { url: old.url } : {} };
      const counts = await store.lineCounts(outlet, candidateLineKeys(doc));
      const fresh = cleanDocument(doc, { isRecurring: (k) => (counts.get(k) ?? 0) >= 2 });
      if (fresh.text === old.text) continue;
      const article: Article = { ...fresh, id: old.id, seq: old.seq, ingestedAt: old.ingestedAt, outlet: old.outlet, outletEvidence: old.outletEvidence };
      await store.updateArticle(article, analyse(toInput(article), pipeline));
      changed.push(old.id);
    }
  }
  return changed;
}
