// WARC (ISO 28500) read record by record from a byte stream: each response or resource record
// whose payload is a page or text becomes a document; requests, metadata, redirects and media are
// passed over in silence, as a crawl is mostly those.
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { ByteReader } from './bytes.js';
import { documentsFromBytes } from './document.js';
import { type ReadItem, formatBytes, oneLine } from './meta.js';

const CRLF2 = Buffer.from('\r\n\r\n');
const MAX_HEADER = 64 * 1024;

function parseHeaders(lines: string[]): Map<string, string> {
  const h = new Map<string, string>();
  let last = '';
  for (const line of lines) {
    if (/^[ \t]/.test(line) && last) {
      h.set(last, `${h.get(last)} ${line.trim()}`); // folded continuation
      continue;
    }
    const i = line.indexOf(':');
    if (i <= 0) continue;
    last = line.slice(0, i).trim().toLowerCase();
    if (!h.has(last)) h.set(last, line.slice(i + 1).trim());
  }
  return h;
}

const TEXTUAL = /^(text\/|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml|json|ld\+json|x-ndjson))/i;

function dechunk(b: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < b.length) {
    const eol = b.indexOf('\r\n', at);
    if (eol === -1) break;
    const size = parseInt(b.subarray(at, eol).toString('latin1').split(';')[0]!.trim(), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(b.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

function decodeContent(b: Buffer, encoding: string | undefined, limit: number): Buffer {
  const e = (encoding ?? '').toLowerCase().trim();
  if (!e || e === 'identity') return b;
  const opts = { maxOutputLength: limit };
  if (e === 'gzip' || e === 'x-gzip') return gunzipSync(b, opts);
  if (e === 'deflate') return inflateSync(b, opts);
  if (e === 'br') return brotliDecompressSync(b, opts);
  throw new Error(`unsupported Content-Encoding ${e}`);
}

/** The HTTP response inside a record: status, headers and the (de-chunked, decompressed) body. */
function httpPayload(block: Buffer, limit: number): { status: number; headers: Map<string, string>; body: Buffer } | null {
  let end = block.indexOf(CRLF2);
  let sep = 4;
  if (end === -1) {
    end = block.indexOf('\n\n');
    sep = 2;
  }
  if (end === -1) return null;
  const lines = block.subarray(0, end).toString('latin1').split(/\r?\n/);
  const status = /^HTTP\/[\d.]+\s+(\d{3})/.exec(lines[0] ?? '');
  if (!status) return null;
  const headers = parseHeaders(lines.slice(1));
  let body = block.subarray(end + sep);
  if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(body);
  body = decodeContent(body, headers.get('content-encoding'), limit);
  return { status: +status[1]!, headers, body };
}

export async function* readWarc(reader: ByteReader, path: string, maxRecordBytes: number): AsyncGenerator<ReadItem> {
  let index = 0;
  let found = 0;
  for (;;) {
    // Records are separated by CRLF CRLF; tolerate stray line ends.
    for (let b = await reader.peek(1); b.length && (b[0] === 0x0d || b[0] === 0x0a); b = await reader.peek(1)) await reader.skip(1);
    if (await reader.atEnd()) break;
    const at = reader.consumed;
    const head = await reader.readUntil(CRLF2, MAX_HEADER);
    if (!head) {
      const left = (await reader.peek(MAX_HEADER)).length;
      yield { source: `${path}#${index}`, error: left < MAX_HEADER ? `truncated WARC record header at byte ${at}` : `WARC record header longer than ${formatBytes(MAX_HEADER)} at byte ${at}` };
      return;
    }
    const lines = head.toString('utf8').split('\r\n');
    if (!/^WARC\/\d/.test(lines[0] ?? '')) {
      yield { source: `${path}#${index}`, error: `not a WARC record at byte ${at} (starts '${(lines[0] ?? '').slice(0, 20)}')` };
      return;
    }
    const h = parseHeaders(lines.slice(1));
    const length = Number(h.get('content-length'));
    const source = `${path}#${index++}`;
    if (!Number.isInteger(length) || length < 0) {
      yield { source, error: `WARC record at byte ${at} has no valid Content-Length` };
      return;
    }
    const type = (h.get('warc-type') ?? '').toLowerCase();
    const ct = h.get('content-type') ?? '';
    const isHttp = /application\/http/i.test(ct);
    if ((type !== 'response' && type !== 'resource') || (type === 'response' && !isHttp && !TEXTUAL.test(ct))) {
      if ((await reader.skip(length)) < length) {
        yield { source, error: `truncated WARC record (${type || 'untyped'} at byte ${at})` };
        return;
      }
      continue;
    }
    if (length > maxRecordBytes) {
      await reader.skip(length);
      yield { source, error: `WARC record of ${formatBytes(length)} exceeds the ${formatBytes(maxRecordBytes)} limit` };
      continue;
    }
    const block = await reader.read(length);
    if (block.length < length) {
      yield { source, error: `truncated WARC record: ${block.length} of ${length} bytes` };
      return;
    }
    const url = h.get('warc-target-uri')?.replace(/^<|>$/g, '');
    let body = block;
    let contentType = ct;
    if (isHttp) {
      let http;
      try {
        http = httpPayload(block, maxRecordBytes);
      } catch (e) {
        yield { source, error: `WARC response payload: ${oneLine(e)}` };
        continue;
      }
      if (!http) {
        yield { source, error: 'WARC response has no HTTP header' };
        continue;
      }
      contentType = http.headers.get('content-type') ?? '';
      // Redirects, errors, images, scripts and styles are part of any crawl: not articles, not failures.
      if (http.status < 200 || http.status >= 300) continue;
      if (contentType && !TEXTUAL.test(contentType)) continue;
      if (/^text\/(css|javascript)/i.test(contentType)) continue;
      body = http.body;
    } else if (ct && !TEXTUAL.test(ct)) continue;
    if (!body.length) continue;
    found++;
    let name: string | undefined;
    try {
      name = url ? new URL(url).pathname : undefined;
    } catch {
      name = undefined;
    }
    yield* documentsFromBytes(body, { source, name, contentType, url, maxBytes: maxRecordBytes });
  }
  if (index === 0) yield { source: path, error: 'WARC file has no records' };
  else if (found === 0) yield { source: path, error: `WARC file has ${index} records but no HTML or text response` };
}
