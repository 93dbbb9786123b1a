// Reads the seed articles and their reference windows at run time; nothing of them is kept here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolveTimes, estimatePublication, explicitDatesInText } from '../../src/analysis/time/index.js';
import { segment } from '../../src/text/segment.js';

const GOLD = '../shared/gold/seeds.json';
const SEEDS = '../shared/seeds/';
interface GoldArticle { file: string; published: { earliest: string; latest: string } }
const gold: GoldArticle[] | null = existsSync(GOLD) ? (JSON.parse(readFileSync(GOLD, 'utf8')) as { articles: GoldArticle[] }).articles : null;
const inWindow = (v: string, w: GoldArticle['published']) => v.slice(0, 10) >= w.earliest && v.slice(0, 10) <= w.latest;

test('seed weekdays said in the past resolve within the week before publication', { skip: !gold }, () => {
  for (const a of gold!) {
    const text = readFileSync(SEEDS + a.file, 'utf8');
    const times = resolveTimes(text, segment(text).sentences, a.published.earliest);
    assert.ok(times.length > 0, a.file);
    for (const t of times) {
      assert.equal(text.slice(t.start, t.end), t.text);
      if (/^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/.test(t.text) && /before publication/.test(t.reason)) {
        const days = (Date.parse(a.published.earliest) - Date.parse(t.value)) / 86_400_000;
        assert.ok(days >= 0 && days < 7, `${a.file}: ${t.text} → ${t.value}`);
      }
    }
  }
});

test('seed publication dates: a date heading a paragraph, or related articles and reported weekdays', { skip: !gold }, () => {
  let judged = 0;
  for (const a of gold!) {
    const text = readFileSync(SEEDS + a.file, 'utf8');
    const lead = explicitDatesInText(text).find((d) => d.leading);
    // Stand-in for the linking layer: the closest earlier seed is taken as the related article.
    const earlier = gold!
      .filter((b) => b !== a && b.published.earliest <= a.published.earliest)
      .sort((x, y) => x.published.earliest.localeCompare(y.published.earliest))
      .at(-1);
    const related = earlier ? [{ date: earlier.published.earliest, reason: `shares the story with seed ${earlier.file.slice(0, 3)}` }] : [];
    const e = estimatePublication(text, segment(text).sentences, { relatedDates: related });
    if (!lead && !related.length) continue;
    assert.ok(e, a.file);
    judged++;
    assert.ok(inWindow(e!.value, a.published), `${a.file}: ${e!.value} (${e!.reason})`);
  }
  assert.ok(judged >= 3);
});
