// Titles and roles around person names: "U.S. Army Gen. X", "Secretary of State X",
// "X, chairman of the Joint Chiefs of Staff, …", "the head of the mission, X, …". Titles never
// stay inside the name span; they become the mention's roles.
import type { Token } from '../../text/segment.js';
import type { Span } from '../../types.js';
import { NAME_TITLES, RANKS, ROLE_MODIFIERS, ROLE_NOUNS } from './lexicon.js';

const bare = (w: string) => w.toLowerCase().replace(/\.$/, '').replace(/[’]/g, "'");
const CAP = /^\p{Lu}/u;

export function isTitle(w: string): boolean {
  return NAME_TITLES.has(bare(w)) || RANKS.has(bare(w));
}
export function isRoleNoun(w: string): boolean {
  const b = bare(w);
  return ROLE_NOUNS.has(b) || NAME_TITLES.has(b) || /(?:man|woman|person)$/.test(b) && /spokes|chair|congress/.test(b);
}
function isRoleWord(w: string): boolean {
  return isRoleNoun(w) || ROLE_MODIFIERS.has(bare(w));
}

const LINKS = new Set(['of', 'for', 'at', 'in', 'to', 'on']);
const DETS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);
const STOP_PUNCT = /^[,;:()"“”‘’'«»\[\]—–-]$/u;

export interface RoleFound extends Span {
  text: string;
}

function text(src: string, toks: Token[], a: number, b: number): RoleFound {
  return { start: toks[a]!.start, end: toks[b - 1]!.end, text: src.slice(toks[a]!.start, toks[b - 1]!.end) };
}

/** Leading title tokens inside a name span ("President Joe Biden" tagged whole): how many. */
export function leadingTitles(toks: Token[], a: number, b: number): number {
  let k = a;
  while (k < b - 1 && isTitle(toks[k]!.text)) k++;
  return k - a;
}

/** Roles written directly before the name: a run of titles, role words and capitalised words,
 * ending in a title or role noun. Splits "Chairman of the … Staff General" into two roles. */
function rolesBefore(src: string, toks: Token[], a: number): RoleFound[] {
  const postOf = a >= 3 && CAP.test(toks[a - 1]!.text) && toks[a - 2]!.text === 'of' && isRoleNoun(toks[a - 3]!.text);
  if (a === 0 || !(isRoleNoun(toks[a - 1]!.text) || postOf)) return [];
  let s = a - 1;
  while (s > 0) {
    const w = toks[s - 1]!.text;
    const lw = w.toLowerCase();
    if (isRoleWord(w) || CAP.test(w) || lw === "'s" || lw === '’s') s--;
    else if ((lw === 'of' || lw === 'the') && s - 2 >= 0 && s < a) s--;
    else break;
  }
  // Do not start on a link word or article.
  while (s < a - 1 && (LINKS.has(toks[s]!.text.toLowerCase()) || DETS.has(toks[s]!.text.toLowerCase()) || /^['’]s$/i.test(toks[s]!.text))) s++;
  let tail = a;
  while (tail - 1 > s && isTitle(toks[tail - 1]!.text) && !LINKS.has(toks[tail - 2]!.text.toLowerCase())) tail--;
  if (tail === a || !toks.slice(s, tail).some((t) => t.text.toLowerCase() === 'of')) {
    // "U.S. Army Gen." stays one role; a lone run of titles is one role too.
    return [text(src, toks, s, a)];
  }
  return [text(src, toks, s, tail), text(src, toks, tail, a)];
}

/** Extent of a role phrase starting at i (after an optional article): modifiers and
 * capitalised words, a role noun, then an optional "of/for/at …" tail up to a comma. */
function rolePhraseAt(toks: Token[], i: number, limit: number): number {
  let j = i;
  if (j < limit && DETS.has(toks[j]!.text.toLowerCase())) j++;
  let noun = -1;
  for (let k = j; k < limit && k < j + 5; k++) {
    const w = toks[k]!.text;
    if (isRoleNoun(w)) noun = k;
    else if (!(ROLE_MODIFIERS.has(bare(w)) || CAP.test(w) || /^['’]s$/i.test(w))) break;
  }
  if (noun < 0) return -1;
  let end = noun + 1;
  while (end < limit && isRoleNoun(toks[end]!.text)) end++;
  if (end < limit && LINKS.has(toks[end]!.text.toLowerCase())) {
    let k = end + 1;
    while (k < limit && k < end + 12 && !STOP_PUNCT.test(toks[k]!.text) && toks[k]!.text !== '.') k++;
    if (k > end + 1 && (k >= limit || STOP_PUNCT.test(toks[k]!.text) || toks[k]!.text === '.')) end = k;
  }
  return end;
}

/** "X, the head of the mission, …" */
function rolesAfter(src: string, toks: Token[], b: number): RoleFound[] {
  if (b >= toks.length - 1 || toks[b]!.text !== ',') return [];
  const end = rolePhraseAt(toks, b + 1, toks.length);
  if (end < 0) return [];
  const next = toks[end]?.text;
  if (next !== undefined && next !== ',' && next !== '.' && !STOP_PUNCT.test(next)) return [];
  let s = b + 1;
  if (DETS.has(toks[s]!.text.toLowerCase())) s++;
  return [text(src, toks, s, end)];
}

/** "the head of the mission, X" and "A Pentagon spokesman, X": a role phrase just before a comma. */
function rolesBeforeComma(src: string, toks: Token[], a: number): RoleFound[] {
  if (a < 2 || toks[a - 1]!.text !== ',') return [];
  for (let s = Math.max(0, a - 14); s < a - 1; s++) {
    if (s > 0 && !(STOP_PUNCT.test(toks[s - 1]!.text) || DETS.has(toks[s]!.text.toLowerCase()) || /^(said|says|told|by|with|and|added)$/i.test(toks[s - 1]!.text))) continue;
    const end = rolePhraseAt(toks, s, a - 1);
    if (end === a - 1) {
      const start = DETS.has(toks[s]!.text.toLowerCase()) ? s + 1 : s;
      return start < end ? [text(src, toks, start, end)] : [];
    }
  }
  return [];
}

export function findRoles(src: string, toks: Token[], a: number, b: number): RoleFound[] {
  const before = rolesBefore(src, toks, a);
  return [...(before.length ? before : rolesBeforeComma(src, toks, a)), ...rolesAfter(src, toks, b)];
}
