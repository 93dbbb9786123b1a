// The input readers: files, directories, URLs, stdin, uploads and pasted text → a stream of raw
// documents (or failures, one per bad input or record). Nothing larger than one document, or one
// buffered file, is held at a time.
import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { RawDocument, ReadFailure } from '../../types.js';
import { FetchError, fetchUrl } from '../fetch.js';
import { ByteReader, type GunzipState, SizeLimitError, collect, gunzip } from './bytes.js';
import { binaryReason, charsetFromContentType, detectEncoding, isGzip } from './decode.js';
import { documentsFromText } from './document.js';
import { readJsonLines } from './json.js';
import { type ReadItem, type ReadOptions, formatBytes, limits, oneLine } from './meta.js';
import { sniffFormat } from './sniff.js';
import { readWarc } from './warc.js';
import iconv from 'iconv-lite';

export type { ReadOptions, ReaderMeta } from './meta.js';
export { isReadFailure, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS } from './meta.js';
export { assertPublicUrl } from '../fetch.js';

const PEEK = 64 * 1024;

interface StreamContext {
  source: string;
  name?: string;
  contentType?: string;
  url?: string;
  /** Known size of the input, to refuse a buffered format before reading it. */
  size?: number;
}

/** Decoded text chunks of a byte stream, in a fixed encoding, split safely between characters. */
async function* decodeChunks(chunks: AsyncIterable<Buffer>, encoding: string, bomLength: number): AsyncGenerator<string> {
  const decoder = encoding === 'utf-8' ? new TextDecoder('utf-8') : null;
  const iconvDecoder = decoder ? null : iconv.getDecoder(encoding);
  let first = true;
  for await (let c of chunks) {
    if (first && bomLength) c = c.subarray(bomLength);
    first = false;
    const s = decoder ? decoder.decode(c, { stream: true }) : iconvDecoder!.write(c);
    if (s) yield s;
  }
  const tail = decoder ? decoder.decode() : iconvDecoder!.end();
  if (tail) yield tail;
}

/** The core: a byte stream of one input → documents. */
async function* readStream(chunks: AsyncIterable<Buffer>, ctx: StreamContext, opts: ReadOptions): AsyncGenerator<ReadItem> {
  const { maxBytes } = limits(opts);
  let reader = new ByteReader(chunks);
  let head = await reader.peek(PEEK);
  if (!head.length) {
    yield { source: ctx.source, error: 'empty file' };
    return;
  }
  let gz: GunzipState | null = null;
  let name = ctx.name;
  if (isGzip(head)) {
    gz = { bytesOut: 0 };
    reader = new ByteReader(gunzip(reader.rest(), gz));
    name = name?.replace(/\.gz$/i, '');
    head = await reader.peek(PEEK);
    if (!head.length) {
      yield { source: ctx.source, error: gz.error ?? 'empty file (gzip of nothing)' };
      return;
    }
  }
  const binary = binaryReason(head);
  if (binary) {
    yield { source: ctx.source, error: `binary file (${binary}), not text` };
    return;
  }
  const complete = head.length < PEEK;
  const enc = detectEncoding(head, charsetFromContentType(ctx.contentType), complete);
  const headText = iconv.decode(head.subarray(enc.bom, Math.min(head.length, 16384)), enc.encoding);
  const format = sniffFormat(headText, name, ctx.contentType);

  if (format === 'warc' || format === 'jsonl') {
    const items = format === 'warc' ? readWarc(reader, ctx.source, maxBytes) : readJsonLines(decodeChunks(reader.rest(), enc.encoding, enc.bom), ctx.source, maxBytes);
    // A last record cut by a gzip truncation is explained by the truncation: report that alone.
    let held: ReadItem | null = null;
    for await (const item of items) {
      if (held) yield held;
      held = item;
    }
    if (held && !(gz?.error && 'error' in held)) yield held;
  } else {
    if (!gz && ctx.size !== undefined && ctx.size > maxBytes) {
      yield { source: ctx.source, error: `file of ${formatBytes(ctx.size)} exceeds the ${formatBytes(maxBytes)} limit` };
      return;
    }
    let buf: Buffer;
    try {
      buf = await collect(reader.rest(), maxBytes);
    } catch (e) {
      if (e instanceof SizeLimitError) yield { source: ctx.source, error: `input exceeds the ${formatBytes(maxBytes)} limit${gz ? ' once decompressed' : ''}` };
      else yield { source: ctx.source, error: oneLine(e) };
      return;
    }
    if (gz?.error) {
      // A buffered format cut short is not worth reading: a page or a feed without its end.
      yield { source: ctx.source, error: gz.error };
      return;
    }
    const text = iconv.decode(buf.subarray(enc.bom), enc.encoding).replace(/^\uFEFF/, '');
    if (!text.trim()) {
      yield { source: ctx.source, error: 'empty file (only whitespace)' };
      return;
    }
    yield* documentsFromText(text, format, { source: ctx.source, name, contentType: ctx.contentType, url: ctx.url, maxBytes });
  }
  if (gz?.error) yield { source: ctx.source, error: gz.error };
}

/** Error from a stream (file vanished mid-read, stdin closed badly) as a failure, not a throw. */
async function* guarded(source: string, gen: AsyncGenerator<ReadItem>): AsyncGenerator<ReadItem> {
  try {
    yield* gen;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    yield { source, error: err.code === 'EISDIR' ? 'is a directory' : oneLine(e) };
  }
}

async function* readFile(file: string, size: number, opts: ReadOptions): AsyncGenerator<ReadItem> {
  if (size === 0) {
    yield { source: file, error: 'empty file' };
    return;
  }
  const stream = createReadStream(file, { highWaterMark: PEEK });
  try {
    yield* guarded(file, readStream(stream as AsyncIterable<Buffer>, { source: file, name: path.basename(file), size }, opts));
  } finally {
    stream.destroy();
  }
}

/** Files under a directory, depth first, sorted by name, dotfiles and dot-directories skipped. */
async function* walkDir(dir: string, seen: Set<string>): AsyncGenerator<{ file: string; size: number } | ReadFailure> {
  let real: string;
  try {
    real = await fs.realpath(dir);
  } catch (e) {
    yield { source: dir, error: oneLine(e) };
    return;
  }
  if (seen.has(real)) return; // a symlink loop
  seen.add(real);
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (e) {
    yield { source: dir, error: `cannot list directory: ${(e as NodeJS.ErrnoException).code ?? oneLine(e)}` };
    return;
  }
  for (const n of names) {
    const p = path.join(dir, n);
    let st;
    try {
      st = await fs.stat(p);
    } catch (e) {
      yield { source: p, error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? oneLine(e)}` };
      continue;
    }
    if (st.isDirectory()) yield* walkDir(p, seen);
    else if (st.isFile()) yield { file: p, size: st.size };
  }
}

async function* readUrl(url: string, opts: ReadOptions): AsyncGenerator<ReadItem> {
  let res;
  try {
    res = await fetchUrl(url, { allowPrivate: opts.allowPrivate === true, ...limits(opts) });
  } catch (e) {
    yield { source: url, error: e instanceof FetchError ? e.message : `fetch failed: ${oneLine(e)}` };
    return;
  }
  let name: string | undefined;
  try {
    name = new URL(res.url).pathname;
  } catch {
    name = undefined;
  }
  yield* guarded(url, readStream(single(res.body), { source: url, name, contentType: res.contentType, url: res.url }, opts));
}

async function* single(buf: Buffer): AsyncGenerator<Buffer> {
  if (buf.length) yield buf;
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/** Read files, directories (recursively), http(s) URLs and "-" (stdin), one document at a time. */
export async function* readInputs(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<RawDocument | ReadFailure> {
  for (const input of inputs) {
    if (input === '-') {
      yield* guarded('stdin', readStream(process.stdin as AsyncIterable<Buffer>, { source: 'stdin' }, opts));
      continue;
    }
    if (isUrl(input)) {
      yield* readUrl(input, opts);
      continue;
    }
    let st;
    try {
      st = await fs.stat(input);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      yield { source: input, error: code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${code ?? oneLine(e)}` };
      continue;
    }
    if (st.isDirectory()) {
      let any = false;
      for await (const f of walkDir(input, new Set())) {
        any = true;
        if ('error' in f) yield f;
        else yield* readFile(f.file, f.size, opts);
      }
      if (!any) yield { source: input, error: 'directory has no files' };
    } else if (st.isFile()) yield* readFile(input, st.size, opts);
    else yield { source: input, error: 'not a regular file or directory' };
  }
}

/** Bytes already in memory (stdin, an upload): the same detection as for files. `source` names
 * the input; a file name in it helps (its extension is used when the content is ambiguous). */
export async function* readBuffer(source: string, buf: Buffer, opts: ReadOptions = {}): AsyncGenerator<RawDocument | ReadFailure> {
  if (!buf.length) {
    yield { source, error: 'empty file' };
    return;
  }
  yield* guarded(source, readStream(single(buf), { source, name: path.basename(source.replace(/[?#].*$/, '')), size: buf.length }, opts));
}

/** Pasted text: a plain-text article as it stands (never split, never sniffed). */
export function readText(source: string, text: string): RawDocument[] {
  const raw = text.replace(/^\uFEFF/, '');
  if (!raw.trim()) return [];
  return [{ source, raw, kind: 'text', format: 'text', meta: {} }];
}
