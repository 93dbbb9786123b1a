// Greedy string tiling (Wise's GST), the reuse measure of the METER papers: take the longest
// common run of words not yet covered on either side, mark it as a tile, repeat until no run of
// the minimum length is left. Unlike counting shared n-grams, a word of either text belongs to at
// most one tile, so a phrase the PA copy says once cannot explain three occurrences in the story.

/** A tile: `length` words from position `a` of the story and position `b` of the source. */
export interface Tile {
  a: number;
  b: number;
  length: number;
}

/** Tiles of at least `minLen` words between word-hash sequences, longest first. Because the
 * longest runs are tiled first, the tiles of length >= m are those a run with minimum m would find:
 * one run with a small minimum serves every larger one. */
export function greedyTiles(story: Uint32Array, source: Uint32Array, minLen = 2): Tile[] {
  const usedA = new Uint8Array(story.length);
  const usedB = new Uint8Array(source.length);
  // Positions of each word in the source: only pairs that start with the same word are extended.
  const at = new Map<number, number[]>();
  source.forEach((h, j) => {
    const l = at.get(h);
    if (l) l.push(j);
    else at.set(h, [j]);
  });
  const tiles: Tile[] = [];
  for (;;) {
    let max = minLen;
    let found: Tile[] = [];
    for (let i = 0; i + max <= story.length; i++) {
      if (usedA[i]) continue;
      const js = at.get(story[i]!);
      if (!js) continue;
      for (const j of js) {
        if (usedB[j]) continue;
        let k = 0;
        while (i + k < story.length && j + k < source.length && !usedA[i + k] && !usedB[j + k] && story[i + k] === source[j + k]) k++;
        if (k > max) {
          max = k;
          found = [{ a: i, b: j, length: k }];
        } else if (k === max) found.push({ a: i, b: j, length: k });
      }
    }
    if (!found.length) return tiles;
    for (const t of found) {
      let free = true;
      for (let k = 0; k < t.length && free; k++) free = !usedA[t.a + k] && !usedB[t.b + k];
      if (!free) continue;
      usedA.fill(1, t.a, t.a + t.length);
      usedB.fill(1, t.b, t.b + t.length);
      tiles.push(t);
    }
  }
}
