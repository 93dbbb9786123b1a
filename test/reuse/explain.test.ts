import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkReuse } from '../../src/link/reuse/index.js';
import { MemoryReuseStore } from '../../src/link/reuse/memory-store.js';
import type { Article, ReusePair } from '../../src/types.js';
import { art, P } from './fixtures.js';

const FLOOD = [P.flood1, P.flood2, P.flood3, P.flood4];

async function linkAll(articles: Article[], dropExplained = true): Promise<Map<string, ReusePair[]>> {
  const store = new MemoryReuseStore();
  const out = new Map<string, ReusePair[]>();
  for (const a of articles) {
    store.addArticle(a);
    out.set(a.id, await linkReuse(store, a, { dropExplained }));
  }
  return out;
}
const partners = (id: string, pairs: ReusePair[]) => pairs.map((p) => (p.articles[0] === id ? p.articles[1] : p.articles[0])).sort();

test('a new copy is linked to the original, not to a sibling that copied the same text', async () => {
  const wire = art('wire', FLOOD, { published: '2031-05-05' });
  const sibling = art('sibling', [P.own1, ...FLOOD], { published: '2031-05-06' });
  const copy = art('copy', [...FLOOD, P.own3], { published: '2031-05-07' });
  const linked = await linkAll([wire, sibling, copy]);
  assert.deepEqual(partners('copy', linked.get('copy')!), ['wire']);
  // Without the rule the sibling pair is there: the test would catch a rule that never fires.
  const all = await linkAll([wire, sibling, copy], false);
  assert.deepEqual(partners('copy', all.get('copy')!), ['sibling', 'wire']);
});

test('a copy published before an older-arrived sibling is not named its source', async () => {
  const wire = art('wire', FLOOD, { published: '2031-05-05' });
  const sibling = art('sibling', [P.own1, ...FLOOD], { published: '2031-05-08' });
  const copy = art('copy', [...FLOOD, P.own3], { published: '2031-05-06' });
  const linked = await linkAll([wire, sibling, copy]);
  assert.deepEqual(partners('copy', linked.get('copy')!), ['wire']);
});

test('text a copy took from a copy (its own additions) keeps that pair', async () => {
  const wire = art('wire', [P.flood1, P.flood2], { published: '2031-05-05' });
  const copy1 = art('copy1', [P.flood1, P.flood2, P.own1, P.own2], { published: '2031-05-06' });
  const copy2 = art('copy2', [P.flood1, P.flood2, P.own1, P.own2, P.chess1], { published: '2031-05-07' });
  const linked = await linkAll([wire, copy1, copy2]);
  const p = linked.get('copy2')!.find((x) => x.source === 'copy1');
  assert.ok(p, 'copy2 took own1 and own2 from copy1');
  assert.deepEqual(partners('copy2', linked.get('copy2')!), ['copy1', 'wire']);
});

test('shared quotation is never dropped as explained', async () => {
  const a = art('a', [P.quote, P.chess1], { published: '2031-05-05' });
  const b = art('b', [P.quote, P.flood1], { published: '2031-05-06' });
  const c = art('c', [P.quote, P.own2], { published: '2031-05-07' });
  const linked = await linkAll([a, b, c]);
  assert.deepEqual(partners('c', linked.get('c')!), ['a', 'b']);
});
