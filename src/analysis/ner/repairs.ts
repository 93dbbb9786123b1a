// Span repairs after tagging, for news copy the CoNLL-trained tagger gets wrong in the same ways:
// organisation names ending in a head noun split into pieces ("Coastal" MISC + "Forces" PER), a
// name glossed with its acronym in the middle ("Northern Relief (NR) Supply Mission"), a person's
// last name left outside after an honorific, and web furniture (URL slugs, breadcrumbs) read as names.
import type { Token } from '../../text/segment.js';
import { acronymOf, isAcronym, plainAcronym } from '../coref/names.js';
import type { WordClasses } from './clusters.js';
import { isUpperSentence } from './features.js';
import type { Gazetteer } from './gazetteer.js';
import { CALENDAR, DEMONYMS, ORG_SUFFIXES } from './lexicon.js';
import { isTitle } from './roles.js';
import type { TaggedSpan } from './tagger.js';

/** Head nouns that end an organisation's name ("… Special Forces", "… Security Council"). */
export const ORG_RUN_HEADS = new Set(
  'forces force council mission command group committee commission agency ministry department army navy corps brigade battalion regiment party front movement alliance coalition federation association institute foundation authority bureau directorate'.split(
    ' ',
  ),
);
/** Heads whose names go on with "in <place>" ("… Support Mission in Narvia"). */
const PLACE_TAIL_HEADS = new Set(['mission', 'command', 'office', 'programme', 'program']);

const TITLE_CASE = /^\p{Lu}[\p{Ll}'’\-]*\p{Ll}[\p{Ll}'’\-]*$|^\p{Lu}$/u;
const CAPITALISED = /^\p{Lu}/u;
const bare = (w: string) => w.toLowerCase().replace(/\.$/, '');

export interface RepairContext {
  classes: WordClasses;
  gaz: Gazetteer;
}

export function repairSpans(ts: Token[], spans: TaggedSpan[], ctx: RepairContext): TaggedSpan[] {
  const words = ts.map((t) => t.text);
  let out = spans.filter((s) => !isFurniture(words, s));
  if (isUpperSentence(words)) return out;
  out = joinAcronymGloss(words, out);
  out = joinOrgRuns(words, out, ctx);
  out = extendPersonNames(words, out, ctx);
  return out.sort((a, b) => a.start - b.start);
}

/** "US-envoy-heads-to-…" slugs and "News / World / Asia" breadcrumbs. */
function isFurniture(words: string[], s: TaggedSpan): boolean {
  const part = words.slice(s.start, s.end);
  return part.some((w) => (w.match(/-/g)?.length ?? 0) >= 3 && /\p{Ll}/u.test(w)) || part.filter((w) => w === '/' || w === '|').length >= 1;
}

function spanAt(spans: TaggedSpan[], i: number): TaggedSpan | undefined {
  return spans.find((s) => s.start <= i && i < s.end);
}

/** Replace every span inside [a, b) by one span; spans crossing the edges make it a no-op. */
function replaceRange(spans: TaggedSpan[], a: number, b: number, type: TaggedSpan['type']): TaggedSpan[] {
  if (spans.some((s) => s.start < b && a < s.end && (s.start < a || s.end > b))) return spans;
  return [...spans.filter((s) => s.end <= a || s.start >= b), { start: a, end: b, type }];
}

/** "Northern Relief (NR) Supply Mission in Narvia": when the bracketed acronym stands for the name
 * before it and capitalised words ending in an organisation head follow, it is one name. */
function joinAcronymGloss(words: string[], spans: TaggedSpan[]): TaggedSpan[] {
  let out = spans;
  for (const s of spans) {
    if (s.type === 'PER') continue;
    const b = s.end;
    if (words[b] !== '(' || words[b + 2] !== ')' || !isAcronym(words[b + 1] ?? '')) continue;
    if (acronymOf(words.slice(s.start, b)) !== plainAcronym(words[b + 1]!)) continue;
    let e = b + 3;
    if (e >= words.length || isTitle(words[e]!)) continue;
    while (e < words.length && CAPITALISED.test(words[e]!) && !isTitle(words[e]!)) e++;
    if (e === b + 3) continue;
    const head = bare(words[e - 1]!);
    const after = spanAt(out, b + 3);
    if (!(ORG_SUFFIXES.has(head) || ORG_RUN_HEADS.has(head) || (after?.type === 'ORG' && after.end === e))) continue;
    // "… Mission in Narvia": a one-word place completes the name.
    if (PLACE_TAIL_HEADS.has(head) && /^(?:in|for)$/.test(words[e] ?? '')) {
      const place = spanAt(out, e + 1);
      if (place && place.type === 'LOC' && place.start === e + 1 && !CAPITALISED.test(words[place.end] ?? '')) e = place.end;
    }
    out = replaceRange(out, s.start, e, 'ORG');
  }
  return out;
}

/** A capitalised run ending in an organisation head noun is one organisation, whatever pieces the
 * tagger made of it; a nationality or place before it belongs to the name. */
function joinOrgRuns(words: string[], spans: TaggedSpan[], ctx: RepairContext): TaggedSpan[] {
  let out = spans;
  const n = words.length;
  for (let h = 1; h < n; h++) {
    if (!ORG_RUN_HEADS.has(bare(words[h]!)) || !TITLE_CASE.test(words[h]!)) continue;
    // The head must end the capitalised run ("Forces Command" is judged at "Command").
    if (h + 1 < n && CAPITALISED.test(words[h + 1]!)) continue;
    let a = h;
    while (a > 0) {
      const w = words[a - 1]!;
      if (!CAPITALISED.test(w) || isTitle(w) || CALENDAR.has(bare(w))) break;
      const sp = spanAt(out, a - 1);
      if (sp?.type === 'PER') break;
      // A sentence-initial word usually written in lower case ("The", "New") is not part of it.
      if (a - 1 === 0 && !sp) {
        const c = ctx.classes.get(w);
        if (c && (c.cap === 'a' || c.cap === 'b')) break;
      }
      a--;
    }
    if (h - a < 1) continue;
    const cur = spanAt(out, h);
    if (cur && cur.type === 'ORG' && cur.start === a && cur.end === h + 1) continue;
    out = replaceRange(out, a, h + 1, 'ORG');
  }
  return out;
}

/** "Sheikh Omar Dalil Barkazi" tagged up to "Dalil": a rare capitalised word right after a person
 * name, untagged and no place, month or title, is the rest of the name. */
function extendPersonNames(words: string[], spans: TaggedSpan[], ctx: RepairContext): TaggedSpan[] {
  const out = spans.map((s) => ({ ...s }));
  for (const s of out) {
    if (s.type !== 'PER') continue;
    let nameLen = 0;
    for (let i = s.start; i < s.end; i++) if (!isTitle(words[i]!)) nameLen++;
    while (nameLen < 4 && s.end < words.length) {
      const w = words[s.end]!;
      if (!TITLE_CASE.test(w) || w.length < 2 || spanAt(out, s.end)) break;
      const lw = bare(w);
      if (isTitle(w) || CALENDAR.has(lw) || DEMONYMS.has(lw) || ORG_SUFFIXES.has(lw) || ORG_RUN_HEADS.has(lw) || ctx.gaz.lookup(lw)) break;
      const c = ctx.classes.get(w);
      if (c && c.cap !== '?') break;
      s.end++;
      nameLen++;
    }
  }
  return out;
}
