// Calendar arithmetic on plain civil dates (no time zones): news dates are calendar days.

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function toUtc(x: Ymd): Date {
  return new Date(Date.UTC(x.y, x.m - 1, x.d, 12));
}

export function fromUtc(t: Date): Ymd {
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function addDays(x: Ymd, n: number): Ymd {
  return fromUtc(new Date(toUtc(x).getTime() + n * 86_400_000));
}

export function addMonths(x: Ymd, n: number): Ymd {
  const total = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(x.d, daysInMonth(y, m)) };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(x: Ymd): number {
  return toUtc(x).getUTCDay();
}

export function isoDay(x: Ymd): string {
  return `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
}

export function isoMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

/** ISO 8601 week: "2030-W11". */
export function isoWeek(x: Ymd): string {
  const t = toUtc(x);
  const dow = (t.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(t.getTime() + (3 - dow) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1, 12);
  const week = 1 + Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000));
  return `${year}-W${pad(week)}`;
}

/** Monday of the ISO week containing x. */
export function mondayOf(x: Ymd): Ymd {
  return addDays(x, -((weekday(x) + 6) % 7));
}

export function compare(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function parseIsoDay(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (!m) return null;
  const x = { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  return x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= daysInMonth(x.y, x.m) ? x : null;
}

/** Most recent date on or before `x` (or strictly before) falling on `dow`. */
export function weekdayOnOrBefore(x: Ymd, dow: number, strict = false): Ymd {
  let back = (weekday(x) - dow + 7) % 7;
  if (back === 0 && strict) back = 7;
  return addDays(x, -back);
}

/** Next date on or after `x` (or strictly after) falling on `dow`. */
export function weekdayOnOrAfter(x: Ymd, dow: number, strict = true): Ymd {
  let fwd = (dow - weekday(x) + 7) % 7;
  if (fwd === 0 && strict) fwd = 7;
  return addDays(x, fwd);
}
