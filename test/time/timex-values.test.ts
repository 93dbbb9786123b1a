import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimeExpressions } from '../../src/analysis/time/index.js';

// Publication: Thursday 2030-03-14.
const PUB = '2030-03-14';

function timex(text: string, phrase: string): { timex: string; type: string; tagged: string } {
  const at = text.indexOf(phrase);
  const t = findTimeExpressions(text, PUB).find((x) => x.timexSpan.start < at + phrase.length && at < x.timexSpan.end);
  assert.ok(t, `no time expression for "${phrase}" in: ${text}`);
  return { timex: t.timex, type: t.timexType, tagged: text.slice(t.timexSpan.start, t.timexSpan.end) };
}

test('a weekday with a part of day keeps the part in its value', () => {
  assert.equal(timex('The lantern fair closed Tuesday night after a storm.', 'Tuesday').timex, '2030-03-12TNI');
  assert.equal(timex('The ferry left on Monday morning, the pilot said.', 'Monday').timex, '2030-03-11TMO');
  const noon = timex('The guild said talks broke off at noon Wednesday.', 'Wednesday');
  assert.equal(noon.timex, '2030-03-13T12:00');
  assert.equal(noon.tagged, 'noon Wednesday');
  assert.equal(timex('Lantern shares rose at mid-afternoon yesterday.', 'yesterday').timex, '2030-03-13TAF');
});

test('recurring weekdays are sets', () => {
  const each = timex('A barge will sail each Friday from the north quay.', 'Friday');
  assert.equal(each.type, 'SET');
  assert.equal(each.timex, 'XXXX-WXX-5');
  assert.equal(timex('Extra ferries run on Sunday nights in summer.', 'Sunday').timex, 'XXXX-WXX-7TNI');
});

test('recent and coming months or weeks are vague durations', () => {
  const recent = timex('Lantern sales have slowed in recent months, the guild said.', 'recent');
  assert.equal(recent.type, 'DURATION');
  assert.equal(recent.timex, 'PXM');
  assert.equal(recent.tagged, 'recent months');
  assert.equal(timex('The guild expects a vote in coming weeks.', 'coming').timex, 'PXW');
  assert.equal(timex('Lanterns have grown dearer in recent years.', 'recent').timex, 'PAST_REF');
});

test('a month named with its year in words or by "last year" takes that year', () => {
  assert.equal(timex('In June last year, the lantern guild split.', 'June').timex, '2029-06');
  assert.equal(timex('In January this year, the guild met.', 'January').timex, '2030-01');
  const spoken = timex('It began in March nineteen ninety-seven, the keeper recalled.', 'March');
  assert.equal(spoken.timex, '1997-03');
  assert.equal(spoken.tagged, 'March nineteen ninety-seven');
  assert.equal(timex('Prices last fell in the winter of nineteen ninety-four.', 'winter').timex, '1994-WI');
  const each = timex('The barges parade each August past the quay.', 'August');
  assert.equal(each.type, 'SET');
  assert.equal(each.timex, 'XXXX-08');
});

test('a half goes into the next smaller unit of a duration', () => {
  assert.equal(timex('The keepers stayed in the tower for 3 1/2 years.', 'years').timex, 'P3Y6M');
  assert.equal(timex('A bell rang a minute and a half later.', 'minute').timex, 'PT1M30S');
  assert.equal(timex('The crossing took two and a half hours.', 'hours').timex, 'PT2H30M');
});

test('"the following year" counts from the date just mentioned', () => {
  const text = 'The keeper was promoted in 2011, and the following year he moved to the lighthouse.';
  assert.equal(timex(text, 'the following year').timex, '2012');
  const month = 'The guild sold its barge in March 2024. The following month, it bought lanterns.';
  const t = timex(month, 'The following month');
  assert.equal(t.type, 'DATE');
  assert.equal(t.timex, '2024-04');
  assert.equal(timex('Nothing changed; the following year was calm.', 'the following year').timex, '2031');
});

test('an initial or a "next to" does not hide or fake the tense of a clause', () => {
  // Publication in October: "will take over ... Feb. 1" is the coming February.
  const text = 'Ms. Orrin, 48 years old, will succeed Tobias K. Vell Feb. 1, the lantern guild said.';
  const t = findTimeExpressions(text, '2030-10-20').find((x) => x.text.startsWith('Feb. 1'));
  assert.equal(t?.timex, '2031-02-01');
  const past = 'A lamp fell next to the U.S. consulate in Brill on Friday morning.';
  const f = findTimeExpressions(past, PUB).find((x) => x.text.includes('Friday'));
  assert.equal(f?.timex, '2030-03-08TMO');
});

test('"the year" is the year under way, "the year ended ..." a year-long span, "that year" the one named', () => {
  const full = timex('The guild expects higher lantern sales for the full year.', 'the full year');
  assert.equal(full.type, 'DATE');
  assert.equal(full.timex, '2030');
  const ended = timex('For the year ended June 30, the guild earned 4 million crowns.', 'the year');
  assert.equal(ended.type, 'DURATION');
  assert.equal(ended.timex, 'P1Y');
  assert.equal(ended.tagged, 'the year');
  assert.equal(timex('The keeper left in 2021 and came back later that year.', 'that year').timex, '2021');
  assert.equal(timex('Sales slowed earlier in the year.', 'the year').tagged, 'earlier in the year');
});

test('"three days later" tags the span, not a date counted from publication', () => {
  const t = timex('The barge sank; three days later the guild paid the crew.', 'three days');
  assert.equal(t.type, 'DURATION');
  assert.equal(t.timex, 'P3D');
  assert.equal(t.tagged, 'three days');
  assert.equal(timex('A few weeks later, the bell was recast.', 'A few weeks').timex, 'PXW');
});

test('a weekday named with its calendar date takes the date', () => {
  const text = 'The Gazette said in an editorial on Saturday, March 16: the bridge must reopen.';
  const t = findTimeExpressions(text, PUB).find((x) => x.text.includes('Saturday'));
  assert.equal(t?.text, 'Saturday, March 16');
  assert.equal(t?.timex, '2030-03-16');
});

test('"the last decade" is the decade before, "hourly" a set', () => {
  assert.equal(timex('Lantern prices doubled in the last decade.', 'the last decade').timex, '202');
  const hourly = timex('The bell rings hourly over the harbour.', 'hourly');
  assert.equal(hourly.type, 'SET');
  assert.equal(hourly.timex, 'PT1H');
});
