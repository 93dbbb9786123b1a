// Fetching runs against a server of our own on 127.0.0.1 only. The refusal tests name other
// addresses, but the check refuses them before any connection is attempted.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { assertPublicUrl, fetchUrl, reservedRange } from '../../src/ingest/fetch.js';
import { readInputs } from '../../src/ingest/readers/index.js';
import { all, assertOffsets, docs, fails } from './helpers.js';

const ARTICLE = '<html><head><meta property="og:title" content="Quell bridge reopens"></head><body><article><p>The bridge over the Quell reopened at noon.</p><p>Traffic was light.</p></article></body></html>';
const FEED = '<rss version="2.0"><channel><title>Quell Radio</title><item><title>Bridge</title><link>https://radio.example/bridge</link><description>The bridge reopened.</description></item></channel></rss>';

let server: http.Server;
let base = '';
let hits: string[] = [];
const slow: http.ServerResponse[] = [];

before(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://x');
    const hop = /^\/hop\/(\d+)$/.exec(url.pathname);
    if (url.pathname === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(ARTICLE);
    } else if (url.pathname === '/feed') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(FEED);
    } else if (url.pathname === '/plain') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=windows-1252' });
      res.end(Buffer.from([0x93, 0x48, 0x69, 0x67, 0x68, 0x20, 0x77, 0x61, 0x74, 0x65, 0x72, 0x94, 0x2c, 0x20, 0x73, 0x61, 0x69, 0x64, 0x20, 0x74, 0x68, 0x65, 0x20, 0x63, 0x6c, 0x65, 0x72, 0x6b, 0x2e]));
    } else if (url.pathname === '/gzip') {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
      res.end(gzipSync(Buffer.from(ARTICLE)));
    } else if (hop) {
      const n = +hop[1]!;
      res.writeHead(302, { location: n > 0 ? `/hop/${n - 1}` : '/article' });
      res.end();
    } else if (url.pathname === '/to-other-loopback') {
      res.writeHead(301, { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/article` });
      res.end();
    } else if (url.pathname === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50_000) });
      res.end('x'.repeat(50_000));
    } else if (url.pathname === '/big-chunked') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      for (let i = 0; i < 50; i++) res.write('The Quell rose. '.repeat(64));
      res.end();
    } else if (url.pathname === '/slow') {
      slow.push(res); // never answered; closed in after()
    } else {
      res.writeHead(404);
      res.end('not here');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const r of slow) r.destroy();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

test('a local page is fetched and read as HTML with meta.url the final URL', async () => {
  const out = await all(readInputs([`${base}/hop/2`], { allowPrivate: true }));
  const [d] = docs(out);
  assert.ok(d, JSON.stringify(out));
  assert.equal(d.source, `${base}/hop/2`);
  assert.equal(d.meta.url, `${base}/article`);
  assert.equal(d.meta.title, 'Quell bridge reopens');
  assert.equal(d.text, 'The bridge over the Quell reopened at noon.\n\nTraffic was light.');
  assertOffsets(d);
});

test('Content-Type and its charset guide the reading', async () => {
  const feed = docs(await all(readInputs([`${base}/feed`], { allowPrivate: true })));
  assert.equal(feed[0]!.format, 'feed-rss');
  assert.equal(feed[0]!.meta.url, 'https://radio.example/bridge');
  const plain = docs(await all(readInputs([`${base}/plain`], { allowPrivate: true })));
  assert.equal(plain[0]!.raw, '\u201cHigh water\u201d, said the clerk.');
  const gz = docs(await all(readInputs([`${base}/gzip`], { allowPrivate: true })));
  assert.equal(gz[0]!.meta.title, 'Quell bridge reopens');
});

test('at most 5 redirects', async () => {
  assert.equal(docs(await all(readInputs([`${base}/hop/4`], { allowPrivate: true }))).length, 1);
  const out = await all(readInputs([`${base}/hop/5`], { allowPrivate: true }));
  assert.equal(fails(out)[0]?.error, 'too many redirects (more than 5)');
});

test('each redirect hop is checked again', async () => {
  hits = [];
  await assert.rejects(fetchUrl(`${base}/to-other-loopback`, { allowPrivate: (a) => a === '127.0.0.1' }), /refused to fetch 127\.0\.0\.2: it is a loopback address/);
  assert.deepEqual(hits, ['/to-other-loopback']);
});

test('loopback, private, link-local and reserved addresses are refused without allowPrivate', async () => {
  hits = [];
  const port = (server.address() as AddressInfo).port;
  const urls = [`http://127.0.0.1:${port}/article`, `http://localhost:${port}/article`, 'http://10.0.0.1/', `http://[::1]:${port}/article`, 'http://169.254.169.254/latest/meta-data/', 'http://100.64.0.1/', 'http://0.0.0.0/', 'http://[fd12::1]/', 'http://[::ffff:127.0.0.1]/'];
  const out = await all(readInputs(urls));
  assert.equal(out.length, urls.length);
  for (const f of out) assert.match((f as { error: string }).error, /^refused to fetch .+ address \(allowPrivate is off\)$/, f.source);
  assert.deepEqual(hits, [], 'no request reached the server');
});

test('address ranges', () => {
  const cases: [string, string | null][] = [
    ['127.0.0.1', 'loopback'], ['10.1.2.3', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['172.32.0.1', null],
    ['192.168.1.1', 'private'], ['169.254.169.254', 'link-local'], ['0.0.0.0', '"this network"'], ['100.64.0.1', 'carrier-grade NAT'],
    ['100.128.0.1', null], ['224.0.0.1', 'multicast'], ['255.255.255.255', 'broadcast'], ['::1', 'loopback'], ['fc00::1', 'private (unique local)'],
    ['fe80::1', 'link-local'], ['::ffff:10.0.0.1', 'private'], ['::ffff:7f00:1', 'loopback'], ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['93.184.216.34', null], ['2606:4700:4700::1111', null], ['8.8.8.8', null],
  ];
  for (const [ip, range] of cases) assert.equal(reservedRange(ip), range, ip);
});

test('only http and https', async () => {
  await assert.rejects(assertPublicUrl('file:///etc/passwd'), /only http and https URLs/);
  await assert.rejects(assertPublicUrl('ftp://files.example/x'), /only http and https URLs/);
  await assert.rejects(assertPublicUrl('http://'), /invalid URL/);
});

test('a slow server times out', async () => {
  const out = await all(readInputs([`${base}/slow`], { allowPrivate: true, timeoutMs: 300 }));
  assert.deepEqual(out, [{ source: `${base}/slow`, error: 'timed out after 300 ms' }]);
});

test('bodies over the size limit are refused, declared or not', async () => {
  const a = await all(readInputs([`${base}/big`], { allowPrivate: true, maxBytes: 10_000 }));
  assert.match(fails(a)[0]!.error, /^response of 50000 bytes exceeds the 10000 bytes limit$/);
  const b = await all(readInputs([`${base}/big-chunked`], { allowPrivate: true, maxBytes: 10_000 }));
  assert.match(fails(b)[0]!.error, /^response exceeds the 10000 bytes limit$/);
});

test('HTTP errors are failures', async () => {
  const out = await all(readInputs([`${base}/missing`], { allowPrivate: true }));
  assert.deepEqual(out, [{ source: `${base}/missing`, error: 'HTTP 404 Not Found' }]);
});

test('a host name is resolved, checked and connected to by its checked addresses', async () => {
  const port = (server.address() as AddressInfo).port;
  hits = [];
  const res = await fetchUrl(`http://localhost:${port}/article`, { allowPrivate: true });
  assert.equal(res.status, 200);
  assert.deepEqual(hits, ['/article']);
});
