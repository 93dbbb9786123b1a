// One decoded input (a file, an upload, a fetched body, a WARC payload) → documents, by format.
import { binaryReason, charsetFromContentType, decodeBytes } from './decode.js';
import { readFeed } from './feed.js';
import { extractHtml } from './html.js';
import { readJsonDocument, readJsonLines } from './json.js';
import { type ReaderMeta, type ReadItem, oneLine } from './meta.js';
import { type Format, sniffFormat } from './sniff.js';

export interface DocContext {
  /** Source name for documents and failures (path, URL, "stdin", "path#n"). */
  source: string;
  /** File name or URL path, for the extension. */
  name?: string;
  contentType?: string;
  /** Where the bytes came from on the web: becomes meta.url. */
  url?: string;
  maxBytes: number;
}

export async function* documentsFromBytes(buf: Buffer, ctx: DocContext): AsyncGenerator<ReadItem> {
  if (!buf.length) {
    yield { source: ctx.source, error: 'empty file' };
    return;
  }
  const binary = binaryReason(buf.subarray(0, 8192));
  if (binary) {
    yield { source: ctx.source, error: `binary file (${binary}), not text` };
    return;
  }
  const { text } = decodeBytes(buf, charsetFromContentType(ctx.contentType));
  if (!text.trim()) {
    yield { source: ctx.source, error: 'empty file (only whitespace)' };
    return;
  }
  const format = sniffFormat(text.slice(0, 8192), ctx.name, ctx.contentType);
  yield* documentsFromText(text, format, ctx);
}

async function* once(s: string): AsyncGenerator<string> {
  yield s;
}

export async function* documentsFromText(text: string, format: Format, ctx: DocContext): AsyncGenerator<ReadItem> {
  const { source } = ctx;
  try {
    switch (format) {
      case 'html': {
        const x = extractHtml(text, { url: ctx.url });
        if (!x.text.trim()) yield { source, error: 'HTML page has no readable text' };
        else yield { source, raw: text, kind: 'html', format: 'html', meta: x.meta, text: x.text, textOffsets: x.textOffsets };
        return;
      }
      case 'feed':
        yield* readFeed(text, source);
        return;
      case 'xml': {
        const root = /<([A-Za-z_][\w.:-]*)/.exec(text.replace(/<\?[^>]*\?>|<!--[\s\S]*?-->|<![^>]*>/g, ''))?.[1]?.toLowerCase();
        if (root === 'rss' || root === 'feed' || root === 'rdf:rdf') {
          yield* readFeed(text, source);
          return;
        }
        const x = extractHtml(text, { fragment: true });
        if (!x.text.trim()) yield { source, error: `XML document <${root ?? '?'}> has no text` };
        else yield { source, raw: text, kind: 'html', format: 'xml', meta: ctx.url ? { url: ctx.url } : {}, text: x.text, textOffsets: x.textOffsets };
        return;
      }
      case 'json':
        yield* readJsonDocument(text, source);
        return;
      case 'jsonl':
        yield* readJsonLines(once(text), source, ctx.maxBytes);
        return;
      case 'warc':
        yield { source, error: 'WARC inside a container is not supported' };
        return;
      default: {
        const meta: ReaderMeta = ctx.url ? { url: ctx.url } : {};
        yield { source, raw: text, kind: 'text', format: 'text', meta };
      }
    }
  } catch (e) {
    yield { source, error: `could not read ${format}: ${oneLine(e)}` };
  }
}
