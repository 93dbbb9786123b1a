/// <reference lib="dom" />
// A review walk for people, not a test: every page of a running server at desktop and phone width,
// screenshots in test-artifacts/review/<name>-*.png, and a list of what a reader would trip on
// (console errors, horizontal scrolling, empty pages).
//   node --import tsx test/browser/review.ts --base http://127.0.0.1:8099 --name demo
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchChromium } from './chromium.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const { values } = parseArgs({ options: { base: { type: 'string' }, name: { type: 'string', default: 'review' }, q: { type: 'string' } } });
const base = values.base!.replace(/\/$/, '');
const out = join(ROOT, 'test-artifacts/review');
mkdirSync(out, { recursive: true });

const get = async <T>(path: string): Promise<T> => (await (await fetch(base + path)).json()) as T;
const articles = await get<{ items: { id: string; title: string | null }[] }>('/api/articles?limit=1');
const quotes = await get<{ items: { articleId: string; start: number; end: number }[] }>('/api/quotes?limit=1');
const reuse = await get<{ items: { id: string; kind: string }[] }>('/api/reuse?limit=1000');
const voices = await get<{ items: { speaker: string }[] }>('/api/voices?limit=1');
const pair = reuse.items.find((p) => p.kind === 'copied') ?? reuse.items[0];
const art = quotes.items[0]?.articleId ?? articles.items[0]?.id;
const q = values.q ?? articles.items[0]?.title?.split(/\s+/).find((w) => w.length > 4) ?? 'the';

const pages: [string, string][] = [
  ['overview', '/#/'],
  ['articles', '/#/articles'],
  ['article', art ? `/#/article/${art}` : ''],
  ['reuse', pair ? `/#/reuse/${encodeURIComponent(pair.id)}` : ''],
  ['claims', '/#/claims'],
  ['voices', voices.items[0] ? `/#/voices?speaker=${encodeURIComponent(voices.items[0].speaker)}` : '/#/voices'],
  ['search', `/#/search?q=${encodeURIComponent(q)}`],
  ['add', '/#/add'],
  ['brief', '/api/brief?format=html'],
];

const { browser, cleanup } = await launchChromium();
const notes: string[] = [];
try {
  for (const [label, viewport] of [['desk', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
    const ctx = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page: Page = await ctx.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    for (const [name, path] of pages) {
      if (!path) {
        notes.push(`${name}: nothing to show in this corpus`);
        continue;
      }
      errors.length = 0;
      const t0 = Date.now();
      await page.goto(base + path);
      if (path.startsWith('/#')) await page.waitForSelector('main:not([aria-busy]) > *', { timeout: 30_000 });
      const ms = Date.now() - t0;
      await page.waitForTimeout(100);
      const { scroll, client, height } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, height: document.documentElement.scrollHeight }));
      const file = join(out, `${values.name}-${label}-${name}.png`);
      await page.screenshot({ path: file, fullPage: height < 6000 });
      if (scroll > client) {
        const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .slice(0, 6).map((el) => `${el.tagName.toLowerCase()}.${el.className}`));
        notes.push(`${label} ${name}: ${scroll}px wide on ${client}px (${wide.join(', ')})`);
      }
      if (errors.length) notes.push(`${label} ${name}: ${errors.join(' | ')}`);
      process.stderr.write(`${label} ${name} ${ms} ms ${height}px high\n`);
    }
    await ctx.close();
  }
} finally {
  await cleanup();
}
process.stdout.write(notes.length ? notes.join('\n') + '\n' : 'no problems noticed\n');
