// Words of a clean text with their character offsets, folded like foldKey (case, diacritics, NFKC)
// and hashed. Punctuation is dropped: reuse is judged on wording, not on typography.
import { foldKey } from '../../text/normalize.js';
import { fnv1a } from './hash.js';

export interface Words {
  /** Hash of each folded word. */
  hash: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
  length: number;
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;
// Folded word → hash. Bounded so that a long-running process does not grow without limit.
const cache = new Map<string, number>();
const CACHE_MAX = 500_000;

function wordHash(w: string): number {
  let h = cache.get(w);
  if (h !== undefined) return h;
  // ASCII words need only lower-casing; foldKey handles the rest (NFKC, diacritics).
  const folded = /^[\x00-\x7f]*$/.test(w) ? w.toLowerCase() : foldKey(w);
  h = fnv1a(folded);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(w, h);
  return h;
}

export function words(text: string): Words {
  const hs: number[] = [];
  const ss: number[] = [];
  const es: number[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    hs.push(wordHash(m[0]));
    ss.push(m.index);
    es.push(m.index + m[0].length);
  }
  return { hash: Uint32Array.from(hs), start: Uint32Array.from(ss), end: Uint32Array.from(es), length: hs.length };
}

// Function words: a seed made only of them ("one of the most", "as well as the") is no evidence.
const FUNCTION_WORDS = new Set(
  ('the a an of to in on at by for from with and or but as is are was were be been has have had it its ' +
    'this that these those he she they we you i his her their our not no will would could should may ' +
    'can said says than then there which who whom what when where also after before about over into up out')
    .split(' ')
    .map(fnv1a),
);

export function isFunctionWord(h: number): boolean {
  return FUNCTION_WORDS.has(h);
}
