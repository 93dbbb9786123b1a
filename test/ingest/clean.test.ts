import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanDocument, lineKey } from '../../src/ingest/clean.js';
import { parseLooseDate, dateFromUrl, findTextDates } from '../../src/ingest/dates.js';
import type { RawDocument } from '../../src/types.js';

// Fictional text written for these tests.
const PAGE = [
  'News / Weather / Lowland',
  '',
  'Floodwater reaches the old mill in Lowmere',
  '',
  'Volunteers stack sandbags beside the canal on March 3, 2030. (Photo by Example Images)',
  '',
  'By Tomas Reed',
  '',
  'LOWMERE (AP) – The canal at Lowmere burst its banks before dawn, the council said.',
  '',
  '"We have never seen the water this high," said Mayor Ilse Varn.',
  '',
  'Evacuation centres open',
  '',
  'Two schools opened their halls to families from the riverside streets.',
  '',
  'SHARE THIS ARTICLE',
  '',
  'Storm season outlook for the valley',
  'Bridge repairs delayed again',
].join('\n');

const doc = (raw: string, over: Partial<RawDocument> = {}): RawDocument => ({ source: 'fixture.txt', raw, kind: 'text', format: 'text', meta: {}, ...over });

describe('cleanDocument', () => {
  const a = cleanDocument(doc(PAGE));

  it('sets apart section, title, caption, byline, dateline and subheadings', () => {
    assert.equal(a.section, 'News / Weather / Lowland');
    assert.equal(a.title, 'Floodwater reaches the old mill in Lowmere');
    assert.deepEqual(a.captions, ['Volunteers stack sandbags beside the canal on March 3, 2030. (Photo by Example Images)']);
    assert.equal(a.byline, 'Tomas Reed');
    assert.equal(a.dateline, 'LOWMERE');
    assert.deepEqual(a.subheadings, ['Evacuation centres open']);
  });

  it('takes the outlet from the wire code and the date from the caption, with evidence', () => {
    assert.equal(a.outlet, 'Associated Press');
    assert.match(a.outletEvidence ?? '', /wire code/);
    assert.equal(a.published, '2030-03-03');
    assert.equal(a.publishedEvidence.source, 'caption');
    assert.ok(a.publishedEvidence.confidence < 0.9);
  });

  it('removes boilerplate and trailing related headlines from the body', () => {
    assert.ok(a.text.startsWith('The canal at Lowmere burst'));
    assert.ok(a.text.endsWith('from the riverside streets.'));
    assert.deepEqual(a.boilerplate, ['SHARE THIS ARTICLE', 'Storm season outlook for the valley', 'Bridge repairs delayed again']);
  });

  it('maps every clean character back to the raw text', () => {
    for (const p of a.offsets) assert.equal(PAGE.slice(p.raw, p.raw + p.length), a.text.slice(p.clean, p.clean + p.length));
  });

  it('gives no date when nothing dates the article, and says why', () => {
    const b = cleanDocument(doc('A headline\n\nA body sentence that ends here.'));
    assert.equal(b.published, null);
    assert.equal(b.publishedEvidence.source, 'none');
    assert.ok(b.publishedEvidence.reason.length > 0);
  });

  it('applies lines the corpus has learned as recurring in the footer', () => {
    const raw = 'Headline here\n\nBody sentence one is long enough.\n\nVisit the Example Desk archive for more';
    const plain = cleanDocument(doc(raw));
    assert.ok(!plain.text.includes('Visit'), 'an unpunctuated short footer line is already dropped');
    const raw2 = 'Headline here\n\nBody sentence one is long enough.\n\nOur newsroom is funded by readers.';
    assert.ok(cleanDocument(doc(raw2)).text.includes('funded'));
    const learned = cleanDocument(doc(raw2), { isRecurring: (k) => k === lineKey('Our newsroom is funded by readers.') });
    assert.ok(!learned.text.includes('funded'));
    assert.deepEqual(learned.boilerplate, ['Our newsroom is funded by readers.']);
  });

  it('reads a dateline without a wire code when a dash follows the capitals', () => {
    const c = cleanDocument(doc('Headline\n\nQUILLON ISLE — The fictional ferry resumed service, its operator said.'));
    assert.equal(c.dateline, 'QUILLON ISLE');
    assert.ok(c.text.startsWith('The fictional ferry'));
    const none = cleanDocument(doc('Headline\n\nNATO - the alliance met today in a fictional town, officials said.'));
    assert.equal(none.dateline, null);
  });

  it('does not date an article from a dateline day without a year', () => {
    const c = cleanDocument(doc('Headline\n\nKABUL, Aug 9 (Reuters) - The pass reopened to traffic, officials said.'));
    assert.equal(c.outlet, 'Reuters');
    assert.equal(c.published, null);
  });

  it('prefers container metadata and the URL for outlet and date', () => {
    const c = cleanDocument(doc('Body of a record that has metadata.', { format: 'jsonl', meta: { title: 'T', url: 'https://www.reuters.com/world/2030/01/02/x', published: '26-FEB-1987 15:01:01.79', publishedFrom: 'json:published' } }));
    assert.equal(c.outlet, 'Reuters');
    assert.equal(c.published, '1987-02-26T15:01:01Z');
    assert.equal(c.title, 'T');
    assert.equal(c.text, 'T\n\nBody of a record that has metadata.', 'a short record is led by its headline');
  });

  it('leads a short feed summary with its headline, and keeps an unpunctuated one-line summary', () => {
    const c = cleanDocument(doc('Residents of a fictional valley town describe the flood', { format: 'jsonl', meta: { title: 'River floods Lowmere' } }));
    assert.equal(c.text, 'River floods Lowmere\n\nResidents of a fictional valley town describe the flood');
    assert.deepEqual(c.offsets[0], { clean: 0, raw: 0, length: 20, rawLength: 0 });
    const long = cleanDocument(doc('word '.repeat(100).trim() + '.', { format: 'jsonl', meta: { title: 'T' } }));
    assert.ok(!long.text.startsWith('T\n'));
  });

  it('gives the same id to the same content and another to other content', () => {
    assert.equal(cleanDocument(doc(PAGE)).id, a.id);
    assert.notEqual(cleanDocument(doc(PAGE + '\nMore.')).id, a.id);
  });
});

describe('dates', () => {
  it('parses metadata dates in common shapes', () => {
    assert.equal(parseLooseDate('2030-03-14'), '2030-03-14');
    assert.equal(parseLooseDate('Thu, 14 Mar 2030 10:00:00 GMT'), '2030-03-14T10:00:00Z');
    assert.equal(parseLooseDate('March 14, 2030'), '2030-03-14');
    assert.equal(parseLooseDate('not a date'), null);
    assert.equal(parseLooseDate('31-FEB-2030'), null);
  });
  it('reads dates from URL paths and text', () => {
    assert.equal(dateFromUrl('https://example.org/news/2030/03/14/story'), '2030-03-14');
    assert.equal(dateFromUrl('https://example.org/news/story'), null);
    assert.deepEqual(findTextDates('on Aug. 3, 2030 and 4 September 2030').map((d) => d.date), ['2030-08-03', '2030-09-04']);
  });
});
