// Places on the map, offline: gazetteer look-up, candidate recognition and disambiguation.
import type { Mention, Span } from '../../types.js';
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

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The pipeline's place layer from the tagger's mentions: its PLACE mentions, plus gazetteer names
 * it did not tag, kept when the article supports them (score ≥ DISCOVERY_MIN_SCORE). A name the
 * tagger took for a person or other thing with exactly the gazetteer span is kept as a place only
 * when a title does not precede it and it resolves into a country that at least a quarter of the
 * article's other places are in, with a multi-word name or a strong score ("Khovd and Naranbulag"). */
export function placesFromMentions(text: string, sentences: Span[], mentions: readonly Mention[]): GeoPlaceRef[] {
  const tagged = mentions;
  const named = mentions.filter((m) => m.type === 'PLACE' && (!m.via || m.via === 'ner'));
  const scan = findPlaceCandidates(text, sentences);
  const free = scan.filter((c) => !tagged.some((m) => overlaps(m, c)));
  const contested = scan.filter(
    (c) => c.type === 'PLACE' && tagged.some((m) => m.type !== 'PLACE' && m.type !== 'ORG' && m.start === c.start && m.end === c.end && !m.roles?.length),
  );
  const fromScan = new Set([...free, ...contested].map((c) => `${c.start}:${c.end}`));
  const contestedKeys = new Set(contested.map((c) => `${c.start}:${c.end}`));
  const refs = resolvePlaces(text, [...named, ...free, ...contested], { sentences });
  const counts = new Map<string, number>();
  let total = 0;
  for (const r of refs) {
    if (contestedKeys.has(`${r.start}:${r.end}`) || !r.country) continue;
    counts.set(r.country, (counts.get(r.country) ?? 0) + 1);
    total++;
  }
  return refs.filter((p) => {
    const k = `${p.start}:${p.end}`;
    if (!fromScan.has(k)) return true;
    const score = p.score ?? 0;
    if (!contestedKeys.has(k)) return score >= DISCOVERY_MIN_SCORE;
    const share = total && p.country ? (counts.get(p.country) ?? 0) / total : 0;
    return share >= 0.25 && score >= DISCOVERY_MIN_SCORE && (/\s/.test(p.text) || score >= DISCOVERY_MIN_SCORE + 4);
  });
}
