// Span repairs and article-level retyping on fictional sentences.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveCoref } from '../../src/analysis/coref/index.js';
import { actsAsOrganisation } from '../../src/analysis/coref/agency.js';
import { recognize } from '../../src/analysis/ner/index.js';
import { defaultModel } from '../../src/analysis/ner/model.js';
import { repairSpans } from '../../src/analysis/ner/repairs.js';
import type { TaggedSpan } from '../../src/analysis/ner/tagger.js';
import { nerTokens } from '../../src/analysis/ner/tokens.js';
import { segment } from '../../src/text/segment.js';

function repair(sentence: string, spans: TaggedSpan[]) {
  const ts = nerTokens(sentence, { start: 0, end: sentence.length });
  const lex = defaultModel().lexicons;
  return repairSpans(ts, spans, { classes: lex.classes, gaz: lex.gaz }).map((s) => [ts.slice(s.start, s.end).map((t) => t.text).join(' '), s.type]);
}

test('a capitalised run ending in an organisation head noun is one ORG', () => {
  // "He said Narvian Coastal Defence Forces held the pass ."
  const out = repair('He said Narvian Coastal Defence Forces held the pass.', [
    { start: 2, end: 3, type: 'MISC' },
    { start: 5, end: 6, type: 'PER' },
  ]);
  assert.deepEqual(out, [['Narvian Coastal Defence Forces', 'ORG']]);
});

test('a place before the organisation joins it, a sentence-initial article does not', () => {
  const out = repair('The Dellport Harbour Council met.', [{ start: 1, end: 2, type: 'LOC' }]);
  assert.deepEqual(out, [['Dellport Harbour Council', 'ORG']]);
});

test('a name glossed with its acronym joins the words after it', () => {
  // Northern Relief ( NR ) Supply Mission in Narvia
  const s = 'Staff of the Northern Relief (NR) Supply Mission in Narvia left.';
  const out = repair(s, [
    { start: 3, end: 5, type: 'ORG' },
    { start: 6, end: 7, type: 'ORG' },
    { start: 8, end: 10, type: 'ORG' },
    { start: 11, end: 12, type: 'LOC' },
  ]);
  assert.deepEqual(out, [['Northern Relief ( NR ) Supply Mission in Narvia', 'ORG']]);
});

test('an acronym that does not stand for the name does not join', () => {
  const s = 'Staff of the Northern Relief (XQ) Supply Mission left.';
  const out = repair(s, [
    { start: 3, end: 5, type: 'ORG' },
    { start: 8, end: 10, type: 'ORG' },
  ]);
  assert.deepEqual(out, [
    ['Northern Relief', 'ORG'],
    ['Supply Mission', 'ORG'],
  ]);
});

test('an honorific does not cut a long name: a rare capitalised word after it is the surname', () => {
  const s = 'Maulvi Omar Dalil Zarkbarov said so.';
  const out = repair(s, [{ start: 0, end: 3, type: 'PER' }]);
  assert.deepEqual(out, [['Maulvi Omar Dalil Zarkbarov', 'PER']]);
  const m = recognize(s, segment(s).sentences).find((x) => x.type === 'PERSON');
  assert.equal(m?.text, 'Omar Dalil Zarkbarov');
  assert.deepEqual(m?.roles, ['Maulvi']);
});

test('a month or a known word after a person name stays outside', () => {
  const out = repair('Ada Varga Monday said so.', [{ start: 0, end: 2, type: 'PER' }]);
  assert.deepEqual(out, [['Ada Varga', 'PER']]);
});

test('URL slugs and breadcrumbs are not names', () => {
  const out = repair('Home / Narvia news-about-the-harbour-talks today', [
    { start: 0, end: 3, type: 'ORG' },
    { start: 3, end: 4, type: 'ORG' },
  ]);
  assert.deepEqual(out, []);
});

test('acting as an organisation: speech verbs, members, spokesman for', () => {
  const toks = (s: string) => nerTokens(s, { start: 0, end: s.length });
  assert.ok(actsAsOrganisation(toks('The Brotherhood has denied it.'), 1, 2));
  assert.ok(actsAsOrganisation(toks('Brotherhood spokesman Ivo Renn spoke.'), 0, 1));
  assert.ok(actsAsOrganisation(toks('A spokesman for the Brotherhood spoke.'), 4, 5));
  assert.ok(actsAsOrganisation(toks('They backed the Order, which had seized the fort.'), 3, 4));
  assert.ok(!actsAsOrganisation(toks('A Brotherhood victory looked far off.'), 1, 2));
});

test('an OTHER group that speaks anywhere in the article is ORG everywhere', () => {
  const text = 'A Velmari takeover is not certain. The Velmari said they would talk.';
  const { sentences } = segment(text);
  const ms = recognize(text, sentences).map((m) => (m.text === 'Velmari' ? { ...m, type: 'OTHER' as const } : m));
  const out = resolveCoref(text, sentences, ms).filter((m) => m.text === 'Velmari');
  assert.equal(out.length, 2);
  assert.ok(out.every((m) => m.type === 'ORG'), JSON.stringify(out));
});

test('a nationality that speaks stays OTHER', () => {
  const text = 'The talks went on. The Swiss said they would host.';
  const { sentences } = segment(text);
  const ms = [{ start: text.indexOf('Swiss'), end: text.indexOf('Swiss') + 5, text: 'Swiss', type: 'OTHER' as const, via: 'ner' }];
  const out = resolveCoref(text, sentences, ms).filter((m) => m.text === 'Swiss');
  assert.equal(out[0]?.type, 'OTHER');
});

test('a comma inside a tagged name separates the organisation from the person after it', () => {
  const text = 'A spokesman for the Movement, Ilse Varn, told reporters on Monday.';
  const ms = recognize(text, segment(text).sentences).filter((m) => m.via === 'ner' || !m.via);
  assert.ok(!ms.some((m) => m.text.includes(',')), ms.map((m) => m.text).join(' | '));
  assert.ok(ms.some((m) => m.text === 'Ilse Varn' && m.type === 'PERSON'), ms.map((m) => `${m.text}:${m.type}`).join(' | '));
});
