import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { SqliteStore } from '../../src/store/sqlite.js';
import { MAX_BAND_ARTICLES } from '../../src/store/store.js';
import { fakeArticle } from '../helpers/article.js';

const dir = mkdtempSync(join(tmpdir(), 'tri-bands-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Keys held by few, by more than are read (earliest + latest), and by more than the cap.
const keysOf = (i: number) => [`own${i}`, `pair${i >> 1}`, 'common', ...(i < 60 ? ['popular'] : []), `tens${Math.floor(i / 10)}`];
const N = MAX_BAND_ARTICLES + 20;

async function build(name: string, stageRows: number, unit: number): Promise<SqliteStore> {
  const store = new SqliteStore(join(dir, name), { bandStageRows: stageRows });
  await store.migrate();
  for (let g = 0; g < N; g += unit) {
    await store.unitOfWork(async () => {
      for (let i = g; i < Math.min(N, g + unit); i++) {
        const a = fakeArticle({ id: `a${String(i).padStart(15, '0')}`, text: `Fictional item ${i}.` });
        await store.putArticle(a, {});
        await store.addBands(a.id, keysOf(i));
      }
    });
  }
  return store;
}

const probe = ['own3', 'pair7', 'popular', 'common', 'tens4', 'missing'];

test('staged keys read the same whether merged every few articles, in batches or never', async () => {
  const never = await build('never.db', 1e9, 7);
  const often = await build('often.db', 3, 7);
  const batch = await build('batch.db', 40, 1);
  const want = await never.bandPostings(probe, 'a000000000000004');
  assert.deepEqual(await often.bandPostings(probe, 'a000000000000004'), want);
  assert.deepEqual(await batch.bandPostings(probe, 'a000000000000004'), want);
  // The shapes the reuse index relies on.
  assert.equal(want.get('common'), undefined, 'a key past the cap is skipped');
  assert.equal(want.get('popular')!.length, 16, 'earliest and latest holders only');
  assert.equal(want.get('popular')![0], 'a000000000000000');
  assert.equal(want.get('popular')!.at(-1), 'a000000000000059');
  assert.deepEqual(want.get('tens4'), ['a000000000000040', 'a000000000000041', 'a000000000000042', 'a000000000000043', 'a000000000000044', 'a000000000000045', 'a000000000000046', 'a000000000000047', 'a000000000000048', 'a000000000000049'].filter((x) => x !== 'a000000000000004'));
  for (const s of [never, often, batch]) await s.close();
});

test('keys staged by a unit of work that rolls back are gone, and reopening reads the staged keys', async () => {
  const file = join(dir, 'rollback.db');
  const store = new SqliteStore(file, { bandStageRows: 1e9 });
  await store.migrate();
  const a = fakeArticle({ id: 'r000000000000001', text: 'Fictional ferry notice.' });
  const b = fakeArticle({ id: 'r000000000000002', text: 'Fictional pier notice.' });
  await store.putArticle(a, {});
  await store.putArticle(b, {});
  await store.addBands(a.id, ['k1', 'k2']);
  await assert.rejects(
    store.unitOfWork(async () => {
      await store.addBands(b.id, ['k1', 'k3']);
      assert.deepEqual((await store.bandPostings(['k1'], '')).get('k1'), [a.id, b.id]);
      throw new Error('linking failed');
    }),
  );
  assert.deepEqual((await store.bandPostings(['k1', 'k3'], '')).get('k1'), [a.id]);
  assert.equal((await store.bandPostings(['k3'], '')).size, 0);
  await store.close();
  const again = new SqliteStore(file);
  await again.migrate();
  assert.deepEqual((await again.bandPostings(['k1', 'k2'], '')).get('k2'), [a.id]);
  await again.close();
});

test('an article staging a key twice, or again later, holds it once; an older article re-staged keeps its place', async () => {
  const store = new SqliteStore(join(dir, 'again.db'), { bandStageRows: 1e9 });
  await store.migrate();
  const [a, b, c] = ['g000000000000001', 'g000000000000002', 'g000000000000003'].map((id) => fakeArticle({ id, text: `Fictional tide table ${id}.` }));
  for (const x of [a!, b!, c!]) await store.putArticle(x, {});
  await store.addBands(a!.id, ['x', 'x', 'y']);
  await store.addBands(c!.id, ['x']);
  await store.addBands(a!.id, ['x', 'z']);
  await store.addBands(b!.id, ['x']);
  const got = await store.bandPostings(['x', 'y', 'z'], 'none');
  assert.deepEqual(got.get('x'), [a!.id, b!.id, c!.id]);
  assert.deepEqual(got.get('y'), [a!.id]);
  assert.deepEqual(got.get('z'), [a!.id]);
  await store.close();
});
