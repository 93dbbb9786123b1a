import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/text/segment.js';
import { extractQuotes } from '../../src/analysis/quotes/index.js';
import { learnedCue, learnedStem, stem } from '../../src/analysis/quotes/lexicon.js';
import { LEARNED_STEMS } from '../../src/analysis/quotes/learned-cues.js';
import { stemClass } from '../../src/analysis/quotes/tagger.js';

// Fictional harbour town of Quellmoor, its council and a made-up survey institute.
const run = (text: string) => extractQuotes(text, segment(text), []);

test('beliefs and intentions are attributions with the content after the cue', () => {
  const t = 'Mayor Odile Brisk wants to close the old tram depot by winter.';
  const q = run(t).find((x) => x.cue?.text === 'wants');
  assert.ok(q, 'no attribution with cue "wants"');
  assert.equal(q.kind, 'reported');
  assert.equal(q.speaker, 'Odile Brisk');
  assert.equal(q.text, 'to close the old tram depot by winter');
  assert.ok(q.confidence < 0.5, 'learned cues stay below the speech confidence band');
});

test('findings of polls and studies need no "that"', () => {
  const t = 'A new Larkspur Institute survey shows most ferry riders prefer the night service.';
  const q = run(t).find((x) => x.cue?.text === 'shows');
  assert.ok(q, 'no attribution with cue "shows"');
  assert.equal(q.text, 'most ferry riders prefer the night service');
  assert.equal(q.speakerSpan?.text, 'A new Larkspur Institute survey');
});

test('a stance verb with its learned particle: "called for"', () => {
  const t = 'The Quellmoor council called for a second count of the harbour vote.';
  const q = run(t).find((x) => x.cue?.text === 'called for');
  assert.ok(q, 'no attribution with cue "called for"');
  assert.equal(q.text, 'a second count of the harbour vote');
});

test('fighting news is not attribution', () => {
  const t = 'Rebel units captured the hill town of Vell on Tuesday and attacked the grain depot. They seized two bridges.';
  assert.deepEqual(run(t).map((q) => q.cue?.text), []);
  for (const w of ['captured', 'attacked', 'seized', 'struck']) assert.equal(learnedCue(w, 0), null, w);
});

test('a belief inside reported speech does not take over the pronoun', () => {
  const t = 'Councillor Ana Petrel said the harbour board suspected the ferry plan. "It is far too late for that," she said.';
  const q = run(t).find((x) => x.text.includes('far too late'));
  assert.ok(q);
  assert.equal(q.speaker, 'Ana Petrel');
});

test('a quotation inside a nested belief belongs to the outer speaker', () => {
  const t = 'Councillor Ana Petrel said the rebels appear to have "no plan at all" for the port.';
  const q = run(t).find((x) => x.text === 'no plan at all');
  assert.ok(q);
  assert.equal(q.speaker, 'Ana Petrel');
});

test('a description resolves forward to the next person named with its role, past the first paragraph', () => {
  const t = 'Storm barriers\n\nFloods hit the coast on Sunday and ferries stopped for a day, leaving hundreds of travellers stranded in the old port.\n\n' +
    'The region’s top general said on Monday the coastal road would stay shut for a week.\n\n' +
    'Engineers worked through the night to shore up the sea wall near the harbour.\n\n' +
    'Gen. Tomas Virel, who leads the coastal command, visited the site later.';
  const q = run(t).find((x) => x.cue?.text === 'said');
  assert.ok(q);
  assert.equal(q.speaker, 'Tomas Virel');
});

test('progressive cues: "is demanding"', () => {
  const t = 'Senator Iris Vantongeren is demanding a full audit of the port authority.';
  const q = run(t).find((x) => x.cue?.text === 'demanding');
  assert.ok(q, 'no attribution with cue "demanding"');
  assert.equal(q.speaker, 'Iris Vantongeren');
  assert.equal(q.text, 'a full audit of the port authority');
});

test('a form the lexicon leaves unclassed borrows its stem’s pooled cue record; a classed form does not', () => {
  const entries = Object.entries(LEARNED_STEMS);
  assert.ok(entries.length > 0, 'the learned lexicon has stems');
  for (const [st, [cue, all]] of entries.slice(0, 50)) {
    const l = learnedStem(st + 'ing');
    if (stem(st + 'ing') !== st) continue;
    assert.equal(l?.weight, cue / all);
    assert.match(stemClass(st + 'ing', ''), /^s[136]$/);
    assert.equal(stemClass(st + 'ing', 'sp'), '');
  }
  assert.equal(learnedStem('zzqxv'), null);
  assert.equal(stemClass('zzqxv', ''), '');
});
