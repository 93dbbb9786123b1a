import assert from 'node:assert/strict';
import { test } from 'node:test';
import { wordClass } from '../../src/analysis/quotes/clusters.js';

test('the shipped word classes group speech verbs and leave rare words out', () => {
  const said = wordClass('said');
  assert.ok(said, 'a frequent word has a class');
  assert.equal(wordClass('told')?.fine, said.fine);
  assert.equal(wordClass('accused')?.coarse, wordClass('criticized')?.coarse);
  assert.equal(wordClass('zzqxv'), undefined);
});
