// Reading publication dates from metadata strings, URL paths and text. Only fully specified dates
// count as evidence here; relative dates belong to the time layer.

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const pad = (n: number) => String(n).padStart(2, '0');

function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** A metadata date string in any common shape → ISO date or date-time (UTC), or null. */
export function parseLooseDate(input: string): string | null {
  const s = input.trim();
  if (!s) return null;
  // Reuters feed style: 26-FEB-1987 15:01:01.79
  let m = new RegExp(`^(\\d{1,2})-${MONTH_RE}-(\\d{4})(?:\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?)?`, 'i').exec(s);
  if (m) {
    const d = isoDate(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
    if (!d) return null;
    return m[4] ? `${d}T${pad(+m[4])}:${m[5]}:${pad(+(m[6] ?? 0))}Z` : d;
  }
  // ISO date alone: keep it a date (no time-zone shift).
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return isoDate(+m[1]!, +m[2]!, +m[3]!);
  const textual = findTextDates(s)[0];
  if (textual && textual.index === 0 && !/\d{1,2}:\d{2}/.test(s)) return textual.date;
  const t = Date.parse(s);
  if (!Number.isNaN(t)) {
    const iso = new Date(t).toISOString();
    return /T00:00:00\.000Z$/.test(iso) && !/\d:\d/.test(s) ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  return null;
}

/** Year, month and day in a URL path: /2021/08/06/ or /2021-08-06/ or /20210806/. */
export function dateFromUrl(url: string): string | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:\/|-|$)/.exec(path) ?? /\/((?:19|20)\d{2})(\d{2})(\d{2})\//.exec(path);
  return m ? isoDate(+m[1]!, +m[2]!, +m[3]!) : null;
}

export interface TextDate {
  date: string;
  index: number;
  length: number;
}

/** Fully specified calendar dates written in text: "July 21, 2021", "21 July 2021", "Aug. 10, 2021",
 * "2021-07-21". */
export function findTextDates(text: string): TextDate[] {
  const out: TextDate[] = [];
  const mdy = new RegExp(`\\b${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi');
  const dmy = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE}\\.?,?\\s+(\\d{4})\\b`, 'gi');
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
  for (const m of text.matchAll(mdy)) {
    const d = isoDate(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!);
    if (d) out.push({ date: d, index: m.index!, length: m[0].length });
  }
  for (const m of text.matchAll(dmy)) {
    const d = isoDate(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
    if (d) out.push({ date: d, index: m.index!, length: m[0].length });
  }
  for (const m of text.matchAll(iso)) {
    const d = isoDate(+m[1]!, +m[2]!, +m[3]!);
    if (d) out.push({ date: d, index: m.index!, length: m[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}
