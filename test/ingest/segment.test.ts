import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { segment, tokenize } from '../../src/text/segment.js';

const sentences = (t: string) => segment(t).sentences.map((s) => t.slice(s.start, s.end));

describe('segment', () => {
  it('keeps abbreviations, initials and dates inside sentences', () => {
    assert.deepEqual(sentences('Gen. Ada Varn of the U.S. Army spoke on Aug. 31 in Lowmere. She left at 3 p.m. on Friday.'), [
      'Gen. Ada Varn of the U.S. Army spoke on Aug. 31 in Lowmere.',
      'She left at 3 p.m. on Friday.',
    ]);
  });
  it('keeps a closing quote with its sentence and a following cue with the quote', () => {
    assert.deepEqual(sentences('“Is the bridge safe?” the mayor asked. “It is,” he said. Work resumed.'), ['“Is the bridge safe?” the mayor asked.', '“It is,” he said.', 'Work resumed.']);
  });
  it('treats each line as its own paragraph and does not split host names', () => {
    const t = 'A headline without a full stop\nVisit www.example.org. Then read on.';
    assert.deepEqual(sentences(t), ['A headline without a full stop', 'Visit www.example.org.', 'Then read on.']);
    assert.equal(segment(t).paragraphs.length, 2);
  });
  it('tokenizes with offsets', () => {
    const t = 'The U.S.-led force held 1,200 km² by 9/11.';
    for (const tok of tokenize(t)) assert.equal(t.slice(tok.start, tok.end), tok.text);
    assert.ok(tokenize(t).some((x) => x.text === '1,200'));
    assert.deepEqual(tokenize('the U.S. Army').map((x) => x.text), ['the', 'U.S.', 'Army']);
  });
});
