// A chrono instance for news copy: chrono's English parsers for calendar formats, minus the ones
// the news parsers replace (weekdays, bare months, casual days, relative units), plus the news
// parsers and refiners.
import * as chrono from 'chrono-node';
import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';
import { getInfo, setInfo } from './info.js';
import { newsParsers } from './parsers.js';
import { NewsAnchorRefiner } from './refiners.js';
import { fromUtc, isoDay } from './calendar.js';

const REPLACED = new Set([
  'ENWeekdayParser', 'ENMonthNameParser', 'ENCasualDateParser', 'ENCasualTimeParser', 'ENTimeUnitAgoFormatParser',
  'ENTimeUnitWithinFormatParser', 'ENTimeUnitLaterFormatParser', 'ENRelativeDateFormatParser',
  'ENTimeUnitCasualRelativeFormatParser', 'ENEndOfCurrentMonthParser',
]);

/** Drops chrono's matches that are numbers rather than dates in news copy ("3/4 of", "10.5"). */
class UnlikelyNewsFilter implements Refiner {
  refine(ctx: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.filter((r) => {
      if (getInfo(r)) return true;
      const t = r.text.trim();
      if (/^\d{1,2}[/.]\d{1,2}$/.test(t)) return false; // fractions, scores
      if (/^\d{1,2}(?::\d{2})?$/.test(t)) return false;
      if (/^[,\s]*(?:at\s+)?\d{1,2}$/i.test(t)) return false;
      if (/^(?:from|at|to|by)?\s*\d+(?:\.\d+)?\s*(?:a|p)?$/i.test(t)) return false; // "$2.50 a share", "from 20"
      if (/^(?:from|at|to|by)\s+[\d.]+/i.test(t) && !/[ap]\.?m\b|:/i.test(t)) return false;
      if (/^(?:at|on|in)\s+\d{1,2}$/i.test(t)) return false;
      if (/^[\d,.]+\s*(?:to|-|–|through)\s*[\d,.]+$/i.test(t)) return false; // counts and prices, "8 to 112"
      const after = ctx.text.slice(r.index + r.text.length, r.index + r.text.length + 2);
      if (/^\d/.test(after)) return false;
      return true;
    });
  }
}

/** Chrono's filters judge its own results; a bare year from the news parsers is meant. */
class SparingNewsResults implements Refiner {
  constructor(private readonly inner: Refiner) {}
  refine(ctx: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const kept = new Set(this.inner.refine(ctx, results));
    return results.filter((r) => kept.has(r) || getInfo(r) !== null);
  }
}

/** "until September": a span from publication to the end of the period named. */
class UntilRangeRefiner implements Refiner {
  refine(ctx: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    return results.map((r) => {
      const info = getInfo(r);
      if (!info?.value || info.type === 'DURATION' || info.type === 'SET' || /\//.test(info.value)) return r;
      if (info.granularity !== 'day' && info.granularity !== 'month' && info.granularity !== 'week') return r;
      const m = /\b(until|till|through|up to)\s+$/i.exec(ctx.text.slice(Math.max(0, r.index - 12), r.index));
      if (!m) return r;
      const pub = isoDay(fromUtc(ctx.refDate));
      if (info.value.slice(0, pub.length) < pub.slice(0, info.value.length)) return r;
      const start = r.index - m[0].length;
      const text = ctx.text.slice(start, r.index + r.text.length);
      const out = ctx.createParsingResult(start, text, r.start as never);
      setInfo(out, {
        ...info, text, value: `${pub}/${info.value}`, granularity: 'range', core: [m[0].length, text.length],
        reason: `span from publication ${pub} ${m[1]!.toLowerCase()} ${info.value} (${info.reason})`,
      });
      return out;
    });
  }
}

/** "Saturday, April 25": one expression, dated by the calendar date rather than the weekday. */
class WeekdayDateRefiner implements Refiner {
  refine(ctx: ParsingContext, results: ParsingResult[]): ParsingResult[] {
    const out: ParsingResult[] = [];
    for (let i = 0; i < results.length; i++) {
      const r = results[i]!;
      const next = results[i + 1];
      const a = getInfo(r);
      const b = next ? getInfo(next) : null;
      const gap = next ? ctx.text.slice(r.index + r.text.length, next.index) : '';
      if (next && a && b && /^weekday$|^(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day /.test(a.reason) && /^\p{Lu}\p{Ll}+day$/u.test(r.text) && /^,\s*$/.test(gap) && /^\d{4}-\d{2}-\d{2}$/.test(b.timex ?? '')) {
        const text = ctx.text.slice(r.index, next.index + next.text.length);
        const merged = ctx.createParsingResult(r.index, text, next.start as never);
        setInfo(merged, { ...b, text, reason: `${b.reason}, named with its weekday` });
        out.push(merged);
        i++;
        continue;
      }
      out.push(r);
    }
    return out;
  }
}

let base: chrono.Chrono | null = null;

/** The news chrono (built once; parsers and refiners hold no per-document state). */
export function newsChrono(): chrono.Chrono {
  if (base) return base;
  const c = chrono.casual.clone();
  c.parsers = [...newsParsers(), ...c.parsers.filter((p) => !REPLACED.has(p.constructor.name))];
  const wrapped = c.refiners.map((r) => (/UnlikelyFormatFilter$/.test(r.constructor.name) ? new SparingNewsResults(r) : r));
  c.refiners = [new UnlikelyNewsFilter(), ...wrapped, new UnlikelyNewsFilter(), new NewsAnchorRefiner(), new WeekdayDateRefiner(), new UntilRangeRefiner()];
  base = c;
  return c;
}
