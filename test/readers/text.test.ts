import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { readBuffer, readInputs, readText } from '../../src/ingest/readers/index.js';
import { all, docs, fails, fixture, scratch } from './helpers.js';

const STORY = 'The River Quell rose two metres at Marrowby bridge.\n\n“It came up fast,” said Orla Fenn.\n';

test('plain text: raw is the decoded text exactly, meta empty', async () => {
  const out = await all(readInputs([fixture('report.txt')]));
  assert.equal(out.length, 1);
  const d = docs(out)[0]!;
  assert.equal(d.kind, 'text');
  assert.equal(d.format, 'text');
  assert.equal(d.raw, readFileSync(fixture('report.txt'), 'utf8'));
  assert.deepEqual(d.meta, {});
  assert.equal(d.source, fixture('report.txt'));
});

test('a text file starting with a bracket is still text', async () => {
  const out = await all(readBuffer('update.txt', Buffer.from('[Update] The Quell bridge has reopened.\n')));
  assert.equal(docs(out)[0]?.format, 'text');
});

test('encodings: UTF-8 BOM, UTF-16 LE/BE with BOM, Windows-1252, Latin-1 are decoded', async () => {
  const bom8 = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(STORY)]);
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(STORY, 'utf-16le')]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(STORY, 'utf-16be')]);
  const cp = iconv.encode(STORY, 'windows-1252');
  const latin = 'Le café de Marrowby a fermé; la crue atteint la rue Müller à l’aube.\nDéjà trois élèves évacués.\n';
  const l1 = iconv.encode(latin.replace('’', "'"), 'latin1');
  for (const [name, buf, expect] of [
    ['bom8.txt', bom8, STORY],
    ['le.txt', le, STORY],
    ['be.txt', be, STORY],
    ['cp1252.txt', cp, STORY],
    ['latin1.txt', l1, latin.replace('’', "'")],
  ] as const) {
    const out = await all(readBuffer(name, buf));
    assert.equal(fails(out).length, 0, `${name}: ${JSON.stringify(fails(out))}`);
    assert.equal(docs(out)[0]!.raw, expect, name);
  }
});

test('binary inputs are refused with the reason', async () => {
  const cases: [string, Buffer, RegExp][] = [
    ['scan.pdf', Buffer.from('%PDF-1.7\n%\xe2\xe3\n1 0 obj', 'latin1'), /binary file \(PDF document\), not text/],
    ['photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary file \(PNG image\), not text/],
    ['bundle.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), /binary file \(ZIP/],
    ['blob.bin', Buffer.from('text\0with\0nuls and more text'), /binary file \(NUL bytes\), not text/],
    ['ctrl.txt', Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 ? 0x41 : 0x02))), /binary file \(\d+% control characters\), not text/],
  ];
  for (const [name, buf, re] of cases) {
    const out = await all(readBuffer(name, buf));
    assert.equal(out.length, 1, name);
    assert.match(fails(out)[0]?.error ?? '', re, name);
  }
});

test('empty and whitespace-only inputs are refused', async () => {
  const s = scratch();
  try {
    writeFileSync(path.join(s.dir, 'empty.txt'), '');
    writeFileSync(path.join(s.dir, 'blank.txt'), ' \n\n  \t\n');
    const out = await all(readInputs([path.join(s.dir, 'empty.txt'), path.join(s.dir, 'blank.txt')]));
    assert.deepEqual(out.map((x) => 'error' in x && x.error), ['empty file', 'empty file (only whitespace)']);
    assert.match(fails(await all(readBuffer('x', Buffer.alloc(0))))[0]!.error, /^empty file$/);
  } finally {
    s.done();
  }
});

test('inputs over maxBytes are refused naming size and limit', async () => {
  const s = scratch();
  try {
    const f = path.join(s.dir, 'long.txt');
    writeFileSync(f, 'The Quell rose. '.repeat(200));
    const out = await all(readInputs([f], { maxBytes: 1000 }));
    assert.equal(out.length, 1);
    assert.match(fails(out)[0]!.error, /file of 3\.1 KB exceeds the 1000 bytes limit/);
    assert.equal(docs(await all(readInputs([f], { maxBytes: 4000 }))).length, 1);
  } finally {
    s.done();
  }
});

test('directories: recursive, sorted, dotfiles skipped, one failure does not stop the rest', async () => {
  const s = scratch();
  try {
    mkdirSync(path.join(s.dir, 'b-dir'));
    mkdirSync(path.join(s.dir, '.hidden'));
    writeFileSync(path.join(s.dir, 'c.txt'), 'Third report on the Quell.');
    writeFileSync(path.join(s.dir, 'a.txt'), 'First report on the Quell.');
    writeFileSync(path.join(s.dir, '.secret.txt'), 'never read');
    writeFileSync(path.join(s.dir, '.hidden', 'x.txt'), 'never read either');
    writeFileSync(path.join(s.dir, 'b-dir', 'inner.txt'), 'Second report on the Quell.');
    writeFileSync(path.join(s.dir, 'b-dir', 'pic.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    const out = await all(readInputs([s.dir, path.join(s.dir, 'missing.txt')]));
    assert.deepEqual(
      out.map((x) => path.relative(s.dir, x.source)),
      ['a.txt', path.join('b-dir', 'inner.txt'), path.join('b-dir', 'pic.png'), 'c.txt', 'missing.txt'],
    );
    assert.deepEqual(docs(out).map((d) => d.raw.split(' ')[0]), ['First', 'Second', 'Third']);
    assert.deepEqual(fails(out).map((f) => f.error), ['binary file (PNG image), not text', 'no such file or directory']);
  } finally {
    s.done();
  }
});

test('readText: pasted text is one plain document', () => {
  const d = readText('paste:1', '\uFEFFMarrowby flood update\n\nWater is falling.');
  assert.equal(d.length, 1);
  assert.equal(d[0]!.raw, 'Marrowby flood update\n\nWater is falling.');
  assert.equal(d[0]!.kind, 'text');
  assert.deepEqual(readText('paste:2', '  \n '), []);
});

test('gzip-compressed text is read through', async () => {
  const { gzipSync } = await import('node:zlib');
  const out = await all(readBuffer('story.txt.gz', gzipSync(Buffer.from(STORY))));
  assert.equal(docs(out)[0]?.raw, STORY);
});

test('the seed articles read as plain text', { skip: !existsSync('/work/shared/seeds') && !existsSync('../shared/seeds') }, async () => {
  const dir = existsSync('../shared/seeds') ? '../shared/seeds' : '/work/shared/seeds';
  const out = await all(readInputs([dir]));
  assert.equal(fails(out).length, 0);
  assert.ok(out.length >= 5);
  for (const d of docs(out)) assert.equal(d.kind, 'text');
});

test('"-" reads standard input', async () => {
  const { spawnSync } = await import('node:child_process');
  const script = `import { readInputs } from ${JSON.stringify(path.resolve('src/ingest/readers/index.ts'))};
for await (const d of readInputs(['-'])) console.log(JSON.stringify(d));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    input: '{"title":"Quell update","text":"Water is falling in Marrowby."}\n{"title":"Second","text":"Shops reopen."}\n',
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((d) => [d.source, d.raw]), [['stdin#1', 'Water is falling in Marrowby.'], ['stdin#2', 'Shops reopen.']]);
});
