import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tilingFeatures, TILING_FEATURES } from '../../src/eval/meter/features.js';
import { greedyTiles } from '../../src/eval/meter/tiling.js';
import { fnv1a } from '../../src/link/reuse/hash.js';
import { words } from '../../src/link/reuse/words.js';
import { P } from './fixtures.js';

const h = (s: string) => Uint32Array.from(s.split(' ').map(fnv1a));

test('greedyTiles: longest runs first, each word in one tile at most', () => {
  // The story repeats "red kite over" but the source says it once: only one copy is tiled.
  const tiles = greedyTiles(h('a red kite over the moor and a red kite over'), h('saw a red kite over the moor today'), 2);
  assert.deepEqual(tiles.map((t) => [t.a, t.b, t.length]), [[0, 1, 6]]);
  // Longest first: the 4-word run is tiled before the 2-word one that shares its words.
  const t2 = greedyTiles(h('x y p q r s'), h('p q r s z x y'), 2);
  assert.deepEqual(t2.map((t) => t.length), [4, 2]);
  assert.deepEqual(greedyTiles(h('one two'), h('two one'), 2), []);
});

test('tilingFeatures: a wire copy is tiled, a story that only quotes the wire mostly inside quotes', () => {
  const wire = [P.flood1, P.flood2, P.quote, P.flood3].join('\n\n');
  const copied = [P.flood1, P.flood2, P.own1].join('\n\n');
  const quoting = [P.own1, P.quote, P.own2].join('\n\n');
  const f = (t: string) => tilingFeatures(t, words(t), [wire], [words(wire)]);
  const fc = f(copied);
  const fq = f(quoting);
  assert.equal(fc.length, TILING_FEATURES.length);
  const at = (name: (typeof TILING_FEATURES)[number]) => TILING_FEATURES.indexOf(name);
  assert.ok(fc[at('tiled share, tiles of 8+ words')]! > 0.5);
  assert.ok(fc[at('tiled share, tiles of 8+ words')]! > fq[at('tiled share, tiles of 8+ words')]!);
  assert.ok(fq[at('quoted share of tiled words (3+)')]! > 0.8, `${fq[at('quoted share of tiled words (3+)')]}`);
  assert.ok(fc[at('quoted share of tiled words (3+)')]! < 0.1);
  assert.ok(fc[at('sentences with a PA sentence sharing 80% of their content stems')]! > 0.6);
  assert.ok(fq[at('sentences with a PA sentence sharing 80% of their content stems')]! < 0.5);
  assert.equal(fc[at('stem 1-grams contained in PA')]! >= fc[at('stem 5-grams contained in PA')]!, true);
});
