// Where a text is quotation: spans between quotation marks, found directly in the text so that
// reuse classification does not depend on the quotes layer (whose spans may be passed in too).
import type { Span } from '../../types.js';

const OPEN_CLOSE: Record<string, string> = { '“': '”', '„': '”', '«': '»', '‹': '›', '‘': '’', '‚': '’' };

/** Quotation spans, inner text plus the marks. A quote still open at the end of its paragraph
 * ends there (news style reopens it in the next paragraph). */
export function quotationSpans(text: string): Span[] {
  const out: Span[] = [];
  let open: { at: number; close: string } | null = null;
  // Jump from one mark (or line break) to the next: most characters are neither.
  const MARKS = /["“”„«»‹›‘’‚'`\n]/g;
  for (let m = MARKS.exec(text); m; m = MARKS.exec(text)) {
    let i = m.index;
    const ch = text[i]!;
    if (ch === '\n') {
      if (open) out.push({ start: open.at, end: i });
      open = null;
      continue;
    }
    if (open) {
      if (ch === open.close || (open.close === '"' && ch === '”') || (open.close === '”' && ch === '"')) {
        if (isSingle(ch) && !singleCloses(text, i)) continue;
        out.push({ start: open.at, end: i + 1 });
        open = null;
      } else if (open.close === "''" && ch === "'" && text[i + 1] === "'") {
        out.push({ start: open.at, end: i + 2 });
        open = null;
        MARKS.lastIndex = ++i + 1;
      }
      continue;
    }
    if (ch === '"') open = { at: i, close: '"' };
    else if (ch === '`' && text[i + 1] === '`') {
      open = { at: i, close: "''" };
      MARKS.lastIndex = ++i + 1;
    } else if (OPEN_CLOSE[ch] && (!isSingle(ch) || singleOpens(text, i))) open = { at: i, close: OPEN_CLOSE[ch]! };
    else if (ch === "'" && singleOpens(text, i)) open = { at: i, close: "'" };
  }
  if (open) out.push({ start: open.at, end: text.length });
  return out;
}

const isSingle = (ch: string) => ch === '‘' || ch === '’' || ch === "'" || ch === '‚';
// A single mark opens a quote after space or an opening bracket and before a letter: apostrophes
// inside words ("Taliban's") and elisions ("'90s") do not.
function singleOpens(text: string, i: number): boolean {
  const before = i === 0 ? ' ' : text[i - 1]!;
  return /[\s(\[—–-]/.test(before) && /\p{L}/u.test(text[i + 1] ?? '');
}
function singleCloses(text: string, i: number): boolean {
  return !/[\p{L}\p{N}]/u.test(text[i + 1] ?? ' ');
}

/** Merge spans into sorted, non-overlapping form. */
export function mergeSpans(spans: Span[]): Span[] {
  const s = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else out.push({ ...x });
  }
  return out;
}
