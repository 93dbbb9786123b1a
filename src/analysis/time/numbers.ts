// Small cardinal numbers as news copy spells them ("three", "twenty-four", "a couple of", "18").
// Vague amounts ("several", "a few") map to null: TimeML writes them with an X.

const UNITS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, single: 1, half: 0.5, 'a half': 0.5, 'one and a half': 1.5,
  'a couple of': 2, 'a couple': 2, couple: 2, 'a dozen': 12, dozen: 12, 'a hundred': 100, 'one hundred': 100,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const VAGUE = ['several', 'a few', 'few', 'many', 'some', 'a number of', 'numerous', 'countless'];

/** Regex source matching one number as written; use numberValue() on the match. */
export const NUMBER_RE =
  '(?:\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?|(?:' +
  Object.keys(TENS).join('|') +
  ')(?:[\\s-](?:one|two|three|four|five|six|seven|eight|nine))?|one and a half|a couple of|a couple|a dozen|a hundred|one hundred|' +
  Object.keys(UNITS)
    .filter((k) => !k.includes(' '))
    .sort((a, b) => b.length - a.length)
    .join('|') +
  '|' +
  VAGUE.join('|') +
  ')';

/** Value of a number written as NUMBER_RE matches it; null for vague amounts; undefined if unknown. */
export function numberValue(s: string): number | null | undefined {
  const w = s.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^\d/.test(w)) return Number(w.replace(/,/g, ''));
  if (VAGUE.includes(w)) return null;
  if (w in UNITS) return UNITS[w];
  const m = /^(\w+)(?:[ -](\w+))?$/.exec(w);
  if (m && m[1]! in TENS) return TENS[m[1]!]! + (m[2] ? (UNITS[m[2]] ?? 0) : 0);
  return undefined;
}
