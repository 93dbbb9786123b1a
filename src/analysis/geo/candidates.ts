// Finds gazetteer names in runs of capitalised tokens, without a NER: for end-to-end use before
// one exists and to add recall to one. Demonyms are returned too, typed DEMONYM.
import type { Span } from '../../types.js';
import { tokenize, type Token } from '../../text/segment.js';
import { demonymCountry, gazetteer, isGazetteerName } from './gazetteer.js';
import { placeKey } from './names.js';

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
    'media social global national international federal local regional'
  ).split(' '),
);

const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'maj', 'capt', 'sgt', 'president', 'judge', 'officer', 'detective', 'deputy', 'chief', 'coach', 'pastor', 'rev']);

const isCap = (t: string) => /^\p{Lu}/u.test(t);
const isWord = (t: string) => /^\p{L}/u.test(t);

/** Gazetteer names found in the text, longest match first within each capitalised run. */
export function findPlaceCandidates(text: string, sentences?: Span[]): PlaceCandidate[] {
  const g = gazetteer();
  const toks = tokenize(text);
  const sentenceStarts = new Set<number>();
  if (sentences) for (const s of sentences) sentenceStarts.add(s.start);
  const lowerWords = new Set<string>();
  for (const t of toks) if (/^\p{Ll}/u.test(t.text)) lowerWords.add(t.text);

  const out: PlaceCandidate[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!isCap(toks[i]!.text) || !isWord(toks[i]!.text)) {
      i++;
      continue;
    }
    // The run: capitalised words, possibly joined by inner lower-case words.
    let j = i + 1;
    while (j < toks.length) {
      const t = toks[j]!;
      if (t.start - toks[j - 1]!.end > 1) break;
      if (isCap(t.text) && isWord(t.text)) j++;
      else if (INNER.has(t.text) && j + 1 < toks.length && isCap(toks[j + 1]!.text) && toks[j + 1]!.start - t.end <= 1) j += 2;
      else break;
    }
    const run = toks.slice(i, j);
    const prev = i > 0 ? toks[i - 1]! : null;
    const afterTitle = !!prev && TITLES.has(prev.text.toLowerCase().replace(/\.$/, ''));
    if (!afterTitle) matchRun(run, text, out, sentenceStarts, lowerWords, g);
    i = j;
  }
  return out;
}

function matchRun(
  run: Token[],
  text: string,
  out: PlaceCandidate[],
  sentenceStarts: Set<number>,
  lowerWords: Set<string>,
  g: ReturnType<typeof gazetteer>,
): void {
  let a = 0;
  while (a < run.length) {
    let matched = 0;
    for (let len = Math.min(6, run.length - a); len >= 1; len--) {
      const first = run[a]!, last = run[a + len - 1]!;
      if (!isCap(last.text)) continue;
      const surface = text.slice(first.start, last.end);
      if (len === 1 && rejectSingle(first, sentenceStarts, lowerWords)) continue;
      const key = placeKey(surface);
      if (!key) continue;
      if (g.byKey.has(key)) {
        out.push({ start: first.start, end: last.end, text: surface, type: 'PLACE' });
        matched = len;
        break;
      }
      if (demonymCountry(surface)) {
        out.push({ start: first.start, end: last.end, text: surface, type: 'DEMONYM' });
        matched = len;
        break;
      }
    }
    a += matched || 1;
  }
}

function rejectSingle(t: Token, sentenceStarts: Set<number>, lowerWords: Set<string>): boolean {
  const lower = t.text.toLowerCase();
  if (NOT_PLACES.has(lower)) return true;
  if (t.text.length < 3 && !/^\p{Lu}+$/u.test(t.text)) return true;
  // A word also used in lower case in the same text is a common word ("Mobile", "Reading").
  if (lowerWords.has(lower)) return true;
  // All-capitals words are acronyms, unless they are country codes such as "US"/"UK" or a
  // well-known place written in capitals as datelines are ("WASHINGTON (AP) –").
  if (/^\p{Lu}{2,}$/u.test(t.text) && !/^(US|UK|UAE|USA|DRC|PRC)$/.test(t.text)) {
    return !(t.text.length >= 4 && isGazetteerName(lower));
  }
  void sentenceStarts;
  return false;
}
