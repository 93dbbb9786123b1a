// Normalisation for matching and hashing. The stored text is never changed by it.

const QUOTE_MAP: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201A': "'", '\u201B': "'", '\u2032': "'",
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u201F': '"', '\u2033': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2013': '-', '\u2014': '-', '\u2212': '-',
};
const QUOTE_RE = /[\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2013\u2014\u2212]/g;

const ASCII = /^[\x00-\x7f]*$/;

/** NFKC, quote and dash variants folded, every run of white space (no-break included) one space. */
export function normalizeText(s: string): string {
  // NFKC changes nothing in plain ASCII, and most wire copy is plain ASCII.
  return (ASCII.test(s) ? s : s.normalize('NFKC'))
    .replace(QUOTE_RE, (c) => QUOTE_MAP[c] ?? c)
    .replace(/[\s\u00A0\u200B\uFEFF]+/g, ' ')
    .trim();
}

/** Like normalizeText, lower-cased and with diacritics removed: for keys and comparisons. */
export function foldKey(s: string): string {
  return normalizeText(s)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Same-length replacement of characters that only differ in presentation, for clean text:
 * offsets stay valid because every replaced character is one UTF-16 unit. */
export function normalizeSameLength(s: string): string {
  return s.replace(/[\u00A0\u2007\u202F\u2009\u200A\t]/g, ' ');
}

/** For display: white space folded (no-break spaces included), characters otherwise kept. */
export function tidy(s: string): string {
  return s.replace(/[\s\u00A0\u200B\uFEFF]+/g, ' ').trim();
}
