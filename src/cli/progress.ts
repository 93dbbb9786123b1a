// Progress on long work: a live line on a terminal, a plain line every few seconds otherwise.
import type { IngestProgress } from '../ingest/ingest.js';

export function ingestProgress(enabled: boolean): { update: (p: IngestProgress) => void; done: () => void } {
  const tty = process.stderr.isTTY;
  const t0 = Date.now();
  let lastPrint = t0;
  let shown = false;
  const line = (p: IngestProgress) => {
    const secs = (Date.now() - t0) / 1000;
    const n = p.ingested + p.existing + p.failed;
    const rate = secs > 0 ? Math.round(p.ingested / secs) : 0;
    const width = 24;
    const spin = Math.floor(secs * 4) % width;
    const bar = tty ? '[' + Array.from({ length: width }, (_, i) => (i === spin ? '█' : '░')).join('') + '] ' : '';
    return `${bar}${n} read · ${p.ingested} ingested · ${p.existing} already present · ${p.failed} failed · ${rate}/s`;
  };
  return {
    update(p) {
      if (!enabled) return;
      const now = Date.now();
      if (tty && now - lastPrint > 100) {
        process.stderr.write('\r\x1b[2K' + line(p));
        lastPrint = now;
        shown = true;
      } else if (!tty && now - lastPrint > 5000) {
        process.stderr.write(line(p) + '\n');
        lastPrint = now;
      }
    },
    done() {
      if (enabled && tty && shown) process.stderr.write('\r\x1b[2K');
    },
  };
}
