/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The web app in a real browser (Debian's Chromium via playwright-core) against a server over the
// seed articles: overview, article reader with speaker tooltips, claims ledger, reuse side by side,
// voices, search, the brief, pasting an article, keyboard use and a phone-width layout. Screenshots
// of every step land in test-artifacts/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ingest } from '../../src/ingest/ingest.js';
import { readInputs } from '../../src/ingest/readers/index.js';
import { startServer } from '../../src/server/server.js';
import { SqliteStore } from '../../src/store/sqlite.js';
import { CHROMIUM, hasChromium, launchChromium } from './chromium.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEEDS = fileURLToPath(new URL('../../../shared/seeds', import.meta.url));
const ARTIFACTS = join(ROOT, 'test-artifacts');
// Element pictures scroll the page; the sticky header would then cover part of the element.
const UNSTICK = 'header.top { position: static !important; }';

const skip = !hasChromium()
  ? `Chromium not found at ${CHROMIUM}: install it (apt-get install -y chromium) to run the browser tests`
  : !existsSync(SEEDS)
    ? `seed articles not found at ${SEEDS}: the browser tests need them`
    : false;
if (skip) process.stderr.write(`skipping browser tests: ${skip}\n`);

interface QuoteView { articleId: string; text: string; start: number; end: number; speaker: string | null }
interface ClaimView { quantity: string; value: number; asOf: string | null; groupId: string | null }

describe('web app in Chromium', { skip }, () => {
  let base = '';
  let closeServer: () => Promise<void> = async () => {};
  let store: SqliteStore;
  let dir = '';
  let browser: Browser;
  let cleanupBrowser: () => Promise<void> = async () => {};
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  const api = async <T>(path: string): Promise<T> => {
    const r = await fetch(base + path);
    assert.equal(r.status, 200, `${path} answered ${r.status}`);
    return (await r.json()) as T;
  };
  const shot = (name: string, p: Page = page) => p.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const open = async (hash: string) => {
    await page.goto(`${base}${hash}`);
    await page.waitForSelector('main:not([aria-busy]) > *', { timeout: 15_000 });
  };

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    if (!existsSync(join(ROOT, 'web/dist/index.html'))) execFileSync('npx', ['vite', 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
    dir = mkdtempSync(join(tmpdir(), 'tri-browser-'));
    store = new SqliteStore(join(dir, 'seeds.db'));
    await store.migrate();
    const summary = await ingest(store, readInputs([SEEDS]), { workers: 0 });
    assert.ok(summary.ingested > 0, `no seed article was ingested: ${summary.failures.slice(0, 2).map((f) => f.error).join('; ')}`);
    const server = await startServer(store, { host: '127.0.0.1', port: 0 });
    base = server.url.replace(/\/$/, '');
    closeServer = server.close;
    ({ browser, cleanup: cleanupBrowser } = await launchChromium());
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  });

  after(async () => {
    await cleanupBrowser();
    await closeServer();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens the overview with a map and a timeline, without console errors', async () => {
    problems.length = 0;
    await open('/#/');
    await page.waitForSelector('svg.map', { timeout: 10_000 });
    const countries = await page.locator('svg.map .land path[d]:not([d=""])').count();
    assert.ok(countries > 50, `the map shows ${countries} country shapes`);
    assert.equal(await page.locator('svg.timeline').count(), 1, 'no timeline chart on the overview');
    assert.match(await page.locator('h1').innerText(), /story so far/i);
    await shot('01-overview');
    await page.locator('.overview .two').screenshot({ path: join(ARTIFACTS, '01-overview-map-timeline.png'), style: UNSTICK });
    assert.deepEqual(problems, [], 'the overview logged errors');
  });

  it('fits a phone-width screen without horizontal scrolling', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    try {
      const p = await phone.newPage();
      await p.goto(`${base}/#/`);
      await p.waitForSelector('svg.map');
      const { scroll, client } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      await shot('02-overview-phone', p);
      const wide = await p.evaluate(() => [...document.querySelectorAll('main *')]
        .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`));
      assert.ok(scroll <= client, `the page is ${scroll}px wide on a ${client}px screen (too wide: ${wide.join(', ')})`);
    } finally {
      await phone.close();
    }
  });

  it('opens an article with a highlighted quote attributed to the right speaker', async () => {
    const quotes = await api<{ items: QuoteView[] }>('/api/quotes?limit=1000');
    assert.ok(quotes.items.length, 'the API returned no quotes: is the quote extractor wired into the pipeline?');
    const q = quotes.items.find((x) => /strategic momentum/i.test(x.text));
    assert.ok(q, `no quote containing "strategic momentum" among ${quotes.items.length} quotes`);
    assert.ok(q.speaker, 'the "strategic momentum" quote has no speaker');
    assert.match(q.speaker, /Milley/, `the "strategic momentum" quote is attributed to ${q.speaker}`);
    problems.length = 0;
    await open(`/#/article/${q.articleId}?hl=${q.start}-${q.end}`);
    const mark = page.locator(`.quote[data-tip][data-start="${q.start}"]`);
    assert.equal(await mark.count(), 1, 'the quote is not marked in the text');
    const tip = (await mark.getAttribute('data-tip')) ?? '';
    const title = (await mark.getAttribute('title')) ?? '';
    assert.ok(tip.includes(`speaker: ${q.speaker}`), `tooltip "${tip}" does not name ${q.speaker}`);
    assert.ok(title.includes(`speaker: ${q.speaker}`), `title "${title}" does not name ${q.speaker}`);
    assert.ok(await page.locator('.target').first().isVisible(), 'the highlighted span is not visible');
    assert.match(await mark.innerText(), /\S/);
    await shot('03-article-quote');
    assert.deepEqual(problems, [], 'the article page logged errors');
  });

  it('reaches the first quote with Tab and shows its speaker on focus', async () => {
    const quotes = await api<{ items: QuoteView[] }>('/api/quotes?limit=1000');
    const q = quotes.items.find((x) => x.speaker);
    assert.ok(q, 'the API returned no quote with a speaker: is the quote extractor wired into the pipeline?');
    await open(`/#/article/${q.articleId}`);
    const first = await page.locator('.quote[tabindex="0"]').first().getAttribute('data-start');
    assert.ok(first, 'no focusable quote in the article');
    await page.locator('body').focus();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((s) => document.activeElement?.getAttribute('data-start') === s && document.activeElement.classList.contains('quote'), first);
    }
    assert.ok(reached, 'Tab never reached the first quote');
    const after = await page.evaluate(() => getComputedStyle(document.activeElement!, '::after').content);
    assert.match(after, /speaker: /, `the focused quote shows no tooltip (::after content ${after})`);
    await shot('04-quote-focus');
  });

  it('shows the district counts over time in the claims ledger', async () => {
    const claims = await api<{ items: ClaimView[]; groups: { id: string; quantity: string }[] }>('/api/claims?limit=1000');
    assert.ok(claims.items.length, 'the API returned no claims: is the claim extractor wired into the pipeline?');
    assert.ok(claims.groups.some((g) => /district/i.test(g.quantity)), `no claim group about districts among: ${claims.groups.map((g) => g.quantity).join('; ')}`);
    problems.length = 0;
    await open('/#/claims');
    const groups = page.locator('section.claim-group').filter({ has: page.locator('h2', { hasText: /district/i }) });
    const n = await groups.count();
    assert.ok(n > 0, 'no claim group about districts on the claims page');
    let best = 0;
    for (let i = 0; i < n; i++) best = Math.max(best, await groups.nth(i).locator('svg.claim-chart circle.claim-dot').count());
    assert.ok(best >= 2, `the district chart has ${best} point(s), want at least 2`);
    // The ledger is long: a full-page picture is unreadable, so the first screen and the group.
    await page.screenshot({ path: join(ARTIFACTS, '05-claims.png') });
    await groups.first().screenshot({ path: join(ARTIFACTS, '05-claims-district-group.png'), style: UNSTICK });
    assert.deepEqual(problems, [], 'the claims page logged errors');
  });

  it('lines up the copied passages of a reuse pair in two columns', async () => {
    const reuse = await api<{ items: { id: string; kind: string; passages: unknown[] }[] }>('/api/reuse?limit=1000');
    const pair = reuse.items.find((p) => p.kind === 'copied');
    assert.ok(pair, `no copied pair among ${reuse.items.length} reuse pairs of the seeds`);
    problems.length = 0;
    await open(`/#/reuse/${encodeURIComponent(pair.id)}`);
    const rows = page.locator('.reuse-row');
    assert.equal(await rows.count(), pair.passages.length, 'one row per aligned passage');
    for (let i = 0; i < (await rows.count()); i++) {
      const left = rows.nth(i).locator('.src-cell p');
      const right = rows.nth(i).locator('.tgt-cell p');
      assert.match(await left.innerText(), /\w{3}/, `row ${i + 1} has no earlier text`);
      assert.match(await right.innerText(), /\w{3}/, `row ${i + 1} has no later text`);
      const [a, b] = [await left.boundingBox(), await right.boundingBox()];
      assert.ok(a && b && b.x > a.x + a.width - 1, `row ${i + 1}: the later passage is not beside the earlier one`);
      assert.ok(Math.abs(a.y - b.y) < 2, `row ${i + 1}: the passages start ${Math.abs(a.y - b.y)}px apart`);
      assert.ok(await rows.nth(i).locator('.src-cell mark.shared').count(), `row ${i + 1}: shared words not highlighted on the left`);
      assert.ok(await rows.nth(i).locator('.tgt-cell mark.shared').count(), `row ${i + 1}: shared words not highlighted on the right`);
    }
    await shot('07-reuse-side-by-side');
    assert.deepEqual(problems, [], 'the reuse page logged errors');
  });

  it('lists speakers and links each of their quotes to its sentence', async () => {
    problems.length = 0;
    await open('/#/voices');
    const speaker = page.locator('.voices-table tbody tr a').first();
    const name = await speaker.innerText();
    assert.match(name, /\w/, 'the voices page lists no speaker');
    await speaker.click();
    await page.waitForSelector('#speaker-quotes .quote-link');
    const link = page.locator('#speaker-quotes .quote-link').first();
    const href = (await link.getAttribute('href')) ?? '';
    const m = /^#\/article\/([0-9a-f]+)\?hl=(\d+)-(\d+)$/.exec(href);
    assert.ok(m, `the quote links to "${href}", not to a sentence (hl=)`);
    const quotes = await api<{ items: QuoteView[] }>(`/api/quotes?limit=1000&speaker=${encodeURIComponent(name)}`);
    assert.ok(quotes.items.some((q) => q.articleId === m[1] && q.start === Number(m[2]) && q.end === Number(m[3])), 'the link is not the span of one of the speaker\'s quotes');
    await shot('08-voices');
    await link.click();
    await page.waitForSelector('main:not([aria-busy]) .article-text .target');
    assert.ok(await page.locator('.target').first().isVisible(), 'the quoted sentence is not highlighted');
    assert.deepEqual(problems, [], 'the voices page logged errors');
  });

  it('finds an entity from the search box', async () => {
    const ents = await api<{ items: { name: string; type: string }[] }>('/api/entities?type=PERSON&limit=1');
    const e = ents.items[0];
    assert.ok(e, 'the API returned no person entity: is the entity linker wired in?');
    await open('/#/');
    await page.fill('#search-input', e.name);
    await page.press('#search-input', 'Enter');
    await page.waitForURL(/#\/search\?q=/);
    await page.waitForSelector('main:not([aria-busy]) .search-entities');
    const found = await page.locator('.search-entities li a').allInnerTexts();
    assert.ok(found.includes(e.name), `searching "${e.name}" lists entities ${JSON.stringify(found)}`);
    await shot('09-search');
  });

  it('opens the brief as an HTML page with a heading', async () => {
    await open('/#/');
    const link = page.locator('header nav a', { hasText: 'Brief' });
    assert.equal(await link.getAttribute('target'), '_blank', 'the Brief link should open beside the app');
    const href = (await link.getAttribute('href')) ?? '';
    const r = await fetch(new URL(href, base + '/'));
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await r.text(), /<h1[^>]*>[^<]*\S/, 'the brief has no heading');
    const [brief] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await brief.waitForLoadState();
    assert.match(await brief.locator('h1').first().innerText(), /\w/);
    await shot('10-brief', brief);
    await brief.close();
  });

  it('ingests a pasted article and opens it', async () => {
    const title = 'Ferry service to Quillon Isle resumes after storm repairs';
    const text = [
      'QUILLON ISLE — The harbour board of the fictional Quillon Isle said on Tuesday that the morning ferry would sail again after two weeks of repairs to the storm-damaged pier.',
      '"We rebuilt the landing in eleven days, which nobody thought possible," said harbour master Odile Brenn, adding that 14 of the 20 mooring posts had been replaced.',
      'Islanders had relied on a single fishing boat for deliveries of bread and post while the crossing was closed.',
    ].join('\n\n');
    problems.length = 0;
    await open('/#/add');
    await page.fill('#paste-title', title);
    await page.fill('#paste-text', text);
    await page.click('#paste-submit');
    await page.waitForURL(/#\/article\/[0-9a-f]+/, { timeout: 20_000 });
    await page.waitForSelector('main:not([aria-busy]) h1');
    assert.equal(await page.locator('main h1').innerText(), title);
    assert.match(await page.locator('.article-text').innerText(), /Odile Brenn/);
    await shot('06-pasted-article');
    assert.deepEqual(problems, [], 'adding an article logged errors');
  });
});
