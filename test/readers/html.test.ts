import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { readBuffer, readInputs } from '../../src/ingest/readers/index.js';
import { all, assertOffsets, docs, fails, fixture } from './helpers.js';

test('HTML article: main content only, one block a line, paragraphs apart', async () => {
  const [d] = docs(await all(readInputs([fixture('flood-article.html')])));
  assert.ok(d);
  assert.equal(d.kind, 'html');
  assert.equal(d.format, 'html');
  assert.equal(d.raw, readFileSync(fixture('flood-article.html'), 'utf8'));
  assert.equal(
    d.text,
    [
      'The River Quell burst its banks overnight, flooding forty shops on Marrowby’s high street.',
      '“We have never seen the water this high,” said Orla Fenn, who runs the café & bookshop.',
      'Council crews began pumping out cellars at noon.',
      'The county weather office warned more rain is due on Friday.',
    ].join('\n\n'),
  );
  for (const noise of ['Most read', 'Search', 'not text', 'color', 'Share this', 'Related', 'Home', 'Clean-up', 'Sandbags', 'By Ada']) {
    assert.ok(!d.text!.includes(noise), `'${noise}' kept out of the text`);
  }
  assertOffsets(d);
});

test('HTML article: metadata and where it came from', async () => {
  const [d] = docs(await all(readInputs([fixture('flood-article.html')])));
  const m = d!.meta;
  assert.equal(m.title, 'River Quell floods Marrowby high street');
  assert.equal(m.published, '2031-03-14T06:25:00Z');
  assert.equal(m.publishedFrom, 'json-ld:datePublished');
  assert.equal(m.outlet, 'The Marrowby Ledger');
  assert.equal(m.outletFrom, 'meta:og:site_name');
  assert.equal(m.url, 'https://ledger.example/news/2031/03/14/quell-floods-marrowby');
  assert.equal(m.description, 'Shops on the high street were under water by dawn.');
  assert.equal(m.byline, 'Ada Brinkworth and Tomas Pell');
  assert.equal(m.section, 'News / Weather / Floods');
  assert.deepEqual(m.captions, ['Sandbags outside the bakery on Mill Lane, 13 March 2031.']);
  assert.deepEqual(m.subheadings, ['Clean-up begins']);
});

test('HTML without <article>: the densest paragraph block wins; <br> breaks lines', async () => {
  const [d] = docs(await all(readInputs([fixture('div-page.htm')])));
  assert.equal(
    d!.text,
    'Engineers will inspect the Upper Quell dam after the flood in Marrowby.\n\nThe dam was built in 1962 and last checked in 2024.\n\nInspectors expect to report within two weeks.\nResidents may attend a meeting.',
  );
  assert.equal(d!.meta.title, 'Dam inspection ordered');
  assert.equal(d!.meta.published, '2031-03-15');
  assert.equal(d!.meta.publishedFrom, 'itemprop:datePublished');
  assertOffsets(d!);
});

test('HTML date fallbacks: article:published_time, then <time datetime>', async () => {
  const a = '<html><head><meta property="article:published_time" content="2031-03-18T10:00:00Z"></head><body><article><p>The Quell fell again.</p></article></body></html>';
  const b = '<html><body><article><time datetime="2031-03-19">19 March</time><p>Shops reopened on Mill Lane.</p></article></body></html>';
  const [da] = docs(await all(readBuffer('a.html', Buffer.from(a))));
  const [db] = docs(await all(readBuffer('b.html', Buffer.from(b))));
  assert.deepEqual([da!.meta.published, da!.meta.publishedFrom], ['2031-03-18T10:00:00Z', 'meta:article:published_time']);
  assert.deepEqual([db!.meta.published, db!.meta.publishedFrom], ['2031-03-19', 'time[datetime]']);
  assert.equal(db!.text, 'Shops reopened on Mill Lane.');
});

test('JSON-LD publisher and section, <title> suffix and breadcrumbs from JSON-LD', async () => {
  const html = `<html><head><title>Ferry resumes - Quell Post</title><script type="application/ld+json">[{"@type":"BreadcrumbList","itemListElement":[{"position":2,"name":"Transport"},{"position":1,"name":"Home"}]},{"@graph":[{"@type":"NewsArticle","publisher":{"name":"Quell Post"},"articleSection":["Transport"],"author":"Wren Hollis"}]}]</script></head><body><p>The ferry resumed on Tuesday after the flood.</p></body></html>`;
  const [d] = docs(await all(readBuffer('ferry.html', Buffer.from(html))));
  assert.equal(d!.meta.outlet, 'Quell Post');
  assert.equal(d!.meta.outletFrom, 'json-ld:publisher.name');
  assert.equal(d!.meta.title, 'Ferry resumes');
  assert.equal(d!.meta.section, 'Transport');
  assert.equal(d!.meta.byline, 'Wren Hollis');
});

test('malformed HTML is tolerated', async () => {
  const html = '<html><body><div><p>The Quell <b>rose <i>again</b> at dawn.<p>Second paragraph about sandbags</span><p>Third &amp unterminated';
  const out = await all(readBuffer('broken.html', Buffer.from(html)));
  assert.equal(fails(out).length, 0);
  const d = docs(out)[0]!;
  assert.match(d.text!, /The Quell rose again at dawn\.\n\nSecond paragraph about sandbags/);
  assert.match(d.text!, /Third & unterminated/);
  assertOffsets(d);
});

test('HTML charset: meta charset wins over guessing; Content-Type sniffed by content', async () => {
  const page = '<!doctype html><html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head><body><p>\u201cThe caf\u00e9 is shut,\u201d said the owner.</p></body></html>';
  const [d] = docs(await all(readBuffer('upload', iconv.encode(page, 'windows-1252'))));
  assert.equal(d!.format, 'html');
  assert.equal(d!.text, '\u201cThe caf\u00e9 is shut,\u201d said the owner.');
  assert.equal(d!.meta.title, 'Caf\u00e9');
});

test('a page with no readable text is a failure', async () => {
  const out = await all(readBuffer('nav.html', Buffer.from('<html><body><nav><a href="/">Home</a></nav><script>x</script></body></html>')));
  assert.match(fails(out)[0]!.error, /no readable text/);
});

test('a lead photo beside the article still gives its caption; related-story captions do not', async () => {
  const html = `<html><body><main><figure><img src="a.jpg"><figcaption>The Quell at dawn, 14 March 2031.</figcaption></figure>
<article><p>The river peaked at dawn, the council said in a short statement.</p></article>
<aside><figure><figcaption>A cat in a tree.</figcaption></figure></aside>
<div class="related"><figure><figcaption>Last year's drought.</figcaption></figure></div></main></body></html>`;
  const [d] = docs(await all(readBuffer('hero.html', Buffer.from(html))));
  assert.deepEqual(d!.meta.captions, ['The Quell at dawn, 14 March 2031.']);
  assert.equal(d!.text, 'The river peaked at dawn, the council said in a short statement.');
});

test('page-structure classes that sound like furniture do not hide the story', async () => {
  const html = `<html><body class="has-sidebar"><div class="story-with-comments"><p>The Quell dropped below its banks on Thursday night.</p><p>Shops on Mill Lane began to pump out water.</p></div><div class="sidebar"><p>Weather elsewhere in the county is dry and mild.</p></div></body></html>`;
  const [d] = docs(await all(readBuffer('wrapped.html', Buffer.from(html))));
  assert.equal(d!.text, 'The Quell dropped below its banks on Thursday night.\n\nShops on Mill Lane began to pump out water.');
});
