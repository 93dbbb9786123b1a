import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readBuffer, readInputs } from '../../src/ingest/readers/index.js';
import type { ReaderMeta } from '../../src/ingest/readers/index.js';
import { all, assertOffsets, docs, fails, fixture, scratch } from './helpers.js';

const SHARED = ['../shared', '/work/shared'].map((p) => path.resolve(p)).find((p) => existsSync(path.join(p, 'corpora')));

test('JSON array: fields under their usual names, failures per record', async () => {
  const out = await all(readInputs([fixture('articles.json')]));
  const f = fixture('articles.json');
  assert.deepEqual(out.map((x) => x.source), [0, 1, 2, 3, 4].map((i) => `${f}#${i}`));
  const [a, b, , , e] = out;
  assert.ok(a && !('error' in a));
  assert.equal(a.kind, 'text');
  assert.equal(a.format, 'json');
  assert.equal(a.raw, 'Insurers estimate the damage at four million pounds.');
  assert.deepEqual(a.meta, {
    title: 'Marrowby counts the cost', url: 'https://ledger.example/news/cost', published: '2031-03-16', publishedFrom: 'json:pubdate',
    outlet: 'The Marrowby Ledger', outletFrom: 'json:publisher', byline: 'Ada Brinkworth', section: 'Business',
  });
  // Title and description only: the description is the body.
  assert.ok(b && !('error' in b));
  assert.equal(b.raw, 'The river fell 40 cm overnight.');
  assert.equal(b.meta.outlet, 'Quellside Gazette');
  assert.match((out[2] as { error: string }).error, /has no text/);
  assert.match((out[3] as { error: string }).error, /not an object/);
  // A body with markup is reduced to text, mapped back into the record's body.
  assert.ok(e && !('error' in e));
  assert.equal(e.kind, 'html');
  assert.equal(e.text, 'Six pumps arrived from Dunholt.\n\nThey run day & night.');
  assertOffsets(e);
});

test('JSON object: one article, or a wrapper around a list', async () => {
  const [single] = docs(await all(readInputs([fixture('single.json')])));
  assert.equal(single!.source, fixture('single.json'));
  assert.equal((single!.meta as ReaderMeta).dateline, 'MARROWBY, March 17');
  assert.equal(single!.meta.byline, 'Tomas Pell');
  const [w] = docs(await all(readInputs([fixture('wrapped.json')])));
  assert.equal(w!.source, `${fixture('wrapped.json')}#0`);
  assert.equal(w!.meta.url, 'https://gazette.example/ferry');
});

test('JSON Lines: line numbers name records; a bad line fails alone', async () => {
  const out = await all(readInputs([fixture('wire.jsonl')]));
  const f = fixture('wire.jsonl');
  assert.deepEqual(out.map((x) => x.source), [`${f}#1`, `${f}#3`, `${f}#4`, `${f}#5`]);
  const [first, bad, third, arr] = out;
  assert.ok(first && !('error' in first));
  assert.equal(first.raw, 'Water reached Mill Lane at nine in the evening.\n    Residents moved to the church hall.');
  assert.equal(first.format, 'jsonl');
  assert.equal(first.meta.published, '13-MAR-2031 21:04:11.20');
  assert.equal((first.meta as ReaderMeta).dateline, 'MARROWBY, March 13');
  assert.match((bad as { error: string }).error, /^malformed JSON line: /);
  assert.ok(third && !('error' in third));
  assert.match((arr as { error: string }).error, /array, not an object/);
});

test('JSON Lines are recognised by content without the extension, and from a buffer', async () => {
  const body = '{"title":"A","text":"The Quell rose."}\n{"title":"B","text":"The Quell fell."}\n';
  const out = await all(readBuffer('upload', Buffer.from(body)));
  assert.deepEqual(docs(out).map((d) => [d.source, d.format, d.raw]), [['upload#1', 'jsonl', 'The Quell rose.'], ['upload#2', 'jsonl', 'The Quell fell.']]);
});

test('JSON Lines: an over-long line is skipped with a failure, the rest continue', async () => {
  const s = scratch();
  try {
    const f = path.join(s.dir, 'big.jsonl');
    writeFileSync(f, `{"text":"short one"}\n{"text":"${'x'.repeat(5000)}"}\n{"text":"short two"}\n`);
    const out = await all(readInputs([f], { maxBytes: 1000 }));
    assert.deepEqual(out.map((x) => ('error' in x ? 'fail' : x.raw.slice(0, 20))), ['short one', 'fail', 'short two']);
    assert.match(fails(out)[0]!.error, /longer than the 1000 bytes limit/);
  } finally {
    s.done();
  }
});

test('malformed JSON document: the parser says why', async () => {
  const out = await all(readInputs([fixture('broken.json')]));
  assert.equal(out.length, 1);
  assert.match(fails(out)[0]!.error, /^malformed JSON: .+/);
});

test('Reuters-21578 JSON Lines stream: 19,043 records', { skip: !SHARED && 'shared corpora absent' }, async () => {
  let n = 0;
  let failed = 0;
  let withDateline = 0;
  for await (const x of readInputs([path.join(SHARED!, 'corpora', 'reuters21578.jsonl')])) {
    if ('error' in x) failed++;
    else {
      n++;
      if ((x.meta as ReaderMeta).dateline) withDateline++;
      if (n === 1) {
        assert.equal(x.meta.outlet, 'Reuters');
        assert.equal(x.meta.publishedFrom, 'json:published');
        assert.ok(x.meta.title);
      }
    }
  }
  assert.equal(n + failed, 19043);
  assert.equal(failed, 0);
  assert.ok(withDateline > 10000);
});

test('BBC Afghanistan headlines JSON Lines: 265 records with URL and description as body', { skip: !SHARED && 'shared corpora absent' }, async () => {
  const out = await all(readInputs([path.join(SHARED!, 'corpora', 'headlines-afghanistan-2021-bbc.jsonl')]));
  assert.equal(out.length, 265);
  assert.equal(fails(out).length, 0);
  for (const d of docs(out)) {
    assert.ok(d.meta.title && d.meta.url?.startsWith('http') && d.meta.published && d.raw.trim());
  }
});

test('JSON Lines across read chunks: multi-byte characters and lines split anywhere', async () => {
  const s = scratch();
  try {
    const f = path.join(s.dir, 'many.jsonl');
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ title: `Bulletin ${i}`, text: `Niveau de la Quell à ${i} cm — “stable” ✓ ${'é'.repeat(i % 37)}` }));
    writeFileSync(f, lines.join('\n') + '\n');
    const out = await all(readInputs([f]));
    assert.equal(fails(out).length, 0);
    assert.equal(out.length, 3000);
    const d = docs(out);
    assert.equal(d[2999]!.raw, JSON.parse(lines[2999]!).text);
    assert.equal(d[1234]!.source, `${f}#1235`);
    assert.ok(d.every((x, i) => x.raw === JSON.parse(lines[i]!).text));
  } finally {
    s.done();
  }
});

test('wire copy with company names in angle brackets is text, not HTML', async () => {
  const rec = { title: 'Quell Mills buys pump maker', text: '<Quell Mills Plc> said it bought <B and R Pumps Inc>,\nwhose shares trade as <P> and <BR>.' };
  const [d] = docs(await all(readBuffer('wire.jsonl', Buffer.from(JSON.stringify(rec) + '\n'))));
  assert.equal(d!.kind, 'text');
  assert.equal(d!.raw, rec.text);
  assert.equal(d!.text, undefined);
});
