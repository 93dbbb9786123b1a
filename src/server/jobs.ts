// Ingest jobs started over HTTP: the request returns at once with a job id; the client polls it
// for progress and the ids of the new articles.
import { randomUUID } from 'node:crypto';
import { ingest, type IngestProgress, type IngestSummary } from '../ingest/ingest.js';
import type { Store } from '../store/store.js';
import type { RawDocument, ReadFailure } from '../types.js';

export interface Job {
  id: string;
  status: 'running' | 'done' | 'failed';
  progress: IngestProgress;
  summary?: IngestSummary;
  error?: string;
  /** Ids of the articles this job stored or found already present. */
  articles: string[];
  created: string;
}

export class JobQueue {
  private jobs = new Map<string, Job>();
  private chain: Promise<void> = Promise.resolve();

  constructor(private store: Store, private onDone: () => void) {}

  /** Jobs run one after another: one writer at a time keeps linking deterministic. */
  start(docs: AsyncIterable<RawDocument | ReadFailure>): Job {
    const job: Job = { id: randomUUID(), status: 'running', progress: { ingested: 0, existing: 0, failed: 0, updated: 0 }, articles: [], created: new Date().toISOString() };
    this.jobs.set(job.id, job);
    if (this.jobs.size > 1000) this.jobs.delete(this.jobs.keys().next().value!);
    this.chain = this.chain.then(async () => {
      try {
        const summary = await ingest(this.store, docs, { onProgress: (p) => (job.progress = p) });
        job.summary = summary;
        job.articles = summary.added;
        job.status = summary.failed && !summary.ingested && !summary.existing ? 'failed' : 'done';
        if (job.status === 'failed') job.error = summary.failures.map((f) => `${f.source}: ${f.error}`).join('; ');
      } catch (e) {
        job.status = 'failed';
        job.error = (e as Error).message;
      } finally {
        this.onDone();
      }
    });
    return job;
  }

  get(id: string): Job | undefined {
    return this.jobs.get(id);
  }

  async idle(): Promise<void> {
    await this.chain;
  }
}
