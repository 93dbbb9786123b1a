// Control phrasings met in feed headlines, through the whole per-article pipeline (fictional
// sentences about the demo's made-up movement).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse, toInput } from '../../src/analysis/pipeline.js';
import { fakeArticle } from '../helpers/article.js';

function controlIn(text: string): string[] {
  const a = analyse(toInput(fakeArticle({ text, published: '2031-03-20' })));
  return (a.control ?? []).map((c) => `${c.place}:${c.holder}`);
}

test('people captured at a place do not make the place captured', () => {
  const c = controlIn('Two aid workers were captured at Ulaangom airport by the Highland Accord Front, their agency said.');
  assert.deepEqual(c.filter((x) => x.startsWith('Ulaangom')), []);
});

test('an analogy with an old war is not news of control', () => {
  const c = controlIn("Why is the Highland Accord Front's advance being compared to the fall of Saigon?");
  assert.deepEqual(c.filter((x) => x.startsWith('Saigon')), []);
});

test('a takeover named with its actor gives the holder', () => {
  const c = controlIn('The Highland Accord Front said on Monday it would govern fairly. Residents described the Highland Accord Front takeover of Khovd as swift.');
  assert.ok(c.some((x) => x.startsWith('Khovd:') && /Front/.test(x)), c.join('; '));
});
