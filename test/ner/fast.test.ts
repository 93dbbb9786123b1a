import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseConll } from '../../src/analysis/ner/conll.js';
import { compileIndex, historyFast, prepareFast } from '../../src/analysis/ner/fast.js';
import { docContext } from '../../src/analysis/ner/features.js';
import { defaultModel } from '../../src/analysis/ner/model.js';
import { K, decode, harmonise, historyIds, prepareSentence, spansOf } from '../../src/analysis/ner/tagger.js';

// Fictional sentences, with the odd tokens the fast path must treat like the string path: '|'
// inside words (string fall-back), headlines in capitals, score lines, dotted names.
const DOC: string[][] = [
  'Col. Ada Varga of the Northern Relief Agency said on Tuesday that the convoy reached New Dellport .'.split(' '),
  'HARBOUR COUNCIL VOTES TO REOPEN DELLPORT DOCKS'.split(' '),
  'Lowmoor 2 Eastvale 1 , Kettering 0 Brackton 3'.split(' '),
  'The | symbol and a|b or x|| appear in tables , said U.S. envoy Tomas Brandt in Paris .'.split(' '),
  ['|'],
  'varga said the new york office would close in May .'.split(' '),
];

const CONLL = new URL('../../../shared/corpora/conll2003/eng.testa', import.meta.url).pathname;

function docs(): string[][][] {
  const out = [DOC];
  // The real corpus, when it is there, adds variety; the fictional document alone must pass too.
  if (existsSync(CONLL)) out.push(...parseConll(readFileSync(CONLL, 'utf8')).slice(0, 40).map((d) => d.sentences));
  return out;
}

test('fast feature ids equal the string features, in order', () => {
  const model = defaultModel();
  const C = compileIndex(model.table.index);
  let tokens = 0;
  for (const doc of docs()) {
    const ctx = docContext(doc);
    for (const words of doc) {
      const slow = prepareSentence(words, ctx, model.lexicons, model.table.index);
      const fast = prepareFast(words, ctx, model.lexicons, C);
      assert.deepEqual(fast.lower, slow.lower);
      assert.deepEqual(fast.short, slow.short);
      assert.equal(fast.ids.length, slow.ids.length);
      fast.ids.forEach((ids, i) => assert.deepEqual([...ids], [...slow.ids[i]!], `${words.join(' ')} @${i}`));
      for (let i = 0; i < words.length; i++)
        for (const t1 of [-1, 0, 1, 4, K - 1])
          for (const t2 of [-1, 0, 3]) {
            const a: number[] = [];
            const b: number[] = [];
            historyIds(slow, i, t1, t2, model.table.index, a);
            historyFast(C, fast, i, t1, t2, b);
            assert.deepEqual(b, a);
          }
      tokens += words.length;
    }
  }
  assert.ok(tokens > 40);
});

test('the model tags documents as the string path does', () => {
  const model = defaultModel();
  for (const doc of docs()) {
    const ctx = docContext(doc);
    const slow = doc.map((w) => spansOf(decode(prepareSentence(w, ctx, model.lexicons, model.table.index), model.table)));
    assert.deepEqual(model.tagDocument(doc), harmonise(doc, slow));
  }
});

test('gazetteer codes follow the string annotation', () => {
  const { gaz } = defaultModel().lexicons;
  const KINDS = ['country', 'admin1', 'city', 'demonym', 'given', 'title', 'orgsfx', 'calendar'];
  const POS = ['U', 'B', 'I', 'L'];
  for (const words of DOC) {
    const lower = words.map((w) => w.toLowerCase());
    const cap = words.map((w) => /^\p{Lu}/u.test(w));
    const codes = gaz.annotateCodes(lower, cap).map((cs) => cs.map((c) => KINDS[c >> 2] + ':' + POS[c & 3]));
    assert.deepEqual(codes, gaz.annotate(lower, cap));
  }
});
