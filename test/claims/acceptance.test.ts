// Acceptance against the seed articles and their reference annotations (read at run time,
// skipped when absent). Layers below claims come from stand-ins built from the reference
// entities, quotes and places plus a small time finder, so the figures measure this layer;
// a second run with the project's real time/NER/quote/place modules is printed when they load.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { segment } from '../../src/text/segment.js';
import { normalizeText, foldKey } from '../../src/text/normalize.js';
import { extractQuantities } from '../../src/analysis/quantities/index.js';
import { extractClaims, type ClaimX } from '../../src/analysis/claims/index.js';
import { extractControl, extractEvents } from '../../src/analysis/events/index.js';
import { groupClaims, claimId, controlByPlace, interval } from '../../src/link/claims/index.js';
import { mergeTimeline } from '../../src/link/timeline/index.js';
import type { ControlClaim, EventMention, Mention, PlaceRef, Quote, TimeRef } from '../../src/types.js';
import { findMentions, findPlaces, findTimes, makeQuotes } from './standins.js';

const SEEDS = '../shared/seeds';
const GOLD = '../shared/gold/seeds.json';
const have = existsSync(GOLD) && existsSync(SEEDS);

interface Layers {
  mentions: Mention[];
  quotes: Quote[];
  places: PlaceRef[];
  times: TimeRef[];
}
type LayerFn = (text: string, id: string, published: string) => Layers;

const fold = (s: string | null | undefined) =>
  foldKey(normalizeText(s ?? ''))
    .replace(/\bamerican\b|\bu\.s\.|\bunited states\b/g, 'us')
    .replace(/\b(?:the|a|an)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function namesMatch(found: string | null, gold: string | null | undefined, aliases: Map<string, string[]>): boolean {
  if (!gold) return true;
  if (!found) return false;
  const f = fold(found);
  const forms = [gold, ...(aliases.get(gold) ?? [])].map(fold);
  return forms.some((g) => g === f || g.includes(f) || f.includes(g) || g.split(' ').pop() === f.split(' ').pop());
}

/** Gold dates: "A/B" accepts either day; "YYYY-MM" accepts any day of that month. */
function dateMatches(found: string | null, gold: string | null | undefined): boolean {
  if (!gold) return true;
  if (!found) return false;
  if (gold.includes('/')) return gold.split('/').some((g) => dateMatches(found, g));
  if (/^\d{4}-\d{2}$/.test(gold)) return found.startsWith(gold);
  return found === gold || (found.length < gold.length && gold.startsWith(found) && false);
}

function run(layersOf: LayerFn, label: string) {
  const gold = JSON.parse(readFileSync(GOLD, 'utf8'));
  const aliases = new Map<string, string[]>(gold.entities.map((e: { name: string; aliases?: string[] }) => [e.name, e.aliases ?? []]));
  const files = readdirSync(SEEDS).filter((f) => /^\d{3}_.*\.txt$/.test(f)).sort();
  const recs: { articleId: string; outlet: string | null; published: string | null; claim: ClaimX }[] = [];
  const events: { articleId: string; published: string | null; event: EventMention }[] = [];
  const control: { articleId: string; published: string | null; control: ControlClaim }[] = [];
  for (const f of files) {
    const id = f.slice(0, 3);
    const art = gold.articles.find((a: { file: string }) => a.file === f);
    const text = readFileSync(`${SEEDS}/${f}`, 'utf8');
    const published: string = art.published.earliest;
    const { sentences } = segment(text);
    const l = layersOf(text, id, published);
    const quantities = extractQuantities(text, sentences);
    for (const claim of extractClaims({ text, sentences, quantities, ...l, published, outlet: art.outlet })) recs.push({ articleId: id, outlet: art.outlet, published, claim });
    const input = { text, sentences, ...l, published };
    for (const event of extractEvents(input)) events.push({ articleId: id, published, event });
    for (const c of extractControl(input)) control.push({ articleId: id, published, control: c });
  }

  // Claims.
  const goldIds = new Map<string, string>();
  let claimHits = 0;
  for (const g of gold.claims) {
    const hit = recs.find(
      (r) =>
        r.articleId === g.article &&
        Math.abs(r.claim.value - g.value) <= 0.5 &&
        (g.of === undefined || r.claim.of === g.of) &&
        (namesMatch(r.claim.claimant, g.claimant, aliases) || namesMatch(r.claim.side, g.claimant, aliases)) &&
        dateMatches(r.claim.asOf, g.as_of),
    );
    if (hit) {
      claimHits++;
      goldIds.set(g.id, claimId(hit.articleId, hit.claim));
    } else {
      const near = recs.filter((r) => r.articleId === g.article && Math.abs(r.claim.value - g.value) <= 0.5).map((r) => `${r.claim.claimant}@${r.claim.asOf}`);
      console.log(`  [${label}] missed claim ${g.id} ${g.value} (${g.claimant}, ${g.as_of}); same value found as: ${near.join(', ') || 'none'}`);
    }
  }
  const copies = new Map<string, string[]>();
  for (const r of gold.reuse ?? []) if (r.source && r.target) (copies.get(r.target) ?? copies.set(r.target, []).get(r.target)!).push(r.source);
  const { groups, relations } = groupClaims(recs, (ids) => new Set(ids).size, { copiedFrom: (a) => copies.get(a) ?? [] });
  let relHits = 0;
  for (const g of gold.claim_relations) {
    const ids = g.claims.map((c: string) => goldIds.get(c));
    const ok = ids.every(Boolean) && relations.some((r) => r.kind === g.kind && ids.every((x: string) => r.claims.includes(x)));
    if (ok) relHits++;
    else console.log(`  [${label}] missed relation ${g.kind} ${g.claims.join(',')}`);
  }

  // Events: date compatible, in one of the articles, and the place when the reference names one.
  const timeline = mergeTimeline(events);
  let eventHits = 0;
  for (const g of gold.events) {
    const ok = events.some(
      (e) =>
        g.articles.includes(e.articleId) &&
        dateMatches(e.event.date, g.date) &&
        (!g.place || e.event.place === g.place || e.event.summary.includes(g.place)),
    );
    if (ok) eventHits++;
    else console.log(`  [${label}] missed event ${g.date} ${g.what}`);
  }
  const undatedBackground = events.filter((e) => /October 2001/.test(e.event.summary) && e.event.date !== '2001-10').length;

  // Control.
  let controlHits = 0;
  for (const g of gold.control) {
    const ok = control.some(
      (c) => c.articleId === g.article && c.control.place === g.place && namesMatch(c.control.holder, g.holder, aliases) && dateMatches(c.control.asOf, g.as_of),
    );
    if (ok) controlHits++;
    else {
      const near = control.filter((c) => c.control.place === g.place).map((c) => `${c.control.holder}@${c.control.asOf}`);
      console.log(`  [${label}] missed control ${g.place} ${g.holder} ${g.as_of}; found: ${near.join(', ') || 'none'}`);
    }
  }
  const states = controlByPlace(control);
  const figures = {
    layers: label,
    claims: { reference: gold.claims.length, matched: claimHits, found: recs.length, groups: groups.length },
    relations: { reference: gold.claim_relations.length, matched: relHits, found: relations.length },
    events: { reference: gold.events.length, matched: eventHits, found: events.length, timeline: timeline.length, backgroundMisdated: undatedBackground },
    control: { reference: gold.control.length, matched: controlHits, found: control.length, places: states.length },
  };
  console.log(JSON.stringify(figures));
  return figures;
}

const standIns: LayerFn = (text, id, published) => {
  const gold = JSON.parse(readFileSync(GOLD, 'utf8'));
  return {
    mentions: findMentions(text, gold.entities.filter((e: { articles: string[] }) => e.articles.includes(id))),
    quotes: makeQuotes(text, gold.quotes.filter((q: { article: string }) => q.article === id)),
    places: findPlaces(text, gold.places),
    times: findTimes(text, published),
  };
};

test('seed acceptance with stand-in layers', { skip: !have && 'seeds or gold missing' }, () => {
  const f = run(standIns, 'stand-ins');
  // Floors a little under what this layer reaches today, so regressions fail.
  assert.ok(f.claims.matched >= 8, `claims matched ${f.claims.matched}`);
  assert.ok(f.relations.matched >= 4, `relations matched ${f.relations.matched}`);
  assert.ok(f.events.matched >= 8, `events matched ${f.events.matched}`);
  assert.ok(f.control.matched >= 2, `control matched ${f.control.matched}`);
  assert.equal(f.events.backgroundMisdated, 0);
});

test('seed acceptance with the project layers (printed, not asserted)', { skip: !have && 'seeds or gold missing' }, async () => {
  let real: LayerFn;
  try {
    const time = await import('../../src/analysis/time/index.js');
    const ner = await import('../../src/analysis/ner/index.js');
    const quotes = await import('../../src/analysis/quotes/index.js');
    const geo = await import('../../src/analysis/geo/index.js');
    real = (text, _id, published) => {
      const seg = segment(text);
      const mentions = ner.recognize(text, seg.sentences);
      return {
        mentions,
        quotes: quotes.extractQuotes(text, seg, mentions),
        places: geo.extractPlaces(text, seg.sentences) as PlaceRef[],
        times: time.findTimeExpressions(text, published).filter((t) => t.kind === 'date' || t.kind === 'time'),
      };
    };
  } catch (e) {
    console.log(`  project layers not loadable yet: ${(e as Error).message.split('\n')[0]}`);
    return;
  }
  try {
    run(real, 'project');
  } catch (e) {
    console.log(`  project layers failed: ${(e as Error).message.split('\n')[0]}`);
  }
});

void interval;
