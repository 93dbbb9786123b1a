// Token features for the entity tagger. The same code runs at training and at run time, so any
// change here needs a retrained model (FEATURE_VERSION guards against a stale model file).
import type { WordClasses } from './clusters.js';
import type { Gazetteer } from './gazetteer.js';

/** The word lists a model ships with: name lists and word classes. */
export interface Lexicons {
  gaz: Gazetteer;
  classes: WordClasses;
}

export const FEATURE_VERSION = 6;

/** "Xxxxx" → "Xxxxx" with runs longer than 4 cut, so "Washington" and "Brussels" share a shape. */
export function wordShape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of w) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (c === last) {
      run++;
      if (run > 4) continue;
    } else {
      run = 1;
      last = c;
    }
    out += c;
  }
  return out;
}

/** The shape with every run collapsed: "Xx", "X.X.", "d-x". */
export function shortShape(shape: string): string {
  let out = '';
  for (const c of shape) if (c !== out[out.length - 1]) out += c;
  return out;
}

const CAP_RE = /^\p{Lu}/u;
const LOWER_RE = /^\p{Ll}+$/u;
const UPPER_WORD_RE = /^\p{Lu}[\p{Lu}.'\-]*$/u;

/** What the rest of the document says about a word: capitalised mid-sentence, seen in lower case,
 * seen as the first or last word of a capitalised run. Lets headlines in capitals and
 * sentence-initial words borrow evidence from their other occurrences. */
export interface DocContext {
  capMid: Set<string>;
  lower: Set<string>;
  runFirst: Set<string>;
  runLast: Set<string>;
}

export function isUpperSentence(words: string[]): boolean {
  let letters = 0;
  let upper = 0;
  for (const w of words) {
    if (!/\p{L}/u.test(w)) continue;
    letters++;
    if (UPPER_WORD_RE.test(w) && w.length > 1) upper++;
  }
  return letters >= 2 && upper / letters > 0.6;
}

export function docContext(doc: string[][]): DocContext {
  const ctx: DocContext = { capMid: new Set(), lower: new Set(), runFirst: new Set(), runLast: new Set() };
  for (const words of doc) {
    if (isUpperSentence(words)) continue;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const lw = w.toLowerCase();
      if (LOWER_RE.test(w)) {
        if (i > 0) ctx.lower.add(lw);
        continue;
      }
      if (!CAP_RE.test(w)) continue;
      if (i > 0) ctx.capMid.add(lw);
      const prevCap = i > 0 && CAP_RE.test(words[i - 1]!);
      const nextCap = i + 1 < words.length && CAP_RE.test(words[i + 1]!);
      if (nextCap && !prevCap) ctx.runFirst.add(lw);
      if (prevCap && !nextCap && i > 1) ctx.runLast.add(lw);
    }
  }
  return ctx;
}

export interface SentenceFeatures {
  feats: string[][];
  lower: string[];
  short: string[];
}

/** Static (tag-independent) features of every token of one sentence. */
export function sentenceFeatures(words: string[], ctx: DocContext, lex: Lexicons): SentenceFeatures {
  const n = words.length;
  const lower = words.map((w) => w.toLowerCase());
  const shapes = words.map(wordShape);
  const short = shapes.map(shortShape);
  const capital = words.map((w) => CAP_RE.test(w));
  const gz = lex.gaz.annotate(lower, capital);
  const wc = words.map((w) => lex.classes.get(w));
  const upperSent = isUpperSentence(words);
  // Result tables and score lines ("Leeds 2 Chelsea 1") name teams, not places.
  const numeric = words.filter((w) => /^\d/.test(w)).length >= Math.max(2, n * 0.3);
  const at = (a: string[], i: number) => (i < 0 ? '<s>' : i >= n ? '</s>' : a[i]!);
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const w = lower[i]!;
    const ss = short[i]!;
    const f: string[] = [
      'b',
      'w=' + w,
      'sh=' + shapes[i],
      'ss=' + ss,
      'w-1=' + at(lower, i - 1),
      'w+1=' + at(lower, i + 1),
      'w-2=' + at(lower, i - 2),
      'w+2=' + at(lower, i + 2),
      'ss-1=' + at(short, i - 1),
      'ss+1=' + at(short, i + 1),
      'ss-2=' + at(short, i - 2),
      'ss+2=' + at(short, i + 2),
      'w-1w=' + at(lower, i - 1) + '|' + w,
      'ww+1=' + w + '|' + at(lower, i + 1),
      'sss=' + at(short, i - 1) + '|' + ss + '|' + at(short, i + 1),
      'ss-1w=' + at(short, i - 1) + '|' + w,
      'wss+1=' + w + '|' + at(short, i + 1),
    ];
    const len = w.length;
    for (let k = 1; k <= 4 && k < len; k++) {
      f.push('p' + k + '=' + w.slice(0, k));
      f.push('s' + k + '=' + w.slice(len - k));
    }
    f.push('w-1w+1=' + at(lower, i - 1) + '|' + at(lower, i + 1));
    if (i === 0) f.push('first=' + ss);
    if (numeric) f.push('num=' + ss);
    if (upperSent) f.push('ucs=' + ss, 'ucsw=' + w);
    for (const g of gz[i]!) f.push('g=' + g);
    for (const g of i > 0 ? gz[i - 1]! : []) f.push('g-1=' + g);
    for (const g of i + 1 < n ? gz[i + 1]! : []) f.push('g+1=' + g);
    const c = wc[i];
    const cp = i > 0 ? wc[i - 1] : undefined;
    const cn = i + 1 < n ? wc[i + 1] : undefined;
    f.push(
      'c1=' + (c ? c.coarse : '-'),
      'c2=' + (c ? c.fine : '-'),
      'c2-1=' + (i === 0 ? '<s>' : cp ? cp.fine : '-'),
      'c2+1=' + (i + 1 >= n ? '</s>' : cn ? cn.fine : '-'),
      'c1-1c1=' + (cp ? cp.coarse : '-') + '|' + (c ? c.coarse : '-'),
      'cap=' + (c ? c.cap : '-') + '|' + (upperSent ? 'u' : i === 0 ? 'i' : capital[i] ? 'C' : 'l'),
    );
    if (capital[i] || upperSent) {
      const tag = capital[i] && (i === 0 || upperSent) ? 'ini' : 'mid';
      if (ctx.capMid.has(w)) f.push('dc:cap:' + tag);
      if (ctx.lower.has(w)) f.push('dc:low:' + tag);
      if (ctx.runFirst.has(w)) f.push('dc:first:' + tag);
      if (ctx.runLast.has(w)) f.push('dc:last:' + tag);
    }
    out.push(f);
  }
  return { feats: out, lower, short };
}

/** Features that depend on the tags already chosen to the left. */
export function tagFeatures(out: string[], t1: string, t2: string, lowerWord: string, short: string): void {
  out.push('t1=' + t1, 't2t1=' + t2 + '|' + t1, 't1w=' + t1 + '|' + lowerWord, 't1ss=' + t1 + '|' + short);
}
