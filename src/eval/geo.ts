// Geocoding evaluation on LGL (local news toponyms with GeoNames coordinates): accuracy within
// 161 km (100 miles, the usual geoparsing threshold) and mean error, with gold toponym spans
// given ("gold") and end to end with our own candidate recognition ("e2e").
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { segment } from '../text/segment.js';
import {
  corpusCountryPrior, DISCOVERY_MIN_SCORE, findPlaceCandidates, haversineKm, resolvePlaces, type GeoPlaceRef,
} from '../analysis/geo/index.js';

export interface LglToponym { start: number; end: number; phrase: string; lat: number | null; lon: number | null; fcode: string | null }
export interface LglArticle { id: string; text: string; toponyms: LglToponym[] }

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

export function parseLgl(xml: string): LglArticle[] {
  const out: LglArticle[] = [];
  const artRe = /<article docid="([^"]*)">([\s\S]*?)<\/article>/g;
  for (let m = artRe.exec(xml); m; m = artRe.exec(xml)) {
    const body = m[2]!;
    const tm = /<text>(?:<!\[CDATA\[([\s\S]*?)\]\]>|([\s\S]*?))<\/text>/.exec(body);
    const text = tm ? (tm[1] ?? decode(tm[2] ?? '')) : '';
    const toponyms: LglToponym[] = [];
    const topRe = /<toponym>([\s\S]*?)<\/toponym>/g;
    for (let t = topRe.exec(body); t; t = topRe.exec(body)) {
      const tb = t[1]!;
      const get = (tag: string) => new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`).exec(tb)?.[1] ?? null;
      const lat = get('lat'), lon = get('lon');
      toponyms.push({
        start: Number(get('start')), end: Number(get('end')), phrase: decode(get('phrase') ?? ''),
        lat: lat === null ? null : Number(lat), lon: lon === null ? null : Number(lon), fcode: get('fcode'),
      });
    }
    out.push({ id: m[1]!, text, toponyms });
  }
  return out;
}

export interface GeoScores {
  toponyms: number;
  /** Toponyms with gold coordinates (the denominator of accuracy). */
  withCoords: number;
  resolved: number;
  acc161: number;
  meanErrorKm: number;
  medianErrorKm: number;
}

export interface GeoEvalResult {
  articles: number;
  gold?: GeoScores & { byFeature: Record<string, { n: number; acc161: number }> };
  e2e?: GeoScores & { found: number; precision: number; recall: number; f1: number; matched: number };
  ms: number;
}

// An unresolved toponym counts as wrong and, for the mean, as half the Earth's circumference away
// would dominate everything; we use 20,000 km / 10 (2,000 km) as a capped penalty for the mean.
const MISS_KM = 2000;

function summarise(errors: (number | null)[], toponyms: number): GeoScores {
  const withCoords = errors.length;
  const got = errors.filter((e): e is number => e !== null);
  const capped = errors.map((e) => (e === null ? MISS_KM : Math.min(e, 20000)));
  const sorted = [...capped].sort((a, b) => a - b);
  return {
    toponyms,
    withCoords,
    resolved: got.length,
    acc161: withCoords ? got.filter((e) => e <= 161).length / withCoords : 0,
    meanErrorKm: withCoords ? capped.reduce((a, b) => a + b, 0) / withCoords : 0,
    medianErrorKm: sorted.length ? sorted[Math.floor(sorted.length / 2)]! : 0,
  };
}

export async function evalGeo(opts: { lgl: string; mode?: 'gold' | 'e2e' | 'both'; limit?: number; corpusPrior?: boolean }): Promise<GeoEvalResult> {
  const t0 = performance.now();
  let articles = parseLgl(readFileSync(opts.lgl, 'utf8'));
  if (opts.limit) articles = articles.slice(0, opts.limit);
  const mode = opts.mode ?? 'both';
  const result: GeoEvalResult = { articles: articles.length, ms: 0 };

  if (mode !== 'e2e') {
    const errors: (number | null)[] = [];
    const byFeature: Record<string, { n: number; ok: number }> = {};
    let n = 0;
    const goldCands = (a: LglArticle) =>
      a.toponyms.map((t) => ({ start: t.start, end: t.end, text: a.text.slice(t.start, t.end) || t.phrase, type: 'PLACE' }));
    // The corpus prior comes from a first pass over the same articles (no gold coordinates used).
    const countryPrior = opts.corpusPrior === false ? undefined : corpusCountryPrior(articles.map((a) => resolvePlaces(a.text, goldCands(a))));
    for (const a of articles) {
      const refs = resolvePlaces(a.text, goldCands(a), { sentences: segment(a.text).sentences, countryPrior });
      const byStart = new Map<string, GeoPlaceRef>();
      for (const r of refs) byStart.set(`${r.start}:${r.end}`, r);
      for (const t of a.toponyms) {
        n++;
        if (t.lat === null || t.lon === null) continue;
        const r = byStart.get(`${t.start}:${t.end}`);
        const err = r ? haversineKm(r, { lat: t.lat, lon: t.lon }) : null;
        errors.push(err);
        const f = (byFeature[t.fcode ?? '?'] ??= { n: 0, ok: 0 });
        f.n++;
        if (err !== null && err <= 161) f.ok++;
      }
    }
    const feats: Record<string, { n: number; acc161: number }> = {};
    for (const [k, v] of Object.entries(byFeature)) if (v.n >= 10) feats[k] = { n: v.n, acc161: round(v.ok / v.n) };
    result.gold = { ...roundScores(summarise(errors, n)), byFeature: feats };
  }

  if (mode !== 'gold') {
    const errors: (number | null)[] = [];
    let found = 0, matchedFound = 0, goldTotal = 0, goldMatched = 0;
    const scanned = articles.map((a) => {
      const sentences = segment(a.text).sentences;
      return { sentences, cands: findPlaceCandidates(a.text, sentences) };
    });
    const countryPrior =
      opts.corpusPrior === false ? undefined : corpusCountryPrior(articles.map((a, i) => resolvePlaces(a.text, scanned[i]!.cands, { minScore: DISCOVERY_MIN_SCORE })));
    for (const [i, a] of articles.entries()) {
      const { sentences, cands } = scanned[i]!;
      const refs = resolvePlaces(a.text, cands, { sentences, minScore: DISCOVERY_MIN_SCORE, countryPrior }).filter((r) => !r.adjectival);
      found += refs.length;
      const overlaps = (r: { start: number; end: number }, t: { start: number; end: number }) => r.start < t.end && t.start < r.end;
      for (const r of refs) if (a.toponyms.some((t) => overlaps(r, t))) matchedFound++;
      for (const t of a.toponyms) {
        goldTotal++;
        const r = refs.find((x) => overlaps(x, t));
        if (r) goldMatched++;
        if (r && t.lat !== null && t.lon !== null) errors.push(haversineKm(r, { lat: t.lat, lon: t.lon }));
      }
    }
    const s = summarise(errors, goldTotal);
    const precision = found ? matchedFound / found : 0;
    const recall = goldTotal ? goldMatched / goldTotal : 0;
    result.e2e = {
      ...roundScores(s), found, matched: goldMatched, precision: round(precision), recall: round(recall),
      f1: round(precision + recall ? (2 * precision * recall) / (precision + recall) : 0),
    };
  }
  result.ms = Math.round(performance.now() - t0);
  return result;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
function roundScores(s: GeoScores): GeoScores {
  return { ...s, acc161: round(s.acc161), meanErrorKm: Math.round(s.meanErrorKm), medianErrorKm: Math.round(s.medianErrorKm) };
}

function formatScores(label: string, s: GeoScores): string {
  return `${label}: acc@161km ${(s.acc161 * 100).toFixed(1)}% of ${s.withCoords} toponyms with coordinates, mean error ${s.meanErrorKm} km (misses count ${MISS_KM} km), median ${s.medianErrorKm} km`;
}

export function registerEvalGeo(evalCmd: Command): Command {
  return evalCmd
    .command('geo')
    .description(
      'Geocoding accuracy on LGL: within 161 km and mean error, with gold spans and end to end.\n' +
        'Example: triangulate eval geo --lgl ../shared/corpora/geo/lgl.xml --json',
    )
    .requiredOption('--lgl <file>', 'LGL corpus (lgl.xml)')
    .option('--mode <mode>', 'gold | e2e | both', 'both')
    .option('--limit <n>', 'first n articles only', (v) => Number(v))
    .option('--no-corpus-prior', 'resolve each article alone (no country prior from the rest of the corpus)')
    .option('--json', 'print the result as JSON')
    .action(async (o: { lgl: string; mode: 'gold' | 'e2e' | 'both'; limit?: number; json?: boolean; corpusPrior: boolean }) => {
      const r = await evalGeo({ lgl: o.lgl, mode: o.mode, limit: o.limit, corpusPrior: o.corpusPrior });
      if (o.json) {
        console.log(JSON.stringify(r, null, 2));
        return;
      }
      console.log(`LGL: ${r.articles} articles, ${r.ms} ms`);
      if (r.gold) console.log(formatScores('gold spans', r.gold));
      if (r.e2e) {
        console.log(formatScores('end to end (matched spans)', r.e2e));
        console.log(`end to end spans: precision ${(r.e2e.precision * 100).toFixed(1)}%, recall ${(r.e2e.recall * 100).toFixed(1)}%, F1 ${(r.e2e.f1 * 100).toFixed(1)}% (${r.e2e.found} found)`);
      }
    });
}
