// CoNLL-2003 column files: "token POS chunk tag", IOB1 tags, blank lines between sentences and
// -DOCSTART- lines between documents.
import { CONLL_TYPES, type ConllType, type TaggedSpan } from './tagger.js';

export interface ConllDocument {
  sentences: string[][];
  /** Gold entity spans per sentence (token ranges). */
  gold: TaggedSpan[][];
  /** The original lines of each sentence, for writing predictions back as a column. */
  lines: string[][];
}

export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument | null = null;
  let words: string[] = [];
  let tags: string[] = [];
  let lines: string[] = [];
  const flush = () => {
    if (!words.length) return;
    if (!doc) docs.push((doc = { sentences: [], gold: [], lines: [] }));
    doc.sentences.push(words);
    doc.gold.push(iobSpans(tags));
    doc.lines.push(lines);
    words = [];
    tags = [];
    lines = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (!line) {
      flush();
      continue;
    }
    const cols = line.split(' ');
    if (cols[0] === '-DOCSTART-') {
      flush();
      docs.push((doc = { sentences: [], gold: [], lines: [] }));
      continue;
    }
    words.push(cols[0]!);
    tags.push(cols[cols.length - 1]!);
    lines.push(line);
  }
  flush();
  return docs.filter((d) => d.sentences.length > 0);
}

/** IOB1 or IOB2 tags → spans. A B- tag or a change of type starts a new entity. */
export function iobSpans(tags: string[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  let cur: TaggedSpan | null = null;
  tags.forEach((t, i) => {
    if (t === 'O' || t.length < 3) {
      cur = null;
      return;
    }
    const type = t.slice(2) as ConllType;
    if (!CONLL_TYPES.includes(type)) throw new Error(`unknown entity type in tag ${t}`);
    if (!cur || t[0] === 'B' || cur.type !== type) {
      cur = { start: i, end: i + 1, type };
      out.push(cur);
    } else cur.end = i + 1;
  });
  return out;
}

/** Spans → IOB1 tags (the file's own convention: B- only between two adjacent same-type names). */
export function iob1Tags(n: number, spans: TaggedSpan[]): string[] {
  const out = new Array<string>(n).fill('O');
  let prev: TaggedSpan | null = null;
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const adjacent = prev && prev.end === s.start && prev.type === s.type;
    for (let i = s.start; i < s.end; i++) out[i] = (i === s.start && adjacent ? 'B-' : 'I-') + s.type;
    prev = s;
  }
  return out;
}
