// The ingest loop: read → clean (with what the corpus has learned) → analyse on the worker pool →
// store (one transaction per article) → link into the corpus. Streams: at most a window of
// articles is in flight, whatever the size of the input.
import { AnalysisPool } from '../analysis/pool.js';
import { analyse, selectStages, toInput } from '../analysis/pipeline.js';
import { LINKERS, type Linker } from '../link/linkers.js';
import type { Store } from '../store/store.js';
import type { Analysis, Article, RawDocument, ReadFailure } from '../types.js';
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

/** Articles are read, cleaned and written in small groups: one transaction counts the lines of a
 * group and one stores it, which is most of the cost of a small article. Analysis of one group
 * overlaps reading the next. */
const GROUP = 32;

interface Pending {
  article: Article;
  analysis: Promise<Analysis>;
}

export async function ingest(store: Store, docs: AsyncIterable<RawDocument | ReadFailure>, opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const pool = new AnalysisPool(opts.workers, opts.stages);
  const linkers = opts.linkers ?? LINKERS;
  const summary: IngestSummary = { ingested: 0, existing: 0, failed: 0, updated: 0, failures: [], added: [], recleaned: [], seconds: 0 };
  const learned = new Map<string, Set<string>>(); // outlet → line keys that became recurring in this run
  const window = Math.max(4, pool.size * 3); // groups in flight
  let inflight = 0;
  let wake: (() => void) | null = null;
  let chain: Promise<void> = Promise.resolve();
  const fail = (f: ReadFailure) => {
    summary.failed++;
    summary.failures.push(f);
  };
  const progress = (last?: string) => opts.onProgress?.({ ingested: summary.ingested, existing: summary.existing, failed: summary.failed, updated: summary.updated, last });

  // Commits happen in arrival order, so ids, sequence numbers and links are deterministic.
  const commit = async (group: Pending[]) => {
    const ready: { article: Article; analysis: Analysis }[] = [];
    for (const p of group) {
      try {
        ready.push({ article: p.article, analysis: await p.analysis });
      } catch (e) {
        fail({ source: p.article.source, error: (e as Error).message });
      }
    }
    let results;
    try {
      results = await store.putArticles(ready);
    } catch (e) {
      for (const r of ready) fail({ source: r.article.source, error: (e as Error).message });
      return;
    }
    // The group's links commit together; an article whose linking fails has its own link writes
    // undone (an inner unit) and stays stored.
    await store.unitOfWork(async () => {
      for (let i = 0; i < ready.length; i++) {
        const result = results[i]!;
        if (result.status === 'exists') summary.existing++;
        else {
          summary.ingested++;
          summary.added.push(result.article.id);
          try {
            await store.unitOfWork(async () => {
              for (const l of linkers) await l.onArticle?.(store, result.article, ready[i]!.analysis);
            });
          } catch (e) {
            fail({ source: result.article.source, error: `linking failed: ${(e as Error).message}` });
          }
        }
      }
    });
    progress(group.at(-1)?.article.source);
  };

  const dispatch = async (batch: RawDocument[]) => {
    const fresh: RawDocument[] = [];
    const seen = new Set<string>();
    for (const doc of batch) {
      const id = articleId(doc);
      if (seen.has(id) || (await store.hasArticle(id)) || (doc.meta.url && (await store.findBySource(doc.meta.url)))) summary.existing++;
      else (seen.add(id), fresh.push(doc));
    }
    const group: Pending[] = [];
    for (const [doc, article] of await cleanWithCorpus(store, fresh, learned)) {
      if (article instanceof Error) {
        fail({ source: doc.source, error: article.message });
        continue;
      }
      const analysis = pool.run(toInput(article));
      analysis.catch(() => undefined); // reported in commit, in order
      group.push({ article, analysis });
    }
    progress(batch.at(-1)?.source);
    if (!group.length) return;
    inflight++;
    chain = chain.then(() => commit(group)).finally(() => {
      inflight--;
      wake?.();
    });
    while (inflight >= window) await new Promise<void>((r) => (wake = r));
  };

  try {
    let batch: RawDocument[] = [];
    for await (const item of docs) {
      if (isFailure(item)) {
        fail(item);
        progress(item.source);
        continue;
      }
      batch.push(item);
      if (batch.length >= GROUP) {
        await dispatch(batch);
        batch = [];
      }
    }
    if (batch.length) await dispatch(batch);
    await chain;
    summary.recleaned = await recleanLearned(store, learned, opts.stages, linkers);
    summary.updated = summary.recleaned.length;
    // The views are rebuilt and the corpus version bumped as one unit: all of them or none.
    await store.unitOfWork(async () => {
      for (const l of linkers) await l.onBatchEnd?.(store, [...summary.added, ...summary.recleaned]);
      if (summary.added.length || summary.recleaned.length) await store.setMeta(CORPUS_VERSION_KEY, `${Date.now()}-${summary.added.length}`);
    });
  } finally {
    await chain.catch(() => undefined);
    await pool.close();
  }
  summary.seconds = (performance.now() - t0) / 1000;
  progress();
  return summary;
}

/** Clean once to learn each article's outlet, count their short lines for that outlet (one
 * transaction for the group, in order), and clean again knowing which lines recur across the
 * outlet's articles. */
async function cleanWithCorpus(store: Store, docs: RawDocument[], learned: Map<string, Set<string>>): Promise<[RawDocument, Article | Error][]> {
  const firsts = docs.map((doc) => {
    try {
      return cleanDocument(doc);
    } catch (e) {
      return e as Error;
    }
  });
  const asks = firsts.map((a, i) => (a instanceof Error || !a.outlet ? null : { outlet: a.outlet, hashes: candidateLineKeys(docs[i]!) }));
  const counts = await store.countLinesMany(asks.filter((x): x is { outlet: string; hashes: string[] } => !!x));
  let k = 0;
  return docs.map((doc, i) => {
    const first = firsts[i]!;
    if (first instanceof Error) return [doc, first];
    let article = first;
    if (asks[i]) {
      const c = counts[k++]!;
      const newly = [...c].filter(([, n]) => n === 2).map(([key]) => key);
      if (newly.length) {
        const set = learned.get(first.outlet!) ?? new Set<string>();
        newly.forEach((key) => set.add(key));
        learned.set(first.outlet!, set);
      }
      try {
        article = cleanDocument(doc, { isRecurring: (key) => (c.get(key) ?? 0) >= 2 });
      } catch (e) {
        return [doc, e as Error];
      }
    }
    return [doc, article.text.trim() ? article : new Error('no article text found after cleaning')];
  });
}

/** Lines that became recurring in this run are boilerplate in the earlier articles of the same
 * outlet too: re-clean and re-analyse those (plain-text articles, whose raw text is the input). */
async function recleanLearned(store: Store, learned: Map<string, Set<string>>, stages: string[] | undefined, linkers: Linker[]): Promise<string[]> {
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
      const analysis = analyse(toInput(article), pipeline);
      await store.unitOfWork(async () => {
        await store.updateArticle(article, analysis);
        for (const l of linkers) await l.onUpdated?.(store, article, analysis);
      });
      changed.push(old.id);
    }
  }
  return changed;
}
