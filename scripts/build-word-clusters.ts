// Builds models/word-clusters.json.gz: distributional word classes for the attribution tagger,
// so that a cue seen rarely in training shares weight with words used the same way (one class
// holds "criticized", "accused", "attacked", "praised", "questioned"). Learned from unlabelled
// news: Reuters-21578 and the PolNeAR train texts (never dev). Each frequent word is described by
// the words one and two to each side (positive PMI) and clustered by spherical k-means; the
// centroids are clustered again into coarse classes. Deterministic. Retrain the tagger after.
//   node --import tsx scripts/build-word-clusters.ts [--fine N] [--coarse N] [--min-count N] [--out FILE]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { tokenize } from '../src/text/segment.js';
import { seededRandom } from '../src/util/random.js';
import { DEFAULT_CLUSTERS_PATH, type ClusterFile } from '../src/analysis/quotes/clusters.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf('--' + name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const FINE = Number(opt('fine', '320'));
const COARSE = Number(opt('coarse', '40'));
const MIN_COUNT = Number(opt('min-count', '5'));
const CONTEXTS = 1500;
const out = opt('out', DEFAULT_CLUSTERS_PATH);
const corpora = '../shared/corpora';

const texts: string[] = [];
for (const line of readFileSync(join(corpora, 'reuters21578.jsonl'), 'utf8').split('\n')) {
  if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
}
const pol = join(corpora, 'polnear/train/text');
for (const f of readdirSync(pol).filter((x) => x.endsWith('.txt')).sort()) texts.push(readFileSync(join(pol, f), 'utf8'));

const docs = texts.map((t) => tokenize(t).map((x) => x.text.toLowerCase()));
const freq = new Map<string, number>();
for (const d of docs) for (const w of d) freq.set(w, (freq.get(w) ?? 0) + 1);
const byFreq = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
const vocab = byFreq.filter(([w, c]) => c >= MIN_COUNT && /\p{L}/u.test(w)).map(([w]) => w);
const vid = new Map(vocab.map((w, i) => [w, i]));
const ctxId = new Map(byFreq.slice(0, CONTEXTS).map(([w], i) => [w, i]));
console.log(`${docs.length} texts, ${freq.size} word forms, ${vocab.length} clustered`);

// Co-occurrence counts per (word, position, context word), sparse per word.
const OFFS = [-2, -1, 1, 2];
const co: Map<number, number>[] = vocab.map(() => new Map());
const ctxTotal = new Float64Array(OFFS.length * CONTEXTS);
let total = 0;
for (const d of docs) {
  for (let i = 0; i < d.length; i++) {
    const v = vid.get(d[i]!);
    if (v === undefined) continue;
    OFFS.forEach((o, p) => {
      const c = ctxId.get(d[i + o] ?? '');
      if (c === undefined) return;
      const key = p * CONTEXTS + c;
      co[v]!.set(key, (co[v]!.get(key) ?? 0) + 1);
      ctxTotal[key]! += 1;
      total++;
    });
  }
}

// Positive PMI, each word's vector of unit length, kept sparse.
const D = OFFS.length * CONTEXTS;
const rows = vocab.map((_, v) => {
  let rowTotal = 0;
  for (const n of co[v]!.values()) rowTotal += n;
  const keys: number[] = [];
  const vals: number[] = [];
  for (const [key, n] of [...co[v]!].sort((a, b) => a[0] - b[0])) {
    const pmi = Math.log((n * total) / (rowTotal * ctxTotal[key]!));
    if (pmi <= 0) continue;
    keys.push(key);
    vals.push(pmi);
  }
  const norm = Math.sqrt(vals.reduce((a, x) => a + x * x, 0)) || 1;
  return { keys: Int32Array.from(keys), vals: Float64Array.from(vals, (x) => x / norm) };
});
const rand = seededRandom(7);
type Row = { keys: Int32Array; vals: Float64Array };

/** Spherical k-means of unit rows (sparse) in `dim` dimensions, seeded with k-means++. */
function kmeans(x: Row[], dim: number, K: number, iterations: number): { assign: Int32Array; centroids: Row[] } {
  const n = x.length;
  const C = new Float64Array(K * dim);
  const dot = (r: Row, c: number) => {
    let s = 0;
    for (let j = 0; j < r.keys.length; j++) s += r.vals[j]! * C[c * dim + r.keys[j]!]!;
    return s;
  };
  const put = (r: Row, c: number) => {
    for (let j = 0; j < r.keys.length; j++) C[c * dim + r.keys[j]!] += r.vals[j]!;
  };
  const dist = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(rand() * n);
  for (let c = 0; c < K; c++) {
    put(x[pick]!, c);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      dist[i] = Math.min(dist[i]!, Math.max(0, 1 - dot(x[i]!, c)));
      sum += dist[i]!;
    }
    let r = rand() * sum;
    for (pick = 0; pick < n - 1 && (r -= dist[pick]!) > 0; pick++);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let bc = 0;
      let bv = -Infinity;
      for (let c = 0; c < K; c++) {
        const v = dot(x[i]!, c);
        if (v > bv) {
          bv = v;
          bc = c;
        }
      }
      assign[i] = bc;
    }
    const old = C.slice();
    C.fill(0);
    for (let i = 0; i < n; i++) put(x[i]!, assign[i]!);
    for (let c = 0; c < K; c++) {
      let s = 0;
      for (let k = 0; k < dim; k++) s += C[c * dim + k]! ** 2;
      s = Math.sqrt(s);
      // An empty cluster keeps its centroid.
      if (s === 0) C.set(old.subarray(c * dim, c * dim + dim), c * dim);
      else for (let k = 0; k < dim; k++) C[c * dim + k] /= s;
    }
  }
  const centroids = Array.from({ length: K }, (_, c) => {
    const keys: number[] = [];
    const vals: number[] = [];
    for (let k = 0; k < dim; k++) if (C[c * dim + k]) keys.push(k), vals.push(C[c * dim + k]!);
    return { keys: Int32Array.from(keys), vals: Float64Array.from(vals) };
  });
  return { assign, centroids };
}

const fine = kmeans(rows, D, FINE, 12);
const coarse = kmeans(fine.centroids, D, COARSE, 20);
const file: ClusterFile = {
  kind: 'triangulate-word-clusters',
  builtFrom: 'Reuters-21578 and PolNeAR train texts',
  fine: FINE,
  coarse: COARSE,
  coarseOf: Array.from(coarse.assign),
  clusters: Array.from({ length: FINE }, (_, c) => vocab.filter((_, v) => fine.assign[v] === c).join(' ')),
};
const gz = gzipSync(JSON.stringify(file), { level: 9 });
writeFileSync(out, gz);
console.log(`wrote ${out}: ${vocab.length} words, ${(gz.length / 1e3).toFixed(0)} kB`);
for (const w of ['said', 'despise', 'branded', 'admires', 'criticized', 'believes', 'according', 'obama']) {
  const v = vid.get(w);
  if (v === undefined) continue;
  const c = fine.assign[v]!;
  console.log(w, '→', file.clusters[c]!.split(' ').slice(0, 15).join(' '));
}
