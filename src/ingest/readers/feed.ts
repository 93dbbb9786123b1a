// RSS 2.0, RSS 1.0 (RDF) and Atom feeds: each item an article; HTML inside an item is reduced to text.
import { extractHtml, looksLikeMarkup } from './html.js';
import { type ElementNode, children, localName, parseMarkup, squash, textContent } from './markup.js';
import type { ReaderMeta, ReadItem } from './meta.js';

/** HTML in an item, or entities left over from double escaping. */
const isMarkup = (s: string) => looksLikeMarkup(s, true);

function child(el: ElementNode, ...names: string[]): ElementNode | undefined {
  for (const n of names) {
    const lower = n.toLowerCase();
    const hit = el.children.find((c): c is ElementNode => c.type === 'element' && c.tag.toLowerCase() === lower);
    if (hit) return hit;
  }
  return undefined;
}

const text = (el: ElementNode | undefined) => (el ? textContent(el).trim() : '');

/** Atom <content type="xhtml"> carries markup as elements, not as escaped text. */
function atomContent(el: ElementNode | undefined, src: string): string {
  if (!el) return '';
  if (el.attrs.type === 'xhtml') {
    const inner = children(el)[0];
    if (inner) {
      const end = findEnd(inner, src);
      return src.slice(inner.start, end);
    }
  }
  return textContent(el);
}

/** End offset of an element in the source: the start of the next sibling-or-ancestor-sibling, or
 * its close tag. Used only for Atom xhtml content, where the markup itself is the payload. */
function findEnd(el: ElementNode, src: string): number {
  const close = `</${el.tag}>`;
  let depth = 0;
  const re = new RegExp(`<(/?)${el.tag.replace(/[.:-]/g, '\\$&')}\\b[^>]*?(/?)>`, 'g');
  re.lastIndex = el.start;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m[2]) continue;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return m.index + close.length;
  }
  return src.length;
}

function itemDocument(source: string, format: string, title: string, body: string, meta: ReaderMeta): ReadItem {
  if (!body.trim()) {
    if (!title) return { source, error: 'feed item has neither title nor text' };
    return { source, error: `feed item '${title.slice(0, 60)}' has a title but no text` };
  }
  if (isMarkup(body)) {
    const x = extractHtml(body, { fragment: true });
    if (!x.text.trim()) return { source, error: `feed item '${title.slice(0, 60)}' has no text once its HTML is reduced` };
    if (x.meta.captions) meta.captions = x.meta.captions;
    if (x.meta.subheadings) meta.subheadings = x.meta.subheadings;
    return { source, raw: body, kind: 'html', format, meta, text: x.text, textOffsets: x.textOffsets };
  }
  return { source, raw: body, kind: 'text', format, meta };
}

function setDate(meta: ReaderMeta, candidates: [ElementNode | undefined, string][]) {
  for (const [el, from] of candidates) {
    const v = text(el);
    if (v) {
      meta.published = v;
      meta.publishedFrom = from;
      return;
    }
  }
}

export function* readFeed(src: string, path: string): Generator<ReadItem> {
  const { root, error } = parseMarkup(src, true);
  if (error) {
    yield { source: path, error: `malformed XML feed: ${error}` };
    return;
  }
  const top = children(root)[0];
  if (!top) {
    yield { source: path, error: 'malformed XML feed: no root element' };
    return;
  }
  const kind = localName(top.tag);
  if (kind === 'feed') yield* readAtom(top, src, path);
  else if (kind === 'rss' || kind === 'rdf') yield* readRss(top, path);
  else yield { source: path, error: `XML root <${top.tag}> is not an RSS or Atom feed` };
}

function* readRss(top: ElementNode, path: string): Generator<ReadItem> {
  const channel = child(top, 'channel');
  const outlet = squash(text(channel ? child(channel, 'title') : undefined));
  // RSS 2.0 nests items in the channel; RSS 1.0 puts them beside it.
  const items = [...(channel ? children(channel, 'item') : []), ...children(top, 'item')];
  if (!items.length) {
    yield { source: path, error: 'feed has no items' };
    return;
  }
  let i = 0;
  for (const item of items) {
    const source = `${path}#${i++}`;
    const meta: ReaderMeta = {};
    const title = squash(text(child(item, 'title')));
    if (title) meta.title = title;
    const link = text(child(item, 'link')) || (child(item, 'guid')?.attrs.isPermaLink !== 'false' ? text(child(item, 'guid')) : '');
    if (/^https?:\/\//i.test(link)) meta.url = link;
    setDate(meta, [
      [child(item, 'pubDate'), 'rss:pubDate'],
      [child(item, 'dc:date'), 'rss:dc:date'],
      [child(item, 'published'), 'rss:published'],
      [child(item, 'updated'), 'rss:updated'],
    ]);
    if (outlet) {
      meta.outlet = outlet;
      meta.outletFrom = 'feed:channel title';
    }
    const byline = squash(text(child(item, 'dc:creator', 'author')));
    if (byline) meta.byline = byline;
    const section = squash(text(child(item, 'category')));
    if (section) meta.section = section;
    const full = text(child(item, 'content:encoded'));
    const description = text(child(item, 'description'));
    const body = full || description;
    if (full && description) meta.description = squash(isMarkup(description) ? extractHtml(description, { fragment: true }).text : description);
    yield itemDocument(source, 'feed-rss', title, body, meta);
  }
}

function* readAtom(top: ElementNode, src: string, path: string): Generator<ReadItem> {
  const outlet = squash(text(child(top, 'title')));
  const entries = children(top, 'entry');
  if (!entries.length) {
    yield { source: path, error: 'feed has no entries' };
    return;
  }
  let i = 0;
  for (const entry of entries) {
    const source = `${path}#${i++}`;
    const meta: ReaderMeta = {};
    const title = squash(text(child(entry, 'title')));
    if (title) meta.title = title;
    const links = children(entry, 'link');
    const link = links.find((l) => (l.attrs.rel ?? 'alternate') === 'alternate') ?? links[0];
    if (link?.attrs.href && /^https?:\/\//i.test(link.attrs.href)) meta.url = link.attrs.href;
    setDate(meta, [
      [child(entry, 'published'), 'atom:published'],
      [child(entry, 'updated'), 'atom:updated'],
      [child(entry, 'dc:date'), 'atom:dc:date'],
    ]);
    if (outlet) {
      meta.outlet = outlet;
      meta.outletFrom = 'feed:feed title';
    }
    const authors = children(entry, 'author').map((a) => squash(text(child(a, 'name')))).filter(Boolean);
    if (authors.length) meta.byline = authors.join(' and ');
    const category = children(entry, 'category')[0];
    if (category?.attrs.term || category?.attrs.label) meta.section = category.attrs.label ?? category.attrs.term;
    const content = atomContent(child(entry, 'content'), src).trim();
    const summary = atomContent(child(entry, 'summary'), src).trim();
    if (content && summary) meta.description = squash(isMarkup(summary) ? extractHtml(summary, { fragment: true }).text : summary);
    yield itemDocument(source, 'feed-atom', title, content || summary, meta);
  }
}
