// Run-time feature ids without building feature strings. features.ts names every feature as a
// string ("w-1w=the|minister"); building and hashing ~45 fresh strings per token was most of the
// tagger's time. Here the model's feature names are split once into per-template maps keyed by
// their parts, looked up with the words' own (already hashed) strings, and what depends on one
// word only is cached per word. Emits exactly the ids, in exactly the order, that
// prepareSentence/historyIds would (test/ner/fast.test.ts compares them); training keeps the
// string path.
import { type DocContext, type Lexicons, shortShape, wordShape } from './features.js';
import { GAZ_KINDS } from './gazetteer.js';
import { K, TAGS, best, type PreparedSentence } from './tagger.js';

type M1 = Map<string, number>;
type M2 = Map<string, M1>;
type M3 = Map<string, M2>;

const UNARY = [
  'w', 'sh', 'ss', 'w-1', 'w+1', 'w-2', 'w+2', 'ss-1', 'ss+1', 'ss-2', 'ss+2', 'p1', 'p2', 'p3', 'p4', 's1', 's2', 's3', 's4',
  'first', 'num', 'ucs', 'ucsw', 'g', 'g-1', 'g+1', 'c1', 'c2', 'c2-1', 'c2+1', 't1',
] as const;
const BINARY = ['w-1w', 'ww+1', 'ss-1w', 'wss+1', 'w-1w+1', 'c1-1c1', 'cap', 't2t1', 't1w', 't1ss'] as const;
type Unary = (typeof UNARY)[number];
const UNARY_SET = new Set<string>(UNARY);
const BINARY_SET = new Set<string>(BINARY);
type Binary = (typeof BINARY)[number];

/** Per-word facts and word-only feature ids. */
interface WordInfo {
  lower: string;
  short: string;
  cap: boolean;
  upperWord: boolean;
  letter: boolean;
  digitStart: boolean;
  bar: boolean;
  coarse: string;
  fine: string;
  capBin: string;
  /** 'w', 'sh', 'ss' ids (-1 when the model lacks them). */
  head: Int32Array;
  /** p1 s1 p2 s2 … ids present in the model, in that order. */
  affix: Int32Array;
  c1: number;
  c2: number;
}

export interface CompiledIndex {
  index: Map<string, number>;
  size: number;
  u: Record<Unary, M1>;
  b: Record<Binary, M2>;
  sss: M3;
  /** Gazetteer feature ids by code kind*4+pos, per template g, g-1, g+1 (-1 absent). */
  gaz: [Int32Array, Int32Array, Int32Array];
  words: Map<string, WordInfo>;
  lex: Lexicons | null;
}

const POS = ['U', 'B', 'I', 'L'];
const CAP_RE = /^\p{Lu}/u;
const LETTER_RE = /\p{L}/u;
const UPPER_WORD_RE = /^\p{Lu}[\p{Lu}.'\-]*$/u;
const DIGIT_START = /^\d/;
const MAX_WORDS = 200_000;

const compiled = new WeakMap<Map<string, number>, CompiledIndex>();

export function compileIndex(index: Map<string, number>): CompiledIndex {
  const have = compiled.get(index);
  if (have && have.size === index.size) return have;
  const u = Object.fromEntries(UNARY.map((t) => [t, new Map()])) as Record<Unary, M1>;
  const b = Object.fromEntries(BINARY.map((t) => [t, new Map()])) as Record<Binary, M2>;
  const sss: M3 = new Map();
  for (const [name, id] of index) {
    const eq = name.indexOf('=');
    if (eq < 0) continue;
    const tpl = name.slice(0, eq);
    const val = name.slice(eq + 1);
    if (UNARY_SET.has(tpl)) {
      u[tpl as Unary].set(val, id);
      continue;
    }
    // A part holding '|' splits into too many pieces: left to the string fallback.
    const parts = val.split('|');
    if (BINARY_SET.has(tpl) && parts.length === 2) {
      const m = b[tpl as Binary];
      let inner = m.get(parts[0]!);
      if (!inner) m.set(parts[0]!, (inner = new Map()));
      inner.set(parts[1]!, id);
    } else if (tpl === 'sss' && parts.length === 3) {
      let m2 = sss.get(parts[0]!);
      if (!m2) sss.set(parts[0]!, (m2 = new Map()));
      let m1 = m2.get(parts[1]!);
      if (!m1) m2.set(parts[1]!, (m1 = new Map()));
      m1.set(parts[2]!, id);
    }
  }
  const gaz = (['g', 'g-1', 'g+1'] as const).map((t) => {
    const a = new Int32Array(GAZ_KINDS.length * 4).fill(-1);
    GAZ_KINDS.forEach((k, ki) => POS.forEach((p, pi) => (a[ki * 4 + pi] = u[t].get(k + ':' + p) ?? -1)));
    return a;
  }) as [Int32Array, Int32Array, Int32Array];
  const c: CompiledIndex = { index, size: index.size, u, b, sss, gaz, words: new Map(), lex: null };
  compiled.set(index, c);
  return c;
}

function wordInfo(C: CompiledIndex, lex: Lexicons, w: string): WordInfo {
  let info = C.words.get(w);
  if (info) return info;
  const lower = w.toLowerCase();
  const shape = wordShape(w);
  const short = shortShape(shape);
  const c = lex.classes.get(w);
  const head = new Int32Array([C.u.w.get(lower) ?? -1, C.u.sh.get(shape) ?? -1, C.u.ss.get(short) ?? -1]);
  const affix: number[] = [];
  const len = lower.length;
  for (let k = 1; k <= 4 && k < len; k++) {
    const p = C.u[`p${k}` as Unary].get(lower.slice(0, k));
    if (p !== undefined) affix.push(p);
    const s = C.u[`s${k}` as Unary].get(lower.slice(len - k));
    if (s !== undefined) affix.push(s);
  }
  const coarse = c ? String(c.coarse) : '-';
  const fine = c ? String(c.fine) : '-';
  info = {
    lower,
    short,
    cap: CAP_RE.test(w),
    upperWord: UPPER_WORD_RE.test(w) && w.length > 1,
    letter: LETTER_RE.test(w),
    digitStart: DIGIT_START.test(w),
    bar: lower.includes('|') || short.includes('|') || (c !== undefined && c.cap.includes('|')),
    coarse,
    fine,
    capBin: c ? c.cap : '-',
    head,
    affix: Int32Array.from(affix),
    c1: C.u.c1.get(coarse) ?? -1,
    c2: C.u.c2.get(fine) ?? -1,
  };
  if (C.words.size >= MAX_WORDS) C.words.clear();
  C.words.set(w, info);
  return info;
}

function bin(C: CompiledIndex, tpl: Binary, a: string, b: string): number | undefined {
  if (a.includes('|') || b.includes('|')) return C.index.get(tpl + '=' + a + '|' + b);
  return C.b[tpl].get(a)?.get(b);
}

/** A sentence without '|' in any word needs no check per look-up. */
function binaryLookups(C: CompiledIndex, anyBar: boolean): (tpl: Binary, a: string, b: string) => number | undefined {
  if (anyBar) return (tpl, a, b) => bin(C, tpl, a, b);
  const b = C.b;
  return (tpl, x, y) => b[tpl].get(x)?.get(y);
}

const buf: number[] = [];
const push = (id: number | undefined) => {
  if (id !== undefined && id >= 0) buf.push(id);
};

/** What prepareSentence(words, ctx, lex, index, false) returns. */
export function prepareFast(words: string[], ctx: DocContext, lex: Lexicons, C: CompiledIndex): PreparedSentence {
  if (C.lex !== lex) {
    C.words.clear();
    C.lex = lex;
  }
  const n = words.length;
  const infos = words.map((w) => wordInfo(C, lex, w));
  const lower = infos.map((x) => x.lower);
  const short = infos.map((x) => x.short);
  const capital = infos.map((x) => x.cap);
  const gz = lex.gaz.annotateCodes(lower, capital);
  let letters = 0;
  let upper = 0;
  let digits = 0;
  let anyBar = false;
  for (const x of infos) {
    if (x.bar) anyBar = true;
    if (x.digitStart) digits++;
    if (!x.letter) continue;
    letters++;
    if (x.upperWord) upper++;
  }
  const upperSent = letters >= 2 && upper / letters > 0.6;
  const numeric = digits >= Math.max(2, n * 0.3);
  const atL = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : lower[i]!);
  const atS = (i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : short[i]!);
  const u = C.u;
  const [g0, gm, gp] = C.gaz;
  const bConst = C.index.get('b');
  const bi = binaryLookups(C, anyBar);
  const ids: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const x = infos[i]!;
    const w = x.lower;
    const ss = x.short;
    buf.length = 0;
    push(bConst);
    push(x.head[0]);
    push(x.head[1]);
    push(x.head[2]);
    const lm1 = atL(i - 1);
    const lp1 = atL(i + 1);
    const sm1 = atS(i - 1);
    const sp1 = atS(i + 1);
    push(u['w-1'].get(lm1));
    push(u['w+1'].get(lp1));
    push(u['w-2'].get(atL(i - 2)));
    push(u['w+2'].get(atL(i + 2)));
    push(u['ss-1'].get(sm1));
    push(u['ss+1'].get(sp1));
    push(u['ss-2'].get(atS(i - 2)));
    push(u['ss+2'].get(atS(i + 2)));
    push(bi('w-1w', lm1, w));
    push(bi('ww+1', w, lp1));
    if (anyBar && (sm1.includes('|') || ss.includes('|') || sp1.includes('|'))) push(C.index.get('sss=' + sm1 + '|' + ss + '|' + sp1));
    else push(C.sss.get(sm1)?.get(ss)?.get(sp1));
    push(bi('ss-1w', sm1, w));
    push(bi('wss+1', w, sp1));
    for (let k = 0; k < x.affix.length; k++) buf.push(x.affix[k]!);
    push(bi('w-1w+1', lm1, lp1));
    if (i === 0) push(u.first.get(ss));
    if (numeric) push(u.num.get(ss));
    if (upperSent) {
      push(u.ucs.get(ss));
      push(u.ucsw.get(w));
    }
    for (const g of gz[i]!) push(g0[g]);
    if (i > 0) for (const g of gz[i - 1]!) push(gm[g]);
    if (i + 1 < n) for (const g of gz[i + 1]!) push(gp[g]);
    const cp = i > 0 ? infos[i - 1] : undefined;
    const cn = i + 1 < n ? infos[i + 1] : undefined;
    push(x.c1);
    push(x.c2);
    push(u['c2-1'].get(i === 0 ? '<s>' : cp!.fine));
    push(u['c2+1'].get(i + 1 >= n ? '</s>' : cn!.fine));
    push(bi('c1-1c1', cp ? cp.coarse : '-', x.coarse));
    push(bi('cap', x.capBin, upperSent ? 'u' : i === 0 ? 'i' : x.cap ? 'C' : 'l'));
    if (x.cap || upperSent) {
      const tag = x.cap && (i === 0 || upperSent) ? 'ini' : 'mid';
      if (ctx.capMid.has(w)) push(C.index.get('dc:cap:' + tag));
      if (ctx.lower.has(w)) push(C.index.get('dc:low:' + tag));
      if (ctx.runFirst.has(w)) push(C.index.get('dc:first:' + tag));
      if (ctx.runLast.has(w)) push(C.index.get('dc:last:' + tag));
    }
    ids.push(Int32Array.from(buf));
  }
  return { ids, lower, short };
}

// tagger.ts imports this module: its constants are read at call time, not at load.
let TAG_OR_START: string[] | null = null;
let scores: Float64Array | null = null;
const hist: number[] = [];

/** What historyIds(s, i, t1, t2, index, out) leaves in out. */
export function historyFast(C: CompiledIndex, s: PreparedSentence, i: number, t1: number, t2: number, out: number[]): void {
  TAG_OR_START ??= [...TAGS, '<s>'];
  const a = TAG_OR_START[t1 < 0 ? K : t1]!;
  const b = TAG_OR_START[t2 < 0 ? K : t2]!;
  out.length = 0;
  const f = (id: number | undefined) => {
    if (id !== undefined) out.push(id);
  };
  f(C.u.t1.get(a));
  f(bin(C, 't2t1', b, a));
  f(bin(C, 't1w', a, s.lower[i]!));
  f(bin(C, 't1ss', a, s.short[i]!));
}

/** decode() with the compiled index: the same tags. */
export function decodeFast(s: PreparedSentence, weights: Float32Array | Float64Array, C: CompiledIndex): Int32Array {
  const n = s.ids.length;
  const out = new Int32Array(n);
  const w = weights;
  scores ??= new Float64Array(K);
  let t1 = -1;
  let t2 = -1;
  for (let i = 0; i < n; i++) {
    scores.fill(0);
    const ids = s.ids[i]!;
    for (let j = 0; j < ids.length; j++) {
      const base = ids[j]! * K;
      for (let k = 0; k < K; k++) scores[k] += w[base + k]!;
    }
    historyFast(C, s, i, t1, t2, hist);
    for (let j = 0; j < hist.length; j++) {
      const base = hist[j]! * K;
      for (let k = 0; k < K; k++) scores[k] += w[base + k]!;
    }
    out[i] = best(scores, t1, i === n - 1);
    t2 = t1;
    t1 = out[i]!;
  }
  return out;
}
