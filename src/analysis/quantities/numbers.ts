// Number words: cardinals, ordinals, fractions and vague magnitudes ("hundreds"), as reporters
// write them. Digits are parsed by the extractor; this module only knows the English words.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, trillion: 1e12,
};

export const ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
  fortieth: 40, fiftieth: 50, hundredth: 100,
};

/** Denominators of spoken fractions ("a third", "two-thirds", "three quarters"). */
export const FRACTION_DENOMINATORS: Record<string, number> = {
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4,
  fifth: 5, fifths: 5, sixth: 6, sixths: 6, tenth: 10, tenths: 10,
};

/** Plural magnitudes that only say "several of this size": a lower bound, so approximate. The
 * value is the smallest plural reading (two hundred for "hundreds"). */
export const VAGUE_MAGNITUDES: Record<string, number> = {
  dozens: 24, scores: 40, hundreds: 200, thousands: 2_000, millions: 2_000_000,
  billions: 2_000_000_000, tens: 20,
};

export const NUMBER_WORD_RE_SOURCE =
  '(?:' +
  [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES), 'dozen', 'and', 'a'].join('|') +
  ')';

export function isNumberWord(w: string): boolean {
  const k = w.toLowerCase();
  return k in UNITS || k in TENS || k in SCALES || k === 'dozen' || /^[a-z]+-[a-z]+$/.test(k) && k.split('-').every((p) => p in UNITS || p in TENS);
}

/** Value of a run of number words ("two hundred and twelve", "twenty-five", "two dozen",
 * "a dozen"), or null when the words are not a number. */
export function parseNumberWords(words: string[]): number | null {
  const parts = words.flatMap((w) => w.toLowerCase().split('-')).filter((w) => w !== 'and');
  if (parts.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p === 'a' && i === 0 && parts.length > 1) {
      current = 1;
      continue;
    }
    if (p in UNITS) current += UNITS[p]!;
    else if (p in TENS) current += TENS[p]!;
    else if (p === 'dozen') current = (current || 1) * 12;
    else if (p in SCALES) {
      const s = SCALES[p]!;
      if (s === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * s;
        current = 0;
      }
    } else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

/** "1,234" → 1234, "3.5" → 3.5, null for things that are not plain numbers ("9/11"). */
export function parseDigits(s: string): number | null {
  if (!/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(s)) return null;
  return Number(s.replace(/,/g, ''));
}

/** Scale words written after digits: "2 million", "1.5 billion". */
export function scaleOf(word: string | undefined): number | null {
  if (!word) return null;
  const k = word.toLowerCase();
  if (k === 'dozen') return 12;
  return k in SCALES ? SCALES[k]! : null;
}
