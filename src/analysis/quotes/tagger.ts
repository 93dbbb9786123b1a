// A token tagger for attributions (who said what): each token of a sentence is tagged as part of
// a SOURCE, a CUE, a CONTENT span or none (BIO), by a greedy averaged perceptron trained on
// PolNeAR (scripts/train-quotes.ts). The rules of ./cues.ts stay authoritative; this tagger only
// proposes attributions with cues the rules did not find. When attributions nest ("X said Y
// believes Z"), cue and source tokens outrank content tokens, so inner attributions get tagged too.
import { weightRows, type WeightTable } from '../../util/weights.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { Mention, Span } from '../../types.js';
import { tokenize, type Token } from '../../text/segment.js';
import { learnedCue, learnedStem, speechLemma, stem } from './lexicon.js';
import { wordClass } from './clusters.js';
import { speakerLike, subjectBefore } from './subject.js';
import { compileTable, readModel, tagFast, type CompiledTagger, type Decoding } from './tagger-fast.js';

export const TAGS = ['O', 'B-S', 'I-S', 'B-C', 'I-C', 'B-N', 'I-N'] as const;
export const K = TAGS.length;
/** Bump whenever features change: a model trained on other features refuses to load. */
export const FEATURE_VERSION = 5;
export const DEFAULT_TAGGER_PATH = fileURLToPath(new URL('../../../models/quotes-tagger.json.gz', import.meta.url));

// Training and greedy decoding forbid no transition: an inside tag after another type opens a
// span. Content spans are long, and with BIO constraints in training one missed B-N made the whole
// span untaggable, so training pushed weights the wrong way for every token that followed. The
// best-sequence decoder (./tagger-fast.ts) does keep to well-formed tags, which costs nothing in F1.
/** One sentence ready for tagging: its tokens and static feature names per token. */
export interface TaggerSentence {
  tokens: Token[];
  /** Per token, template and value alternating: ['w', 'said', 'w-1', 'he', …]. The feature's
   * name is template=value; lookups go template by template so a word's string is hashed once. */
  feats: string[][];
  lower: string[];
}

// The helpers below are shared with ./tagger-fast.ts, which must compute the same values.
export const QUOTE_CHARS = /^["“”«»„]$/;

export function shape(w: string): string {
  let out = '';
  for (const ch of w) {
    // ASCII by code (the same classes as the property escapes give), the rest by property.
    const u = ch.charCodeAt(0);
    const c =
      u < 128
        ? u >= 65 && u <= 90 ? 'X' : u >= 97 && u <= 122 ? 'x' : u >= 48 && u <= 57 ? 'd' : ch
        : /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c !== out[out.length - 1]) out += c;
    if (out.length >= 6) break; // later characters cannot change the first six
  }
  return out.slice(0, 6);
}

export function bucket(d: number): string {
  return d <= 0 ? '0' : d === 1 ? '1' : d === 2 ? '2' : d <= 4 ? '4' : d <= 8 ? '8' : d <= 16 ? '16' : 'far';
}

/** How cue-like a word is by the lexicons: a hand-listed speech verb, or a learned cue by weight. */
export function cueClass(w: string): string {
  if (speechLemma(w)) return 'sp';
  const l = learnedCue(w, 0.05);
  if (!l) return '';
  return l.weight >= 0.6 ? 'l6' : l.weight >= 0.35 ? 'l3' : l.weight >= 0.15 ? 'l1' : 'l0';
}

/** For a word the lexicons leave without a cue class: how cue-like its stem's forms are together
 * ("lamenting" seen once shares "lament"'s record). Empty when the stem is unknown too. */
export function stemClass(w: string, cls: string): string {
  if (cls) return '';
  const l = learnedStem(w);
  return !l ? '' : l.weight >= 0.6 ? 's6' : l.weight >= 0.35 ? 's3' : 's1';
}

/** Character-level lookups the features need from the whole article: inside a quotation, and the
 * entity type of the mention covering a position. */
export interface ArticleContext {
  quoted: Span[];
  mentions: Mention[];
}

function mentionAt(ms: Mention[], t: Token): string {
  const m = mentionCovering(ms, t);
  return m ? (m.start === t.start ? 'B' : 'I') + mentionKind(m) : '';
}

/** The first mention that covers a token. */
export function mentionCovering(ms: Mention[], t: Token): Mention | undefined {
  // Mentions are few per sentence; a linear scan over the sentence's share is cheap enough.
  for (const m of ms) if (m.start <= t.start && m.end >= t.end) return m;
  return undefined;
}

export function mentionKind(m: Mention): string {
  const via = m.via ?? '';
  return via.includes('pronoun') ? 'PRON' : via.includes('description') ? 'DESC' : m.type;
}

interface WordInfo {
  cls: string;
  own: string[];
  /** The word's fine class, for its neighbours' features. */
  fine: string | undefined;
  coarse: string | undefined;
}

// Word-level features computed once per word form; bounded so a long-running process stays small.
const WORDS = new Map<string, WordInfo>();

function wordInfo(t: string, lower: string): WordInfo {
  let info = WORDS.get(t);
  if (info) return info;
  const wc = wordClass(lower);
  // Word classes let a cue seen rarely in training share weight with words used like it.
  const cls = cueClass(lower);
  const sc = stemClass(lower, cls);
  info = { cls, own: ['w', lower, 'st', stem(lower), 'sh', shape(t), 'suf', lower.slice(-3), ...(wc ? ['k', wc.fine, 'kk', wc.coarse] : []), ...(sc ? ['sc', sc] : [])], fine: wc?.fine, coarse: wc?.coarse };
  if (WORDS.size > 50000) WORDS.clear();
  WORDS.set(t, info);
  return info;
}

/** Static features of each token of one sentence. */
export function sentenceFeatures(text: string, sent: Span, ctx: ArticleContext): TaggerSentence {
  const tokens = tokenize(text.slice(sent.start, sent.end), sent.start);
  const n = tokens.length;
  const lower = tokens.map((t) => t.text.toLowerCase());
  const infos = tokens.map((t, i) => wordInfo(t.text, lower[i]!));
  const cls = infos.map((x) => x.cls);
  const ms = ctx.mentions.filter((m) => m.end > sent.start && m.start < sent.end);
  const qs = ctx.quoted.filter((q) => q.end > sent.start && q.start < sent.end);
  const inQuote = tokens.map((t) => qs.some((q) => t.start >= q.start && t.end <= q.end));
  const ent = tokens.map((t) => mentionAt(ms, t));
  // Nearest cue-like word and quotation mark on each side, in tokens.
  const leftCue = new Int32Array(n);
  const rightCue = new Int32Array(n);
  const leftMark = new Int32Array(n);
  const rightMark = new Int32Array(n);
  const leftCueWord: string[] = [];
  const rightCueWord: string[] = [];
  let lc = -1;
  let lm = -1;
  for (let i = 0; i < n; i++) {
    leftCue[i] = lc < 0 ? 99 : i - lc;
    leftCueWord.push(lc < 0 ? '-' : lower[lc]!);
    leftMark[i] = lm < 0 ? 99 : i - lm;
    if (cls[i] === 'sp' || cls[i] === 'l6' || cls[i] === 'l3' || lower[i] === 'according') lc = i;
    if (QUOTE_CHARS.test(tokens[i]!.text)) lm = i;
  }
  lc = -1;
  lm = -1;
  for (let i = n - 1; i >= 0; i--) {
    rightCue[i] = lc < 0 ? 99 : lc - i;
    rightCueWord[i] = lc < 0 ? '-' : lower[lc]!;
    rightMark[i] = lm < 0 ? 99 : lm - i;
    if (cls[i] === 'sp' || cls[i] === 'l6' || cls[i] === 'l3' || lower[i] === 'according') lc = i;
    if (QUOTE_CHARS.test(tokens[i]!.text)) lm = i;
  }
  let commas = 0;
  const feats: string[][] = [];
  const w = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]!);
  const c = (i: number) => (i < 0 || i >= n ? '-' : cls[i] || '.');
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!.text;
    const f: string[] = ['b', '', ...infos[i]!.own];
    f.push('w-1', w(i - 1), 'w+1', w(i + 1), 'w-2', w(i - 2), 'w+2', w(i + 2));
    f.push('w-1w', w(i - 1) + '|' + lower[i], 'ww+1', lower[i] + '|' + w(i + 1));
    f.push('c', c(i), 'c-1', c(i - 1), 'c+1', c(i + 1), 'c-2', c(i - 2), 'c+2', c(i + 2));
    f.push('cc', c(i - 1) + c(i) + c(i + 1));
    f.push('lc', bucket(leftCue[i]!), 'rc', bucket(rightCue[i]!), 'lrc', bucket(leftCue[i]!) + '|' + bucket(rightCue[i]!));
    f.push('lcw', leftCueWord[i], 'rcw', rightCueWord[i], 'lcwd', leftCueWord[i] + '|' + bucket(leftCue[i]!));
    f.push('lm', bucket(leftMark[i]!), 'rm', bucket(rightMark[i]!));
    f.push('q', inQuote[i] ? '1' : '0', 'qc', (inQuote[i] ? '1' : '0') + c(i));
    f.push('pos', bucket(i), 'end', bucket(n - 1 - i));
    f.push('e', ent[i], 'e-1', (i > 0 ? ent[i - 1] : '<s>'), 'e+1', (i + 1 < n ? ent[i + 1] : '</s>'));
    f.push('cm', String(Math.min(commas, 3)));
    const kp = i > 0 ? infos[i - 1]!.fine : undefined;
    const kn = i + 1 < n ? infos[i + 1]!.fine : undefined;
    if (kp !== undefined) f.push('k-1', kp, 'kk-1', infos[i - 1]!.coarse!);
    if (kn !== undefined) f.push('k+1', kn, 'kk+1', infos[i + 1]!.coarse!);
    if (cls[i]) f.push('cw', cls[i] + '|' + w(i + 1), 'cwp', w(i - 1) + '|' + cls[i]);
    if (t === ',') commas++;
    feats.push(f);
  }
  return { tokens, feats, lower };
}

/** History features: the previous tags, alone and with the current word. */
export function historyFeatures(out: string[], t1: number, t2: number, lower: string): void {
  const a = t1 < 0 ? '<s>' : TAGS[t1]!;
  const b = t2 < 0 ? '<s>' : TAGS[t2]!;
  out.push('t1', a, 't12', a + '|' + b, 't1w' + a, lower);
}

/** Feature names of a template/value list. */
export function featureNames(pairs: string[]): string[] {
  const out: string[] = [];
  for (let j = 0; j < pairs.length; j += 2) out.push(pairs[j] + '=' + pairs[j + 1]);
  return out;
}

export type { WeightTable };

/** The same index split by template, for decoding. */
export type TemplateIndex = Map<string, Map<string, number>>;

export function templateIndex(index: Map<string, number>): TemplateIndex {
  const out: TemplateIndex = new Map();
  for (const [name, id] of index) {
    const eq = name.indexOf('=');
    const tpl = name.slice(0, eq);
    let m = out.get(tpl);
    if (!m) out.set(tpl, (m = new Map()));
    m.set(name.slice(eq + 1), id);
  }
  return out;
}

export function best(sc: Float64Array): number {
  let bi = 0;
  let bv = -Infinity;
  for (let k = 0; k < K; k++) {
    if (sc[k]! > bv) {
      bv = sc[k]!;
      bi = k;
    }
  }
  return bi;
}

const hist: string[] = [];

/** Add the weights of template/value features to `scores`. */
export function score(pairs: string[], byTpl: TemplateIndex, w: Float32Array | Float64Array, scores: Float64Array): void {
  for (let j = 0; j < pairs.length; j += 2) {
    const id = byTpl.get(pairs[j]!)?.get(pairs[j + 1]!);
    if (id === undefined) continue;
    const base = id * K;
    for (let k = 0; k < K; k++) scores[k] += w[base + k]!;
  }
}

/** Greedy decoding; also returns each token's margin between its tag and the runner-up. */
export function decode(s: TaggerSentence, table: WeightTable, byTpl: TemplateIndex = templateIndex(table.index)): { tags: Int32Array; margin: Float64Array } {
  const n = s.tokens.length;
  const tags = new Int32Array(n);
  const margin = new Float64Array(n);
  const scores = new Float64Array(K);
  let t1 = -1;
  let t2 = -1;
  for (let i = 0; i < n; i++) {
    scores.fill(0);
    score(s.feats[i]!, byTpl, table.weights, scores);
    hist.length = 0;
    historyFeatures(hist, t1, t2, s.lower[i]!);
    score(hist, byTpl, table.weights, scores);
    const b = best(scores);
    let second = -Infinity;
    for (let k = 0; k < K; k++) if (k !== b && scores[k]! > second) second = scores[k]!;
    tags[i] = b;
    margin[i] = scores[b]! - second;
    t2 = t1;
    t1 = b;
  }
  return { tags, margin };
}

/** A tagged span of one type, in tokens [start, end). */
export interface TagSpan {
  type: 'S' | 'C' | 'N';
  start: number;
  end: number;
}

export function spansOf(tags: ArrayLike<number>): TagSpan[] {
  const out: TagSpan[] = [];
  for (let i = 0; i < tags.length; i++) {
    const t = TAGS[tags[i]!]!;
    if (t === 'O') continue;
    const type = t[2] as TagSpan['type'];
    if (t[0] === 'B' || !out.length || out.at(-1)!.end !== i || out.at(-1)!.type !== type) out.push({ type, start: i, end: i + 1 });
    else out.at(-1)!.end = i + 1;
  }
  return out;
}

/** Token spans → tag indices; `spans` must not overlap (resolve priorities first). */
export function tagsOf(n: number, spans: TagSpan[]): Int32Array {
  const out = new Int32Array(n);
  for (const s of spans) {
    out[s.start] = TAGS.indexOf(('B-' + s.type) as (typeof TAGS)[number]);
    for (let i = s.start + 1; i < s.end; i++) out[i] = TAGS.indexOf(('I-' + s.type) as (typeof TAGS)[number]);
  }
  return out;
}

/** An attribution read off the tags of one sentence, in character offsets. */
export interface TaggedAttribution {
  cue: Span;
  source: Span | null;
  content: Span;
  /** The smallest per-token margin over the cue, a rough confidence. */
  cueMargin: number;
}

/** Where a content after its cue ends: the tagger often drops out of a long content midway
 * ("that Mr. Roe is breathing new life into …" tagged only to "Roe"), and once it has, the
 * sentence's remaining words get no tag at all. With nothing else tagged after it, the content
 * runs to the end of the sentence, as PolNeAR contents after a cue do. */
function tailEnd(tok: Token[], spans: TagSpan[], j: number, end: number): number {
  if (j !== spans.length - 1) return end;
  let last = tok.length;
  while (last > end && /^[.!?;:,"“”'’)\]—–-]+$/.test(tok[last - 1]!.text)) last--;
  return Math.max(end, last);
}

// Titles whose full stop the tokenizer splits off: the tagger tends to end a source there.
const TITLE_ABBREVIATION = /^(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|St)$/;

/** The end of a source span, carried over a title's stop to the name after it ("Mr" → "Mr. Ban",
 * without a possessive ending). */
function sourceEnd(tok: Token[], end: number): number {
  if (end < 1 || !TITLE_ABBREVIATION.test(tok[end - 1]!.text) || tok[end]?.text !== '.' || !/^\p{Lu}/u.test(tok[end + 1]?.text ?? '')) return tok[end - 1]!.end;
  let j = end + 1;
  while (j + 1 < tok.length && j < end + 3 && /^\p{Lu}/u.test(tok[j + 1]!.text) && !/['’]s?$/u.test(tok[j]!.text)) j++;
  const last = tok[j]!;
  const poss = /['’]s?$/u.exec(last.text);
  return poss ? last.end - poss[0].length : last.end;
}

/** Group the spans of one sentence into attributions: each cue takes the content after it (over
 * any nested source and cue), else the content before it, and the nearest source on its side. */
export function assemble(s: Pick<TaggerSentence, 'tokens'>, tags: Int32Array, margin: Float64Array): TaggedAttribution[] {
  const spans = spansOf(tags);
  const out: TaggedAttribution[] = [];
  const tok = s.tokens;
  const chars = (a: number, b: number): Span => ({ start: tok[a]!.start, end: tok[b - 1]!.end });
  spans.forEach((c, k) => {
    if (c.type !== 'C') return;
    let content: Span | null = null;
    // After the cue: skip up to three untagged words ("that", "on Monday"); nested sources and
    // cues belong to this content.
    let gap = 0;
    let nestedStart = -1;
    for (let j = k + 1; j < spans.length; j++) {
      const x = spans[j]!;
      gap += x.start - (j === k + 1 ? c.end : spans[j - 1]!.end);
      if (gap > 3 && nestedStart < 0) break;
      if (x.type === 'N') {
        content = chars(nestedStart >= 0 ? nestedStart : x.start, tailEnd(tok, spans, j, x.end));
        break;
      }
      if (x.type === 'C' || (x.type === 'S' && j > k + 1) || (x.type === 'S' && spans[j + 1]?.type === 'C')) {
        if (nestedStart < 0) nestedStart = x.start;
        continue;
      }
      if (x.type === 'S') continue; // "said Jane Roe, …": the source after the cue
    }
    let contentBefore = false;
    let contentEnd = 0;
    if (!content) {
      for (let j = k - 1; j >= 0; j--) {
        const x = spans[j]!;
        if (x.type === 'C') break;
        if (x.type === 'N') {
          content = chars(x.start, x.end);
          contentBefore = true;
          contentEnd = x.end;
          break;
        }
      }
    }
    if (!content) return;
    let source: Span | null = null;
    const prev = spans[k - 1];
    const next = spans[k + 1];
    const sourceOf = (x: TagSpan): Span => ({ start: tok[x.start]!.start, end: sourceEnd(tok, x.end) });
    if (prev && prev.type === 'S' && c.start - prev.end <= 6) source = sourceOf(prev);
    else if (next && next.type === 'S' && next.start - c.end <= 3 && (contentBefore || spans[k + 2]?.type !== 'C')) source = sourceOf(next);
    // ", arguing that …": a participle cue hangs on the clause before it and shares its source.
    else if (c.start > 0 && tok[c.start - 1]!.text === ',' && /ing$/i.test(tok[c.start]!.text)) {
      const main = spans.slice(0, k).findLast((x) => x.type === 'S');
      if (main) source = sourceOf(main);
    }
    // No source tagged: the cue verb's subject is the source. After a content of its own ("…,
    // attorneys for the family said") any subject counts; before one it must be able to speak.
    if (!source) {
      const subj = subjectBefore(tok, c.start, contentBefore ? contentEnd : k > 0 ? spans[k - 1]!.end : 0);
      if (subj && (contentBefore || speakerLike(tok[subj[1] - 1]!.text))) source = chars(subj[0], subj[1]);
    }
    let m = Infinity;
    for (let i = c.start; i < c.end; i++) m = Math.min(m, margin[i]!);
    out.push({ cue: chars(c.start, c.end), source, content, cueMargin: m });
  });
  return out;
}

export interface TaggerFile {
  kind: 'triangulate-quotes-tagger';
  featureVersion: number;
  tags: string[];
  trainedOn: string;
  iterations: number;
  seed: number;
  features: string[];
  /** Per feature: "tag:weight …", zero weights left out. */
  rows: string[];
}

export class AttributionTagger {
  #byTpl: TemplateIndex | null = null;
  #compiled: CompiledTagger | null;
  /** `compiled`, when given, is the table compiled for tagging (see ./tagger-fast.ts). */
  constructor(
    readonly table: WeightTable,
    compiled?: CompiledTagger,
  ) {
    this.#compiled = compiled ?? null;
  }

  /** table.index split by template, for decode(). */
  get byTpl(): TemplateIndex {
    return (this.#byTpl ??= templateIndex(this.table.index));
  }

  /** The compiled form tagging uses, built on first use. */
  get compiled(): CompiledTagger {
    return (this.#compiled ??= compileTable(this.table));
  }

  /** Attributions the tagger reads in each sentence of an article: the same as assembling
   * decode(sentenceFeatures(…)) sentence by sentence, without building feature strings. */
  /** Attributions in each sentence; `decoding` 'greedy' gives exactly what decode() gives. */
  tag(text: string, sentences: Span[], ctx: ArticleContext, decoding: Decoding = 'viterbi'): TaggedAttribution[] {
    return tagFast(this.compiled, text, sentences, ctx, decoding);
  }

  static fromFile(file: TaggerFile): AttributionTagger {
    checkHeader(file);
    const index = new Map<string, number>();
    const weights = new Float32Array(file.features.length * K);
    file.features.forEach((f, i) => {
      index.set(f, i);
      for (const part of file.rows[i]!.split(' ')) {
        const colon = part.indexOf(':');
        weights[i * K + Number(part.slice(0, colon))] = Number(part.slice(colon + 1));
      }
    });
    return new AttributionTagger({ index, weights });
  }

  /** Load a model file. Read straight from its bytes: the same model fromFile(JSON.parse(…))
   * gives, in a fraction of the time, with table.index built only if asked for. */
  static load(path = DEFAULT_TAGGER_PATH): AttributionTagger {
    const gz = readFileSync(path);
    // Inflated in one piece, sized by the length gzip records (mod 2^32) at its end, rather than
    // in 16 kB chunks joined afterwards.
    const size = gz.length >= 4 ? gz.readUInt32LE(gz.length - 4) : 0;
    const inflate = () => gunzipSync(gz, { chunkSize: Math.min(Math.max(size + 1024, 64 * 1024), 1 << 28) });
    const buf = inflate();
    const model = readModel(buf);
    if (model) {
      checkHeader(model.header as Partial<TaggerFile>);
      let index: Map<string, number> | null = null;
      const table: WeightTable = {
        weights: model.weights,
        // Only decode() and tools need the names; they are read again from the compressed file.
        get index() {
          if (!index) {
            index = new Map();
            (JSON.parse(inflate().toString('utf8')) as TaggerFile).features.forEach((f, i) => index!.set(f, i));
          }
          return index;
        },
      };
      return new AttributionTagger(table, model.compiled);
    }
    return AttributionTagger.fromFile(JSON.parse(buf.toString('utf8')) as TaggerFile);
  }
}

function checkHeader(file: Partial<TaggerFile>): void {
  if (file.kind !== 'triangulate-quotes-tagger') throw new Error('not an attribution tagger file');
  if (file.featureVersion !== FEATURE_VERSION) throw new Error(`attribution tagger has feature version ${file.featureVersion}, code expects ${FEATURE_VERSION}: run scripts/train-quotes.ts`);
  if (file.tags!.join(' ') !== TAGS.join(' ')) throw new Error('attribution tagger tag set differs from the code');
}

let shared: AttributionTagger | null | undefined;

/** The shipped tagger, loaded on first use; null when the model file is missing or stale, so the
 * rules alone still run. */
export function defaultTagger(): AttributionTagger | null {
  if (shared !== undefined) return shared;
  try {
    shared = AttributionTagger.load();
  } catch {
    shared = null;
  }
  return shared;
}

/** Serialise averaged weights: tiny weights dropped, the rest rounded. */
export function toTaggerFile(table: WeightTable, info: Pick<TaggerFile, 'trainedOn' | 'iterations' | 'seed'>, minWeight = 0.01): TaggerFile {
  const { features, rows } = weightRows(table, K, minWeight, 2);
  return { kind: 'triangulate-quotes-tagger', featureVersion: FEATURE_VERSION, tags: [...TAGS], ...info, features, rows };
}
