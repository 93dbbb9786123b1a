// What the news parsers know about a match beyond chrono's calendar components (weeks, quarters,
// decades, TimeML reference words, durations). It rides on chrono's own tags, so it survives
// chrono's refiners; the refiners here read it and resolve the relative parts.
import type { ParsingComponents, ParsingResult } from 'chrono-node';
import type { Granularity } from '../../types.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A relative part still to resolve against the publication date and the tense of the clause. */
export type Anchor =
  | { kind: 'weekday'; dow: number; modifier: string | null; part: string | null }
  | { kind: 'month'; month: number; modifier: string | null }
  | { kind: 'quarter'; q: number; half: boolean; modifier: string | null; year?: number }
  | { kind: 'season'; season: string; modifier: string | null }
  | { kind: 'within'; amount: number; unit: string }
  | { kind: 'ago'; amount: number; unit: string; direction: -1 | 1 }
  | { kind: 'year-ago' }
  /** "the following year", "the previous month", "that year": a step from the date just mentioned. */
  | { kind: 'next-to-previous'; unit: 'year' | 'month'; step: -1 | 0 | 1 };

export interface NewsInfo {
  /** The text the parser matched: when chrono merged the result with another, this no longer
   * equals the result's text and the calendar components take over. */
  text: string;
  type: TimexType;
  /** TimeML value ("2030-W11", "2030-Q1", "P3D", "PRESENT_REF"), once known. */
  timex?: string;
  granularity?: Granularity;
  /** TimeRef value (ISO date, month, week, year or "a/b" range), once known. */
  value?: string;
  reason: string;
  /** Depends on the publication date (or on another expression) rather than on the text alone. */
  relative: boolean;
  anchor?: Anchor;
  /** Part of the match that TimeML would tag (offsets inside the match), e.g. "six days" in "in six days". */
  core?: [number, number];
  confidence?: number;
}

const PREFIX = 'news:';

export function setInfo(target: ParsingResult | ParsingComponents, info: NewsInfo): void {
  const comps = 'start' in target ? target.start : target;
  comps.addTag(PREFIX + JSON.stringify(info));
}

/** The news info of a result whose text is still the parser's match, or null. */
export function getInfo(result: ParsingResult | { text: string; tags(): Set<string> }): NewsInfo | null {
  let found: NewsInfo | null = null;
  for (const t of result.tags()) {
    if (!t.startsWith(PREFIX)) continue;
    const info = JSON.parse(t.slice(PREFIX.length)) as NewsInfo;
    if (info.text === result.text) found = info;
  }
  return found;
}

/** Any news info, even from a part of a merged result. */
export function partInfos(result: { tags(): Set<string> }): NewsInfo[] {
  return [...result.tags()].filter((t) => t.startsWith(PREFIX)).map((t) => JSON.parse(t.slice(PREFIX.length)) as NewsInfo);
}
