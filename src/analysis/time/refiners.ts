// News refiners: resolve what the parsers left relative (weekdays by tense, bare months, quarters,
// "a year earlier" against the period just mentioned, "in six days" after a past verb) and give
// every result a granularity, a TimeML value and a reason.
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import type { Granularity } from '../../types.js';
import { getInfo, partInfos, setInfo, type Anchor, type NewsInfo } from './info.js';
import {
  addDays, addMonths, compare, fromUtc, isoDay, isoMonth, isoWeek, mondayOf, pad, weekday, weekdayOnOrAfter,
  weekdayOnOrBefore, type Ymd,
} from './calendar.js';
import { pastVerbBefore, tenseAt } from './tense.js';
import { periodRange } from './parsers.js';

interface Resolved {
  timex: string;
  value: string;
  granularity: Granularity;
  reason: string;
  confidence: number;
}

function refDay(ctx: ParsingContext): Ymd {
  return fromUtc(ctx.refDate);
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function resolveWeekday(ctx: ParsingContext, r: ParsingResult, a: Extract<Anchor, { kind: 'weekday' }>): Resolved {
  const pub = refDay(ctx);
  let { tense, cue } = tenseAt(ctx.text, r.index, r.index + r.text.length);
  // "Wednesday's ruling", "as of Monday": an event already named, a state already reached.
  const after = ctx.text.slice(r.index + r.text.length, r.index + r.text.length + 2);
  const before = ctx.text.slice(Math.max(0, r.index - 8), r.index);
  if (/^['’]s/.test(after) || /\bas of\s+$/i.test(before)) {
    tense = 'past';
    cue = /^['’]s/.test(after) ? "'s" : 'as of';
  }
  const ahead = a.modifier === 'next' || a.modifier === 'coming' || (a.modifier !== 'last' && a.modifier !== 'past' && tense === 'future');
  const why = a.modifier ? `"${a.modifier}"` : cue ? `${tense} tense ("${cue}")` : 'reported past';
  if (a.part === 'WE') {
    const sat = ahead ? weekdayOnOrAfter(pub, 6, a.modifier === 'next') : weekday(pub) === 0 ? addDays(pub, -1) : weekdayOnOrBefore(pub, 6, a.modifier === 'last');
    return {
      timex: `${isoWeek(sat)}-WE`, value: `${isoDay(sat)}/${isoDay(addDays(sat, 1))}`, granularity: 'range', confidence: 0.75,
      reason: `weekend ${ahead ? 'after' : 'before'} publication ${isoDay(pub)}, ${why}`,
    };
  }
  const strict = a.modifier === 'last' || a.modifier === 'past' || a.modifier === 'next' || ahead;
  const d = ahead ? weekdayOnOrAfter(pub, a.dow, strict) : weekdayOnOrBefore(pub, a.dow, strict);
  return {
    // TimeML keeps the part of day in the value: "Thursday night" is 2030-03-14TNI, "noon Thursday" T12:00.
    timex: a.part ? `${isoDay(d)}T${a.part}` : isoDay(d), value: isoDay(d), granularity: 'day',
    confidence: ahead ? 0.7 : 0.8,
    reason: `${DAY_NAMES[a.dow]} ${ahead ? 'after' : 'before'} publication ${isoDay(pub)}, ${why}`,
  };
}

function resolveMonth(ctx: ParsingContext, r: ParsingResult, month: number, modifier: string | null, day?: number): Resolved {
  const pub = refDay(ctx);
  let { tense, cue } = tenseAt(ctx.text, r.index, r.index + r.text.length);
  // "until September", "by Jan. 14": limits are mostly ahead.
  const limit = /\b(until|till|by)\s+$/i.exec(ctx.text.slice(Math.max(0, r.index - 8), r.index));
  if (limit) {
    tense = 'future';
    cue = limit[1]!;
  }
  let y = pub.y;
  let why: string;
  if (modifier === 'last') {
    y = month < pub.m ? pub.y : pub.y - 1;
    why = '"last"';
  } else if (modifier === 'next') {
    y = month > pub.m ? pub.y : pub.y + 1;
    why = '"next"';
  } else if (modifier === 'this') {
    why = '"this"';
  } else {
    // The occurrence nearest publication, the tense weighing against the other side: reports
    // name deadlines ahead ("by Jan. 14") as often as events behind.
    const months = (yy: number) => (yy - pub.y) * 12 + (month - pub.m) + ((day ?? 15) - pub.d) / 31;
    let best = Infinity;
    for (const cand of [pub.y - 1, pub.y, pub.y + 1]) {
      const dist = months(cand);
      const penalty = (tense === 'past' && dist > 0) || (tense === 'future' && dist < 0) ? 6.5 : 0;
      const cost = Math.abs(dist) + penalty;
      if (cost < best) {
        best = cost;
        y = cand;
      }
    }
    why = `nearest to publication, ${tense} tense${cue ? ` ("${cue}")` : ''}`;
  }
  const value = day ? isoDay({ y, m: month, d: day }) : isoMonth(y, month);
  return {
    timex: value, value, granularity: day ? 'day' : 'month', confidence: 0.75,
    reason: `year from publication ${isoDay(pub)}, ${why}`,
  };
}

function quarterOf(x: Ymd): number {
  return Math.floor((x.m - 1) / 3) + 1;
}

function shiftUnit(pub: Ymd, unit: string, n: number): Resolved {
  switch (unit) {
    case 'day': {
      const d = addDays(pub, n);
      return { timex: isoDay(d), value: isoDay(d), granularity: 'day', confidence: 0.85, reason: '' };
    }
    case 'week': {
      const w = isoWeek(addDays(pub, 7 * n));
      const mon = mondayOf(addDays(pub, 7 * n));
      return { timex: w, value: w, granularity: 'week', confidence: 0.85, reason: '', ...{ monday: isoDay(mon) } };
    }
    case 'month': {
      const d = addMonths(pub, n);
      const v = isoMonth(d.y, d.m);
      return { timex: v, value: v, granularity: 'month', confidence: 0.85, reason: '' };
    }
    case 'quarter': {
      const d = addMonths(pub, 3 * n);
      const q = quarterOf(d);
      return { timex: `${d.y}-Q${q}`, value: periodRange(d.y, q, false), granularity: 'range', confidence: 0.8, reason: '' };
    }
    case 'decade': {
      const y = pub.y + 10 * n;
      if (n === 0) {
        const from = Math.floor(y / 10) * 10;
        return { timex: String(from / 10), value: `${from}/${from + 9}`, granularity: 'range', confidence: 0.8, reason: '' };
      }
      return { timex: String(y), value: String(y), granularity: 'year', confidence: 0.6, reason: '' };
    }
    case 'century': {
      const y = pub.y + 100 * n;
      const c = Math.floor(y / 100);
      return { timex: pad(c), value: `${c * 100}/${c * 100 + 99}`, granularity: 'range', confidence: 0.7, reason: '' };
    }
    case 'hour':
    case 'minute':
    case 'second': {
      return { timex: isoDay(pub), value: isoDay(pub), granularity: 'day', confidence: 0.5, reason: '' };
    }
    default: {
      const y = String(pub.y + n);
      return { timex: y, value: y, granularity: 'year', confidence: 0.85, reason: '' };
    }
  }
}

function resolveQuarter(ctx: ParsingContext, a: Extract<Anchor, { kind: 'quarter' }>, previous: Resolved | null): Resolved {
  const pub = refDay(ctx);
  const unit = a.half ? 'H' : 'Q';
  if (a.q === 0) {
    if (previous && /^\d{4}-[QH]\d$/.test(previous.timex) && a.modifier === 'same') {
      if (a.year) {
        const timex = `${a.year}-${previous.timex.slice(5)}`;
        return { timex, value: periodRange(a.year, +timex.slice(-1), timex[5] === 'H'), granularity: 'range', confidence: 0.6, reason: `${a.year}'s ${previous.timex.slice(5)} like the one mentioned` };
      }
      return { ...previous, confidence: 0.6, reason: `the ${previous.timex} mentioned before` };
    }
    // Without one just mentioned, the quarter in question is the last one completed.
    let y = pub.y;
    let q = quarterOf(pub) - (a.modifier === 'previous' ? 2 : 1);
    while (q < 1) {
      q += 4;
      y -= 1;
    }
    if (a.year) y = a.year;
    return { timex: `${y}-Q${q}`, value: periodRange(y, q, false), granularity: 'range', confidence: 0.5, reason: `last quarter completed before publication ${isoDay(pub)}` };
  }
  let y = pub.y;
  const startMonth = a.half ? (a.q - 1) * 6 + 1 : (a.q - 1) * 3 + 1;
  if (a.modifier === 'last') y -= 1;
  else if (a.modifier === 'next') y += 1;
  else if (a.modifier !== 'this' && startMonth > pub.m) y -= 1;
  return {
    timex: `${y}-${unit}${a.q}`, value: periodRange(y, a.q, a.half), granularity: 'range', confidence: a.modifier ? 0.8 : 0.6,
    reason: `${a.half ? 'half-year' : 'quarter'} of ${a.modifier ?? 'the latest'} year before publication ${isoDay(pub)}`,
  };
}

function yearBefore(ctx: ParsingContext, previous: Resolved | null): Resolved {
  const pub = refDay(ctx);
  const p = previous?.timex ?? '';
  let m = /^(\d{4})-([QH]\d)$/.exec(p);
  if (m) {
    const y = +m[1]! - 1;
    const q = +m[2]![1]!;
    return { timex: `${y}-${m[2]}`, value: periodRange(y, q, m[2]![0] === 'H'), granularity: 'range', confidence: 0.6, reason: `a year before the ${p} just mentioned` };
  }
  m = /^(\d{4})-(\d{2})$/.exec(p);
  if (m) {
    const v = `${+m[1]! - 1}-${m[2]}`;
    return { timex: v, value: v, granularity: 'month', confidence: 0.6, reason: `a year before the ${p} just mentioned` };
  }
  const y = String(pub.y - 1);
  return { timex: y, value: y, granularity: 'year', confidence: 0.7, reason: `year before publication ${isoDay(pub)}` };
}

/** "the following year" counts from the year just mentioned ("in 1995 ..., and the following year");
 * with none nearby, from publication. */
function stepFromPrevious(ctx: ParsingContext, a: Extract<Anchor, { kind: 'next-to-previous' }>, previous: Resolved | null): Resolved {
  const m = /^(\d{4})(?:-(\d{2}))?/.exec(previous?.timex ?? '');
  if (m && previous && (a.unit === 'year' || m[2])) {
    const v = a.unit === 'year' ? String(+m[1]! + a.step) : (() => {
      const d = addMonths({ y: +m[1]!, m: +m[2]!, d: 1 }, a.step);
      return isoMonth(d.y, d.m);
    })();
    const rel = a.step > 0 ? 'after' : a.step < 0 ? 'before' : 'of';
    return { timex: v, value: v, granularity: a.unit, confidence: 0.6, reason: `${a.unit} ${rel} the ${previous.timex} just mentioned` };
  }
  const res = shiftUnit(refDay(ctx), a.unit, a.step);
  const rel = a.step > 0 ? 'after' : a.step < 0 ? 'before' : 'of';
  return { ...res, confidence: 0.4, reason: `${a.unit} ${rel} publication ${isoDay(refDay(ctx))}, none mentioned just before` };
}

function resolveSeason(ctx: ParsingContext, r: ParsingResult, a: Extract<Anchor, { kind: 'season' }>): Resolved {
  const pub = refDay(ctx);
  const start = { SP: 3, SU: 6, FA: 9, WI: 12 }[a.season] ?? 1;
  let y = pub.y;
  if (a.modifier === 'last') y = start <= pub.m ? pub.y - (start + 2 >= pub.m ? 1 : 0) : pub.y - 1;
  else if (a.modifier === 'next') y = start > pub.m ? pub.y : pub.y + 1;
  else if (a.modifier !== 'this') {
    const { tense } = tenseAt(ctx.text, r.index, r.index + r.text.length);
    if (tense === 'past' && start > pub.m) y -= 1;
    if (tense === 'future' && start + 2 < pub.m) y += 1;
  }
  const v = `${y}-${a.season}`;
  return { timex: v, value: v, granularity: 'range', confidence: 0.6, reason: `season, year from publication ${isoDay(pub)}` };
}

function resolveWithin(ctx: ParsingContext, r: ParsingResult, a: Extract<Anchor, { kind: 'within' }>, info: NewsInfo): Resolved {
  const pub = refDay(ctx);
  const verb = pastVerbBefore(ctx.text, r.index);
  const days = { day: 1, week: 7, month: 30, quarter: 91, year: 365, decade: 3650, century: 36500 }[a.unit];
  const n = a.amount * (days ?? 0);
  if (verb) {
    const from = a.unit === 'month' ? addMonths(pub, -a.amount) : a.unit === 'year' ? addMonths(pub, -12 * a.amount) : addDays(pub, -Math.round(n));
    return {
      timex: info.timex!, value: `${isoDay(from)}/${isoDay(pub)}`, granularity: 'range', confidence: 0.6,
      reason: `span ending at publication ${isoDay(pub)} ("${verb}" is past)`,
    };
  }
  const to = a.unit === 'month' ? addMonths(pub, a.amount) : a.unit === 'year' ? addMonths(pub, 12 * a.amount) : addDays(pub, Math.round(n));
  return { timex: info.timex!, value: isoDay(to), granularity: 'day', confidence: 0.6, reason: `${a.amount} ${a.unit}(s) after publication ${isoDay(pub)}` };
}

function resolve(ctx: ParsingContext, r: ParsingResult, info: NewsInfo, previous: Resolved | null): Resolved | null {
  const a = info.anchor!;
  const pub = isoDay(refDay(ctx));
  switch (a.kind) {
    case 'weekday':
      return resolveWeekday(ctx, r, a);
    case 'month':
      return resolveMonth(ctx, r, a.month, a.modifier);
    case 'quarter':
      return resolveQuarter(ctx, a, previous);
    case 'season':
      return resolveSeason(ctx, r, a);
    case 'year-ago':
      return yearBefore(ctx, previous);
    case 'within':
      return resolveWithin(ctx, r, a, info);
    case 'next-to-previous':
      return stepFromPrevious(ctx, a, previous);
    case 'ago': {
      const res = shiftUnit(refDay(ctx), a.unit, a.amount * a.direction);
      const rel = a.amount === 0 ? `the ${a.unit} of publication` : `${a.amount} ${a.unit}(s) ${a.direction < 0 ? 'before' : 'after'} publication`;
      return { ...res, reason: `${rel} ${pub}` };
    }
  }
}

/** Resolves anchors in document order, so that "the quarter" and "a year earlier" can look back. */
export class NewsAnchorRefiner implements Refiner {
  refine(ctx: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    let previous: Resolved | null = null;
    let previousEnd = -1;
    // Earnings reports keep talking about one quarter: "the quarter", "a year earlier" refer to
    // the last quarter named anywhere before; other periods only within a couple of sentences.
    let lastQuarter: Resolved | null = null;
    for (const r of results) {
      const info = getInfo(r);
      const near = previous && r.index - previousEnd < 400 ? previous : null;
      if (info?.anchor) {
        const res = resolve(ctx, r, info, info.anchor.kind === 'quarter' || info.anchor.kind === 'year-ago' ? (lastQuarter ?? near) : near);
        if (res && /^\d{4}-[QH]\d$/.test(res.timex) && info.anchor.kind !== 'year-ago') lastQuarter = res;
        if (res) {
          setInfo(r, { ...info, timex: info.type === 'DURATION' ? info.timex : res.timex, value: res.value, granularity: res.granularity, reason: res.reason, confidence: res.confidence, anchor: undefined });
          if (info.type !== 'DURATION') {
            previous = res;
            previousEnd = r.index + r.text.length;
          }
        }
        continue;
      }
      const anchored = info ? undefined : partInfos(r).find((p) => p.anchor);
      // "Saturday, April 25": the calendar date chrono read outranks the weekday's guess.
      const dated = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/.test(r.text);
      if (anchored && !dated) {
        // chrono merged a news part with a clock time ("Thursday night at 5 p.m."): the day is the
        // part's, the time chrono's.
        let res = resolve(ctx, r, anchored, near);
        if (res && r.start.isCertain('hour')) {
          const t = `${res.value.slice(0, 10)}T${pad(r.start.get('hour')!)}:${pad(r.start.get('minute') ?? 0)}`;
          res = { ...res, timex: t, value: t, granularity: 'instant' };
        }
        if (res) {
          setInfo(r, { text: r.text, type: res.granularity === 'instant' ? 'TIME' : 'DATE', timex: res.timex, value: res.value, granularity: res.granularity, reason: res.reason, confidence: res.confidence, relative: true });
          previous = res;
          previousEnd = r.index + r.text.length;
        }
        continue;
      }
      if (!info) {
        const res = resolveChrono(ctx, r);
        if (res) {
          setInfo(r, { text: r.text, type: res.granularity === 'instant' ? 'TIME' : 'DATE', timex: res.timex, value: res.value, granularity: res.granularity, reason: res.reason, confidence: res.confidence, relative: !r.start.isCertain('year') });
          previous = res;
          previousEnd = r.index + r.text.length;
        }
      } else if (info.value && info.type !== 'DURATION' && info.type !== 'SET' && info.timex && !/_REF$/.test(info.timex)) {
        previous = { timex: info.timex, value: info.value, granularity: info.granularity ?? 'day', reason: info.reason, confidence: info.confidence ?? 0.9 };
        previousEnd = r.index + r.text.length;
        if (/^\d{4}-[QH]\d$/.test(info.timex)) lastQuarter = previous;
      }
    }
    return results;
  }
}

/** A result of chrono's own parsers: granularity from the components it read, year by tense
 * when the text gave none ("Aug. 31"). */
function resolveChrono(ctx: ParsingContext, r: ParsingResult): Resolved | null {
  const s = r.start;
  const certain = (c: Parameters<typeof s.isCertain>[0]) => s.isCertain(c);
  let base: Resolved;
  if (certain('month') && !certain('year')) {
    base = resolveMonth(ctx, r, s.get('month')!, null, certain('day') ? s.get('day')! : undefined);
  } else {
    const y = s.get('year')!;
    const m = s.get('month')!;
    const d = s.get('day')!;
    if (certain('day') || certain('weekday') || certain('hour')) {
      base = { timex: isoDay({ y, m, d }), value: isoDay({ y, m, d }), granularity: 'day', confidence: certain('year') ? 0.95 : 0.7, reason: certain('year') ? 'explicit date' : 'date, year implied' };
    } else if (certain('month')) {
      base = { timex: isoMonth(y, m), value: isoMonth(y, m), granularity: 'month', confidence: 0.9, reason: 'explicit month' };
    } else if (certain('year')) {
      base = { timex: String(y), value: String(y), granularity: 'year', confidence: 0.9, reason: 'explicit year' };
    } else {
      base = { timex: isoDay({ y, m, d }), value: isoDay({ y, m, d }), granularity: 'day', confidence: 0.5, reason: 'date implied by publication' };
    }
  }
  if (certain('hour')) {
    const t = `${base.value.slice(0, 10)}T${pad(s.get('hour')!)}:${pad(s.get('minute') ?? 0)}`;
    base = { ...base, timex: t, value: t, granularity: 'instant' };
  }
  if (r.end) {
    const e = r.end;
    const ey = e.get('year')!;
    const em = e.get('month')!;
    const ed = e.get('day')!;
    const endValue = base.granularity === 'month' ? isoMonth(ey, em) : base.granularity === 'year' ? String(ey) : isoDay({ y: ey, m: em, d: ed });
    base = { ...base, value: `${base.value.slice(0, base.granularity === 'instant' ? 10 : undefined)}/${endValue}`, granularity: 'range', reason: `${base.reason}, range` };
  }
  return base;
}
