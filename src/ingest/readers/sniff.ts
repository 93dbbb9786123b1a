// Which reader an input needs: its first characters decide when they are unambiguous, then the
// Content-Type, then the file name.

export type Format = 'warc' | 'html' | 'feed' | 'xml' | 'json' | 'jsonl' | 'text';

const EXT: Record<string, Format> = {
  warc: 'warc', html: 'html', htm: 'html', xhtml: 'html', shtml: 'html', rss: 'feed', atom: 'feed', xml: 'xml',
  json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', jsonlines: 'jsonl', txt: 'text', text: 'text', md: 'text',
};

export function extFormat(name: string | undefined): Format | undefined {
  const m = name ? /\.([a-z0-9]+)$/i.exec(name.replace(/\.gz$/i, '').replace(/[?#].*$/, '')) : null;
  return m ? EXT[m[1]!.toLowerCase()] : undefined;
}

export function contentTypeFormat(ct: string | undefined): Format | undefined {
  if (!ct) return undefined;
  const t = ct.split(';')[0]!.trim().toLowerCase();
  if (t === 'text/html' || t === 'application/xhtml+xml') return 'html';
  if (t === 'application/rss+xml' || t === 'application/atom+xml' || t === 'application/rdf+xml') return 'feed';
  if (t === 'application/x-ndjson' || t === 'application/jsonl' || t === 'application/x-jsonlines') return 'jsonl';
  if (t === 'application/json' || t.endsWith('+json')) return 'json';
  if (t === 'application/warc') return 'warc';
  if (t === 'text/xml' || t === 'application/xml') return 'xml';
  if (t.startsWith('text/')) return 'text';
  return undefined;
}

/** The root element of an XML document, past its prolog, comments and doctype. */
function xmlRoot(s: string): string | null {
  const re = /<(\?[^>]*\?>|!--[\s\S]*?-->|![^>]*>|([A-Za-z_][\w.:-]*))/g;
  for (let m = re.exec(s); m; m = re.exec(s)) if (m[2]) return m[2].toLowerCase();
  return null;
}

/** `head` is the start of the decoded text (a few KB are enough). */
export function sniffFormat(head: string, name?: string, contentType?: string): Format {
  const s = head.replace(/^\uFEFF/, '').trimStart();
  const byExt = extFormat(name);
  const byType = contentTypeFormat(contentType);
  if (s.startsWith('WARC/1.') || s.startsWith('WARC/0.')) return 'warc';
  if (s.startsWith('<')) {
    const root = xmlRoot(s);
    if (root === 'rss' || root === 'feed' || root === 'rdf:rdf') return 'feed';
    if (/^<!doctype\s+html/i.test(s) || root === 'html' || root === 'head' || root === 'body') return 'html';
    if (s.startsWith('<?xml')) return 'xml';
    return byExt === 'xml' || byType === 'xml' ? 'xml' : 'html';
  }
  // An article array or object; not "[Update] Flood…" in a text file.
  if (/^\[\s*[{\]]/.test(s)) return 'json';
  if (/^\{\s*["}]/.test(s)) {
    if (byExt === 'jsonl' || byType === 'jsonl') return 'jsonl';
    if (byExt === 'json' || byType === 'json') return looksLikeJsonLines(s) ? 'jsonl' : 'json';
    return looksLikeJsonLines(s) ? 'jsonl' : 'json';
  }
  if ((byExt === 'html' || byType === 'html') && /<[a-z!/]/i.test(s)) return 'html';
  return 'text';
}

/** A first line that is a complete JSON value followed by more: JSON Lines. When the first line
 * does not end within the sample it is long, which a pretty-printed JSON document's is not. */
function looksLikeJsonLines(s: string): boolean {
  const nl = s.indexOf('\n');
  if (nl === -1) return s.length >= 4096;
  const line = s.slice(0, nl).trim();
  try {
    JSON.parse(line);
  } catch {
    return false;
  }
  return s.slice(nl + 1).trim().length > 0;
}
