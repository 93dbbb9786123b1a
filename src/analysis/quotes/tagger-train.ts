// Training of the attribution tagger (./tagger.ts) from brat-annotated texts. Deterministic:
// documents are visited in an order drawn from a seeded generator, and nothing else is random.
import { seededRandom } from '../../util/random.js';
import type { Span } from '../../types.js';
import { featureNames, historyFeatures, best, K, sentenceFeatures, tagsOf, type ArticleContext, type TagSpan, type TaggerSentence, type WeightTable } from './tagger.js';

export interface GoldSpan {
  type: 'Source' | 'Cue' | 'Content';
  fragments: Span[];
}

export interface TrainText {
  text: string;
  sentences: Span[];
  ctx: ArticleContext;
  gold: GoldSpan[];
}

const PRIORITY: Record<TagSpan['type'], number> = { C: 3, S: 2, N: 1 };
const SHORT: Record<GoldSpan['type'], TagSpan['type']> = { Cue: 'C', Source: 'S', Content: 'N' };

/** Gold tags of one sentence: cue over source over content where spans nest, a new span wherever
 * a fragment begins. */
export function goldTags(s: TaggerSentence, gold: GoldSpan[]): Int32Array {
  const n = s.tokens.length;
  const type = new Array<TagSpan['type'] | null>(n).fill(null);
  const begins = new Uint8Array(n);
  for (const g of gold) {
    const ty = SHORT[g.type];
    for (const f of g.fragments) {
      let first = true;
      for (let i = 0; i < n; i++) {
        const t = s.tokens[i]!;
        if (t.end <= f.start || t.start >= f.end) continue;
        const cur = type[i];
        if (!cur || PRIORITY[ty] > PRIORITY[cur]) {
          type[i] = ty;
          begins[i] = first ? 1 : 0;
        } else if (cur === ty && first) begins[i] = 1;
        first = false;
      }
    }
  }
  const spans: TagSpan[] = [];
  for (let i = 0; i < n; i++) {
    const ty = type[i];
    if (!ty) continue;
    const last = spans.at(-1);
    if (last && last.end === i && last.type === ty && !begins[i]) last.end = i + 1;
    else spans.push({ type: ty, start: i, end: i + 1 });
  }
  return tagsOf(n, spans);
}


export interface TrainOptions {
  iterations: number;
  seed: number;
  minCount: number;
  log?: (msg: string) => void;
}

interface Example {
  ids: Int32Array[];
  lower: string[];
  gold: Int32Array;
}

export function trainAttributionTagger(texts: TrainText[], opts: TrainOptions): WeightTable {
  const log = opts.log ?? (() => {});
  const counts = new Map<string, number>();
  const prepared: { s: TaggerSentence; gold: Int32Array; doc: number }[] = [];
  texts.forEach((t, di) => {
    for (const sent of t.sentences) {
      const s = sentenceFeatures(t.text, sent, t.ctx);
      if (!s.tokens.length) continue;
      s.feats = s.feats.map(featureNames);
      for (const fs of s.feats) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
      prepared.push({ s, gold: goldTags(s, t.gold), doc: di });
    }
  });
  const index = new Map<string, number>();
  for (const [f, c] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (c >= opts.minCount) index.set(f, index.size);
  const staticCount = index.size;
  const examples: Example[][] = texts.map(() => []);
  const names: string[] = [];
  for (const p of prepared) {
    const ids = p.s.feats.map((fs) => Int32Array.from(fs.map((f) => index.get(f) ?? -1).filter((x) => x >= 0)));
    examples[p.doc]!.push({ ids, lower: p.s.lower, gold: p.gold });
    for (let i = 0; i < p.gold.length; i++) {
      names.length = 0;
      historyFeatures(names, i > 0 ? p.gold[i - 1]! : -1, i > 1 ? p.gold[i - 2]! : -1, p.s.lower[i]!);
      for (const f of featureNames(names)) if (!index.has(f)) index.set(f, index.size);
    }
  }
  log(`features: ${staticCount} static, ${index.size - staticCount} history; ${prepared.length} sentences`);
  const F = index.size;
  const w = new Float64Array(F * K);
  const u = new Float64Array(F * K);
  let c = 1;
  const rand = seededRandom(opts.seed);
  const order = texts.map((_, i) => i);
  const scores = new Float64Array(K);
  const hist: number[] = [];
  const upd = (ids: ArrayLike<number>, k: number, d: number) => {
    for (let j = 0; j < ids.length; j++) {
      const x = ids[j]! * K + k;
      w[x] += d;
      u[x] += c * d;
    }
  };
  for (let it = 1; it <= opts.iterations; it++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const di of order) {
      for (const ex of examples[di]!) {
        let t1 = -1;
        let t2 = -1;
        for (let i = 0; i < ex.gold.length; i++) {
          scores.fill(0);
          const ids = ex.ids[i]!;
          for (let j = 0; j < ids.length; j++) {
            const base = ids[j]! * K;
            for (let k = 0; k < K; k++) scores[k] += w[base + k]!;
          }
          names.length = 0;
          historyFeatures(names, t1, t2, ex.lower[i]!);
          hist.length = 0;
          for (const f of featureNames(names)) {
            const id = index.get(f);
            if (id !== undefined) hist.push(id);
          }
          for (const id of hist) {
            const base = id * K;
            for (let k = 0; k < K; k++) scores[k] += w[base + k]!;
          }
          const pred = best(scores);
          const gold = ex.gold[i]!;
          if (pred !== gold) {
            errors++;
            upd(ids, gold, 1);
            upd(ids, pred, -1);
            upd(hist, gold, 1);
            upd(hist, pred, -1);
          }
          c++;
          tokens++;
          t2 = t1;
          // Follow the prediction so training sees the histories decoding will see.
          t1 = pred;
        }
      }
    }
    log(`iteration ${it}: ${errors} errors / ${tokens} tokens`);
  }
  const avg = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) avg[i] = w[i]! - u[i]! / c;
  return { index, weights: avg };
}
