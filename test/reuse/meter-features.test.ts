import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fitSoftmax, meterFeatures, METER_FEATURES, softmaxProbs } from '../../src/eval/reuse.js';
import { stem, stemWords } from '../../src/link/reuse/stem.js';
import { words } from '../../src/link/reuse/words.js';
import { align } from '../../src/link/reuse/align.js';
import { P } from './fixtures.js';

test('stem: inflections and number words meet', () => {
  assert.equal(stem('jailed'), stem('jailing'));
  assert.equal(stem('stopped'), stem('stop'));
  assert.equal(stem('ferries'), stem('ferry'));
  assert.equal(stem('boxes'), stem('box'));
  assert.equal(stem('seven'), '7');
  assert.equal(stem('glass'), 'glass');
  assert.notEqual(stem('bridge'), stem('bride'));
});

test('stemWords: a rewrite with other inflections aligns as stems, not as words', () => {
  const a = 'The magistrates jailed the ferry skipper for seven months after hearing that he sailed without lights.';
  const b = 'Magistrates jailing a ferry skipper for 7 months after hearing he sails without lights is unusual.';
  const wa = words(a);
  const wb = words(b);
  const opt = { seed: 2, maxGap: 6, maxShift: 4, minWords: 3, maxRepeat: 4 };
  const plain = align(wa, wb, opt).reduce((n, p) => n + p.matchedB, 0);
  const stemmed = align(stemWords(a, wa), stemWords(b, wb), opt).reduce((n, p) => n + p.matchedB, 0);
  assert.ok(stemmed > plain, `stems ${stemmed}, words ${plain}`);
});

test('meterFeatures: a story copied from the wire scores above one that only quotes it', () => {
  const wire = [P.flood1, P.flood2, P.quote, P.flood3].join('\n\n');
  const copied = [P.flood1, P.flood2, P.own1].join('\n\n');
  const quoting = [P.own1, P.quote, P.own2].join('\n\n');
  const f = (t: string) => meterFeatures(words(t), [words(wire)], t, [wire]);
  const fc = f(copied);
  const fq = f(quoting);
  assert.equal(fc.length, METER_FEATURES.length);
  const at = (name: (typeof METER_FEATURES)[number]) => METER_FEATURES.indexOf(name);
  assert.ok(fc[at('longest passage share')]! > fq[at('longest passage share')]!);
  assert.ok(fc[at('unquoted words in passages')]! > 0.5);
  assert.ok(fq[at('unquoted words in passages')]! < 0.1, `${fq[at('unquoted words in passages')]}`);
  assert.ok(fq[at('quoted share of the story')]! > 0.2);
  assert.ok(fc[at('covered by common stem runs of 12+ words')]! > 0.5);
});

test('fitSoftmax separates three classes on one feature', () => {
  const X = [[0], [0.1], [0.2], [0.5], [0.55], [0.6], [0.9], [1], [0.95]];
  const y = [2, 2, 2, 1, 1, 1, 0, 0, 0];
  const m = fitSoftmax(X, y, 3, 0.001, 800);
  const argmax = (x: number) => {
    const p = softmaxProbs(m, [x]);
    return p.indexOf(Math.max(...p));
  };
  assert.deepEqual([0.05, 0.52, 0.97].map(argmax), [2, 1, 0]);
});
