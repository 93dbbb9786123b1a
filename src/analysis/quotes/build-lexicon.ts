// Builds learned-cues.ts: which word forms PolNeAR's annotators mark as attribution cues, and how
// often (cue count / all occurrences in the same texts). Reads only the TRAIN split, keeps only
// counts of single lower-cased word forms (no text), and drops forms that would turn fighting news
// into quotes. Run: node --import tsx src/analysis/quotes/build-lexicon.ts [../shared/corpora/polnear/train]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenize } from '../../text/segment.js';
import { NOT_CUES, stem } from './lexicon.js';

// Words before the head of a multi-word cue ("has also said", "did not immediately respond").
const LEADING = new Set(
  ('has have had is are was were be been being will would could should may might must did does do not ' +
    'never also reportedly repeatedly later then once again publicly privately recently already just still ' +
    'previously immediately quickly further even often always first last to n’t n\'t').split(' '),
);

// Function words and punctuation that annotators mark as the cue of a construction, not a lexical cue.
const FUNCTION = /^(?:[^\p{L}]+|in|on|for|to|of|as|at|by|from|with|about|the|a|an|and|or|that|this|his|her|its|their|it|he|she|they|we|i|you|is|are|was|were|be|per|than|into|after|under|over|via|like|through|according)$/u;

const MIN_CUE = 4;
const MIN_RATIO = 0.2;
// A stem keeps its forms' pooled counts when they are cues often enough together, so that a form
// seen once or twice ("bemoans", "lamenting") still tells the tagger it is cue-like.
const MIN_STEM_RATIO = 0.1;

function cueHead(cue: string): string | null {
  const words = tokenize(cue).map((t) => t.text.toLowerCase());
  // Adverbs ("strongly opposed") and contractions ("hasn't said") lead; the verb is the head.
  for (const w of words) if (!LEADING.has(w) && !/ly$/.test(w) && !/n['’]t$/.test(w)) return w;
  return null;
}

/** "head particle" when a cue is a verb with its preposition ("referring to", "called for"). */
function cuePhrase(cue: string): string | null {
  const words = tokenize(cue).map((t) => t.text.toLowerCase()).filter((w) => !LEADING.has(w) && !/ly$/.test(w));
  return words.length === 2 && /^(?:to|for|on|about|of|with|against|at|out|up|into)$/.test(words[1]!) ? words.join(' ') : null;
}

export function buildLexicon(split: string): { counts: Map<string, { cue: number; all: number }>; phrases: Map<string, number> } {
  const phrases = new Map<string, number>();
  const annDir = join(split, 'attributions');
  const textDir = join(split, 'text');
  const counts = new Map<string, { cue: number; all: number }>();
  const seen = new Set<string>();
  for (const f of readdirSync(annDir).filter((x) => x.endsWith('.ann')).sort()) {
    const stem = f.slice(0, f.lastIndexOf('_'));
    if (seen.has(stem)) continue; // one annotator per text, as the eval scores
    seen.add(stem);
    const text = readFileSync(join(textDir, stem + '.txt'), 'utf8');
    for (const t of tokenize(text)) {
      const w = t.text.toLowerCase();
      const c = counts.get(w);
      if (c) c.all++;
      else counts.set(w, { cue: 0, all: 1 });
    }
    for (const line of readFileSync(join(annDir, f), 'utf8').split('\n')) {
      const m = /^T\d+\tCue [\d ;]+\t(.*)$/.exec(line);
      if (!m) continue;
      const ph = cuePhrase(m[1]!);
      if (ph) phrases.set(ph, (phrases.get(ph) ?? 0) + 1);
      const h = cueHead(m[1]!);
      if (!h) continue;
      const c = counts.get(h);
      if (c) c.cue++;
    }
  }
  return { counts, phrases };
}

if (process.argv[1] && basename(process.argv[1]) === 'build-lexicon.ts') {
  const here = dirname(fileURLToPath(import.meta.url));
  const split = process.argv[2] ?? join(here, '../../../../shared/corpora/polnear/train');
  if (/[\\/]dev[\\/]?$/.test(split)) throw new Error('learn from the train split only; dev is for measuring');
  const { counts, phrases } = buildLexicon(split);
  const rows = [...counts.entries()]
    .filter(([w, c]) => c.cue >= MIN_CUE && c.cue / c.all >= MIN_RATIO && !FUNCTION.test(w) && !NOT_CUES.has(w) && /^\p{Ll}[\p{Ll}’'-]*$/u.test(w))
    .sort((a, b) => a[0].localeCompare(b[0]));
  const body = rows.map(([w, c]) => `  ${JSON.stringify(w)}: [${c.cue}, ${c.all}],`).join('\n');
  const keep = new Set(rows.map(([w]) => w));
  const prows = [...phrases.entries()].filter(([p, n]) => n >= 3 && keep.has(p.split(' ')[0]!)).sort((a, b) => a[0].localeCompare(b[0]));
  const stems = new Map<string, { cue: number; all: number }>();
  for (const [w, c] of counts) {
    if (FUNCTION.test(w) || NOT_CUES.has(w) || !/^\p{Ll}[\p{Ll}’'-]*$/u.test(w)) continue;
    const st = stem(w);
    const acc = stems.get(st) ?? { cue: 0, all: 0 };
    acc.cue += c.cue;
    acc.all += c.all;
    stems.set(st, acc);
  }
  const srows = [...stems.entries()].filter(([, c]) => c.cue >= MIN_CUE && c.cue / c.all >= MIN_STEM_RATIO).sort((a, b) => a[0].localeCompare(b[0]));
  const sbody = srows.map(([w, c]) => `  ${JSON.stringify(w)}: [${c.cue}, ${c.all}],`).join('\n');
  const pbody = prows.map(([p, n]) => `  ${JSON.stringify(p)}: ${n},`).join('\n');
  const out = `// Generated by build-lexicon.ts from the PolNeAR train split; do not edit by hand.
// word form → [times annotated as the head of an attribution cue, times seen in the same texts].
export const LEARNED_CUES: Record<string, [number, number]> = {
${body}
};

/** The same counts pooled over the forms that share a rough stem (lexicon.ts's \`stem\`). */
export const LEARNED_STEMS: Record<string, [number, number]> = {
${sbody}
};

/** Cue verbs annotated together with their particle ("referring to"): phrase → count. */
export const LEARNED_PHRASES: Record<string, number> = {
${pbody}
};
`;
  writeFileSync(join(here, 'learned-cues.ts'), out);
  process.stdout.write(`${rows.length} cue forms written to learned-cues.ts\n`);
}
