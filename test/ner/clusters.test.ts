import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildWordClasses, classKey, rawTokens, WordClasses } from '../../src/analysis/ner/clusters.js';

// Fictional text: towns and firms in the same slots, so each set should share a class.
const towns = ['Dellport', 'Marrowby', 'Kestin', 'Ulverholm'];
const firms = ['Brantco', 'Velmar', 'Orrisfield', 'Quenley'];
function corpus(): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < 6; r++) {
    for (const t of towns) out.push(rawTokens(`The ferry left ${t} on time and reached ${t} harbour before noon .`));
    for (const f of firms) out.push(rawTokens(`Shares of ${f} rose after ${f} said profits grew , analysts said .`));
    out.push(rawTokens('the harbour was calm and the ferry was late .'));
  }
  return out;
}

test('words used in the same slots share a class; capitalisation is binned', () => {
  const data = buildWordClasses(corpus(), { coarse: 4, fine: 16, minCount: 2, contextWords: 40, iterations: 8, seed: 3, maxWords: 1000 });
  const wc = new WordClasses(data);
  const fine = (w: string) => wc.get(w)?.fine;
  assert.equal(new Set(towns.map(fine)).size, 1, 'towns together');
  assert.equal(new Set(firms.map(fine)).size, 1, 'firms together');
  assert.notEqual(fine('Dellport'), fine('Brantco'));
  assert.equal(wc.get('Velmar')?.cap, 'e', 'always capitalised mid-sentence');
  assert.equal(wc.get('harbour')?.cap, 'a', 'never capitalised');
});

test('the same input gives the same table', () => {
  const o = { coarse: 4, fine: 16, minCount: 2, contextWords: 40, iterations: 8, seed: 3, maxWords: 1000 };
  assert.equal(buildWordClasses(corpus(), o).table, buildWordClasses(corpus(), o).table);
});

test('keys fold case and digits; raw tokens split possessives', () => {
  assert.equal(classKey('Route66'), 'route00');
  assert.deepEqual(rawTokens("Velmar's unit rose 4.5%."), ['Velmar', "'s", 'unit', 'rose', '4.5', '%', '.']);
});
