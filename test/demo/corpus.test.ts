// The bundled demo corpus promises, in demo/README.md, a set of features that other tests and the
// web app rely on. These checks keep the files honest when someone edits them.
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cleanDocument, lineKey } from '../../src/ingest/clean.js';
import type { Article } from '../../src/types.js';

const DIR = fileURLToPath(new URL('../../demo/corpus/', import.meta.url));
const LABEL = '[Fictional report written for the Triangulate demo. Not a real event.]';
const read = (f: string) => readFileSync(DIR + f, 'utf8');
const corpusFiles = readdirSync(DIR).filter((f) => f !== 'README.md').sort();

const TEXT_FILES: Record<string, { outlet: string; published: string | null; evidence: string }> = {
  '01-northwind-khovd-advance.txt': { outlet: 'Northwind Agency', published: '2031-03-10', evidence: 'dateline' },
  '02-gobiridge-khovd-residents.txt': { outlet: 'Gobi Ridge Dispatch', published: '2031-03-11', evidence: 'dateline' },
  '03-steppe-khovd-market.txt': { outlet: 'Steppe Broadcasting', published: '2031-03-11', evidence: 'caption' },
  '04-northwind-ulaangom-captured.txt': { outlet: 'Northwind Agency', published: '2031-03-17', evidence: 'dateline' },
  '06-steppe-talks-open.txt': { outlet: 'Steppe Broadcasting', published: '2031-03-21', evidence: 'caption' },
  '07-gobiridge-ulaangom-under-front.txt': { outlet: 'Gobi Ridge Dispatch', published: null, evidence: 'none' },
};
const HTML_FILE = '05-steppe-ulaangom-truce-offer.html';
const STATEMENT =
  'Units of the Western Command have completed an orderly repositioning to positions outside Ulaangom in order to spare the civilian population from fighting in the streets. The armed group has entered parts of the town, but it does not control Uvs province, and it will not hold what it has entered.';

// The label recurs in every outlet, as the store would have learned after two articles.
const clean = (f: string): Article =>
  cleanDocument({ source: f, raw: read(f), kind: 'text', format: 'text', meta: {} }, { isRecurring: (k) => k === lineKey(LABEL) });

const decode = (s: string) =>
  s.replace(/&ldquo;|&rdquo;/g, '"').replace(/&rsquo;/g, '\u2019').replace(/&amp;/g, '&');
const htmlBody = () => decode(/<article>([\s\S]*?)<\/article>/.exec(read(HTML_FILE))![1]!.replace(/<[^>]+>/g, ' '));
const bodyOf = (f: string) => (f === HTML_FILE ? htmlBody() : clean(f).text);

const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];
const tokens = (s: string) => words(s.toLowerCase().replace(/[\u2019']/g, ''));
const foldQuotes = (s: string) => s.replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, ' ');

/** Share of the target's tokens covered by n-grams that also occur in the source. */
function coveredShare(source: string, target: string, n = 6): number {
  const s = tokens(source);
  const t = tokens(target);
  const grams = new Set<string>();
  for (let i = 0; i + n <= s.length; i++) grams.add(s.slice(i, i + n).join(' '));
  const covered = new Array<boolean>(t.length).fill(false);
  for (let i = 0; i + n <= t.length; i++) if (grams.has(t.slice(i, i + n).join(' '))) covered.fill(true, i, i + n);
  return covered.filter(Boolean).length / t.length;
}

test('the corpus has the files the README describes, and the README names each of them', () => {
  assert.deepEqual(corpusFiles, [...Object.keys(TEXT_FILES).slice(0, 4), HTML_FILE, ...Object.keys(TEXT_FILES).slice(4), 'feed.xml']);
  const readme = readFileSync(new URL('../../demo/README.md', import.meta.url), 'utf8');
  for (const f of corpusFiles) assert.ok(readme.includes('`' + f + '`'), `README table lacks ${f}`);
});

test('every file ends with the same short fiction label', () => {
  assert.ok(words(LABEL).length < 15);
  for (const f of corpusFiles) {
    const last = read(f).trimEnd().split('\n').at(-1)!;
    const expected = f.endsWith('.html') ? `<p>${LABEL}</p>` : f.endsWith('.xml') ? `<!-- ${LABEL} -->` : LABEL;
    if (f.endsWith('.html')) assert.ok(read(f).includes(expected), f);
    else assert.equal(last, expected, f);
  }
});

test('text articles: outlet, date evidence and a 250–600 word body without the label', () => {
  for (const [f, want] of Object.entries(TEXT_FILES)) {
    const a = clean(f);
    assert.equal(a.outlet, want.outlet, f);
    assert.equal(a.published, want.published, f);
    assert.equal(a.publishedEvidence.source, want.evidence, f);
    assert.ok(a.wordCount >= 250 && a.wordCount <= 600, `${f}: ${a.wordCount} words`);
    assert.ok(!a.text.includes('Fictional report'), f);
    assert.ok(a.boilerplate.includes(LABEL), f);
  }
  const html = words(htmlBody()).length;
  assert.ok(html >= 250 && html <= 600, `${HTML_FILE}: ${html} words`);
});

test('outlet boilerplate is recognised: breadcrumb, footers, related headlines', () => {
  const steppe = clean('03-steppe-khovd-market.txt');
  assert.equal(steppe.section, 'News / Politics / Region');
  assert.ok(steppe.boilerplate.includes('SHARE THIS STORY'));
  assert.equal(steppe.captions.length, 1);
  const gobi = clean('07-gobiridge-ulaangom-under-front.txt');
  assert.equal(gobi.byline, 'Anu Erdenebat');
  assert.ok(gobi.boilerplate.includes('Leave a reply'));
  assert.ok(gobi.boilerplate.includes('Front names former vet as town mayor'));
  assert.ok(gobi.captions[0]!.endsWith('(File photo)'));
  assert.equal(clean('01-northwind-khovd-advance.txt').dateline, 'ULAANBAATAR');
});

test('02 copies 40–60% of its body from 01; no other pair shares more than 10% (apart from 04/05)', () => {
  const share = coveredShare(bodyOf('01-northwind-khovd-advance.txt'), bodyOf('02-gobiridge-khovd-residents.txt'));
  assert.ok(share >= 0.4 && share <= 0.6, `copied share ${share.toFixed(3)}`);
  const articles = [...Object.keys(TEXT_FILES), HTML_FILE];
  for (const a of articles)
    for (const b of articles) {
      if (a >= b || (a.startsWith('01') && b.startsWith('02')) || (a.startsWith('04') && b.startsWith('05'))) continue;
      const s = coveredShare(bodyOf(a), bodyOf(b));
      assert.ok(s < 0.1, `${a} → ${b}: ${s.toFixed(3)}`);
    }
});

test('04 and 05 share the ministry statement word for word and little else', () => {
  const wire = foldQuotes(bodyOf('04-northwind-ulaangom-captured.txt'));
  const broadcaster = foldQuotes(bodyOf(HTML_FILE));
  assert.ok(wire.includes(`"${STATEMENT}"`));
  assert.ok(broadcaster.includes(`"${STATEMENT}"`));
  const rest = coveredShare(wire.replace(STATEMENT, ''), broadcaster.replace(STATEMENT, ''));
  assert.ok(rest < 0.05, `outside the statement: ${rest.toFixed(3)}`);
});

test('conflicting, consistent and rising figures are where the README says', () => {
  const has = (f: string, s: string) => assert.ok(foldQuotes(bodyOf(f)).replace(/\u2019/g, "'").includes(s), `${f} lacks "${s}"`);
  has('01-northwind-khovd-advance.txt', "14 of the country's 21 provinces");
  has('04-northwind-ulaangom-captured.txt', '70 percent of the territory');
  has('01-northwind-khovd-advance.txt', 'only three districts');
  has('03-steppe-khovd-market.txt', "fewer than a fifth of the country's territory");
  has('01-northwind-khovd-advance.txt', "148 of the country's 330 soums");
  has('07-gobiridge-ulaangom-under-front.txt', 'about half of the roughly 300 soums');
  has('04-northwind-ulaangom-captured.txt', 'captured Ulaangom, the capital of Uvs province');
  has('07-gobiridge-ulaangom-under-front.txt', 'The town fell to the Front on Sunday');
  has('03-steppe-khovd-market.txt', 'Government forces stopped the Front');
  const rising = [
    ['01-northwind-khovd-advance.txt', '12,000'],
    ['03-steppe-khovd-market.txt', '19,500'],
    ['04-northwind-ulaangom-captured.txt', '31,000'],
    ['06-steppe-talks-open.txt', '46,000'],
  ] as const;
  for (const [f, n] of rising) has(f, n);
  assert.match(read('feed.xml'), /risen to 52,000/);
});

test('the HTML page and the feed carry the metadata the readers look for', () => {
  const html = read(HTML_FILE);
  for (const re of [/<meta property="article:published_time" content="2031-03-17T19:40:00\+08:00">/, /<meta property="og:site_name" content="Steppe Broadcasting">/, /<figure>[\s\S]*<figcaption>[^<]*\(Photo by [^)]+\)<\/figcaption>/, /<article>[\s\S]*<\/article>/])
    assert.match(html, re);
  const feed = read('feed.xml');
  assert.match(feed, /<rss version="2\.0"/);
  const items = feed.match(/<item>[\s\S]*?<\/item>/g) ?? [];
  assert.equal(items.length, 3);
  for (const item of items) {
    for (const tag of ['title', 'description', 'pubDate', 'link']) assert.match(item, new RegExp(`<${tag}>[^<]+</${tag}>`), tag);
    assert.match(/<link>([^<]+)<\/link>/.exec(item)![1]!, /^https:\/\/([\w-]+\.)?example\.(org|com)\//);
  }
});
