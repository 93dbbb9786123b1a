import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleEntities, entityOf, resolveCoref } from '../../src/analysis/coref/index.js';
import { recognize } from '../../src/analysis/ner/index.js';
import { segment } from '../../src/text/segment.js';
import type { Mention } from '../../src/types.js';

function analyse(text: string): Mention[] {
  const { sentences } = segment(text);
  return resolveCoref(text, sentences, recognize(text, sentences));
}

const TEXT =
  'Col. Ada Varga of the Northern Relief Agency (NRA) said the convoy had reached Dellport. ' +
  'Varga added that the agency would return. "We are not finished," she said.\n' +
  'The NRA has worked in the valley since March.';

test('surnames, acronyms, descriptions and pronouns share the ref of their entity', () => {
  const ms = analyse(TEXT);
  const refOf = (t: string, via?: string) => ms.find((m) => m.text === t && (!via || m.via === via))?.ref;
  const ada = refOf('Ada Varga');
  assert.ok(ada);
  assert.equal(refOf('Varga'), ada);
  assert.equal(ms.find((m) => m.text === 'Varga')?.via, 'coref:surname');
  assert.equal(refOf('she', 'coref:pronoun'), ada);
  const agency = refOf('Northern Relief Agency');
  assert.ok(agency);
  assert.notEqual(agency, ada);
  assert.ok(ms.filter((m) => m.text === 'NRA').every((m) => m.ref === agency));
  assert.equal(refOf('the agency', 'coref:description'), agency);
});

test('the entity list names each entity by its longest name', () => {
  const ms = analyse(TEXT);
  const ents = articleEntities(ms);
  const ada = ents.find((e) => e.name === 'Ada Varga');
  assert.ok(ada);
  assert.equal(ada.type, 'PERSON');
  assert.ok(ada.aliases.includes('Varga'));
  assert.ok(!ada.aliases.includes('she'), 'pronouns are not aliases');
  assert.deepEqual(ada.roles, ['Col.']);
  const nra = ents.find((e) => e.name === 'Northern Relief Agency');
  assert.ok(nra?.aliases.includes('NRA'));
  assert.equal(entityOf(ada.ref, ms)?.name, 'Ada Varga');
});

test('acronyms built from initials link without a bracketed definition', () => {
  const text = 'The Coastal Defence Council met on Friday. Later the CDC issued a statement about fishing.';
  const ms = analyse(text);
  const cdc = ms.find((m) => m.text === 'CDC');
  const full = ms.find((m) => m.text === 'Coastal Defence Council');
  assert.ok(cdc && full);
  assert.equal(cdc.ref, full.ref);
  assert.equal(cdc.via, 'acronym');
});

test('a role description resolves to the person holding that role, not the last person', () => {
  const text =
    'Harbour Council spokesman Ivo Renn said the port was open. Fishermen led by Mara Olsen disagreed. ' +
    'The spokesman later repeated the statement.';
  const ms = analyse(text);
  const renn = ms.find((m) => m.text === 'Ivo Renn')?.ref;
  const d = ms.find((m) => m.via === 'coref:description');
  assert.ok(renn && d);
  assert.equal(d.text, 'The spokesman');
  assert.equal(d.ref, renn);
});

test('two people with different surnames stay apart', () => {
  const ms = analyse('Ada Varga met Tomas Brandt in Dellport. Brandt said little; Varga said less.');
  const ref = (t: string) => ms.find((m) => m.text === t)?.ref;
  assert.equal(ref('Brandt'), ref('Tomas Brandt'));
  assert.equal(ref('Varga'), ref('Ada Varga'));
  assert.notEqual(ref('Varga'), ref('Brandt'));
});
