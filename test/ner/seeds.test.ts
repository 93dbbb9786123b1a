// Acceptance: how many of the reference PERSON/ORG entities of the seed articles are found by
// name or alias. Reads ../shared at run time; skipped when it is not there.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { articleEntities, resolveCoref } from '../../src/analysis/coref/index.js';
import { recognize } from '../../src/analysis/ner/index.js';
import { mergeEntities } from '../../src/link/entities/index.js';
import { segment } from '../../src/text/segment.js';
import { normalizeText } from '../../src/text/normalize.js';

const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
const SEEDS = join(SHARED, 'seeds');
const GOLD = join(SHARED, 'gold', 'seeds.json');
const have = existsSync(SEEDS) && existsSync(GOLD);

interface GoldEntity {
  name: string;
  type: string;
  aliases?: string[];
}

const norm = (s: string) => normalizeText(s).replace(/'/g, "'").toLowerCase();

test('seed articles: reference PERSON and ORG entities found by name or alias', { skip: !have && 'no ../shared' }, () => {
  const files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).sort();
  const perArticle = files.map((f) => {
    const text = readFileSync(join(SEEDS, f), 'utf8');
    const { sentences } = segment(text);
    const mentions = resolveCoref(text, sentences, recognize(text, sentences));
    return { articleId: f.slice(0, 3), entities: articleEntities(mentions), mentions };
  });
  const canon = mergeEntities(perArticle);
  const gold = (JSON.parse(readFileSync(GOLD, 'utf8')) as { entities: GoldEntity[] }).entities.filter(
    (e) => e.type === 'PERSON' || e.type === 'ORG',
  );
  const found: string[] = [];
  const missed: string[] = [];
  for (const g of gold) {
    const want = new Set([g.name, ...(g.aliases ?? [])].map(norm));
    const hit = canon.some((c) => c.type === g.type && [c.name, ...c.aliases].some((n) => want.has(norm(n))));
    (hit ? found : missed).push(`${g.type} ${g.name}`);
  }
  const people = gold.filter((g) => g.type === 'PERSON');
  const foundPeople = found.filter((f) => f.startsWith('PERSON')).length;
  console.log(`entities found: ${found.length}/${gold.length} (PERSON ${foundPeople}/${people.length}, ORG ${found.length - foundPeople}/${gold.length - people.length})`);
  console.log(`canonical entities: ${canon.length}; missed: ${missed.join('; ') || 'none'}`);
  assert.ok(foundPeople / people.length >= 0.9, 'PERSON recall floor');
  assert.ok(found.length / gold.length >= 0.9, 'overall recall floor');
});
