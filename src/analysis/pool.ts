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
  private failure: Error | null = null;
  private closing = false;

  constructor(size = defaultPoolSize(), private stages?: string[]) {
    this.local = size === 0 ? selectStages(stages) : null;
    const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
    for (let i = 0; i < size; i++) {
      // Under tsx the worker needs the TypeScript loader too; built code runs as plain JS.
      const entry = new URL(`./worker${ext}`, import.meta.url);
      // From source (tests, development) the worker registers tsx's loader before importing itself.
      const w =
        ext === '.ts'
          ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`, { eval: true, workerData: { stages } })
          : new Worker(entry, { workerData: { stages } });
      w.on('message', (m: { job: number; analysis?: Analysis; error?: string }) => {
        const p = this.pending.get(m.job);
        if (!p) return;
        this.pending.delete(m.job);
        this.load[p.worker]!--;
        if (m.error) p.reject(new Error(m.error));
        else p.resolve(m.analysis!);
      });
      // A dead worker fails its jobs and every later one, instead of leaving them waiting.
      const die = (e: Error) => {
        this.failure ??= new Error(`analysis worker stopped: ${e.message}`);
        for (const [job, p] of this.pending) if (p.worker === i) (this.pending.delete(job), p.reject(this.failure));
      };
      w.on('error', die);
      w.on('exit', (code) => code !== 0 && !this.closing && die(new Error(`exit code ${code}`)));
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
    if (this.failure) return Promise.reject(this.failure);
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
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}

export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism());
}
