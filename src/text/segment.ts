// Paragraphs, sentences and tokens with character offsets, tuned for news copy: abbreviations
// ("Gen.", "U.S.", "Aug. 31"), quotations that run over sentence ends, headlines on their own
// line, URLs and numbers with separators.
import type { Segments, Span } from '../types.js';

export interface Token extends Span {
  text: string;
}

// URLs and host names, numbers (1,000 / 3.5 / 9/11), dotted abbreviations (U.S., a.m.),
// words with inner apostrophes or hyphens, then any other single non-space character.
const TOKEN_RE =
  /(?:https?:\/\/|www\.)[^\s"“”'‘’<>()]+[^\s"“”'‘’<>().,;:!?]|(?:\p{L}\.){2,}|\p{L}[\p{L}\p{M}]*(?:\.\p{L}[\p{L}\p{M}]*)*\.(?=\p{L}*\.|\s*[,)\p{Ll}])|\d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?|[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*|\S/gu;

/** Tokens of `text`, each with its offsets. Offsets are relative to `text` plus `base`. */
export function tokenize(text: string, base = 0): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m; m = TOKEN_RE.exec(text)) {
    out.push({ text: m[0], start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

// Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot).
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt rep sen gov pres supt insp det ' +
    'st jr sr rev hon amb sec secy atty no nos vol fig ed eds est approx dept univ assn bros corp inc ' +
    'ltd co vs etc al jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri ' +
    'sat sun u.s u.k u.n e.u a.m p.m i.e e.g'
  ).split(' '),
);

const CUE_AFTER_QUOTE =
  /^(?:(?:[\p{Lu}][\p{L}.'’-]*|the|a|an|of)\s+){1,5}(?:said|says|asked|asks|added|adds|told|tells|wrote|writes|replied|insisted|warned|noted|explained|declared|claimed|stated|continued|recalled)\b|^(?:he|she|they|I|we)\s+(?:said|says|asked|added|told|wrote|replied)\b/u;

const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);

/** Split one paragraph into sentences. Offsets are absolute (base added). */
export function splitSentences(text: string, base = 0): Span[] {
  const spans: Span[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
    // Run of terminal punctuation and closing quotes/brackets.
    let j = i + 1;
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    while (j < n && CLOSERS.has(text[j]!)) j++;
    if (j < n && !/\s/.test(text[j]!)) continue; // "U.S.-led", "3.5", "www.x.com"
    let k = j;
    while (k < n && /\s/.test(text[k]!)) k++;
    if (k >= n) break;
    if (ch === '.' && j === i + 1) {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, i - 12), i))?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word)) continue; // "Gen. Varn", "J. Smith"
      if (/^(?:\p{L}\.)+\p{L}$/u.test(word) && !/^\p{Lu}/u.test(text[k] ?? '')) continue;
    }
    // "…?” the minister asked." — a cue after a closing quote continues the same sentence.
    if (j > i + 1 && CLOSERS.has(text[j - 1]!) && CUE_AFTER_QUOTE.test(text.slice(k, k + 60))) continue;
    const next = text[k]!;
    // A sentence starts with a capital, a digit or an opening quote/bracket.
    if (!/[\p{Lu}\p{N}"“‘'(\[«-]/u.test(next)) continue;
    spans.push(trimSpan(text, start, j, base));
    start = k;
    i = k - 1;
  }
  if (start < n) {
    const s = trimSpan(text, start, n, base);
    if (s.end > s.start) spans.push(s);
  }
  return spans.filter((s) => s.end > s.start);
}

function trimSpan(text: string, start: number, end: number, base: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start: base + start, end: base + end };
}

/** Paragraphs are separated by blank lines; single line breaks also separate paragraphs since
 * news text puts headlines, captions and list items on lines of their own. */
export function splitParagraphs(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const s = trimSpan(text, m.index, m.index + m[0].length, 0);
    if (s.end > s.start) out.push(s);
  }
  return out;
}

export function segment(text: string): Segments {
  const paragraphs = splitParagraphs(text);
  const sentences: Span[] = [];
  for (const p of paragraphs) sentences.push(...splitSentences(text.slice(p.start, p.end), p.start));
  return { paragraphs, sentences };
}
