// JSON and JSON Lines: each record is one article, its fields named in any of the usual ways.
import type { RawDocument, ReadFailure } from '../../types.js';
import { outletFromUrl } from '../outlets.js';
import { extractHtml, looksLikeMarkup } from './html.js';
import { type ReaderMeta, type ReadItem, formatBytes, oneLine } from './meta.js';

type Rec = Record<string, unknown>;

const BODY_KEYS = ['text', 'body', 'content', 'article', 'articlebody', 'article_body', 'maintext', 'fulltext', 'full_text', 'story'];
const SUMMARY_KEYS = ['description', 'summary', 'abstract', 'lead', 'standfirst'];
const TITLE_KEYS = ['title', 'headline', 'name'];
const URL_KEYS = ['url', 'link', 'href', 'canonical', 'canonical_url', 'permalink'];
const DATE_KEYS = ['published', 'date', 'pubdate', 'published_at', 'publishedat', 'datepublished', 'date_published', 'date_publish', 'publication_date', 'datetime', 'time', 'timestamp', 'created_at', 'updated'];
const OUTLET_KEYS = ['outlet', 'source', 'feed', 'publisher', 'site', 'site_name', 'sitename', 'source_domain', 'domain', 'newspaper'];
const BYLINE_KEYS = ['byline', 'author', 'authors', 'creator', 'writer'];
const SECTION_KEYS = ['section', 'category', 'categories', 'desk', 'articlesection'];
/** Wrappers around a list of articles: {"articles": [...]}, {"items": [...]}, … */
const LIST_KEYS = ['articles', 'items', 'data', 'results', 'entries', 'records', 'docs', 'documents', 'stories', 'news', 'posts'];


function lowerKeys(rec: Rec): Map<string, unknown> {
  const m = new Map<string, unknown>();
  for (const [k, v] of Object.entries(rec)) {
    const lk = k.toLowerCase();
    if (!m.has(lk)) m.set(lk, v);
  }
  return m;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() ? v : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (Array.isArray(v)) {
    const parts = v.map((x) => str(x) ?? nameOf(x)).filter((x): x is string => !!x);
    return parts.length ? parts.join(', ') : undefined;
  }
  return nameOf(v);
}

function nameOf(v: unknown): string | undefined {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Rec;
    for (const k of ['name', 'title', 'value', 'href', 'url']) if (typeof o[k] === 'string' && (o[k] as string).trim()) return o[k] as string;
  }
  return undefined;
}

function first(m: Map<string, unknown>, keys: string[]): [string, string] | undefined {
  for (const k of keys) {
    const v = str(m.get(k));
    if (v !== undefined) return [k, v];
  }
  return undefined;
}

const looksLikeUrl = (s: string) => /^https?:\/\//i.test(s.trim());

/** A record → a document. `source` is `path#n`. */
export function recordToDocument(rec: unknown, source: string, format: string): ReadItem {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) return { source, error: `record is ${Array.isArray(rec) ? 'an array' : rec === null ? 'null' : typeof rec}, not an object` };
  const m = lowerKeys(rec as Rec);
  const meta: ReaderMeta = {};
  const bodyField = first(m, BODY_KEYS);
  const summaryField = first(m, SUMMARY_KEYS);
  const title = first(m, TITLE_KEYS);
  let body = bodyField?.[1];
  if (body === undefined || !body.trim()) body = summaryField?.[1];
  else if (summaryField) meta.description = summaryField[1].trim();
  if (body === undefined || !body.trim()) {
    return { source, error: title ? `record '${title[1].slice(0, 60)}' has no text (no text, body, content or description field)` : 'record has no text (no text, body, content or description field)' };
  }
  if (title) meta.title = title[1].trim();
  const url = first(m, URL_KEYS);
  if (url && looksLikeUrl(url[1])) meta.url = url[1].trim();
  const date = first(m, DATE_KEYS);
  if (date) {
    meta.published = date[1].trim();
    meta.publishedFrom = `json:${date[0]}`;
  }
  const outlet = first(m, OUTLET_KEYS);
  if (outlet) {
    const v = outlet[1].trim();
    if (looksLikeUrl(v)) {
      // A feed address names the outlet only through its host; the article's own URL may say more.
      const o = outletFromUrl(v);
      if (o && (o.known || !meta.url)) {
        meta.outlet = o.outlet;
        meta.outletFrom = `json:${outlet[0]} host`;
      }
    } else {
      meta.outlet = v;
      meta.outletFrom = `json:${outlet[0]}`;
    }
  }
  const byline = first(m, BYLINE_KEYS);
  if (byline) meta.byline = byline[1].trim();
  const section = first(m, SECTION_KEYS);
  if (section) meta.section = section[1].trim();
  const dateline = str(m.get('dateline'));
  if (dateline) meta.dateline = dateline.trim();

  // Markup in a body: its text is extracted rather than taken as it stands.
  if (looksLikeMarkup(body)) {
    const x = extractHtml(body, { fragment: true });
    if (x.meta.captions) meta.captions = x.meta.captions;
    if (x.meta.subheadings) meta.subheadings = x.meta.subheadings;
    return { source, raw: body, kind: 'html', format, meta, text: x.text, textOffsets: x.textOffsets };
  }
  return { source, raw: body, kind: 'text', format, meta };
}

/** A whole JSON document: an article, an array of articles, or an object wrapping one. */
export function* readJsonDocument(text: string, path: string): Generator<ReadItem> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    yield { source: path, error: `malformed JSON: ${oneLine(e)}` };
    return;
  }
  if (data && typeof data === 'object' && !Array.isArray(data)) {
    const m = lowerKeys(data as Rec);
    const hasBody = first(m, [...BODY_KEYS, ...SUMMARY_KEYS]);
    const list = LIST_KEYS.map((k) => m.get(k)).find((v) => Array.isArray(v));
    if (!hasBody && list) data = list;
    else {
      yield recordToDocument(data, path, 'json');
      return;
    }
  }
  if (!Array.isArray(data)) {
    yield { source: path, error: `JSON holds ${data === null ? 'null' : typeof data}, not an article or a list of articles` };
    return;
  }
  if (data.length === 0) yield { source: path, error: 'JSON array is empty' };
  for (let i = 0; i < data.length; i++) yield recordToDocument(data[i], `${path}#${i}`, 'json');
}

/** JSON Lines from a stream of decoded text chunks, one record at a time; `#n` is the line number. */
export async function* readJsonLines(chunks: AsyncIterable<string>, path: string, maxRecordBytes: number): AsyncGenerator<ReadItem> {
  let carry = '';
  let line = 0;
  let skipping = false; // inside an over-long line, dropping it
  let yielded = 0;
  const one = (s: string, n: number): ReadItem | null => {
    const t = s.trim();
    if (!t) return null;
    if (t.length > maxRecordBytes / 3 && Buffer.byteLength(t) > maxRecordBytes) {
      return { source: `${path}#${n}`, error: `line longer than the ${formatBytes(maxRecordBytes)} limit, skipped` };
    }
    let rec: unknown;
    try {
      rec = JSON.parse(t);
    } catch (e) {
      return { source: `${path}#${n}`, error: `malformed JSON line: ${oneLine(e)}` };
    }
    return recordToDocument(rec, `${path}#${n}`, 'jsonl');
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      line++;
      if (skipping) skipping = false;
      else {
        const item = one(carry + chunk.slice(start, nl), line);
        if (item) {
          yielded++;
          yield item;
        }
      }
      carry = '';
      start = nl + 1;
    }
    if (!skipping) {
      carry += chunk.slice(start);
      if (carry.length > maxRecordBytes) {
        yielded++;
        yield { source: `${path}#${line + 1}`, error: `line longer than the ${formatBytes(maxRecordBytes)} limit, skipped` };
        carry = '';
        skipping = true;
      }
    }
  }
  if (carry.trim() && !skipping) {
    const item = one(carry, ++line);
    if (item) {
      yielded++;
      yield item;
    }
  }
  if (yielded === 0) yield { source: path, error: 'JSON Lines file has no records' };
}

export type { RawDocument, ReadFailure };
