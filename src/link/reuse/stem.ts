// Paraphrase-tolerant words: a rewriting journalist changes inflections ("was jailed" / "jailing"),
// writes numbers as figures or words, and keeps the stems. Hashing a light stem instead of the
// word lets alignment see through such edits. English only; deliberately crude (a suffix strip,
// not a full Porter stemmer): over-stemming costs less here than missing a match.
import { fnv1a } from './hash.js';
import type { Words } from './words.js';

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17',
  eighteen: '18', nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', hundred: '100',
  first: '1st', second: '2nd', third: '3rd',
};

/** The stem of one lower-case word. */
export function stem(w: string): string {
  if (NUMBER_WORDS[w]) return NUMBER_WORDS[w]!;
  if (/^\d/.test(w)) return w;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(?:ch|sh|x|z)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) return undouble(w.slice(0, -3));
  if (w.endsWith('ed') && w.length > 4) return undouble(w.endsWith('ied') ? w.slice(0, -3) + 'y' : w.slice(0, -2));
  if (w.endsWith('ly') && w.length > 5) return w.slice(0, -2);
  if (w.endsWith('e') && w.length > 4) return w.slice(0, -1);
  return w;
}

// "jailed" → "jail", "stopped" → "stop", "hoped" → "hop" (as "hoping" → "hop").
function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !/[aeiouls]/.test(w[n - 1]!)) return w.slice(0, -1);
  return w.endsWith('e') && n > 3 ? w.slice(0, -1) : w;
}

/** The same words with stem hashes (positions unchanged). */
export function stemWords(text: string, w: Words): Words {
  const hash = new Uint32Array(w.length);
  for (let i = 0; i < w.length; i++) hash[i] = fnv1a(stem(text.slice(w.start[i]!, w.end[i]!).toLowerCase().replace(/,/g, '')));
  return { hash, start: w.start, end: w.end, length: w.length };
}
