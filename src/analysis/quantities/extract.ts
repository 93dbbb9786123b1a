// Quantities in news copy: counts in digits and words, fractions, percentages, ranges, "X of Y"
// ratios, ordinals with a period ("the sixth city in four days"), their hedges and the noun
// phrase they count. Years, dates, times of day, ages and phone numbers are not quantities.
import type { Quantity, Span } from '../../types.js';
import { tokenize, type Token } from '../../text/segment.js';
import {
  FRACTION_DENOMINATORS,
  ORDINALS,
  VAGUE_MAGNITUDES,
  isNumberWord,
  parseDigits,
  parseNumberWords,
  scaleOf,
} from './numbers.js';
import { daysIn, isTimeUnit, normaliseUnit, singular } from './units.js';

export type QuantityKind = 'cardinal' | 'ordinal' | 'fraction' | 'percent' | 'vague';

export interface Period extends Span {
  text: string;
  value: number;
  unit: string;
  days: number | null;
}

/** Quantity with what the shared type has no room for. */
export interface QuantityX extends Quantity {
  kind: QuantityKind;
  /** Upper end of a range ("10 to 12"). */
  max: number | null;
  /** The whole in "X of Y" was itself hedged ("roughly 400"). */
  ofApprox: boolean;
  /** "more than", "at least" → lower; "up to", "fewer than" → upper. */
  bound: 'lower' | 'upper' | null;
  /** Value as a share of its whole (0–1) when the text gives one: "X of Y", percent, fraction. */
  share: number | null;
  /** "in four days" after the counted phrase. */
  period: Period | null;
}

// Hedge phrases, longest first so "more than" wins over "than"-less readings.
const HEDGES: { words: string[]; bound: 'lower' | 'upper' | null }[] = [
  ['no', 'fewer', 'than'], ['no', 'less', 'than'], ['no', 'more', 'than'], ['as', 'many', 'as'],
  ['as', 'much', 'as'], ['more', 'than'], ['at', 'least'], ['up', 'to'], ['fewer', 'than'], ['less', 'than'],
  ['close', 'to'], ['just', 'over'], ['just', 'under'], ['upwards', 'of'], ['at', 'most'], ['an', 'estimated'],
  ['about'], ['roughly'], ['around'], ['nearly'], ['almost'], ['approximately'], ['some'], ['over'],
  ['estimated'], ['approx'], ['circa'], ['under'], ['barely'], ['only'],
]
  .map((words) => ({
    words,
    bound: (['more than', 'at least', 'over', 'upwards of', 'no fewer than', 'no less than', 'just over'].includes(words.join(' '))
      ? 'lower'
      : ['up to', 'fewer than', 'less than', 'at most', 'no more than', 'just under', 'under', 'as many as', 'as much as', 'barely'].includes(words.join(' '))
        ? 'upper'
        : null) as 'lower' | 'upper' | null,
  }))
  .sort((a, b) => b.words.length - a.words.length);

// "only" is kept as a hedge word for its span but does not make a figure approximate.
const EXACT_HEDGES = new Set(['only']);

const MONTHS = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
);
const WEEKDAYS = new Set('monday tuesday wednesday thursday friday saturday sunday'.split(' '));

// Words that end a counted noun phrase.
const STOP = new Set(
  ('a an the this that these those and or but nor of in on at to from by with without for into onto over under across ' +
    'against between among during after before since until while as than then so if when where which who whom whose ' +
    'is are was were be been being has have had do does did will would can could may might must shall should ' +
    'said says say told according per each more most less least it its their his her our your they he she we you i ' +
    'not no also now still already just only about around roughly nearly almost some including near across throughout ' +
    'there here what how why ago later earlier last next').split(' '),
);

// Nouns ending in -ing or -ed that do count things.
const NOUN_EXCEPTIONS = new Set([
  'building', 'buildings', 'bombing', 'bombings', 'crossing', 'crossings', 'killing', 'killings', 'meeting', 'meetings',
  'shooting', 'shootings', 'wounded', 'injured', 'dead', 'displaced', 'uprising', 'uprisings', 'kidnapping', 'kidnappings',
  'beheading', 'hearing', 'hearings', 'landing', 'landings', 'dwelling', 'dwellings', 'offering', 'ceiling',
]);

// Verb forms that end a noun phrase but do not end in -ed.
const IRREGULAR_PAST = new Set(
  'held taken took made kept seen known left lost won fought built sent shot hit fell fallen given done run ran came come went gone stood begun began remain remained remains fled died'.split(' '),
);

const PHONE_RE = /(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}\b|\b\d{3}-\d{4}\b/g;

const word = (t: Token | undefined) => (t ? t.text.toLowerCase() : '');
const isWordTok = (t: Token | undefined) => !!t && /^[\p{L}][\p{L}\p{M}'’\-]*$/u.test(t.text);

interface NumberHit {
  value: number;
  kind: QuantityKind;
  first: number; // token index, hedge included
  at: number; // token index of the number itself
  last: number; // token index, inclusive
  approx: boolean;
  hedge: string | null;
  fraction: number | null;
}

/** Quantities in `text`, sentence by sentence. Spans are offsets into `text`. */
export function extractQuantities(text: string, sentences: Span[]): QuantityX[] {
  const out: QuantityX[] = [];
  const blocked: Span[] = [];
  PHONE_RE.lastIndex = 0;
  for (let m = PHONE_RE.exec(text); m; m = PHONE_RE.exec(text)) blocked.push({ start: m.index, end: m.index + m[0].length });
  for (const s of sentences) {
    const toks = tokenize(text.slice(s.start, s.end), s.start);
    let i = 0;
    while (i < toks.length) {
      const q = blocked.some((b) => toks[i]!.start >= b.start && toks[i]!.start < b.end) ? null : quantityAt(text, toks, i);
      if (q) {
        out.push(q.quantity);
        i = q.next;
      } else i++;
    }
  }
  return out;
}

function quantityAt(text: string, toks: Token[], i: number): { quantity: QuantityX; next: number } | null {
  const hit = numberAt(toks, i);
  if (!hit) return null;
  if (isNotAQuantity(toks, hit)) return null;

  let j = hit.last + 1;
  let max: number | null = null;
  // Range: "10 to 12", "10-12", "between 10 and 12".
  const joiner = word(toks[j]);
  if ((joiner === 'to' || joiner === '-' || joiner === '–' || (joiner === 'and' && word(toks[hit.first - 1]) === 'between')) && hit.kind === 'cardinal') {
    const hi = numberAt(toks, j + 1);
    if (hi && hi.kind === 'cardinal' && hi.value > hit.value && (joiner !== '-' || toks[j]!.start === toks[hit.last]!.end)) {
      max = hi.value;
      j = hi.last + 1;
    }
  }

  let of: number | null = null;
  let ofApprox = false;
  let countedStart = j;
  let kind = hit.kind;
  let value = hit.value;
  let share: number | null = null;
  let unitOverride: string | null = null;

  if (word(toks[j]) === '%' || word(toks[j]) === 'percent' || (word(toks[j]) === 'per' && word(toks[j + 1]) === 'cent')) {
    kind = 'percent';
    j += word(toks[j]) === 'per' ? 2 : 1;
    share = value / 100;
    countedStart = j;
  }

  // "X of [the country's] [roughly] Y nouns", "hundreds of nouns", "half of the nouns".
  if (word(toks[j]) === 'of' || (kind === 'fraction' && word(toks[j]) === 'the')) {
    let k = word(toks[j]) === 'of' ? j + 1 : j;
    let steps = 0;
    while (k < toks.length && steps < 5 && isDeterminerLike(toks[k]!)) {
      k++;
      steps++;
    }
    const hedgeY = hedgeAt(toks, k);
    const y = numberAt(toks, hedgeY ? k + hedgeY.words.length : k);
    if (y && y.kind === 'cardinal' && kind !== 'percent' && !isNotAQuantity(toks, y)) {
      of = y.value;
      ofApprox = !!hedgeY && !EXACT_HEDGES.has(hedgeY.words.join(' ')) || y.approx;
      countedStart = y.last + 1;
      if (kind === 'fraction') {
        share = hit.fraction;
        value = Math.round(hit.fraction! * of);
        kind = 'cardinal';
      } else if (of > 0) share = value / of;
    } else if (kind === 'vague' || kind === 'fraction' || kind === 'percent') {
      countedStart = k;
      if (kind === 'fraction') {
        share = hit.fraction;
        value = Math.round(hit.fraction! * 100);
        unitOverride = 'percent';
      }
    } else if (kind === 'cardinal') {
      // "three of them": a part of something counted elsewhere.
      countedStart = k;
    }
  }
  if (kind === 'fraction' && of === null && unitOverride === null) return null; // "half-hour", "a third round"

  const counted = countedPhrase(text, toks, countedStart);
  if (counted && isTimeUnit(counted.text) && kind !== 'percent') return null; // durations and ages
  if (kind === 'ordinal' && !counted) return null;
  if (kind === 'cardinal' && isYearLike(toks[hit.first]!, hit.value) && !(counted && /s$/i.test(counted.text) && of === null)) return null;
  if (counted && MONTHS.has(counted.text.split(/\s+/)[0]!.toLowerCase()) && hit.value <= 31) return null; // "21 July"
  if (hit.kind === 'cardinal' && hit.value === 1 && of === null && toks[hit.first]!.text.toLowerCase() === 'one') return null;

  let unit: string | null = null;
  if (kind === 'percent' || unitOverride === 'percent') {
    unit = counted && /^(?:territory|country|land|area|nation|\p{Lu}\p{L}+)$/u.test(lastWord(counted.text)) ? 'percent of territory' : 'percent';
  } else if (counted) unit = normaliseUnit(counted.text);
  if (kind === 'ordinal' && (!unit || isTimeUnit(unit))) return null;

  const endTok = counted ? counted.end : toks[Math.max(hit.last, countedStart - 1)]!.end;
  const start = hit.hedge ? toks[hit.first]!.start : toks[hit.first]!.start;
  const period = counted ? periodAfter(text, counted.end) : null;
  const end = Math.max(endTok, toks[hit.last]!.end);
  const quantity: QuantityX = {
    start,
    end,
    text: text.slice(start, end),
    value,
    of,
    unit,
    approx: hit.approx || max !== null,
    hedge: hit.hedge,
    counted,
    kind,
    max,
    ofApprox,
    bound: hit.hedge ? HEDGES.find((h) => h.words.join(' ') === hit.hedge)?.bound ?? null : null,
    share,
    period,
  };
  let next = hit.last + 1;
  while (next < toks.length && toks[next]!.start < end) next++;
  return { quantity, next };
}

function lastWord(s: string): string {
  return s.split(/\s+/).filter(Boolean).pop() ?? '';
}

function isDeterminerLike(t: Token): boolean {
  const w = t.text.toLowerCase();
  if (['the', 'its', 'their', 'his', 'her', 'our', 'this', 'these', 'those', 'last', 'first', 'remaining', 'total', 'estimated', 'past', 'next'].includes(w)) return true;
  return /['’]s$/.test(t.text) || /s['’]$/.test(t.text);
}

function hedgeAt(toks: Token[], k: number): (typeof HEDGES)[number] | null {
  for (const h of HEDGES) {
    if (h.words.every((w, n) => word(toks[k + n]) === w)) return h;
  }
  return null;
}

function hedgeBefore(toks: Token[], i: number): { first: number; hedge: string } | null {
  for (const h of HEDGES) {
    const first = i - h.words.length;
    if (first < 0) continue;
    if (h.words.every((w, n) => word(toks[first + n]) === w)) {
      // "over the weekend" and "some of" are not hedges of a following number; "some" must be
      // directly before the number it hedges, which is already guaranteed here.
      return { first, hedge: h.words.join(' ') };
    }
  }
  return null;
}

/** A number starting at token i (digits, number words, fractions, vague magnitudes, ordinals),
 * with the hedge written just before it. */
function numberAt(toks: Token[], i: number): NumberHit | null {
  const t = toks[i];
  if (!t) return null;
  const w = t.text.toLowerCase();
  let hit: Omit<NumberHit, 'first' | 'at' | 'approx' | 'hedge'> | null = null;

  const digits = parseDigits(t.text);
  const ordinalDigits = /^(\d+)(st|nd|rd|th)$/i.exec(t.text);
  // "first appeared", "second largest", "the first time", "four times": an order or a
  // multiplier, not a count of anything.
  const nextWord = word(toks[i + 1]);
  if ((ordinalDigits || w in ORDINALS) && /^(?:\p{L}+ed|\p{L}+ly|\p{L}+est|time)$/u.test(nextWord)) return null;
  if (nextWord === 'times') return null;
  if (digits !== null) {
    // Glued to letters or hyphens ("COVID-19", "20-year", "F-16"): part of a name or compound.
    const prev = toks[i - 1];
    const next = toks[i + 1];
    if (prev && prev.end === t.start && /[\p{L}\-]$/u.test(prev.text)) return null;
    if (next && next.start === t.end && next.text === '-' && toks[i + 2] && !/^\d/.test(toks[i + 2]!.text)) return null;
    if (next && next.start === t.end && /^\p{L}/u.test(next.text) && next.text !== '%') return null;
    const scale = scaleOf(next?.text);
    hit = scale && !/^dozen$/i.test(next!.text)
      ? { value: digits * scale, kind: 'cardinal', last: i + 1, fraction: null }
      : { value: digits, kind: 'cardinal', last: i, fraction: null };
  } else if (ordinalDigits) {
    hit = { value: Number(ordinalDigits[1]), kind: 'ordinal', last: i, fraction: null };
  } else if (w in VAGUE_MAGNITUDES && word(toks[i + 1]) === 'of') {
    hit = { value: VAGUE_MAGNITUDES[w]!, kind: 'vague', last: i, fraction: null };
  } else if ((w === 'several' || w === 'few') && ['hundred', 'thousand', 'million'].includes(word(toks[i + 1]))) {
    const scale = scaleOf(toks[i + 1]!.text)!;
    hit = { value: 3 * scale, kind: 'vague', last: i + 1, fraction: null };
  } else if (w === 'a' && word(toks[i + 1]) === 'handful' && word(toks[i + 2]) === 'of') {
    hit = { value: 5, kind: 'vague', last: i + 1, fraction: null };
  } else if (w === 'half' && (word(toks[i + 1]) === 'of' || word(toks[i + 1]) === 'the')) {
    hit = { value: 0.5, kind: 'fraction', last: i, fraction: 0.5 };
  } else if (fractionAt(toks, i)) {
    hit = fractionAt(toks, i);
  } else if (w in ORDINALS && word(toks[i - 1]) !== 'a') {
    hit = { value: ORDINALS[w]!, kind: 'ordinal', last: i, fraction: null };
  } else if (isNumberWord(w) || (w === 'a' && ['dozen', 'hundred', 'thousand', 'million'].includes(word(toks[i + 1])))) {
    let k = i;
    const words: string[] = [];
    while (k < toks.length) {
      const x = word(toks[k]);
      if (x === 'a' && k === i) words.push(x);
      else if (x === 'and' && words.length && isNumberWord(word(toks[k + 1])) && /hundred|thousand|million/.test(words[words.length - 1]!)) words.push(x);
      else if (isNumberWord(x)) words.push(x);
      else break;
      k++;
    }
    const v = parseNumberWords(words);
    if (v === null) return null;
    hit = { value: v, kind: 'cardinal', last: k - 1, fraction: null };
  }
  if (!hit) return null;

  const before = hedgeBefore(toks, i);
  const vague = hit.kind === 'vague';
  const hedge = before?.hedge ?? (vague ? toks.slice(i, hit.last + 1).map((x) => x.text.toLowerCase()).join(' ') : null);
  return {
    ...hit,
    first: before ? before.first : i,
    at: i,
    approx: vague || (before !== null && !EXACT_HEDGES.has(before.hedge)),
    hedge,
  };
}

function fractionAt(toks: Token[], i: number): Omit<NumberHit, 'first' | 'at' | 'approx' | 'hedge'> | null {
  // "a third", "one-third", "two-thirds", "three quarters" followed by "of".
  const t = toks[i]!;
  const hy = /^([a-z]+)-([a-z]+)$/i.exec(t.text);
  let num: number | null = null;
  let den: number | null = null;
  let last = i;
  if (hy) {
    num = parseNumberWords([hy[1]!]);
    den = FRACTION_DENOMINATORS[hy[2]!.toLowerCase()] ?? null;
  } else {
    const w = word(t);
    const n = w === 'a' ? 1 : parseNumberWords([w]);
    const d = FRACTION_DENOMINATORS[word(toks[i + 1])];
    if (n !== null && d !== undefined && n < 10) {
      num = n;
      den = d;
      last = i + 1;
    }
  }
  if (num === null || den === null || num >= den) return null;
  if (word(toks[last + 1]) !== 'of') return null;
  return { value: num / den, kind: 'fraction', last, fraction: num / den };
}

function isYearLike(t: Token, v: number): boolean {
  return /^\d{4}$/.test(t.text) && v >= 1800 && v <= 2100;
}

/** Dates, times of day and similar readings of a bare number. */
function isNotAQuantity(toks: Token[], hit: NumberHit): boolean {
  let p = hit.at - 1;
  if (toks[p]?.text === '.') p--;
  const prev = word(toks[p]);
  const next = word(toks[hit.last + 1]);
  if (hit.kind === 'cardinal' || hit.kind === 'ordinal') {
    if (MONTHS.has(prev) && hit.value >= 1 && hit.value <= 31) return true; // "July 21", "Aug. 31"
    if (MONTHS.has(next) || (next === 'of' && MONTHS.has(word(toks[hit.last + 2])))) return true; // "21 July", "the 21st of July"
    if (WEEKDAYS.has(prev)) return true;
    if (['a.m.', 'p.m.', 'am', 'pm', "o'clock", 'gmt', 'utc', 'hrs', 'h'].includes(next)) return true;
    if (['no', 'no.', 'number', 'room', 'route', 'page', 'chapter', 'article', 'section', 'resolution', 'flight', 'highway'].includes(prev)) return true;
    if (['aged', 'age'].includes(prev)) return true;
  }
  return false;
}

const PLURAL_OR_NOUN_END = /[\p{L}]$/u;

/** The noun phrase after a number: up to four words, ended by function words, verbs and
 * punctuation. */
function countedPhrase(text: string, toks: Token[], k: number): (Span & { text: string }) | null {
  const words: Token[] = [];
  while (k < toks.length && words.length < 4) {
    const t = toks[k]!;
    if (!isWordTok(t)) break;
    const w = t.text.toLowerCase();
    if (STOP.has(w)) break;
    if (words.length > 0 && ((/(?:ed|ing|ly)$/.test(w) && !NOUN_EXCEPTIONS.has(w)) || IRREGULAR_PAST.has(w))) break;
    if (words.length === 0 && /ly$/.test(w)) break;
    if (/['’]s$/.test(t.text) && words.length > 0) break;
    words.push(t);
    // A plural noun normally closes the phrase ("districts across"); keep going only into
    // known compound heads ("district centers", "border crossings").
    if (/s$/.test(w) && !/ss$/.test(w) && !/^\p{Lu}+$/u.test(t.text)) {
      const nxt = word(toks[k + 1]);
      if (!['centers', 'centres', 'capitals', 'crossings', 'strikes', 'officials', 'members', 'buildings'].includes(nxt)) {
        k++;
        break;
      }
    }
    k++;
  }
  // Trailing -ed/-ing words at the start ("captured equipment") are adjectives; keep them.
  if (words.length === 0) return null;
  const first = words[0]!;
  const lastTok = words[words.length - 1]!;
  if (!PLURAL_OR_NOUN_END.test(lastTok.text)) return null;
  return { start: first.start, end: lastTok.end, text: text.slice(first.start, lastTok.end) };
}

const PERIOD_RE =
  /^[^.;:!?"“”]{0,60}?\b(?:in|within|over|during|for)\s+(?:the\s+)?(?:(?:past|last|previous|space of)\s+)?(a|an|\d+|[a-z]+(?:-[a-z]+)?)\s+(hours?|days?|nights?|weeks?|months?|years?)\b/i;

function periodAfter(text: string, from: number): Period | null {
  const rest = text.slice(from, from + 120);
  const m = PERIOD_RE.exec(rest);
  if (!m) return null;
  const n = m[1]!.toLowerCase();
  const value = n === 'a' || n === 'an' ? 1 : /^\d+$/.test(n) ? Number(n) : parseNumberWords([n]);
  if (value === null) return null;
  const unit = singular(m[2]!);
  const numAt = from + m.index + m[0].length - m[1]!.length - 1 - m[2]!.length;
  const start = from + m[0].lastIndexOf(m[1]!, m[0].length - m[2]!.length - 1);
  const end = from + m[0].length;
  const d = daysIn(unit);
  void numAt;
  return { start, end, text: text.slice(start, end), value, unit, days: d === null ? null : d * value };
}
