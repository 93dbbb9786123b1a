// WAL checkpoints on a second thread. A checkpoint copies the write-ahead log into the database
// file and syncs it to disk; done by the writing connection (SQLite's default), that copy and sync
// stall every commit that crosses the threshold, and a reuse index's scattered band inserts make
// the log grow fast. A worker thread with its own connection checkpoints instead (PASSIVE: it never
// blocks the writer or readers), so the writer goes on while the disk work happens beside it.
// Durability is unchanged: commits are in the log either way.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Ask for a checkpoint once the log holds this many bytes. */
export const CHECKPOINT_WAL_BYTES = 16 * 2 ** 20;
/** SQLite's own threshold, in pages, for when the writer checkpoints by itself. */
export const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
/** The writer's own checkpoint threshold, in pages: a backstop should the worker fall behind. */
export const BACKSTOP_AUTOCHECKPOINT_PAGES = 65536;

// Plain JavaScript, so that the worker runs the same from source (tsx) and from the build.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 5000');
parentPort.on('message', (m) => {
  if (m === 'close') { db.close(); parentPort.close(); return; }
  let error = null;
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { error = String(e && e.message || e); }
  parentPort.postMessage({ error });
});
`;

export class Checkpointer {
  private worker: Worker | null = null;
  private inFlight = false;
  private waiters: (() => void)[] = [];
  /** The last error the worker reported (a failed checkpoint is retried at the next commit). */
  lastError: string | null = null;
  /** Checkpoints run so far. */
  completed = 0;

  /** Set when the worker thread failed: the writer checkpoints for itself from then on. */
  failed = false;

  constructor(
    private readonly file: string,
    private readonly walBytes = CHECKPOINT_WAL_BYTES,
    /** Called once if the worker thread fails, so that the writer can take checkpoints back. */
    private readonly onFail: (error: string) => void = () => {},
  ) {}

  /** Resolves when no checkpoint is running. */
  idle(): Promise<void> {
    return this.inFlight ? new Promise((r) => this.waiters.push(r)) : Promise.resolve();
  }

  private done(error: string | null): void {
    this.inFlight = false;
    this.worker?.unref();
    this.lastError = error;
    if (!error) this.completed++;
    for (const w of this.waiters.splice(0)) w();
  }

  /** After a commit: start a checkpoint if the log has grown and none is running. */
  afterCommit(): void {
    if (this.inFlight || this.failed) return;
    let size = 0;
    try {
      size = statSync(this.file + '-wal').size;
    } catch {
      return;
    }
    if (size < this.walBytes) return;
    this.inFlight = true;
    // Held open while a checkpoint runs (it finishes before the process exits), released after.
    const w = this.start();
    w.ref();
    w.postMessage('checkpoint');
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: this.file, driver } });
    w.on('message', (m: { error: string | null }) => this.done(m.error));
    // A thread that cannot run (no worker support, the driver failing to load) is not retried on
    // every commit: the writer's own checkpoints take over.
    w.on('error', (e) => {
      this.worker = null;
      this.failed = true;
      this.done(e.message);
      this.onFail(e.message);
    });
    return (this.worker = w);
  }

  /** Stop the worker (its connection closes first, so that the writer's close can checkpoint and
   * remove the log). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (!w) return;
    w.ref();
    await new Promise<void>((resolve) => {
      w.once('exit', () => resolve());
      w.postMessage('close');
    });
  }
}
