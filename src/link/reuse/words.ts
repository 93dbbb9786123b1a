// Words of a clean text with their character offsets, folded like foldKey (case, diacritics, NFKC)
// and hashed. Punctuation is dropped: reuse is judged on wording, not on typography.
import { foldKey } from '../../text/normalize.js';
import { fnv1a, gramHash } from './hash.js';

export interface Words {
  /** Hash of each folded word. */
  hash: Uint32Array;
  start: Uint32Array;
  end: Uint32Array;
  length: number;
  /** Cached sorted n-gram tables, by n (see sortedGrams). */
  grams?: Map<number, SortedGrams>;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const WORD_START = /[\p{L}\p{N}]/u;

// Hashing ASCII words inline (lower-casing on the fly) avoids building a string per word; words
// with other characters go through foldKey so that "Café" and "cafe" agree.
export function words(text: string): Words {
  const n = text.length;
  const hs = new Uint32Array(Math.ceil(n / 2) + 1);
  const ss = new Uint32Array(hs.length);
  const es = new Uint32Array(hs.length);
  let count = 0;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const ascii = c < 128;
    if (ascii ? !isAsciiAlnum(c) : !WORD_START.test(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let h = 0x811c9dc5;
    let plain = true;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d < 128) {
        if (!isAsciiAlnum(d)) break;
        h = Math.imul(h ^ (d >= 65 && d <= 90 ? d + 32 : d), 0x01000193);
      } else if (WORD_CHAR.test(text[i]!) || (d >= 0xd800 && d <= 0xdbff && WORD_CHAR.test(text.slice(i, i + 2)))) {
        plain = false;
        if (d >= 0xd800 && d <= 0xdbff) i++;
      } else break;
      i++;
    }
    hs[count] = plain ? h >>> 0 : fnv1a(foldKey(text.slice(start, i)));
    ss[count] = start;
    es[count] = i;
    count++;
  }
  // Copies, not views: the buffers were sized for the worst case (one-letter words), about three
  // times what prose needs, and cached Words would otherwise keep the whole of them alive.
  return { hash: hs.slice(0, count), start: ss.slice(0, count), end: es.slice(0, count), length: count };
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

/** The n-grams of a text as parallel arrays sorted by hash (positions ascending within a hash). */
export interface SortedGrams {
  hash: Uint32Array;
  pos: Uint32Array;
}

export function sortedGrams(w: Words, n: number): SortedGrams {
  const cached = w.grams?.get(n);
  if (cached) return cached;
  const m = Math.max(0, w.length - n + 1);
  // Sort (hash, position) pairs packed in a Float64 key: exact for 32-bit hash × 2^20 positions.
  const keys = new Float64Array(m);
  for (let i = 0; i < m; i++) keys[i] = gramHash(w.hash, i, n) * 1048576 + i;
  keys.sort();
  const hash = new Uint32Array(m);
  const pos = new Uint32Array(m);
  for (let i = 0; i < m; i++) {
    const k = keys[i]!;
    const h = Math.floor(k / 1048576);
    hash[i] = h;
    pos[i] = k - h * 1048576;
  }
  const g = { hash, pos };
  (w.grams ??= new Map()).set(n, g);
  return g;
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
