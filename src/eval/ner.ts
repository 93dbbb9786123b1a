// `triangulate eval ner`: precision, recall and F1 of the entity tagger on a CoNLL file with the
// CoNLL exact-span rule (type and both boundaries must match), and tagging speed.
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { iob1Tags, parseConll } from '../analysis/ner/conll.js';
import { defaultModel, NerModel } from '../analysis/ner/model.js';
import { CONLL_TYPES, type TaggedSpan } from '../analysis/ner/tagger.js';

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface NerReport {
  file: string;
  documents: number;
  sentences: number;
  tokens: number;
  overall: Prf;
  perType: Record<string, Prf>;
  seconds: number;
  tokensPerSecond: number;
  /** CPU time of the tagging thread: the speed figure that holds on a busy shared machine. */
  cpuSeconds: number;
  tokensPerCpuSecond: number;
  modelLoadSeconds: number;
  modelLoadCpuSeconds: number;
  out?: string;
}

function prf(correct: number, gold: number, predicted: number): Prf {
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, gold, predicted, correct };
}

/** Exact-span scoring over documents of per-sentence gold and predicted spans. */
export function scoreSpans(docs: { gold: TaggedSpan[][]; pred: TaggedSpan[][] }[]): { overall: Prf; perType: Record<string, Prf> } {
  const c: Record<string, [number, number, number]> = {};
  for (const t of CONLL_TYPES) c[t] = [0, 0, 0];
  for (const d of docs) {
    d.gold.forEach((gold, si) => {
      const pred = d.pred[si] ?? [];
      const keys = new Set(gold.map((s) => `${s.start}:${s.end}:${s.type}`));
      for (const s of gold) c[s.type]![1]++;
      for (const s of pred) {
        c[s.type]![2]++;
        if (keys.has(`${s.start}:${s.end}:${s.type}`)) c[s.type]![0]++;
      }
    });
  }
  const perType: Record<string, Prf> = {};
  let tc = 0;
  let tg = 0;
  let tp = 0;
  for (const t of CONLL_TYPES) {
    const [cc, g, p] = c[t]!;
    perType[t] = prf(cc, g, p);
    tc += cc;
    tg += g;
    tp += p;
  }
  return { overall: prf(tc, tg, tp), perType };
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1e6;
}

export interface EvalNerOptions {
  conll: string;
  out?: string;
  model?: string;
}

export async function evalNer(opts: EvalNerOptions): Promise<NerReport> {
  const docs = parseConll(await readFile(opts.conll, 'utf8'));
  const l0 = performance.now();
  const lc = process.cpuUsage();
  const model = opts.model ? NerModel.load(opts.model) : defaultModel();
  const modelLoadSeconds = (performance.now() - l0) / 1000;
  const modelLoadCpuSeconds = cpuSince(lc);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const preds = docs.map((d) => model.tagDocument(d.sentences));
  const seconds = (performance.now() - t0) / 1000;
  const cpuSeconds = cpuSince(c0);
  const tokens = docs.reduce((n, d) => n + d.sentences.reduce((m, s) => m + s.length, 0), 0);
  const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
  const scores = scoreSpans(docs.map((d, i) => ({ gold: d.gold, pred: preds[i]! })));
  if (opts.out) {
    const lines: string[] = [];
    docs.forEach((d, di) => {
      lines.push('-DOCSTART- -X- -X- O O', '');
      d.sentences.forEach((words, si) => {
        const tags = iob1Tags(words.length, preds[di]![si]!);
        d.lines[si]!.forEach((line, i) => lines.push(`${line} ${tags[i]}`));
        lines.push('');
      });
    });
    await writeFile(opts.out, lines.join('\n'));
  }
  return {
    file: opts.conll,
    documents: docs.length,
    sentences,
    tokens,
    ...scores,
    seconds,
    tokensPerSecond: tokens / seconds,
    cpuSeconds,
    tokensPerCpuSecond: tokens / cpuSeconds,
    modelLoadSeconds,
    modelLoadCpuSeconds,
    out: opts.out,
  };
}

const pct = (x: number) => (x * 100).toFixed(2).padStart(6);

export function formatNerReport(r: NerReport): string {
  const rows = [`${'type'.padEnd(8)} ${'prec'.padStart(6)} ${'rec'.padStart(6)} ${'F1'.padStart(6)}   gold  found`];
  const line = (name: string, p: Prf) =>
    `${name.padEnd(8)} ${pct(p.precision)} ${pct(p.recall)} ${pct(p.f1)} ${String(p.gold).padStart(6)} ${String(p.predicted).padStart(6)}`;
  for (const [t, p] of Object.entries(r.perType)) rows.push(line(t, p));
  rows.push(line('overall', r.overall));
  rows.push(
    `${r.documents} documents, ${r.sentences} sentences, ${r.tokens} tokens in ${r.seconds.toFixed(2)} s: ` +
      `${Math.round(r.tokensPerSecond)} tokens/s wall, ${Math.round(r.tokensPerCpuSecond)} tokens per CPU second ` +
      `(model load ${r.modelLoadSeconds.toFixed(2)} s wall, ${r.modelLoadCpuSeconds.toFixed(2)} s CPU)`,
  );
  if (r.out) rows.push(`predictions written to ${r.out} (4th column is ours; score with conlleval)`);
  return rows.join('\n');
}

export function registerEvalNer(evalCmd: Command): Command {
  return evalCmd
    .command('ner')
    .description(
      'score the entity tagger on a CoNLL-2003 file (exact-span P/R/F1 per type, tokens/s)\n' +
        'example: triangulate eval ner --conll ../shared/corpora/conll2003/eng.testa --out /tmp/testa.pred',
    )
    .requiredOption('--conll <file>', 'CoNLL-2003 column file with gold tags in the last column')
    .option('--out <file>', 'write the input with our IOB1 tags as an extra column (for conlleval)')
    .option('--model <file>', 'model file instead of models/ner.json.gz')
    .option('--json', 'print the report as JSON')
    .action(async (o: { conll: string; out?: string; model?: string; json?: boolean }) => {
      const r = await evalNer(o);
      process.stdout.write((o.json ? JSON.stringify(r, null, 2) : formatNerReport(r)) + '\n');
    });
}
