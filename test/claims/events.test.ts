import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractControl, extractEvents } from '../../src/analysis/events/index.js';
import { controlByPlace } from '../../src/link/claims/index.js';
import { mergeTimeline } from '../../src/link/timeline/index.js';
import { segment } from '../../src/text/segment.js';
import { findMentions, findPlaces, findTimes, makeQuotes, type NameEntry } from './standins.js';

// Fictional: the Ember Front fights the Varnland Army around made-up towns.
const ENTITIES: NameEntry[] = [
  { name: 'Ember Front', type: 'ORG', aliases: ['the rebels'] },
  { name: 'Varnland Army', type: 'ORG' },
  { name: 'Ilse Marr', type: 'PERSON', aliases: ['Marr'] },
  { name: 'Oskar Lint', type: 'PERSON', aliases: ['Lint'] },
];
const PLACES = [
  { name: 'Dellmoor', lat: 10, lon: 20 },
  { name: 'Hask', lat: 10.5, lon: 20.5 },
  { name: 'Pirrow', lat: 11, lon: 21 },
  { name: 'Varnland', lat: 10, lon: 20, kind: 'country' },
];

function layers(text: string, published: string) {
  const { sentences } = segment(text);
  return {
    text, sentences, published,
    mentions: findMentions(text, ENTITIES),
    places: findPlaces(text, PLACES),
    times: findTimes(text, published),
    quotes: makeQuotes(text, []),
  };
}

const T1 =
  'On Monday, a spokesman for the Ember Front claimed to have captured Dellmoor. ' +
  'Army spokesman Oskar Lint said Varnland Army troops had stopped the rebels at Hask and Pirrow. ' +
  'The Ember Front first seized power in Varnland in March 2011.';

test('control: claimed capture, defender holds, as-of from the sentence', () => {
  const c = extractControl(layers(T1, '2030-09-04'));
  const dell = c.find((x) => x.place === 'Dellmoor')!;
  assert.equal(dell.holder, 'Ember Front');
  assert.equal(dell.status, 'claimed');
  assert.equal(dell.asOf, '2030-09-02');
  const hask = c.find((x) => x.place === 'Hask')!;
  assert.equal(hask.holder, 'Varnland government');
  assert.equal(hask.status, 'reported');
  assert.equal(hask.claimant, 'Oskar Lint');
  assert.ok(c.find((x) => x.place === 'Pirrow'));
});

test('control: fell to, and latest state per place across articles', () => {
  const a = extractControl(layers('Dellmoor fell to the Ember Front on Tuesday.', '2030-09-04'));
  assert.equal(a[0]!.holder, 'Ember Front');
  const b = extractControl(layers('Varnland Army troops retook Dellmoor on Friday.', '2030-09-09'));
  assert.equal(b[0]!.holder, 'Varnland government');
  const states = controlByPlace([
    ...b.map((control) => ({ articleId: 'b', published: '2030-09-09', control })),
    ...a.map((control) => ({ articleId: 'a', published: '2030-09-04', control })),
  ]);
  assert.equal(states.length, 1);
  assert.equal(states[0]!.holder, 'Varnland government');
  assert.deepEqual(states[0]!.history.map((h) => h.articleId), ['a', 'b']);
});

test('events: types, background keeps its explicit date, timeline merges sources', () => {
  const e1 = extractEvents(layers(T1, '2030-09-04'));
  const cap = e1.find((e) => e.type === 'capture' && e.place === 'Dellmoor')!;
  assert.equal(cap.date, '2030-09-02');
  assert.ok(cap.actors.includes('Ember Front'));
  const bg = e1.find((e) => e.summary.includes('March 2011'))!;
  assert.equal(bg.date, '2011-03');
  const e2 = extractEvents(layers('The Ember Front captured Dellmoor on Monday, residents said.', '2030-09-03'));
  const tl = mergeTimeline([
    ...e1.map((event) => ({ articleId: 'x', published: '2030-09-04', event })),
    ...e2.map((event) => ({ articleId: 'y', published: '2030-09-03', event })),
  ]);
  const merged = tl.find((t) => t.place === 'Dellmoor' && t.type === 'capture')!;
  assert.deepEqual(merged.sources.map((s) => s.articleId).sort(), ['x', 'y']);
  assert.ok(tl.findIndex((t) => t.date === '2011-03') < tl.indexOf(merged));
});

test('events: an undated background sentence is not given the publication date', () => {
  const e = extractEvents(layers('The rebels had previously captured Hask in a long siege.', '2030-09-04'));
  assert.equal(e[0]!.type, 'capture');
  assert.equal(e[0]!.date, null);
});
