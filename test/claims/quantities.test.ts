import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuantities } from '../../src/analysis/quantities/index.js';
import { segment } from '../../src/text/segment.js';

const find = (text: string) => extractQuantities(text, segment(text).sentences);
const one = (text: string, needle: string) => {
  const q = find(text).find((x) => x.text.includes(needle));
  assert.ok(q, `no quantity containing "${needle}" in: ${text}`);
  return q;
};

test('X of Y with hedges on both parts', () => {
  const q = one("The Ember Front now holds about 140 of Varnland's 310 district centres.", '140');
  assert.equal(q.value, 140);
  assert.equal(q.of, 310);
  assert.equal(q.unit, 'district');
  assert.equal(q.approx, true);
  assert.equal(q.hedge, 'about');
  assert.equal(q.counted?.text, 'district centres');
  assert.equal(q.text, "about 140 of Varnland's 310 district centres");
});

test('a fraction of a hedged whole becomes a count', () => {
  const q = one("Rebels hold roughly half of the country's roughly 300 districts.", 'half');
  assert.equal(q.value, 150);
  assert.equal(q.of, 300);
  assert.equal(q.ofApprox, true);
  assert.equal(q.share, 0.5);
  assert.equal(q.unit, 'district');
});

test('percentages, lower bounds and territory', () => {
  const q = one('The rebels say they hold more than 70 percent of the territory.', '70');
  assert.equal(q.value, 70);
  assert.equal(q.unit, 'percent of territory');
  assert.equal(q.bound, 'lower');
  assert.equal(q.approx, true);
  const p = one('Turnout reached 64% in the valley.', '64');
  assert.equal(p.unit, 'percent');
  assert.equal(p.kind, 'percent');
});

test('word numbers, vague magnitudes, ranges', () => {
  assert.equal(one('Gunmen burned nine villages.', 'nine').value, 9);
  assert.equal(one('Two dozen checkpoints were abandoned.', 'dozen').value, 24);
  const h = one('Hundreds of residents fled Lake Orrin.', 'Hundreds');
  assert.equal(h.approx, true);
  assert.equal(h.unit, 'people');
  const r = one('Between 10 and 12 soldiers were hurt.', '10');
  assert.equal(r.value, 10);
  assert.equal(r.max, 12);
  assert.equal(r.unit, 'troops');
});

test('ordinal with a period', () => {
  const q = one('The Ember Front seized its fifth provincial capital in three days.', 'fifth');
  assert.equal(q.value, 5);
  assert.equal(q.kind, 'ordinal');
  assert.equal(q.unit, 'provincial capital');
  assert.equal(q.period?.days, 3);
});

test('provincial centres and capitals share a unit', () => {
  assert.equal(one('They took seven provincial centers in a week.', 'seven').unit, 'provincial capital');
  assert.equal(one('They took seven provincial capitals in a week.', 'seven').period?.days, 7);
});

test('years, dates, times, ages and phone numbers are skipped', () => {
  const text =
    'The 30-year war began in 1998 and on March 4, 2030 at 10:30 a.m. the council met; call 555-0142 or see resolution 12. Some two decades later it ended.';
  assert.deepEqual(find(text).map((q) => q.text), []);
});

test('orders and multipliers are not counts', () => {
  const qs = (t: string) => extractQuantities(t, segment(t).sentences).map((q) => q.text);
  assert.deepEqual(qs('The fictional Front first appeared in the hills, and prices rose four times.'), []);
  assert.deepEqual(qs('It was the second largest town and the first time they met.'), []);
});
