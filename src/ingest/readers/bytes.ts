// Byte streams: peeking at the first bytes, reading exact lengths and delimited headers, and
// gunzipping (multi-member) without losing what was decoded before a truncation.
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

export class ByteReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private done = false;
  private it: AsyncIterator<Buffer>;
  /** Bytes consumed so far (for messages). */
  consumed = 0;

  constructor(source: AsyncIterable<Buffer | Uint8Array | string>) {
    const inner = source[Symbol.asyncIterator]();
    this.it = {
      next: async () => {
        const r = await inner.next();
        if (r.done) return r;
        const v = r.value;
        return { done: false, value: Buffer.isBuffer(v) ? v : typeof v === 'string' ? Buffer.from(v) : Buffer.from(v.buffer, v.byteOffset, v.byteLength) };
      },
    };
  }

  /** Make at least `n` bytes available (fewer at the end). Returns how many are. */
  async fill(n: number): Promise<number> {
    while (this.buffered < n && !this.done) {
      const r = await this.it.next();
      if (r.done) this.done = true;
      else if (r.value.length) {
        this.chunks.push(r.value);
        this.buffered += r.value.length;
      }
    }
    return this.buffered;
  }

  private flat(): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0] ?? Buffer.alloc(0);
  }

  /** The first `n` bytes without consuming them. */
  async peek(n: number): Promise<Buffer> {
    await this.fill(n);
    const b = this.flat();
    return b.subarray(0, Math.min(n, b.length));
  }

  async atEnd(): Promise<boolean> {
    return (await this.fill(1)) === 0;
  }

  /** Exactly `n` bytes, or what is left when the stream ends first. */
  async read(n: number): Promise<Buffer> {
    await this.fill(n);
    const b = this.flat();
    const out = b.subarray(0, Math.min(n, b.length));
    this.chunks = b.length > n ? [b.subarray(n)] : [];
    this.buffered = Math.max(0, b.length - n);
    this.consumed += out.length;
    return out;
  }

  /** Discard `n` bytes without holding them; returns how many were discarded. */
  async skip(n: number): Promise<number> {
    let left = n;
    while (left > 0) {
      if ((await this.fill(1)) === 0) break;
      const b = this.chunks[0]!;
      if (b.length <= left) {
        this.chunks.shift();
        this.buffered -= b.length;
        left -= b.length;
      } else {
        this.chunks[0] = b.subarray(left);
        this.buffered -= left;
        left = 0;
      }
    }
    this.consumed += n - left;
    return n - left;
  }

  /** Bytes up to and including `delim`, or null if it does not occur within `max` bytes or before the end. */
  async readUntil(delim: Buffer, max: number): Promise<Buffer | null> {
    let from = 0;
    for (;;) {
      const b = this.flat();
      const at = b.indexOf(delim, from);
      if (at !== -1) return this.read(at + delim.length);
      from = Math.max(0, b.length - delim.length + 1);
      if (b.length >= max || this.done) return null;
      await this.fill(b.length + 1);
    }
  }

  /** Everything left, as a stream of chunks. */
  async *rest(): AsyncGenerator<Buffer> {
    while (this.chunks.length) {
      const b = this.chunks.shift()!;
      this.buffered -= b.length;
      this.consumed += b.length;
      yield b;
    }
    while (!this.done) {
      const r = await this.it.next();
      if (r.done) this.done = true;
      else {
        this.consumed += r.value.length;
        yield r.value;
      }
    }
  }
}

export class SizeLimitError extends Error {}

/** The whole stream, refusing to grow past `limit` bytes. */
export async function collect(chunks: AsyncIterable<Buffer>, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let n = 0;
  for await (const c of chunks) {
    n += c.length;
    if (n > limit) throw new SizeLimitError(`more than ${limit} bytes`);
    parts.push(c);
  }
  return Buffer.concat(parts, n);
}

export interface GunzipState {
  error?: string;
  bytesOut: number;
}

/** Decompressed chunks of a (possibly multi-member) gzip stream. A corrupt or truncated stream
 * ends the iteration quietly; `state.error` says why, once the consumer has had every byte. */
export async function* gunzip(chunks: AsyncIterable<Buffer>, state: GunzipState): AsyncGenerator<Buffer> {
  const gz = createGunzip();
  const src = Readable.from(chunks, { objectMode: false });
  src.on('error', (e) => gz.destroy(e));
  src.pipe(gz);
  try {
    for await (const c of gz as AsyncIterable<Buffer>) {
      state.bytesOut += c.length;
      yield c;
    }
  } catch (e) {
    const msg = (e as Error).message;
    state.error = /unexpected end of file/i.test(msg) ? `truncated gzip (unexpected end of file after ${state.bytesOut} decompressed bytes)` : `corrupt gzip (${msg})`;
  } finally {
    src.destroy();
    gz.destroy();
  }
}
