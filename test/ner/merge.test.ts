import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ArticleEntity } from '../../src/analysis/coref/index.js';
import { mergeEntities, type ArticleEntities } from '../../src/link/entities/index.js';

const ent = (ref: string, name: string, type: ArticleEntity['type'], aliases: string[] = [], roles: string[] = []): ArticleEntity => ({
  ref, name, type, aliases, roles, mentions: 1 + aliases.length,
});
const art = (articleId: string, entities: ArticleEntity[]): ArticleEntities => ({
  articleId,
  entities,
  mentions: entities.map((e, i) => ({ start: i * 10, end: i * 10 + 5, text: e.name, type: e.type, ref: e.ref })),
});

test('the same person under several forms is one entity', () => {
  const out = mergeEntities([
    art('a1', [ent('e1', 'Ada Varga', 'PERSON', ['Varga'], ['Col.'])]),
    art('a2', [ent('e1', 'Col. Ada Varga', 'PERSON', [], ['Northern Relief Agency head'])]),
    art('a3', [ent('e1', 'A. Varga', 'PERSON')]),
  ]);
  const people = out.filter((e) => e.type === 'PERSON');
  assert.equal(people.length, 1);
  assert.equal(people[0]!.name, 'Ada Varga');
  assert.deepEqual(people[0]!.articles, ['a1', 'a2', 'a3']);
  assert.ok(people[0]!.roles.includes('Col.'));
});

test('different first names with one surname are not merged', () => {
  const out = mergeEntities([art('a1', [ent('e1', 'Ada Varga', 'PERSON')]), art('a2', [ent('e1', 'Bela Varga', 'PERSON')])]);
  assert.equal(out.length, 2);
});

test('a bare surname merges only when the roles agree', () => {
  const base = [art('a1', [ent('e1', 'Ada Varga', 'PERSON', [], ['relief agency spokeswoman'])])];
  const withRole = mergeEntities([...base, art('a2', [ent('e1', 'Varga', 'PERSON', [], ['spokeswoman'])])]);
  assert.equal(withRole.length, 1);
  const without = mergeEntities([...base, art('a2', [ent('e1', 'Varga', 'PERSON', [], ['fisherman'])])]);
  assert.equal(without.length, 2);
});

test('an acronym merges with its expansion; mentions and spans add up', () => {
  const out = mergeEntities([
    art('a1', [ent('e1', 'Northern Relief Agency', 'ORG', ['NRA'])]),
    art('a2', [ent('e1', 'NRA', 'ORG')]),
    art('a3', [ent('e1', 'Coastal Defence Council', 'ORG')]),
    art('a4', [ent('e1', 'CDC', 'ORG')]),
  ]);
  assert.equal(out.length, 2);
  const nra = out.find((e) => e.aliases.includes('NRA'));
  assert.equal(nra?.name, 'Northern Relief Agency');
  assert.equal(nra?.spans?.length, 2);
  assert.equal(out.find((e) => e.name === 'Coastal Defence Council')?.aliases.includes('CDC'), true);
});

test('incremental merging equals merging at once', () => {
  const arts = [
    art('a1', [ent('e1', 'Ada Varga', 'PERSON'), ent('e2', 'Northern Relief Agency', 'ORG')]),
    art('a2', [ent('e1', 'Varga', 'PERSON', [], []), ent('e2', 'NRA', 'ORG')]),
    art('a3', [ent('e1', 'Ada Varga', 'PERSON', ['Varga'])]),
  ];
  const once = mergeEntities(arts);
  let inc = mergeEntities([arts[0]!]);
  inc = mergeEntities([arts[1]!], inc);
  inc = mergeEntities([arts[2]!], inc);
  assert.deepEqual(inc, once);
});
