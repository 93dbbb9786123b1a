import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  articleReuse,
  comparePair,
  direction,
  independentReports,
  linkReuse,
  outletOriginality,
  prepare,
  quotationSpans,
  reuseFamilies,
} from '../../src/link/reuse/index.js';
import { MemoryReuseStore } from '../../src/link/reuse/memory-store.js';
import type { ReusePair } from '../../src/types.js';
import { art, P } from './fixtures.js';

const wire = art('wire', [P.flood1, P.flood2, P.flood3, P.flood4], { published: '2031-05-06', outlet: 'Wire' });

test('copied paragraphs are found with their spans and the earlier article as source', () => {
  const paper = art('paper', [P.own1, P.flood2, P.own2, P.flood3, P.own3], { published: '2031-05-07', outlet: 'Paper' });
  const p = comparePair(prepare(paper), prepare(wire));
  assert.ok(p);
  assert.equal(p.kind, 'copied');
  assert.equal(p.source, 'wire');
  assert.equal(p.target, 'paper');
  assert.match(p.direction, /published 2031-05-06 before 2031-05-07/);
  const got = p.passages.map((x) => paper.text.slice(x.targetStart, x.targetEnd)).sort();
  assert.deepEqual(got, [P.flood2.slice(0, -1), P.flood3.slice(0, -1)].sort());
  for (const x of p.passages) {
    assert.equal(wire.text.slice(x.sourceStart, x.sourceEnd), paper.text.slice(x.targetStart, x.targetEnd));
    assert.equal(x.similarity, 1);
  }
  assert.ok(p.targetShare > 0.3 && p.targetShare < 0.5, `share ${p.targetShare}`);
});

test('reordered paragraphs with light edits are still found', () => {
  const edited3 = P.flood3.replace('spent the night', 'passed the night').replace('dry socks', 'warm socks');
  const edited1 = P.flood1.replace('Tuesday night', 'late on Tuesday').replace('forty homes', '40 homes');
  const paper = art('paper2', [P.own2, edited3, P.own1, edited1], { published: '2031-05-08' });
  const p = comparePair(prepare(wire), prepare(paper));
  assert.ok(p);
  assert.equal(p.kind, 'copied');
  assert.equal(p.source, 'wire');
  assert.equal(p.passages.length, 2);
  const t1 = paper.text.indexOf(edited1);
  const hit = p.passages.find((x) => x.targetStart >= t1);
  assert.ok(hit && hit.targetEnd - hit.targetStart > 0.8 * edited1.length);
  assert.ok(hit.similarity < 1 && hit.similarity > 0.75, `similarity ${hit.similarity}`);
  assert.ok(p.passages.every((x) => x.sourceStart < x.sourceEnd));
});

test('a near-duplicate is classified as such', () => {
  const copy = art('dup', [P.flood1, P.flood2.replace('six hours', 'five hours'), P.flood3, P.flood4], { published: '2031-05-07' });
  const p = comparePair(prepare(copy), prepare(wire));
  assert.equal(p?.kind, 'near-duplicate');
  assert.ok(p!.targetShare > 0.95);
});

test('articles sharing only a quotation are a shared quotation', () => {
  const a = art('qa', [P.flood1, P.quote, P.own1], { published: '2031-05-06' });
  const b = art('qb', [P.chess1, P.quote, P.own3], { published: '2031-05-07' });
  const p = comparePair(prepare(a), prepare(b));
  assert.ok(p);
  assert.equal(p.kind, 'shared-quotation');
  assert.ok(p.passages.every((x) => x.quoted));
});

test('a quotation plus copied narrative is copying', () => {
  const a = art('qa2', [P.flood1, P.quote, P.flood2], { published: '2031-05-06' });
  const b = art('qb2', [P.own3, P.quote, P.flood2], { published: '2031-05-07' });
  assert.equal(comparePair(prepare(a), prepare(b))?.kind, 'copied');
});

test('unrelated articles give nothing', () => {
  const chess = art('chess', [P.chess1, P.chess2, P.chess3]);
  assert.equal(comparePair(prepare(chess), prepare(wire)), null);
});

test('direction: date first, then arrival order, else undecided', () => {
  const base = { text: '' };
  assert.equal(direction({ ...base, id: 'a', published: '2031-05-07', seq: 1 }, { ...base, id: 'b', published: '2031-05-06', seq: 2 }).order, 1);
  assert.equal(direction({ ...base, id: 'a', published: '2031-05-06', seq: 5 }, { ...base, id: 'b', published: '2031-05-06', seq: 2 }).order, 1);
  assert.equal(direction({ ...base, id: 'a', published: '2031-05-06T10:00:00Z', seq: 5 }, { ...base, id: 'b', published: '2031-05-06T11:00:00Z', seq: 2 }).order, -1);
  assert.equal(direction({ ...base, id: 'a', published: '2031-05-06' }, { ...base, id: 'b', published: '2031-05-06' }).order, 0);
  const p = comparePair(
    prepare(art('zz', [P.flood1, P.flood2, P.own1], { published: null, seq: undefined })),
    prepare(art('aa', [P.flood1, P.flood2, P.own2], { published: null, seq: undefined })),
  );
  assert.equal(p?.source, null);
  assert.deepEqual(p?.articles, ['aa', 'zz']);
});

test('quotation spans: curly, straight, single and paragraph-open quotes; apostrophes are not quotes', () => {
  const t = 'He said “go now” and ‘stay’. It\'s "late\nNext para \'yes\' she said, the boys\' bikes.';
  const spans = quotationSpans(t).map((s) => t.slice(s.start, s.end));
  assert.deepEqual(spans, ['“go now”', '‘stay’', '"late', "'yes'"]);
});

function pair(a: string, b: string, kind: ReusePair['kind']): ReusePair {
  return { id: `${a}-${b}`, source: a, target: b, articles: [a, b], kind, similarity: 1, targetShare: 0.5, passages: [{ sourceStart: 0, sourceEnd: 50, targetStart: 0, targetEnd: 50, similarity: 1 }], direction: '' };
}

test('independentReports collapses copying and near-duplicates, not shared quotation', () => {
  const pairs = [pair('a', 'b', 'copied'), pair('b', 'c', 'near-duplicate'), pair('d', 'e', 'shared-quotation'), pair('x', 'y', 'copied')];
  assert.equal(independentReports(['a', 'b', 'c', 'd', 'e'], pairs), 3);
  assert.equal(independentReports(['a', 'c'], pairs), 2, 'a link through an unlisted article does not count');
  assert.equal(independentReports(['d', 'e'], pairs), 2);
  assert.equal(independentReports([], pairs), 0);
  assert.deepEqual(reuseFamilies(pairs), [['a', 'b', 'c'], ['x', 'y']]);
});

test('article reuse and outlet originality', () => {
  const pairs = [pair('a', 'b', 'copied'), pair('c', 'b', 'copied'), pair('d', 'e', 'shared-quotation')];
  pairs[1]!.passages = [{ sourceStart: 0, sourceEnd: 30, targetStart: 40, targetEnd: 70, similarity: 1 }];
  const r = articleReuse('b', 100, pairs);
  assert.equal(r.reusedShare, 0.7);
  assert.deepEqual(r.from.map((f) => f.articleId), ['a', 'c']);
  const o = outletOriginality(
    [
      { id: 'a', outlet: 'W', textLength: 100 },
      { id: 'b', outlet: 'P', textLength: 100 },
      { id: 'c', outlet: 'W', textLength: 100 },
    ],
    pairs,
  );
  const p = o.find((x) => x.outlet === 'P')!;
  assert.equal(p.originality, 0.3);
  assert.equal(p.copiesMost?.outlet, 'W');
  assert.equal(o.find((x) => x.outlet === 'W')!.originality, 1);
});

test('linkReuse: incremental indexing finds the pair, stores it and indexes bands', async () => {
  const store = new MemoryReuseStore();
  const chess = art('chess2', [P.chess1, P.chess2, P.chess3], { published: '2031-05-05' });
  const paper = art('paper3', [P.own1, P.flood2, P.flood3, P.flood4, P.own2], { published: '2031-05-07' });
  for (const a of [wire, chess]) {
    store.addArticle(a);
    assert.deepEqual(await linkReuse(store, a), a === wire ? [] : []);
  }
  store.addArticle(paper);
  const pairs = await linkReuse(store, paper);
  assert.equal(pairs.length, 1);
  assert.equal(pairs[0]!.source, 'wire');
  assert.equal(pairs[0]!.target, 'paper3');
  const stored = await store.getObjects<ReusePair>('reuse', { article: 'paper3' });
  assert.equal(stored.length, 1);
  assert.deepEqual(stored[0]!.articles, ['paper3', 'wire']);
  assert.ok(store.stats().keys > 0);
});

test('copiedFromLookup lists directed copying sources only', async () => {
  const { copiedFromLookup } = await import('../../src/link/reuse/index.js');
  const q = pair('d', 'e', 'shared-quotation');
  const u = { ...pair('f', 'g', 'copied'), source: null, target: null };
  const look = copiedFromLookup([pair('a', 'b', 'copied'), pair('c', 'b', 'near-duplicate'), q, u]);
  assert.deepEqual(look('b').sort(), ['a', 'c']);
  assert.deepEqual(look('e'), []);
  assert.deepEqual(look('g'), []);
});
