// The loaded gazetteer: entries and the name indexes over them. Loaded once, lazily, from the
// committed models/gazetteer.json.gz (built by scripts/build-gazetteer.ts).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { foldKey } from '../../text/normalize.js';
import { ADMIN1_ABBREVIATIONS, REGIONS } from './extra-names.js';
import { CITY_FLAG, type GazEntry, type GazetteerFile } from './model.js';
import { looseKey, placeKey, stripDivisionWord } from './names.js';

const ADMIN2_WORDS = ['county', 'parish', 'borough', 'district', 'municipality', 'census area'];

const MODEL_PATH = fileURLToPath(new URL('../../../models/gazetteer.json.gz', import.meta.url));

export interface Gazetteer {
  /** Entry by index; city entries are made on first use (there are 170,000 of them). */
  entry(idx: number): GazEntry;
  size: number;
  /** Exact key → entry indexes. */
  byKey: Map<string, number[]>;
  /** Counties and districts under their name without the division word ("Cooke" → Cooke County):
   * only consulted when a division word says so or nothing else has the name. */
  admin2Bare: Map<string, number[]>;
  /** Postal and AP abbreviations of states/provinces: only trusted right after a comma. */
  abbreviations: Map<string, number>;
  /** Demonym / adjectival form key → country entry index. */
  demonyms: Map<string, number>;
  countryByCode: Map<string, GazEntry>;
  admin1ById: Map<string, GazEntry>;
  /** Folded full names of places that a reader would recognise without context. */
  commonNames: Set<string>;
  looseIndex(): Map<string, number[]>;
}

let cached: Gazetteer | null = null;

export function gazetteer(): Gazetteer {
  if (!cached) cached = buildGazetteer(JSON.parse(gunzipSync(readFileSync(MODEL_PATH)).toString('utf8')) as GazetteerFile);
  return cached;
}

// Codes and dotted abbreviations only; full names listed there ("Alaska") stay names.
const ABBREV_SET = new Set(Object.values(ADMIN1_ABBREVIATIONS).flat().filter((a) => /^[A-Z]{2,3}$|\./.test(a)));

/** City importance: log of the number of GeoNames places around it, plus capital/large/seat bonuses. */
export function cityPrior(density: number, flags: number): number {
  // Capped: suburbs of a metropolis are as dense as its centre.
  let p = Math.min(5, Math.log2(1 + density));
  if (flags & CITY_FLAG.capital) p += 4;
  if (flags & CITY_FLAG.major) p += 3;
  if (flags & CITY_FLAG.admin1Namesake) p += 2;
  if (flags & CITY_FLAG.admin2Namesake) p += 0.5;
  return p;
}

function buildGazetteer(file: GazetteerFile): Gazetteer {
  const fixed: GazEntry[] = [];
  const byKey = new Map<string, number[]>();
  const abbreviations = new Map<string, number>();
  const demonyms = new Map<string, number>();
  const countryByCode = new Map<string, GazEntry>();
  const admin1ById = new Map<string, GazEntry>();
  const commonNames = new Set<string>();
  const add = (key: string, idx: number) => {
    if (!key) return;
    const list = byKey.get(key);
    if (!list) byKey.set(key, [idx]);
    else if (list[list.length - 1] !== idx) list.push(idx);
  };

  for (const c of file.countries) {
    const e: GazEntry = {
      idx: fixed.length, geoId: `country:${c.code}`, kind: 'country', name: c.names[0]!, names: c.names,
      lat: c.lat, lon: c.lon, country: c.code, admin1: null, prior: 12, flags: 0,
    };
    fixed.push(e);
    countryByCode.set(c.code, e);
    for (const n of c.names) {
      add(placeKey(n), e.idx);
      commonNames.add(foldKey(n));
    }
    for (const d of c.demonyms) if (!demonyms.has(placeKey(d))) demonyms.set(placeKey(d), e.idx);
  }
  for (const a of file.admin1) {
    const cc = a.id.split('.')[0]!;
    const names = a.names.filter((n) => !ABBREV_SET.has(n));
    const e: GazEntry = {
      idx: fixed.length, geoId: `admin1:${a.iso ?? a.id}`, kind: 'admin1', name: names[0] ?? a.names[0]!, names,
      lat: a.lat, lon: a.lon, country: cc, admin1: a.id, prior: 6, flags: 0,
    };
    fixed.push(e);
    admin1ById.set(a.id, e);
    for (const n of a.names) {
      if (ABBREV_SET.has(n)) abbreviations.set(n.replace(/\s+/g, ''), e.idx);
      else {
        add(placeKey(n), e.idx);
        commonNames.add(foldKey(n));
      }
    }
  }
  for (const r of REGIONS) {
    const e: GazEntry = {
      idx: fixed.length, geoId: `region:${r.names[0]!.replace(/\s+/g, '_')}`, kind: 'region', name: r.names[0]!, names: r.names,
      lat: r.lat, lon: r.lon, country: r.country ?? '', admin1: null, prior: 9, flags: 0,
    };
    fixed.push(e);
    for (const n of r.names) {
      add(placeKey(n), e.idx);
      commonNames.add(foldKey(n));
    }
    for (const d of r.adjectives) if (!demonyms.has(placeKey(d))) demonyms.set(placeKey(d), e.idx);
  }
  const admin2Bare = new Map<string, number[]>();
  for (const a of file.admin2) {
    const [cc = '', a1 = ''] = a.id.split('.');
    const e: GazEntry = {
      idx: fixed.length, geoId: `admin2:${a.id}`, kind: 'admin2', name: a.name, names: [a.name],
      lat: a.lat, lon: a.lon, country: cc, admin1: `${cc}.${a1}`, prior: 2, flags: 0,
    };
    fixed.push(e);
    add(a.key, e.idx);
    const bare = stripDivisionWord(a.name, ADMIN2_WORDS);
    if (bare) {
      const bk = placeKey(bare);
      (admin2Bare.get(bk) ?? admin2Bare.set(bk, []).get(bk)!).push(e.idx);
    }
  }
  const base = fixed.length;
  const C = file.cities;
  const n = C.names.length;
  for (let i = 0; i < n; i++) {
    const keys = C.keys[i]!;
    if (keys.includes(';')) for (const k of keys.split(';')) add(k, base + i);
    else add(keys, base + i);
    if (C.flags[i]! & (CITY_FLAG.capital | CITY_FLAG.major)) for (const nm of C.names[i]!.split(';')) commonNames.add(foldKey(nm));
  }
  const cities: (GazEntry | undefined)[] = new Array(n);
  const entry = (idx: number): GazEntry => {
    if (idx < base) return fixed[idx]!;
    const i = idx - base;
    let e = cities[i];
    if (!e) {
      const names = C.names[i]!.split(';');
      const cc = C.cc[i]!, a1 = C.a1[i]!;
      e = {
        idx, geoId: `city:${cc}.${a1}:${names[0]}@${C.lat[i]},${C.lon[i]}`, kind: 'city', name: names[0]!, names,
        lat: C.lat[i]!, lon: C.lon[i]!, country: cc, admin1: `${cc}.${a1}`, prior: cityPrior(C.density[i]!, C.flags[i]!),
        flags: C.flags[i]!,
      };
      cities[i] = e;
    }
    return e;
  };

  let loose: Map<string, number[]> | null = null;
  const looseIndex = () => {
    if (!loose) {
      const idx = new Map<string, number[]>();
      const put = (lk: string, i: number) => {
        const cur = idx.get(lk);
        if (!cur) idx.set(lk, [i]);
        else if (cur[cur.length - 1] !== i) cur.push(i);
      };
      // Countries, divisions and regions: computed here (few); cities: precomputed at build time.
      for (const [k, list] of byKey) for (const i of list) if (i < base) put(looseKey(k), i);
      for (let i = 0; i < n; i++) {
        const lk = C.loose[i] || C.keys[i]!;
        if (lk.includes(';')) for (const k of lk.split(';')) put(k, base + i);
        else put(lk, base + i);
      }
      loose = idx;
    }
    return loose;
  };
  return { entry, size: base + n, byKey, admin2Bare, abbreviations, demonyms, countryByCode, admin1ById, commonNames, looseIndex };
}

/** Entries whose name matches, exactly after folding or else by the loose transliteration key. */
export function lookupKey(name: string): { entries: GazEntry[]; loose: boolean } {
  const g = gazetteer();
  const key = placeKey(name);
  const exact = g.byKey.get(key);
  if (exact?.length) return { entries: exact.map(g.entry), loose: false };
  if (key.length < 5) return { entries: [], loose: false };
  const l = g.looseIndex().get(looseKey(key));
  return { entries: (l ?? []).map(g.entry), loose: true };
}

/** Counties, parishes and districts called that, without their division word. */
export function lookupAdmin2Bare(name: string): GazEntry[] {
  const g = gazetteer();
  return (g.admin2Bare.get(placeKey(name)) ?? []).map(g.entry);
}

/** Places of that name, most important first. */
export function lookupPlace(name: string): GazEntry[] {
  return [...lookupKey(name).entries].sort((a, b) => b.prior - a.prior);
}

/** Country linked to a demonym or adjectival form ("Qatari" → QA), or null. */
export function demonymCountry(word: string): GazEntry | null {
  const g = gazetteer();
  const i = g.demonyms.get(placeKey(word));
  return i === undefined ? null : g.entry(i);
}

/** Folded names of countries, states/provinces and well-known cities (for the NER's gazetteer feature). */
export function placeNameSet(): ReadonlySet<string> {
  return gazetteer().commonNames;
}

/** Whether a lower-cased token or phrase is such a name. A set look-up after folding. */
export function isGazetteerName(lowercased: string): boolean {
  const set = gazetteer().commonNames;
  return set.has(lowercased) || set.has(foldKey(lowercased));
}
