// npm run bench:analysis — per-stage cost of the per-article analysis on one core, in this thread:
// Reuters-21578 stories and the seed articles read and cleaned as ingest does, then every stage
// timed on its own (wall and CPU), first on a cold pass and then after warm-up. Writes
// ms/article per stage, the quotes share of the total, tokens/s of the mentions stage, whole
// pipeline articles/s, model load times and a digest of every layer (to check that a speed-up
// left the outputs alone) to bench/results/analysis.json.
//   --limit N      Reuters stories (default 2000)
//   --passes N     timed passes after the cold one (default 1)
//   --no-seeds     skip the seed corpus
import { createHash } from 'node:crypto';
import { availableParallelism, cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { selectStages, toInput, type AnalysisInput, type Stage } from '../src/analysis/pipeline.js';
import { sentenceTokens } from '../src/analysis/ner/index.js';
import { defaultModel } from '../src/analysis/ner/model.js';
import { gazetteer } from '../src/analysis/geo/gazetteer.js';
import { cleanDocument } from '../src/ingest/clean.js';
import { readInputs } from '../src/ingest/readers/index.js';
import { segment } from '../src/text/segment.js';
import type { Analysis } from '../src/types.js';
import { quoteTaggerEnabled } from '../src/analysis/quotes/index.js';

const here = (p: string) => new URL(p, import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: here('../../shared/corpora/reuters21578.jsonl') },
    seeds: { type: 'string', default: here('../../shared/seeds') },
    limit: { type: 'string', default: '2000' },
    passes: { type: 'string', default: '1' },
    'no-seeds': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results/analysis.json' },
  },
});

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;
const r3 = (x: number) => +x.toFixed(3);

function timed<T>(f: () => T): { value: T; ms: number; cpuMs: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0, cpuMs: cpuMs(process.cpuUsage(c0)) };
}

async function load(source: string, limit: number): Promise<AnalysisInput[]> {
  const out: AnalysisInput[] = [];
  for await (const d of readInputs([source])) {
    if (out.length >= limit) break;
    if ('error' in d) continue;
    out.push(toInput(cleanDocument(d)));
  }
  return out;
}

interface PassResult {
  ms: Record<string, number>;
  cpuMs: Record<string, number>;
  totalMs: number;
  totalCpuMs: number;
  analyses: Analysis[];
}

function pass(inputs: AnalysisInput[], stages: Stage[]): PassResult {
  const ms: Record<string, number> = {};
  const cms: Record<string, number> = {};
  for (const s of stages) ms[s.name] = cms[s.name] = 0;
  const analyses: Analysis[] = [];
  for (const input of inputs) {
    const a: Analysis = {};
    for (const s of stages) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      s.run(input, a);
      ms[s.name]! += performance.now() - t0;
      cms[s.name]! += cpuMs(process.cpuUsage(c0));
    }
    analyses.push(a);
  }
  const sum = (r: Record<string, number>) => Object.values(r).reduce((x, y) => x + y, 0);
  return { ms, cpuMs: cms, totalMs: sum(ms), totalCpuMs: sum(cms), analyses };
}

/** One digest per layer over every article, in order: equal digests mean equal outputs. */
function digests(stages: Stage[], analyses: Analysis[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of stages) {
    const h = createHash('sha256');
    for (const a of analyses) h.update(JSON.stringify((a as Record<string, unknown>)[s.name]) + '\n');
    out[s.name] = h.digest('hex').slice(0, 16);
  }
  return out;
}

function report(label: string, p: PassResult, n: number, tokens: number) {
  const perStage: Record<string, { msPerArticle: number; cpuMsPerArticle: number; share: number }> = {};
  for (const name of Object.keys(p.ms))
    perStage[name] = { msPerArticle: r3(p.ms[name]! / n), cpuMsPerArticle: r3(p.cpuMs[name]! / n), share: r3(p.ms[name]! / p.totalMs) };
  const quotes = p.ms.quotes ?? 0;
  return {
    pass: label,
    msPerArticle: r3(p.totalMs / n),
    cpuMsPerArticle: r3(p.totalCpuMs / n),
    articlesPerSecond: +(n / (p.totalMs / 1000)).toFixed(1),
    articlesPerCpuSecond: +(n / (p.totalCpuMs / 1000)).toFixed(1),
    /** Quotes' share of the whole per-article time, and what it adds to the rest of it. */
    quotesShare: r3(quotes / p.totalMs),
    quotesAddsToRest: r3(quotes / (p.totalMs - quotes)),
    mentionsTokensPerSecond: Math.round(tokens / ((p.ms.mentions ?? 0) / 1000)),
    mentionsTokensPerCpuSecond: Math.round(tokens / ((p.cpuMs.mentions ?? 0) / 1000)),
    stages: perStage,
  };
}

async function benchCorpus(name: string, source: string, limit: number, passes: number) {
  const inputs = await load(source, limit);
  const stages = selectStages();
  // The tagger's tokens: what "tokens/s" of the mentions stage counts.
  let tokens = 0;
  for (const i of inputs) for (const ts of sentenceTokens(i.text, segment(i.text).sentences)) tokens += ts.length;
  const chars = inputs.reduce((n, i) => n + i.text.length, 0);
  const cold = pass(inputs, stages);
  const results = [report('cold', cold, inputs.length, tokens)];
  let last = cold;
  for (let k = 0; k < passes; k++) results.push(report(`warm${passes > 1 ? k + 1 : ''}`, (last = pass(inputs, stages)), inputs.length, tokens));
  const d = digests(stages, last.analyses);
  const coldDigest = digests(stages, cold.analyses);
  if (JSON.stringify(d) !== JSON.stringify(coldDigest)) throw new Error(`${name}: outputs differ between passes`);
  for (const r of results)
    process.stderr.write(
      `${name} ${r.pass}: ${inputs.length} articles, ${r.msPerArticle} ms/article (${r.articlesPerSecond}/s), quotes ${(r.quotesShare * 100).toFixed(1)}% ` +
        `(+${(r.quotesAddsToRest * 100).toFixed(1)}% on the rest), mentions ${r.mentionsTokensPerSecond} tokens/s\n   ` +
        Object.entries(r.stages).map(([s, v]) => `${s} ${v.msPerArticle}`).join(', ') + '\n',
    );
  return { corpus: name, source, articles: inputs.length, characters: chars, tokens, results, digests: d };
}

// Model loads first, each on its own, so that the first article does not pay for them.
const loads = {
  nerModelMs: 0,
  gazetteerMs: 0,
  gazetteerLooseIndexMs: 0,
  firstArticleMs: 0,
};
{
  const ner = timed(() => defaultModel());
  const gaz = timed(() => gazetteer());
  const loose = timed(() => gaz.value.looseIndex());
  loads.nerModelMs = Math.round(ner.ms);
  loads.gazetteerMs = Math.round(gaz.ms);
  loads.gazetteerLooseIndexMs = Math.round(loose.ms);
  // Lexicons and parsers that other stages build on first use.
  const stages = selectStages();
  loads.firstArticleMs = Math.round(timed(() => pass([{ id: 'x', text: 'Officials said on Monday that 12 people were hurt in Paris, the agency reported. "It is over," a police chief told Reuters.', published: '2020-01-06T00:00:00Z', outlet: 'x', title: 'x' } as AnalysisInput], stages)).ms);
  process.stderr.write(`loads: ${JSON.stringify(loads)}\n`);
}

const corpora = [await benchCorpus('reuters21578', values.corpus!, Number(values.limit), Number(values.passes))];
if (!values['no-seeds']) corpora.push(await benchCorpus('seeds', values.seeds!, Infinity, Math.max(3, Number(values.passes))));

mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(
  values.out!,
  JSON.stringify({ date: new Date().toISOString(), node: process.version, machine: { cpus: availableParallelism(), model: cpus()[0]?.model }, quoteTagger: quoteTaggerEnabled(), loads, corpora }, null, 2) + '\n',
);
process.stderr.write(`wrote ${values.out}\n`);
