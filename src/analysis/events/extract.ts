// Sentence-level events: a type from the taxonomy, the actors and place named in the sentence,
// and the date it happened. Background sentences keep their own explicit date; only sentences
// that report the news itself fall back to the speech or publication date.
import type { EventMention, Evidence, Mention, PlaceRef, Quote, Span, TimeRef } from '../../types.js';
import { displayName, leadDate, publishedDay, stripDeterminer } from '../claims/context.js';
import { OUTLET_HINT_RE } from '../claims/lexicon.js';
import { TRIGGERS } from './taxonomy.js';

export interface EventInput {
  text: string;
  sentences: Span[];
  mentions: Mention[];
  places: PlaceRef[];
  times: TimeRef[];
  quotes: Quote[];
  published: string | null;
}

export interface EventX extends EventMention {
  trigger: string;
  confidence: number;
}

// Sentences about the past that must not be dated by the publication date.
const BACKGROUND_RE = /\b(?:had (?:previously|earlier|long|already)|previously|in the past|for years|since the|years ago|decades?\b|used to|history|once ruled|came to an end)\b/i;
// Future or hypothetical: dated only by what the text states.
const IRREALIS_RE = /\b(?:will|would|could|might|may|plans? to|expected to|is to|are to|intends? to)\b/i;

export function extractEvents(input: EventInput): EventX[] {
  const { text, sentences, mentions, places, times, quotes } = input;
  const out: EventX[] = [];
  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const body = text.slice(s.start, s.end);
    if (body.length < 25 || !/[a-z]/.test(body)) continue;
    // Sentences wholly inside a quotation are somebody's words, not reported events.
    if (quotes.some((q) => q.start <= s.start + 1 && q.end >= s.end - 2)) continue;
    let best: (typeof TRIGGERS)[number] & { at: number; len: number } | null = null;
    for (const t of TRIGGERS) {
      const m = t.re.exec(body);
      if (!m || inQuote(quotes, s.start + m.index)) continue;
      if (!best || t.rank < best.rank || (t.rank === best.rank && m.index < best.at)) best = { ...t, at: m.index, len: m[0].length };
    }
    if (!best) continue;
    const evidence: Evidence[] = [{ reason: `${best.type} trigger "${body.slice(best.at, best.at + best.len)}"`, span: { start: s.start + best.at, end: s.start + best.at + best.len } }];

    const actors: string[] = [];
    for (const m of mentions) {
      if (m.start < s.start || m.end > s.end || (m.type !== 'PERSON' && m.type !== 'ORG')) continue;
      if (inQuote(quotes, m.start)) continue;
      if (m.type === 'ORG' && OUTLET_HINT_RE.test(m.text) && /\b(?:according to|told|reported)\b/i.test(body)) continue;
      const name = displayName(m.ref, mentions, stripDeterminer(m.text));
      if (!actors.includes(name)) actors.push(name);
    }
    const inSentence = places.filter((p) => p.start >= s.start && p.end <= s.end);
    // A city or province says more than the country every story is about.
    // The place nearest the trigger, and a city or province before the country every story is about.
    const trig = s.start + best.at;
    const dist = (p: PlaceRef) => (p.start >= trig ? p.start - trig : (trig - p.end) * 1.5) + (p.kind === 'country' ? 1000 : 0);
    const place = [...inSentence].sort((a, b) => dist(a) - dist(b))[0] ?? null;

    const trigAt = s.start + best.at;
    const own = nearestTime(times, s, trigAt);
    let date: string | null = null;
    let granularity: EventX['granularity'] = null;
    let confidence = 0.5;
    if (own) {
      date = own.value;
      granularity = own.granularity;
      confidence = 0.85;
      evidence.push({ reason: `dated by "${own.text}"`, span: { start: own.start, end: own.end } });
    } else if (!BACKGROUND_RE.test(body) && !(IRREALIS_RE.test(body) && best.type !== 'statement')) {
      const prev = si > 0 ? inheritedDate(text, sentences, si, times, best.type) : null;
      const lead = best.type === 'statement' ? leadDate(text, sentences, si, times, 1) : null;
      const pub = publishedDay(input.published);
      const d = prev ?? lead;
      if (d) {
        date = d.value;
        granularity = d.granularity;
        confidence = 0.6;
        evidence.push({ reason: `continues the sentence before, dated "${d.text}"`, span: { start: d.start, end: d.end } });
      } else if (pub) {
        date = pub.value;
        granularity = 'day';
        confidence = 0.35;
        evidence.push({ reason: 'no date in the sentence: publication date' });
      }
    } else evidence.push({ reason: 'background or future sentence without a date: left undated' });

    out.push({
      start: s.start,
      end: s.end,
      type: best.type,
      summary: summarise(body),
      actors,
      place: place ? place.name : null,
      date,
      granularity,
      evidence,
      trigger: body.slice(best.at, best.at + best.len),
      confidence,
    });
  }
  return out;
}

function inQuote(quotes: Quote[], pos: number): boolean {
  return quotes.some((q) => q.kind !== 'reported' && pos >= q.start && pos < q.end);
}

function nearestTime(times: TimeRef[], s: Span, pos: number): TimeRef | null {
  let best: TimeRef | null = null;
  for (const t of times) {
    if (t.start < s.start || t.end > s.end) continue;
    if (!best || Math.abs(t.start - pos) < Math.abs(best.start - pos)) best = t;
  }
  return best;
}

/** A sentence with no date that elaborates the one before (same kind of event) happened then. */
function inheritedDate(text: string, sentences: Span[], si: number, times: TimeRef[], type: string): TimeRef | null {
  const prev = sentences[si - 1]!;
  const body = text.slice(prev.start, prev.end);
  const t = times.find((x) => x.start >= prev.start && x.end <= prev.end && x.granularity === 'day');
  if (!t) return null;
  const same = TRIGGERS.some((tr) => tr.type === type && tr.rank < 5 && tr.re.test(body));
  return same ? t : null;
}

function summarise(body: string): string {
  const s = body.replace(/\s+/g, ' ').trim();
  return s.length <= 200 ? s : s.slice(0, 197).replace(/\s+\S*$/, '') + '…';
}
