import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findReuse, linkReuse, quoteKeyGroups, selectCandidates, DEFAULT_SELECT } from '../../src/link/reuse/index.js';
import { MemoryReuseStore } from '../../src/link/reuse/memory-store.js';
import { art, P } from './fixtures.js';

const FLOOD = [P.flood1, P.flood2, P.flood3, P.flood4];
const CHESS = [P.chess1, P.chess2, P.chess3];

test('selection: a family of copies is covered by its first members, not aligned whole', () => {
  const groups = [
    { keys: ['a1', 'a2', 'a3', 'a4'], quote: false },
    { keys: ['b1', 'b2', 'b3', 'b4'], quote: false },
  ];
  // The original and nine copies hold every key, in arrival order.
  const family = ['orig', ...Array.from({ length: 9 }, (_, i) => `copy${i}`)];
  const postings = new Map(groups.flatMap((g) => g.keys).map((k) => [k, family]));
  const chosen = selectCandidates(groups, postings, { ...DEFAULT_SELECT, minAligned: 1, coverTimes: 2, maxCandidates: 12 });
  assert.deepEqual(chosen, ['orig', 'copy0']);
});

test('selection: every source of a compilation is chosen, each for the window it matches', () => {
  const groups = ['a', 'b', 'c'].map((w) => ({ keys: [1, 2, 3, 4].map((i) => `${w}${i}`), quote: false }));
  const postings = new Map<string, string[]>();
  for (const k of groups[0]!.keys) postings.set(k, ['first', 'firstCopy1', 'firstCopy2']);
  for (const k of groups[1]!.keys) postings.set(k, ['second']);
  // A chance key held by many unrelated articles.
  postings.set('c1', Array.from({ length: 20 }, (_, i) => `noise${i}`));
  for (const k of groups[2]!.keys.slice(1)) postings.set(k, ['third']);
  const chosen = selectCandidates(groups, postings, { ...DEFAULT_SELECT, minAligned: 1, coverTimes: 1, maxCandidates: 5 });
  assert.ok(['first', 'second', 'third'].every((id) => chosen.includes(id)), chosen.join(','));
  assert.ok(!chosen.some((id) => id.startsWith('noise')), chosen.join(','));
  assert.ok(!chosen.includes('firstCopy2'));
});

test('selection: candidates sharing only quotation keys are limited to a few', () => {
  const groups = [{ keys: ['q1', 'q2', 'q3'], quote: true }];
  const quoters = Array.from({ length: 8 }, (_, i) => `outlet${i}`);
  const postings = new Map([
    ['q1', quoters],
    ['q2', quoters],
    ['q3', quoters],
  ]);
  const chosen = selectCandidates(groups, postings, { ...DEFAULT_SELECT, minAligned: 8, maxCandidates: 12, fewQuoteOnly: 3 });
  assert.equal(chosen.length, 3);
});

test('quoteKeyGroups: one group per quotation long enough to key', () => {
  const text = 'She said "we will open the bridge again next spring" and "soon".';
  const open = text.indexOf('"we');
  const groups = quoteKeyGroups(text, [
    { start: open, end: text.indexOf('" and') + 1 },
    { start: text.indexOf('"soon'), end: text.length - 1 },
  ]);
  assert.equal(groups.length, 1);
  assert.equal(groups[0]!.length, 8 - 6 + 1);
});

test('linkReuse: the tenth copy of a story aligns with a bounded number of articles and finds the original', async () => {
  const store = new MemoryReuseStore();
  const wire = art('w-orig', FLOOD, { published: '2031-05-06T08:00:00Z' });
  const chess = art('w-chess', CHESS, { published: '2031-05-06T07:00:00Z' });
  for (const a of [chess, wire]) {
    store.addArticle(a);
    await linkReuse(store, a);
  }
  let last = { candidates: 0, pairs: [] as { source: string | null }[] };
  for (let i = 0; i < 10; i++) {
    // Each copy drops a different word and adds a paragraph of its own.
    const edited = FLOOD.map((p, j) => (j === i % 4 ? p.replace(/ the /, ' a ') : p));
    const copy = art(`w-copy${i}`, [...edited, `Copy ${i} adds a line of its own about the weather in the hills near Lowmere.`], {
      published: `2031-05-06T${String(9 + i).padStart(2, '0')}:00:00Z`,
    });
    store.addArticle(copy);
    last = await findReuse(store, copy);
    await linkReuse(store, copy);
  }
  assert.ok(last.candidates <= DEFAULT_SELECT.minAligned + 2, `aligned with ${last.candidates}`);
  assert.ok(last.pairs.some((p) => p.source === 'w-orig'));
});

test('linkReuse: with the near-duplicate keys left out, a near-duplicate adds no keys its source holds', async () => {
  const store = new MemoryReuseStore();
  const wire = art('nd-orig', FLOOD, { published: '2031-05-06T08:00:00Z' });
  store.addArticle(wire);
  await linkReuse(store, wire);
  const before = store.stats().postings;
  const dup = art('nd-copy', [P.flood1, P.flood2.replace('six hours', 'five hours'), P.flood3, P.flood4], { published: '2031-05-06T09:00:00Z' });
  store.addArticle(dup);
  const r = await findReuse(store, dup, { indexNearDuplicateKeys: false });
  assert.equal(r.pairs[0]?.kind, 'near-duplicate');
  const all = await findReuse(store, dup, { indexNearDuplicateKeys: true });
  assert.ok(r.bands.length < all.bands.length, `${r.bands.length} of ${all.bands.length} keys`);
  await linkReuse(store, dup, { indexNearDuplicateKeys: false });
  assert.equal(store.stats().postings - before, r.bands.length);
});
