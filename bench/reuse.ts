// Reuse linking benchmark: index the Reuters-21578 stories, then grow the corpus to --n articles
// with generated variants of known provenance (bench/generate-variants.ts). Reports throughput
// and per-article time at checkpoints (it should stay flat as the corpus grows), peak memory, and
// recall/precision of the known copies. Writes bench/results/reuse.json.
//   node --expose-gc --import tsx bench/reuse.ts [--n 100000] [--db file.sqlite] [--out bench/results/reuse.json]
//     [--roots cycle|uniform] [--cycle-stories 500]
//     [--max-candidates 12] [--min-aligned 4] [--cover-times 2] [--index-near-duplicate-keys true] [--drop-explained true]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { resourceUsage } from 'node:process';
import { findReuse, linkReuse, DEFAULT_LINK, type ReuseStore } from '../src/link/reuse/index.js';
import { MemoryReuseStore } from '../src/link/reuse/memory-store.js';
import type { Article, ReusePair } from '../src/types.js';
import { BenchStream, CYCLE_STORIES, CYCLE_STREAM, loadReuters, VariantGenerator, type RootsMode, type Truth } from './generate-variants.js';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}

const N = Number(arg('n', '100000'));
const CORPUS = arg('reuters', new URL('../../shared/corpora/reuters21578.jsonl', import.meta.url).pathname);
const OUT = arg('out', new URL('./results/reuse.json', import.meta.url).pathname);
const DB = arg('db', '');
// Where variants take their roots: 'cycle' (recent stories, originals interleaved through the
// stream) or 'uniform' (any original, all originals first: families grow with the corpus).
const ROOTS = arg('roots', 'cycle') as RootsMode;
if (ROOTS !== 'cycle' && ROOTS !== 'uniform') throw new Error(`--roots ${ROOTS}: expected cycle or uniform`);
const CYCLE = Number(arg('cycle-stories', String(CYCLE_STORIES)));
// Candidate selection settings, to measure their effect (defaults: DEFAULT_LINK).
const LINK = {
  maxCandidates: Number(arg('max-candidates', String(DEFAULT_LINK.maxCandidates))),
  minAligned: Number(arg('min-aligned', String(DEFAULT_LINK.minAligned))),
  coverTimes: Number(arg('cover-times', String(DEFAULT_LINK.coverTimes))),
  indexNearDuplicateKeys: arg('index-near-duplicate-keys', String(DEFAULT_LINK.indexNearDuplicateKeys)) === 'true',
  dropExplained: arg('drop-explained', String(DEFAULT_LINK.dropExplained)) === 'true',
};
const CHECKPOINTS = [10_000, 25_000, 50_000, 75_000, 100_000].filter((c) => c <= N);
if (!CHECKPOINTS.includes(N)) CHECKPOINTS.push(N);

interface BenchStore extends ReuseStore {
  /** Store a group of articles as ingest does (one transaction), before they are linked. */
  addGroup(a: Article[]): Promise<void>;
  unitOfWork<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

async function openBenchStore(): Promise<BenchStore> {
  if (!DB) {
    const m = new MemoryReuseStore();
    return Object.assign(m, { addGroup: async (as: Article[]) => as.forEach((a) => m.addArticle(a)), close: async () => {}, unitOfWork: <T>(fn: () => Promise<T>) => fn() });
  }
  const { openStore } = await import('../src/store/open.js');
  const s = await openStore(DB);
  return Object.assign(s, {
    addGroup: async (as: Article[]) => {
      await s.putArticles(as.map((article) => ({ article, analysis: {} })));
    },
  });
}

const store = await openBenchStore();
// Probes measure the cost of one new article at every corpus size: they are looked up at each
// checkpoint without being added. The last PROBES stories are held out (new stories: few
// matches), and PROBES variants of indexed stories are made by a second generator (new copies).
// In uniform mode the copy probes are the same articles at every checkpoint, variants of any
// original (their families grow with the corpus, which must not make them cost more); in cycle
// mode they are made at each checkpoint from the current cycle, as the next copy would be.
const PROBES = 500;
const all = loadReuters(CORPUS);
const heldOut = all.slice(-PROBES);
const originals = all.slice(0, -PROBES);
// The feed spans the whole stream (at least CYCLE_STREAM articles, so a shorter run is the start
// of the full one: its checkpoints see the same corpus).
const stream = new BenchStream(originals, { roots: ROOTS, seed: 7, window: CYCLE, span: Math.max(N, CYCLE_STREAM) });
const probeGen = new VariantGenerator(originals, 1000);
const uniformCopyProbes = ROOTS === 'uniform' ? Array.from({ length: PROBES }, (_, i) => probeGen.make(`probe-copy-${i}`, 10_000_000 + i).article) : [];
// Ids name the checkpoint: linking caches words by id, and each checkpoint's probes differ.
const copyProbesAt = (n: number) =>
  ROOTS === 'uniform' ? uniformCopyProbes : Array.from({ length: PROBES }, (_, i) => probeGen.make(`probe-copy-${n}-${i}`, 10_000_000 + i, [...stream.cycle()]).article);
type ProbeSet = 'newStories' | 'newCopies';
const truths = new Map<string, Truth[]>();
const found = new Map<string, ReusePair>();
type Probe = { cpuMsPerArticleMedian: number; cpuMsPerArticle: number; articlesPerCpuSecond: number; candidatesPerArticle: number; pairsPerArticle: number };
// Wall time and CPU time of each linkReuse call: on a shared machine the CPU time is the steadier
// measure of the work done per article.
const timesMs: number[] = [];
const cpuMs: number[] = [];
const pairCounts: number[] = [];
let linkCpuMs = 0;
const checkpoints: {
  articles: number; articlesPerSecond: number; msPerArticle: number; msPerArticleP95: number;
  cpuMsPerArticle: number; cpuMsPerArticleMedian: number; articlesPerCpuSecond: number; pairsPerArticle: number; rssMB: number;
  probes: Record<ProbeSet, Probe>;
}[] = [];
let linkMs = 0;
let pairsTotal = 0;
const t0 = performance.now();

// As ingest does, a group's articles are stored first (their own transaction, not timed: that is
// ingest's cost), then linked in one unit of work (one commit), whose commit time is spread over
// the group's articles. Groups end at the checkpoints.
const GROUP = 32;
for (let g = 0; g < N; ) {
  const end = Math.min(N, g + GROUP, CHECKPOINTS.find((c) => c > g) ?? N);
  let workEnd = 0;
  let cpuEnd = process.cpuUsage();
  const group: Article[] = [];
  for (let i = g; i < end; i++) {
    const { article, truth } = stream.item();
    if (truth) truths.set(article.id, truth);
    group.push(article);
  }
  await store.addGroup(group);
  await store.unitOfWork(async () => {
    for (const a of group) {
      const c = process.cpuUsage();
      const s = performance.now();
      const pairs = await linkReuse(store, a, LINK);
      const dt = performance.now() - s;
      const cpu = process.cpuUsage(c);
      linkMs += dt;
      timesMs.push(dt);
      cpuMs.push((cpu.user + cpu.system) / 1000);
      linkCpuMs += cpuMs[cpuMs.length - 1]!;
      pairsTotal += pairs.length;
      pairCounts.push(pairs.length);
      for (const p of pairs) found.set(`${p.articles[0]}|${p.articles[1]}`, p);
    }
    workEnd = performance.now();
    cpuEnd = process.cpuUsage();
  });
  const commitMs = performance.now() - workEnd;
  const commitCpu = process.cpuUsage(cpuEnd);
  const commitCpuMs = (commitCpu.user + commitCpu.system) / 1000;
  for (let k = timesMs.length - (end - g); k < timesMs.length; k++) {
    timesMs[k] += commitMs / (end - g);
    cpuMs[k] += commitCpuMs / (end - g);
  }
  linkMs += commitMs;
  linkCpuMs += commitCpuMs;
  g = end;
  if (CHECKPOINTS.includes(end)) {
    // Per-article time over the last WINDOW articles: the cost of adding one article now. The
    // window is wide so that one major garbage collection does not dominate it; the median too.
    const WINDOW = 5000;
    const recent = timesMs.slice(-WINDOW).sort((x, y) => x - y);
    const mean = recent.reduce((x, y) => x + y, 0) / recent.length;
    const cpuRecent = cpuMs.slice(-WINDOW);
    const cpuMean = cpuRecent.reduce((x, y) => x + y, 0) / cpuRecent.length;
    const cpuMedian = [...cpuRecent].sort((x, y) => x - y)[Math.floor(cpuRecent.length / 2)]!;
    const probes = {} as Record<ProbeSet, Probe>;
    const probeSets: Record<ProbeSet, Article[]> = { newStories: heldOut, newCopies: copyProbesAt(end) };
    for (const [name, set] of Object.entries(probeSets) as [ProbeSet, Article[]][]) {
      // A major collection of the bench's own heap (every article is held in memory) landing in
      // the short probe window would swamp it: collect first when node runs with --expose-gc,
      // and report the median besides the mean.
      (globalThis as { gc?: () => void }).gc?.();
      let probeCpu = 0;
      let probeCands = 0;
      let probePairs = 0;
      const each: number[] = [];
      for (const p of set) {
        const c = process.cpuUsage();
        const r = await findReuse(store, p, LINK);
        const d = process.cpuUsage(c);
        each.push((d.user + d.system) / 1000);
        probeCpu += each[each.length - 1]!;
        probeCands += r.candidates;
        probePairs += r.pairs.length;
      }
      probes[name] = {
        cpuMsPerArticleMedian: +[...each].sort((x, y) => x - y)[Math.floor(each.length / 2)]!.toFixed(3),
        cpuMsPerArticle: +(probeCpu / set.length).toFixed(3),
        articlesPerCpuSecond: Math.round((1000 * set.length) / probeCpu),
        candidatesPerArticle: +(probeCands / set.length).toFixed(2),
        pairsPerArticle: +(probePairs / set.length).toFixed(2),
      };
    }
    checkpoints.push({
      articles: end,
      articlesPerSecond: Math.round(1000 / mean),
      msPerArticle: +mean.toFixed(3),
      msPerArticleP95: +recent[Math.floor(recent.length * 0.95)]!.toFixed(3),
      cpuMsPerArticle: +cpuMean.toFixed(3),
      cpuMsPerArticleMedian: +cpuMedian.toFixed(3),
      articlesPerCpuSecond: Math.round(1000 / cpuMean),
      pairsPerArticle: +(pairCounts.slice(-WINDOW).reduce((x, y) => x + y, 0) / Math.min(WINDOW, pairCounts.length)).toFixed(2),
      rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
      probes,
    });
    const pr = (p: Probe) => `${p.cpuMsPerArticle} ms CPU (median ${p.cpuMsPerArticleMedian}), ${p.candidatesPerArticle} candidates`;
    console.error(`${end} articles: ${mean.toFixed(3)} ms/article wall, ${cpuMean.toFixed(3)} ms CPU (median ${cpuMedian.toFixed(3)}), ${pairsTotal} pairs; probes: new stories ${pr(probes.newStories)}; new copies ${pr(probes.newCopies)}`);
  }
}
const wallS = (performance.now() - t0) / 1000;

// Ground truth: a variant's roots; originals are their own root. Natural duplicates among the
// Reuters stories (found while indexing them) join their roots, so a pair between variants of two
// versions of one wire story is not counted as a false alarm.
const parent = new Map<string, string>();
const find = (x: string): string => {
  const p = parent.get(x) ?? x;
  if (p === x) return x;
  const r = find(p);
  parent.set(x, r);
  return r;
};
const isOriginal = (id: string) => !truths.has(id);
for (const p of found.values()) if (isOriginal(p.articles[0]) && isOriginal(p.articles[1])) parent.set(find(p.articles[0]), find(p.articles[1]));
const rootsOf = (id: string) => (truths.get(id)?.map((t) => t.source) ?? [id]).map(find);

const buckets = [
  { name: 'share >= 0.5', min: 0.5, max: 1.01 },
  { name: '0.2 <= share < 0.5', min: 0.2, max: 0.5 },
  { name: 'share < 0.2', min: 0, max: 0.2 },
];
// A copy is found when it is paired with the story it was made from, or with a story that the
// Reuters corpus itself holds as an earlier version of it (its natural-duplicate family, from the
// pairs found among the originals): linking credits the earliest article that holds the text
// (src/link/reuse/explain.ts), so a variant of a reissued story is paired with the first issue.
// `recallExactSource` is the stricter count: the pair with the very story the variant was made from.
const partners = new Map<string, string[]>();
for (const p of found.values()) {
  if (p.kind === 'shared-quotation') continue;
  for (const [x, y] of [[p.articles[0], p.articles[1]], [p.articles[1], p.articles[0]]] as const) (partners.get(x) ?? partners.set(x, []).get(x)!).push(y);
}
const recall = buckets.map((b) => ({ bucket: b.name, copies: 0, found: 0, recall: 0, foundExactSource: 0, directionRight: 0, recallExactSource: 0 }));
const byKind = new Map<string, { copies: number; found: number }>();
for (const [id, ts] of truths) {
  for (const t of ts) {
    const key = t.source < id ? `${t.source}|${id}` : `${id}|${t.source}`;
    const p = found.get(key);
    const b = recall[buckets.findIndex((x) => t.share >= x.min && t.share < x.max)]!;
    b.copies++;
    if (p && p.kind !== 'shared-quotation') {
      b.foundExactSource++;
      if (p.source === t.source && p.target === id) b.directionRight++;
    }
    const family = find(t.source);
    const inFamily = (partners.get(id) ?? []).some((x) => isOriginal(x) && find(x) === family);
    if (inFamily) b.found++;
    if (t.share >= 0.5) {
      const k = byKind.get(t.kind) ?? { copies: 0, found: 0 };
      k.copies++;
      if (inFamily) k.found++;
      byKind.set(t.kind, k);
    }
  }
}
for (const b of recall) {
  b.recall = +(b.found / Math.max(1, b.copies)).toFixed(4);
  b.recallExactSource = +(b.foundExactSource / Math.max(1, b.copies)).toFixed(4);
}

// A pair outside the known lineage may still be right: Reuters itself re-issues and updates
// stories and repeats wire formulas, so two stories of the feed can hold the same text without
// the linker having paired them while indexing. Such a pair is "explained by the corpus" when its
// matched passages hold a run of at least the aligner's shortest passage (minWords) that a source
// of one article and a source of the other both contain, read from the Reuters texts themselves.
// Counted apart, with a precision of their own, not hidden among the lineage or the errors.
const RUN = DEFAULT_LINK.pair.align.minWords;
const textOf = new Map(originals.map((a) => [a.id, a.text]));
const runs = (text: string): Set<string> => {
  const w = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + RUN <= w.length; i++) out.add(w.slice(i, i + RUN).join(' '));
  return out;
};
const runsCache = new Map<string, Set<string>>();
const runsOf = (id: string) => runsCache.get(id) ?? runsCache.set(id, runs(textOf.get(id) ?? '')).get(id)!;
const sourcesOf = (id: string) => truths.get(id)?.map((t) => t.source) ?? [id];
async function explainedByCorpus(p: ReusePair): Promise<boolean> {
  const [x, y] = p.articles;
  const shared = new Set<string>();
  for (const sx of sourcesOf(x)) for (const sy of sourcesOf(y)) {
    const ry = runsOf(sy);
    for (const r of runsOf(sx)) if (ry.has(r)) shared.add(r);
  }
  if (!shared.size) return false;
  const src = p.source ?? p.articles[0];
  const tgt = src === x ? y : x;
  const [a, b] = await Promise.all([store.getArticleText(src), store.getArticleText(tgt)]);
  for (const q of p.passages) {
    for (const r of runs(a?.text.slice(q.sourceStart, q.sourceEnd) ?? '')) if (shared.has(r)) return true;
    for (const r of runs(b?.text.slice(q.targetStart, q.targetEnd) ?? '')) if (shared.has(r)) return true;
  }
  return false;
}

let withVariant = 0;
let explained = 0;
let byCorpus = 0;
// What the pairs link: a variant with a story it was made from, two variants of one story
// (siblings: the text came from their common source), or anything else.
const relations = { toSource: 0, siblings: 0, other: 0 };
for (const p of found.values()) {
  if (isOriginal(p.articles[0]) && isOriginal(p.articles[1])) continue;
  withVariant++;
  const [x, y] = p.articles;
  const madeFrom = (v: string, o: string) => (truths.get(v) ?? []).some((t) => find(t.source) === find(o));
  if (madeFrom(x, y) || madeFrom(y, x)) relations.toSource++;
  else if (!isOriginal(x) && !isOriginal(y)) relations.siblings++;
  else relations.other++;
  const ra = new Set(rootsOf(p.articles[0]));
  if (rootsOf(p.articles[1]).some((r) => ra.has(r))) explained++;
  else if (await explainedByCorpus(p)) byCorpus++;
}

const ru = resourceUsage();
const result = {
  date: new Date().toISOString(),
  store: DB ? `sqlite ${DB}` : 'memory',
  roots: ROOTS === 'cycle' ? { mode: ROOTS, cycleStories: CYCLE } : { mode: ROOTS },
  articles: N,
  originals: N - truths.size,
  variants: truths.size,
  parameters: { lsh: DEFAULT_LINK.lsh, align: DEFAULT_LINK.pair.align, ...LINK },
  wallSeconds: +wallS.toFixed(1),
  linkSeconds: +(linkMs / 1000).toFixed(1),
  articlesPerSecondOverall: Math.round(N / (linkMs / 1000)),
  linkCpuSeconds: +(linkCpuMs / 1000).toFixed(1),
  articlesPerCpuSecondOverall: Math.round(N / (linkCpuMs / 1000)),
  loadAverage: (await import('node:os')).loadavg().map((x) => +x.toFixed(1)),
  checkpoints,
  peakRssMB: Math.round(ru.maxRSS / 1024),
  heapUsedMB: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
  pairs: found.size,
  kinds: [...found.values()].reduce<Record<string, number>>((m, p) => ((m[p.kind] = (m[p.kind] ?? 0) + 1), m), {}),
  pairRelations: relations,
  recall,
  recallByKindShareAtLeastHalf: Object.fromEntries([...byKind].map(([k, v]) => [k, { ...v, recall: +(v.found / v.copies).toFixed(4) }])),
  // precision: pairs the known lineage explains; precisionWithCorpus: also those whose matched
  // text two Reuters stories share (see explainedByCorpus); the rest are false alarms.
  precision: {
    pairsWithVariant: withVariant,
    explainedByLineage: explained,
    explainedByCorpus: byCorpus,
    unexplained: withVariant - explained - byCorpus,
    precision: +(explained / Math.max(1, withVariant)).toFixed(4),
    precisionWithCorpus: +((explained + byCorpus) / Math.max(1, withVariant)).toFixed(4),
  },
  index: 'stats' in store ? (store as unknown as MemoryReuseStore).stats() : null,
};
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
console.log(JSON.stringify(result, null, 2));
await store.close();
