// HTML page → main-content text (one block a line, a blank line between paragraphs) with a map
// back into the raw HTML, and the metadata the page carries about itself.
import type { OffsetPiece } from '../../types.js';
import type { ReaderMeta } from './meta.js';
import { type ElementNode, type MarkupNode, type TextSeg, closest, parseMarkup, squash, textContent, walk } from './markup.js';

export interface HtmlExtract {
  text: string;
  textOffsets: OffsetPiece[];
  meta: ReaderMeta;
}

/** Never article text, wherever they stand. */
const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'nav', 'header', 'footer', 'aside', 'form',
  'button', 'select', 'textarea', 'input', 'canvas', 'video', 'audio', 'object', 'embed', 'map', 'head', 'title',
  'meta', 'link', 'dialog', 'menu',
]);
const SKIP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'menu', 'menubar', 'toolbar']);
/** Class or id words of page furniture inside or around the article. */
const FURNITURE = /(?:^|[\s_-])(share|sharing|social|related|recommended|recommendations|newsletter|promo|advert\w*|ads?|sponsor\w*|cookie\w*|comments?|subscribe|subscription|signup|popup|modal|sidebar|widget|outbrain|taboola|breadcrumbs?|tags|taglist|author-bio|most-?read|trending|read-?more|paywall|skip-link|visually-hidden|sr-only)(?=$|[\s_-])/i;
const BYLINE_CLASS = /(?:^|[\s_-])(byline|author|authors|dateline|article-meta|meta-author)(?=$|[\s_-])/i;
/** Date lines in the article header: metadata, read apart, not body text. */
const DATE_CLASS = /(?:^|[\s_-])(date|dates|timestamp|published|pubdate|posted-on|publish-date)(?=$|[\s_-])/i;
const BREADCRUMB = /breadcrumb/i;
/** Where a <time> is part of a sentence rather than a date line of its own. */
const RUNNING_TEXT = new Set(['p', 'li', 'td', 'th', 'blockquote', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'q', 'pre']);

/** Breaks: 2 = blank line (paragraph), 1 = new line. */
const PARA_BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'blockquote', 'pre', 'table', 'ul', 'ol', 'dl', 'address', 'center',
  'figure', 'hr', 'body', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'details', 'summary', 'fieldset',
]);
const LINE_BLOCKS = new Set(['li', 'tr', 'dt', 'dd', 'caption', 'thead', 'tbody', 'tfoot']);
const HEADINGS = /^h[2-6]$/;

const cls = (el: ElementNode) => `${el.attrs.class ?? ''} ${el.attrs.id ?? ''}`;

function hiddenOrTagSkipped(el: ElementNode): boolean {
  if (SKIP_TAGS.has(el.tag)) return true;
  const role = el.attrs.role?.toLowerCase();
  if (role && SKIP_ROLES.has(role)) return true;
  if ('hidden' in el.attrs || el.attrs['aria-hidden'] === 'true') return true;
  return /display\s*:\s*none/i.test(el.attrs.style ?? '');
}

/** Page structure is never furniture, whatever its classes say ("has-sidebar", "with-comments"). */
const STRUCTURE = new Set(['html', 'body', 'main', 'article']);
const isFurniture = (el: ElementNode) => !STRUCTURE.has(el.tag) && (FURNITURE.test(cls(el)) || BREADCRUMB.test(el.attrs['aria-label'] ?? ''));

// ---------------------------------------------------------------------------------------------
// Choosing the main content.

interface Scores {
  /** Paragraph text length under each element (outside skipped zones). */
  ptext: Map<ElementNode, number>;
  /** Readability-style score: a paragraph's length to its parent, half to its grandparent. */
  score: Map<ElementNode, number>;
}

function scoreParagraphs(root: ElementNode, furniture = true): Scores {
  const ptext = new Map<ElementNode, number>();
  const score = new Map<ElementNode, number>();
  const visit = (el: ElementNode) => {
    for (const c of el.children) {
      if (c.type !== 'element' || hiddenOrTagSkipped(c) || (furniture && isFurniture(c))) continue;
      if (c.tag === 'p') {
        const n = squash(textContent(c)).length;
        if (n === 0) continue;
        for (let a: ElementNode | null = el; a; a = a.parent) ptext.set(a, (ptext.get(a) ?? 0) + n);
        ptext.set(c, n);
        score.set(el, (score.get(el) ?? 0) + n);
        if (el.parent) score.set(el.parent, (score.get(el.parent) ?? 0) + n / 2);
      } else visit(c);
    }
  };
  visit(root);
  return { ptext, score };
}

function chooseMain(root: ElementNode, body: ElementNode): ElementNode {
  let { ptext, score } = scoreParagraphs(root);
  // Class names misled us (an article wrapper called "story-with-comments"): score without them.
  if (!score.size) ({ ptext, score } = scoreParagraphs(root, false));
  let best: ElementNode | null = null;
  for (const [el, s] of score) if (!best || s > score.get(best)!) best = el;
  const pt = (e: ElementNode | null) => (e ? ptext.get(e) ?? 0 : 0);
  const marked: ElementNode[] = [];
  for (const el of walk(root)) {
    const ip = el.attrs.itemprop?.toLowerCase();
    if (el.tag === 'article' || ip === 'articlebody' || el.attrs.role === 'article') marked.push(el);
  }
  // The article element with the most paragraph text, unless the best paragraph cluster lies
  // elsewhere and outweighs it (teaser cards marked up as <article>).
  let article: ElementNode | null = null;
  for (const el of marked) if (pt(el) > 0 && (!article || pt(el) > pt(article))) article = el;
  const body_ = marked.find((el) => el.attrs.itemprop?.toLowerCase() === 'articlebody' && pt(el) >= 0.5 * pt(article));
  if (body_ && article && closest(body_, (e) => e === article)) article = closest(body_, (e) => e.tag === 'article') ?? body_;
  if (article && (!best || pt(article) >= 0.6 * pt(best) || closest(best, (e) => e === article))) return article;
  if (best) return best;
  const main = [...walk(root)].find((e) => e.tag === 'main' || e.attrs.role === 'main');
  return main ?? body;
}

// ---------------------------------------------------------------------------------------------
// Text with its map back into the raw HTML.

class TextBuilder {
  text = '';
  pieces: OffsetPiece[] = [];
  private pendingBreak = 0;
  private pendingSpace: { raw: number; rawLength: number } | null = null;

  breakLine(strength: number, additive = false) {
    if (!this.text) return;
    this.pendingBreak = additive ? Math.min(2, this.pendingBreak + strength) : Math.max(this.pendingBreak, strength);
    this.pendingSpace = null;
  }

  private flush() {
    if (this.pendingBreak && this.text) {
      this.text += this.pendingBreak >= 2 ? '\n\n' : '\n';
    } else if (this.pendingSpace !== null && this.text) {
      this.push(' ', this.pendingSpace.raw, this.pendingSpace.rawLength);
    }
    this.pendingBreak = 0;
    this.pendingSpace = null;
  }

  private push(s: string, raw: number, rawLength: number) {
    const clean = this.text.length;
    this.text += s;
    const last = this.pieces[this.pieces.length - 1];
    const exact = rawLength === s.length;
    if (exact && last && last.rawLength === undefined && last.clean + last.length === clean && last.raw + last.length === raw) {
      last.length += s.length;
      return;
    }
    this.pieces.push(exact ? { clean, raw, length: s.length } : { clean, raw, length: s.length, rawLength });
  }

  add(seg: TextSeg) {
    if (seg.data.length !== seg.rawLength) {
      // An entity: all or nothing.
      if (/^\s+$/.test(seg.data)) {
        if (this.text && !this.pendingBreak) this.pendingSpace ??= { raw: seg.raw, rawLength: seg.rawLength };
        return;
      }
      this.flush();
      this.push(seg.data, seg.raw, seg.rawLength);
      return;
    }
    const re = /\S+/g;
    let prevEnd = 0;
    for (let m = re.exec(seg.data); m; m = re.exec(seg.data)) {
      if (m.index > prevEnd && this.text && !this.pendingBreak) this.pendingSpace ??= { raw: seg.raw + prevEnd, rawLength: 1 };
      this.flush();
      this.push(m[0], seg.raw + m.index, m[0].length);
      prevEnd = m.index + m[0].length;
    }
    if (prevEnd < seg.data.length && this.text && !this.pendingBreak) this.pendingSpace ??= { raw: seg.raw + prevEnd, rawLength: 1 };
  }
}

interface Collect {
  captions: string[];
  subheadings: string[];
  h1: string[];
  bylines: string[];
}

function extractFrom(main: ElementNode, furniture: boolean, collect: Collect): TextBuilder {
  const tb = new TextBuilder();
  const visit = (n: MarkupNode) => {
    if (n.type === 'text') {
      for (const s of n.segs) tb.add(s);
      return;
    }
    const el = n;
    if (hiddenOrTagSkipped(el) || (furniture && isFurniture(el))) return;
    const tag = el.tag;
    if (tag === 'br') return tb.breakLine(1, true);
    if (tag === 'img' || tag === 'picture' || tag === 'source') return;
    if (tag === 'h1') {
      collect.h1.push(squash(textContent(el)));
      return tb.breakLine(2);
    }
    if (HEADINGS.test(tag)) {
      const t = squash(textContent(el));
      if (t) collect.subheadings.push(t);
      return tb.breakLine(2);
    }
    if (tag === 'figcaption' || tag === 'figure') {
      const caps = tag === 'figcaption' ? [el] : [...walk(el)].filter((e) => e.tag === 'figcaption');
      for (const c of caps) {
        const t = squash(textContent(c));
        if (t) collect.captions.push(t);
      }
      return tb.breakLine(2);
    }
    if (furniture && (BYLINE_CLASS.test(cls(el)) || el.attrs.rel === 'author' || el.attrs.itemprop === 'author') && !closest(el.parent, (e) => e.tag === 'p')) {
      const t = squash(textContent(el));
      if (t) collect.bylines.push(t);
      return tb.breakLine(2);
    }
    if (furniture && ((tag === 'time' && !closest(el.parent, (e) => RUNNING_TEXT.has(e.tag))) || (DATE_CLASS.test(cls(el)) && !closest(el.parent, (e) => e.tag === 'p')))) {
      return tb.breakLine(2);
    }
    const strength = PARA_BLOCKS.has(tag) ? 2 : LINE_BLOCKS.has(tag) ? 1 : 0;
    if (strength) tb.breakLine(strength);
    for (const c of el.children) visit(c);
    if (strength) tb.breakLine(strength);
    else if (tag === 'td' || tag === 'th') tb.add({ data: ' ', raw: el.start, rawLength: 1 });
  };
  for (const c of main.children) visit(c);
  return tb;
}

// ---------------------------------------------------------------------------------------------
// Metadata.

type Json = unknown;
const asObj = (v: Json): Record<string, Json> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : null);
const asStr = (v: Json): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined);

function names(v: Json): string[] {
  if (Array.isArray(v)) return v.flatMap(names);
  const s = asStr(v);
  if (s) return [s];
  const o = asObj(v);
  const n = o ? asStr(o.name) : undefined;
  return n ? [n] : [];
}

function typesOf(o: Record<string, Json>): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

interface JsonLd {
  article?: Record<string, Json>;
  breadcrumbs?: string[];
}

function readJsonLd(blocks: string[]): JsonLd {
  const out: JsonLd = {};
  const objects: Record<string, Json>[] = [];
  const collect = (v: Json) => {
    if (Array.isArray(v)) return v.forEach(collect);
    const o = asObj(v);
    if (!o) return;
    objects.push(o);
    if (o['@graph']) collect(o['@graph']);
    if (o.mainEntity) collect(o.mainEntity);
  };
  for (const b of blocks) {
    try {
      collect(JSON.parse(b.trim().replace(/^<!--|-->$/g, '')));
    } catch {
      // A broken JSON-LD block is common and says nothing about the article.
    }
  }
  const score = (o: Record<string, Json>) => {
    const ts = typesOf(o);
    if (ts.some((t) => /NewsArticle|ReportageNewsArticle|AnalysisNewsArticle/.test(t))) return 3;
    if (ts.some((t) => /Article$|BlogPosting|Report/.test(t))) return 2;
    if (ts.some((t) => t === 'WebPage') && (o.datePublished || o.headline)) return 1;
    return 0;
  };
  for (const o of objects) {
    const s = score(o);
    if (s > 0 && (!out.article || s > score(out.article))) out.article = o;
    if (!out.breadcrumbs && typesOf(o).includes('BreadcrumbList') && Array.isArray(o.itemListElement)) {
      const items = (o.itemListElement as Json[])
        .map((it) => asObj(it))
        .filter((it): it is Record<string, Json> => !!it)
        .sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0))
        .map((it) => asStr(it.name) ?? names(it.item)[0])
        .filter((s): s is string => !!s);
      if (items.length) out.breadcrumbs = items;
    }
  }
  return out;
}

function breadcrumbItems(el: ElementNode): string[] {
  const lis = [...walk(el)].filter((e) => e.tag === 'li');
  const links = [...walk(el)].filter((e) => e.tag === 'a');
  let items = (lis.length ? lis : links).map((e) => squash(textContent(e)));
  if (!items.length) items = squash(textContent(el)).split(/\s*[/›»>|]\s*/);
  return items.map((s) => s.replace(/^[/›»>|\s]+|[/›»>|\s]+$/g, '')).filter(Boolean);
}

const cleanCrumbs = (items: string[]) => {
  const out = items.filter((s, i) => !(i === 0 && /^home(page)?$/i.test(s)));
  return out.length ? out.join(' / ') : undefined;
};

function resolveUrl(href: string | undefined, base?: string): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    return new URL(href.trim(), base).toString();
  } catch {
    return undefined;
  }
}

/** A page title often ends with the site's name: "Flood closes bridge | The Valley Courier". */
function stripSiteSuffix(title: string, outlet?: string): string {
  if (!outlet) return title;
  const m = /^(.*\S)\s+[|–—:-]\s+(.+)$/.exec(title);
  if (m && squash(m[2]!).toLowerCase() === outlet.toLowerCase()) return m[1]!;
  return title;
}

/** Whether a text field holds HTML. An opening tag alone is not enough: wire copy writes company
 * names as "<Strong Point Inc>", which an HTML parser would swallow as an element. */
export function looksLikeMarkup(s: string, entities = false): boolean {
  if (/<\/(p|div|a|span|em|strong|b|i|u|li|ul|ol|h[1-6]|blockquote|figure|figcaption|section|article|table|td|tr|font|small|sup|sub|cite|q)\s*>/i.test(s)) return true;
  // Lower case only: wire copy has tickers such as "<P>" and "<BR>".
  if (/<(br|hr)\s*\/?>|<p>/.test(s) || /<img\s[^>]*\bsrc\s*=|<a\s[^>]*\bhref\s*=/i.test(s)) return true;
  return entities && /&(#\d+|#x[\da-f]+|[a-z]{2,8});/i.test(s);
}

export interface HtmlOptions {
  /** Where the page came from (fetch final URL, WARC-Target-URI): wins over canonical. */
  url?: string;
  /** A fragment (feed description, JSON body): all of it is content and it carries no page metadata. */
  fragment?: boolean;
}

export function extractHtml(raw: string, opts: HtmlOptions = {}): HtmlExtract {
  const { root } = parseMarkup(raw, false);
  const all = [...walk(root)];
  const body = all.find((e) => e.tag === 'body') ?? root;
  const collect: Collect = { captions: [], subheadings: [], h1: [], bylines: [] };
  const meta: ReaderMeta = {};

  if (opts.fragment) {
    const tb = extractFrom(root, false, collect);
    if (collect.captions.length) meta.captions = collect.captions;
    if (collect.subheadings.length) meta.subheadings = collect.subheadings;
    return { text: tb.text, textOffsets: tb.pieces, meta };
  }

  const main = chooseMain(root, body);
  let tb = extractFrom(main, true, collect);
  if (!tb.text.trim()) {
    // The furniture rules emptied the page: fall back to everything that is not markup noise.
    for (const k of Object.keys(collect) as (keyof Collect)[]) collect[k] = [];
    tb = extractFrom(body, false, collect);
  }

  // Page metadata: meta tags, link rel=canonical, JSON-LD, microdata, <time>.
  const metas = new Map<string, string>();
  const ldBlocks: string[] = [];
  let htmlTitle: string | undefined;
  let canonical: string | undefined;
  let itempropDate: string | undefined;
  let crumbsEl: ElementNode | null = null;
  let relAuthor: string | undefined;
  for (const el of all) {
    if (el.tag === 'meta') {
      const key = (el.attrs.property ?? el.attrs.name ?? el.attrs.itemprop ?? '').toLowerCase();
      const content = el.attrs.content?.trim();
      if (key && content && !metas.has(key)) metas.set(key, content);
      if (key === 'datepublished' && content) itempropDate ??= content;
    } else if (el.tag === 'title' && htmlTitle === undefined && !closest(el, (e) => e.tag === 'svg')) {
      htmlTitle = squash(textContent(el));
    } else if (el.tag === 'link' && /\bcanonical\b/i.test(el.attrs.rel ?? '')) {
      canonical ??= el.attrs.href;
    } else if (el.tag === 'script' && /ld\+json/i.test(el.attrs.type ?? '')) {
      ldBlocks.push(textContent(el));
    } else if (el.attrs.itemprop?.toLowerCase() === 'datepublished') {
      itempropDate ??= el.attrs.datetime ?? el.attrs.content ?? squash(textContent(el));
    }
    if (!crumbsEl && (BREADCRUMB.test(cls(el)) || BREADCRUMB.test(el.attrs['aria-label'] ?? '') || /BreadcrumbList/.test(el.attrs.itemtype ?? ''))) crumbsEl = el;
    if (!relAuthor && el.tag !== 'link' && (el.attrs.rel === 'author' || el.attrs.itemprop === 'author')) {
      relAuthor = el.attrs.content ?? squash(textContent(el));
    }
  }
  const ld = readJsonLd(ldBlocks);
  const art = ld.article;

  const outlet = metas.get('og:site_name') ?? (art ? names(asObj(art.publisher)?.name ?? art.publisher)[0] : undefined) ?? metas.get('application-name');
  if (outlet) {
    meta.outlet = squash(outlet);
    meta.outletFrom = metas.get('og:site_name') ? 'meta:og:site_name' : metas.get('application-name') === outlet ? 'meta:application-name' : 'json-ld:publisher.name';
  }

  const title = metas.get('og:title') ?? metas.get('twitter:title') ?? (art && asStr(art.headline)) ?? collect.h1[0] ?? (htmlTitle ? stripSiteSuffix(htmlTitle, meta.outlet) : undefined);
  if (title) meta.title = squash(title);

  const url = opts.url ?? resolveUrl(canonical, undefined) ?? resolveUrl(metas.get('og:url'), undefined);
  if (url) meta.url = url;

  // Publication date: the most deliberate statement first.
  const timeEls = all.filter((e) => e.tag === 'time' && e.attrs.datetime);
  const timeInMain = timeEls.find((e) => closest(e, (a) => a === main || a.tag === 'article'));
  const timeOutside = timeEls.find((e) => !closest(e, (a) => a.tag === 'aside' || a.tag === 'nav' || a.tag === 'footer' || isFurniture(a)));
  const dateSources: [string | undefined, string][] = [
    [art && asStr(art.datePublished), 'json-ld:datePublished'],
    [metas.get('article:published_time'), 'meta:article:published_time'],
    [metas.get('og:published_time') ?? metas.get('og:article:published_time'), 'meta:og:published_time'],
    [itempropDate, 'itemprop:datePublished'],
    [metas.get('pubdate') ?? metas.get('publishdate') ?? metas.get('publish-date') ?? metas.get('parsely-pub-date') ?? metas.get('sailthru.date') ?? metas.get('dc.date.issued') ?? metas.get('dcterms.issued') ?? metas.get('dc.date') ?? metas.get('date'), 'meta:date'],
    [(timeInMain ?? timeOutside)?.attrs.datetime, 'time[datetime]'],
  ];
  for (const [v, from] of dateSources) {
    if (v?.trim()) {
      meta.published = v.trim();
      meta.publishedFrom = from;
      break;
    }
  }

  const description = metas.get('description') ?? metas.get('og:description') ?? (art && asStr(art.description));
  if (description) meta.description = squash(description);

  const ldAuthors = art ? names(art.author) : [];
  const byline = ldAuthors.length ? ldAuthors.join(' and ') : metas.get('author') ?? relAuthor ?? collect.bylines[0];
  if (byline) meta.byline = squash(byline).replace(/^by\s+/i, '');

  const crumbs = (crumbsEl ? cleanCrumbs(breadcrumbItems(crumbsEl)) : undefined) ?? (ld.breadcrumbs ? cleanCrumbs(ld.breadcrumbs) : undefined);
  const ldSection = art ? names(art.articleSection)[0] : undefined;
  const section = crumbs ?? ldSection ?? metas.get('article:section');
  if (section) meta.section = squash(section);

  const captions = [...heroCaptions(main, true), ...collect.captions, ...heroCaptions(main, false)];
  if (captions.length) meta.captions = captions;
  if (collect.subheadings.length) meta.subheadings = collect.subheadings;
  return { text: tb.text, textOffsets: tb.pieces, meta };
}

/** Captions of figures beside the article rather than in it (a lead photo above the <article>),
 * outside page furniture; those before the article or those after it. */
function heroCaptions(main: ElementNode, before: boolean): string[] {
  const scope = main.parent;
  if (!scope) return [];
  const out: string[] = [];
  for (const el of walk(scope)) {
    if (el.tag !== 'figcaption' || before !== el.start < main.start || closest(el, (e) => e === main)) continue;
    if (closest(el, (e) => e !== scope && closest(scope, (s) => s === e) === null && (hiddenOrTagSkipped(e) || isFurniture(e)))) continue;
    const t = squash(textContent(el));
    if (t) out.push(t);
  }
  return out;
}
