// Finds gazetteer names in runs of capitalised tokens, without a NER: for end-to-end use before
// one exists and to add recall to one. Demonyms are returned too, typed DEMONYM.
import type { Span } from '../../types.js';
import { tokenize, type Token } from '../../text/segment.js';
import { demonymCountry, gazetteer, isGazetteerName } from './gazetteer.js';
import { looseKey, placeKey } from './names.js';

export interface PlaceCandidate extends Span {
  text: string;
  /** "PLACE" for a gazetteer name, "DEMONYM" for an adjectival form of a country. */
  type?: string;
}

// Lower-case words allowed inside a multi-word name ("Bosnia and Herzegovina", "Rio de Janeiro").
const INNER = new Set(['of', 'de', 'del', 'da', 'do', 'dos', 'la', 'le', 'les', 'el', 'al', 'and', 'upon', 'on', 'du', 'di', 'the', 'e', 'i']);

// Capitalised words that are almost never meant as places although some gazetteer place carries
// the name: function words at a sentence start, months, days, titles, common nouns and first names.
const NOT_PLACES = new Set(
  (
    'the a an this that these those he she it we they i you his her its our their there here then when where what who why how ' +
    'but and or if so as at by for from in into of on to with without after before during since until while also ' +
    'mr mrs ms dr gen sen rep gov president minister secretary general officials official police army ' +
    'january february march april may june july august september october november december ' +
    'monday tuesday wednesday thursday friday saturday sunday today tomorrow yesterday ' +
    'north south east west northern southern eastern western central ' +
    'god church city county state province district street road avenue university college school hospital ' +
    'news times post press office department court center centre park lake river mountain island ' +
    'will can said says just more most best many much one two three first last new old good great ' +
    'reuters ap afp bbc cnn internet online taliban christmas easter ramadan eid ' +
    'john james david michael mary paul mark george charles victoria florence jackson lincoln ' +
    'union independence liberty hope faith unity progress commerce friendship ' +
    'another some many several both each every all no such other former nearby downtown metropolitan greater suburban ' +
    'media social global national international federal local regional olympic superior northeast northwest ' +
    'southeast southwest midwest gulf council force officer energy none over justice spring ridge man white house ' +
    'senate congress capitol pentagon kremlin parliament assembly republican democrat democrats republicans'
  ).split(' '),
);

const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'maj', 'capt', 'sgt', 'president', 'judge', 'officer', 'detective', 'deputy', 'chief', 'coach', 'pastor', 'rev']);

const POSSESSIVE_RE = /['’]s$/;
// "Atlanta-area", "Kabul-based": a name with a lower-case suffix joined by a hyphen.
const COMPOUND_RE = /^(\p{Lu}[\p{L}\p{M}]*)-\p{Ll}/u;
const isCap = (t: string) => /^\p{Lu}/u.test(t);
const isWord = (t: string) => /^\p{L}/u.test(t);

/** Gazetteer names found in the text, longest match first within each capitalised run. */
// Words that make a capitalised run an organisation, facility or division name rather than a
// person's name: a place inside such a run ("Alexandria Police Department") is still a place.
const NAMED_THING = new Set(
  (
    'police department office county parish city town village district province state university college school ' +
    'hospital church airport street road avenue boulevard highway park river lake bay mountain valley island beach ' +
    'council board court committee center centre station hall bank company corporation club team high middle ' +
    'elementary academy library museum fire sheriff army base camp border bridge square market mall times post news ' +
    'herald tribune gazette journal daily chronicle courier press radio tv region area township borough'
  ).split(' '),
);

/** Gazetteer names found in the text, longest match first within each capitalised run. */
export function findPlaceCandidates(text: string, sentences?: Span[]): PlaceCandidate[] {
  const g = gazetteer();
  const toks = tokenize(text);
  const lowerWords = new Set<string>();
  for (const t of toks) if (/^\p{Ll}/u.test(t.text)) lowerWords.add(t.text);
  void sentences;

  // Capitalised runs.
  const runs: { toks: Token[]; afterTitle: boolean; personLike: boolean }[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!isCap(toks[i]!.text) || !isWord(toks[i]!.text)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < toks.length) {
      const t = toks[j]!;
      if (t.start - toks[j - 1]!.end > 1 || POSSESSIVE_RE.test(toks[j - 1]!.text)) break;
      if (isCap(t.text) && isWord(t.text)) j++;
      else if (INNER.has(t.text) && j + 1 < toks.length && isCap(toks[j + 1]!.text) && toks[j + 1]!.start - t.end <= 1) j += 2;
      else break;
    }
    // A capitalised function word or common word at the start is not part of the name ("In Gainesville").
    let k = i;
    while (k < j - 1 && NOT_PLACES.has(toks[k]!.text.toLowerCase())) k++;
    const run = toks.slice(k, j);
    const prev = k > 0 ? toks[k - 1]! : null;
    const afterTitle = !!prev && TITLES.has(prev.text.toLowerCase().replace(/\.$/, ''));
    // Two or three plain capitalised words with no organisation or division word: a person's
    // name ("Linda Jones") unless the whole run is a place name ("Baton Rouge").
    const words = run.filter((t) => isCap(t.text));
    // At a sentence start the first word is capitalised anyway ("Another Gainesville firm").
    const atSentenceStart = /(?:^|[.!?]["”’']?\s+|\n\s*)$/.test(text.slice(Math.max(0, run[0]!.start - 4), run[0]!.start));
    const personLike =
      !(atSentenceStart && words.length === 2 && lowerWords.has(run[0]!.text.toLowerCase())) &&
      words.length >= 2 && words.length <= 4 &&
      !run.some((t) => NAMED_THING.has(t.text.toLowerCase()) || /^\p{Lu}{2,}$/u.test(t.text)) &&
      !g.byKey.has(placeKey(text.slice(run[0]!.start, run[run.length - 1]!.end)));
    runs.push({ toks: run, afterTitle, personLike });
    i = j;
  }
  // Words seen in person-like runs or after a title are people's names anywhere in this text.
  // (Surnames: the last word of a person-like run, all words after a title.)
  const personWords = new Set<string>();
  for (const r of runs) {
    if (r.afterTitle) for (const t of r.toks) if (isCap(t.text)) personWords.add(t.text);
    if (r.personLike) personWords.add(r.toks[r.toks.length - 1]!.text);
  }

  // Last words of longer names ("the Front" after "the Highland Accord Front"): short forms of an
  // organisation or feature named in full elsewhere in the text.
  const tailWords = new Set<string>();
  for (const r of runs) {
    const caps = r.toks.filter((t) => isCap(t.text));
    if (caps.length >= 2 && !g.byKey.has(placeKey(text.slice(r.toks[0]!.start, r.toks[r.toks.length - 1]!.end)))) tailWords.add(caps[caps.length - 1]!.text);
  }
  const out: PlaceCandidate[] = [];
  for (const r of runs) {
    if (r.afterTitle) continue;
    matchRun(r.toks, text, out, lowerWords, personWords, tailWords, r.personLike, g);
  }
  addAbbreviatedStates(text, out, g);
  return out.sort((a, b) => a.start - b.start);
}

function matchRun(
  run: Token[],
  text: string,
  out: PlaceCandidate[],
  lowerWords: Set<string>,
  personWords: Set<string>,
  tailWords: Set<string>,
  personLike: boolean,
  g: ReturnType<typeof gazetteer>,
): void {
  let a = 0;
  while (a < run.length) {
    let matched = 0;
    for (let len = Math.min(6, run.length - a); len >= 1; len--) {
      const first = run[a]!;
      let last = run[a + len - 1]!;
      if (!isCap(last.text)) continue;
      // "Kabul's", "Atlanta-area": the name without the possessive or the compound's tail.
      const tail = POSSESSIVE_RE.exec(last.text) ?? (len === 1 ? COMPOUND_RE.exec(last.text) : null);
      if (tail) {
        const cut = tail.index === 0 ? tail[1]!.length : tail.index;
        last = { text: last.text.slice(0, cut), start: last.start, end: last.start + cut };
      }
      const surface = text.slice(first.start, last.end);
      const key = placeKey(surface);
      if (!key) continue;
      const isDemonym = !!demonymCountry(surface);
      if (len === 1 && !isDemonym) {
        if (rejectSingle(first, lowerWords)) continue;
        // Part of a person's name, here or elsewhere in the text, unless a country or state.
        const surnamePos = personLike;
        if ((surnamePos || personWords.has(first.text)) && !strongName(key, g)) continue;
        if (tailWords.has(first.text) && !strongName(key, g)) continue;
        if (/^\s+(?:said|says|told|added|asked|wrote)\b/.test(text.slice(last.end, last.end + 8)) && !strongName(key, g)) continue;
      }
      if (g.byKey.has(key)) {
        out.push({ start: first.start, end: last.end, text: surface, type: 'PLACE' });
        matched = len;
        break;
      }
      if (isDemonym) {
        out.push({ start: first.start, end: last.end, text: surface, type: 'DEMONYM' });
        matched = len;
        break;
      }
      // Transliteration variants ("Ölgii" for "Olgiy"), for longer names only.
      if (key.length >= 5 && !personLike && g.looseIndex().has(looseKey(key))) {
        out.push({ start: first.start, end: last.end, text: surface, type: 'PLACE' });
        matched = len;
        break;
      }
    }
    a += matched || 1;
  }
}

/** A name that is a country, state/province, region or large city: kept even where it looks
 * like part of a person's name ("Georgia", "Jordan" are judged by the resolver). */
function strongName(key: string, g: ReturnType<typeof gazetteer>): boolean {
  return (g.byKey.get(key) ?? []).some((i) => {
    const e = g.entry(i);
    return e.kind === 'country' || e.kind === 'region' || e.prior >= 7.5 || (e.kind === 'admin1' && ENGLISH_STATES.has(e.country));
  });
}

// Countries whose states and provinces English-language news names often enough that a state name
// inside a longer capitalised run is still taken as a place ("North Texas", "Texas Rangers").
const ENGLISH_STATES = new Set(['US', 'CA', 'AU', 'GB', 'IN', 'NG', 'PK', 'AF', 'IQ', 'MX']);

function rejectSingle(t: Token, lowerWords: Set<string>): boolean {
  const lower = t.text.toLowerCase();
  if (NOT_PLACES.has(lower)) return true;
  if (t.text.length < 3 && !/^\p{Lu}+$/u.test(t.text)) return true;
  // All-capitals words are acronyms, unless they are country codes such as "US"/"UK" or a
  // well-known place written in capitals as datelines are ("WASHINGTON (AP) –").
  if (/^\p{Lu}{2,}$/u.test(t.text)) {
    if (/^(US|UK|UAE|USA|DRC|PRC)$/.test(t.text)) return false;
    return !(t.text.length >= 4 && isGazetteerName(lower));
  }
  // A word also used in lower case in the same text is a common word ("Mobile", "Reading").
  if (lowerWords.has(lower)) return true;
  return false;
}

// ", Ill." / ", W.Va." / ", TX" right after a name: a state written as its abbreviation.
const ABBREV_RE = /,\s+((?:\p{Lu}\p{Ll}{0,4}\.\s?){1,3}|\p{Lu}{2})(?=[\s,;:)]|$)/gu;

function addAbbreviatedStates(text: string, out: PlaceCandidate[], g: ReturnType<typeof gazetteer>): void {
  ABBREV_RE.lastIndex = 0;
  for (let m = ABBREV_RE.exec(text); m; m = ABBREV_RE.exec(text)) {
    const raw = m[1]!.trimEnd();
    const start = m.index + m[0].indexOf(raw);
    const end = start + raw.length;
    if (out.some((c) => c.start < end && start < c.end)) continue;
    // Two-letter codes only after a place name ("Springfield, IL"), dotted forms anywhere.
    const compact = raw.replace(/\s+/g, '');
    if (!g.abbreviations.has(compact)) continue;
    if (!raw.includes('.') && !out.some((c) => c.end === m!.index)) continue;
    out.push({ start, end, text: raw, type: 'PLACE' });
  }
}
