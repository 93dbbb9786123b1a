// One contract every Store implementation must pass.
import assert from 'node:assert/strict';
import { describe, it, before, after } from 'node:test';
import { BAND_HOLDERS_READ, type Store } from '../../src/store/store.js';
import { fakeArticle } from '../helpers/article.js';

export function storeContract(name: string, open: () => Promise<Store>, cleanup: () => Promise<void> = async () => {}): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
    });
    after(async () => {
      await store.close();
      await cleanup();
    });

    it('migrates twice without harm', async () => {
      await store.migrate();
      await store.migrate();
    });

    it('stores an article with its analysis and reads it back exactly', async () => {
      const a = fakeArticle({ raw: 'Raw  text\u00a0kept', text: 'Raw text kept', captions: ['A caption'], boilerplate: ['Share this'] });
      const r = await store.putArticle(a, { segments: { paragraphs: [{ start: 0, end: 13 }], sentences: [{ start: 0, end: 13 }] } });
      assert.equal(r.status, 'inserted');
      const back = await store.getArticle(a.id);
      assert.ok(back);
      assert.equal(back.raw, a.raw);
      assert.equal(back.text, a.text);
      assert.deepEqual(back.captions, ['A caption']);
      assert.deepEqual(back.boilerplate, ['Share this']);
      assert.deepEqual(await store.getArticleText(a.id), { id: a.id, text: a.text, published: back.published, seq: back.seq });
      assert.equal(await store.getArticleText('nonexistent000001'), null);
      assert.deepEqual(back.publishedEvidence, a.publishedEvidence);
      assert.ok(back.seq && back.seq > 0);
      const an = await store.getAnalysis(a.id);
      assert.deepEqual(an.segments?.paragraphs, [{ start: 0, end: 13 }]);
    });

    it('re-ingesting the same content or the same URL stores nothing new', async () => {
      const a = fakeArticle({ id: 'b000000000000001', url: 'https://example.org/story', text: 'Story about a fictional bridge.' });
      assert.equal((await store.putArticle(a, {})).status, 'inserted');
      assert.equal((await store.putArticle(a, {})).status, 'exists');
      const sameUrl = fakeArticle({ id: 'b000000000000002', url: 'https://example.org/story', text: 'Other text.' });
      const r = await store.putArticle(sameUrl, {});
      assert.equal(r.status, 'exists');
      assert.equal(await store.hasArticle('b000000000000002'), false);
      assert.equal(await store.findBySource('https://example.org/story'), 'b000000000000001');
    });

    it('stores a group of articles in one call, each once', async () => {
      const a = fakeArticle({ id: 'e000000000000001', text: 'First of a group, about a fictional canal.' });
      const b = fakeArticle({ id: 'e000000000000002', text: 'Second of a group, about a fictional lock.' });
      const r = await store.putArticles([{ article: a, analysis: {} }, { article: b, analysis: { quotes: [] } }, { article: a, analysis: {} }]);
      assert.deepEqual(r.map((x) => x.status), ['inserted', 'inserted', 'exists']);
      const seqs = r.filter((x) => x.status === 'inserted').map((x) => (x as { article: { seq?: number } }).article.seq!);
      assert.ok(seqs[1]! > seqs[0]!);
      assert.deepEqual(Object.keys(await store.getAnalysis(b.id)), ['quotes']);
      assert.deepEqual(await store.listArticles({ ids: [b.id] }).then((l) => l.map((x) => x.id)), [b.id]);
    });

    it('lists, filters and searches articles', async () => {
      await store.putArticle(fakeArticle({ id: 'c000000000000001', outlet: 'North Desk', published: '2030-01-05', text: 'Harbour cranes idle as dockers strike.' }), {});
      await store.putArticle(fakeArticle({ id: 'c000000000000002', outlet: 'South Desk', published: '2030-02-10', text: 'Orchard growers count frost damage.' }), {});
      const north = await store.listArticles({ outlet: 'north desk' });
      assert.deepEqual(north.map((a) => a.id), ['c000000000000001']);
      const feb = await store.listArticles({ from: '2030-02-01', to: '2030-02-28' });
      assert.deepEqual(feb.map((a) => a.id), ['c000000000000002']);
      const hits = await store.listArticles({ search: 'dockers' });
      assert.deepEqual(hits.map((a) => a.id), ['c000000000000001']);
      assert.equal(await store.countArticles({ search: 'frost' }), 1);
      assert.equal((await store.listArticles({ limit: 1 })).length, 1);
      assert.equal(await store.resolveId('c0000000000000'), null, 'ambiguous prefix');
      assert.equal(await store.resolveId('c000000000000002'), 'c000000000000002');
      const outlets = await store.outlets();
      assert.ok(outlets.some((o) => o.outlet === 'North Desk' && o.articles === 1));
    });

    it('updates an article and its analysis', async () => {
      const a = fakeArticle({ id: 'd000000000000001', text: 'Before cleaning. Footer line.' });
      await store.putArticle(a, { segments: { paragraphs: [], sentences: [] } });
      await store.updateArticle({ ...a, text: 'Before cleaning.', boilerplate: ['Footer line.'] }, { quotes: [] });
      const back = await store.getArticle(a.id);
      assert.equal(back?.text, 'Before cleaning.');
      assert.deepEqual(Object.keys(await store.getAnalysis(a.id)), ['quotes']);
      assert.equal(await store.countArticles({ search: 'footer' }), 0);
    });

    it('keeps corpus objects indexed by article', async () => {
      await store.putObjects([
        { kind: 'reuse', id: 'p1', data: { x: 1 }, articles: ['c000000000000001', 'c000000000000002'] },
        { kind: 'reuse', id: 'p2', data: { x: 2 }, articles: ['c000000000000002'] },
      ]);
      assert.deepEqual((await store.getObjects('reuse', { article: 'c000000000000001' })).map((o) => o.id), ['p1']);
      assert.equal((await store.getObjects('reuse')).length, 2);
      const [p1] = await store.getObjects<{ x: number }>('reuse', { ids: ['p1'] });
      assert.equal(p1?.data.x, 1);
      assert.deepEqual(p1?.articles, ['c000000000000001', 'c000000000000002']);
      await store.deleteObjects('reuse', ['p1']);
      assert.deepEqual((await store.getObjects('reuse')).map((o) => o.id), ['p2']);
      await store.deleteObjects('reuse');
      assert.equal((await store.getObjects('reuse')).length, 0);
    });

    it('counts recurring lines per outlet', async () => {
      await store.countLines('North Desk', ['h1', 'h2', 'h1']);
      const after = await store.countLines('North Desk', ['h1']);
      assert.equal(after.get('h1'), 2);
      const peek = await store.lineCounts('North Desk', ['h1', 'h2', 'h3']);
      assert.deepEqual([...peek.entries()].sort(), [['h1', 2], ['h2', 1], ['h3', 0]]);
      assert.equal((await store.lineCounts('South Desk', ['h1'])).get('h1'), 0);
      const many = await store.countLinesMany([{ outlet: 'West Desk', hashes: ['w1', 'w2'] }, { outlet: 'West Desk', hashes: ['w1'] }]);
      assert.deepEqual(many.map((m) => m.get('w1')), [1, 2], 'counted in order');
    });

    it('finds reuse candidates through shared bands', async () => {
      await store.addBands('c000000000000001', ['b1', 'b2', 'b3']);
      await store.addBands('c000000000000002', ['b2', 'b3', 'b4']);
      const c = await store.bandCandidates(['b2', 'b3', 'b9'], 'c000000000000002');
      assert.deepEqual([...c.entries()], [['c000000000000001', 2]]);
      const postings = await store.bandPostings(['b2', 'b4', 'b9'], 'nobody');
      assert.deepEqual(postings.get('b2'), ['c000000000000001', 'c000000000000002'], 'holders in arrival order');
      assert.deepEqual(postings.get('b4'), ['c000000000000002']);
      assert.equal(postings.has('b9'), false);
    });

    it('reads a widely held band key\'s earliest and latest holders only', async () => {
      const { earliest, latest } = BAND_HOLDERS_READ;
      const ids: string[] = [];
      for (let i = 0; i < earliest + latest + 5; i++) {
        const a = fakeArticle({ id: `f${String(i).padStart(15, '0')}`, text: `Fictional holder number ${i} of one band key.` });
        await store.putArticle(a, {});
        await store.addBands(a.id, ['wide']);
        ids.push(a.id);
      }
      const got = (await store.bandPostings(['wide'], 'nobody')).get('wide');
      assert.deepEqual(got, [...ids.slice(0, earliest), ...ids.slice(-latest)]);
    });

    it('reads many articles\' layers at once', async () => {
      const m = await store.getLayers(['c000000000000001', 'a1b2c3d4e5f60718'], ['segments']);
      assert.ok(m.get('a1b2c3d4e5f60718')?.segments);
      assert.equal(m.get('c000000000000001')?.segments, undefined);
    });

    it('keeps a unit of work\'s writes when it resolves, and none of them when it throws', async () => {
      await store.unitOfWork(async () => {
        await store.setMeta('unit-a', 'kept');
        await store.putArticle(fakeArticle({ id: 'g000000000000001', text: 'A fictional ferry resumes service.' }), {});
      });
      assert.equal(await store.getMeta('unit-a'), 'kept');
      assert.ok(await store.getArticle('g000000000000001'));
      await assert.rejects(store.unitOfWork(async () => {
        await store.setMeta('unit-b', 'lost');
        await store.putArticle(fakeArticle({ id: 'g000000000000002', text: 'A fictional ferry is cancelled.' }), {});
        throw new Error('boom');
      }), /boom/);
      assert.equal(await store.getMeta('unit-b'), null);
      assert.equal(await store.getArticle('g000000000000002'), null);
    });

    it('undoes only the inner unit that throws', async () => {
      await store.unitOfWork(async () => {
        await store.setMeta('outer', 'kept');
        await assert.rejects(store.unitOfWork(async () => {
          await store.setMeta('inner', 'lost');
          throw new Error('inner fails');
        }));
        await store.setMeta('after', 'kept');
      });
      assert.equal(await store.getMeta('outer'), 'kept');
      assert.equal(await store.getMeta('inner'), null);
      assert.equal(await store.getMeta('after'), 'kept');
    });

    it('keeps meta values', async () => {
      await store.setMeta('k', 'v1');
      await store.setMeta('k', 'v2');
      assert.equal(await store.getMeta('k'), 'v2');
      assert.equal(await store.getMeta('missing'), null);
    });
  });
}
