import assert from 'node:assert/strict';
import { test } from 'node:test';
import { benchArticle, BenchStream, copyable, type StreamItem } from '../../bench/generate-variants.js';

// A made-up feed: stories of invented words, an hour apart, some too short to copy.
function feed(n: number) {
  const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'to', 'vi', 'ze', 'pu'];
  return Array.from({ length: n }, (_, i) => {
    const word = (j: number) => syllables[(i * 7 + j * 3) % 10]! + syllables[(i + j * j) % 10]! + syllables[(i * j + 1) % 10]!;
    const para = (p: number) => Array.from({ length: 25 }, (_, j) => word(p * 25 + j)).join(' ') + '.';
    const paras = i % 4 === 3 ? 1 : 4;
    const text = Array.from({ length: paras }, (_, p) => para(p)).join('\n\n');
    return benchArticle(`story-${i}`, text, new Date(Date.UTC(2031, 0, 1) + i * 3600_000).toISOString(), i, 'Example Wire');
  });
}

const originals = feed(400);
const take = (s: BenchStream, n: number): StreamItem[] => Array.from({ length: n }, () => s.item());

test('bench stream: the same seed gives the same stream, another seed another', () => {
  for (const roots of ['cycle', 'uniform'] as const) {
    const a = take(new BenchStream(originals, { roots, seed: 3, window: 30, span: 2000 }), 800);
    const b = take(new BenchStream(originals, { roots, seed: 3, window: 30, span: 2000 }), 800);
    const c = take(new BenchStream(originals, { roots, seed: 4, window: 30, span: 2000 }), 800);
    assert.deepEqual(a, b);
    assert.notDeepEqual(a, c);
  }
});

test('bench stream, cycle: a variant takes from the latest copyable originals only, and the feed runs in order through the stream', () => {
  const window = 30;
  const s = new BenchStream(originals, { roots: 'cycle', seed: 5, window, span: 2000 });
  const issued: string[] = [];
  let lastOriginalAt = 0;
  take(s, 2000).forEach(({ article, truth }, i) => {
    assert.equal(article.seq, i);
    if (!truth) {
      issued.push(article.id);
      lastOriginalAt = i;
      return;
    }
    const recent = new Set(originals.filter((a) => issued.includes(a.id) && copyable(a)).slice(-window).map((a) => a.id));
    for (const t of truth) assert.ok(recent.has(t.source), `${article.id} takes from ${t.source}, outside the cycle`);
  });
  assert.deepEqual(issued, originals.map((a) => a.id), 'every original once, in feed order');
  assert.ok(lastOriginalAt > 1900, `the feed lasts the whole stream (last original at ${lastOriginalAt})`);
});

// Earlier copies of its main source that each new variant meets, on average, per quarter of the stream.
function familiesMet(roots: 'cycle' | 'uniform'): number[] {
  const s = new BenchStream(originals, { roots, seed: 9, window: 30, span: 4000 });
  const copies = new Map<string, number>();
  const met: number[][] = [[], [], [], []];
  take(s, 4000).forEach(({ truth }, i) => {
    if (!truth) return;
    const main = truth.reduce((x, y) => (y.share > x.share ? y : x));
    met[Math.floor(i / 1000)]!.push(copies.get(main.source) ?? 0);
    for (const t of truth) if (t.kind !== 'filler') copies.set(t.source, (copies.get(t.source) ?? 0) + 1);
  });
  return met.map((m) => m.reduce((x, y) => x + y, 0) / Math.max(1, m.length));
}

test('bench stream: in cycle mode the family a new copy meets stays bounded; in uniform mode it grows', () => {
  const cycle = familiesMet('cycle');
  // Each copyable story is drawn about (4000 - 400) / 300 = 12 times (more with compilations)
  // over its time in the cycle, so a new copy meets several earlier ones (about 8 here), however
  // long the stream has run.
  for (const m of cycle.slice(1)) assert.ok(m > 3 && m < 12, `cycle: ${cycle.map((x) => x.toFixed(1))}`);
  assert.ok(Math.max(...cycle.slice(1)) < 1.5 * Math.min(...cycle.slice(1)), `cycle: ${cycle.map((x) => x.toFixed(1))}`);
  const uniform = familiesMet('uniform');
  assert.ok(uniform[3]! > 2 * uniform[1]!, `uniform: ${uniform.map((x) => x.toFixed(1))}`);
});

test('bench stream, uniform: every original first, then variants of any of them', () => {
  const items = take(new BenchStream(originals, { roots: 'uniform', seed: 2 }), 1400);
  assert.deepEqual(items.slice(0, 400).map((x) => x.article.id), originals.map((a) => a.id));
  assert.ok(items.slice(400).every((x) => x.truth && x.article.id.startsWith('variant-')));
  const sources = new Set(items.slice(400).flatMap((x) => x.truth!.map((t) => Number(t.source.slice(6)))));
  assert.ok(Math.min(...sources) < 40 && Math.max(...sources) > 360, 'roots from the whole feed');
});
