import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readBuffer, readInputs } from '../../src/ingest/readers/index.js';
import { all, assertOffsets, docs, fails, fixture } from './helpers.js';

test('RSS 2.0: items become articles, channel title the outlet, HTML reduced to text', async () => {
  const out = await all(readInputs([fixture('flood.rss')]));
  const f = fixture('flood.rss');
  assert.deepEqual(out.map((x) => x.source), [0, 1, 2, 3].map((i) => `${f}#${i}`));
  const [a, b, c] = docs(out);
  assert.equal(a!.format, 'feed-rss');
  assert.equal(a!.kind, 'html');
  assert.equal(a!.text, 'The River Quell burst its banks overnight.\n\nForty shops & two schools were flooded.');
  assert.deepEqual(
    { ...a!.meta },
    {
      title: 'Quell floods Marrowby high street', url: 'https://ledger.example/news/quell-floods', published: 'Fri, 14 Mar 2031 06:30:00 GMT',
      publishedFrom: 'rss:pubDate', outlet: 'Marrowby Ledger - Local', outletFrom: 'feed:channel title', byline: 'Ada Brinkworth',
      section: 'Weather', description: 'Shops under water by dawn.',
    },
  );
  assertOffsets(a!);
  // Escaped HTML in <description>.
  assert.equal(b!.text, 'Engineers will inspect the Upper Quell dam.');
  assertOffsets(b!);
  // Title and summary only: a short article.
  assert.equal(c!.kind, 'text');
  assert.equal(c!.raw, 'More rain is forecast for Marrowby.');
  assert.match(fails(out)[0]!.error, /'Only a headline here' has a title but no text/);
});

test('Atom: entries with html, xhtml and summary-only content', async () => {
  const out = await all(readInputs([fixture('flood.atom')]));
  const [a, b, c] = docs(out);
  assert.equal(out.length, 3);
  assert.equal(a!.format, 'feed-atom');
  assert.equal(a!.text, 'Volunteers filled 3,000 sandbags at the Marrowby depot.');
  assert.equal(a!.meta.published, '2031-03-13T18:00:00Z');
  assert.equal(a!.meta.publishedFrom, 'atom:published');
  assert.equal(a!.meta.byline, 'Wren Hollis');
  assert.equal(a!.meta.outlet, 'Quellside Gazette');
  assert.equal(a!.meta.description, 'Volunteers worked through the night.');
  assert.equal(b!.text, 'The Quell footbridge is closed until further notice.');
  assert.equal(b!.meta.publishedFrom, 'atom:updated');
  assert.equal(b!.meta.url, 'https://gazette.example/2031/03/bridge');
  assertOffsets(b!);
  assert.equal(c!.raw, 'All three Marrowby schools reopened on Monday.');
});

test('malformed XML feed: the failure says what and where', async () => {
  const out = await all(readInputs([fixture('broken.rss')]));
  assert.equal(out.length, 1);
  assert.equal(fails(out)[0]!.error, 'malformed XML feed: element <title> not closed before its parent (line 3)');
  const cut = await all(readBuffer('cut.xml', Buffer.from('<?xml version="1.0"?><rss><channel><title>Cut</title><item><title>Half')));
  assert.match(fails(cut)[0]!.error, /^malformed XML feed: unexpected end of document/);
});

test('feeds are recognised by content, whatever the name', async () => {
  const rss = '<rss version="2.0"><channel><title>Quell Notes</title><item><title>Level</title><description>The Quell is at 3.1 m.</description></item></channel></rss>';
  const [d] = docs(await all(readBuffer('upload.txt', Buffer.from(rss))));
  assert.equal(d!.format, 'feed-rss');
  assert.equal(d!.raw, 'The Quell is at 3.1 m.');
});

test('a feed without items fails clearly', async () => {
  const out = await all(readBuffer('empty.rss', Buffer.from('<rss><channel><title>Nothing</title></channel></rss>')));
  assert.equal(fails(out)[0]!.error, 'feed has no items');
});

test('the XML encoding declaration decides the charset', async () => {
  const iconv = (await import('iconv-lite')).default;
  // 0xF2 is ň in windows-1250 but ò in windows-1252: only the declaration can tell.
  const body = 'Povodeň zasáhla Marrowby, řeka Quell stoupá.';
  const xml = `<?xml version="1.0" encoding="windows-1250"?><rss version="2.0"><channel><title>Kurýr</title><item><title>Povodeň</title><description>${body}</description></item></channel></rss>`;
  const [d] = docs(await all(readBuffer('cz.rss', iconv.encode(xml, 'windows-1250'))));
  assert.equal(d!.raw, body);
  assert.equal(d!.meta.outlet, 'Kurýr');
});
