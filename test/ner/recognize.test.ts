import assert from 'node:assert/strict';
import { test } from 'node:test';
import { recognize } from '../../src/analysis/ner/index.js';
import { nerTokens } from '../../src/analysis/ner/tokens.js';
import { segment } from '../../src/text/segment.js';

const TEXT =
  'Col. Ada Varga of the Northern Relief Agency (NRA) said on Tuesday that the convoy had reached Dellport. ' +
  'Varga added that the agency would return.\n' +
  'Secretary of State Tomas Brandt, chairman of the Coastal Joint Council, met Varga in Paris. ' +
  'A Harbour Council spokesman, Ivo Renn, said the talks were useful. U.S. Army Gen. Pell Orrin also spoke.';

function run(text = TEXT) {
  return recognize(text, segment(text).sentences);
}

test('spans point into the text and titles stay outside person names', () => {
  const ms = run();
  for (const m of ms) assert.equal(TEXT.slice(m.start, m.end), m.text);
  const varga = ms.find((m) => m.text === 'Ada Varga');
  assert.ok(varga, 'full name found without its title');
  assert.equal(varga.type, 'PERSON');
  assert.deepEqual(varga.roles, ['Col.']);
  assert.ok(!ms.some((m) => m.text.startsWith('Col.')));
});

test('organisations, acronyms and places are typed', () => {
  const ms = run();
  const type = (t: string) => ms.find((m) => m.text === t)?.type;
  assert.equal(type('Northern Relief Agency'), 'ORG');
  assert.equal(type('NRA'), 'ORG');
  assert.equal(type('Paris'), 'PLACE');
});

test('roles before, after and in apposition', () => {
  const ms = run();
  const roles = (t: string) => ms.find((m) => m.text === t)?.roles ?? [];
  assert.ok(roles('Tomas Brandt').includes('Secretary of State'), JSON.stringify(roles('Tomas Brandt')));
  assert.ok(roles('Tomas Brandt').includes('chairman of the Coastal Joint Council'));
  assert.deepEqual(roles('Ivo Renn'), ['Harbour Council spokesman']);
  assert.deepEqual(roles('Pell Orrin'), ['U.S. Army Gen.']);
});

test('a role phrase before a name splits at the trailing rank', () => {
  const text = 'Chairman of the Joint Harbour Board General Lena Moor arrived in Rome on Monday.';
  const m = run(text).find((x) => x.text === 'Lena Moor');
  assert.ok(m);
  assert.deepEqual(m.roles, ['Chairman of the Joint Harbour Board', 'General']);
});

test('tokens follow the CoNLL conventions the tagger was trained on', () => {
  const text = "Gen. J. Smith's U.S. visit can't wait.";
  const toks = nerTokens(text, { start: 0, end: text.length }).map((t) => t.text);
  assert.deepEqual(toks, ['Gen.', 'J.', 'Smith', "'s", 'U.S.', 'visit', 'ca', "n't", 'wait', '.']);
});

test('empty input gives no mentions', () => {
  assert.deepEqual(recognize('', []), []);
});
