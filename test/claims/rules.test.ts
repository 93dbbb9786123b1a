// Rules for actors, attribution, control targets and report days, on fictional sentences.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuantities } from '../../src/analysis/quantities/index.js';
import { extractClaims } from '../../src/analysis/claims/index.js';
import { attributiveSide } from '../../src/analysis/claims/context.js';
import { groupClaims, controlByPlace } from '../../src/link/claims/index.js';
import { canonicalHolders } from '../../src/link/claims/control.js';
import { extractControl } from '../../src/analysis/events/index.js';
import { newsDay } from '../../src/analysis/events/newsday.js';
import { segment } from '../../src/text/segment.js';
import type { Mention, Quote } from '../../src/types.js';
import { findMentions, findPlaces, findTimes, type NameEntry } from './standins.js';

/** Mentions with some names retyped OTHER, as an uncertain tagger leaves them. */
function mentionsOf(text: string, entries: NameEntry[], other: string[] = []): Mention[] {
  return findMentions(text, entries).map((m) => (other.includes(m.ref!) ? { ...m, type: 'OTHER' as const } : m));
}

function claimsOf(text: string, entries: NameEntry[], other: string[], quotes: Quote[] = [], published = '2030-03-08') {
  const { sentences } = segment(text);
  return extractClaims({
    text, sentences, quantities: extractQuantities(text, sentences), quotes, mentions: mentionsOf(text, entries, other),
    times: findTimes(text, published), published, outlet: 'Harbor Post',
  });
}

const FRONT: NameEntry[] = [
  { name: 'Salt Brotherhood', type: 'ORG' },
  { name: 'Coastal Defence Ministry', type: 'ORG' },
  { name: 'Rena Voss', type: 'PERSON', aliases: ['Voss'] },
  { name: 'Daily Lantern', type: 'ORG' },
];

test('a recurring name the tagger left untyped acts as the subject, not the speaker\'s body', () => {
  const text =
    'The Salt Brotherhood pressed on. The Salt Brotherhood denied losses. ' +
    'Coastal Defence Ministry chief Rena Voss said the Salt Brotherhood militants now controlled about 40 districts.';
  const c = claimsOf(text, FRONT, ['Salt Brotherhood']).find((x) => x.value === 40)!;
  assert.equal(c.subject, 'the Salt Brotherhood');
  assert.equal(c.quantity, 'districts controlled by the Salt Brotherhood');
  assert.equal(c.claimant, 'Rena Voss');
});

test('a group noun never stands for a ministry', () => {
  const text = 'The Salt Brotherhood attacked at dawn. The Coastal Defence Ministry said the militants held 12 villages.';
  const c = claimsOf(text, FRONT, []).find((x) => x.value === 12)!;
  assert.equal(c.subject, 'the Salt Brotherhood');
});

test('nested attribution: the inner speaker claims, the outlet relays', () => {
  const text = 'Brotherhood spokeswoman Rena Voss said that the fighters were in control of 31 districts, the Daily Lantern reported.';
  const at = (s: string) => text.indexOf(s);
  const q = (start: number, end: number, speaker: string, cueText: string): Quote => ({
    start, end, kind: 'reported', text: text.slice(start, end), cue: { start: at(cueText), end: at(cueText) + cueText.length, text: cueText },
    speakerSpan: null, speaker, speakerRef: speaker, channel: null, confidence: 0.8, evidence: [],
  });
  const quotes = [q(0, at(', the Daily'), 'Daily Lantern', 'reported'), q(at('that the'), at('reported') + 8, 'Rena Voss', 'said')];
  const c = claimsOf(text, FRONT, [], quotes).find((x) => x.value === 31)!;
  assert.equal(c.claimant, 'Rena Voss');
  assert.equal(c.via, 'Daily Lantern');
});

const PLACES = [
  { name: 'Tessaly', lat: 1, lon: 1, kind: 'country', country: 'TS' },
  { name: 'Orvik', lat: 1, lon: 2, country: 'TS' },
  { name: 'Brennhal', lat: 1, lon: 3, country: 'TS' },
];

function controlOf(text: string, entries: NameEntry[], other: string[], published: string) {
  const { sentences } = segment(text);
  return extractControl({
    text, sentences, mentions: mentionsOf(text, entries, other), places: findPlaces(text, PLACES),
    times: findTimes(text, published), quotes: [], published,
  });
}

test('control: an unresolved name framed as a capital; the spokesman claims; the day from the announcement before', () => {
  const text =
    'The Salt Brotherhood kept moving. On Monday, the Salt Brotherhood announced that they had captured a fourth town in a week. ' +
    'A spokesman for the Salt Brotherhood claimed to have captured Quellmarch, the capital of the eastern province of Dorn.';
  const c = controlOf(text, FRONT, ['Salt Brotherhood'], '2030-03-12');
  const q = c.find((x) => x.place === 'Quellmarch')!;
  assert.ok(q, JSON.stringify(c));
  assert.equal(q.holder, 'Salt Brotherhood');
  assert.equal(q.status, 'claimed');
  assert.equal(q.claimant, 'Salt Brotherhood spokesman');
  assert.equal(q.asOf, '2030-03-11');
  assert.ok(!c.find((x) => x.place === 'Dorn'));
});

test('control: defenders named after the speech cue hold every listed base, unresolved ones too', () => {
  const text = 'Rena Voss said on Monday that Tessaly commando forces had been able to stop the Salt Brotherhood at key bases, including Orvik and Kell Marrow.';
  const c = controlOf(text, FRONT, ['Salt Brotherhood'], '2030-03-12');
  assert.deepEqual(c.map((x) => x.place), ['Orvik', 'Kell Marrow']);
  for (const x of c) {
    assert.equal(x.holder, 'Tessaly government');
    assert.equal(x.status, 'reported');
    assert.equal(x.claimant, 'Rena Voss');
    assert.equal(x.asOf, '2030-03-11');
  }
});

test('control: "the fall of P is not imminent" leaves P with its government; a fall with a victor goes to the victor', () => {
  const a = controlOf('An analyst in Tessaly said the fall of Brennhal is not imminent.', FRONT, [], '2030-03-12');
  assert.equal(a[0]?.holder, 'Tessaly government');
  assert.equal(a[0]?.asOf, '2030-03-12');
  const text =
    'The Salt Brotherhood regrouped. The Salt Brotherhood moved south. ' +
    'Officials met on Sunday to weigh the fall of Orvik, the largest Salt Brotherhood victory so far.';
  const b = controlOf(text, FRONT, ['Salt Brotherhood'], '2030-03-12');
  const o = b.find((x) => x.place === 'Orvik')!;
  assert.equal(o.holder, 'Salt Brotherhood');
  assert.equal(o.asOf, '2030-03-10');
  assert.equal(o.status, 'reported');
});

test('news day: the day most statements are dated, only when repeated and recent', () => {
  const text = 'The ministry said on Monday it was ready. Voss spoke Monday with her aides. Voss said the roads were open.';
  const { sentences } = segment(text);
  assert.equal(newsDay(text, sentences, findTimes(text, '2030-03-12'), '2030-03-12')?.value, '2030-03-11');
  assert.equal(newsDay(text, sentences, findTimes(text, '2030-03-30'), '2030-03-30'), null);
  const once = 'The ministry said on Monday it was ready. Voss said the roads were open.';
  assert.equal(newsDay(once, segment(once).sentences, findTimes(once, '2030-03-12'), '2030-03-12'), null);
});

test('a run of undated reports of speech carries the date of the first', () => {
  const text =
    'The navy chief said on Monday that the harbour was calm. ' +
    'Rena Voss said the Salt Brotherhood held 14 piers. ' +
    'However, Voss said the piers were empty. ' +
    'The admiral said patrols would continue. ' +
    'The Coastal Defence Ministry has accused the Salt Brotherhood of burning 9 of the port\'s 20 warehouses.';
  const cs = claimsOf(text, FRONT, [], [], '2030-03-14');
  assert.equal(cs.find((c) => c.value === 9)?.asOf, '2030-03-11');
  // A sentence that is not a report of speech ends the run.
  const broken = text.replace('However, Voss said the piers were empty.', 'The piers were empty.');
  assert.equal(claimsOf(broken, FRONT, [], [], '2030-03-14').find((c) => c.value === 9)?.asOf, '2030-03-14');
});

test('a demonym that has an attributive short form names the claimant by it', () => {
  const text = 'The coalition carried out three raids near the coast, American defence officials said.';
  const c = claimsOf(text, FRONT, []).find((x) => x.value === 3)!;
  assert.equal(c.claimant, 'US defence officials');
  assert.equal(attributiveSide('Tessalian officials'), 'Tessalian officials');
  assert.equal(attributiveSide('British navy sources'), 'UK navy sources');
  assert.equal(attributiveSide('American Legion'), 'American Legion');
});

test('a trend needs placed figures: undated ones and month-long spans stay out', () => {
  const mk = (articleId: string, value: number, asOf: string | null) => ({
    articleId, outlet: articleId, published: null,
    claim: {
      start: 0, end: 1, text: String(value), quantity: 'towns captured by the Salt Brotherhood', subject: 'Salt Brotherhood', predicate: 'capture',
      value, of: null, unit: 'town', approx: false, claimant: 'Harbor Post', claimantRef: null, side: null, asOf, asOfGranularity: null, evidence: [],
    },
  });
  const kinds = (recs: ReturnType<typeof mk>[]) => groupClaims(recs, (ids) => ids.length).relations.map((r) => r.kind);
  assert.deepEqual(kinds([mk('a', 6, '2030-03-09'), mk('b', 9, '2030-03-11')]), ['trend']);
  assert.deepEqual(kinds([mk('a', 6, '2030-03-09'), mk('b', 9, null)]), []);
  assert.deepEqual(kinds([mk('a', 6, '2030-03-09'), mk('b', 4, '2030-03-09/2030-06')]), []);
});

test('control: the actor after the speech cue; a generic state force is the place\'s government; the time nearest the place', () => {
  const a = controlOf('Brotherhood spokeswoman Rena Voss said in a message that the Salt Brotherhood captured Orvik, the port town, at dawn on Sunday.', FRONT, [], '2030-03-12');
  assert.equal(a[0]?.holder, 'Salt Brotherhood');
  assert.equal(a[0]?.claimant, 'Rena Voss');
  // The actor untagged after the cue: the noun phrase, not the speaker.
  const u = controlOf('Rena Voss said in a message that the Brine Column captured Orvik, the port town, on Sunday.', FRONT, [], '2030-03-12');
  assert.equal(u[0]?.holder, 'Brine Column');
  const b = controlOf('Government forces stopped the raiders at a ford west of Brennhal, near the hills of Tessaly.', FRONT, [], '2030-03-12');
  assert.equal(b[0]?.place, 'Brennhal');
  assert.equal(b[0]?.holder, 'Tessaly government');
  const c = controlOf('The Salt Brotherhood reached the coast on Sunday, the furthest it has gone since it seized Orvik last month.', FRONT, [], '2030-03-12');
  assert.equal(c[0]?.asOf, '2030-02');
});

test('control across articles: a short holder name is the one longer name that ends with it', () => {
  const rec = (articleId: string, holder: string, asOf: string) => ({
    articleId, published: asOf, control: { start: 0, end: 5, place: 'Orvik', holder, asOf, status: 'reported' as const, claimant: null, evidence: [] },
  });
  const [o] = controlByPlace([rec('a', 'Brotherhood', '2030-03-01'), rec('b', 'Salt Brotherhood', '2030-03-05')]);
  assert.deepEqual(o!.history.map((h) => h.holder), ['Salt Brotherhood', 'Salt Brotherhood']);
  assert.equal(o!.contested, false);
  const m = canonicalHolders(['Front', 'Salt Front', 'Ember Front']);
  assert.equal(m.has('Front'), false);
});

test('claimant phrases: asides, time words, heads before a preposition, nouns that look like cues', () => {
  const one = (text: string) => claimsOf(text, FRONT, []).find((c) => c.value === 7)!;
  assert.equal(one('The harbour master, who has moved his office inland, said that 7 boats had left.').claimant, 'harbour master');
  assert.equal(one('The coast guard on Tuesday said 7 boats had been seized.').claimant, 'coast guard');
  assert.equal(one('A nurse at the field clinic said that 7 wounded had arrived.').claimant, 'nurse at the field clinic');
  assert.equal(one('Officials in Orvik have said repeatedly that the rebels hold 7 villages.').claimant, 'Officials in Orvik');
  assert.equal(one('The harbour master rejected the claim, saying only 7 boats had left.').claimant, 'Harbor Post');
});

test('equal figures at two dates are no trend', () => {
  const mk = (articleId: string, value: number, asOf: string) => ({
    articleId, outlet: articleId, published: asOf,
    claim: {
      start: 0, end: 1, text: String(value), quantity: 'districts', subject: null, predicate: null,
      value, of: null, unit: 'district', approx: false, claimant: 'Harbor Post', claimantRef: null, side: null, asOf, asOfGranularity: null, evidence: [],
    },
  });
  const rel = groupClaims([mk('a', 3, '2030-03-01'), mk('b', 3, '2030-03-09')], (ids) => ids.length).relations;
  assert.ok(!rel.some((r) => r.kind === 'trend'));
});
