// Quotation-mark spans: curly or straight, double or single, including quotations that run over
// several paragraphs (news style leaves the closing mark off a paragraph whose quotation goes on,
// and opens the next paragraph with a fresh mark).
import type { Span } from '../../types.js';

export interface Marked extends Span {
  /** The quoted text without the marks. */
  innerStart: number;
  innerEnd: number;
  double: boolean;
  /** No closing mark was found; the quotation was closed at the end of its paragraph. */
  unclosed: boolean;
  /** Spans several paragraphs. */
  multiParagraph: boolean;
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Can the straight or ambiguous mark at i open a quotation? */
function opensAt(text: string, i: number, pStart: number): boolean {
  const prev = i > pStart ? text[i - 1] : undefined;
  const next = text[i + 1];
  if (isSpace(next)) return false;
  return prev === undefined || isSpace(prev) || /[(\[{—–\-:;,/“‘"']/.test(prev);
}

function closesAt(text: string, i: number, pEnd: number): boolean {
  const prev = text[i - 1];
  const next = i + 1 < pEnd ? text[i + 1] : undefined;
  if (isSpace(prev)) return false;
  return next === undefined || isSpace(next) || /[.,;:!?)\]}—–\-”’"']/.test(next);
}

/** Double-quoted spans of one paragraph: [openIndex, closeIndex | -1, openWidth, closeWidth].
 * Some copy (typeset for old wire systems) writes a double mark as two apostrophes: ''…''. */
function doublesIn(text: string, p: Span): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  let open = -1;
  let openWidth = 1;
  const start = (i: number, w: number) => {
    open = i;
    openWidth = w;
  };
  const close = (i: number, w: number) => {
    out.push([open, i, openWidth, w]);
    open = -1;
  };
  for (let i = p.start; i < p.end; i++) {
    const c = text[i];
    if (c === '“' || c === '„' || c === '«') {
      if (open < 0) start(i, 1);
      else if (c === '“' && closesAt(text, i, p.end) && !opensAt(text, i, p.start)) {
        // Some copy closes with a left mark by mistake.
        close(i, 1);
      } else start(i, 1); // a stray earlier opener: start again here
    } else if (c === '”' || c === '»') {
      if (open >= 0) close(i, 1);
      // A right mark opening a paragraph closes nothing: some copy opens quotations with it.
      else if (i === p.start && !isSpace(text[i + 1])) start(i, 1);
    } else if (c === '"' || (c === "'" && text[i + 1] === "'" && i + 1 < p.end)) {
      const w = c === '"' ? 1 : 2;
      const at = i + w - 1; // the mark's last character, for the checks on what follows it
      if (open < 0) {
        if (opensAt(text, at, p.start) && (w === 1 || !isWordChar(text[i - 1]))) start(i, w);
      } else if (closesAt(text, i, p.end) || !opensAt(text, at, p.start)) close(i, w);
      i += w - 1;
    }
  }
  if (open >= 0) out.push([open, -1, openWidth, 0]);
  return out;
}

// Elisions that begin with an apostrophe, not a quotation: 'em, 'til, '90s, 'n', 'tis.
const ELISION = /^(?:em|til|tis|twas|n|cause|bout|round|kay|\d0s|\d\d)\b/i;

/** Single-quoted spans of one paragraph outside the given double-quoted ranges. */
function singlesIn(text: string, p: Span, inside: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  for (let i = p.start; i < p.end; i++) {
    const c = text[i];
    if ((c !== '‘' && c !== "'") || inside(i)) continue;
    if (!opensAt(text, i, p.start) || ELISION.test(text.slice(i + 1, i + 6))) continue;
    if (c === "'" && isWordChar(text[i - 1])) continue;
    // The closing mark: a ’ or ' not followed by a letter (so not "don’t").
    let close = -1;
    for (let j = i + 2; j < p.end && j - i < 400; j++) {
      const d = text[j];
      if ((d === '’' || d === "'") && !inside(j) && !isWordChar(text[j + 1]) && closesAt(text, j, p.end)) {
        // "the students’ union": a plural possessive, keep looking only if a later mark closes better.
        if (text[j - 1] === 's' && /^\s+\p{Ll}/u.test(text.slice(j + 1, j + 3)) && hasLaterClose(text, j + 1, p.end)) continue;
        close = j;
        break;
      }
      if (d === '‘' && !inside(j)) break;
    }
    if (close < 0) continue;
    out.push([i, close]);
    i = close;
  }
  return out;
}

function hasLaterClose(text: string, from: number, end: number): boolean {
  for (let j = from; j < end && j - from < 300; j++) {
    const d = text[j];
    if ((d === '’' || d === "'") && !isWordChar(text[j + 1]) && closesAt(text, j, end)) return true;
  }
  return false;
}

/** All quotation spans in `text`, in order, not nested (a quotation inside a quotation is part of
 * the outer one). */
export function findQuotationMarks(text: string, paragraphs: Span[]): Marked[] {
  const out: Marked[] = [];
  let carry: Marked | null = null; // a quotation still open at the end of the previous paragraph
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi]!;
    const doubles = doublesIn(text, p);
    // A paragraph that opens with a mark continues the previous paragraph's open quotation.
    if (carry) {
      const first = doubles[0];
      if (first && first[0] === p.start) {
        if (first[1] >= 0) {
          carry.end = first[1] + first[3];
          carry.innerEnd = first[1];
          carry.unclosed = false;
          carry.multiParagraph = true;
          out.push(carry);
          carry = null;
          doubles.shift();
        } else {
          carry.end = p.end;
          carry.innerEnd = p.end;
          carry.multiParagraph = true;
          doubles.shift();
          continue;
        }
      } else {
        out.push(carry);
        carry = null;
      }
    }
    const ranges: Marked[] = [];
    for (const [o, c, ow, cw] of doubles) {
      if (c >= 0) {
        ranges.push({ start: o, end: c + cw, innerStart: o + ow, innerEnd: c, double: true, unclosed: false, multiParagraph: false });
      } else {
        const m: Marked = { start: o, end: p.end, innerStart: o + ow, innerEnd: p.end, double: true, unclosed: true, multiParagraph: false };
        // Only a quotation that opens its paragraph may run on into the next one.
        const next = paragraphs[pi + 1];
        if (o === p.start && next && /^(?:["“„«]|'')/.test(text.slice(next.start, next.start + 2))) carry = m;
        else if (o === p.start || p.end - o < 600) ranges.push(m);
      }
    }
    const inside = (i: number) => ranges.some((r) => i >= r.start && i < r.end) || (carry !== null && i >= carry.start);
    for (const [o, c] of singlesIn(text, p, inside)) {
      ranges.push({ start: o, end: c + 1, innerStart: o + 1, innerEnd: c, double: false, unclosed: false, multiParagraph: false });
    }
    ranges.sort((a, b) => a.start - b.start);
    out.push(...ranges);
  }
  if (carry) out.push(carry);
  // Trim white space inside the marks so inner spans hold the words only.
  for (const m of out) {
    while (m.innerStart < m.innerEnd && /\s/.test(text[m.innerStart]!)) m.innerStart++;
    while (m.innerEnd > m.innerStart && /\s/.test(text[m.innerEnd - 1]!)) m.innerEnd--;
  }
  return out.filter((m) => m.innerEnd > m.innerStart).sort((a, b) => a.start - b.start);
}
