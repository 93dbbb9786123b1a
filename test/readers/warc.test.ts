import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { readBuffer, readInputs } from '../../src/ingest/readers/index.js';
import { all, assertOffsets, docs, fails, httpResponse, scratch, warcRecord } from './helpers.js';

const PAGE = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title><meta property="og:site_name" content="Quell Post"></head><body><nav>Menu</nav><article><h1>${title}</h1><p>${body}</p></article></body></html>`;

function crawl(): Buffer[] {
  return [
    warcRecord('warcinfo', { 'Content-Type': 'application/warc-fields' }, 'software: test-writer\r\n'),
    warcRecord('request', { 'WARC-Target-URI': 'https://post.example/flood', 'Content-Type': 'application/http; msgtype=request' }, 'GET /flood HTTP/1.1\r\nHost: post.example\r\n\r\n'),
    warcRecord(
      'response',
      { 'WARC-Target-URI': 'https://post.example/flood', 'Content-Type': 'application/http; msgtype=response' },
      httpResponse('200 OK', { 'Content-Type': 'text/html; charset=utf-8' }, PAGE('Marrowby under water', 'The Quell flooded forty shops &amp; a school.')),
    ),
    warcRecord('response', { 'WARC-Target-URI': 'https://post.example/logo.png', 'Content-Type': 'application/http; msgtype=response' }, httpResponse('200 OK', { 'Content-Type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47]))),
    warcRecord('response', { 'WARC-Target-URI': 'https://post.example/old', 'Content-Type': 'application/http; msgtype=response' }, httpResponse('301 Moved Permanently', { Location: '/flood' }, '')),
    warcRecord(
      'response',
      { 'WARC-Target-URI': 'https://post.example/caf%C3%A9', 'Content-Type': 'application/http; msgtype=response' },
      // The HTTP charset names the encoding; the page itself declares nothing.
      httpResponse('200 OK', { 'Content-Type': 'text/html; charset=windows-1252' }, iconv.encode('<html><body><p>\u201cThe caf\u00e9 stays shut,\u201d she said.</p></body></html>', 'windows-1252')),
    ),
    warcRecord('response', { 'WARC-Target-URI': 'https://post.example/notes.txt', 'Content-Type': 'application/http; msgtype=response' }, httpResponse('200 OK', { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' }, '10\r\nThe Quell is fal\r\n9\r\nling now.\r\n0\r\n\r\n')),
  ];
}

function checkCrawl(out: Awaited<ReturnType<typeof all>>, file: string) {
  const d = docs(out as never);
  assert.equal(fails(out as never).length, 0, JSON.stringify(fails(out as never)));
  assert.deepEqual(d.map((x) => x.source), [`${file}#2`, `${file}#5`, `${file}#6`]);
  assert.equal(d[0]!.kind, 'html');
  assert.equal(d[0]!.meta.url, 'https://post.example/flood');
  assert.equal(d[0]!.meta.title, 'Marrowby under water');
  assert.equal(d[0]!.meta.outlet, 'Quell Post');
  assert.equal(d[0]!.text, 'The Quell flooded forty shops & a school.');
  assert.ok(d[0]!.raw.startsWith('<!doctype html>'), 'HTTP headers stripped from raw');
  assertOffsets(d[0]!);
  assert.equal(d[1]!.text, '\u201cThe caf\u00e9 stays shut,\u201d she said.');
  assert.equal(d[2]!.kind, 'text');
  assert.equal(d[2]!.raw, 'The Quell is falling now.');
  assert.equal(d[2]!.meta.url, 'https://post.example/notes.txt');
}

test('WARC: response records with HTML or text become documents; the rest pass quietly', async () => {
  const s = scratch();
  try {
    const f = path.join(s.dir, 'crawl.warc');
    writeFileSync(f, Buffer.concat(crawl()));
    checkCrawl(await all(readInputs([f])), f);
  } finally {
    s.done();
  }
});

test('WARC.gz: one gzip member per record, as crawlers write them', async () => {
  const s = scratch();
  try {
    const f = path.join(s.dir, 'crawl.warc.gz');
    writeFileSync(f, Buffer.concat(crawl().map((r) => gzipSync(r))));
    checkCrawl(await all(readInputs([f])), f);
  } finally {
    s.done();
  }
});

test('truncated gzip: records before the cut are kept, then a failure says so', async () => {
  const members = crawl().map((r) => gzipSync(r));
  const whole = Buffer.concat(members);
  // Cut inside the last member (the text record): the three members before it are intact.
  const cut = whole.subarray(0, whole.length - Math.floor(members.at(-1)!.length / 2));
  const out = await all(readBuffer('cut.warc.gz', cut));
  assert.deepEqual(docs(out).map((d) => d.source), ['cut.warc.gz#2', 'cut.warc.gz#5']);
  const f = fails(out);
  assert.equal(f.length, 1);
  assert.match(f[0]!.error, /^truncated gzip \(unexpected end of file/);
});

test('truncated WARC record: earlier records kept, the cut one fails', async () => {
  const recs = crawl();
  const whole = Buffer.concat(recs.slice(0, 3));
  const out = await all(readBuffer('part.warc', whole.subarray(0, whole.length - 40)));
  assert.equal(docs(out).length, 0);
  assert.match(fails(out)[0]!.error, /^truncated WARC record: \d+ of \d+ bytes/);
  const out2 = await all(readBuffer('part2.warc', Buffer.concat([...recs.slice(0, 3), recs[6]!.subarray(0, 30)])));
  assert.equal(docs(out2).length, 1);
  assert.match(fails(out2).at(-1)!.error, /^truncated WARC record header/);
});

test('WARC record over the size limit fails alone', async () => {
  const big = warcRecord('response', { 'WARC-Target-URI': 'https://post.example/big', 'Content-Type': 'application/http; msgtype=response' }, httpResponse('200 OK', { 'Content-Type': 'text/plain' }, 'The Quell. '.repeat(300)));
  const out = await all(readBuffer('big.warc', Buffer.concat([big, crawl()[2]!]), { maxBytes: 2000 }));
  assert.match(fails(out)[0]!.error, /WARC record of 3\.\d KB exceeds the 2\.0 KB limit/);
  assert.equal(docs(out).length, 1);
});

test('a WARC with no page in it says so', async () => {
  const out = await all(readBuffer('meta.warc', Buffer.concat(crawl().slice(0, 2))));
  assert.match(fails(out)[0]!.error, /has 2 records but no HTML or text response/);
});

test('gzip of a non-WARC truncated: a buffered format is not read half', async () => {
  const gz = gzipSync(Buffer.from('<html><body><p>The Quell rose overnight in Marrowby.</p></body></html>'));
  const out = await all(readBuffer('page.html.gz', gz.subarray(0, gz.length - 6)));
  assert.equal(out.length, 1);
  assert.match(fails(out)[0]!.error, /^truncated gzip/);
});
