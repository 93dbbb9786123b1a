// From what a reader produced to a clean Article: title, section, dateline, byline, captions,
// subheadings and boilerplate are told apart from the body line by line; the body keeps a map
// back to the raw text. Pure: what the corpus has learned arrives as the `isRecurring` predicate.
import { createHash } from 'node:crypto';
import type { Article, DateEvidence, OffsetPiece, RawDocument } from '../types.js';
import { foldKey, normalizeSameLength, normalizeText, tidy } from '../text/normalize.js';
import { dateFromUrl, findTextDates, parseLooseDate } from './dates.js';
import { WIRE_CODES, outletFromSignature, outletFromUrl } from './outlets.js';

export type LineRole = 'section' | 'title' | 'byline' | 'caption' | 'subheading' | 'boilerplate' | 'body';

interface Line {
  start: number; // in the working text
  end: number;
  text: string;
  role: LineRole;
  why?: string;
  indent?: number;
  blankBefore?: boolean;
}

/** Below this many body words, a record's headline is analysed with its summary. */
const SHORT_ITEM_WORDS = 80;

/** Lines short enough to be boilerplate are counted per outlet across the corpus. */
const MAX_BOILERPLATE_WORDS = 15;

const wordCount = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/** Stable content id: same normalised content (title and body) → same id. */
export function articleId(doc: RawDocument): string {
  const body = normalizeText(doc.text ?? doc.raw);
  return createHash('sha256').update(normalizeText(doc.meta.title ?? '') + '\n' + body).digest('hex').slice(0, 16);
}

/** Key of a line for recurrence counting (diacritics, case and spacing folded). */
export function lineKey(text: string): string {
  return createHash('sha1').update(foldKey(text)).digest('hex').slice(0, 16);
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\n\r]+/g;
  let lastEnd = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) {
      const blankBefore = /\n[^\S\n]*\r?\n/.test(text.slice(lastEnd, m.index + 1)) || out.length === 0;
      out.push({ start: s, end: e, text: text.slice(s, e), role: 'body', indent: s - m.index, blankBefore });
      lastEnd = m.index + m[0].length;
    }
  }
  return isHardWrapped(out) ? joinWrapped(text, out) : out;
}

/** Wire copy and e-mail text break lines at a fixed width inside paragraphs: most lines are of
 * similar, moderate length and none is long. */
function isHardWrapped(lines: Line[]): boolean {
  if (lines.length < 6) return false;
  const lens = lines.map((l) => l.indent! + l.text.length);
  const max = Math.max(...lens);
  const moderate = lens.filter((n) => n >= 45 && n <= 90).length;
  return max <= 100 && moderate >= 0.6 * lines.length;
}

/** Join wrapped lines into paragraphs: a new paragraph starts after a blank line, at an indented
 * line, or after a short line that ends a sentence. */
function joinWrapped(text: string, lines: Line[]): Line[] {
  const width = [...lines.map((l) => l.text.length)].sort((a, b) => a - b)[Math.floor(lines.length * 0.75)]!;
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out.at(-1);
    const startsParagraph = !prev || l.blankBefore || l.indent! >= 2 || (/[.!?"”:]$/.test(prev.text) && lastLineLength(prev) < 0.8 * width);
    if (startsParagraph) out.push({ ...l });
    else {
      prev.end = l.end;
      prev.text = text.slice(prev.start, prev.end);
    }
  }
  return out;
}

const lastLineLength = (l: Line) => l.text.length - l.text.lastIndexOf('\n') - 1;

/** Keys of the lines that could be boilerplate, for the store to count. */
export function candidateLineKeys(doc: RawDocument): string[] {
  return splitLines(doc.text ?? doc.raw)
    .filter((l) => wordCount(l.text) <= MAX_BOILERPLATE_WORDS)
    .map((l) => lineKey(l.text));
}

// Lines that are boilerplate wherever they stand.
const GENERIC_BOILERPLATE: RegExp[] = [
  /^(share|share this( article| story)?|share on \w+|tweet|email|print|comments?|leave a (reply|comment)|reply)$/i,
  /^(related( articles| stories| news)?|read more|read also|see also|more from [\w ]+|recommended|most read|trending|advertisement|sponsored)\s*:?$/i,
  /^(subscribe|sign up|click here|follow us|download (our|the) app|all rights reserved)\b/i,
  /^[\d.,:\s]+$/, // counters and view counts
  /^(?:https?:\/\/|www\.)\S+$/i, // bare addresses
  /^\S*[\p{L}\d]+(?:-[\p{L}\d]+){3,}\S*(?:\s+#\S+)*$/u, // URL slugs, often with a hashtag
  /^#\S+$/,
];

const CAPTION: RegExp[] = [
  /\((?:[^()]*\b(?:photo|photograph|image|picture|pic|file)\b[^()]*)\)\s*$/i,
  /^(?:photo|image|picture|file photo)(?:\s+credit)?\s*[:|]/i,
];

const BREADCRUMB = /^[\p{L}\d&' -]{2,30}(?:\s*[/›»>|]\s*[\p{L}\d&' -]{2,30}){1,5}$/u;

// "WASHINGTON (AA) –", "KABUL, Aug 9 (Reuters) -", "LONDON, March 3 (AP) —"
// The wire code is optional when a dash follows the capitals: "QUILLON ISLE —".
const DATELINE = /^([A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][A-Za-z .]{1,30})?)(?:,\s*([A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?))?\s*(?:\(([A-Za-z]{2,10})\)\s*[–—-]+|(?<=[A-Z])\s+[–—]+)\s*/;
// "Aug 10, 2021:" or "10 August 2021 –" leading the first paragraph.
const LEADING_DATE = /^((?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4})|(?:\d{1,2} [A-Z][a-z]{2,8},? \d{4}))\s*[:–—-]\s*/;
const BYLINE = /^(?:by|By|BY)\s+([A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,3}(?:\s*(?:,|and)\s*[A-Z][\p{L}.'’-]+(?:\s+[A-Z][\p{L}.'’-]+){0,3})*)$/u;

const endsLikeSentence = (s: string) => /[.!?:;"”’')\]…]$/.test(s);
const headlineLike = (s: string) => !endsLikeSentence(s) && wordCount(s) <= MAX_BOILERPLATE_WORDS;

export interface CleanOptions {
  /** Whether a line recurs across this outlet's articles (learned from the corpus). */
  isRecurring?: (key: string) => boolean;
}

export function cleanDocument(doc: RawDocument, opts: CleanOptions = {}): Article {
  const working = doc.text ?? doc.raw;
  const lines = splitLines(working);
  const meta = doc.meta;
  const recurring = (l: Line) => !!opts.isRecurring && wordCount(l.text) <= MAX_BOILERPLATE_WORDS && opts.isRecurring(lineKey(l.text));
  let section = meta.section ?? null;
  let title = meta.title ? tidy(meta.title) : null;
  let byline = meta.byline ?? null;
  let dateline: string | null = meta.dateline ? tidy(meta.dateline) : null;
  let wireOutlet: string | null = null;
  let signatureOutlet: string | null = null;

  let i = 0;
  if (lines[0] && BREADCRUMB.test(lines[0].text) && lines.length > 2) {
    lines[0].role = 'section';
    section ??= lines[0].text.split(/\s*[/›»>|]\s*/).map((s) => tidy(s)).join(' / ');
    i = 1;
  }
  if (lines[i]) {
    if (!title && doc.kind === 'text' && !doc.format.startsWith('json') && !doc.format.startsWith('feed') && lines.length > 1) {
      lines[i]!.role = 'title';
      title = tidy(lines[i]!.text);
      i++;
    } else if (title && foldKey(lines[i]!.text) === foldKey(title)) {
      lines[i]!.role = 'title';
      i++;
    }
  }

  for (const l of lines) {
    if (l.role !== 'body') continue;
    const sig = outletFromSignature(l.text);
    if (sig) {
      signatureOutlet ??= sig;
      l.role = 'boilerplate';
      l.why = 'site signature';
    } else if (CAPTION.some((re) => re.test(l.text))) l.role = 'caption';
    else if (GENERIC_BOILERPLATE.some((re) => re.test(l.text))) l.role = 'boilerplate';
  }

  // Header zone: before the first body paragraph.
  for (let k = i; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.role !== 'body') continue;
    const by = BYLINE.exec(l.text);
    if (by) {
      l.role = 'byline';
      byline ??= by[1]!;
      continue;
    }
    if (recurring(l)) {
      l.role = 'boilerplate';
      continue;
    }
    break;
  }
  // Footer zone: from the end back to the last body paragraph; the first body line always stays
  // (a feed summary is often one unpunctuated line).
  const firstBody = lines.findIndex((l) => l.role === 'body');
  for (let k = lines.length - 1; k > firstBody; k--) {
    const l = lines[k]!;
    if (l.role !== 'body') continue;
    if (recurring(l) || headlineLike(l.text)) {
      l.role = 'boilerplate';
      continue;
    }
    break;
  }
  // Short unpunctuated lines between body paragraphs are subheadings.
  const bodyIdx = lines.map((l, k) => (l.role === 'body' ? k : -1)).filter((k) => k >= 0);
  for (const k of bodyIdx) {
    const l = lines[k]!;
    if (headlineLike(l.text) && k !== bodyIdx[0]) l.role = 'subheading';
  }

  // Dateline or leading date on the first body line: kept apart, cut from the body.
  const first = lines.find((l) => l.role === 'body');
  let leadingDate: string | null = null;
  if (first) {
    const d = dateline ? null : (DATELINE.exec(first.text) ?? null);
    const ld = d || dateline ? null : LEADING_DATE.exec(first.text);
    const m = d ?? ld;
    if (m) {
      dateline = tidy(d ? m[1]! : m[1]!);
      if (d) {
        wireOutlet = d[3] ? (WIRE_CODES[d[3]] ?? null) : null;
        // A dateline's day without a year ("KABUL, Aug 9 (Reuters)") does not date the article alone.
        if (d[2] && /\d{4}/.test(d[2])) leadingDate = d[2];
      } else leadingDate = m[1]!;
      first.start += m[0].length;
      first.text = first.text.slice(m[0].length);
    }
  }

  // Body text and its map back into the raw text.
  const pieces: OffsetPiece[] = [];
  let text = '';
  // A feed item or record with only a short summary carries its news in the headline: the
  // headline leads the text so that it is analysed too. It comes from the container's metadata,
  // not the raw body, which its piece says with a raw length of zero.
  const bodyWords = lines.filter((l) => l.role === 'body').reduce((n, l) => n + wordCount(l.text), 0);
  if (title && meta.title && bodyWords < SHORT_ITEM_WORDS && (doc.format.startsWith('json') || doc.format.startsWith('feed'))) {
    pieces.push({ clean: 0, raw: 0, length: title.length, rawLength: 0 });
    text = title;
  }
  for (const l of lines) {
    if (l.role !== 'body') continue;
    if (text) text += '\n\n';
    pieces.push(...mapPieces(text.length, l.start, l.end, doc.textOffsets));
    text += normalizeSameLength(working.slice(l.start, l.end)).replace(/[\r\n]/g, ' ');
  }

  const captions = [...(meta.captions ?? []), ...lines.filter((l) => l.role === 'caption').map((l) => tidy(l.text))];
  const subheadings = [...(meta.subheadings ?? []), ...lines.filter((l) => l.role === 'subheading').map((l) => tidy(l.text))];
  const boilerplate = lines.filter((l) => l.role === 'boilerplate').map((l) => tidy(l.text));

  // Outlet: the container's word, then the URL's host, the dateline's wire code, a site signature.
  const urlOutlet = meta.url ? outletFromUrl(meta.url) : null;
  let outlet: string | null = null;
  let outletEvidence: string | null = null;
  if (meta.outlet) [outlet, outletEvidence] = [meta.outlet, meta.outletFrom ?? 'metadata'];
  else if (urlOutlet?.known) [outlet, outletEvidence] = [urlOutlet.outlet, `URL host ${meta.url}`];
  else if (wireOutlet) [outlet, outletEvidence] = [wireOutlet, `dateline '${dateline}' wire code`];
  else if (signatureOutlet) [outlet, outletEvidence] = [signatureOutlet, 'site signature in header or footer'];
  else if (urlOutlet) [outlet, outletEvidence] = [urlOutlet.outlet, `URL host ${meta.url}`];

  const publishedEvidence = publicationDate(doc, leadingDate, dateline, captions);
  return {
    id: articleId(doc),
    source: doc.source,
    url: meta.url ?? null,
    format: doc.format,
    title,
    outlet,
    outletEvidence,
    published: publishedEvidence.value,
    publishedEvidence,
    section,
    dateline,
    byline,
    captions,
    subheadings,
    boilerplate,
    raw: doc.raw,
    text,
    offsets: pieces,
    wordCount: wordCount(text),
  };
}

/** Pieces mapping clean [cleanAt, cleanAt + (end - start)) to raw, through the reader's map. */
function mapPieces(cleanAt: number, start: number, end: number, via?: OffsetPiece[]): OffsetPiece[] {
  if (!via) return [{ clean: cleanAt, raw: start, length: end - start }];
  const out: OffsetPiece[] = [];
  for (const p of via) {
    const s = Math.max(start, p.clean);
    const e = Math.min(end, p.clean + p.length);
    if (e <= s) continue;
    const exact = p.rawLength === undefined || p.rawLength === p.length;
    const piece: OffsetPiece = { clean: cleanAt + (s - start), raw: p.raw + (exact ? s - p.clean : 0), length: e - s };
    if (!exact) piece.rawLength = p.rawLength;
    out.push(piece);
  }
  return out;
}

/** Best publication-date evidence, strongest first. Weak evidence is recorded but never passed
 * off as the date. */
function publicationDate(doc: RawDocument, leadingDate: string | null, dateline: string | null, captions: string[]): DateEvidence {
  const meta = doc.meta;
  if (meta.published) {
    const v = parseLooseDate(meta.published);
    if (v) return { value: v, source: 'metadata', confidence: 0.95, reason: `${meta.publishedFrom ?? 'metadata'}: ${meta.published}` };
  }
  if (meta.url) {
    const v = dateFromUrl(meta.url);
    if (v) return { value: v, source: 'url', confidence: 0.85, reason: `date in URL path ${meta.url}` };
  }
  if (leadingDate) {
    const v = parseLooseDate(leadingDate);
    if (v) return { value: v, source: 'dateline', confidence: 0.85, reason: `date leading the body ('${dateline ?? leadingDate}')` };
  }
  // A photo caption dated to the day of the event it shows: the article is usually of that day or the next.
  for (const c of captions) {
    const d = findTextDates(c).at(-1);
    if (d) return { value: d.date, source: 'caption', confidence: 0.6, reason: `photo caption dated '${c.slice(d.index, d.index + d.length)}'` };
  }
  return { value: null, source: 'none', confidence: 0, reason: 'no date in metadata, URL, dateline or captions' };
}
