import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentenceContainment, tilingFeatures, TILING_FEATURES } from '../../src/eval/meter/features.js';
import { greedyTiles } from '../../src/eval/meter/tiling.js';
import { fnv1a, gramHash } from '../../src/link/reuse/hash.js';
import { stemWords } from '../../src/link/reuse/stem.js';
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

test('sentenceContainment: a sentence stitched from two wire sentences counts; an own sentence does not', () => {
  const wire = [P.flood1, P.flood2].join('\n\n');
  const ws = words(wire);
  const pa = new Set<number>();
  for (let i = 0; i + 2 <= ws.length; i++) pa.add(gramHash(stemWords(wire, ws).hash, i, 2));
  // First half of one wire sentence joined to the second half of the other, then a sentence of our own.
  const story =
    'Floodwater from the Brenn river reached the market square of Lowmere before the water found a way around its northern end. ' +
    P.own1;
  const f = sentenceContainment(story, stemWords(story, words(story)), pa);
  assert.deepEqual(f, [0.5, 0.5, 0.5]);
  // Sentences under four words are left out rather than counted as uncontained.
  const short = `${P.flood1} Not so.`;
  assert.deepEqual(sentenceContainment(short, stemWords(short, words(short)), pa), [1, 1, 1]);
});

test('tilingFeatures: containment falls as n grows for a reworded story', () => {
  const wire = [P.flood1, P.flood2].join('\n\n');
  const reworded =
    'Floodwater from the Brenn reached the Lowmere market square late on Tuesday, and forty homes along Mill Lane were evacuated. ' +
    'The barrier near the footbridge held for six hours, council engineer Tamsin Oake said.';
  const f = tilingFeatures(reworded, words(reworded), [wire], [words(wire)]);
  const c = (n: number) => f[TILING_FEATURES.indexOf(`stem ${n}-grams contained in PA` as (typeof TILING_FEATURES)[number])]!;
  assert.ok(c(1) > 0.8, `${c(1)}`);
  for (let n = 2; n <= 10; n++) assert.ok(c(n) <= c(n - 1), `n=${n}: ${c(n)} > ${c(n - 1)}`);
  assert.equal(c(10), 0);
});
