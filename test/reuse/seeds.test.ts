// Acceptance-style check on the seed articles against ../shared/gold/seeds.json (`reuse`,
// `not_reuse`). The raw seed files still carry site furniture; lines that recur in two or more
// seeds of the same outlet, if short and at the head or tail of an article, are dropped here as
// the corpus cleaner would. Seeds are given no dates,
// only arrival order (file order), so direction falls back to arrival order.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { comparePair, prepare, type PairArticle } from '../../src/link/reuse/index.js';
import type { ReusePair } from '../../src/types.js';

const SHARED = fileURLToPath(new URL('../../../shared', import.meta.url));
const SEEDS = join(SHARED, 'seeds');
const GOLD = join(SHARED, 'gold', 'seeds.json');
const have = existsSync(SEEDS) && existsSync(GOLD);

const norm = (s: string) =>
  s.normalize('NFKC').replace(/[\u2018\u2019]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/[\s\u00A0]+/g, ' ').trim();

function loadSeeds(): { arts: Map<string, PairArticle>; gold: any } {
  const gold = JSON.parse(readFileSync(GOLD, 'utf8'));
  const files = readdirSync(SEEDS).filter((f) => /^\d{3}_/.test(f)).sort();
  const outletOf = new Map<string, string>((gold.articles ?? []).map((a: any) => [String(a.file).slice(0, 3), a.outlet]));
  const raw = new Map(files.map((f) => [f.slice(0, 3), readFileSync(join(SEEDS, f), 'utf8')]));
  // Count each normalised line once per seed, per outlet.
  const seen = new Map<string, number>();
  for (const [k, text] of raw) {
    for (const l of new Set(text.split('\n').map(norm).filter(Boolean))) {
      const key = `${outletOf.get(k)}\u0000${l}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  }
  const arts = new Map<string, PairArticle>();
  [...raw.entries()].forEach(([k, text], i) => {
    // Only short lines in leading and trailing runs: a copied paragraph recurs in two seeds of one
    // outlet too.
    const lines = text.split('\n');
    // Site furniture is short; a long recurring paragraph at the end is copied text.
    const furniture = (l: string) =>
      !norm(l) || ((seen.get(`${outletOf.get(k)}\u0000${norm(l)}`) ?? 0) >= 2 && norm(l).split(' ').length < 15);
    let from = 0;
    let to = lines.length;
    while (from < to && furniture(lines[from]!)) from++;
    while (to > from && furniture(lines[to - 1]!)) to--;
    arts.set(k, { id: k, text: lines.slice(from, to).join('\n'), published: null, seq: i });
  });
  return { arts, gold };
}

function pairs(arts: Map<string, PairArticle>): Map<string, ReusePair> {
  const out = new Map<string, ReusePair>();
  const ks = [...arts.keys()].sort();
  for (let i = 0; i < ks.length; i++) {
    for (let j = i + 1; j < ks.length; j++) {
      const p = comparePair(prepare(arts.get(ks[i]!)!), prepare(arts.get(ks[j]!)!));
      if (p) out.set(`${ks[i]}|${ks[j]}`, p);
    }
  }
  return out;
}

test('seed reuse pairs match the gold annotations', { skip: !have && 'seeds or gold missing' }, () => {
  const { arts, gold } = loadSeeds();
  const found = pairs(arts);
  const figures: Record<string, unknown> = { pairsFound: [...found.entries()].map(([k, p]) => `${k}:${p.kind}:${p.targetShare}`) };
  for (const g of gold.reuse as any[]) {
    const [a, b] = g.articles ?? [g.source, g.target];
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    const p = found.get(key);
    assert.ok(p, `pair ${key} not found`);
    if (g.source) {
      assert.equal(p.kind, 'copied', `${key} kind`);
      assert.equal(p.source, g.source);
      assert.equal(p.target, g.target);
      const t = arts.get(g.target)!.text;
      const share = g.share_of_target_body;
      if (share) assert.ok(p.targetShare >= share.min && p.targetShare <= share.max, `share ${p.targetShare} outside [${share.min}, ${share.max}]`);
      // A listed passage counts as found when most of its first words lie inside reported passages.
      let inside = 0;
      const listed = [...(g.passages_in_target_first_words ?? []), ...(g.paraphrased_in_target_first_words ?? [])];
      for (const first of listed) {
        const at = norm(t).indexOf(norm(first));
        assert.ok(at >= 0, `listed passage not in target text: ${first}`);
        // norm() only folds white space, and the seeds have single spaces inside lines: offsets agree.
        const start = t.indexOf(first.slice(0, 20)) >= 0 ? t.indexOf(first.slice(0, 20)) : at;
        const end = start + first.length;
        let covered = 0;
        for (const x of p.passages) covered += Math.max(0, Math.min(end, x.targetEnd) - Math.max(start, x.targetStart));
        if (covered >= 0.5 * first.length) inside++;
      }
      figures[`${key} listed passages found`] = `${inside}/${listed.length}`;
      figures[`${key} share`] = p.targetShare;
      assert.ok(inside >= listed.length - 1, `only ${inside} of ${listed.length} listed passages found`);
    } else {
      assert.equal(p.kind, 'shared-quotation', `${key} kind`);
      const t = arts.get(b)!.text;
      assert.ok(p.passages.some((x) => norm(t.slice(x.targetStart, x.targetEnd)).includes(norm(g.text).slice(0, 40))), 'quotation passage');
    }
  }
  for (const g of gold.not_reuse as any[]) {
    const [a, b] = [...g.articles].sort();
    const p = found.get(`${a}|${b}`);
    assert.ok(!p || p.kind === 'shared-quotation', `${a}|${b} reported as ${p?.kind}`);
  }
  process.stdout.write(`# acceptance reuse: ${JSON.stringify(figures)}\n`);
});

test('seeds: raw text with boilerplate still finds the copied pair', { skip: !have && 'seeds or gold missing' }, () => {
  const files = readdirSync(SEEDS).filter((f) => /^00[01]_/.test(f)).sort();
  const [a, b] = files.map((f, i) => ({ id: f.slice(0, 3), text: readFileSync(join(SEEDS, f), 'utf8'), published: null, seq: i }));
  const p = comparePair(prepare(a!), prepare(b!));
  assert.equal(p?.kind, 'copied');
  assert.equal(p?.source, '000');
});
