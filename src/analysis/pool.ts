// A pool of worker threads running the analysis pipeline, so ingest uses every core. With zero
// workers the pipeline runs in the calling thread (tests, tiny batches).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Analysis } from '../types.js';
import { analyse, selectStages, type AnalysisInput } from './pipeline.js';

interface Pending {
  resolve: (a: Analysis) => void;
  reject: (e: Error) => void;
}

export class AnalysisPool {
  private workers: Worker[] = [];
  private load: number[] = [];
  private pending = new Map<number, Pending & { worker: number }>();
  private next = 0;
  private local;

  constructor(size = defaultPoolSize(), private stages?: string[]) {
    this.local = size === 0 ? selectStages(stages) : null;
    // The worker runs from source under tsx (tests, development) and from dist when built.
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL(`./worker${ext}`, import.meta.url), { workerData: { stages } });
      w.on('message', (m: { job: number; analysis?: Analysis; error?: string }) => {
        const p = this.pending.get(m.job);
        if (!p) return;
        this.pending.delete(m.job);
        this.load[p.worker]!--;
        if (m.error) p.reject(new Error(m.error));
        else p.resolve(m.analysis!);
      });
      w.on('error', (e) => {
        for (const [job, p] of this.pending) if (p.worker === i) (this.pending.delete(job), p.reject(e));
      });
      w.unref();
      this.workers.push(w);
      this.load.push(0);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  run(input: AnalysisInput): Promise<Analysis> {
    if (this.local) {
      try {
        return Promise.resolve(analyse(input, this.local));
      } catch (e) {
        return Promise.reject(new Error(`analysis failed: ${(e as Error).message}`));
      }
    }
    let w = 0;
    for (let i = 1; i < this.workers.length; i++) if (this.load[i]! < this.load[w]!) w = i;
    const job = this.next++;
    this.load[w]!++;
    return new Promise((resolve, reject) => {
      this.pending.set(job, { resolve, reject, worker: w });
      this.workers[w]!.postMessage({ job, input });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}
