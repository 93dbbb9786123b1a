import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BRIEF_WORDS, contentFeatures, paOnlyFeatures, type Text } from '../../src/eval/meter/distinctive.js';
import { words } from '../../src/link/reuse/words.js';

const t = (text: string): Text => ({ text, words: words(text) });

const PA = t(
  'A lighthouse keeper from Brindlecombe was fined four hundred pounds yesterday for letting his lamp go dark ' +
    'during a gale. Magistrates heard that the keeper had fallen asleep beside a pot of stew.',
);

test('contentFeatures: a reworded brief keeps its content stems without the PA runs', () => {
  // Same content words, reordered and reinflected, no function words shared in runs.
  const brief = t('Brindlecombe lighthouse keepers fined: lamp darkened in gales; keeper fell asleep, stew pot, magistrates heard.');
  const [share, briefShare] = contentFeatures(brief, [PA]);
  assert.ok(share! > 0.8, `content share ${share}`);
  assert.equal(briefShare, share);
  const unrelated = t('Orchard growers in Pellowick celebrated a record harvest of plums after a mild spring.');
  const [other] = contentFeatures(unrelated, [PA]);
  assert.ok(other! < 0.2, `unrelated share ${other}`);
});

test('contentFeatures: the brief-story feature is zero for long stories', () => {
  const long = t(Array.from({ length: BRIEF_WORDS }, () => 'keeper').join(' '));
  const [share, briefShare] = contentFeatures(long, [PA]);
  assert.equal(share, 1);
  assert.equal(briefShare, 0);
});

test('paOnlyFeatures: wording shared with another paper is not counted as PA-only', () => {
  const story = t('The keeper had fallen asleep beside a pot of stew, magistrates heard.');
  const alone = paOnlyFeatures(story, [PA], []);
  // Another paper with the same phrase: none of the story's PA trigrams is PA-only any more.
  const withOther = paOnlyFeatures(story, [PA], [t('Court told the keeper had fallen asleep beside a pot of stew.')]);
  assert.ok(alone[1]! > 0.5, `PA-only trigrams alone ${alone[1]}`);
  assert.ok(withOther[1]! < alone[1]!, `${withOther[1]} vs ${alone[1]}`);
  assert.ok(withOther[3]! < alone[3]!);
  // A trigram in the other paper but not in PA.
  const other = paOnlyFeatures(t('Witnesses saw a red kite over the harbour.'), [PA], [t('Witnesses saw a red kite over the harbour wall.')]);
  assert.equal(other[1], 0);
  assert.equal(other[2], 1);
});
