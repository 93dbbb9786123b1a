// Measures quote extraction against PolNeAR (brat standoff: Source, Cue and Content spans tied by
// Attribution events). Texts annotated by several annotators are scored against one of them: the
// first .ann file by sorted name, so the choice is deterministic. Scores are precision, recall and
// F1 per span type, by exact span and by overlap (one-to-one, any shared character).
import { mkdirSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import type { Command } from 'commander';
import type { Mention, Span } from '../types.js';
import { segment } from '../text/segment.js';
import { extractQuotes, quoteTaggerEnabled, type QuoteDetail } from '../analysis/quotes/index.js';
import { recognize } from '../analysis/ner/index.js';
import { resolveCoref } from '../analysis/coref/index.js';

export type SpanType = 'Source' | 'Cue' | 'Content';
const TYPES: SpanType[] = ['Source', 'Cue', 'Content'];

/** One annotated span; discontinuous spans have several fragments. */
export interface BratSpan {
  type: SpanType;
  fragments: Span[];
}

export interface PredictedAttribution {
  source: Span | null;
  cue: Span | null;
  content: Span[];
}

export interface Score {
  gold: number;
  predicted: number;
  exact: { p: number; r: number; f1: number };
  overlap: { p: number; r: number; f1: number };
}

export interface EvalQuotesResult {
  corpus: string;
  texts: number;
  annotatorChoice: string;
  minConfidence: number;
  /** Whether the trained attribution tagger ran with the rules. */
  tagger: boolean;
  /** With the pipeline's own mentions (NER + coreference): what users get. */
  scores: Record<SpanType, Score> | null;
  /** Why the pipeline's mentions could not be computed (then `scores` is null). */
  pipelineError: string | null;
  /** With no mentions (the extractor's fallback speaker finder). */
  fallbackScores: Record<SpanType, Score>;
  /** Milliseconds per article: segmentation, NER + coreference, and quote extraction. */
  timing: { segmentMs: number; mentionsMs: number; quotesMs: number; quotesShareOfRest: number };
}

/** Spans of the wanted types from a brat .ann file. */
export function parseBrat(ann: string): BratSpan[] {
  const out: BratSpan[] = [];
  for (const line of ann.split('\n')) {
    const m = /^T\d+\t(\S+) ([\d ;]+)\t/.exec(line);
    if (!m || !TYPES.includes(m[1] as SpanType)) continue;
    const fragments = m[2]!.split(';').map((f) => {
      const [s, e] = f.trim().split(' ').map(Number);
      return { start: s!, end: e! };
    });
    out.push({ type: m[1] as SpanType, fragments });
  }
  return out;
}

const QUOTE_MARK = /["“”‘’'«»]/;

/** Our quotes as PolNeAR-style attributions: quotation marks kept with the content, a partial
 * quotation inside reported content not counted twice, and a quotation with no cue of its own
 * joined to the one before it in the same paragraph ("“A,” she said. “B.”"). */
export function toAttributions(text: string, quotes: QuoteDetail[], paragraphs: Span[], minConfidence: number): PredictedAttribution[] {
  const out: (PredictedAttribution & { speaker: string | null; para: number; cueKey: string })[] = [];
  const paraOf = (i: number) => paragraphs.findIndex((p) => i >= p.start && i <= p.end);
  const widen = (s: Span): Span => {
    let { start, end } = s;
    if (start > 0 && QUOTE_MARK.test(text[start - 1]!)) start--;
    if (end < text.length && QUOTE_MARK.test(text[end]!)) end++;
    // Some copy writes a double quotation mark as two apostrophes ('').
    if (start > 0 && text[start] === "'" && text[start - 1] === "'") start--;
    if (end < text.length && text[end - 1] === "'" && text[end] === "'") end++;
    return { start, end };
  };
  const kept = quotes.filter((q) => q.confidence >= minConfidence);
  for (const q of kept) {
    const content = q.kind === 'reported' ? q.fragments : [widen(q)];
    const cueKey = q.cue ? `${q.cue.start}:${q.cue.end}` : '';
    if (q.kind === 'partial' && q.cue) {
      const host = kept.find((o) => o !== q && o.kind === 'reported' && o.cue && o.cue.start === q.cue!.start && o.start <= q.start && o.end >= q.end);
      if (host) continue;
    }
    const last = out.at(-1);
    if (!q.cue && last && q.speaker && last.speaker === q.speaker && last.para === paraOf(q.start)) {
      last.content.push(...content);
      continue;
    }
    // Two quotations tied to one cue ("“A,” she said, “B.”") form one attribution.
    const same = cueKey ? out.find((o) => o.cueKey === cueKey) : undefined;
    if (same) {
      same.content.push(...content);
      continue;
    }
    let source: Span | null = q.sourceSpan;
    if (source && text.slice(source.start, source.end).includes(',') && text[source.end] === ',') source = { start: source.start, end: source.end + 1 };
    const cue = q.cue && text.slice(q.cue.start, q.cue.end).trim() !== ':' ? { start: q.cue.start, end: q.cue.end } : null;
    out.push({ source, cue, content, speaker: q.speaker, para: paraOf(q.start), cueKey });
  }
  return out.map(({ source, cue, content }) => ({ source, cue, content }));
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

function overlapLen(a: Span[], b: Span[]): number {
  let n = 0;
  for (const x of a) for (const y of b) n += Math.max(0, Math.min(x.end, y.end) - Math.max(x.start, y.start));
  return n;
}

const key = (fr: Span[]) => fr.map((f) => `${f.start}-${f.end}`).sort().join(',');

interface Counts {
  gold: number;
  predicted: number;
  exactHits: number;
  overlapGoldHits: number;
  overlapPredHits: number;
}

/** Exact and one-to-one overlap matches between two span lists of one text. */
export function matchSpans(gold: Span[][], pred: Span[][]): Omit<Counts, 'gold' | 'predicted'> {
  const goldKeys = new Map<string, number>();
  for (const g of gold) goldKeys.set(key(g), (goldKeys.get(key(g)) ?? 0) + 1);
  let exactHits = 0;
  for (const p of pred) {
    const k = key(p);
    const n = goldKeys.get(k) ?? 0;
    if (n > 0) {
      exactHits++;
      goldKeys.set(k, n - 1);
    }
  }
  // Overlap: greedy one-to-one by largest shared length.
  const pairs: [number, number, number][] = [];
  gold.forEach((g, i) => pred.forEach((p, j) => {
    const o = overlapLen(g, p);
    if (o > 0) pairs.push([o, i, j]);
  }));
  pairs.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const gUsed = new Set<number>();
  const pUsed = new Set<number>();
  for (const [, i, j] of pairs) {
    if (gUsed.has(i) || pUsed.has(j)) continue;
    gUsed.add(i);
    pUsed.add(j);
  }
  return { exactHits, overlapGoldHits: gUsed.size, overlapPredHits: pUsed.size };
}

function trimFragments(text: string, fr: Span[]): Span[] {
  return fr.map((f) => {
    let { start, end } = f;
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    return { start, end };
  });
}

const dedupe = (list: Span[][]) => {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

export function toBrat(text: string, attrs: PredictedAttribution[]): string {
  const lines: string[] = [];
  let t = 0;
  let e = 0;
  const ent = (type: string, fr: Span[]) => {
    t++;
    lines.push(`T${t}\t${type} ${fr.map((f) => `${f.start} ${f.end}`).join(';')}\t${fr.map((f) => text.slice(f.start, f.end).replace(/\s+/g, ' ')).join(' ')}`);
    return `T${t}`;
  };
  for (const a of attrs) {
    const parts: string[] = [];
    const trigger = a.cue ?? a.content[0]!;
    const tr = ent('Attribution', [trigger]);
    if (a.cue) parts.push(`Cue:${ent('Cue', [a.cue])}`);
    if (a.source) parts.push(`Source:${ent('Source', [a.source])}`);
    parts.push(`Content:${ent('Content', a.content)}`);
    e++;
    lines.push(`E${e}\t${a.source ? 'Attribution' : 'Attribution-no-source'}:${tr} ${parts.join(' ')}`);
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

/** Score our extractor on a PolNeAR split directory (with text/ and attributions/). */
export async function evalQuotes(opts: { polnear: string; out?: string; minConfidence?: number; tagger?: boolean }): Promise<EvalQuotesResult> {
  // As the pipeline runs it (rules and the trained tagger) unless told otherwise.
  const use = { tagger: (opts.tagger ?? quoteTaggerEnabled()) ? undefined : null };
  const dir = opts.polnear;
  const textDir = join(dir, 'text');
  const annDir = join(dir, 'attributions');
  if (!existsSync(textDir) || !existsSync(annDir)) throw new Error(`${dir}: expected text/ and attributions/ folders`);
  const minConfidence = opts.minConfidence ?? 0.4;
  const anns = readdirSync(annDir).filter((f) => f.endsWith('.ann')).sort();
  const texts = readdirSync(textDir).filter((f) => f.endsWith('.txt')).sort();
  const mk = () => Object.fromEntries(TYPES.map((t) => [t, { gold: 0, predicted: 0, exactHits: 0, overlapGoldHits: 0, overlapPredHits: 0 }])) as Record<SpanType, Counts>;
  const totals = mk();
  const fallback = mk();
  if (opts.out) mkdirSync(opts.out, { recursive: true });
  let n = 0;
  let segmentMs = 0;
  let mentionsMs = 0;
  let quotesMs = 0;
  let pipelineError: string | null = null;
  for (const tf of texts) {
    const stem = basename(tf, '.txt');
    const annFile = anns.find((a) => a.slice(0, a.lastIndexOf('_')) === stem);
    if (!annFile) continue;
    n++;
    const text = readFileSync(join(textDir, tf), 'utf8');
    const gold = parseBrat(readFileSync(join(annDir, annFile), 'utf8'));
    let t0 = performance.now();
    const seg = segment(text);
    segmentMs += performance.now() - t0;
    t0 = performance.now();
    let mentions: Mention[] | null = null;
    try {
      if (!pipelineError) mentions = resolveCoref(text, seg.sentences, recognize(text, seg.sentences));
    } catch (e) {
      // The entity model may be mid-retrain in a working tree: still score the fallback.
      pipelineError = (e as Error).message;
    }
    mentionsMs += performance.now() - t0;
    t0 = performance.now();
    const quotes = extractQuotes(text, seg, mentions ?? [], use);
    quotesMs += performance.now() - t0;
    const attrs = toAttributions(text, quotes, seg.paragraphs, minConfidence);
    if (opts.out) writeFileSync(join(opts.out, stem + '.ann'), toBrat(text, attrs));
    if (mentions) addCounts(totals, text, gold, attrs);
    addCounts(fallback, text, gold, mentions ? toAttributions(text, extractQuotes(text, seg, [], use), seg.paragraphs, minConfidence) : attrs);
  }
  const per = (x: number) => Math.round((x / Math.max(1, n)) * 100) / 100;
  return {
    corpus: dir, texts: n, annotatorChoice: 'first .ann file by sorted name for each text', minConfidence, tagger: use.tagger !== null,
    scores: pipelineError ? null : toScores(totals), pipelineError, fallbackScores: toScores(fallback),
    timing: { segmentMs: per(segmentMs), mentionsMs: per(mentionsMs), quotesMs: per(quotesMs), quotesShareOfRest: round(quotesMs / Math.max(1e-9, segmentMs + mentionsMs)) },
  };
}

function addCounts(totals: Record<SpanType, Counts>, text: string, gold: BratSpan[], attrs: PredictedAttribution[]): void {
  for (const type of TYPES) {
    const g = dedupe(gold.filter((x) => x.type === type).map((x) => trimFragments(text, x.fragments)));
    const pred = dedupe(
      attrs
        .map((a) => (type === 'Source' ? (a.source ? [a.source] : null) : type === 'Cue' ? (a.cue ? [a.cue] : null) : a.content))
        .filter((x): x is Span[] => !!x && x.length > 0)
        .map((x) => trimFragments(text, x)),
    );
    const m = matchSpans(g, pred);
    const c = totals[type];
    c.gold += g.length;
    c.predicted += pred.length;
    c.exactHits += m.exactHits;
    c.overlapGoldHits += m.overlapGoldHits;
    c.overlapPredHits += m.overlapPredHits;
  }
}

function toScores(totals: Record<SpanType, Counts>): Record<SpanType, Score> {
  const scores = {} as Record<SpanType, Score>;
  for (const type of TYPES) {
    const c = totals[type];
    const ep = c.predicted ? c.exactHits / c.predicted : 0;
    const er = c.gold ? c.exactHits / c.gold : 0;
    const op = c.predicted ? c.overlapPredHits / c.predicted : 0;
    const or = c.gold ? c.overlapGoldHits / c.gold : 0;
    scores[type] = {
      gold: c.gold,
      predicted: c.predicted,
      exact: { p: round(ep), r: round(er), f1: round(f1(ep, er)) },
      overlap: { p: round(op), r: round(or), f1: round(f1(op, or)) },
    };
  }
  return scores;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export function formatQuotesResult(r: EvalQuotesResult): string {
  const lines = [`PolNeAR ${r.corpus}: ${r.texts} texts (${r.annotatorChoice}), quotes with confidence ≥ ${r.minConfidence}, ${r.tagger ? 'rules + trained tagger' : 'rules only'}`];
  const fmt = (x: { p: number; r: number; f1: number }) => `${x.p.toFixed(3)} ${x.r.toFixed(3)} ${x.f1.toFixed(3)}`;
  for (const [label, scores] of [['pipeline mentions (NER + coreference)', r.scores], ['no mentions (fallback speaker finder)', r.fallbackScores]] as const) {
    if (!scores) {
      lines.push(`${label}: not available (${r.pipelineError})`);
      continue;
    }
    lines.push(`${label}:`, 'type      gold  pred   exact P/R/F1          overlap P/R/F1');
    for (const t of TYPES) {
      const s = scores[t];
      lines.push(`${t.padEnd(8)} ${String(s.gold).padStart(5)} ${String(s.predicted).padStart(5)}   ${fmt(s.exact)}    ${fmt(s.overlap)}`);
    }
  }
  const tm = r.timing;
  lines.push(`ms/article: segment ${tm.segmentMs}, NER + coreference ${tm.mentionsMs}, quotes ${tm.quotesMs} (${(tm.quotesShareOfRest * 100).toFixed(1)}% of segment + mentions)`);
  return lines.join('\n');
}

export function registerEvalQuotes(evalCmd: Command): Command {
  return evalCmd
    .command('quotes')
    .description('Score quote and attribution extraction on PolNeAR (Source, Cue, Content; exact and overlap P/R/F1).\n' +
      'Example: triangulate eval quotes --polnear ../shared/corpora/polnear/dev --out /tmp/polnear-pred')
    .requiredOption('--polnear <dir>', 'a PolNeAR split directory holding text/ and attributions/')
    .option('--out <dir>', 'write our predictions as brat .ann files named like the texts')
    .option('--min-confidence <n>', 'drop quotes below this confidence', '0.4')
    .option('--no-tagger', 'rules only, without the trained attribution tagger (as the pipeline runs with TRIANGULATE_QUOTE_TAGGER=0)')
    .option('--json', 'print machine-readable JSON')
    .action(async (o: { polnear: string; out?: string; minConfidence: string; tagger?: boolean; json?: boolean }) => {
      const r = await evalQuotes({ polnear: o.polnear, out: o.out, minConfidence: Number(o.minConfidence), tagger: o.tagger === false ? false : undefined });
      process.stdout.write(o.json ? JSON.stringify(r, null, 2) + '\n' : formatQuotesResult(r) + '\n');
    });
}

// Run directly: node --import tsx src/eval/quotes.ts --polnear <dir> [--out <dir>] [--json]
if (process.argv[1] && /eval[\\/]quotes\.ts$/.test(process.argv[1])) {
  const { Command } = await import('commander');
  const root = new Command('eval');
  registerEvalQuotes(root);
  await root.parseAsync(['node', 'eval', 'quotes', ...process.argv.slice(2)]);
}
