// Keys under which place names are matched. Transliterations of the same name differ in
// diacritics, apostrophes (ayn/hamza marks), hyphenation, the Persian/Arabic connector written
// "-e-", "-i-" or "-ye-", "el"/"al", and doubled or alternative vowel letters; the exact key
// removes the first group of differences, the loose key also the spelling ones.
import { foldKey } from '../../text/normalize.js';

const LETTER_MAP: Record<string, string> = {
  'ł': 'l', 'ø': 'o', 'đ': 'd', 'ð': 'd', 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ı': 'i', 'ħ': 'h', 'þ': 'th', 'ŀ': 'l',
};
const LETTER_RE = /[łøđðßæœıħþŀ]/g;
// Marks that stand for ayn, hamza or okina in romanised names, and plain apostrophes.
const APOSTROPHES_RE = /['’‘ʻʼʿʾ`´′]/g;

// Interior tokens that only connect the parts of a name: "Mazar-e Sharif", "Mazar-i-Sharif".
const CONNECTORS = new Set(['e', 'i', 'y', 'ye', 'yi', 'a']);
const ABBREVIATED: Record<string, string> = { st: 'saint', ste: 'sainte', mt: 'mount', ft: 'fort', el: 'al', ul: 'al' };
// Only the Arabic article forms are folded to "al" when hyphen-attached ("ad-Dawhah"), so that
// ordinary words ("as", "at") elsewhere are untouched.
const ARTICLE_FORMS = new Set(['el', 'ul', 'as', 'ad', 'ar', 'an', 'az', 'ash', 'at']);

/** Tokens of a folded name, with connectors and abbreviations normalised. */
export function nameTokens(name: string): string[] {
  let s = foldKey(name).replace(LETTER_RE, (c) => LETTER_MAP[c] ?? c);
  // "ad-Dawhah" / "as-Sulaymaniyah": the article is bound by a hyphen.
  s = s.replace(/\b([a-z]{2,3})-(?=[a-z])/g, (m, a: string) => (ARTICLE_FORMS.has(a) ? 'al ' : m));
  s = s.replace(APOSTROPHES_RE, '');
  const raw = s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    let t = raw[i]!;
    if (i > 0 && i < raw.length - 1 && CONNECTORS.has(t)) continue;
    t = ABBREVIATED[t] ?? t;
    out.push(t);
  }
  return out;
}

/** Exact key: folded, punctuation, connectors and spaces removed ("Mazār-e Sharīf" → "mazarsharif"). */
export function placeKey(name: string): string {
  return nameTokens(name).join('');
}

/** Loose key: also folds common transliteration alternatives (ee/i, ou/u, kh/k, q/k, y/i, doubled
 * letters), for a second-chance match at lower confidence. */
export function looseKey(key: string): string {
  return key
    .replace(/ou|oo/g, 'u')
    .replace(/ee|ei|ie/g, 'i')
    .replace(/([kgdtpsz])h/g, '$1')
    .replace(/q/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/y/g, 'i')
    .replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1')
    .replace(/([aeiou])h$/g, '$1');
}

/** The name with a trailing or leading division word removed ("Kunduz Province" → "Kunduz"). */
export function stripDivisionWord(name: string, words: readonly string[]): string | null {
  const lower = name.toLowerCase();
  for (const w of words) {
    if (lower.endsWith(' ' + w)) return name.slice(0, name.length - w.length - 1).trim();
    if (lower.startsWith(w + ' of ')) return name.slice(w.length + 4).trim();
  }
  return null;
}
