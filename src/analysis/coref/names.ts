// Word-level views of names shared by in-article and corpus-level resolution.

const FUNCTION_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'at', 'de', 'du', 'la', 'le', 'al', '&']);

/** The words of a name without possessives and punctuation: "Varga's" → ["Varga"]. */
export function nameWords(name: string): string[] {
  return name
    .replace(/['’]s\b/g, '')
    .split(/[\s,;:()"“”]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, ''))
    .filter(Boolean);
}

/** "UN", "U.N.", "NATO", "ANDSF": two to eight capitals, dots allowed. */
export function isAcronym(s: string): boolean {
  return /^\p{Lu}(?:\.?[\p{Lu}&]){1,7}\.?$/u.test(s.trim());
}

export function plainAcronym(s: string): string {
  return s.replace(/[.\s]/g, '').toUpperCase();
}

/** Initials of the capitalised words, function words skipped: "Northern Relief Agency" → "NRA".
 * Null for one-word names. */
export function acronymOf(words: string[]): string | null {
  const caps = words.filter((w) => !FUNCTION_WORDS.has(w.toLowerCase()));
  if (caps.length < 2 || !caps.every((w) => /^\p{Lu}/u.test(w))) return null;
  return caps.map((w) => w[0]!.toUpperCase()).join('');
}
