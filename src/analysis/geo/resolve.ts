// Chooses, for each place mention, one gazetteer entry. Evidence, in the order it usually decides:
// a ", <country|state>" qualifier right after the name; a feature word ("Kandahar province",
// "the city of X"); the article's country and state focus (most mentioned, demonyms included);
// nearby co-mentioned places (same admin-1, short distance); and the importance prior.
import type { PlaceRef, Span } from '../../types.js';
import { demonymCountry, gazetteer, lookupAdmin2Bare, lookupKey } from './gazetteer.js';
import type { GazEntry } from './model.js';
import { DIVISION_SUFFIXES } from './extra-names.js';
import { looseKey, placeKey, stripDivisionWord } from './names.js';

export interface MentionCandidate extends Span {
  text: string;
  type?: string;
}

/** A resolved place. `adjectival` marks demonyms ("Afghan"): linked to their country but not a
 * place mention. `admin1` is the GeoNames admin-1 id ("AF.32"). */
export interface GeoPlaceRef extends PlaceRef {
  adjectival?: boolean;
  admin1?: string | null;
  score?: number;
}

export interface ResolveOptions {
  sentences?: Span[];
  /** Drop weakly supported places (for candidates that came from the gazetteer scan alone). */
  minScore?: number;
  /** Share of each country among the places of the whole corpus or source (`corpusCountryPrior`):
   * a local paper's "Dublin" is its own state's unless the article says otherwise. */
  countryPrior?: Readonly<Record<string, number>>;
}

/** Country shares over a corpus's resolved places, each article counted once per country (so
 * one long article does not set the prior), countries below 2% dropped as noise. */
export function corpusCountryPrior(perArticle: readonly (readonly PlaceRef[])[]): Record<string, number> {
  const counts = new Map<string, number>();
  let total = 0;
  for (const refs of perArticle) {
    const seen = new Set<string>();
    for (const r of refs) {
      if ((r as GeoPlaceRef).adjectival || !r.country || seen.has(r.country)) continue;
      seen.add(r.country);
    }
    for (const c of seen) counts.set(c, (counts.get(c) ?? 0) + 1 / seen.size);
    if (seen.size) total++;
  }
  const out: Record<string, number> = {};
  for (const [c, n] of counts) if (n / total >= 0.02) out[c] = Math.round((n / total) * 1000) / 1000;
  return out;
}

type Want = 'admin1' | 'admin2' | 'city' | null;

// "Cooke, Grayson and Love counties": every name of the list takes the plural's kind.
const NAME_IN_LIST = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*(?:\s\p{Lu}[\p{L}\p{M}.'’-]*)?`;
const LIST_TAIL = String.raw`(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)${NAME_IN_LIST})*\s+`;
const FEATURE_AFTER: [RegExp, Want][] = [
  [new RegExp(String.raw`^${LIST_TAIL}(?:provinces|states|governorates|regions)\b`, 'u'), 'admin1'],
  [new RegExp(String.raw`^${LIST_TAIL}(?:counties|parishes|districts|boroughs)\b`, 'u'), 'admin2'],
  [/^\s+(?:province|state|governorate|oblast|region|prefecture|department)\b/i, 'admin1'],
  [/^\s+(?:county|parish|district|borough|township)\b/i, 'admin2'],
  [/^\s+(?:city|town|village)\b/i, 'city'],
  [/^,?\s+(?:the\s+)?(?:provincial\s+|regional\s+|state\s+)?capital\b/i, 'city'],
];
const FEATURE_BEFORE: [RegExp, Want][] = [
  [/\b(?:province|state|governorate|region)\s+of\s+(?:the\s+)?$/i, 'admin1'],
  [/\b(?:city|town|village|capital)\s+of\s+$/i, 'city'],
  [/\b(?:provinces|states)\s+of\s+(?:[\p{L}\p{M}' -]+,\s*)*(?:and\s+)?$/iu, 'admin1'],
];

interface Prepared {
  cand: MentionCandidate;
  entries: GazEntry[];
  loose: boolean;
  /** Spelling variants added beside exact matches that are all minor places. */
  variants: Set<GazEntry>;
  want: Want;
  demonym: GazEntry | null;
  qualifier: GazEntry | null;
  stateWord: boolean;
}

const haversineKm = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) => {
  const r = Math.PI / 180;
  const dLat = (b.lat - a.lat) * r, dLon = (b.lon - a.lon) * r;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * r) * Math.cos(b.lat * r) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
};
export { haversineKm };

function qualifierAfter(text: string, end: number): GazEntry | null {
  const m = /^,\s*((?:\p{Lu}[\p{L}\p{M}.]*\.?)(?:\s+\p{Lu}[\p{L}\p{M}.]*\.?){0,2})/u.exec(text.slice(end, end + 40));
  if (!m) return null;
  const g = gazetteer();
  const words = m[1]!.replace(/[.,]$/, (x) => (x === '.' ? '.' : '')).split(/\s+/);
  for (let n = words.length; n >= 1; n--) {
    const q = words.slice(0, n).join(' ');
    const ab = g.abbreviations.get(q.replace(/\s+/g, '')) ?? g.abbreviations.get(q.replace(/\s+/g, '') + '.');
    if (ab !== undefined) return g.entry(ab);
    const found = lookupKey(q.replace(/\.$/, '')).entries.filter((e) => e.kind === 'country' || e.kind === 'admin1');
    if (found.length) return found.sort((a, b) => b.prior - a.prior)[0]!;
  }
  return null;
}

function prepare(text: string, cand: MentionCandidate): Prepared {
  let want: Want = null;
  const after = text.slice(cand.end, cand.end + 80);
  const before = text.slice(Math.max(0, cand.start - 60), cand.start);
  for (const [re, w] of FEATURE_AFTER) if (re.test(after)) { want = w; break; }
  if (!want) for (const [re, w] of FEATURE_BEFORE) if (re.test(before)) { want = w; break; }
  const stateWord = /^\s+state\b/i.test(after);

  let surface = cand.text;
  const g = gazetteer();
  const ab = g.abbreviations.get(surface.replace(/\s+/g, ''));
  let { entries, loose } = ab !== undefined ? { entries: [g.entry(ab)], loose: false } : lookupKey(surface);
  if (!entries.length) {
    // "Kunduz Province", "Helmand province", "Kansas City" not being a name of its own.
    const stripped = stripDivisionWord(surface, [...DIVISION_SUFFIXES, 'city', 'town']);
    if (stripped) {
      const w = /(?:city|town)$/i.test(surface) ? 'city' : /(?:county|parish|district|borough)$/i.test(surface) ? 'admin2' : 'admin1';
      want ??= w as Want;
      surface = stripped;
      ({ entries, loose } = lookupKey(surface));
    }
  } else if (/\s(?:province|governorate|oblast|region|state)$/i.test(surface)) {
    want ??= 'admin1';
  }
  // "Oconee" for Oconee County: a county written without its word ("Platte Co.", "Cooke, Grayson
  // and Love counties", or a name nothing else carries).
  const coAbbrev = /^(.+?)\s+Co\.?$/.exec(surface);
  if (coAbbrev && !entries.length) {
    ({ entries, loose } = lookupKey(coAbbrev[1] + ' County'));
    want ??= 'admin2';
  }
  if (want === 'admin2' || !entries.length) {
    const bare = lookupAdmin2Bare(surface).filter((e) => !entries.includes(e));
    if (bare.length) { entries = [...entries, ...bare]; loose = false; }
  }
  // "US", "UK", "DC": a short all-capitals name is a code of a country or division, not a town.
  if (/^\p{Lu}{2,3}$/u.test(surface) && entries.some((e) => e.kind !== 'city' && e.kind !== 'admin2')) {
    entries = entries.filter((e) => e.kind !== 'city' && e.kind !== 'admin2');
  }
  const demonym = demonymCountry(cand.text);
  // Only hamlets carry the exact spelling ("Uliastai"): the better-known place spelled a little
  // differently ("Uliastay") is a candidate too, at the spelling-variant discount.
  const variants = new Set<GazEntry>();
  if (!loose && entries.length && entries.every((e) => e.kind === 'city' && e.prior < 2)) {
    const key = placeKey(surface);
    if (key.length >= 5) {
      for (const i of gazetteer().looseIndex().get(looseKey(key)) ?? []) {
        const e = g.entry(i);
        if (!entries.includes(e)) { entries = [...entries, e]; variants.add(e); }
      }
    }
  }
  return { cand, entries, loose, variants, want, demonym, qualifier: qualifierAfter(text, cand.end), stateWord };
}

function kindBonus(e: GazEntry, want: Want, surface: string): number {
  let b = 0;
  if (want) {
    if (e.kind === want) b += 8;
    else if (want === 'admin1' && e.kind === 'admin2') b += 2;
    else if (e.kind === 'country') b -= 2;
    else b -= 6;
  }
  // Bare district names ("Aībak" district) are rarely what a text means without "district".
  if (e.kind === 'admin2' && want !== 'admin2' && !/\s(?:county|parish|district|borough|municipality)$/i.test(e.name)) b -= 3;
  if (e.kind === 'admin2' && /\s(?:county|parish|borough)$/i.test(surface)) b += 6;
  return b;
}

// Weights of the context evidence, in prior units (a country is 12, a capital city about 12,
// a small town 1–4): an article about one state pulls its small towns over far-away namesakes.
const W_COUNTRY = 7;
const W_ADMIN1 = 6;
const W_NEAR = 4;
const W_SPATIAL = 4;
const SPATIAL_CAP = 3;
const W_CORPUS = 3;
const W_SPELLING = 2.5;
const W_SEAT = 3;

interface Pick {
  entry: GazEntry;
  score: number;
  margin: number;
  why: string[];
}

// Fast distance for the pairwise scan (equirectangular, good to a few percent under 300 km).
function approxKm(a: GazEntry, b: GazEntry): number {
  const x = (b.lon - a.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180));
  const y = b.lat - a.lat;
  return 111.2 * Math.sqrt(x * x + y * y);
}

/** How close each reading of a name is to some reading of each other name of the article, before
 * any is chosen ("Paris and Henry County": of twelve places called Paris, one lies next to one of
 * the ten Henry Counties). Containment in a state or province reading of another name counts too. */
function spatialSupport(entries: GazEntry[], groups: Prepared[][], nameOf: string[], self: number): number[] {
  const out = new Array<number>(entries.length).fill(0);
  if (entries.length < 2) return out;
  const seen = new Set<string>([nameOf[self]!]);
  for (let j = 0; j < groups.length; j++) {
    if (seen.has(nameOf[j]!)) continue;
    seen.add(nameOf[j]!);
    const other = groups[j]![0]!.entries;
    // A reading of the other name counts as much as it is plausible on its own: a hamlet called
    // "Dallas" near one Paris says less than the city of Dallas near another.
    const top = Math.max(...other.map((o) => o.prior));
    const weight = other.map((o) => Math.exp(-(top - o.prior) / 12));
    entries.forEach((e, k) => {
      if (e.kind === 'country' || e.kind === 'region') return;
      let best = 0;
      for (let m = 0; m < other.length; m++) {
        const o = other[m]!;
        if (o.kind === 'country' || o.kind === 'region' || o === e) continue;
        let f = 0;
        if (o.kind === 'admin1' || e.kind === 'admin1') f = o.admin1 === e.admin1 ? 0.6 : 0;
        else {
          const d = approxKm(e, o);
          f = d < 30 ? 1 : d < 80 ? 0.7 : d < 200 ? 0.3 : 0;
        }
        f *= weight[m]!;
        if (f > best) best = f;
        if (best === 1) break;
      }
      out[k] += best;
    });
  }
  return out;
}

/** Resolve place mentions to gazetteer entries. Demonym candidates come back with `adjectival`. */
export function resolvePlaces(
  text: string,
  candidates: MentionCandidate[],
  context?: ResolveOptions,
): GeoPlaceRef[] {
  const prepared = candidates.map((c) => prepare(text, c));

  // Mentions of one name are decided together (context is per name, not per mention, so that a
  // name repeated ten times does not vote for itself).
  const groups = new Map<string, Prepared[]>();
  for (const p of prepared) {
    if (!p.entries.length) continue;
    const k = `${p.entries.map((e) => e.idx).join(',')}|${p.want ?? ''}|${p.qualifier?.idx ?? ''}|${p.stateWord}`;
    (groups.get(k) ?? groups.set(k, []).get(k)!).push(p);
  }
  const groupList = [...groups.values()];
  // Groups that read the same name differently ("Kandahar province", "Kandahar city") still may
  // not vote for one another.
  const nameOf = groupList.map((ps) => ps[0]!.entries.map((e) => e.idx).join(','));
  // Fixed votes: demonyms and qualifiers.
  const fixedCountry = new Map<string, number>();
  const fixedA1 = new Map<string, number>();
  const inc = (m: Map<string, number>, k: string | null, w: number) => {
    if (k) m.set(k, (m.get(k) ?? 0) + w);
  };
  for (const p of prepared) {
    if (p.demonym) inc(fixedCountry, p.demonym.country, 1);
    if (p.qualifier) {
      inc(fixedCountry, p.qualifier.country, 1);
      if (p.qualifier.kind === 'admin1') inc(fixedA1, p.qualifier.admin1, 1);
    }
  }

  const support = groupList.map((ps, i) => spatialSupport(ps[0]!.entries, groupList, nameOf, i));

  const scoreGroup = (ps: Prepared[], picks: (Pick | null)[], self: number): Pick => {
    const p = ps[0]!;
    // Context from the other names' current picks.
    const cVotes = new Map(fixedCountry);
    const aVotes = new Map(fixedA1);
    let cTotal = [...fixedCountry.values()].reduce((a, b) => a + b, 0);
    let aTotal = [...fixedA1.values()].reduce((a, b) => a + b, 0);
    const others: GazEntry[] = [];
    picks.forEach((q, i) => {
      if (!q || i === self || (self >= 0 && nameOf[i] === nameOf[self])) return;
      const w = Math.min(1, 0.4 + q.margin / 10);
      inc(cVotes, q.entry.country, w);
      cTotal += w;
      if (q.entry.kind !== 'country') {
        inc(aVotes, q.entry.admin1, w);
        aTotal += w;
        others.push(q.entry);
      }
    });
    const sup = self >= 0 ? support[self]! : null;
    // Written with its own diacritics ("Mörön"): the places spelled exactly so come first.
    const surface = p.cand.text.normalize('NFC').toLowerCase();
    const marked = /[^\u0000-\u007f]/.test(surface);
    // A city inside the division of the same name is the name's usual sense (its seat or capital).
    const seatOf = new Set(p.entries.filter((e) => e.kind === 'admin1').map((e) => e.admin1));
    // A name that is also a country or state is that, unless a qualifier or a feature word says
    // otherwise: towns named after them ("Italy", "California") sit near anything in their state.
    const bigName = p.entries.some((e) => e.kind === 'country' || e.kind === 'region' || (e.kind === 'admin1' && e.prior >= 6));
    const minorOfBig = (e: GazEntry) => bigName && (e.kind === 'city' || e.kind === 'admin2');
    const scored = p.entries.map((e, k) => {
      let s = e.prior + kindBonus(e, p.want, p.cand.text);
      const why: string[] = [];
      const damp = !minorOfBig(e);
      if (sup && sup[k]! > 0 && damp) { s += W_SPATIAL * Math.min(SPATIAL_CAP, sup[k]!); if (sup[k]! >= 0.7) why.push('other names of the article have places close by'); }
      if (p.qualifier) {
        const q = p.qualifier;
        const inQ = q.kind === 'country' ? e.country === q.country : e.admin1 === q.admin1;
        if (inQ) { s += 14; why.push(`qualified by ${q.name}`); }
        else s -= 4;
      }
      // A region spans countries: the article's focus counts for it as for the most mentioned one.
      const cs = !cTotal ? 0 : e.kind === 'region' && !e.country ? Math.max(0, ...cVotes.values()) / cTotal : (cVotes.get(e.country) ?? 0) / cTotal;
      if (cs > 0) { s += W_COUNTRY * cs; if (cs >= 0.3) why.push(`article focus on ${e.country}`); }
      if (e.kind !== 'country' && aTotal) {
        const as = (aVotes.get(e.admin1 ?? '') ?? 0) / aTotal;
        if (as > 0) { s += W_ADMIN1 * as; if (as >= 0.2) why.push('same state/province as co-mentioned places'); }
      }
      if (e.kind !== 'country' && others.length) {
        let near = 0;
        for (const o of others) {
          if (o === e) continue;
          const d = haversineKm(o, e);
          if (d < 50) near += 1;
          else if (d < 200) near += 0.5;
        }
        if (near) { s += W_NEAR * Math.min(1, near / Math.max(2, others.length * 0.5)); why.push('near co-mentioned places'); }
      }
      const home = context?.countryPrior?.[e.country] ?? 0;
      if (home > 0) { s += W_CORPUS * home; if (home >= 0.3) why.push(`corpus focus on ${e.country}`); }
      if (p.stateWord && e.kind === 'admin1') { s += 6; why.push('"state" follows'); }
      if (p.loose || p.variants.has(e)) s -= 1;
      if (marked) {
        if (e.names.some((n) => n.normalize('NFC').toLowerCase() === surface)) { s += W_SPELLING; why.push('same diacritics'); }
        else s -= W_SPELLING;
      }
      if (e.kind === 'city' && p.want !== 'admin1' && seatOf.has(e.admin1)) { s += W_SEAT; why.push('seat of the division of that name'); }
      return { e, s, why };
    });
    scored.sort((a, b) => b.s - a.s);
    const best = scored[0]!;
    const margin = scored.length > 1 ? best.s - scored[1]!.s : 10;
    return { entry: best.e, score: best.s, margin, why: best.why };
  };

  // Start from the priors alone, then let the names agree with each other.
  let picks: (Pick | null)[] = groupList.map((ps) => scoreGroup(ps, [], -1));
  for (let iter = 0; iter < 3; iter++) {
    const next = groupList.map((ps, i) => scoreGroup(ps, picks, i));
    const changed = next.some((q, i) => q.entry !== picks[i]?.entry);
    picks = next;
    if (!changed) break;
  }
  const pickOf = new Map<Prepared, Pick>();
  groupList.forEach((ps, i) => ps.forEach((p) => pickOf.set(p, picks[i]!)));

  const out: GeoPlaceRef[] = [];
  for (const p of prepared) {
    const r = pickOf.get(p);
    if (p.demonym && (!r || r.entry.prior < 6)) {
      const c = p.demonym;
      out.push({
        start: p.cand.start, end: p.cand.end, text: p.cand.text, name: c.name, lat: c.lat, lon: c.lon,
        country: c.country || null, kind: c.kind === 'country' ? 'country' : 'other', geoId: c.geoId, confidence: 0.9,
        reason: 'adjectival form of ' + c.name,
        adjectival: true, admin1: null,
      });
      continue;
    }
    if (!r) continue;
    if (context?.minScore !== undefined && r.score < context.minScore) continue;
    const e = r.entry;
    const confidence = Math.max(0.05, Math.min(0.99, (1 - Math.exp(-r.margin / 3)) * (p.loose ? 0.7 : 1) * 0.6 + 0.39));
    const reason = [
      `${e.kind} ${e.name} (${e.country})`,
      p.loose ? 'spelling variant' : null,
      p.want ? `feature word → ${p.want}` : null,
      ...r.why,
      p.entries.length > 1 ? `chosen over ${p.entries.length - 1} other place(s) of that name` : 'only place of that name',
    ]
      .filter(Boolean)
      .join('; ');
    out.push({
      start: p.cand.start, end: p.cand.end, text: p.cand.text, name: e.name, lat: e.lat, lon: e.lon,
      country: e.country, kind: e.kind === 'admin2' || e.kind === 'region' ? 'other' : e.kind, geoId: e.geoId, confidence, reason,
      admin1: e.admin1, score: r.score,
    });
  }
  return out;
}
