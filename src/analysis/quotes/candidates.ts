// A fallback speaker finder for when no NER/coreference layer is available: capitalised name runs
// with their titles and roles, descriptions ("the ministry spokesman"), organisation phrases ("the
// State Department") and pronouns. Surnames and descriptions are tied to earlier full names.
import type { EntityType, Mention, Span } from '../../types.js';
import { foldKey } from '../../text/normalize.js';
import { tokenize, type Token } from '../../text/segment.js';
import { NOT_NAME, ORG_NAME_WORDS, ORG_NOUNS, PERSON_NOUNS, PRONOUNS, TITLES } from './lexicon.js';

const CONNECTORS = new Set(['of', 'the', 'for', 'de', 'del', 'da', 'van', 'von', 'der', 'bin', 'bint', 'ibn', 'al', 'el', 'and', '&', 'le', 'la']);
const DETERMINERS = new Set(['the', 'a', 'an', 'another', 'one', 'two', 'three', 'several', 'some', 'many', 'most', 'other', 'senior', 'top', 'his', 'her', 'their', 'its']);

const isCap = (t: string) => /^\p{Lu}/u.test(t);
const stripPossessive = (t: string) => t.replace(/['’]s$/u, '').replace(/s['’]$/u, 's');
const isPossessive = (t: string) => /['’]s?$/u.test(t) && t.length > 2;

function titleRole(tok: string): string | undefined {
  const key = tok.replace(/\.$/, '').toLowerCase();
  return Object.prototype.hasOwnProperty.call(TITLES, key) ? TITLES[key] : undefined;
}

/** A candidate speaker mention; `name` is the display form (no titles, no possessive). */
export interface Candidate extends Mention {
  name: string;
  possessive?: boolean;
}

function typeOf(words: string[], hasTitle: boolean): EntityType {
  if (words.some((w) => ORG_NAME_WORDS.has(w))) return 'ORG';
  if (words.length === 1 && /^[A-Z]{2,6}$/.test(words[0]!)) return 'ORG';
  if (hasTitle) return 'PERSON';
  if (words.length >= 2 && words.length <= 4) return 'PERSON';
  return 'OTHER';
}

/** Capitalised name runs in one sentence. */
function nameRuns(text: string, toks: Token[], sentStart: number): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    const bare = t.text.replace(/\.$/, '');
    if (!isCap(t.text) || (NOT_NAME.has(bare) && titleRole(t.text) === undefined)) {
      i++;
      continue;
    }
    const roles: string[] = [];
    let j = i;
    const nameStart = j;
    let end = j;
    let possessive = false;
    while (j < toks.length) {
      const w = toks[j]!.text;
      if (isCap(w) && !(NOT_NAME.has(w.replace(/\.$/, '')) && j > nameStart) || /^\p{Lu}\.$/u.test(w)) {
        j++;
        end = j;
        if (isPossessive(w)) {
          possessive = true;
          break;
        }
        continue;
      }
      if (w === '.' && j > nameStart && (/^\p{Lu}$/u.test(toks[j - 1]!.text) || titleRole(toks[j - 1]!.text)) && toks[j - 1]!.end === toks[j]!.start) {
        j++;
        end = j;
        continue;
      }
      // "Department of State" bridges; "Jane Roe of the Crisis Group" does not.
      const sofar = toks.slice(nameStart, j).map((x) => x.text).filter((x) => x !== '.');
      const bridges = sofar.length === 1 || sofar.some((x) => ORG_NAME_WORDS.has(x) || titleRole(x));
      if (CONNECTORS.has(w.toLowerCase()) && j + 1 < toks.length && isCap(toks[j + 1]!.text) && j > nameStart && w !== 'and' && (bridges || !['of', 'for', 'the'].includes(w.toLowerCase()))) {
        j++;
        continue;
      }
      if ((w === '-' || w === 'al-') && j + 1 < toks.length && isCap(toks[j + 1]!.text)) {
        j++;
        continue;
      }
      break;
    }
    if (end > nameStart && toks.slice(nameStart, end).every((x) => x.text === '.' || titleRole(x.text) !== undefined)) {
      // A bare title used as a name ("the President said") is a description.
      i = end;
      continue;
    }
    if (end <= nameStart) {
      // A bare title used as a name ("the President said") is a description, not a name.
      i = Math.max(i + 1, j);
      continue;
    }
    let words = toks.slice(nameStart, end).map((x) => x.text).filter((w) => w !== '.');
    if (possessive) words[words.length - 1] = stripPossessive(words[words.length - 1]!);
    // A title inside the run splits it: "Army Chief of Staff Gen. Jane Roe" names Jane Roe.
    let lastTitle = -1;
    for (let k = 0; k < words.length - 1; k++) if (titleRole(words[k]!)) lastTitle = k;
    if (lastTitle >= 0) {
      for (let k = 0; k <= lastTitle; k++) {
        const r = titleRole(words[k]!);
        if (r) roles.push(r);
      }
      let rest = words.slice(lastTitle + 1);
      if (rest.length && CONNECTORS.has(rest[0]!.toLowerCase())) {
        const real = rest.filter((w) => !/^\p{Lu}\.?$/u.test(w));
        const keep = Math.min(2, real.length);
        while (rest.filter((w) => !/^\p{Lu}\.?$/u.test(w)).length > keep) rest = rest.slice(1);
        while (rest.length && CONNECTORS.has(rest[0]!.toLowerCase())) rest = rest.slice(1);
      }
      if (rest.length) words = rest;
    }
    // A sentence-initial single word followed by lower case is most often an ordinary word.
    const first = toks[nameStart]!;
    if (words.length === 1 && first.start === sentStart && roles.length === 0 && !new RegExp(`[^.!?\\s]\\s+${escapeRe(words[0]!)}\\b`).test(text)) {
      i = end;
      continue;
    }
    // Lower-case role words right before the name: "campaign manager Robby Mook".
    for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
      const w = toks[k]!.text.toLowerCase();
      const r = titleRole(w);
      if (r !== undefined && !isCap(toks[k]!.text)) {
        if (r) roles.push(r);
      } else break;
    }
    const last = toks[end - 1]!;
    let start = toks[i]!.start;
    const firstWord = toks.slice(i, end).find((x) => x.text === words[0] || stripPossessive(x.text) === words[0]);
    if (firstWord && words.length < toks.slice(i, end).length) start = Math.max(start, toks.slice(i, end).filter((x) => x.text === words[0] || stripPossessive(x.text) === words[0]).at(-1)!.start);
    const mEnd = possessive ? last.end - (last.text.endsWith('s') && /['’]s$/u.test(last.text) ? 2 : 1) : last.end;
    const type = typeOf(words, roles.length > 0);
    out.push({
      start,
      end: mEnd,
      text: text.slice(start, mEnd),
      name: words.join(' ').replace(/ - /g, '-').replace(/al- /g, 'al-'),
      type,
      roles,
      via: 'name',
      possessive,
    });
    i = Math.max(end, i + 1);
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Appositive roles: "John Doe, the city's mayor," adds role "mayor". */
function appositiveRole(text: string, after: number): string | null {
  const m = /^,\s+(?:the|a|an)\s+([^,.;]{1,60}?)\s*[,.;]/.exec(text.slice(after, after + 80));
  if (!m) return null;
  const words = m[1]!.toLowerCase().split(/\s+/);
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]!.replace(/['’]s$/, '');
    if (PERSON_NOUNS.has(w) || titleRole(w)) return titleRole(w) || w;
  }
  return null;
}

/** Descriptions: determiner + up to four modifiers + a person or organisation head noun. */
function descriptions(text: string, toks: Token[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < toks.length; i++) {
    const d = toks[i]!.text.toLowerCase();
    if (!DETERMINERS.has(d) && !/^[\p{L}]+['’]s$/u.test(toks[i]!.text)) continue;
    for (let j = i + 1; j < toks.length && j <= i + 5; j++) {
      const w = toks[j]!.text;
      const lw = w.toLowerCase();
      if (/^[,.;:!?"“”()]$/.test(w)) break;
      const isPerson = PERSON_NOUNS.has(lw) && !isCap(w);
      const isOrg = ORG_NOUNS.has(lw);
      if (!isPerson && !isOrg) continue;
      // The head is the last noun of the phrase: "the ministry spokesman" heads on spokesman.
      const nxt = toks[j + 1]?.text.toLowerCase() ?? '';
      if (PERSON_NOUNS.has(nxt) || ORG_NOUNS.has(nxt)) continue;
      const start = toks[i]!.start;
      const end = toks[j]!.end;
      const phrase = text.slice(start, end);
      out.push({
        start,
        end,
        text: phrase,
        name: phrase,
        type: isPerson ? 'PERSON' : 'ORG',
        roles: [titleRole(lw) || lw],
        via: 'description',
      });
      i = j;
      break;
    }
  }
  return out;
}

function pronouns(toks: Token[]): Candidate[] {
  return toks
    .filter((t) => PRONOUNS.has(t.text.toLowerCase()) && t.text !== 'US')
    .map((t) => ({
      start: t.start,
      end: t.end,
      text: t.text,
      name: t.text,
      type: (['he', 'she', 'i', 'who'].includes(t.text.toLowerCase()) ? 'PERSON' : 'OTHER') as EntityType,
      via: 'pronoun',
    }));
}

/** Speaker candidates of the whole text, in order, with `ref` keys for names and the
 * descriptions that clearly point back to one of them. Pronouns get no ref here: the quote
 * extractor resolves them from the preceding speakers. */
export function findSpeakerCandidates(text: string, sentences: Span[]): Candidate[] {
  const all: Candidate[] = [];
  for (const s of sentences) {
    const toks = tokenize(text.slice(s.start, s.end), s.start);
    const names = nameRuns(text, toks, s.start);
    for (const n of names) {
      const r = appositiveRole(text, n.end + (n.possessive ? 2 : 0));
      if (r && n.type !== 'ORG') {
        n.roles!.push(r);
        if (n.type === 'OTHER') n.type = 'PERSON';
      }
    }
    const inNames = (x: Span) => names.some((n) => x.start < n.end && x.end > n.start);
    all.push(...names, ...descriptions(text, toks).filter((d) => !inNames(d)), ...pronouns(toks));
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  linkRefs(all);
  return all;
}

/** Give names a ref: full names by their words, single words by the last earlier (or later) full
 * name they end or begin; descriptions by a unique earlier named bearer of their role. */
function linkRefs(cands: Candidate[]): void {
  const full = cands.filter((c) => c.via === 'name' && c.name.includes(' '));
  const singleToFull = (c: Candidate): Candidate | undefined => {
    const w = c.name;
    const matches = full.filter((f) => f.type !== 'ORG' && f !== c && (f.name.split(' ').at(-1) === w));
    if (matches.length === 0) return undefined;
    const distinct = new Set(matches.map((m) => foldKey(m.name)));
    if (distinct.size > 1) {
      const before = matches.filter((m) => m.start < c.start);
      return before.at(-1);
    }
    return matches[0];
  };
  const refOf = (c: Candidate) => (c.type === 'ORG' ? 'o:' : 'p:') + foldKey(c.name);
  for (const c of cands) {
    if (c.via !== 'name') continue;
    if (!c.name.includes(' ')) {
      const f = singleToFull(c);
      if (f) {
        c.ref = refOf(f);
        c.type = f.type === 'OTHER' ? 'PERSON' : f.type;
        c.via = 'coref:surname';
        continue;
      }
    }
    c.ref = refOf(c);
  }
  // Roles collected per ref, then descriptions resolved against them.
  const rolesByRef = new Map<string, Set<string>>();
  for (const c of cands) {
    if (!c.ref) continue;
    const set = rolesByRef.get(c.ref) ?? new Set<string>();
    for (const r of c.roles ?? []) set.add(r);
    if (c.type === 'ORG') for (const w of c.name.toLowerCase().split(' ')) set.add(w);
    rolesByRef.set(c.ref, set);
  }
  for (const c of cands) {
    if (c.via !== 'description') continue;
    const head = c.roles?.[0];
    if (!head) continue;
    const definite = /^(?:the|his|her|their|its)\b/i.test(c.text) || /^\p{L}+['’]s\b/u.test(c.text);
    if (!definite) continue;
    const bearers = new Set<string>();
    for (const o of cands) {
      if (!o.ref || o.start >= c.start) continue;
      if (rolesByRef.get(o.ref)?.has(head) && (c.type === o.type || o.type === 'OTHER')) bearers.add(o.ref);
    }
    if (bearers.size === 1) {
      c.ref = [...bearers][0];
      c.via = 'coref:description';
    }
  }
}

/** The display name for each ref: the longest name among its mentions. */
export function displayNames(mentions: Mention[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of mentions) {
    if (!m.ref || (m.via && /pronoun|description/.test(m.via))) continue;
    const name = (m as Candidate).name ?? m.text.replace(/['’]s$/u, '');
    const cur = out.get(m.ref);
    if (!cur || name.split(' ').length > cur.split(' ').length) out.set(m.ref, name);
  }
  return out;
}
