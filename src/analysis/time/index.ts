// Time expressions in news copy, resolved against the publication date the way a reader of the
// article on its day would: "said Wednesday" is the Wednesday before, "will meet on Monday" the
// Monday after, "the third quarter" the latest one, "a year earlier" the period just named.
import type { Span, TimeRef } from '../../types.js';
import { parseLooseDate } from '../../ingest/dates.js';
import { newsChrono } from './chrono-news.js';
import { getInfo, partInfos, type TimexType } from './info.js';
import { parseIsoDay, toUtc } from './calendar.js';

export { explicitDatesInText, estimatePublication, type PublicationEstimate } from './publication.js';

/** A time expression with what TimeML would say about it. Dates and times are TimeRefs; durations,
 * sets and the reference words (now, recently, the future) are kept apart by `timexType`/`kind`. */
export interface TimeExpression extends TimeRef {
  kind: 'date' | 'time' | 'duration' | 'set' | 'reference';
  timexType: TimexType;
  /** TimeML value: 2030-03-12, 2030-W11, 2030-Q1, 199, P3D, PRESENT_REF, 2030-03-12TNI. */
  timex: string;
  /** The part TimeML would tag: "six days" in "in six days", "September" in "until September". */
  timexSpan: Span;
  /** Depends on the publication date rather than on the text alone. */
  relative: boolean;
}

const FALLBACK_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

function publicationDay(published: string | null): Date | null {
  if (!published) return null;
  const iso = parseLooseDate(published) ?? published;
  const d = parseIsoDay(iso);
  return d ? toUtc(d) : null;
}

/** Every time expression: dates, times, durations, sets and reference words. */
export function findTimeExpressions(text: string, published: string | null): TimeExpression[] {
  const ref = publicationDay(published);
  const results = newsChrono().parse(text, { instant: ref ?? FALLBACK_REFERENCE, timezone: 0 });
  const out: TimeExpression[] = [];
  for (const r of results) {
    const info = getInfo(r) ?? partInfos(r).at(-1);
    if (!info?.timex) continue;
    const start = r.index;
    const end = r.index + r.text.trimEnd().replace(/[,(]$/, '').trimEnd().length;
    const core = getInfo(r)?.core;
    const timexSpan = core ? { start: start + core[0], end: Math.min(end, start + core[1]) } : { start, end };
    const kind: TimeExpression['kind'] =
      info.type === 'DURATION' ? 'duration' : info.type === 'SET' ? 'set' : /_REF$/.test(info.timex) ? 'reference' : info.granularity === 'instant' ? 'time' : 'date';
    let relative = info.relative;
    let confidence = info.confidence ?? (info.relative ? 0.6 : 0.9);
    let reason = info.reason;
    if (!ref && relative) {
      confidence = 0.1;
      reason = `no publication date (${reason})`;
    }
    out.push({
      start, end, text: text.slice(start, end), value: info.value ?? info.timex, granularity: info.granularity ?? 'day',
      confidence, reason, kind, timexType: info.type, timex: info.timex, timexSpan, relative,
    });
  }
  return out;
}

/** Dates and times in `text` resolved against the publication date (ISO date or any common date
 * string; null when unknown: then only expressions the text dates by itself are returned).
 * Durations ("20 years of war"), recurring sets and vague words ("recently") are not dates and are
 * left out. `sentences` bound the clauses whose tense decides a bare weekday or month. */
export function resolveTimes(text: string, sentences: Span[], published: string | null): TimeExpression[] {
  void sentences; // clause bounds are read from punctuation; sentences are accepted for callers' symmetry
  const hasRef = publicationDay(published) !== null;
  return findTimeExpressions(text, published).filter((t) => {
    const dated = t.kind === 'date' || t.kind === 'time' || (t.kind === 'duration' && /^\d{4}-/.test(t.value));
    return dated && (hasRef || !t.relative);
  });
}
