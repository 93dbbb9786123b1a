// Which candidates a new article is aligned with. Aligning with every article that shares a band
// key makes the cost grow with the size of a story's family: the tenth copy of a wire story shares
// its keys with the original and the eight copies before it. Each key stands for a window of the
// new article's text, so candidates are chosen to cover windows: the best few by shared keys, then
// greedily whoever matches a window no chosen candidate matches yet. A copy of a copy then aligns
// with the original (and whatever else it took text from), not with every sibling.

export interface SelectOptions {
  /** Most candidates aligned. */
  maxCandidates: number;
  /** Candidates aligned by rank alone (shared keys), whatever they cover. */
  minAligned: number;
  /** Fewest shared keys for a candidate to count. */
  minSharedBands: number;
  /** Candidates sharing only quotation keys: this many, best first, may be aligned; more are
   * outlets quoting one statement, and a handful of them shows it. */
  fewQuoteOnly: number;
  /** Chosen candidates that must match a window before it counts as matched. */
  coverTimes: number;
  /** A key counts fully for its first holders (in arrival order) only. */
  earliestHolders: number;
}

const MIN_GAIN = 0.05;
const LATE_HOLDER_WEIGHT = 0.25;

export const DEFAULT_SELECT: SelectOptions = { maxCandidates: 12, minAligned: 4, minSharedBands: 1, fewQuoteOnly: 3, coverTimes: 2, earliestHolders: 2 };

/** A key group: the band keys of one window, or the quotation keys of one quote. */
export interface KeyGroup {
  keys: string[];
  quote: boolean;
}

interface Candidate {
  id: string;
  /** Shared keys weighted by rarity (1 / number of articles holding the key). */
  weight: number;
  bandHits: number;
  quoteHits: number;
  /** Best position among a key's holders (0: first to arrive with it). */
  arrival: number;
  /** Weighted keys shared per window group. */
  groups: Map<number, number>;
}

const byRank = (a: Candidate, b: Candidate) => b.weight - a.weight || b.bandHits - a.bandHits || b.quoteHits - a.quoteHits || a.arrival - b.arrival || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Candidates to align, in order, from the articles holding each key (in arrival order where the
 * store knows it). */
export function selectCandidates(groups: KeyGroup[], postings: Map<string, string[]>, opt: SelectOptions = DEFAULT_SELECT): string[] {
  const cands = new Map<string, Candidate>();
  const seen = new Set<string>();
  groups.forEach((g, gi) => {
    for (const k of g.keys) {
      const holders = postings.get(k);
      if (!holders) continue;
      // One key counts once per candidate, even when two windows produce it.
      const first = !seen.has(k);
      seen.add(k);
      // A key held by many articles is common wording more often than shared text: a candidate
      // holding only such keys ranks below one holding a key no other article has.
      // Holders are in arrival order: the first ones are the likely originals of a family, later
      // ones copies of them that a new copy would match just as well.
      const w = 1 / holders.length;
      for (let h = 0; h < holders.length; h++) {
        const id = holders[h]!;
        const wh = h < opt.earliestHolders ? w : w * LATE_HOLDER_WEIGHT;
        let c = cands.get(id);
        if (!c) cands.set(id, (c = { id, weight: 0, bandHits: 0, quoteHits: 0, arrival: h, groups: new Map() }));
        else c.arrival = Math.min(c.arrival, h);
        if (first) {
          c.weight += wh;
          g.quote ? c.quoteHits++ : c.bandHits++;
        }
        c.groups.set(gi, (c.groups.get(gi) ?? 0) + wh);
      }
    }
  });
  let eligible = [...cands.values()].filter((c) => c.bandHits + c.quoteHits >= opt.minSharedBands).sort(byRank);
  const quoteOnly = eligible.filter((c) => c.bandHits === 0);
  if (quoteOnly.length > opt.fewQuoteOnly) {
    const keep = new Set(quoteOnly.slice(0, opt.fewQuoteOnly));
    eligible = eligible.filter((c) => c.bandHits > 0 || keep.has(c));
  }

  const chosen: Candidate[] = [];
  // How well each window is matched by the chosen candidates (weighted keys shared, at best): a
  // candidate sharing one common key of a window may be chance wording, one sharing all its keys is
  // the text. Gains below MIN_GAIN (a sliver of a common key) do not justify an alignment.
  const covered = new Map<number, number[]>();
  const take = (c: Candidate) => {
    chosen.push(c);
    for (const [g, n] of c.groups) {
      const best = covered.get(g) ?? [];
      best.push(n);
      covered.set(g, best.sort((x, y) => y - x).slice(0, opt.coverTimes));
    }
  };
  // A window counts as matched once `coverTimes` chosen candidates match it this well: the copy a
  // new article took from may be a copy itself, so the second-best match of a window is aligned too.
  const bar = (g: number) => {
    const best = covered.get(g);
    return best && best.length >= opt.coverTimes ? best[opt.coverTimes - 1]! : 0;
  };
  for (const c of eligible.slice(0, Math.min(opt.minAligned, opt.maxCandidates))) take(c);
  const rest = new Set(eligible.slice(chosen.length));
  while (chosen.length < opt.maxCandidates && rest.size) {
    let best: Candidate | null = null;
    let bestGain = 0;
    for (const c of rest) {
      let gain = 0;
      for (const [g, n] of c.groups) gain += Math.max(0, n - bar(g));
      if (gain < MIN_GAIN) continue;
      if (gain > bestGain + 1e-9 || (Math.abs(gain - bestGain) <= 1e-9 && best && byRank(c, best) < 0)) {
        best = c;
        bestGain = gain;
      }
    }
    if (!best) break;
    rest.delete(best);
    take(best);
  }
  return chosen.map((c) => c.id);
}
