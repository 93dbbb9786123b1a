import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTimes, findTimeExpressions } from '../../src/analysis/time/index.js';
import { segment } from '../../src/text/segment.js';

// Publication: Thursday 2030-03-14.
const PUB = '2030-03-14';

function times(text: string, published: string | null = PUB) {
  return resolveTimes(text, segment(text).sentences, published);
}
function one(text: string, phrase: string, published: string | null = PUB) {
  const at = text.indexOf(phrase);
  const t = times(text, published).find((x) => x.start < at + phrase.length && at < x.end);
  assert.ok(t, `no time for "${phrase}" in: ${text}`);
  return t;
}

test('a bare weekday in reported past is the one before publication', () => {
  const t = one('The harbour master said on Tuesday that the ferry was late.', 'Tuesday');
  assert.equal(t.value, '2030-03-12');
  assert.equal(t.granularity, 'day');
  assert.match(t.reason, /before publication 2030-03-14/);
  assert.equal(one('Officials said Thursday the bridge was shut.', 'Thursday').value, '2030-03-14');
});

test('a weekday after a future marker is the next one', () => {
  assert.equal(one('The council will meet on Monday to vote on the lantern budget.', 'Monday').value, '2030-03-18');
  assert.equal(one('The council will meet on Thursday.', 'Thursday').value, '2030-03-21');
});

test('"Thursday night" and "as of Monday" resolve to the past days', () => {
  assert.equal(one('Fires broke out on Thursday night in the old mill.', 'Thursday').value, '2030-03-14');
  assert.equal(one('As of Monday, 14 barges were stranded.', 'Monday').value, '2030-03-11');
});

test('weeks, months and years relative to publication', () => {
  const text = 'Prices rose last month and again earlier this month. This week the guild met. Last year it did not.';
  assert.equal(one(text, 'last month').value, '2030-02');
  assert.equal(one(text, 'earlier this month').value, '2030-03');
  const w = one(text, 'This week');
  assert.equal(w.value, '2030-W11');
  assert.equal(w.granularity, 'week');
  assert.equal(one(text, 'Last year').value, '2029');
});

test('over the weekend is the weekend before publication', () => {
  const t = one('Rebels took the granary over the weekend.', 'weekend');
  assert.equal(t.value, '2030-03-09/2030-03-10');
  assert.equal(t.granularity, 'range');
});

test('"in six days" after a past verb is a span ending at publication', () => {
  const t = one('The garrison fell in six days.', 'six days');
  assert.equal(t.value, '2030-03-08/2030-03-14');
  assert.equal(t.granularity, 'range');
  const ahead = one('The inquiry will report in four days.', 'four days');
  assert.equal(ahead.value, '2030-03-18');
});

test('until September is a range ending then', () => {
  const t = one('The canal stays closed until September.', 'September');
  assert.equal(t.value, '2030-03-14/2030-09');
  assert.equal(t.granularity, 'range');
});

test('explicit dates in common formats, with or without publication date', () => {
  const text = 'The treaty of 2001 was signed in October 2001; the feed stamped it 26-FEB-1987 15:01:01.79 and the ledger on 2019-05-06.';
  for (const pub of [PUB, null]) {
    assert.equal(one(text, '2001 was', pub).value, '2001');
    assert.equal(one(text, 'October 2001', pub).value, '2001-10');
    const feed = one(text, 'FEB', pub);
    assert.equal(feed.value, '1987-02-26T15:01');
    assert.equal(feed.granularity, 'instant');
    assert.equal(one(text, '2019-05-06', pub).value, '2019-05-06');
  }
  assert.equal(one('The deadline passed on Aug. 31.', 'Aug. 31').value, '2029-08-31');
  assert.equal(one('It ends on March 3, 2031.', 'March').value, '2031-03-03');
});

test('decades are ranges', () => {
  const t = one('Trade collapsed in the 1990s.', '1990s');
  assert.equal(t.value, '1990/1999');
});

test('durations are not dates', () => {
  assert.deepEqual(times('After 20 years of war the valley was quiet.').map((t) => t.text), []);
  assert.deepEqual(times('It was a 20-year war over salt.').map((t) => t.text), []);
  assert.deepEqual(times('Some 2000 people marched.').map((t) => t.text), []);
  const all = findTimeExpressions('After 20 years of war.', PUB);
  assert.equal(all[0]?.kind, 'duration');
  assert.equal(all[0]?.timex, 'P20Y');
});

test('without a publication date relative expressions are left out', () => {
  const got = times('The mayor said Wednesday that last month was calm, as in 2012.', null).map((t) => t.text);
  assert.deepEqual(got, ['2012']);
  const low = findTimeExpressions('The mayor said Wednesday.', null)[0]!;
  assert.match(low.reason, /no publication date/);
  assert.ok(low.confidence < 0.2);
});

test('spans point at the text', () => {
  const text = 'Ferries stopped on Friday, officials said.';
  for (const t of times(text)) assert.equal(text.slice(t.start, t.end), t.text);
});
