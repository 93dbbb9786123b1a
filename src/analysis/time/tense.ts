// Whether the clause around a time expression looks back or ahead. News reports the past by
// default ("said Wednesday"); only a nearer future marker ("will meet on Monday") turns it.

const FUTURE = /\b(?:will|won't|shall|'ll|going to|is to|are to|plans? to|planning to|planned|scheduled|expected to|set to|due to|intends? to|would|wo|next(?! to\b)|upcoming|later this|aims? to|hopes? to|prepares? to|preparing to|as soon as|tomorrow)\b/gi;
// Lower-case only: "United", "Red" are not verbs.
const PAST =
  /\b(?:[Ss]aid|says|told|was|were|had|did|has|have|took|fell|rose|won|lost|made|began|came|went|left|met|saw|gave|got|held|found|became|sought|spoke|wrote|brought|thought|ran|struck|led|fled|flew|sent|spent|kept|stood|broke|chose|drove|knew|grew|threw|shot|paid|sold|built|caught|fought|bought|felt|heard|ago|earlier|(?!(?:succeed|proceed|exceed|need|speed|feed|breed|bleed|indeed|hundred|kindred|sacred|naked|wicked)\b)[a-z]{3,}ed)\b/g;

export type Tense = 'past' | 'future';

/** Bounds of the clause holding [start, end): sentence punctuation, semicolons, line breaks. */
export function clauseAround(text: string, start: number, end: number): [number, number] {
  let a = start;
  while (a > 0 && !(isStop(text, a - 1)) && start - a < 200) a--;
  let b = end;
  while (b < text.length && !isStop(text, b) && b - end < 200) b++;
  return [a, b];
}

// Periods that end an abbreviation rather than a clause: initials ("Daniel P. Davison"), titles,
// company suffixes, abbreviated months ("will retire Feb. 1").
const ABBREVIATION = /(?:^|[^\p{L}])(?:\p{Lu}|Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|St|Inc|Corp|Co|Ltd|Jr|Sr|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|U\.S|No)$/u;

function isStop(text: string, i: number): boolean {
  const c = text[i]!;
  if (c !== '.') return /[;!?\n]/.test(c);
  return !ABBREVIATION.test(text.slice(Math.max(0, i - 6), i));
}

/** The nearest tense marker to the expression decides; past when none. */
export function tenseAt(text: string, start: number, end: number): { tense: Tense; cue: string | null } {
  const [a, b] = clauseAround(text, start, end);
  const clause = text.slice(a, b);
  let best: { dist: number; tense: Tense; cue: string } | null = null;
  for (const [re, tense] of [[FUTURE, 'future'], [PAST, 'past']] as const) {
    re.lastIndex = 0;
    for (let m = re.exec(clause); m; m = re.exec(clause)) {
      const s = a + m.index;
      const e = s + m[0].length;
      if (s >= start && e <= end) continue;
      const dist = e <= start ? start - e : s - end;
      // A marker before the expression binds more closely than one after it.
      const weighted = e <= start ? dist : dist * 1.5 + 10;
      if (!best || weighted < best.dist) best = { dist: weighted, tense, cue: m[0] };
    }
  }
  return best ? { tense: best.tense, cue: best.cue } : { tense: 'past', cue: null };
}

/** A past verb before the expression in its clause ("fell in six days"). */
export function pastVerbBefore(text: string, start: number): string | null {
  const [a] = clauseAround(text, start, start);
  const before = text.slice(a, start);
  let last: string | null = null;
  PAST.lastIndex = 0;
  for (let m = PAST.exec(before); m; m = PAST.exec(before)) last = m[0];
  FUTURE.lastIndex = 0;
  let fut: RegExpExecArray | null = null;
  for (let m = FUTURE.exec(before); m; m = FUTURE.exec(before)) fut = m;
  if (fut && last && before.lastIndexOf(fut[0]) > before.lastIndexOf(last)) return null;
  return last;
}
