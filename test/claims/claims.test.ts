import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractQuantities } from '../../src/analysis/quantities/index.js';
import { extractClaims } from '../../src/analysis/claims/index.js';
import { groupClaims } from '../../src/link/claims/index.js';
import { segment } from '../../src/text/segment.js';
import { findMentions, findTimes, makeQuotes, type NameEntry } from './standins.js';

// A fictional conflict: the Ember Front against the government of Varnland.
const ENTITIES: NameEntry[] = [
  { name: 'Ember Front', type: 'ORG', aliases: ['the rebels', 'the rebel group'] },
  { name: 'Tomas Heller', type: 'PERSON', aliases: ['Heller', 'Gen. Tomas Heller'], roles: ['General'] },
  { name: 'Ilse Marr', type: 'PERSON', aliases: ['Marr'], roles: ['spokeswoman'] },
  { name: 'Varnland Army', type: 'ORG' },
];

function analyse(text: string, published: string, outlet: string, quotes: { text: string; speaker: string }[] = []) {
  const { sentences } = segment(text);
  const quantities = extractQuantities(text, sentences);
  return extractClaims({
    text,
    sentences,
    quantities,
    quotes: makeQuotes(text, quotes),
    mentions: findMentions(text, ENTITIES),
    times: findTimes(text, published),
    published,
    outlet,
  });
}

const A1 =
  'Varnland Army chief Gen. Tomas Heller said at a briefing on Tuesday that the Ember Front now controlled about half of Varnland\'s roughly 300 districts. ' +
  'Last month, Heller said the rebels held 90 district centres.';
const A2 =
  'Ember Front spokeswoman Ilse Marr said the group was in control of 120 districts, the Lantern Daily reported. ' +
  '"It is more than 85 percent of the land held by our fighters," Marr said.';
const A3 = 'Heller said the Ember Front controls about 158 of Varnland\'s 311 district centres.';

test('claim subject, predicate, claimant, side and date', () => {
  const claims = analyse(A1, '2030-05-16', 'North Wire');
  const half = claims.find((c) => c.value === 150)!;
  assert.ok(half, JSON.stringify(claims));
  assert.equal(half.of, 300);
  assert.equal(half.quantity, 'districts controlled by the Ember Front');
  assert.equal(half.claimant, 'Tomas Heller');
  assert.equal(half.asOf, '2030-05-14'); // the Tuesday before publication
  const old = claims.find((c) => c.value === 90)!;
  assert.equal(old.asOf, '2030-04');
  assert.equal(old.asOfGranularity, 'month');
  assert.equal(old.quantity, 'districts controlled by the Ember Front');
});

test('side from the role and via from a trailing report cue; quote speaker is the claimant', () => {
  const claims = analyse(A2, '2030-05-02', 'North Wire', [{ text: 'It is more than 85 percent of the land held by our fighters,', speaker: 'Ilse Marr' }]);
  const c = claims.find((x) => x.value === 120)!;
  assert.equal(c.claimant, 'Ilse Marr');
  assert.equal(c.side, 'Ember Front');
  assert.equal(c.via, 'Lantern Daily');
  const share = claims.find((x) => x.value === 85)!;
  assert.equal(share.claimant, 'Ilse Marr');
  assert.equal(share.unit, 'percent of territory');
  assert.equal(share.bound, 'lower');
});

test('no speaker: the outlet is the claimant', () => {
  const claims = analyse('The Ember Front is advancing. The rebels have captured six provincial capitals in five days.', '2030-06-01', 'North Wire');
  assert.equal(claims[0]!.claimant, 'North Wire');
  assert.equal(claims[0]!.asOf, '2030-06-01');
  assert.equal(claims[0]!.quantity, 'provincial capitals captured by the Ember Front');
});

test('groups, consistent, trend, conflict and copy', () => {
  const recs = [
    ...analyse(A1, '2030-05-16', 'North Wire').map((claim) => ({ articleId: 'a1', outlet: 'North Wire', published: '2030-05-16', claim })),
    ...analyse(A2, '2030-05-02', 'North Wire', [{ text: 'It is more than 85 percent of the land held by our fighters,', speaker: 'Ilse Marr' }]).map((claim) => ({ articleId: 'a2', outlet: 'North Wire', published: '2030-05-02', claim })),
    ...analyse(A3, '2030-05-15', 'South Post').map((claim) => ({ articleId: 'a3', outlet: 'South Post', published: '2030-05-15', claim })),
    ...analyse(A3, '2030-05-15', 'Copy Desk').map((claim) => ({ articleId: 'a4', outlet: 'Copy Desk', published: '2030-05-15', claim })),
  ];
  const { groups, relations } = groupClaims(recs, (ids) => (ids.includes('a4') && ids.includes('a3') ? 1 : ids.length), {
    copiedFrom: (id) => (id === 'a4' ? ['a3'] : []),
  });
  const g = groups.find((x) => x.quantity === 'districts controlled by the Ember Front')!;
  assert.ok(g, JSON.stringify(groups.map((x) => x.quantity)));
  const id = (art: string, v: number) => recs.find((r) => r.articleId === art && r.claim.value === v)!;
  const key = (art: string, v: number) => `${art}:${id(art, v).claim.start}`;
  const kinds = (k: string) => relations.filter((r) => r.kind === k);
  assert.ok(kinds('consistent').some((r) => r.claims.includes(key('a1', 150)) && r.claims.includes(key('a3', 158))), JSON.stringify(relations, null, 1));
  const trend = kinds('trend').find((r) => r.claims.includes(key('a1', 90)));
  assert.ok(trend);
  assert.ok(trend.claims.indexOf(key('a1', 90)) < trend.claims.indexOf(key('a2', 120)) || !trend.claims.includes(key('a2', 120)));
  assert.ok(kinds('copy').some((r) => r.claims[0] === key('a3', 158) && r.claims[1] === key('a4', 158)));
  assert.ok(kinds('conflict').some((r) => r.claims.includes(key('a2', 85)) && r.claims.includes(key('a1', 150))), JSON.stringify(relations, null, 1));
});
