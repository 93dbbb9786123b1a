import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { iob1Tags, iobSpans, parseConll } from '../../src/analysis/ner/conll.js';
import { spansOf, tagsOf } from '../../src/analysis/ner/tagger.js';
import { evalNer, scoreSpans } from '../../src/eval/ner.js';

const SAMPLE = `-DOCSTART- -X- O O

Ada NNP I-NP I-PER
Varga NNP I-NP I-PER
visited VBD I-VP O
Dellport NNP I-NP I-LOC
. . O O

The DT I-NP O
Northern NNP I-NP I-ORG
Relief NNP I-NP I-ORG
Agency NNP I-NP I-ORG
agreed VBD I-VP O
. . O O
`;

test('IOB1 parsing, BILOU round trip and IOB1 writing', () => {
  const docs = parseConll(SAMPLE);
  assert.equal(docs.length, 1);
  assert.deepEqual(docs[0]!.gold[0], [
    { start: 0, end: 2, type: 'PER' },
    { start: 3, end: 4, type: 'LOC' },
  ]);
  const spans = docs[0]!.gold[1]!;
  assert.deepEqual(spansOf(tagsOf(6, spans)), spans);
  assert.deepEqual(iob1Tags(6, spans), ['O', 'I-ORG', 'I-ORG', 'I-ORG', 'O', 'O']);
  // Two adjacent names of one type: the second starts with B- in IOB1.
  const two = iobSpans(['I-PER', 'B-PER', 'O']);
  assert.equal(two.length, 2);
  assert.deepEqual(iob1Tags(3, two), ['I-PER', 'B-PER', 'O']);
});

test('exact-span scoring: a boundary or type error counts as both a miss and a false alarm', () => {
  const gold = [[{ start: 0, end: 2, type: 'PER' as const }, { start: 3, end: 4, type: 'LOC' as const }]];
  const pred = [[{ start: 1, end: 2, type: 'PER' as const }, { start: 3, end: 4, type: 'LOC' as const }]];
  const r = scoreSpans([{ gold, pred }]);
  assert.equal(r.overall.correct, 1);
  assert.equal(r.overall.precision, 0.5);
  assert.equal(r.overall.recall, 0.5);
  assert.equal(r.perType.PER!.f1, 0);
  assert.equal(r.perType.LOC!.f1, 1);
});

test('evalNer scores a file and writes predictions as an extra column', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-eval-'));
  const file = join(dir, 'sample.conll');
  writeFileSync(file, SAMPLE);
  const out = join(dir, 'pred.conll');
  const r = await evalNer({ conll: file, out });
  assert.equal(r.tokens, 11);
  assert.equal(r.overall.gold, 3);
  assert.ok(r.overall.f1 > 0.5, `F1 ${r.overall.f1}`);
  const lines = readFileSync(out, 'utf8').split('\n').filter((l) => l && !l.startsWith('-DOCSTART-'));
  assert.equal(lines.length, 11);
  assert.ok(lines.every((l) => l.split(' ').length === 5));
});
