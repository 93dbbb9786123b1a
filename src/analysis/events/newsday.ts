// The day a report's news happened. Wire stories published in the morning tell the previous
// day's statements ("said on Monday", "announced Monday"); an undated statement in the same
// report most likely belongs to that day rather than to the publication date.
import type { Span, TimeRef } from '../../types.js';

export interface NewsDay {
  value: string;
  why: string;
}

const STATEMENT_RE = /\b(?:said|says|told|announced|statement|spoke|briefing|news conference|press conference|claimed|declared|confirmed)\b/i;
const DAY_MS = 86_400_000;

/** The day-precise date most often given to statements in the article, when it is given at least
 * twice, never contradicted by a statement on another day, and falls within the few days before
 * publication. */
export function newsDay(text: string, sentences: Span[], times: TimeRef[], published: string | null): NewsDay | null {
  const counts = new Map<string, { n: number; text: string }>();
  for (const s of sentences) {
    if (!STATEMENT_RE.test(text.slice(s.start, s.end))) continue;
    const days = new Set(times.filter((t) => t.start >= s.start && t.end <= s.end && t.granularity === 'day').map((t) => t.value));
    for (const d of days) {
      const t = times.find((x) => x.value === d && x.start >= s.start)!;
      const c = counts.get(d) ?? { n: 0, text: t.text };
      c.n++;
      counts.set(d, c);
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1].n - a[1].n);
  const top = ranked[0];
  if (!top || top[1].n < 2 || (ranked[1] && ranked[1][1].n === top[1].n)) return null;
  if (published) {
    const lag = (Date.parse(published.slice(0, 10)) - Date.parse(top[0])) / DAY_MS;
    if (!(lag >= 0 && lag <= 3)) return null;
  }
  return { value: top[0], why: `the report's statements are of "${top[1].text}" (${top[1].n} times)` };
}
