// News-specific chrono parsers: they recognise what chrono's English set misses or reads the
// calendar way rather than the newsroom way (weekdays, weeks, quarters, decades, TimeML reference
// words, durations, raw feed dates). Relative parts are left as an Anchor for the refiners.
import type { Parser, ParsingComponents, ParsingContext, ParsingResult } from 'chrono-node';
import { setInfo, type NewsInfo } from './info.js';
import { NUMBER_RE, numberValue } from './numbers.js';
import { isoDay, pad } from './calendar.js';

type Make = (ctx: ParsingContext, m: RegExpMatchArray) => ParsingResult | null;

/** A chrono parser from a regex source and an extractor. Words must stand alone. */
class NewsParser implements Parser {
  private readonly re: RegExp;
  constructor(readonly name: string, source: string, private readonly make: Make, flags = 'iu') {
    this.re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, flags);
  }
  pattern(): RegExp {
    return this.re;
  }
  extract(ctx: ParsingContext, m: RegExpMatchArray): ParsingResult | null {
    return this.make(ctx, m);
  }
}

function result(
  ctx: ParsingContext,
  m: RegExpMatchArray,
  known: Record<string, number>,
  info: Omit<NewsInfo, 'text'>,
  end?: Record<string, number>,
): ParsingResult {
  const r = ctx.createParsingResult(m.index!, m[0], known as never, end as never);
  setInfo(r, { text: m[0], ...info });
  return r;
}

/** Known components are enough for chrono; the news info carries the meaning. */
function refComps(ctx: ParsingContext): Record<string, number> {
  const t = ctx.refDate;
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_RE =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)';
export function monthNumber(s: string): number {
  return MONTHS[s.toLowerCase().replace('.', '')]!;
}
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const PARTS: Record<string, string> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI', tonight: 'NI',
};
const UNIT_RE = '(seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|quarters?|years?|decades?|century|centuries)';
const UNIT_CODE: Record<string, string> = {
  second: 'S', minute: 'M', hour: 'H', day: 'D', week: 'W', weekend: 'WE', month: 'M', quarter: 'Q', year: 'Y',
  decade: 'DE', century: 'CE', centurie: 'CE',
};
export function unitOf(s: string): string {
  return s.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
}

/** TimeML duration value: P3D, PT2H, P1.5Y, PXY for vague amounts. */
export function durationValue(amount: number | null, unit: string): string {
  const u = unitOf(unit);
  const code = UNIT_CODE[u] ?? 'X';
  const n = amount === null ? 'X' : String(amount);
  if (u === 'decade' && amount !== null) return `P${amount * 10}Y`;
  if (u === 'century' && amount !== null) return `P${amount * 100}Y`;
  return u === 'hour' || u === 'minute' || u === 'second' ? `PT${n}${code}` : `P${n}${code}`;
}

const upperFirst = (s: string) => /^\p{Lu}/u.test(s);

/** Length of a leading "about", "only", "just" …: TimeML leaves those hedges outside the tag. */
function looseLead(s: string): number {
  return /^(?:about|around|almost|only|just|roughly|approximately)\s+/i.exec(s)?.[0].length ?? 0;
}

// 26-FEB-1987 15:01:01.79, the raw date of wire feeds.
const feedDate = new NewsParser(
  'feed-date',
  '(\\d{1,2})-(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)-(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?',
  (ctx, m) => {
    const [y, mo, d] = [+m[3]!, monthNumber(m[2]!), +m[1]!];
    const day = isoDay({ y, m: mo, d });
    if (m[4]) {
      const t = `${day}T${pad(+m[4])}:${m[5]}`;
      return result(ctx, m, { year: y, month: mo, day: d, hour: +m[4], minute: +m[5]! }, {
        type: 'TIME', timex: t, value: t, granularity: 'instant', reason: 'feed date-time', relative: false,
      });
    }
    return result(ctx, m, { year: y, month: mo, day: d }, {
      type: 'DATE', timex: day, value: day, granularity: 'day', reason: 'feed date', relative: false,
    });
  },
);

// "Thursday night", "noon Saturday", "each Thursday", "Tuesday nights" (the plural recurs).
const weekdayParser = new NewsParser(
  'weekday',
  `(?:(noon|midnight)\\s+(?:on\\s+)?)?(?:(last|next|this|past|coming|each|every)\\s+)?(?:(early|late)\\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)(s)?(?:\\s+(morning|afternoon|evening|night|overnight)(s)?)?`,
  (ctx, m) => {
    const name = m[4]!;
    if (!upperFirst(name)) return null;
    const dow = WEEKDAYS.indexOf(name.toLowerCase());
    const clock = m[1] ? (m[1].toLowerCase() === 'noon' ? '12:00' : '24') : null;
    const part = clock ?? (m[6] ? PARTS[m[6].toLowerCase()]! : null);
    const modifier = m[2]?.toLowerCase() ?? null;
    if (modifier === 'each' || modifier === 'every' || m[5] || m[7]) {
      if (clock) return null;
      const timex = `XXXX-WXX-${dow === 0 ? 7 : dow}${part ? `T${part}` : ''}`;
      return result(ctx, m, refComps(ctx), { type: 'SET', timex, reason: 'recurring weekday', relative: false });
    }
    return result(ctx, m, { ...refComps(ctx), weekday: dow }, {
      type: part ? 'TIME' : 'DATE', reason: 'weekday', relative: true,
      anchor: { kind: 'weekday', dow, modifier, part },
    });
  },
);

const weekendParser = new NewsParser(
  'weekend',
  '(?:(this|last|next|the past|the coming|the)\\s+)weekend',
  (ctx, m) =>
    result(ctx, m, refComps(ctx), {
      type: 'DATE', reason: 'weekend', relative: true,
      anchor: { kind: 'weekday', dow: 6, modifier: m[1]!.toLowerCase() === 'the' ? null : m[1]!.toLowerCase(), part: 'WE' },
    }),
);

// today, tonight, yesterday morning, last night, this afternoon
const casualDay = new NewsParser(
  'casual-day',
  '((?:yesterday|tomorrow) (?:morning|afternoon|evening|night)|(?:mid-?|early |late )?(?:morning|afternoon|evening) (?:yesterday|today|tomorrow)|today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))',
  (ctx, m) => {
    const w = m[1]!.toLowerCase().replace(/^(?:mid-?|early |late )?(morning|afternoon|evening) (\w+)$/, '$2 $1');
    const offset = /yesterday|last night/.test(w) ? -1 : /tomorrow/.test(w) ? 1 : 0;
    const partWord = /(morning|afternoon|evening|night|tonight)$/.exec(w)?.[1];
    const part = partWord ? PARTS[partWord] : undefined;
    const t = new Date(ctx.refDate.getTime() + offset * 86_400_000);
    const day = isoDay({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
    return result(ctx, m, { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() }, {
      type: part && w !== 'tonight' ? 'TIME' : 'DATE',
      timex: part ? `${day}T${part}` : day,
      value: day, granularity: 'day', relative: true,
      reason: offset === 0 ? 'day of publication' : offset < 0 ? 'day before publication' : 'day after publication',
    });
  },
);

// this week, earlier this month, last year, the end of next quarter, the past week (a duration)
const relativePeriod = new NewsParser(
  'relative-period',
  '(?:(early|earlier|late|later|mid|the (?:end|beginning|start|middle|rest|remainder|first half|second half) of)[\\s-]+(?:in\\s+)?)?(this|last|next|the past|the previous|the coming|the current|the following|the latest|the prior)\\s+(week|month|year|quarter|decade|century)',
  (ctx, m) => {
    const mod = m[2]!.toLowerCase();
    const unit = m[3]!.toLowerCase();
    if ((mod === 'the following' || mod === 'the previous' || mod === 'the prior') && (unit === 'year' || unit === 'month') && !m[1]) {
      return result(ctx, m, refComps(ctx), {
        type: 'DATE', reason: `${mod} ${unit}`, relative: true, anchor: { kind: 'next-to-previous', unit, step: mod === 'the following' ? 1 : -1 },
      });
    }
    if (mod === 'the past' || mod === 'the coming' || (mod === 'the following' && unit !== 'year')) {
      return result(ctx, m, refComps(ctx), {
        type: 'DURATION', timex: durationValue(1, unit), reason: `${mod} ${unit}: a duration`, relative: true,
      });
    }
    if (unit === 'quarter') {
      const modifier = mod === 'next' || mod === 'the following' ? 'next' : mod === 'the previous' || mod === 'the prior' ? 'previous' : 'same';
      return result(ctx, m, refComps(ctx), { type: 'DATE', reason: `${mod} quarter`, relative: true, anchor: { kind: 'quarter', q: 0, half: false, modifier } });
    }
    const step = mod === 'last' || mod === 'the previous' || mod === 'the prior' ? -1 : mod === 'next' || mod === 'the following' ? 1 : 0;
    if (unit === 'decade' && step !== 0 && !m[1]) {
      // "the last decade" is the decade before this one (198 in 1998), not the year ten years back.
      const prefix = String(Math.floor(ctx.refDate.getUTCFullYear() / 10) + step);
      const from = +prefix * 10;
      return result(ctx, m, refComps(ctx), { type: 'DATE', timex: prefix, value: `${from}/${from + 9}`, granularity: 'range', reason: `${mod} decade`, relative: true });
    }
    return result(ctx, m, refComps(ctx), {
      type: 'DATE', reason: `${mod} ${unit}`, relative: true,
      anchor: { kind: 'ago', amount: Math.abs(step), unit, direction: step < 0 ? -1 : 1 },
    });
  },
);

const TEEN: Record<string, number> = { nineteen: 19, eighteen: 18, twenty: 20 };
const SPOKEN_YEAR_RE =
  '(?:(?:nineteen|eighteen|twenty)\\s+(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?)|two thousand(?:\\s+(?:and\\s+)?(?:one|two|three|four|five|six|seven|eight|nine|ten))?)';

/** The year a spoken year names; null for a bare "two thousand", which is mostly a count. */
function spokenYearValue(s: string, named = false): number | null {
  const m = /^(nineteen|eighteen|twenty)\s+(.+)$/i.exec(s.trim());
  if (m) {
    const rest = numberValue(m[2]!.replace(/\s+/, '-'));
    return typeof rest === 'number' ? TEEN[m[1]!.toLowerCase()]! * 100 + rest : null;
  }
  const k = /^two thousand(?:\s+(?:and\s+)?(\w+))?$/i.exec(s.trim());
  if (!k || (!named && !k[1])) return null;
  return 2000 + (k[1] ? (numberValue(k[1]) as number) : 0);
}

// "for the year", "the full year", "the fiscal year": in news copy the year under way at
// publication; "the year ended March 31" is a year-long span (P1Y); "that year" the one just named.
const theYear = new NewsParser(
  'the-year',
  "(?:(?:earlier|later|early|late)\\s+(?:in\\s+)?|the (?:end|beginning|start|middle|rest) of\\s+)?(the|that)\\s+(?:(current|full|fiscal|current fiscal|whole|entire)\\s+)?year(?!-|['’]s|\\s+(?:earlier|ago|before|after|\\d|nineteen|two thousand))",
  (ctx, m) => {
    const after = ctx.text.slice(m.index! + m[0].length, m.index! + m[0].length + 16);
    if (/^\s+(?:ended|ending|that ended|to date)\b/i.test(after)) {
      return result(ctx, m, refComps(ctx), { type: 'DURATION', timex: 'P1Y', reason: 'a year-long reporting period', relative: false });
    }
    if (m[1]!.toLowerCase() === 'that') {
      if (m[2]) return null;
      return result(ctx, m, refComps(ctx), { type: 'DATE', reason: 'that year', relative: true, anchor: { kind: 'next-to-previous', unit: 'year', step: 0 } });
    }
    const y = String(ctx.refDate.getUTCFullYear());
    return result(ctx, m, { year: +y }, { type: 'DATE', timex: y, value: y, granularity: 'year', reason: 'the year of publication', relative: true });
  },
);

// "September", "last November", "early December", "mid-November" (year left to the refiner);
// "October 2001" is chrono's.
const bareMonth = new NewsParser(
  'bare-month',
  `(?:(last|next|this|early|late|mid|each|every|the end of|the beginning of|the middle of|the start of)[\\s-]+)?${MONTH_RE}(?:(?:\\s+of|,)?\\s+((?:1[89]|20)\\d{2})(?!\\d)|(?:\\s+of)?\\s+(${SPOKEN_YEAR_RE})|,?\\s+(this|last|next) year|(?!\\.?\\s*\\d)(?!\\s*,\\s*\\d))`,
  (ctx, m) => {
    const name = m[2]!;
    if (!upperFirst(name)) return null;
    const month = monthNumber(name);
    const lead = m[1]?.toLowerCase();
    if (lead === 'each' || lead === 'every') {
      return result(ctx, m, refComps(ctx), { type: 'SET', timex: `XXXX-${pad(month)}`, reason: 'recurring month', relative: false });
    }
    // "June last year", "January nineteen ninety-seven": the year is named after the month.
    const named = m[4] ? spokenYearValue(m[4]) : m[5] ? ctx.refDate.getUTCFullYear() + { this: 0, last: -1, next: 1 }[m[5].toLowerCase() as 'this']! : null;
    if (named !== null) {
      const v = `${named}-${pad(month)}`;
      return result(ctx, m, { year: named, month }, { type: 'DATE', timex: v, value: v, granularity: 'month', reason: m[5] ? `month of ${m[5].toLowerCase()} year` : 'month and year in words', relative: !!m[5] });
    }
    if (month === 5 && !m[1]) {
      // "May" alone is usually the verb: keep it only after a preposition.
      const before = ctx.text.slice(Math.max(0, m.index! - 12), m.index!);
      if (!/\b(?:in|since|until|till|by|of|through|from|to|before|after|during|last|early|late)\s+$/i.test(before)) return null;
    }
    if (month === 3 && !m[1] && !/\b(?:in|since|until|by|of|through|from|to|before|after|during)\s+$/i.test(ctx.text.slice(Math.max(0, m.index! - 12), m.index!))) {
      if (/^\s+(?:on|to|through|in|against|for)\b/i.test(ctx.text.slice(m.index! + m[0].length, m.index! + m[0].length + 12))) return null;
    }
    if (m[3]) {
      const v = `${m[3]}-${pad(month)}`;
      return result(ctx, m, { year: +m[3], month }, { type: 'DATE', timex: v, value: v, granularity: 'month', reason: 'month and year', relative: false });
    }
    return result(ctx, m, { ...refComps(ctx), month }, {
      type: 'DATE', reason: 'month', relative: true,
      anchor: { kind: 'month', month, modifier: m[1]?.toLowerCase() ?? null },
    });
  },
);

// 2001, in 2001, fiscal 1998, the end of 1997, mid-1990 — but not "2000 people" or "$1999".
const yearParser = new NewsParser(
  'year',
  '(?:(early|late|mid|the end of|the beginning of|the start of|the middle of|the first half of|the second half of|the rest of)[\\s-]+)?(?:(fiscal(?: year)?|FY|calendar(?: year)?|the year|model year)\\s*)?((?:1[89]|20)\\d{2})(?!\\d|\\s*%|\\s*percent|,\\d|\\.\\d|-\\d|\'?s\\b)',
  (ctx, m) => {
    const y = +m[3]!;
    const before = ctx.text.slice(Math.max(0, m.index! - 3), m.index!);
    if (/[$€£#]\s*$|\d[,.]?$/.test(before)) return null;
    const after = ctx.text.slice(m.index! + m[0].length, m.index! + m[0].length + 30);
    if (!m[1] && !m[2] && /^\s+(?:people|persons|troops|soldiers|men|women|children|residents|workers|employees|shares|units|cars|vehicles|tons|tonnes|barrels|miles|kilometers|km|metres|meters|feet|dollars|euros|pounds|yen|members|seats|votes|acres|hectares|pages|words|of\s+(?:them|the|its|his|her|their))\b/i.test(after)) return null;
    if (!m[1] && !m[2] && /^\s*(?:-|to)\s*\d{1,2}\b(?!\d)/.test(after)) return null; // scores, ranges of counts
    return result(ctx, m, { year: y }, {
      type: 'DATE', timex: String(y), value: String(y), granularity: 'year', reason: 'year', relative: false,
    });
  },
);

// "nineteen ninety-six", "the year two thousand": years as broadcast transcripts spell them.
const spokenYear = new NewsParser(
  'spoken-year',
  `(the year\\s+)?(${SPOKEN_YEAR_RE})`,
  (ctx, m) => {
    const y = spokenYearValue(m[2]!, !!m[1]);
    if (y === null) return null;
    return result(ctx, m, { year: y }, { type: 'DATE', timex: String(y), value: String(y), granularity: 'year', reason: 'year in words', relative: false });
  },
);

// the 1990s, the mid-1980s, the '90s, the nineties
const DECADE_WORDS: Record<string, number> = {
  twenties: 2, thirties: 3, forties: 4, fifties: 5, sixties: 6, seventies: 7, eighties: 8, nineties: 9,
};
const decadeParser = new NewsParser(
  'decade',
  "(?:the\\s+)?(?:(early|late|mid)[\\s-]+)?(?:((?:1[0-9]|20)\\d)0'?s|'(\\d)0s|(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))",
  (ctx, m) => {
    let prefix: string;
    if (m[2]) prefix = m[2];
    else if (m[3]) prefix = (+m[3] >= 3 ? '19' : '20') + m[3];
    else prefix = '19' + DECADE_WORDS[m[4]!.toLowerCase()];
    if (!m[2] && !/^the\b/i.test(m[0])) return null; // "in his forties" is an age
    const from = +prefix * 10;
    return result(ctx, m, { year: from }, {
      type: 'DATE', timex: prefix, value: `${from}/${from + 9}`, granularity: 'range', reason: 'decade', relative: false,
    });
  },
);

const ORD: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4, last: 4,
  nineteenth: 19, twentieth: 20, 'twenty-first': 21, eighteenth: 18,
};
const centuryParser = new NewsParser(
  'century',
  '(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\s+century|the\\s+(eighteenth|nineteenth|twentieth|twenty-first)\\s+century',
  (ctx, m) => {
    const n = m[1] ? +m[1] : ORD[m[2]!.toLowerCase()]!;
    const from = (n - 1) * 100;
    return result(ctx, m, { year: from + 1 }, {
      type: 'DATE', timex: pad(n - 1), value: `${from}/${from + 99}`, granularity: 'range', reason: 'century', relative: false,
    });
  },
);

// the third quarter, third-quarter, the fiscal first quarter of 1998, this year's fourth quarter, first half
const quarterParser = new NewsParser(
  'quarter',
  "(?:(the|its|this year's|last year's|next year's|a|the year-ago|the year-earlier|the comparable year-ago|the prior-year|the year-before)\\s+)?(?:((?:19|20)\\d{2})\\s+)?(?:(?:fiscal|calendar)[\\s-]+)?(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\\s-](quarter|half)(?:\\s+(?:of\\s+)?(?:fiscal\\s+)?(?:((?:19|20)\\d{2})|(this|last|next) year))?",
  (ctx, m) => {
    const half = m[4]!.toLowerCase() === 'half';
    const q = half && /^(?:final|last)$/i.test(m[3]!) ? 2 : ORD[m[3]!.toLowerCase()]!;
    if (half && q > 2) return null;
    const year = m[2] ?? m[5];
    const lead = m[1]?.toLowerCase();
    // "a third-quarter loss", "its fourth quarter": TimeML tags from the ordinal (or the year).
    const hyphen = /\p{L}-(?:quarter|half)/iu.test(m[0]);
    const coreStart = lead && (lead === 'a' || lead === 'its' || hyphen) ? m[0].indexOf(' ') + 1 : 0;
    const core: [number, number] = [coreStart, m[0].length];
    const rel = m[6]?.toLowerCase() ?? (lead === "this year's" ? 'this' : lead === "last year's" || /year-|prior/.test(lead ?? '') ? 'last' : lead === "next year's" ? 'next' : null);
    if (year) {
      const y = +year;
      const timex = `${y}-${half ? 'H' : 'Q'}${q}`;
      return result(ctx, m, { year: y, month: half ? (q - 1) * 6 + 1 : (q - 1) * 3 + 1 }, {
        type: 'DATE', timex, value: periodRange(y, q, half), granularity: 'range', reason: half ? 'half-year' : 'quarter', relative: false, core,
      });
    }
    return result(ctx, m, refComps(ctx), {
      type: 'DATE', reason: half ? 'half-year' : 'quarter', relative: true, anchor: { kind: 'quarter', q, half, modifier: rel }, core,
    });
  },
);

export function periodRange(y: number, q: number, half: boolean): string {
  const first = half ? (q - 1) * 6 + 1 : (q - 1) * 3 + 1;
  const last = first + (half ? 5 : 2);
  return `${y}-${pad(first)}/${y}-${pad(last)}`;
}

// "the quarter", "the latest quarter", "the year-ago quarter", "year-earlier" figures: quarters
// named by reference to another one; the refiner finds it.
const quarterReference = new NewsParser(
  'quarter-reference',
  "(?:the|this|that|its|last year's)\\s+(?:(latest|current|most recent|recent|same|comparable|corresponding|year-ago|year-earlier|year-before|prior-year|previous|fiscal|last|(?:19|20)\\d{2})\\s+)?(?:(year-ago|year-earlier)\\s+)?(quarter|period)(\\s+(?:a year ago|last year|a year earlier))?|(year-earlier|year-ago)",
  (ctx, m) => {
    if (/^last year's/i.test(m[0]) || m[4]) return result(ctx, m, refComps(ctx), { type: 'DATE', reason: 'year-ago period', relative: true, anchor: { kind: 'year-ago' } });
    if (m[1] && /^\d{4}$/.test(m[1])) {
      return result(ctx, m, refComps(ctx), { type: 'DATE', reason: `the ${m[1]} period`, relative: true, anchor: { kind: 'quarter', q: 0, half: false, modifier: 'same', year: +m[1] } });
    }
    const word = (m[1] ?? '').toLowerCase();
    const unit = (m[3] ?? '').toLowerCase();
    const yearAgo = !!m[5] || /year-|prior-year/.test(word) || !!m[2];
    if (unit === 'period' && (!word || /^(?:same|fiscal|last|previous|recent)$/.test(word)) && !m[2]) return null; // "the period" rarely names a date
    if (yearAgo) return result(ctx, m, refComps(ctx), { type: 'DATE', reason: 'year-ago period', relative: true, anchor: { kind: 'year-ago' } });
    return result(ctx, m, refComps(ctx), {
      type: 'DATE', reason: 'the quarter in question', relative: true,
      anchor: { kind: 'quarter', q: 0, half: false, modifier: word === 'last' || word === 'previous' ? 'previous' : 'same' },
    });
  },
);

// two years ago, a week earlier, nearly four years ago, six months from now
const agoParser = new NewsParser(
  'ago',
  `(?:(?:about|almost|nearly|some|more than|less than|roughly|only|just|over|around)\\s+)?(${NUMBER_RE})\\s+${UNIT_RE}\\s+(ago|earlier|later|from now|hence|previously|before(?=\\s*[,.;)]|$)|after(?=\\s*[,.;)]|$))`,
  (ctx, m) => {
    const amount = numberValue(m[1]!);
    if (amount === undefined) return null;
    const unit = unitOf(m[2]!);
    const dir = /ago|earlier|before|previously/i.test(m[3]!) ? -1 : 1;
    // "three days later" counts from an event of the story, not from publication: TimeML tags the
    // span ("three days", P3D) and leaves "later" to the event relation.
    if (/^(?:later|after)$/i.test(m[3]!)) {
      const spanEnd = m[0].length - m[3]!.length - 1;
      return result(ctx, m, refComps(ctx), {
        type: 'DURATION', timex: durationValue(amount, unit), reason: `${m[1]} ${m[2]} after an event of the story`, relative: false,
        core: [looseLead(m[0]), spanEnd],
      });
    }
    if (amount === null) {
      return result(ctx, m, refComps(ctx), { type: 'DATE', timex: dir < 0 ? 'PAST_REF' : 'FUTURE_REF', reason: 'vague distance', relative: true });
    }
    if (amount === 1 && unit === 'year' && /earlier|ago|before/i.test(m[3]!)) {
      return result(ctx, m, refComps(ctx), { type: 'DATE', reason: 'a year before', relative: true, anchor: { kind: 'year-ago' } });
    }
    return result(ctx, m, refComps(ctx), {
      type: /hour|minute|second/.test(unit) ? 'TIME' : 'DATE', reason: `${m[1]} ${m[2]} ${m[3]}`, relative: true,
      anchor: { kind: 'ago', amount, unit, direction: dir }, core: [looseLead(m[0]), m[0].length],
    });
  },
);

// in six days, within two weeks: after a past verb a span ending at publication, else ahead.
const withinParser = new NewsParser(
  'within',
  `(in|within)\\s+(?:the\\s+next\\s+)?(${NUMBER_RE})\\s+${UNIT_RE}`,
  (ctx, m) => {
    const amount = numberValue(m[2]!);
    if (amount === undefined || amount === null) return null;
    const coreStart = m[0].toLowerCase().indexOf(m[2]!.toLowerCase(), m[1]!.length);
    return result(ctx, m, refComps(ctx), {
      type: 'DURATION', timex: durationValue(amount, m[3]!), reason: `${m[1]} ${m[2]} ${m[3]}`, relative: true,
      anchor: { kind: 'within', amount, unit: unitOf(m[3]!) }, core: [coreStart, m[0].length],
    });
  },
);

// three days, the past two months, a 20-year war, the first nine months, nearly forty years
const durationParser = new NewsParser(
  'duration',
  `(?:(?:about|around|almost|nearly|more than|over|less than|under|up to|at least|some|roughly|approximately|just|only|another|an additional|an extra|a full|the)\\s+)?(?:(?:past|last|next|first|previous|coming|following|final|latest|remaining|initial|same|full)\\s+)?(${NUMBER_RE})([\\s-]+)${UNIT_RE}(?:[\\s-]+(old|long))?`,
  (ctx, m) => {
    const amount = numberValue(m[1]!);
    if (amount === undefined) return null;
    if (m[4]?.toLowerCase() === 'old') return null; // an age, not a span of time
    const unit = unitOf(m[3]!);
    if (unit === 'quarter' && m[2] === '-') return null; // "three-quarters" is a fraction
    if (amount === null && /^(?:some|many|numerous|countless)$/i.test(m[1]!) && !/s$/i.test(m[3]!)) return null; // "some day"
    if (/^(?:a|an|one)$/i.test(m[1]!) && /s$/i.test(m[3]!)) return null;
    if (unit === 'second' && /^(?:a|an)$/i.test(m[1]!)) return null; // "a second attempt"
    if (unit === 'weekend') return null;
    return result(ctx, m, refComps(ctx), {
      type: 'DURATION', timex: durationValue(amount, unit), reason: 'duration', relative: false, core: [looseLead(m[0]), m[0].length],
    });
  },
);

// "2 1/2 years", "two and a half days", "a minute and a half": the half goes to the next smaller
// unit, as TimeML writes it (P2Y6M, PT1M30S).
const HALF_OF: Record<string, string> = { year: '6M', month: '15D', day: 'T12H', hour: '30M', minute: '30S' };
function halfDuration(amount: number, unit: string): string {
  const u = unitOf(unit);
  const half = HALF_OF[u];
  if (!half) return durationValue(amount + 0.5, u);
  return `${durationValue(amount, u)}${half}`;
}
const halfDurationParser = new NewsParser(
  'half-duration',
  `(?:(?:about|around|almost|nearly|more than|over|less than|some|roughly|just|only)\\s+)?(?:(${NUMBER_RE})(?:\\s+1/2|\\s*½|\\s+and\\s+a\\s+half)[\\s-]+${UNIT_RE}|(an?|one)\\s+${UNIT_RE}\\s+and\\s+a\\s+half)`,
  (ctx, m) => {
    const amount = m[1] ? numberValue(m[1]) : 1;
    if (typeof amount !== 'number' || !Number.isInteger(amount)) return null;
    const unit = m[2] ?? m[4]!;
    return result(ctx, m, refComps(ctx), {
      type: 'DURATION', timex: halfDuration(amount, unit), reason: 'duration with a half', relative: false, core: [looseLead(m[0]), m[0].length],
    });
  },
);

// "for years", "in months", "over decades": vague durations (TimeML PXY)
const vagueDuration = new NewsParser(
  'vague-duration',
  '(?<=\\b(?:for|in|over|within|after|took|take|takes|lasted|last)\\s)(?:(?:several|many|a few|few)\\s+)?(years|months|weeks|days|decades|hours|minutes)(?!\\s+(?:ago|earlier|later|of\\s+(?:the|his|her|their|its)))',
  (ctx, m) =>
    result(ctx, m, refComps(ctx), { type: 'DURATION', timex: durationValue(null, m[1]!), reason: 'vague duration', relative: false }),
);

// now, currently, recently, the future: TimeML's reference words
const REFS: [RegExp, string][] = [
  [/^(?:now|right now|currently|at present|presently|at the moment|these days|nowadays|the present|at this time|this time)$/i, 'PRESENT_REF'],
  [/^(?:recently|lately|the past|in the past|previously|formerly|earlier|recent (?:years|months|weeks|days)|past years|in recent (?:years|months|weeks|days)|recent weeks and months|more recently|once)$/i, 'PAST_REF'],
  [/^(?:the future|in the future|the near future|soon|as soon as possible|the coming (?:years|months|weeks|days)|coming (?:years|months|weeks|days|quarters)|future quarters|the near term|the short term|the long term|one day|a later date|someday)$/i, 'FUTURE_REF'],
];
const refParser = new NewsParser(
  'reference-word',
  '(?:right now|now|currently|at present|presently|at the moment|these days|nowadays|recently|lately|more recently|(?:in )?recent weeks and months|in recent (?:years|months|weeks|days)|recent (?:years|months|weeks|days)|the past(?!\\s+(?:\\d|few|several|two|three|four|five|six|seven|eight|nine|ten|week|month|year|decade|day|quarter))|formerly|the (?:near )?future|as soon as possible|(?:the )?coming (?:years|months|weeks|days|quarters)|future quarters|the (?:near|short|long) term|a later date)',
  (ctx, m) => {
    let w = m[0].toLowerCase();
    if (w === 'now' && /^\s*that\b/i.test(ctx.text.slice(m.index! + 3, m.index! + 12))) return null; // "now that" is a conjunction
    w = w.replace(/^in /, '');
    const hit = REFS.find(([re]) => re.test(w) || re.test('in ' + w));
    if (!hit) return null;
    let start = 0;
    if (/^in recent/i.test(m[0])) start = 3;
    // "in recent months", "in coming weeks": a stretch of unstated length (PXM, PXW); "recent
    // years" and "coming quarters" stay the vaguer past or future of TimeML's reference words.
    const span = /^(?:in )?(?:recent|(?:the )?coming) (months|weeks)$/i.exec(m[0]);
    if (span) return result(ctx, m, refComps(ctx), { type: 'DURATION', timex: durationValue(null, span[1]!), reason: 'vague span', relative: false, core: [start, m[0].length] });
    return result(ctx, m, refComps(ctx), { type: 'DATE', timex: hit[1], reason: 'reference word', relative: true, core: [start, m[0].length] });
  },
);

const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };
const seasonParser = new NewsParser(
  'season',
  `(?:(this|last|next|early|late|the)\\s+)?(?:(early|late|mid)[\\s-]+)?(spring|summer|autumn|fall|winter)(?:\\s+(?:of\\s+)?((?:19|20)\\d{2}|${SPOKEN_YEAR_RE}))?`,
  (ctx, m) => {
    const mod = m[1]?.toLowerCase() ?? null;
    const season = m[3]!.toLowerCase();
    if (m[4] && !/^\d/.test(m[4])) {
      const y = spokenYearValue(m[4]);
      if (y === null) return null;
      m[4] = String(y);
    }
    if (!m[4] && (!mod || (mod === 'the' && (season === 'fall' || season === 'spring')))) return null;
    if (mod === 'the' && !m[4]) {
      const before = ctx.text.slice(Math.max(0, m.index! - 8), m.index!);
      if (!/\b(?:in|during|over|through|by|until)\s+$/i.test(before)) return null;
    }
    if (m[4]) {
      const timex = `${m[4]}-${SEASONS[season]}`;
      return result(ctx, m, { year: +m[4] }, { type: 'DATE', timex, value: timex, granularity: 'range', reason: 'season', relative: false });
    }
    return result(ctx, m, refComps(ctx), {
      type: 'DATE', reason: 'season', relative: true, anchor: { kind: 'season', season: SEASONS[season]!, modifier: mod === 'the' ? null : mod },
    });
  },
);

// each year, every month, per day: TimeML sets
const setParser = new NewsParser(
  'set',
  '(?:each|every|per|a)\\s+(day|week|month|quarter|year)|(daily|nightly|weekly|hourly)',
  (ctx, m) => {
    if (/^a\s/i.test(m[0])) {
      const before = ctx.text.slice(Math.max(0, m.index! - 25), m.index!);
      if (!/(?:\d|\b(?:million|billion|thousand|hundred|dollars|cents|times))\s*$/i.test(before)) return null;
    }
    const unit = m[1]?.toLowerCase() ?? { daily: 'day', nightly: 'day', weekly: 'week', hourly: 'hour' }[m[2]!.toLowerCase()]!;
    return result(ctx, m, refComps(ctx), { type: 'SET', timex: durationValue(1, unit), reason: 'recurring', relative: false });
  },
);

/** The parsers, most specific first: on a tie in length chrono keeps the first. */
export function newsParsers(): Parser[] {
  return [
    feedDate, quarterParser, centuryParser, decadeParser, spokenYear, agoParser, withinParser, casualDay, weekendParser,
    relativePeriod, weekdayParser, seasonParser, quarterReference, refParser, theYear, halfDurationParser, durationParser, vagueDuration,
    bareMonth, yearParser, setParser,
  ];
}

export type { ParsingComponents };
