import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimatePublication, explicitDatesInText } from '../../src/analysis/time/index.js';
import { segment } from '../../src/text/segment.js';

test('explicitDatesInText finds fully specified dates and a leading one', () => {
  const text = 'Aug 10, 2030: The lighthouse reopened. A photo taken on July 21, 2030 shows the crowd. It closed in May.';
  const got = explicitDatesInText(text);
  assert.deepEqual(got.map((d) => d.date), ['2030-08-10', '2030-07-21']);
  assert.equal(got[0]!.leading, true);
  assert.equal(got[1]!.leading, false);
});

test('a leading date is the publication date', () => {
  const text = 'Aug 10, 2030: The lighthouse reopened.';
  const e = estimatePublication(text, segment(text).sentences, {});
  assert.equal(e?.value, '2030-08-10');
});

test('publication comes on or after the weekdays reported around a related article', () => {
  // Related article: Tuesday 2030-03-12. Ours reports Wednesday and Thursday night as past.
  const text = 'The envoy said Wednesday that talks had stalled. Shelling resumed on Thursday night.';
  const e = estimatePublication(text, segment(text).sentences, {
    relatedDates: [{ date: '2030-03-12', reason: 'shares quotations' }, { date: '2030-03-15', reason: 'copied by' }],
  });
  assert.equal(e?.value, '2030-03-14');
  assert.match(e!.reason, /Thursday/);
  assert.match(e!.reason, /shares quotations/);
});

test('no evidence, no estimate', () => {
  const text = 'The envoy spoke.';
  assert.equal(estimatePublication(text, segment(text).sentences, {}), null);
});
