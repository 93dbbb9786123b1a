import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/text/segment.js';
import { extractQuotes } from '../../src/analysis/quotes/index.js';
import { assemble, AttributionTagger, decode, defaultTagger, sentenceFeatures, TAGS, toTaggerFile } from '../../src/analysis/quotes/tagger.js';
import { goldTags, trainAttributionTagger, type GoldSpan, type TrainText } from '../../src/analysis/quotes/tagger-train.js';
import { attributionCorpus } from '../helpers/attribution-corpus.js';

// Fictional harbour town of Quellmoor and its people.
const ctx = { quoted: [], mentions: [] };
const sentenceOf = (text: string) => sentenceFeatures(text, { start: 0, end: text.length }, ctx);
const tagIds = (names: string[]) => Int32Array.from(names.map((n) => TAGS.indexOf(n as (typeof TAGS)[number])));
const spanText = (text: string, s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);

test('assemble: a cue takes the source before it and the content after it', () => {
  const t = 'Mira Tolland said the ferry runs late .';
  const s = sentenceOf(t);
  const tags = tagIds(['B-S', 'I-S', 'B-C', 'B-N', 'I-N', 'I-N', 'I-N', 'O']);
  const [a, ...rest] = assemble(s, tags, new Float64Array(tags.length).fill(5));
  assert.equal(rest.length, 0);
  assert.equal(spanText(t, a!.source), 'Mira Tolland');
  assert.equal(spanText(t, a!.cue), 'said');
  assert.equal(spanText(t, a!.content), 'the ferry runs late');
});

test('assemble: a nested source and cue belong to the outer content', () => {
  const t = 'Tolland said the board believes the pier is unsafe .';
  const s = sentenceOf(t);
  const tags = tagIds(['B-S', 'B-C', 'B-S', 'I-S', 'B-C', 'B-N', 'I-N', 'I-N', 'I-N', 'O']);
  const got = assemble(s, tags, new Float64Array(tags.length).fill(5)).map((a) => [spanText(t, a.source), spanText(t, a.cue), spanText(t, a.content)]);
  assert.deepEqual(got, [
    ['Tolland', 'said', 'the board believes the pier is unsafe'],
    ['the board', 'believes', 'the pier is unsafe'],
  ]);
});

test('assemble: a content after its cue that the tags drop midway runs to the end of the sentence', () => {
  const t = 'Tolland fears that Mr. Osk is selling the pier to a developer .';
  const s = sentenceOf(t);
  const tags = tagIds(['B-S', 'B-C', 'B-N', 'I-N', 'I-N', 'I-N', 'O', 'O', 'O', 'O', 'O', 'O', 'O', 'O']);
  const [a] = assemble(s, tags, new Float64Array(tags.length).fill(5));
  assert.equal(spanText(t, a!.content), 'that Mr. Osk is selling the pier to a developer');
  // Another tagged span after the content keeps the content as tagged.
  const u = 'Tolland fears that Osk sells , Brandt said .';
  const tu = tagIds(['B-S', 'B-C', 'B-N', 'I-N', 'O', 'O', 'B-S', 'B-C', 'O']);
  assert.equal(spanText(u, assemble(sentenceOf(u), tu, new Float64Array(tu.length).fill(5))[0]!.content), 'that Osk');
});

test('assemble: a participle cue after a comma takes the source of the clause before it', () => {
  const t = 'Tolland closed the pier , arguing that it was unsafe .';
  const tags = tagIds(['B-S', 'B-C', 'B-N', 'I-N', 'O', 'B-C', 'B-N', 'I-N', 'I-N', 'I-N', 'O']);
  const got = assemble(sentenceOf(t), tags, new Float64Array(tags.length).fill(5)).map((a) => [spanText(t, a.source), spanText(t, a.cue), spanText(t, a.content)]);
  assert.deepEqual(got.at(-1), ['Tolland', 'arguing', 'that it was unsafe']);
});

test('assemble: a source cut at a title\'s stop runs on to the name after it', () => {
  const t = 'Mr. Osk said the pier is unsafe .';
  const tags = tagIds(['B-S', 'O', 'O', 'B-C', 'B-N', 'I-N', 'I-N', 'I-N', 'O']);
  const [a] = assemble(sentenceOf(t), tags, new Float64Array(tags.length).fill(5));
  assert.equal(spanText(t, a!.source), 'Mr. Osk');
});

test('assemble: content before the cue and the source after it', () => {
  const t = 'The pier is unsafe , said Tolland .';
  const s = sentenceOf(t);
  const tags = tagIds(['B-N', 'I-N', 'I-N', 'I-N', 'O', 'B-C', 'B-S', 'O']);
  const [a] = assemble(s, tags, new Float64Array(tags.length).fill(5));
  assert.equal(spanText(t, a!.content), 'The pier is unsafe');
  assert.equal(spanText(t, a!.source), 'Tolland');
});

test('gold tags: cue and source tokens outrank the content they sit in', () => {
  const t = 'Tolland said the board believes the pier is unsafe.';
  const span = (w: string) => ({ start: t.indexOf(w), end: t.indexOf(w) + w.length });
  const gold: GoldSpan[] = [
    { type: 'Source', fragments: [span('Tolland')] },
    { type: 'Cue', fragments: [span('said')] },
    { type: 'Content', fragments: [span('the board believes the pier is unsafe')] },
    { type: 'Source', fragments: [span('the board')] },
    { type: 'Cue', fragments: [span('believes')] },
    { type: 'Content', fragments: [span('the pier is unsafe')] },
  ];
  const tags = [...goldTags(sentenceOf(t), gold)].map((k) => TAGS[k]);
  assert.deepEqual(tags, ['B-S', 'B-C', 'B-S', 'I-S', 'B-C', 'B-N', 'I-N', 'I-N', 'I-N', 'O']);
});

/** A tiny fictional training set: speech verbs with the source first. */
function tinyCorpus(): TrainText[] {
  const lines: [string, string, string][] = [
    ['Odile Brisk', 'said', 'the tram depot will close'],
    ['Ilse Varn', 'said', 'the regatta is cancelled'],
    ['The harbour board', 'warned', 'the pier is unsafe'],
    ['Mira Tolland', 'claimed', 'the ferry runs late'],
  ];
  return attributionCorpus(lines);
}

test('training is deterministic and fits its training sentences', () => {
  const opts = { iterations: 5, seed: 3, minCount: 1 };
  const a = toTaggerFile(trainAttributionTagger(tinyCorpus(), opts), { trainedOn: 'tiny', iterations: 5, seed: 3 });
  const b = toTaggerFile(trainAttributionTagger(tinyCorpus(), opts), { trainedOn: 'tiny', iterations: 5, seed: 3 });
  assert.deepEqual(a, b);
  const tagger = AttributionTagger.fromFile(a);
  const t = tinyCorpus()[1]!.text;
  const [found] = tagger.tag(t, segment(t).sentences, ctx);
  assert.ok(found, 'nothing tagged');
  assert.equal(spanText(t, found.source), 'Ilse Varn');
  assert.equal(spanText(t, found.content), 'the regatta is cancelled');
  const s = sentenceOf(t);
  assert.equal(decode(s, tagger.table).tags.length, s.tokens.length);
});

test('the shipped tagger loads and adds an attribution the rules miss, below the speech band', () => {
  assert.ok(defaultTagger(), 'models/quotes-tagger.json.gz missing or stale');
  const t = 'Odile Brisk, the mayor of Quellmoor, is confident that the bridge will reopen in May.';
  const rules = extractQuotes(t, segment(t), [], { tagger: null });
  assert.equal(rules.length, 0);
  const both = extractQuotes(t, segment(t), []);
  const added = both.find((q) => /confident/.test(q.cue?.text ?? ''));
  assert.ok(added, 'the tagger found no attribution');
  assert.ok(added.confidence >= 0.4 && added.confidence < 0.5, String(added.confidence));
  assert.ok(added.evidence.some((e) => /trained tagger/.test(e.reason)));
});

test('rules stay authoritative for direct quotations', () => {
  const t = '"We will rebuild the pier by spring," Mayor Ilse Varn said on Monday. The ferry board met later.';
  const rules = extractQuotes(t, segment(t), [], { tagger: null });
  const both = extractQuotes(t, segment(t), []);
  const direct = (qs: typeof rules) => qs.filter((q) => q.confidence >= 0.5).map((q) => [q.kind, q.text, q.speaker, q.confidence]);
  assert.deepEqual(direct(both), direct(rules));
  assert.equal(direct(rules)[0]?.[2], 'Ilse Varn');
});
