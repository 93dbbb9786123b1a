// Places on the map, offline: gazetteer look-up, candidate recognition and disambiguation.
import type { Span } from '../../types.js';
import { findPlaceCandidates } from './candidates.js';
import { resolvePlaces, type GeoPlaceRef } from './resolve.js';

export { findPlaceCandidates, type PlaceCandidate } from './candidates.js';
export { resolvePlaces, corpusCountryPrior, haversineKm, type GeoPlaceRef, type MentionCandidate, type ResolveOptions } from './resolve.js';
export { lookupPlace, demonymCountry, placeNameSet, isGazetteerName, gazetteer } from './gazetteer.js';
export { placeKey, looseKey } from './names.js';
export type { GazEntry } from './model.js';

/** Below this score a name found by the gazetteer scan alone is more often a common word or a
 * person than a place (a small town with no support from the rest of the article). */
export const DISCOVERY_MIN_SCORE = 4;

/** End to end: scan the text for place names and resolve them. Demonyms are included with
 * `adjectival: true`; filter them out to count place mentions. */
export function extractPlaces(text: string, sentences?: Span[]): GeoPlaceRef[] {
  const cands = findPlaceCandidates(text, sentences);
  return resolvePlaces(text, cands, { sentences, minScore: DISCOVERY_MIN_SCORE });
}
