// One timeline from the events of many articles: the same type on a compatible date with the
// same actors or place (or nearly the same wording) is one event told by several sources.
import type { EventMention, Granularity } from '../../types.js';
import { foldKey } from '../../text/normalize.js';
import { interval } from '../claims/group.js';

export interface EventRecord {
  articleId: string;
  published: string | null;
  event: EventMention;
}

export interface TimelineSource {
  articleId: string;
  start: number;
  end: number;
  summary: string;
}

export interface TimelineEvent {
  id: string;
  type: string;
  date: string | null;
  granularity: Granularity | null;
  place: string | null;
  actors: string[];
  summary: string;
  sources: TimelineSource[];
}

const STOP = new Set('the a an of to in on at for and or but with by from as that this is was were are be has have had it its their they he she said says'.split(' '));

function words(s: string): Set<string> {
  return new Set(foldKey(s).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 2 && !STOP.has(w)));
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter === 0 ? 0 : inter / (a.size + b.size - inter);
}

/** Dates are compatible when one interval holds the other or they overlap ("2021-07" and
 * "2021-07-21"; "2021-07-17/2021-07-18" and "2021-07-18"). */
export function datesCompatible(a: string | null, b: string | null): boolean {
  const x = interval(a);
  const y = interval(b);
  if (!x || !y) return false;
  return x[0] <= y[1] && y[0] <= x[1];
}

const RANK: Record<string, number> = { instant: 0, day: 1, range: 2, week: 3, month: 4, year: 5 };

export function mergeTimeline(records: EventRecord[], minSimilarity = 0.5): TimelineEvent[] {
  const n = records.length;
  const parent = records.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const bags = records.map((r) => words(r.event.summary));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = records[i]!.event;
      const b = records[j]!.event;
      if (records[i]!.articleId === records[j]!.articleId) continue;
      if (a.type !== b.type || !datesCompatible(a.date, b.date)) continue;
      const sharedActors = a.actors.filter((x) => b.actors.includes(x)).length;
      const samePlace = a.place !== null && a.place === b.place;
      const sim = jaccard(bags[i]!, bags[j]!);
      if (sim >= minSimilarity || (sharedActors > 0 && (samePlace || sim >= 0.25)) || (samePlace && sim >= 0.25)) parent[find(j)] = find(i);
    }
  }
  const clusters = new Map<number, number[]>();
  for (let i = 0; i < n; i++) (clusters.get(find(i)) ?? clusters.set(find(i), []).get(find(i))!).push(i);
  const out: TimelineEvent[] = [];
  for (const members of clusters.values()) {
    const evs = members.map((i) => records[i]!);
    // The most precise date among the sources; the longest summary reads best.
    const dated = evs.filter((r) => r.event.date).sort((a, b) => (RANK[a.event.granularity ?? 'year'] ?? 9) - (RANK[b.event.granularity ?? 'year'] ?? 9));
    const lead = [...evs].sort((a, b) => b.event.summary.length - a.event.summary.length)[0]!;
    const actors = [...new Set(evs.flatMap((r) => r.event.actors))];
    out.push({
      id: `${evs[0]!.articleId}:${evs[0]!.event.start}`,
      type: lead.event.type,
      date: dated[0]?.event.date ?? null,
      granularity: dated[0]?.event.granularity ?? null,
      place: evs.find((r) => r.event.place)?.event.place ?? null,
      actors,
      summary: lead.event.summary,
      sources: evs.map((r) => ({ articleId: r.articleId, start: r.event.start, end: r.event.end, summary: r.event.summary })),
    });
  }
  return out.sort((a, b) => (interval(a.date)?.[0] ?? Infinity) - (interval(b.date)?.[0] ?? Infinity) || a.id.localeCompare(b.id));
}
