// Averaged-perceptron training of the greedy tagger. Deterministic: documents are visited in an
// order drawn from a seeded generator, and nothing else is random.
import { seededRandom } from '../../util/random.js';
import { docContext, tagFeatures, type Lexicons } from './features.js';
import { best, historyIds, K, TAGS, prepareSentence, tagsOf, type PreparedSentence, type TaggedSpan, type WeightTable } from './tagger.js';

export interface TrainDoc {
  sentences: string[][];
  gold: TaggedSpan[][];
}

export interface TrainOptions {
  iterations: number;
  seed: number;
  /** Static features seen fewer times than this in training are dropped. */
  minCount: number;
  /** Called after each pass with the averaged weights so far. */
  onIteration?: (iteration: number, averaged: WeightTable, errors: number, tokens: number) => void;
  log?: (msg: string) => void;
}


interface Example {
  s: PreparedSentence;
  gold: Int32Array;
}

export function trainTagger(docs: TrainDoc[], lex: Lexicons, opts: TrainOptions): WeightTable {
  const log = opts.log ?? (() => {});
  // Count static features, keep the frequent ones.
  const counts = new Map<string, number>();
  const scratchIndex = new Map<string, number>();
  const prepared: { words: string[]; gold: Int32Array; doc: number }[] = [];
  const ctxs = docs.map((d) => docContext(d.sentences));
  docs.forEach((d, di) => {
    d.sentences.forEach((words, si) => {
      const s = prepareSentence(words, ctxs[di]!, lex, scratchIndex, true);
      for (const ids of s.ids) for (const id of ids) counts.set(String(id), (counts.get(String(id)) ?? 0) + 1);
      prepared.push({ words, gold: tagsOf(words.length, d.gold[si]!), doc: di });
    });
  });
  const index = new Map<string, number>();
  for (const [name, id] of scratchIndex) if ((counts.get(String(id)) ?? 0) >= opts.minCount) index.set(name, index.size);
  const staticCount = index.size;
  // History features from the gold sequences.
  const hist: number[] = [];
  const examples: Example[][] = docs.map(() => []);
  for (const p of prepared) {
    const s = prepareSentence(p.words, ctxs[p.doc]!, lex, index, false);
    examples[p.doc]!.push({ s, gold: p.gold });
    for (let i = 0; i < p.gold.length; i++) {
      const t1 = i > 0 ? p.gold[i - 1]! : -1;
      const t2 = i > 1 ? p.gold[i - 2]! : -1;
      addHistoryNames(s, i, t1, t2, index);
    }
  }
  log(`features: ${staticCount} static, ${index.size - staticCount} history`);

  const F = index.size;
  const w = new Float64Array(F * K);
  const u = new Float64Array(F * K);
  let c = 1;
  const rand = seededRandom(opts.seed);
  const order = docs.map((_, i) => i);
  const table: WeightTable = { index, weights: w };
  const scores = new Float64Array(K);
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
        const n = ex.gold.length;
        let t1 = -1;
        let t2 = -1;
        for (let i = 0; i < n; i++) {
          scores.fill(0);
          const ids = ex.s.ids[i]!;
          for (let j = 0; j < ids.length; j++) {
            const base = ids[j]! * K;
            for (let k = 0; k < K; k++) scores[k] += w[base + k]!;
          }
          historyIds(ex.s, i, t1, t2, index, hist);
          for (const id of hist) {
            const base = id * K;
            for (let k = 0; k < K; k++) scores[k] += w[base + k]!;
          }
          const pred = best(scores, t1, i === n - 1);
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
    if (opts.onIteration) opts.onIteration(it, averaged(table, u, c), errors, tokens);
  }
  return averaged(table, u, c);
}

function averaged(table: WeightTable, u: Float64Array, c: number): WeightTable {
  const w = table.weights;
  const avg = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) avg[i] = w[i]! - u[i]! / c;
  return { index: table.index, weights: avg };
}

const names: string[] = [];
function addHistoryNames(s: PreparedSentence, i: number, t1: number, t2: number, index: Map<string, number>): void {
  names.length = 0;
  tagFeatures(names, t1 < 0 ? '<s>' : TAGS[t1]!, t2 < 0 ? '<s>' : TAGS[t2]!, s.lower[i]!, s.short[i]!);
  for (const f of names) if (!index.has(f)) index.set(f, index.size);
}

