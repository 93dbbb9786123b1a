import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sourceNounPhrase, speakerLike, subjectBefore, subjectSpeaks } from '../../src/analysis/quotes/subject.js';
import { tokenize } from '../../src/text/segment.js';

// Fictional sentences about the harbour board of Quellmoor.
function subject(sentence: string, cueWord: string): string | null {
  const tok = tokenize(sentence, 0);
  const cue = tok.findIndex((t) => t.text === cueWord);
  const r = subjectBefore(tok, cue, 0);
  return r ? sentence.slice(tok[r[0]]!.start, tok[r[1] - 1]!.end) : null;
}

test('the subject of a cue verb is the noun phrase before it, over auxiliaries and adverbs', () => {
  assert.equal(subject('The harbour board has repeatedly insisted that the quay is safe.', 'insisted'), 'The harbour board');
  assert.equal(subject('Mayor Ilse Varga did not dispute the count.', 'dispute'), 'Mayor Ilse Varga');
  assert.equal(subject('Sen. Orrin Pike plans to reopen the canal.', 'plans'), 'Sen. Orrin Pike');
});

test('a clause boundary or connective bounds the subject; a pronoun or relative is the subject alone', () => {
  assert.equal(subject('After the storm the ferry company warned of delays.', 'warned'), 'the ferry company');
  assert.equal(subject('However, she denied the report.', 'denied'), 'she');
  assert.equal(subject('The pilots, who doubted the forecast, stayed ashore.', 'doubted'), 'who');
  assert.equal(subject('Meanwhile Lowmere officials conceded the point.', 'conceded'), 'Lowmere officials');
});

test('no subject after a comma or preposition', () => {
  assert.equal(subject('In Brackton, said the clerk, nothing moved.', 'said'), null);
  assert.equal(subject('The tide rose, prompting fears of flooding.', 'prompting'), null);
});

function np(source: string): string | null {
  const r = sourceNounPhrase(source, { start: 0, end: source.length });
  return r ? source.slice(r.start, r.end) : null;
}

test('a source read as a prepositional phrase or clause keeps the subject at its end, or nothing when that cannot speak', () => {
  assert.equal(np('In 2019 she'), 'she');
  assert.equal(np('When the harbour master, Ilse Varga,'), 'Ilse Varga');
  assert.equal(np('in which Mayor Orrin Pike'), 'Mayor Orrin Pike');
  assert.equal(np('In a statement'), null);
  assert.equal(np('that more ferries be'), null);
  assert.equal(np('by the canal'), null);
});

test('noun phrases, demonstratives, quantities and relative pronouns that refer to people stay as they are', () => {
  for (const s of ['The harbour board', 'That letter', 'At least half of the pilots', 'About four in 10', 'who', 'she']) assert.equal(np(s), s);
});

test('a lone word that names no one is not a source', () => {
  for (const s of ['that', 'there', 'what', 'This']) assert.equal(np(s), null, s);
});

test('a subject closed by an appositive between commas runs to the appositive\'s end', () => {
  assert.equal(subject('The harbour master, Ilse Varga, plans to close the quay.', 'plans'), 'The harbour master, Ilse Varga');
  assert.equal(subject('Two ferry firms, including one from Quellmoor, declared bankruptcy.', 'declared'), 'Two ferry firms, including one from Quellmoor');
  // A participle after a comma has no subject of its own here.
  assert.equal(subject('The board rejected the bid, saying it was too low.', 'saying'), null);
});

test('a subject head can speak when it is a pronoun, a name, or a person or organisation noun, singular or plural', () => {
  for (const w of ['she', 'Varga', 'regulators', 'agencies', 'panel', 'spokeswoman']) assert.ok(speakerLike(w), w);
  for (const w of ['it', 'quay', 'bankruptcies', 'statistics']) assert.ok(!speakerLike(w), w);
});

test('the subject of a raising verb or a passive cue is not its source; of a state of mind it is', () => {
  for (const cue of ['seems', 'appeared', 'does not seem', 'was asked about', 'has been widely criticized', 'were told', 'is seen as']) assert.ok(!subjectSpeaks(cue), cue);
  for (const cue of ['said', 'warned', 'is convinced', 'were worried about', 'has argued', 'is telling', 'was clear about']) assert.ok(subjectSpeaks(cue), cue);
});
