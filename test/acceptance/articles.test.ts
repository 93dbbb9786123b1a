// Issue 2 acceptance: outlets, dates, titles, body bounds, boilerplate and captions of the seeds.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gold, haveSeeds, norm, report, seedCorpus } from './seeds.js';

describe('seed articles against the gold (ingest)', { skip: !haveSeeds && 'no ../shared/seeds' }, () => {
  it('gets outlet, title, date window, body bounds, boilerplate and captions right', async () => {
    const { byPrefix } = await seedCorpus();
    const g = gold();
    const score = { outlet: 0, title: 0, datedInWindow: 0, datedArticles: 0, undatedWithReason: 0, firstWords: 0, lastWords: 0, boilerplateOut: 0, boilerplateLines: 0, captionsOut: 0, captions: 0 };
    for (const ga of g.articles) {
      const a = byPrefix.get(ga.file.slice(0, 3));
      assert.ok(a, `seed ${ga.file} ingested`);
      const body = norm(a.text);
      if (a.outlet === ga.outlet) score.outlet++;
      if (a.title && norm(a.title) === norm(ga.title)) score.title++;
      if (a.published) {
        score.datedArticles++;
        const d = a.published.slice(0, 10);
        if (d >= ga.published.earliest && d <= ga.published.latest) score.datedInWindow++;
      } else if (a.publishedEvidence.reason) score.undatedWithReason++;
      if (body.startsWith(norm(ga.body_first_words))) score.firstWords++;
      if (body.endsWith(norm(ga.body_last_words))) score.lastWords++;
      for (const line of ga.boilerplate) {
        score.boilerplateLines++;
        // A lone counter ("0") cannot be searched for in the body as a substring.
        const present = /^\d+$/.test(line) ? a.text.split('\n').some((l) => l.trim() === line) : body.includes(norm(line));
        if (!present) score.boilerplateOut++;
      }
      if (ga.caption) {
        score.captions++;
        if (!body.includes(norm(ga.caption)) && a.captions.some((c) => norm(c) === norm(ga.caption))) score.captionsOut++;
      }
    }
    report('articles', score);
    assert.equal(score.outlet, 5, 'outlet right for 5/5');
    assert.equal(score.title, 5, 'title 5/5');
    assert.equal(score.datedInWindow, 3, 'three self-dated articles inside their window');
    assert.equal(score.datedArticles, 3, 'no date guessed for the articles without date evidence');
    assert.equal(score.undatedWithReason, 2);
    assert.equal(score.firstWords, 5);
    assert.equal(score.lastWords, 5);
    assert.equal(score.boilerplateOut, score.boilerplateLines, 'every listed boilerplate line out of the body');
    assert.equal(score.captionsOut, score.captions, 'captions kept apart');
  });

  it('keeps the raw text exactly and maps clean offsets back to it', async () => {
    const { byPrefix } = await seedCorpus();
    for (const a of byPrefix.values()) {
      for (const p of a.offsets) assert.equal(a.raw.slice(p.raw, p.raw + p.length).replace(/\u00a0/g, ' '), a.text.slice(p.clean, p.clean + p.length));
    }
  });
});
