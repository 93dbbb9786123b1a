// Run-time tagging without feature strings. sentenceFeatures() names ~35 features per token as
// template/value strings, many built by concatenation, and score() finds each with two map
// look-ups; that was most of the tagger's time. Here a model's feature names are compiled once:
// - every value the one-value features hold (a word for w, w-1, w+1, w-2, w+2, lcw, rcw, t1w…, a
//   stem, shape or suffix for st, sh, suf) gets a number, with its feature ids in one Int32Array;
// - two-part features sit in hash tables keyed by the numbers of their parts, so that no string
//   is built or compared: w-1w and ww+1 by bigram (one look-up serves two tokens), lcwd, cw and
//   cwp by word and code;
// - features over few values (cue classes, distance buckets, quotation, position, commas,
//   previous tags) become tables of summed weights indexed by their codes.
// - word classes (./clusters.ts): k and kk go with the word's own features; k-1, k+1, kk-1 and
//   kk+1 are looked up once per word form, as the ids its classes give the tokens beside it.
// What depends on one word form only is cached per form (its own features' summed weights, and
// the weights of its word's other one-value features side by side), each token's static score is
// summed once, and greedy decoding adds only the history features. The tags and margins are those
// of decode(sentenceFeatures()) (test/analysis/quotes-tagger-fast.test.ts compares them); training
// keeps the string path.
//
// The scores come out bit for bit the same although they are added in another order: a model
// file's weights are float32 values of at least 0.01 in size, so all are multiples of 2^-30, and
// a float64 sum of a few dozen of them is exact in any order. (A table trained in this process,
// of unrounded float64 weights, can differ in the last bits.)
//
// readModel() compiles a model file straight from its bytes: JSON.parse would make two strings
// per feature (name and row) where compiling needs one per distinct value, and loading the model
// is part of the first article's time.
import type { Mention, Span } from '../../types.js';
import { tokenize, type Token } from '../../text/segment.js';
import { wordClass } from './clusters.js';
import { stem } from './lexicon.js';
import { assemble, best, bucket, cueClass, K, mentionCovering, mentionKind, QUOTE_CHARS, shape, stemClass, TAGS, type ArticleContext, type TaggedAttribution, type WeightTable } from './tagger.js';

/** The number of tags, K, as a literal: K comes from a module that imports this one, so it is
 * not set yet while this module loads. The builder checks that they agree. */
const KN = 7;

/** Cue classes by code; '-' is outside the sentence. Code 0 ('.') is a word of no class. */
const CLS = ['.', 'sp', 'l6', 'l3', 'l1', 'l0', '-'] as const;
const NC = CLS.length;
const OUTSIDE = 6;
const CLS_CODE = new Map<string, number>([['', 0], ...CLS.slice(1).map((c, i) => [c, i + 1] as [string, number])]);
/** bucket() values by code, in the order they come up. (A function declaration of tagger.ts is
 * set before either module runs.) */
const BUCKETS = [...new Set(Array.from({ length: 1000 }, (_, d) => bucket(d)))];
const NB = BUCKETS.length;
const BUCKET_CODE = new Map<string, number>(BUCKETS.map((b, i) => [b, i]));
const SMALL_BUCKETS = Int8Array.from({ length: 128 }, (_, d) => BUCKET_CODE.get(bucket(d))!);
const bucketCode = (d: number): number => (d < 128 ? SMALL_BUCKETS[d]! : BUCKET_CODE.get(bucket(d))!);
/** Previous tags by code: the tags, then '<s>' before the sentence (code 7). */
const START = 7;
// Tag indices of TAGS in ./tagger.ts; each inside tag follows its begin tag.
const I_S = 2;
const I_C = 4;
const I_N = 6;

// Slots per value number: the templates whose value is one whole word (or stem, shape, suffix),
// then t1w<tag> by tag code.
const W = 0;
const ST = 1;
const SH = 2;
const SUF = 3;
const WM1 = 4;
const WP1 = 5;
const WM2 = 6;
const WP2 = 7;
const LCW = 8;
const RCW = 9;
const T1W = 10;
const SLOTS = T1W + 8;
const SLOT_TEMPLATES = ['w', 'st', 'sh', 'suf', 'w-1', 'w+1', 'w-2', 'w+2', 'lcw', 'rcw'];
/** Two-part templates, by their index in Builder.pairs. */
const PAIRS = ['w-1w', 'ww+1', 'lcwd', 'cw', 'cwp'];
const P_LCWD = 2;
const P_CW = 3;
const P_CWP = 4;

/** Feature ids of two-part features by the numbers of their parts: open addressing, linear
 * probing, (a, b, id) per slot, a = -1 for an empty slot. */
interface PairTable {
  keys: Int32Array;
  mask: number;
}

function pairHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}

/** A table of (a, b, id) triples, room for `room` more; a later triple with the same parts
 * replaces an earlier one. */
function pairTable(triples: number[], room = 0): PairTable {
  let cap = 16;
  while (cap < 2 * (triples.length / 3 + room)) cap <<= 1;
  const t = { keys: new Int32Array(cap * 3).fill(-1), mask: cap - 1 };
  for (let j = 0; j < triples.length; j += 3) pairSet(t, triples[j]!, triples[j + 1]!, triples[j + 2]!);
  return t;
}

/** The slot of (a, b): where it is, or the empty slot where it would go. */
function pairSlot(t: PairTable, a: number, b: number): number {
  const keys = t.keys;
  let s = pairHash(a, b) & t.mask;
  for (;;) {
    const p = s * 3;
    if (keys[p] === -1 || (keys[p] === a && keys[p + 1] === b)) return p;
    s = (s + 1) & t.mask;
  }
}

function pairSet(t: PairTable, a: number, b: number, id: number): void {
  const p = pairSlot(t, a, b);
  t.keys[p] = a;
  t.keys[p + 1] = b;
  t.keys[p + 2] = id;
}

/** The id of (a, b), -1 if none; a part numbered -1 (unknown) matches nothing. */
function pairGet(t: PairTable, a: number, b: number): number {
  if (a < 0 || b < 0) return -1;
  const keys = t.keys;
  let s = pairHash(a, b) & t.mask;
  for (;;) {
    const p = s * 3;
    const k = keys[p]!;
    if (k === a && keys[p + 1] === b) return keys[p + 2]!;
    if (k === -1) return -1;
    s = (s + 1) & t.mask;
  }
}

/** One word form as it appears in text. */
interface Surface {
  lower: string;
  /** The number of the lower-cased word, -1 when no feature holds it. */
  lex: number;
  /** Cue class code (0 for none). */
  cls: number;
  /** Counts as the nearest cue for lc/rc/lcw/rcw. */
  cue: boolean;
  mark: boolean;
  /** '|' in the word: its two-part features are looked up by name. */
  bar: boolean;
  /** Summed weights of w, st, sh, suf; null when the model has none. */
  own: Float64Array | null;
  /** The lower-cased word's block (see CompiledTagger.blocks). */
  blk: Weights | null;
  /** Ids of k-1, k+1, kk-1 and kk+1 with this word's classes, for the tokens after and before it
   * (-1: none). */
  kPrev: number;
  kNext: number;
  kkPrev: number;
  kkNext: number;
}

type Weights = Float32Array | Float64Array;
/** A new array of the weights' type, so that copied weights stay exact. */
const like = (w: Weights, n: number): Weights => (w instanceof Float32Array ? new Float32Array(n) : new Float64Array(n));

export interface CompiledTagger {
  weights: Weights;
  /** Numbers of the values the features hold ('<s>', '</s>' and '-' among them). */
  lex: Map<string, number>;
  /** SLOTS feature ids per value number, -1 where the model has none. */
  slots: Int32Array;
  /** Numbers of the bigrams (word, next word) that the features w-1w or ww+1 hold, and per
   * bigram the weights of ww+1 (for the first word's token) then of w-1w (for the second's):
   * one look-up serves two tokens, and the weights lie by the bigram. */
  bigrams: PairTable;
  bigramRows: Weights;
  /** lcwd by (word, bucket code); cw by (class code, next word); cwp by (previous word, class code). */
  lcwd: PairTable;
  cw: PairTable;
  cwp: PairTable;
  /** Two-part features whose value holds more than one '|', by full name. */
  odd: Map<string, number>;
  /** Every other feature, by full name. */
  small: Map<string, number>;
  // Summed weights (KN per entry) of the features over few values:
  /** b, c, c-1, c+1, cc, q, qc by ((q*7 + c-1)*7 + c)*7 + c+1. */
  cq: Float64Array;
  /** c-2, c+2 by c-2*7 + c+2. */
  c2: Float64Array;
  /** lc, rc, lrc by lc*7 + rc. */
  cue: Float64Array;
  /** lm, rm by lm*7 + rm. */
  mark: Float64Array;
  /** pos, end, cm by (pos*7 + end)*4 + cm. */
  pos: Float64Array;
  /** t1, t12 by t1*8 + t2. */
  hist: Float64Array;
  /** e, e-1, e+1 ids by mention kind, for the values 'B'+kind and 'I'+kind; filled as kinds
   * turn up. */
  ent: Map<string, [Int32Array, Int32Array]>;
  /** e, e-1, e+1 ids for the values '' (no mention), '<s>' and '</s>'. */
  noEnt: Int32Array;
  entStart: Int32Array;
  entEnd: Int32Array;
  lexStart: number;
  lexEnd: number;
  lexDash: number;
  /** Per value number, made on first use: the weights of its features from slot WM1 on, row
   * after row (zeros where it has none; null if it has none at all), so that what a token needs
   * of a word lies together rather than in rows all over the weights. */
  blocks: (Weights | null | undefined)[];
  blkStart: Weights | null;
  blkEnd: Weights | null;
  blkDash: Weights | null;
  words: Map<string, Surface>;
}

/** Word forms cached per model (as many as sentenceFeatures() caches). */
const MAX_WORDS = 50_000;

/** Collects compiled features, from names or from the bytes of a model file. */
class Builder {
  readonly lex = new Map<string, number>();
  slots = new Int32Array(SLOTS * 4096).fill(-1);
  readonly pairs: number[][] = PAIRS.map(() => []);
  readonly odd = new Map<string, number>();
  readonly small = new Map<string, number>();
  private readonly slotOf = new Map<string, number>();
  private readonly pairOf = new Map(PAIRS.map((t, i) => [t, i]));
  // The last template seen: names come sorted, so one template's names follow each other.
  private tplName = '=';
  private tplSlot: number | undefined;
  private tplPair: number | undefined;
  // Value numbers by the bytes of a value (hash, start, length, number per table slot).
  private buf: Buffer = Buffer.alloc(0);
  private bytesTable = new Int32Array(4 * 65536);
  private bytesUsed = 0;
  private lastTplStart = -1;
  private lastTplLen = 0;
  private lastAStart = -1;
  private lastALen = 0;
  private lastA = -1;

  constructor() {
    if (K !== KN) throw new Error(`tagger-fast.ts expects ${KN} tags, tagger.ts has ${K}`);
    SLOT_TEMPLATES.forEach((t, i) => this.slotOf.set(t, i));
    [...TAGS, '<s>'].forEach((t, i) => this.slotOf.set('t1w' + t, T1W + i));
  }

  /** The number of a value, new or not. */
  value(v: string): number {
    let x = this.lex.get(v);
    if (x === undefined) {
      x = this.lex.size;
      this.lex.set(v, x);
      if ((x + 1) * SLOTS > this.slots.length) {
        const more = new Int32Array(this.slots.length * 2).fill(-1);
        more.set(this.slots);
        this.slots = more;
      }
    }
    return x;
  }

  // (value() may grow this.slots: take the number before the array.)
  private setSlot(x: number, slot: number, id: number): void {
    this.slots[x * SLOTS + slot] = id;
  }

  private setTemplate(tpl: string): void {
    this.tplName = tpl;
    this.tplSlot = this.slotOf.get(tpl);
    this.tplPair = this.pairOf.get(tpl);
  }

  /** Add one feature by name. */
  name(name: string, id: number): void {
    const eq = name.indexOf('=');
    if (eq < 0) {
      this.small.set(name, id);
      return;
    }
    if (eq !== this.tplName.length || !name.startsWith(this.tplName)) {
      this.setTemplate(name.slice(0, eq));
      this.lastTplStart = -1;
    }
    if (this.tplSlot !== undefined) {
      this.setSlot(this.value(name.slice(eq + 1)), this.tplSlot, id);
      return;
    }
    const pair = this.tplPair;
    if (pair === undefined) {
      this.small.set(name, id);
      return;
    }
    const bar = name.indexOf('|', eq + 1);
    if (bar < 0) return; // the values always hold a '|': never looked up
    if (name.indexOf('|', bar + 1) >= 0) {
      this.odd.set(name, id);
      return;
    }
    const a = name.slice(eq + 1, bar);
    const b = name.slice(bar + 1);
    this.pair(pair, pair === P_CW ? CLS_CODE.get(a) : this.value(a), pair === P_LCWD ? BUCKET_CODE.get(b) : pair === P_CWP ? CLS_CODE.get(b) : this.value(b), id);
  }

  private pair(pair: number, x: number | undefined, y: number | undefined, id: number): void {
    if (x !== undefined && y !== undefined) this.pairs[pair]!.push(x, y, id);
  }

  /** Add one feature by the UTF-8 bytes buf[s, e) of its name, which holds no JSON escape. */
  bytes(buf: Buffer, s: number, e: number, id: number): void {
    this.buf = buf;
    let eq = s;
    while (eq < e && buf[eq] !== 0x3d) eq++;
    if (eq === e) {
      this.small.set(utf8(buf, s, e), id);
      return;
    }
    // The same template as the last name?
    const len = eq - s;
    let same = this.lastTplStart >= 0 && len === this.lastTplLen;
    for (let j = 0; same && j < len; j++) same = buf[s + j] === buf[this.lastTplStart + j];
    if (!same) {
      this.setTemplate(utf8(buf, s, eq));
      this.lastTplStart = s;
      this.lastTplLen = len;
      this.lastAStart = -1;
    }
    if (this.tplSlot !== undefined) {
      this.setSlot(this.valueBytes(eq + 1, e), this.tplSlot, id);
      return;
    }
    const pair = this.tplPair;
    if (pair === undefined) {
      this.small.set(utf8(buf, s, e), id);
      return;
    }
    let bar = eq + 1;
    while (bar < e && buf[bar] !== 0x7c) bar++;
    if (bar === e) return;
    let bar2 = bar + 1;
    while (bar2 < e && buf[bar2] !== 0x7c) bar2++;
    if (bar2 < e) {
      this.odd.set(utf8(buf, s, e), id);
      return;
    }
    // Sorted names repeat the first part ("w-1w=the|…", "w-1w=the|…"): compare with the last.
    let x: number | undefined;
    if (pair === P_CW) x = CLS_CODE.get(utf8(buf, eq + 1, bar));
    else {
      const len = bar - eq - 1;
      let same = this.lastAStart >= 0 && len === this.lastALen;
      for (let j = 0; same && j < len; j++) same = buf[eq + 1 + j] === buf[this.lastAStart + j];
      if (same) x = this.lastA;
      else {
        x = this.valueBytes(eq + 1, bar);
        this.lastAStart = eq + 1;
        this.lastALen = len;
        this.lastA = x;
      }
    }
    const y = pair === P_LCWD ? BUCKET_CODE.get(utf8(buf, bar + 1, e)) : pair === P_CWP ? CLS_CODE.get(utf8(buf, bar + 1, e)) : this.valueBytes(bar + 1, e);
    this.pair(pair, x, y, id);
  }

  /** value() of the string in this.buf[s, e), found by its bytes where they were seen before. */
  private valueBytes(s: number, e: number): number {
    const buf = this.buf;
    let h = 0x811c9dc5;
    for (let j = s; j < e; j++) h = Math.imul(h ^ buf[j]!, 0x01000193);
    const t = this.bytesTable;
    const mask = t.length / 4 - 1;
    const len = e - s;
    let slot = h & mask;
    for (;;) {
      const p = slot * 4;
      if (t[p + 2] === 0) break; // empty: lengths are stored plus one
      if (t[p] === h && t[p + 2] === len + 1) {
        const at = t[p + 1]!;
        let j = 0;
        while (j < len && buf[at + j] === buf[s + j]) j++;
        if (j === len) return t[p + 3]!;
      }
      slot = (slot + 1) & mask;
    }
    const x = this.value(utf8(buf, s, e));
    const p = slot * 4;
    t[p] = h;
    t[p + 1] = s;
    t[p + 2] = len + 1;
    t[p + 3] = x;
    if (++this.bytesUsed * 2 > mask) this.growBytes();
    return x;
  }

  private growBytes(): void {
    const old = this.bytesTable;
    const t = new Int32Array(old.length * 2);
    const mask = t.length / 4 - 1;
    for (let p = 0; p < old.length; p += 4) {
      if (old[p + 2] === 0) continue;
      let slot = old[p]! & mask;
      while (t[slot * 4 + 2] !== 0) slot = (slot + 1) & mask;
      t.set(old.subarray(p, p + 4), slot * 4);
    }
    this.bytesTable = t;
  }

  finish(weights: Weights): CompiledTagger {
    const w = weights;
    const get = (name: string) => this.small.get(name) ?? -1;
    // Summed weights over the given feature names, per entry.
    const sums = (count: number, names: (i: number) => string[]) => {
      const out = new Float64Array(count * KN);
      for (let i = 0; i < count; i++) for (const n of names(i)) addRow(out, i * KN, w, get(n));
      return out;
    };
    const tagsOrStart = [...TAGS, '<s>'];
    const [lcwd, cw, cwp] = this.pairs.slice(P_LCWD).map((t) => pairTable(t)) as [PairTable, PairTable, PairTable];
    // Bigrams (most are in both templates), numbered in a table whose ids are the numbers, then
    // their weights.
    const [prev, next] = this.pairs as [number[], number[]];
    const bigrams = pairTable([], (next.length + prev.length) / 3);
    const numbers = new Int32Array((next.length + prev.length) / 3);
    let count = 0;
    let j = 0;
    for (const t of [next, prev]) {
      for (let i = 0; i < t.length; i += 3) {
        const p = pairSlot(bigrams, t[i]!, t[i + 1]!);
        if (bigrams.keys[p] === -1) pairSet(bigrams, t[i]!, t[i + 1]!, count++);
        numbers[j++] = bigrams.keys[p + 2]!;
      }
    }
    const bigramRows = like(w, count * 2 * KN);
    j = 0;
    for (const [t, half] of [[next, 0], [prev, KN]] as const) {
      for (let i = 0; i < t.length; i += 3) {
        const base = numbers[j++]! * 2 * KN + half;
        const id = t[i + 2]!;
        for (let k = 0; k < KN; k++) bigramRows[base + k] = w[id * KN + k]!;
      }
    }
    this.bytesTable = new Int32Array(0);
    this.buf = Buffer.alloc(0);
    const M: CompiledTagger = {
      weights,
      lex: this.lex,
      slots: this.slots,
      bigrams,
      bigramRows,
      lcwd,
      cw,
      cwp,
      odd: this.odd,
      small: this.small,
      cq: sums(2 * NC * NC * NC, (i) => {
        const cp1 = CLS[i % NC]!;
        const c = CLS[Math.floor(i / NC) % NC]!;
        const cm1 = CLS[Math.floor(i / NC / NC) % NC]!;
        const q = String(Math.floor(i / NC / NC / NC));
        return ['b=', 'c=' + c, 'c-1=' + cm1, 'c+1=' + cp1, 'cc=' + cm1 + c + cp1, 'q=' + q, 'qc=' + q + c];
      }),
      c2: sums(NC * NC, (i) => ['c-2=' + CLS[Math.floor(i / NC)], 'c+2=' + CLS[i % NC]]),
      cue: sums(NB * NB, (i) => ['lc=' + BUCKETS[Math.floor(i / NB)], 'rc=' + BUCKETS[i % NB], 'lrc=' + BUCKETS[Math.floor(i / NB)] + '|' + BUCKETS[i % NB]]),
      mark: sums(NB * NB, (i) => ['lm=' + BUCKETS[Math.floor(i / NB)], 'rm=' + BUCKETS[i % NB]]),
      pos: sums(NB * NB * 4, (i) => ['pos=' + BUCKETS[Math.floor(i / 4 / NB)], 'end=' + BUCKETS[Math.floor(i / 4) % NB], 'cm=' + (i % 4)]),
      hist: sums(64, (i) => ['t1=' + tagsOrStart[i >> 3], 't12=' + tagsOrStart[i >> 3] + '|' + tagsOrStart[i & 7]]),
      ent: new Map(),
      noEnt: entIds(get, ''),
      entStart: entIds(get, '<s>'),
      entEnd: entIds(get, '</s>'),
      lexStart: this.lex.get('<s>') ?? -1,
      lexEnd: this.lex.get('</s>') ?? -1,
      lexDash: this.lex.get('-') ?? -1,
      blocks: new Array<Weights | null | undefined>(this.lex.size),
      blkStart: null,
      blkEnd: null,
      blkDash: null,
      words: new Map(),
    };
    M.blkStart = blockOf(M, M.lexStart);
    M.blkEnd = blockOf(M, M.lexEnd);
    M.blkDash = blockOf(M, M.lexDash);
    return M;
  }
}

const utf8 = (buf: Buffer, s: number, e: number): string => buf.toString('utf8', s, e);

/** Compile feature names (each name with its id) and their weights. */
function compileFeatures(each: (add: (name: string, id: number) => void) => void, weights: Weights): CompiledTagger {
  const b = new Builder();
  each((name, id) => b.name(name, id));
  return b.finish(weights);
}

const compiled = new WeakMap<Map<string, number>, CompiledTagger>();

/** The compiled form of a weight table, built once per table index. */
export function compileTable(table: WeightTable): CompiledTagger {
  const have = compiled.get(table.index);
  if (have && have.weights === table.weights) return have;
  const c = compileFeatures((add) => table.index.forEach((id, name) => add(name, id)), table.weights);
  compiled.set(table.index, c);
  return c;
}

/** The weights the compiled form holds for one feature name, read back the way tagging reads
 * them; null for a name it does not hold (or holds only summed with others, as the features over
 * few values). For tests: every feature of a model must come back with its own weights. */
export function compiledWeights(M: CompiledTagger, name: string): number[] | null {
  const w = M.weights;
  const rowOf = (src: Weights, base: number) => Array.from(src.subarray(base, base + KN));
  const eq = name.indexOf('=');
  const tpl = name.slice(0, eq);
  const value = name.slice(eq + 1);
  const lex = (v: string) => M.lex.get(v) ?? -1;
  const t1 = [...TAGS, '<s>'].findIndex((t) => tpl === 't1w' + t);
  const slot = SLOT_TEMPLATES.includes(tpl) ? SLOT_TEMPLATES.indexOf(tpl) : t1 >= 0 ? T1W + t1 : -1;
  if (eq > 0 && slot >= 0) {
    const x = lex(value);
    if (x < 0 || M.slots[x * SLOTS + slot]! < 0) return null;
    if (slot < WM1) return rowOf(w, M.slots[x * SLOTS + slot]! * KN);
    return rowOf(blockOf(M, x)!, (slot - WM1) * KN);
  }
  const pair = PAIRS.indexOf(tpl);
  if (eq > 0 && pair >= 0) {
    const bars = value.split('|').length - 1;
    if (bars !== 1) return M.odd.has(name) ? rowOf(w, M.odd.get(name)! * KN) : null;
    const [a, b] = value.split('|') as [string, string];
    if (pair < P_LCWD) {
      const g = pairGet(M.bigrams, lex(a), lex(b));
      return g < 0 ? null : rowOf(M.bigramRows, g * 2 * KN + (pair === 0 ? KN : 0));
    }
    const id =
      pair === P_LCWD ? pairGet(M.lcwd, lex(a), BUCKET_CODE.get(b) ?? -1) : pair === P_CW ? pairGet(M.cw, CLS_CODE.get(a) ?? -1, lex(b)) : pairGet(M.cwp, lex(a), CLS_CODE.get(b) ?? -1);
    return id < 0 ? null : rowOf(w, id * KN);
  }
  return M.small.has(name) ? rowOf(w, M.small.get(name)! * KN) : null;
}

// --- Reading a model file from its bytes ---

const isWs = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipWs(buf: Uint8Array, p: number): number {
  while (p < buf.length && isWs(buf[p]!)) p++;
  return p;
}

/** Past the string that opens at p (a '"'); -1 if it does not close. */
function skipString(buf: Buffer, p: number): number {
  for (;;) {
    const q = buf.indexOf(0x22, p + 1);
    if (q < 0) return -1;
    let bs = 0;
    while (buf[q - 1 - bs] === 0x5c) bs++;
    if (bs % 2 === 0) return q + 1;
    p = q;
  }
}

/** Past the JSON value at p; -1 if malformed as far as this scan can tell. */
function skipValue(buf: Buffer, p: number): number {
  const c = buf[p];
  if (c === 0x22) return skipString(buf, p);
  if (c === 0x7b || c === 0x5b) {
    let depth = 0;
    while (p < buf.length) {
      const x = buf[p]!;
      if (x === 0x22) {
        p = skipString(buf, p);
        if (p < 0) return -1;
        continue;
      }
      if (x === 0x7b || x === 0x5b) depth++;
      else if (x === 0x7d || x === 0x5d) {
        depth--;
        if (depth === 0) return p + 1;
      }
      p++;
    }
    return -1;
  }
  while (p < buf.length && !isWs(buf[p]!) && buf[p] !== 0x2c && buf[p] !== 0x7d && buf[p] !== 0x5d) p++;
  return p;
}

/** Calls f(start, end, escaped) for each string of the array of strings that opens at p (a '['),
 * with the bytes between its quotes; where the array ends and how many strings it holds, or
 * null if it holds anything else. */
function eachString(buf: Buffer, p: number, f: (s: number, e: number, escaped: boolean) => void): { end: number; count: number } | null {
  let count = 0;
  let backslash = buf.indexOf(0x5c, p);
  if (backslash < 0) backslash = buf.length;
  p = skipWs(buf, p + 1);
  if (buf[p] === 0x5d) return { end: p + 1, count };
  for (;;) {
    if (buf[p] !== 0x22) return null;
    const end = skipString(buf, p);
    if (end < 0) return null;
    if (backslash < p) {
      backslash = buf.indexOf(0x5c, p);
      if (backslash < 0) backslash = buf.length;
    }
    f(p + 1, end - 1, backslash < end);
    count++;
    p = skipWs(buf, end);
    if (buf[p] === 0x5d) return { end: p + 1, count };
    if (buf[p] !== 0x2c) return null;
    p = skipWs(buf, p + 1);
  }
}

/** A model file read from its bytes in one pass: its top-level fields other than features and
 * rows, its weights and its compiled features. null when the bytes are not laid out as
 * toTaggerFile() and JSON.stringify write them (one object; features, an array of strings,
 * before rows, an array of one string per feature), so the caller can take the JSON path. */
export function readModel(buf: Buffer): { header: Record<string, unknown>; weights: Float32Array; compiled: CompiledTagger } | null {
  const header: Record<string, unknown> = {};
  const b = new Builder();
  let count = -1;
  let weights: Float32Array | null = null;
  let p = skipWs(buf, 0);
  if (buf[p] !== 0x7b) return null;
  p = skipWs(buf, p + 1);
  for (;;) {
    if (buf[p] !== 0x22) return null;
    const keyEnd = skipString(buf, p);
    if (keyEnd < 0) return null;
    const key = JSON.parse(buf.toString('utf8', p, keyEnd)) as string;
    p = skipWs(buf, keyEnd);
    if (buf[p] !== 0x3a) return null;
    p = skipWs(buf, p + 1);
    let end: number;
    if (key === 'features') {
      if (count >= 0 || buf[p] !== 0x5b) return null;
      let id = 0;
      const r = eachString(buf, p, (s, e, escaped) => {
        if (escaped) b.name(JSON.parse(buf.toString('utf8', s - 1, e + 1)) as string, id++);
        else b.bytes(buf, s, e, id++);
      });
      if (!r) return null;
      count = r.count;
      end = r.end;
    } else if (key === 'rows') {
      if (count < 0 || weights || buf[p] !== 0x5b) return null;
      const w = new Float32Array(count * KN);
      let i = 0;
      const r = eachString(buf, p, (s, e, escaped) => {
        if (i < count) {
          if (escaped) readRowText(JSON.parse(buf.toString('utf8', s - 1, e + 1)) as string, w, i * KN);
          else if (!readRowBytes(buf, s, e, w, i * KN)) readRowText(buf.toString('utf8', s, e), w, i * KN);
        }
        i++;
      });
      if (!r || r.count !== count) return null;
      weights = w;
      end = r.end;
    } else {
      end = skipValue(buf, p);
      if (end < 0) return null;
      try {
        header[key] = JSON.parse(buf.toString('utf8', p, end));
      } catch {
        return null;
      }
    }
    p = skipWs(buf, end);
    if (buf[p] === 0x2c) {
      p = skipWs(buf, p + 1);
      continue;
    }
    if (buf[p] !== 0x7d || skipWs(buf, p + 1) !== buf.length) return null;
    break;
  }
  if (!weights) return null;
  return { header, weights, compiled: b.finish(weights) };
}

/** One row, "tag:weight tag:weight …", into weights[base + tag], as a plain decimal row is
 * written; false for anything else. A weight's digits are read as one integer m over 10^d:
 * exact while m stays below 2^53, and then m / 10^d is the correctly rounded value, as Number()
 * gives. */
function readRowBytes(buf: Uint8Array, p: number, e: number, weights: Float32Array, base: number): boolean {
  while (p < e) {
    let c = buf[p]!;
    let k = 0;
    const k0 = p;
    while (c >= 48 && c <= 57) {
      k = k * 10 + c - 48;
      c = buf[++p]!;
    }
    if (c !== 58 || p === k0 || p - k0 > 9) return false;
    c = buf[++p]!;
    const neg = c === 45;
    if (neg) c = buf[++p]!;
    let m = 0;
    let d = 1;
    let digits = 0;
    while (c >= 48 && c <= 57 && p < e) {
      m = m * 10 + c - 48;
      digits++;
      c = buf[++p]!;
    }
    if (!digits) return false;
    if (c === 46 && p < e) {
      c = buf[++p]!;
      const f0 = p;
      while (c >= 48 && c <= 57 && p < e) {
        m = m * 10 + c - 48;
        d *= 10;
        digits++;
        c = buf[++p]!;
      }
      if (p === f0) return false;
    }
    if (digits > 15) return false;
    if (p < e) {
      if (c !== 32 || p + 1 === e) return false;
      p++;
    }
    weights[base + k] = neg ? -(m / d) : m / d;
  }
  return true;
}

/** A row the way AttributionTagger.fromFile() reads it. */
function readRowText(row: string, weights: Float32Array, base: number): void {
  for (const part of row.split(' ')) {
    const colon = part.indexOf(':');
    weights[base + Number(part.slice(0, colon))] = Number(part.slice(colon + 1));
  }
}

// --- Tagging ---

/** Rows per block: slots WM1 … T1W+7. */
const BROWS = SLOTS - WM1;

function blockOf(M: CompiledTagger, lex: number): Weights | null {
  if (lex < 0) return null;
  let b = M.blocks[lex];
  if (b !== undefined) return b;
  b = null;
  const w = M.weights;
  for (let r = 0; r < BROWS; r++) {
    const id = M.slots[lex * SLOTS + WM1 + r]!;
    if (id < 0) continue;
    b ??= like(w, BROWS * KN);
    for (let k = 0; k < KN; k++) b[r * KN + k] = w[id * KN + k]!;
  }
  M.blocks[lex] = b;
  return b;
}

function surface(M: CompiledTagger, t: string): Surface {
  let s = M.words.get(t);
  if (s) return s;
  // A copy of the text: a token's is a slice of its article, which the cache would keep alive.
  const form = (' ' + t).slice(1);
  const lower = form.toLowerCase();
  const cls = cueClass(lower);
  const lex = M.lex.get(lower) ?? -1;
  const w = M.weights;
  const slot = (v: string | undefined, k: number) => {
    const x = v === undefined ? lex : (M.lex.get(v) ?? -1);
    return x < 0 ? -1 : M.slots[x * SLOTS + k]!;
  };
  let own: Float64Array | null = null;
  const wc = wordClass(lower);
  const small = (name: string) => M.small.get(name) ?? -1;
  const sc = stemClass(lower, cls);
  for (const id of [slot(undefined, W), slot(stem(lower), ST), slot(shape(t), SH), slot(lower.slice(-3), SUF), wc ? small('k=' + wc.fine) : -1, wc ? small('kk=' + wc.coarse) : -1, sc ? small('sc=' + sc) : -1]) {
    if (id < 0) continue;
    own ??= new Float64Array(KN);
    addRow(own, 0, w, id);
  }
  const code = CLS_CODE.get(cls);
  if (code === undefined) throw new Error(`tagger-fast.ts has no code for cue class "${cls}"`);
  s = {
    lower,
    lex,
    cls: code,
    cue: cls === 'sp' || cls === 'l6' || cls === 'l3' || lower === 'according',
    mark: QUOTE_CHARS.test(t),
    bar: lower.includes('|'),
    own,
    blk: blockOf(M, lex),
    kPrev: wc ? small('k-1=' + wc.fine) : -1,
    kNext: wc ? small('k+1=' + wc.fine) : -1,
    kkPrev: wc ? small('kk-1=' + wc.coarse) : -1,
    kkNext: wc ? small('kk+1=' + wc.coarse) : -1,
  };
  if (M.words.size >= MAX_WORDS) M.words.clear();
  M.words.set(form, s);
  return s;
}

/** e, e-1, e+1 ids of an entity value. */
function entIds(get: (name: string) => number, v: string): Int32Array {
  return Int32Array.from(['e=', 'e-1=', 'e+1='], (t) => get(t + v));
}

/** entIds() of a token's entity value: what mentionAt() in ./tagger.ts names, without the name. */
function entOf(M: CompiledTagger, ms: Mention[], t: Token): Int32Array {
  const m = ms.length ? mentionCovering(ms, t) : undefined;
  if (!m) return M.noEnt;
  const kind = mentionKind(m);
  let x = M.ent.get(kind);
  if (!x) {
    const get = (name: string) => M.small.get(name) ?? -1;
    x = [entIds(get, 'B' + kind), entIds(get, 'I' + kind)];
    M.ent.set(kind, x);
  }
  return x[m.start === t.start ? 0 : 1];
}

// Buffers reused across sentences: per token, the surfaces, the distances to the nearest cue
// and quotation mark on each side and where the nearest cues are, and the static scores.
const wordsBuf: Surface[] = [];
let leftCue = new Int32Array(128);
let rightCue = new Int32Array(128);
let leftMark = new Int32Array(128);
let rightMark = new Int32Array(128);
let leftCueAt = new Int32Array(128);
let rightCueAt = new Int32Array(128);
let stat = new Float64Array(128 * KN);
const scores = new Float64Array(KN);

function addRow(out: Float64Array, o: number, w: Weights, id: number): void {
  if (id < 0) return;
  const base = id * KN;
  for (let k = 0; k < KN; k++) out[o + k] += w[base + k]!;
}

function addAt(out: Float64Array, o: number, src: Weights, base: number): void {
  for (let k = 0; k < KN; k++) out[o + k] += src[base + k]!;
}

/** Row r of a block. */
function addBlk(out: Float64Array, o: number, blk: Weights | null, r: number): void {
  if (!blk) return;
  const base = r * KN;
  for (let k = 0; k < KN; k++) out[o + k] += blk[base + k]!;
}

function addSum(out: Float64Array, o: number, sums: Float64Array, i: number): void {
  const base = i * KN;
  for (let k = 0; k < KN; k++) out[o + k] += sums[base + k]!;
}

/** Tags and margins of one sentence: what decode(sentenceFeatures(text, sent, ctx)) returns. */
export function decodeFast(M: CompiledTagger, text: string, sent: Span, ctx: ArticleContext, decoding: Decoding = 'greedy'): Decoded {
  const ms = ctx.mentions.filter((m) => m.end > sent.start && m.start < sent.end);
  const qs = ctx.quoted.filter((q) => q.end > sent.start && q.start < sent.end);
  return decodeTokens(M, tokenize(text.slice(sent.start, sent.end), sent.start), ms, qs, decoding);
}

/** decodeFast() given the tokens and the mentions and quotations that overlap the sentence, in
 * the article's order. */
function decodeTokens(M: CompiledTagger, tokens: Token[], ms: Mention[], qs: Span[], decoding: Decoding): Decoded {
  const n = tokens.length;
  const tags = new Int32Array(n);
  const margin = new Float64Array(n);
  if (!n) return { tokens, tags, margin, score: 0 };
  const w = M.weights;
  const words = wordsBuf;
  let anyBar = false;
  for (let i = 0; i < n; i++) {
    const s = surface(M, tokens[i]!.text);
    words[i] = s;
    if (s.bar) anyBar = true;
  }
  // Nearest cue-like word and quotation mark on each side, in tokens (99: none).
  if (leftCue.length < n) {
    const size = n * 2;
    [leftCue, rightCue, leftMark, rightMark, leftCueAt, rightCueAt] = [0, 0, 0, 0, 0, 0].map(() => new Int32Array(size));
    stat = new Float64Array(size * KN);
  }
  let lc = -1;
  let lm = -1;
  for (let i = 0; i < n; i++) {
    leftCue[i] = lc < 0 ? 99 : i - lc;
    leftCueAt[i] = lc;
    leftMark[i] = lm < 0 ? 99 : i - lm;
    if (words[i]!.cue) lc = i;
    if (words[i]!.mark) lm = i;
  }
  lc = -1;
  lm = -1;
  for (let i = n - 1; i >= 0; i--) {
    rightCue[i] = lc < 0 ? 99 : lc - i;
    rightCueAt[i] = lc;
    rightMark[i] = lm < 0 ? 99 : lm - i;
    if (words[i]!.cue) lc = i;
    if (words[i]!.mark) lm = i;
  }
  const st = stat;
  st.fill(0, 0, n * KN);
  const clsAt = (i: number) => (i < 0 || i >= n ? OUTSIDE : words[i]!.cls);
  const lexAt = (i: number) => (i < 0 ? M.lexStart : i >= n ? M.lexEnd : words[i]!.lex);
  const blkAt = (i: number) => (i < 0 ? M.blkStart : i >= n ? M.blkEnd : words[i]!.blk);
  const wordAt = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : words[i]!.lower);
  const barAt = (i: number) => i >= 0 && i < n && words[i]!.bar;
  const oddPair = (tpl: string, a: string, b: string) => M.odd.get(tpl + '=' + a + '|' + b) ?? -1;
  let ent = entOf(M, ms, tokens[0]!);
  let entBefore = M.entStart;
  let commas = 0;
  let bigramBefore = pairGet(M.bigrams, M.lexStart, words[0]!.lex);
  for (let i = 0; i < n; i++) {
    const o = i * KN;
    const x = words[i]!;
    const own = x.own;
    if (own) for (let k = 0; k < KN; k++) st[o + k] += own[k]!;
    const lexM1 = lexAt(i - 1);
    const lexP1 = lexAt(i + 1);
    addBlk(st, o, blkAt(i - 1), WM1 - WM1);
    addBlk(st, o, blkAt(i + 1), WP1 - WM1);
    addBlk(st, o, blkAt(i - 2), WM2 - WM1);
    addBlk(st, o, blkAt(i + 2), WP2 - WM1);
    // w-1w from the bigram before, ww+1 from the bigram after. (Words with a '|' are in no
    // bigram: their features are looked up by name.)
    const bigramNext = pairGet(M.bigrams, x.lex, lexP1);
    if (bigramBefore >= 0) addAt(st, o, M.bigramRows, bigramBefore * 2 * KN + KN);
    if (bigramNext >= 0) addAt(st, o, M.bigramRows, bigramNext * 2 * KN);
    bigramBefore = bigramNext;
    if (anyBar && (barAt(i - 1) || x.bar)) addRow(st, o, w, oddPair('w-1w', wordAt(i - 1), x.lower));
    if (anyBar && (x.bar || barAt(i + 1))) addRow(st, o, w, oddPair('ww+1', x.lower, wordAt(i + 1)));
    const t = tokens[i]!;
    let q = 0;
    for (let j = 0; j < qs.length; j++) {
      if (t.start >= qs[j]!.start && t.end <= qs[j]!.end) {
        q = 1;
        break;
      }
    }
    const c = x.cls;
    addSum(st, o, M.cq, ((q * NC + clsAt(i - 1)) * NC + c) * NC + clsAt(i + 1));
    addSum(st, o, M.c2, clsAt(i - 2) * NC + clsAt(i + 2));
    const lb = bucketCode(leftCue[i]!);
    addSum(st, o, M.cue, lb * NB + bucketCode(rightCue[i]!));
    const lcAt = leftCueAt[i]!;
    const rcAt = rightCueAt[i]!;
    const lcLex = lcAt < 0 ? M.lexDash : words[lcAt]!.lex;
    addBlk(st, o, lcAt < 0 ? M.blkDash : words[lcAt]!.blk, LCW - WM1);
    addBlk(st, o, rcAt < 0 ? M.blkDash : words[rcAt]!.blk, RCW - WM1);
    if (lcAt >= 0 && words[lcAt]!.bar) addRow(st, o, w, oddPair('lcwd', words[lcAt]!.lower, BUCKETS[lb]!));
    else addRow(st, o, w, pairGet(M.lcwd, lcLex, lb));
    addSum(st, o, M.mark, bucketCode(leftMark[i]!) * NB + bucketCode(rightMark[i]!));
    addSum(st, o, M.pos, (bucketCode(i) * NB + bucketCode(n - 1 - i)) * 4 + (commas < 3 ? commas : 3));
    if (i > 0) {
      addRow(st, o, w, words[i - 1]!.kPrev);
      addRow(st, o, w, words[i - 1]!.kkPrev);
    }
    if (i + 1 < n) {
      addRow(st, o, w, words[i + 1]!.kNext);
      addRow(st, o, w, words[i + 1]!.kkNext);
    }
    const entAfter = i + 1 < n ? entOf(M, ms, tokens[i + 1]!) : M.entEnd;
    addRow(st, o, w, ent[0]!);
    addRow(st, o, w, entBefore[1]!);
    addRow(st, o, w, entAfter[2]!);
    entBefore = ent;
    ent = entAfter;
    if (c) {
      if (barAt(i + 1)) addRow(st, o, w, oddPair('cw', CLS[c]!, wordAt(i + 1)));
      else addRow(st, o, w, pairGet(M.cw, c, lexP1));
      if (barAt(i - 1)) addRow(st, o, w, oddPair('cwp', wordAt(i - 1), CLS[c]!));
      else addRow(st, o, w, pairGet(M.cwp, lexM1, c));
    }
    if (t.text === ',') commas++;
  }
  if (decoding === 'viterbi') return viterbi(M, words, st, n, tokens, tags, margin);
  // Greedy decoding: the static scores plus the history features, tag by tag.
  return { tokens, tags, margin, score: walkPath(M, words, st, n, tags, margin, true) };
}

/** Walks a sentence tag by tag, adding the history features to the static scores: `choose`
 * takes each token's best tag (greedy decoding), otherwise the tags given are followed. Fills in
 * each token's margin over its runner-up and returns the path's score. */
function walkPath(M: CompiledTagger, words: Surface[], st: Float64Array, n: number, tags: Int32Array, margin: Float64Array, choose: boolean): number {
  const sc = scores;
  let t1 = START;
  let t2 = START;
  let score = 0;
  for (let i = 0; i < n; i++) {
    const o = i * KN;
    for (let k = 0; k < KN; k++) sc[k] = st[o + k]!;
    addSum(sc, 0, M.hist, t1 * 8 + t2);
    addBlk(sc, 0, words[i]!.blk, T1W - WM1 + t1);
    const b = choose ? best(sc) : tags[i]!;
    let second = -Infinity;
    for (let k = 0; k < KN; k++) if (k !== b && sc[k]! > second) second = sc[k]!;
    tags[i] = b;
    margin[i] = sc[b]! - second;
    score += sc[b]!;
    t2 = t1;
    t1 = b;
  }
  return score;
}

/** Greedy decoding (tag by tag, as training saw it) or the best sequence under the same scores.
 * The sequence is what the pipeline uses: on PolNeAR dev it adds about 0.01 F1 for a few percent
 * of the analysis time. */
export type Decoding = 'greedy' | 'viterbi';

/** A sentence's tags, each token's margin over its runner-up, and the path's total score. */
export interface Decoded {
  tokens: Token[];
  tags: Int32Array;
  margin: Float64Array;
  score: number;
}

/** Exact decoding over the two previous tags (states t1*8+t2, START included): the best tag
 * sequence under the same scores greedy decoding adds up one token at a time. */
// Viterbi's buffers, grown to the longest sentence seen and reused: a fresh set per sentence was
// a large share of decoding time.
const VS = 64;
let vBack = new Int32Array(0);
const vDelta = new Float64Array(VS);
const vNext = new Float64Array(VS);
const vBase = new Float64Array(8 * KN);
const vLive = new Uint8Array(8);

function viterbi(M: CompiledTagger, words: Surface[], st: Float64Array, n: number, tokens: Token[], tags: Int32Array, margin: Float64Array): Decoded {
  const S = VS;
  let delta = vDelta.fill(-Infinity);
  let next = vNext;
  delta[START * 8 + START] = 0;
  if (vBack.length < n * S) vBack = new Int32Array(Math.max(n * S, 2 * vBack.length));
  const back = vBack;
  const sc = scores;
  // Per token, the static scores plus the t1w row of each previous tag that some live state
  // ends in; a state adds its own history sums to that.
  const base = vBase;
  const live = vLive;
  const hist = M.hist;
  for (let i = 0; i < n; i++) {
    next.fill(-Infinity);
    const o = i * KN;
    live.fill(0);
    for (let state = 0; state < S; state++) if (delta[state]! !== -Infinity) live[state >> 3] = 1;
    for (let t1 = 0; t1 < 8; t1++) {
      if (!live[t1]) continue;
      for (let k = 0; k < KN; k++) sc[k] = st[o + k]!;
      addBlk(sc, 0, words[i]!.blk, T1W - WM1 + t1);
      base.set(sc, t1 * KN);
    }
    const bi = i * S;
    for (let state = 0; state < S; state++) {
      const d = delta[state]!;
      if (d === -Infinity) continue;
      const t1 = state >> 3;
      const bo = t1 * KN;
      const ho = state * KN;
      for (let t = 0; t < KN; t++) {
        // An inside tag only continues its own span (I-S after B-S or I-S). Such paths read the
        // same spans as their B- twins, and leaving them out spares a third of the work (PolNeAR
        // dev overlap F1 within 0.001, exact cue +0.008).
        if ((t === I_S || t === I_C || t === I_N) && t1 !== t && t1 !== t - 1) continue;
        const to = t * 8 + t1;
        const v = d + base[bo + t]! + hist[ho + t]!;
        if (v > next[to]!) {
          next[to] = v;
          back[bi + to] = state;
        }
      }
    }
    const swap = delta;
    delta = next;
    next = swap;
  }
  let state = 0;
  for (let s2 = 1; s2 < S; s2++) if (delta[s2]! > delta[state]!) state = s2;
  for (let i = n - 1; i >= 0; i--) {
    tags[i] = state >> 3;
    state = back[i * S + state]!;
  }
  // Margins along the chosen path, as greedy decoding reports them.
  return { tokens, tags, margin, score: walkPath(M, words, st, n, tags, margin, false) };
}

/** For each sentence, the items that overlap it, in their own order: what filtering the items
 * sentence by sentence gives. Sentences must come in order (starts and ends not decreasing);
 * null when they do not. */
function bySentence<T extends Span>(items: T[], sentences: Span[]): T[][] | null {
  for (let j = 1; j < sentences.length; j++) if (sentences[j]!.start < sentences[j - 1]!.start || sentences[j]!.end < sentences[j - 1]!.end) return null;
  const out: T[][] = sentences.map(() => []);
  for (const x of items) {
    // The first sentence that ends after the item starts.
    let lo = 0;
    let hi = sentences.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentences[mid]!.end > x.start) hi = mid;
      else lo = mid + 1;
    }
    for (let j = lo; j < sentences.length && sentences[j]!.start < x.end; j++) out[j]!.push(x);
  }
  return out;
}

/** AttributionTagger.tag() with a compiled model. */
export function tagFast(M: CompiledTagger, text: string, sentences: Span[], ctx: ArticleContext, decoding: Decoding): TaggedAttribution[] {
  const out: TaggedAttribution[] = [];
  const ms = bySentence(ctx.mentions, sentences);
  const qs = bySentence(ctx.quoted, sentences);
  sentences.forEach((sent, j) => {
    const tokens = tokenize(text.slice(sent.start, sent.end), sent.start);
    if (!tokens.length) return;
    const sentMentions = ms ? ms[j]! : ctx.mentions.filter((m) => m.end > sent.start && m.start < sent.end);
    const sentQuoted = qs ? qs[j]! : ctx.quoted.filter((q) => q.end > sent.start && q.start < sent.end);
    const { tags, margin } = decodeTokens(M, tokens, sentMentions, sentQuoted, decoding);
    out.push(...assemble({ tokens }, tags, margin));
  });
  return out;
}
