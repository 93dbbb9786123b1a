import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { recognize } from '../../src/analysis/ner/index.js';
import { findQuotationMarks } from '../../src/analysis/quotes/marks.js';
import { compiledWeights, decodeFast } from '../../src/analysis/quotes/tagger-fast.js';
import { trainAttributionTagger, type TrainText } from '../../src/analysis/quotes/tagger-train.js';
import {
  assemble,
  AttributionTagger,
  decode,
  DEFAULT_TAGGER_PATH,
  sentenceFeatures,
  TAGS,
  toTaggerFile,
  type ArticleContext,
  type TaggedAttribution,
  type TaggerFile,
} from '../../src/analysis/quotes/tagger.js';
import { segment } from '../../src/text/segment.js';
import type { Mention, Span } from '../../src/types.js';
import { attributionCorpus } from '../helpers/attribution-corpus.js';

// Fictional articles from the harbour towns of Quellmoor, Lowmere and Brackton: quotations
// (straight, curly, single, French), speech verbs before and after, "according to", colons,
// nested attributions, a headline in capitals, and tokens holding '|' (which the fast path
// looks up by name).
const ARTICLES: string[][] = [
  [
    '"We will reopen the ferry pier by the spring," Mayor Odile Brisk said on Tuesday. Harbour master Ilse Varn said the repairs would cost about 4.2 million crowns.',
    'According to the Quellmoor port authority, two cranes were damaged in the storm. The council\'s report was blunt: the breakwater "has outlived its design life".',
    'Tolland told reporters that the board believes the pier is unsafe. "It is not safe. It has not been safe for years," she added, "and nobody listened."',
    'Brisk denied that the town had ignored earlier warnings, according to a statement. A spokesman for the Lowmere Rowing Club, who asked not to be named, warned that the regatta could be cancelled.',
    'The board, Varn said, "will meet again on Friday". Residents say they were never told; officials insist they were.',
  ],
  [
    'HARBOUR BOARD SAYS PIER WILL STAY SHUT',
    'The engineers concluded: "The pier cannot carry vehicles." “Nobody expected the water to rise that fast,” said Mira Tolland, a fisher from Brackton.',
    'She said she had heard her neighbour shout, ‘Get out now!’ Critics argue the plan is too expensive, while supporters claim it will pay for itself.',
    'The minister reportedly told colleagues the funds were already spent. He asked whether the ferry would run, and she replied that it would not.',
    '"I think," Varn said, "that the board knows more than it says." According to Brisk, according to Varn, nobody was hurt.',
    'The report found that the cranes had not been inspected since 2019, the auditors said in a letter. Officials believe the storm surge reached 3.1 metres; independent experts estimate 2.8 metres.',
  ],
  [
    'Varn: "We are doing what we can." Brisk (speaking on local radio): the pier will reopen in May.',
    'Asked about the cost, Tolland said: "Ask the board." The union\'s statement, released late on Monday, accused the board of "gambling with lives".',
    'Mr. Varn, 54, said the U.S.-made cranes were "beyond repair". «Le port restera fermé», a déclaré la maire.',
    'In a notice at http://quellmoor.example/notice|pier the council wrote that the pier would stay shut. The figures | as the council published them | show a gap of 12 | 15 percent, Brisk said.',
    'The mayor of Quellmoor, Odile Brisk, is confident the bridge will reopen in May. Tolland, who says she warned the board in 2021, expects more delays — "years, not months".',
  ],
];

interface Article {
  text: string;
  sentences: Span[];
  ctx: ArticleContext;
}

/** Each article with its sentences, quotations and mentions: the recogniser's, pronouns and
 * descriptions marked as coreference would, and one mention across two sentences. */
function articles(): Article[] {
  return ARTICLES.map((paras) => {
    const text = paras.join('\n\n');
    const seg = segment(text);
    const quoted = findQuotationMarks(text, seg.paragraphs).map((m) => ({ start: m.start, end: m.end }));
    const mentions: Mention[] = recognize(text, seg.sentences);
    const add = (re: RegExp, type: Mention['type'], via: string) => {
      for (const m of text.matchAll(re)) mentions.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], type, via });
    };
    add(/\b(?:[Ss]he|[Hh]e|they)\b/g, 'PERSON', 'coref:pronoun');
    add(/\bthe (?:board|council)\b/g, 'ORG', 'coref:description');
    const s = seg.sentences[1]!;
    mentions.push({ start: s.start - 3, end: s.start + 4, text: text.slice(s.start - 3, s.start + 4), type: 'OTHER' });
    return { text, sentences: seg.sentences, ctx: { quoted, mentions } };
  });
}

function slowTag(tagger: AttributionTagger, a: { text: string; sentences: Span[]; ctx: ArticleContext }): TaggedAttribution[] {
  const out: TaggedAttribution[] = [];
  for (const sent of a.sentences) {
    const s = sentenceFeatures(a.text, sent, a.ctx);
    if (!s.tokens.length) continue;
    const { tags, margin } = decode(s, tagger.table, tagger.byTpl);
    out.push(...assemble(s, tags, margin));
  }
  return out;
}

/** Compares the fast path with the string path sentence by sentence; the numbers of tokens and
 * of tokens tagged other than O. */
function compareSentences(tagger: AttributionTagger, a: Article, exact: boolean): [number, number] {
  let tokens = 0;
  let tagged = 0;
  for (const sent of a.sentences) {
    const slow = decode(sentenceFeatures(a.text, sent, a.ctx), tagger.table, tagger.byTpl);
    const fast = decodeFast(tagger.compiled, a.text, sent, a.ctx);
    const where = a.text.slice(sent.start, sent.end);
    assert.deepEqual([...fast.tags].map((t) => TAGS[t]), [...slow.tags].map((t) => TAGS[t]), where);
    if (exact) assert.deepEqual([...fast.margin], [...slow.margin], where);
    else fast.margin.forEach((m, i) => assert.ok(Math.abs(m - slow.margin[i]!) < 1e-9, where));
    tokens += fast.tags.length;
    tagged += fast.tags.filter((t) => t !== 0).length;
  }
  return [tokens, tagged];
}

let shipped: AttributionTagger | null = null;
const shippedTagger = () => (shipped ??= AttributionTagger.load());

/** Every feature of the tagger's table comes back from the compiled form with its weights,
 * except the features over few values, which are summed into tables. */
function checkEveryFeature(tagger: AttributionTagger): void {
  const { index, weights } = tagger.table;
  const summed = /^(?:b|c|c-1|c\+1|c-2|c\+2|cc|lc|rc|lrc|lm|rm|q|qc|pos|end|cm|t1|t12)=/;
  let checked = 0;
  for (const [name, id] of index) {
    const got = compiledWeights(tagger.compiled, name);
    if (got === null && summed.test(name)) continue;
    assert.deepEqual(got, Array.from(weights.subarray(id * TAGS.length, (id + 1) * TAGS.length)), name);
    checked++;
  }
  assert.ok(checked > index.size * 0.9, `${checked} of ${index.size}`);
}

test('the compiled model holds every feature of the shipped model with its weights', () => {
  checkEveryFeature(shippedTagger());
});

test('fast tags and margins equal decode(sentenceFeatures()) with the shipped model', () => {
  const tagger = shippedTagger();
  let tokens = 0;
  let tagged = 0;
  for (const a of articles()) {
    for (const ctx of [a.ctx, { quoted: [], mentions: [] }]) {
      const [n, t] = compareSentences(tagger, { ...a, ctx }, true);
      tokens += n;
      tagged += t;
    }
  }
  assert.ok(tokens > 600, String(tokens));
  assert.ok(tagged > 100, `only ${tagged} tokens tagged`);
});

test('tag() gives the attributions of the string path', () => {
  const tagger = shippedTagger();
  let found = 0;
  for (const a of articles()) {
    const fast = tagger.tag(a.text, a.sentences, a.ctx, 'greedy');
    assert.deepEqual(fast, slowTag(tagger, a));
    found += fast.length;
    // Sentences out of order take the per-sentence filtering.
    const reversed = { ...a, sentences: [...a.sentences].reverse() };
    assert.deepEqual(tagger.tag(a.text, reversed.sentences, a.ctx, 'greedy'), slowTag(tagger, reversed));
  }
  assert.ok(found >= 5, `only ${found} attributions`);
});

test('the model read from its bytes is the model JSON.parse reads, whatever the layout', () => {
  const file = JSON.parse(gunzipSync(readFileSync(DEFAULT_TAGGER_PATH)).toString('utf8')) as TaggerFile;
  const viaJson = AttributionTagger.fromFile(file);
  const dir = mkdtempSync(join(tmpdir(), 'quotes-tagger-'));
  try {
    const write = (name: string, json: string) => {
      const path = join(dir, name);
      writeFileSync(path, gzipSync(json, { level: 1 }));
      return path;
    };
    const { rows, features, ...header } = file;
    const spaced = AttributionTagger.load(write('spaced.json.gz', JSON.stringify(file, null, 1)));
    // Rows before features: read by the JSON path.
    const reordered = AttributionTagger.load(write('reordered.json.gz', JSON.stringify({ ...header, rows, features })));
    const all = articles();
    for (const a of all) compareSentences(viaJson, a, true);
    for (const tagger of [shippedTagger(), spaced, reordered]) {
      for (const a of all) assert.deepEqual(tagger.tag(a.text, a.sentences, a.ctx), viaJson.tag(a.text, a.sentences, a.ctx));
    }
    assert.deepEqual([...spaced.table.weights], [...viaJson.table.weights]);
    assert.equal(shippedTagger().table.index.size, viaJson.table.index.size);
    assert.throws(() => AttributionTagger.load(write('stale.json.gz', JSON.stringify({ ...file, featureVersion: 0 }))), /feature version 0/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Fictional training texts whose words hold '|', so that the model has two-part features with
 * more than one '|'. */
function barCorpus(): TrainText[] {
  const lines: [string, string, string][] = [
    ['Odile Brisk', 'said', 'the tally at http://quellmoor.example/a|b rose | fell'],
    ['Ilse Varn', 'said', '| the count | the tally doubled at 12|15'],
    ['The harbour board', 'warned', 'http://lowmere.example/x|y is broken'],
    ['Mira Tolland of http://brackton.example/p|q', 'claimed', 'the ferry | the tram run late'],
    ['the | gauge', 'said', 'the water | rose'],
  ];
  return attributionCorpus(lines);
}

test('a table trained here, with words holding "|", tags as the string path does', () => {
  const table = trainAttributionTagger(barCorpus(), { iterations: 4, seed: 5, minCount: 1 });
  const barNames = [...table.index.keys()].filter((f) => /^(?:w-1w|ww\+1|cw|cwp|lcwd)=.*\|.*\|/.test(f));
  for (const tpl of ['w-1w', 'ww+1', 'cw', 'cwp']) assert.ok(barNames.some((f) => f.startsWith(tpl + '=')), `no ${tpl} feature with a word holding "|"`);
  const texts = [...barCorpus(), ...articles()];
  // Unrounded float64 weights: the same tags, margins up to rounding.
  const trained = new AttributionTagger(table);
  // Rounded as a model file holds them: the same margins too.
  const filed = AttributionTagger.fromFile(toTaggerFile(table, { trainedOn: 'bars', iterations: 4, seed: 5 }));
  for (const a of texts) {
    compareSentences(trained, a, false);
    compareSentences(filed, a, true);
    assert.deepEqual(filed.tag(a.text, a.sentences, a.ctx, 'greedy'), slowTag(filed, a));
  }
  checkEveryFeature(trained);
  checkEveryFeature(filed);
  assert.equal(trained.compiled, trained.compiled);
});

/** Every inside tag continues a span of its own type (I-C after B-C or I-C). */
const wellFormed = (tags: ArrayLike<number>) => Array.from(tags).every((t, i) => !TAGS[t]!.startsWith('I-') || (i > 0 && TAGS[tags[i - 1]!]!.slice(2) === TAGS[t]!.slice(2)));

test('the best-sequence decoding gives well-formed tags scoring at least as high as well-formed greedy tags', () => {
  const tagger = shippedTagger();
  let compared = 0;
  for (const a of articles()) {
    for (const sent of a.sentences) {
      const greedy = decodeFast(tagger.compiled, a.text, sent, a.ctx, 'greedy');
      const best = decodeFast(tagger.compiled, a.text, sent, a.ctx, 'viterbi');
      const where = a.text.slice(sent.start, sent.end);
      assert.ok(wellFormed(best.tags), where);
      if (!wellFormed(greedy.tags)) continue;
      compared++;
      assert.ok(best.score >= greedy.score - 1e-9, `${where}: ${best.score} < ${greedy.score}`);
      // Where it keeps greedy's tags, it reports greedy's margins.
      if (best.tags.every((t, i) => t === greedy.tags[i])) assert.deepEqual([...best.margin], [...greedy.margin], where);
    }
  }
  assert.ok(compared > 0);
});
