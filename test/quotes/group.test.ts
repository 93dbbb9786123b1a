import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupQuotes, type QuoteInput } from '../../src/link/quotes/index.js';
import type { Quote } from '../../src/types.js';

const quote = (text: string, speaker: string | null, start = 0): Quote => ({
  kind: 'direct', start, end: start + text.length, text, cue: null, speakerSpan: null, speaker, speakerRef: null,
  channel: null, confidence: 0.9, evidence: [],
});
const input = (articleId: string, text: string, speaker: string | null, outlet: string, published: string): QuoteInput => ({
  articleId, quote: quote(text, speaker), outlet, published,
});

const items = [
  input('a1', 'The levee will hold through the winter, and we will not evacuate the old town,', 'Elsa Brandt', 'Brackwater Post', '2030-03-02T10:00:00Z'),
  input('a2', '“The levee will hold through the winter and we will not evacuate the old town.”', 'Brandt', 'Valley Wire', '2030-03-02T08:00:00Z'),
  input('a3', 'not evacuate the old town', 'Elsa Brandt', 'Lowmere Courier', '2030-03-03T09:00:00Z'),
  input('a4', 'The ministry has no plan for the harbour.', 'Ivo Carrow', 'Valley Wire', '2030-03-02T09:00:00Z'),
];

test('near-identical wording and a contained partial quote form one group', () => {
  const groups = groupQuotes(items, (ids) => ids.length);
  const g = groups.find((x) => x.articles.includes('a1'))!;
  assert.deepEqual(g.articles, ['a1', 'a2', 'a3']);
  assert.equal(g.earliest?.articleId, 'a2');
  assert.equal(g.speaker, 'Elsa Brandt');
  assert.deepEqual(g.outlets, ['Brackwater Post', 'Lowmere Courier', 'Valley Wire']);
  assert.equal(groups.length, 2);
});

test('independence comes from the reuse layer; default counts every article', () => {
  assert.equal(groupQuotes(items)[0]!.independentReports, 3);
  const copied = groupQuotes(items, (ids) => (ids.includes('a1') && ids.includes('a2') ? ids.length - 1 : ids.length));
  assert.equal(copied.find((g) => g.articles.includes('a1'))!.independentReports, 2);
});

test('the same words from two different speakers stay apart; ids are stable', () => {
  const two = [input('b1', 'We will not give up the harbour today', 'Elsa Brandt', 'X', '2030-01-01'), input('b2', 'We will not give up the harbour today', 'Ivo Carrow', 'Y', '2030-01-01')];
  const g = groupQuotes(two);
  assert.equal(g.length, 2);
  assert.deepEqual(groupQuotes(two).map((x) => x.id), g.map((x) => x.id));
});
