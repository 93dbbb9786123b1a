// Deterministic 32-bit hashing for shingles, MinHash permutations and band keys. Fixed seeds keep
// band keys stable across runs and machines, so an index built yesterday matches today's articles.

/** FNV-1a over UTF-16 code units. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3 finaliser: a cheap bijective mix, used as the family of MinHash permutations. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Order-sensitive combination of a running hash with the next value. */
export function combine(h: number, v: number): number {
  return fmix32((Math.imul(h ^ v, 0x9e3779b1) + 0x7f4a7c15) | 0);
}

/** Hash of `n` consecutive word hashes starting at `at`. */
export function gramHash(words: Uint32Array, at: number, n: number): number {
  let h = 0x2545f491;
  for (let i = 0; i < n; i++) h = combine(h, words[at + i]!);
  return h;
}

export function hex8(n: number): string {
  return (n >>> 0).toString(16).padStart(8, '0');
}
