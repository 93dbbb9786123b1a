/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The web app in a real browser (Debian's Chromium via playwright-core) against a server over the
// seed articles: overview, article reader with speaker tooltips, claims ledger, pasting an article,
// keyboard use and a phone-width layout. Screenshots of every step land in test-artifacts/.
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
