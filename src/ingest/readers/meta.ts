// What readers know beyond the shared RawMeta: fields a container states outright that the
// cleaner would otherwise have to find in the text.
import type { RawDocument, RawMeta, ReadFailure } from '../../types.js';

export interface ReaderMeta extends RawMeta {
  /** A dateline the container gives as its own field ("SALVADOR, Feb 26"). */
  dateline?: string;
}

export interface ReadOptions {
  /** Allow URLs that resolve to loopback, private, link-local or reserved addresses. */
  allowPrivate?: boolean;
  /** Largest input read into memory, in bytes (default 20 MB). Streamed containers (JSON Lines,
   * WARC) apply it to each record instead of to the whole file. */
  maxBytes?: number;
  /** Network timeout for a URL, whole transfer included (default 15000 ms). */
  timeoutMs?: number;
}

export type ReadItem = RawDocument | ReadFailure;

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15000;

export const isReadFailure = (x: ReadItem): x is ReadFailure => 'error' in x;

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/** One line, whatever the error carried. */
export const oneLine = (e: unknown) => String(e instanceof Error ? e.message : e).replace(/\s+/g, ' ').trim();

/** Options with defaults applied; a NaN or non-positive number (e.g. a bad CLI value) means the default. */
export function limits(opts: ReadOptions): { maxBytes: number; timeoutMs: number } {
  const ok = (n: number | undefined) => typeof n === 'number' && Number.isFinite(n) && n > 0;
  return { maxBytes: ok(opts.maxBytes) ? opts.maxBytes! : DEFAULT_MAX_BYTES, timeoutMs: ok(opts.timeoutMs) ? opts.timeoutMs! : DEFAULT_TIMEOUT_MS };
}
