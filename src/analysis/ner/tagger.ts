// Greedy left-to-right averaged-perceptron tagger over BILOU tags. Greedy decoding with the two
// previous tags as features is as accurate as Viterbi for this task in practice and several times
// faster; impossible transitions (I-ORG after B-PER, …) are masked out.
import type { WeightTable } from '../../util/weights.js';
import { docContext, sentenceFeatures, tagFeatures, type DocContext, type Lexicons } from './features.js';
import { compileIndex, decodeFast, prepareFast } from './fast.js';

export const CONLL_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type ConllType = (typeof CONLL_TYPES)[number];
export const TAGS: string[] = ['O', ...CONLL_TYPES.flatMap((t) => ['B-' + t, 'I-' + t, 'L-' + t, 'U-' + t])];
export const K = TAGS.length;
const TAG_INDEX = new Map(TAGS.map((t, i) => [t, i]));

export function tagIndex(tag: string): number {
  const i = TAG_INDEX.get(tag);
  if (i === undefined) throw new Error(`unknown tag ${tag}`);
  return i;
}

// allowed[prev * K + next]; prev = K stands for the sentence start.
const ALLOWED = (() => {
  const a = new Uint8Array((K + 1) * K);
  for (let p = 0; p <= K; p++) {
    const prev = p === K ? 'O' : TAGS[p]!;
    const open = prev[0] === 'B' || prev[0] === 'I';
    for (let n = 0; n < K; n++) {
      const next = TAGS[n]!;
      const cont = next[0] === 'I' || next[0] === 'L';
      const ok = open ? cont && next.slice(2) === prev.slice(2) : !cont;
      a[p * K + n] = ok ? 1 : 0;
    }
  }
  return a;
})();

export type { WeightTable };

/** One sentence prepared for decoding: static feature ids per token plus what tag features need. */
export interface PreparedSentence {
  ids: Int32Array[];
  lower: string[];
  short: string[];
}

export function prepareSentence(
  words: string[],
  ctx: DocContext,
  lex: Lexicons,
  index: Map<string, number>,
  addMissing = false,
): PreparedSentence {
  const sf = sentenceFeatures(words, ctx, lex);
  const ids = sf.feats.map((fs) => {
    const out: number[] = [];
    for (const f of fs) {
      let id = index.get(f);
      if (id === undefined && addMissing) index.set(f, (id = index.size));
      if (id !== undefined) out.push(id);
    }
    return Int32Array.from(out);
  });
  return { ids, lower: sf.lower, short: sf.short };
}

const scratch: string[] = [];

/** Dynamic (history) feature ids of token i given the two previous tags. */
export function historyIds(s: PreparedSentence, i: number, t1: number, t2: number, index: Map<string, number>, out: number[]): void {
  scratch.length = 0;
  tagFeatures(scratch, t1 < 0 ? '<s>' : TAGS[t1]!, t2 < 0 ? '<s>' : TAGS[t2]!, s.lower[i]!, s.short[i]!);
  out.length = 0;
  for (const f of scratch) {
    const id = index.get(f);
    if (id !== undefined) out.push(id);
  }
}

const hist: number[] = [];
const scores = new Float64Array(K);

/** Greedy decoding of one prepared sentence. Returns tag indices. */
export function decode(s: PreparedSentence, table: WeightTable): Int32Array {
  const n = s.ids.length;
  const out = new Int32Array(n);
  const w = table.weights;
  let t1 = -1;
  let t2 = -1;
  for (let i = 0; i < n; i++) {
    scores.fill(0);
    const ids = s.ids[i]!;
    for (let j = 0; j < ids.length; j++) {
      const base = ids[j]! * K;
      for (let k = 0; k < K; k++) scores[k] += w[base + k]!;
    }
    historyIds(s, i, t1, t2, table.index, hist);
    for (const id of hist) {
      const base = id * K;
      for (let k = 0; k < K; k++) scores[k] += w[base + k]!;
    }
    out[i] = best(scores, t1, i === n - 1);
    t2 = t1;
    t1 = out[i]!;
  }
  return out;
}

export function best(sc: Float64Array, prev: number, last: boolean): number {
  const row = (prev < 0 ? K : prev) * K;
  let bi = -1;
  let bv = -Infinity;
  for (let k = 0; k < K; k++) {
    if (!ALLOWED[row + k]) continue;
    if (last) {
      const c = TAGS[k]![0];
      if (c === 'B' || c === 'I') continue;
    }
    if (sc[k]! > bv) {
      bv = sc[k]!;
      bi = k;
    }
  }
  return bi;
}

export interface TaggedSpan {
  /** Token range [start, end) within the sentence. */
  start: number;
  end: number;
  type: ConllType;
}

/** BILOU tag indices → entity token spans. */
export function spansOf(tags: ArrayLike<number>): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let open = -1;
  for (let i = 0; i < tags.length; i++) {
    const t = TAGS[tags[i]!]!;
    const c = t[0];
    const type = t.slice(2) as ConllType;
    if (c === 'U') out.push({ start: i, end: i + 1, type });
    else if (c === 'B') open = i;
    else if (c === 'L' && open >= 0) {
      out.push({ start: open, end: i + 1, type });
      open = -1;
    }
  }
  return out;
}

/** Entity spans → BILOU tag indices. */
export function tagsOf(n: number, spans: TaggedSpan[]): Int32Array {
  const out = new Int32Array(n);
  for (const s of spans) {
    if (s.end - s.start === 1) out[s.start] = tagIndex('U-' + s.type);
    else {
      out[s.start] = tagIndex('B-' + s.type);
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = tagIndex('I-' + s.type);
      out[s.end - 1] = tagIndex('L-' + s.type);
    }
  }
  return out;
}

/** Tag a whole document (sentences of words): entity spans per sentence, with the document-level
 * consistency pass applied. */
export function tagDocument(doc: string[][], table: WeightTable, lex: Lexicons): TaggedSpan[][] {
  const ctx = docContext(doc);
  const C = compileIndex(table.index);
  const spans = doc.map((words) => spansOf(decodeFast(prepareFast(words, ctx, lex, C), table.weights, C)));
  return harmonise(doc, spans);
}

/** A name tagged in one place is tagged the same way elsewhere in the document: each surface
 * string gets its majority type, and untagged mid-sentence capitalised occurrences of a
 * multi-word name already tagged are filled in. */
export function harmonise(doc: string[][], spans: TaggedSpan[][], opts: { relabel?: boolean; fill?: boolean } = {}): TaggedSpan[][] {
  const relabel = opts.relabel ?? true;
  const fill = opts.fill ?? true;
  const votes = new Map<string, Map<ConllType, number>>();
  doc.forEach((words, si) => {
    for (const s of spans[si]!) {
      const key = words.slice(s.start, s.end).join(' ');
      const m = votes.get(key) ?? new Map<ConllType, number>();
      m.set(s.type, (m.get(s.type) ?? 0) + 1);
      votes.set(key, m);
    }
  });
  const majority = new Map<string, ConllType>();
  for (const [key, m] of votes) {
    let bt: ConllType | null = null;
    let bv = 0;
    let tie = false;
    for (const [t, v] of m) {
      if (v > bv) {
        bv = v;
        bt = t;
        tie = false;
      } else if (v === bv) tie = true;
    }
    if (bt && !tie) majority.set(key, bt);
  }
  return doc.map((words, si) => {
    const own = spans[si]!.map((s) => ({ ...s, type: (relabel && majority.get(words.slice(s.start, s.end).join(' '))) || s.type }));
    const covered = new Uint8Array(words.length);
    for (const s of own) covered.fill(1, s.start, s.end);
    for (const [key, type] of fill ? majority : []) {
      const parts = key.split(' ');
      if (parts.length < 2) continue;
      for (let i = 1; i + parts.length <= words.length; i++) {
        if (words[i] !== parts[0] || covered[i]) continue;
        let ok = true;
        for (let j = 1; j < parts.length && ok; j++) ok = words[i + j] === parts[j] && !covered[i + j];
        if (!ok) continue;
        if ((i + parts.length < words.length && /^\p{Lu}/u.test(words[i + parts.length]!)) || /^\p{Lu}/u.test(words[i - 1]!)) continue;
        own.push({ start: i, end: i + parts.length, type });
        covered.fill(1, i, i + parts.length);
      }
    }
    return own.sort((a, b) => a.start - b.start);
  });
}
