// Shape of the committed gazetteer file (models/gazetteer.json.gz) and of its loaded entries.

export const CITY_FLAG = {
  capital: 1,
  major: 2,
  /** Same name as its admin-1 division: usually the division's seat ("Kandahar" in Kandahar). */
  admin1Namesake: 4,
  admin2Namesake: 8,
} as const;

export interface GazetteerFile {
  version: 1;
  sources: string;
  countries: { code: string; names: string[]; lat: number; lon: number; demonyms: string[]; capitals: string[] }[];
  admin1: { id: string; names: string[]; lat: number; lon: number; iso: string | null }[];
  admin2: { id: string; name: string; key: string; lat: number; lon: number }[];
  /** Columns, one row a city. names and keys are ;-separated lists (alternates after the first). */
  cities: {
    names: string[];
    keys: string[];
    /** Loose keys (names.ts looseKey), '' where equal to the exact keys. */
    loose: string[];
    cc: string[];
    a1: string[];
    lat: number[];
    lon: number[];
    /** GeoNames places within about 15 km. */
    density: number[];
    flags: number[];
  };
}

export type PlaceKind = 'country' | 'admin1' | 'admin2' | 'city' | 'region';

export interface GazEntry {
  /** Index in the gazetteer's entry list. */
  idx: number;
  geoId: string;
  kind: PlaceKind;
  name: string;
  names: string[];
  lat: number;
  lon: number;
  country: string;
  /** GeoNames admin-1 id "CC.CODE" (null for countries). */
  admin1: string | null;
  /** Importance prior, larger is more likely to be meant when the name is ambiguous. */
  prior: number;
  flags: number;
}
