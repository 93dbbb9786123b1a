// API tests: every endpoint, bad parameters, the token rule and ingest over HTTP. The store is
// filled by hand (fictional data) so these tests do not depend on the extractors.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startServer } from '../../src/server/server.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import type { ClaimGroup, ClaimRelation, ControlRecord, PlaceSummary, QuoteGroup, ReusePair, TimelineEvent, CanonicalEntity } from '../../src/types.js';
import { fakeArticle } from '../helpers/article.js';

const A = 'aaaa000000000001';
const B = 'bbbb000000000002';

async function filledStore() {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'tri-api-')), 'api.db'));
  await store.migrate();
  const textA = 'Mayor Ilse Varn said the river had risen "two metres in one night". The council counted 40 of 120 homes flooded.';
  const textB = 'The council counted 55 of 120 homes flooded, a spokesman for the relief group claimed on Friday.';
  await store.putArticle(fakeArticle({ id: A, text: textA, outlet: 'North Desk', published: '2030-03-02' }), {
    quotes: [{ start: 48, end: 67, kind: 'direct', text: 'two metres in one night', cue: { start: 22, end: 26, text: 'said' }, speakerSpan: { start: 0, end: 15, text: 'Mayor Ilse Varn' }, speaker: 'Ilse Varn', speakerRef: 'e1', channel: null, confidence: 0.9, evidence: [] }],
    claims: [{ start: 70, end: 117, text: 'The council counted 40 of 120 homes flooded.', quantity: 'homes flooded', subject: null, predicate: 'flooded', value: 40, of: 120, unit: 'home', approx: false, claimant: 'North Desk', claimantRef: null, side: null, asOf: '2030-03-02', asOfGranularity: 'day', evidence: [] }],
    mentions: [{ start: 6, end: 15, text: 'Ilse Varn', type: 'PERSON', ref: 'e1' }],
  });
  await store.putArticle(fakeArticle({ id: B, text: textB, outlet: 'South Desk', published: '2030-03-05' }), {
    claims: [{ start: 0, end: 46, text: 'The council counted 55 of 120 homes flooded', quantity: 'homes flooded', subject: null, predicate: 'flooded', value: 55, of: 120, unit: 'home', approx: false, claimant: 'relief group spokesman', claimantRef: null, side: 'relief group', asOf: '2030-03-05', asOfGranularity: 'day', evidence: [] }],
  });
  const entity: CanonicalEntity = { id: 'person:ilse-varn', name: 'Ilse Varn', type: 'PERSON', aliases: ['Ilse Varn', 'Varn'], roles: ['Mayor'], articles: [A], mentions: 1 };
  const place: PlaceSummary = { id: 'geo:1', name: 'Lowmere', lat: 52.1, lon: 5.2, country: 'NL', kind: 'city', articles: [A], mentions: 2 };
  const group: QuoteGroup = { id: 'qg1', text: 'two metres in one night', speaker: 'Ilse Varn', quotes: [{ articleId: A, start: 48, end: 67 }], articles: [A], outlets: ['North Desk'], earliest: { articleId: A, published: '2030-03-02' }, independentReports: 1 };
  const cg: ClaimGroup = { id: 'cg1', quantity: 'homes flooded', unit: 'home', claims: [`${A}:70`, `${B}:0`], articles: [A, B], independentReports: 2 };
  const rel: ClaimRelation = { id: 'r1', groupId: 'cg1', kind: 'trend', claims: [`${A}:70`, `${B}:0`], reason: '40 → 55 between 2030-03-02 and 2030-03-05' };
  const ev: TimelineEvent = { id: 'ev1', date: '2030-03-01', granularity: 'day', type: 'disaster', summary: 'River bursts its banks', actors: [], place: 'Lowmere', articles: [A], sources: [{ articleId: A, start: 0, end: 60 }] };
  const ctl: ControlRecord = { id: 'c1', place: 'Lowmere', lat: 52.1, lon: 5.2, holder: 'Relief group', asOf: '2030-03-05', status: 'reported', claimant: null, articles: [B], sources: [{ articleId: B, start: 0, end: 10 }], history: [] };
  const pair: ReusePair = { id: 'p1', source: A, target: B, articles: [A, B], kind: 'copied', similarity: 0.9, targetShare: 0.5, passages: [{ sourceStart: 70, sourceEnd: 110, targetStart: 0, targetEnd: 40, similarity: 0.9 }], direction: 'by publication date' };
  await store.putObjects([
    { kind: 'entity', id: entity.id, data: entity, articles: [A] },
    { kind: 'entity-map', id: A, data: { e1: entity.id }, articles: [A] },
    { kind: 'place', id: place.id, data: place, articles: [A] },
    { kind: 'quote-group', id: group.id, data: group, articles: [A] },
    { kind: 'claim-group', id: cg.id, data: cg, articles: [A, B] },
    { kind: 'claim-relation', id: rel.id, data: rel, articles: [A, B] },
    { kind: 'event', id: ev.id, data: ev, articles: [A] },
    { kind: 'control', id: ctl.id, data: ctl, articles: [B] },
    { kind: 'reuse', id: pair.id, data: pair, articles: [A, B] },
  ]);
  return store;
}

describe('HTTP API', () => {
  let base = '';
  let close: () => Promise<void>;
  let store: SqliteStore;
  const get = async (path: string) => {
    const r = await fetch(base + path);
    return { status: r.status, body: r.headers.get('content-type')?.includes('json') ? await r.json() : await r.text() };
  };

  before(async () => {
    store = await filledStore();
    const s = await startServer(store, { port: 0 });
    base = s.url.replace(/\/$/, '');
    close = s.close;
  });
  after(async () => {
    await close();
    await store.close();
  });

  it('serves an OpenAPI document listing the endpoints', async () => {
    const r = await get('/api/openapi.json');
    assert.equal(r.status, 200);
    for (const p of ['/api/articles', '/api/quotes', '/api/claims', '/api/reuse', '/api/timeline', '/api/control', '/api/ingest']) assert.ok(r.body.paths[p], p);
  });

  it('lists, filters, searches and pages articles', async () => {
    assert.equal((await get('/api/articles')).body.total, 2);
    assert.deepEqual((await get('/api/articles?outlet=north%20desk')).body.items.map((a: { id: string }) => a.id), [A]);
    assert.deepEqual((await get('/api/articles?from=2030-03-03')).body.items.map((a: { id: string }) => a.id), [B]);
    assert.deepEqual((await get('/api/articles?q=spokesman')).body.items.map((a: { id: string }) => a.id), [B]);
    assert.deepEqual((await get(`/api/articles?entity=person:ilse-varn`)).body.items.map((a: { id: string }) => a.id), [A]);
    const page = (await get('/api/articles?limit=1&offset=1')).body;
    assert.equal(page.items.length, 1);
    assert.equal(page.total, 2);
  });

  it('answers bad parameters with 400 naming the parameter', async () => {
    for (const [path, word] of [['/api/articles?from=yesterday', 'from'], ['/api/articles?limit=0', 'limit'], ['/api/entities?type=ANIMAL', 'type'], ['/api/claims?conflicts=maybe', 'conflicts'], ['/api/search', 'q']]) {
      const r = await get(path!);
      assert.equal(r.status, 400, path);
      assert.match(r.body.error, new RegExp(word!));
    }
    assert.equal((await get('/api/articles/ffff')).status, 404);
    assert.equal((await get('/api/nothing')).status, 404);
    assert.equal((await fetch(base + '/api/articles', { method: 'DELETE' })).status, 405);
  });

  it('returns one article with its annotations by id or prefix', async () => {
    const r = await get('/api/articles/aaaa0000');
    assert.equal(r.status, 200);
    assert.equal(r.body.id, A);
    assert.equal(r.body.quotes[0].speaker, 'Ilse Varn');
    assert.equal(r.body.quotes[0].groupId, 'qg1');
    assert.equal(r.body.reuse[0].id, 'p1');
    assert.equal(r.body.claims.length, 1);
    assert.ok(r.body.analysis.mentions);
  });

  it('serves entities, places, GeoJSON, quotes, voices, claims, reuse, timeline, control, outlets', async () => {
    assert.equal((await get('/api/entities?type=PERSON')).body.items[0].name, 'Ilse Varn');
    assert.equal((await get('/api/places')).body.items[0].name, 'Lowmere');
    const gj = (await get('/api/places.geojson')).body;
    assert.equal(gj.type, 'FeatureCollection');
    assert.deepEqual(gj.features[0].geometry.coordinates, [5.2, 52.1]);
    assert.equal((await get('/api/quotes?speaker=varn')).body.items.length, 1);
    assert.equal((await get('/api/quotes?speaker=nobody')).body.items.length, 0);
    assert.equal((await get('/api/voices')).body.items[0].quotes, 1);
    const claims = (await get('/api/claims')).body;
    assert.equal(claims.items.length, 2);
    assert.equal(claims.relations[0].kind, 'trend');
    assert.equal((await get('/api/claims?conflicts=true')).body.items.length, 0);
    assert.equal((await get(`/api/reuse?article=${B}`)).body.items[0].kind, 'copied');
    assert.equal((await get('/api/timeline?from=2030-03-01&to=2030-03-01')).body.items.length, 1);
    assert.equal((await get('/api/control')).body.items[0].holder, 'Relief group');
    const outlets = (await get('/api/outlets')).body.items;
    assert.ok(outlets.find((o: { outlet: string; originality: number }) => o.outlet === 'South Desk')!.originality < 1);
    const search = (await get('/api/search?q=varn')).body;
    assert.equal(search.entities.length, 1);
    assert.equal(search.quotes.length, 1);
  });

  it('writes a brief in Markdown and HTML citing articles', async () => {
    const md = await get('/api/brief?format=md');
    assert.match(md.body, /homes flooded/);
    assert.match(md.body, /aaaa0000|bbbb0000/);
    const html = await get('/api/brief?format=html');
    assert.match(html.body, /<h1>Briefing<\/h1>/);
    assert.equal((await get('/api/overview')).body.figures[0].quantity, 'homes flooded');
  });

  it('ingests pasted text as a job and refuses private URLs', async () => {
    const post = (body: unknown) => fetch(base + '/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const r = await post({ title: 'Ferry service resumes', text: 'The ferry between two fictional islands resumed service on Monday, its operator said.' });
    assert.equal(r.status, 200);
    const { job } = (await r.json()) as { job: string };
    let j: { status: string; articles: string[] };
    do {
      await new Promise((res) => setTimeout(res, 50));
      j = (await get(`/api/jobs/${job}`)).body;
    } while (j.status === 'running');
    assert.equal(j.status, 'done');
    assert.equal(j.articles.length, 1);
    assert.equal((await get(`/api/articles/${j.articles[0]}`)).body.title, 'Ferry service resumes');
    assert.equal((await post({})).status, 400);
    assert.equal((await post({ url: 'ftp://example.org/x' })).status, 400);
    const priv = await post({ url: 'http://127.0.0.1:1/secret' });
    const { job: pj } = (await priv.json()) as { job: string };
    let pjob: { status: string; error?: string };
    do {
      await new Promise((res) => setTimeout(res, 50));
      pjob = (await get(`/api/jobs/${pj}`)).body;
    } while (pjob.status === 'running');
    assert.equal(pjob.status, 'failed');
    assert.match(pjob.error ?? '', /private|loopback|refus/i);
    const bad = await fetch(base + '/api/ingest', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    assert.equal(bad.status, 400);
  });
});

describe('API token rule', () => {
  it('refuses to bind beyond loopback without a token', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    await assert.rejects(startServer(store, { host: '0.0.0.0', port: 0 }), /token/);
    await store.close();
  });

  it('requires the token on every request when one is set', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    const s = await startServer(store, { port: 0, token: 's3cret' });
    try {
      assert.equal((await fetch(s.url + 'api/articles')).status, 401);
      assert.equal((await fetch(s.url + 'api/articles', { headers: { authorization: 'Bearer wrong' } })).status, 401);
      assert.equal((await fetch(s.url + 'api/articles', { headers: { authorization: 'Bearer s3cret' } })).status, 200);
      assert.equal((await fetch(s.url + 'api/articles?token=s3cret')).status, 200);
      assert.equal((await fetch(s.url)).status, 401);
    } finally {
      await s.close();
      await store.close();
    }
  });
});
