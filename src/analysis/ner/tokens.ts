// The runtime tokenizer (src/text/segment.ts) and CoNLL differ in a few conventions; the tagger
// was trained on CoNLL, so tokens are adjusted to its conventions before tagging:
// "Gen" "." → "Gen.", "U." "S" "." → "U.S.", "Varga's" → "Varga" "'s", "can't" → "ca" "n't".
import { tokenize, type Token } from '../../text/segment.js';
import type { Span } from '../../types.js';
import { NAME_TITLES } from './lexicon.js';

const ABBREV = new Set([
  ...NAME_TITLES,
  ...'inc corp co ltd jr sr st mt ft no vs jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '),
]);

export function nerTokens(text: string, sentence: Span): Token[] {
  const raw = tokenize(text.slice(sentence.start, sentence.end), sentence.start);
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    // Dotted initials split by the tokenizer: "U." "S" "." (and longer runs).
    if (/^\p{L}\.$/u.test(t.text)) {
      let j = i;
      let end = t.end;
      while (j + 2 < raw.length && raw[j + 1]!.start === end && /^\p{L}$/u.test(raw[j + 1]!.text) && raw[j + 2]!.text === '.' && raw[j + 2]!.start === raw[j + 1]!.end) {
        end = raw[j + 2]!.end;
        j += 2;
      }
      if (j > i) {
        out.push({ text: text.slice(t.start, end), start: t.start, end });
        i = j;
        continue;
      }
    }
    const next = raw[i + 1];
    if (next && next.text === '.' && next.start === t.end && (ABBREV.has(t.text.toLowerCase()) || /^\p{Lu}$/u.test(t.text))) {
      out.push({ text: t.text + '.', start: t.start, end: next.end });
      i++;
      continue;
    }
    const poss = /^(.+?)(['’][sS]|[nN]['’][tT])$/u.exec(t.text);
    if (poss && /\p{L}/u.test(poss[1]!)) {
      const cut = t.start + poss[1]!.length;
      out.push({ text: poss[1]!, start: t.start, end: cut });
      out.push({ text: poss[2]!, start: cut, end: t.end });
      continue;
    }
    out.push(t);
  }
  return out;
}

/** The word the tagger sees: typographic quotes folded to the ASCII ones CoNLL uses. */
export function taggerWord(t: string): string {
  return t.replace(/[’‘]/g, "'").replace(/[“”«»]/g, '"').replace(/[–—]/g, '-');
}
