// Evidence for when an undated article was published: the fully dated expressions in its own
// text, the dates of related articles (one it copies, or shares quotations with), and the
// weekdays it mentions, which place it in the days after those weekdays.
import type { Span } from '../../types.js';
import { newsChrono } from './chrono-news.js';
import { addDays, compare, isoDay, parseIsoDay, toUtc, weekday, type Ymd } from './calendar.js';

import { getInfo } from './info.js';
import { parseLooseDate } from '../../ingest/dates.js';
import { tenseAt } from './tense.js';

export interface ExplicitDate extends Span {
  text: string;
  /** ISO date, "2021-08-10". */
  date: string;
  /** Written at the very start of the text ("Aug 10, 2021: …"), as datelines and updates are. */
  leading: boolean;
}

const NO_REF = new Date(Date.UTC(2000, 0, 1, 12));

/** Dates the text fully specifies (day, month and year), in order. */
export function explicitDatesInText(text: string): ExplicitDate[] {
  const out: ExplicitDate[] = [];
  for (const r of newsChrono().parse(text, { instant: NO_REF, timezone: 0 })) {
    const info = getInfo(r);
    if (!info || info.relative || !info.value || !/^\d{4}-\d{2}-\d{2}/.test(info.value) || info.value.includes('/')) continue;
    const date = info.value.slice(0, 10);
    // At the head of the text, or heading a paragraph as "Aug 10, 2021: …" updates do.
    const lineStart = text.lastIndexOf('\n', r.index - 1) + 1;
    const head = /^[\s"“(]*$/.test(text.slice(0, r.index));
    const headsLine = /^[\s"“(]*$/.test(text.slice(lineStart, r.index)) && /^\s*[:—–|]/.test(text.slice(r.index + r.text.length));
    const leading = headsLine || (head && /^\s*(?:[:—–|-]|\n)/.test(text.slice(r.index + r.text.length) + '\n'));
    out.push({ start: r.index, end: r.index + r.text.length, text: r.text, date, leading });
  }
  return out;
}

export interface PublicationEstimate {
  value: string;
  confidence: number;
  reason: string;
}

export interface PublicationHints {
  relatedDates?: { date: string; reason: string }[];
}

const DAY_RE = /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g;
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The earliest publication date consistent with the evidence, or null when there is none. */
export function estimatePublication(text: string, sentences: Span[], hints: PublicationHints = {}): PublicationEstimate | null {
  void sentences;
  const explicit = explicitDatesInText(text);
  const lead = explicit.find((d) => d.leading);
  if (lead) return { value: lead.date, confidence: 0.8, reason: `date leading the text: "${lead.text}"` };

  const reasons: string[] = [];
  let floor: Ymd | null = null;
  const raise = (d: Ymd, why: string) => {
    if (!floor || compare(d, floor) > 0) floor = d;
    reasons.push(why);
  };

  // Related articles: the earliest one dates the story's moment.
  const related = (hints.relatedDates ?? [])
    .map((r) => ({ d: parseIsoDay(parseLooseDate(r.date) ?? r.date), reason: r.reason }))
    .filter((r): r is { d: Ymd; reason: string } => r.d !== null)
    .sort((a, b) => compare(a.d, b.d));
  const anchor = related[0]?.d ?? null;
  if (related[0]) raise(related[0].d, `related article of ${isoDay(related[0].d)} (${related[0].reason})`);

  // Past events dated in the text happened before publication.
  for (const d of explicit) {
    if (tenseAt(text, d.start, d.end).tense !== 'past') continue;
    const day = parseIsoDay(d.date)!;
    if (!anchor || Math.abs(toUtc(day).getTime() - toUtc(anchor).getTime()) < 60 * 86_400_000) raise(day, `mentions "${d.text}" as past`);
  }

  // Reported weekdays fall in the days around the related article: publication comes on or after them.
  if (anchor) {
    for (const m of text.matchAll(DAY_RE)) {
      const at = m.index!;
      if (tenseAt(text, at, at + m[0].length).tense !== 'past') continue;
      const dow = DAYS.indexOf(m[1]!);
      // The occurrence nearest the related date, at most three days either side.
      let off = (dow - weekday(anchor) + 7) % 7;
      if (off > 3) off -= 7;
      const day = addDays(anchor, off);
      raise(day, `"${m[0]}" reported as past: on or after ${isoDay(day)}`);
    }
  }

  if (!floor) return null;
  const f: Ymd = floor;
  const confidence = anchor ? 0.5 : 0.35;
  return { value: isoDay(f), confidence, reason: `earliest date consistent with: ${[...new Set(reasons)].join('; ')}` };
}


