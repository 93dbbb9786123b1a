// A hand-built article for tests that need one without running ingest.
import type { Article } from '../../src/types.js';

export function fakeArticle(over: Partial<Article> = {}): Article {
  const text = over.text ?? 'The river at Lowmere rose two metres overnight, the fictional town council said.';
  return {
    id: over.id ?? 'a1b2c3d4e5f60718',
    source: 'fixture.txt',
    url: null,
    format: 'text',
    title: 'Fictional flood in Lowmere',
    outlet: 'Example Wire',
    outletEvidence: 'test',
    published: '2030-03-14',
    publishedEvidence: { value: '2030-03-14', source: 'metadata', confidence: 1, reason: 'test' },
    section: null,
    dateline: null,
    byline: null,
    captions: [],
    subheadings: [],
    boilerplate: [],
    raw: text,
    text,
    offsets: [{ clean: 0, raw: 0, length: text.length }],
    wordCount: text.split(/\s+/).length,
    ...over,
  };
}
