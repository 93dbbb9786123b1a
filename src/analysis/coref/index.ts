// Coreference inside one article: names, partial names, acronyms, role descriptions ("the envoy")
// and subject pronouns are tied to the entity they stand for. Every mention gets a `ref`; the
// mentions found here (not by the tagger) say so in `via`.
import { nerTokens } from '../ner/tokens.js';
import { ROLE_MODIFIERS, ROLE_NOUNS, NAME_TITLES } from '../ner/lexicon.js';
import type { Token } from '../../text/segment.js';
import type { EntityType, Mention, Span } from '../../types.js';
import { foldKey } from '../../text/normalize.js';
import { promoteActingGroups } from './agency.js';
import { acronymOf, isAcronym, nameWords, plainAcronym } from './names.js';

export { acronymOf, isAcronym, nameWords, plainAcronym } from './names.js';

export interface ArticleEntity {
  ref: string;
  /** The longest proper name the article uses. */
  name: string;
  type: EntityType;
  /** Other names and descriptions used for it (pronouns left out). */
  aliases: string[];
  roles: string[];
  mentions: number;
}

interface Ent {
  ref: string;
  type: EntityType;
  keys: Set<string>;
  words: string[];
  roles: string[];
  acronyms: Set<string>;
  /** Start of the last mention, for recency. */
  last: number;
}

const ORG_DESCRIPTIONS = new Set(['group', 'organisation', 'organization', 'movement']);
const ORG_HEAD_NOUNS = new Set(['department', 'ministry', 'agency', 'council', 'committee', 'commission', 'company', 'party', 'mission', 'bank', 'court', 'alliance', 'government', 'army']);
const ROLE_SYNONYMS: Record<string, string[]> = {
  general: ['gen', 'general'],
  spokesman: ['spokesman', 'spokeswoman', 'spokesperson', 'press secretary'],
  spokeswoman: ['spokesman', 'spokeswoman', 'spokesperson', 'press secretary'],
  spokesperson: ['spokesman', 'spokeswoman', 'spokesperson', 'press secretary'],
  envoy: ['envoy', 'ambassador', 'representative'],
  colonel: ['col', 'colonel'],
  admiral: ['adm', 'admiral'],
  commander: ['commander', 'cmdr', 'gen', 'general'],
  secretary: ['secretary'],
  president: ['president', 'pres'],
  senator: ['senator', 'sen'],
  governor: ['governor', 'gov'],
};
const PRONOUN_WINDOW = 3;
const NOT_BEFORE_PRONOUN = new Set(['to', 'with', 'for', 'by', 'at', 'of', 'from', 'about', 'than', 'like']);

/** Assign `ref` to every mention and add the mentions coreference finds. Returns all mentions in
 * text order. */
export function resolveCoref(text: string, sentences: Span[], mentions: Mention[]): Mention[] {
  const toks = sentences.map((s) => nerTokens(text, s));
  const ents: Ent[] = [];
  const out: Mention[] = mentions.map((m) => ({ ...m })).sort((a, b) => a.start - b.start || b.end - a.end);
  const acronymDefs = findAcronymDefinitions(text, out);
  let next = 1;
  const newEnt = (m: Mention): Ent => {
    const e: Ent = { ref: 'e' + next++, type: m.type, keys: new Set(), words: [], roles: [], acronyms: new Set(), last: m.start };
    ents.push(e);
    return e;
  };
  const attach = (e: Ent, m: Mention) => {
    m.ref = e.ref;
    e.last = m.start;
    const words = nameWords(m.text);
    if (m.type === 'PERSON' && m.via === 'ner' && words.length < e.words.length) m.via = 'coref:surname';
    if (m.via === 'ner' || m.via === 'acronym' || m.via === 'coref:surname') {
      e.keys.add(foldKey(m.text));
      if (words.length > e.words.length && !isAcronym(m.text)) e.words = words;
      if (e.type === 'ORG' || e.type === 'OTHER') {
        const acr = acronymOf(words);
        if (acr) e.acronyms.add(acr);
      }
    }
    const defined = acronymDefs.get(m);
    if (defined) e.acronyms.add(defined);
    for (const r of m.roles ?? []) if (!e.roles.includes(r)) e.roles.push(r);
  };

  for (const m of out) {
    const key = foldKey(m.text);
    const words = nameWords(m.text);
    // The same name, whatever type the tagger gave this occurrence (places keep to places).
    let e = ents.find((x) => x.keys.has(key) && (x.type === 'PLACE') === (m.type === 'PLACE'));
    if (e) {
      attach(e, m);
      continue;
    }
    if (m.type === 'PLACE') {
      attach(newEnt(m), m);
      continue;
    }
    if (isAcronym(m.text)) {
      const a = plainAcronym(m.text);
      e = lastBy(ents, (x) => x.acronyms.has(a) && x.type !== 'PERSON');
      if (e) {
        m.via = 'acronym';
        m.type = e.type;
        attach(e, m);
        continue;
      }
    }
    if (m.type === 'PERSON' || words.length === 1) {
      // A surname or shorter form of a person named before.
      const person = lastBy(ents, (x) => x.type === 'PERSON' && x.words.length > words.length && isPartOf(words, x.words));
      if (person) {
        m.via = 'coref:surname';
        m.type = 'PERSON';
        attach(person, m);
        continue;
      }
    }
    if (m.type === 'PERSON' && words.length > 1) {
      // The full name after a bare surname ("Varga … Ada Varga").
      const earlier = lastBy(ents, (x) => x.type === 'PERSON' && x.words.length < words.length && isPartOf(x.words, words));
      if (earlier) {
        attach(earlier, m);
        continue;
      }
    }
    if ((m.type === 'ORG' || m.type === 'OTHER') && words.length > 1) {
      const org = lastBy(ents, (x) => x.type === m.type && x.words.length > 1 && (endsWith(x.words, words) || endsWith(words, x.words)));
      if (org) {
        attach(org, m);
        continue;
      }
    }
    attach(newEnt(m), m);
  }

  const covered = (s: number, e: number) => out.some((m) => m.start < e && s < m.end);
  const added: Mention[] = [];
  const addMention = (m: Mention) => {
    added.push(m);
    out.push(m);
  };

  // Bare surnames and acronyms the tagger missed.
  toks.forEach((ts) => {
    for (const t of ts) {
      if (!/^\p{Lu}/u.test(t.text) || covered(t.start, t.end)) continue;
      const w = foldKey(t.text);
      const person = lastBy(ents, (x) => x.type === 'PERSON' && x.words.length > 1 && foldKey(x.words[x.words.length - 1]!) === w);
      if (person) {
        addMention({ start: t.start, end: t.end, text: t.text, type: 'PERSON', ref: person.ref, via: 'coref:surname', confidence: 0.8 });
        continue;
      }
      if (isAcronym(t.text)) {
        const org = lastBy(ents, (x) => x.acronyms.has(plainAcronym(t.text)) && x.type !== 'PERSON');
        if (org) addMention({ start: t.start, end: t.end, text: t.text, type: org.type, ref: org.ref, via: 'acronym', confidence: 0.8 });
      }
    }
  });
  out.sort((a, b) => a.start - b.start);

  // Descriptions and pronouns, in text order, each resolved against the mentions before it.
  const byRef = new Map(ents.map((e) => [e.ref, e]));
  toks.forEach((ts, si) => {
    for (let i = 0; i < ts.length; i++) {
      const t = ts[i]!;
      const lw = t.text.toLowerCase();
      if (!covered(t.start, t.end) && (lw === 'he' || lw === 'she' || lw === 'they') && !(i > 0 && NOT_BEFORE_PRONOUN.has(ts[i - 1]!.text.toLowerCase()))) {
        const target = lw === 'they' ? recentOrg(out, sentences, si, t.start) : recentPerson(out, sentences, si, t.start);
        if (target) addMention({ start: t.start, end: t.end, text: t.text, type: target.type, ref: target.ref, via: 'coref:pronoun', confidence: 0.6 });
        continue;
      }
      const d = description(text, ts, i);
      // Place and nationality names may sit inside a description ("the US general").
      if (!d || out.some((m) => m.start < d.end && d.start < m.end && !(m.type === 'PLACE' || m.type === 'OTHER') )) continue;
      let target: Ent | undefined;
      if (d.kind === 'person') {
        const syn = ROLE_SYNONYMS[d.noun] ?? [d.noun];
        const hasRole = (e: Ent) => e.roles.some((r) => syn.some((s) => new RegExp(`\\b${s}\\b`, 'i').test(r)));
        const ref = lastMentionRef(out, d.start, (m) => m.type === 'PERSON' && !!m.ref && hasRole(byRef.get(m.ref)!));
        target = ref ? byRef.get(ref) : undefined;
      } else {
        const ref = lastMentionRef(out, d.start, (m) => {
          if (m.type !== 'ORG' || !m.ref) return false;
          if (ORG_HEAD_NOUNS.has(d.noun)) return byRef.get(m.ref)!.words.some((w) => w.toLowerCase() === d.noun);
          return m.start >= (sentences[Math.max(0, si - PRONOUN_WINDOW)]?.start ?? 0);
        });
        target = ref ? byRef.get(ref) : undefined;
      }
      if (target) {
        addMention({ start: d.start, end: d.end, text: d.text, type: target.type, ref: target.ref, via: 'coref:description', confidence: 0.6 });
        i = d.lastToken;
      }
    }
  });
  unifyTypes(out);
  promoteActingGroups(toks, out);
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** All mentions of an entity take the type most of its names have (ORG over OTHER on a tie). */
function unifyTypes(ms: Mention[]): void {
  const votes = new Map<string, Map<EntityType, number>>();
  for (const m of ms) {
    if (!m.ref || m.via === 'coref:pronoun' || m.via === 'coref:description') continue;
    const v = votes.get(m.ref) ?? new Map<EntityType, number>();
    v.set(m.type, (v.get(m.type) ?? 0) + (m.type === 'ORG' ? 1.01 : 1));
    votes.set(m.ref, v);
  }
  for (const m of ms) {
    const v = m.ref ? votes.get(m.ref) : undefined;
    if (v) m.type = [...v.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  }
}

function lastBy(ents: Ent[], ok: (e: Ent) => boolean): Ent | undefined {
  let best: Ent | undefined;
  for (const e of ents) if (ok(e) && (!best || e.last > best.last)) best = e;
  return best;
}

/** `part` is a tail of `whole` ("Varga" of "Ada Varga"), or its first word only when that is the
 * whole partial name and `whole` has a title-free first name. */
function isPartOf(part: string[], whole: string[]): boolean {
  if (!part.length) return false;
  const p = part.map(foldKey);
  const w = whole.map(foldKey);
  return endsWith(w, p);
}

function endsWith(whole: string[], tail: string[]): boolean {
  if (tail.length > whole.length) return false;
  const off = whole.length - tail.length;
  return tail.every((t, i) => foldKey(t) === foldKey(whole[off + i]!));
}

/** "Northern Relief Agency (NRA)": the acronym in brackets right after an ORG name. */
function findAcronymDefinitions(text: string, mentions: Mention[]): Map<Mention, string> {
  const defs = new Map<Mention, string>();
  for (const m of mentions) {
    if (m.type === 'PLACE' || m.type === 'PERSON') continue;
    const after = /^\s*\(\s*([\p{Lu}][\p{Lu}\p{Ll}.&-]{1,11})\s*\)/u.exec(text.slice(m.end, m.end + 20));
    if (after && isAcronym(after[1]!)) defs.set(m, plainAcronym(after[1]!));
  }
  return defs;
}

function lastMentionRef(ms: Mention[], before: number, ok: (m: Mention) => boolean): string | undefined {
  let found: Mention | undefined;
  for (const m of ms) if (m.end <= before && ok(m) && (!found || m.start > found.start)) found = m;
  return found?.ref;
}

function recentPerson(ms: Mention[], sentences: Span[], si: number, at: number): { ref: string; type: EntityType } | undefined {
  const from = sentences[Math.max(0, si - PRONOUN_WINDOW)]!.start;
  let found: Mention | undefined;
  for (const m of ms) {
    if (m.type !== 'PERSON' || !m.ref || m.end > at || m.start < from) continue;
    if (!found || m.start > found.start) found = m;
  }
  return found ? { ref: found.ref!, type: 'PERSON' } : undefined;
}

function recentOrg(ms: Mention[], sentences: Span[], si: number, at: number): { ref: string; type: EntityType } | undefined {
  const from = sentences[Math.max(0, si - 1)]!.start;
  let found: Mention | undefined;
  for (const m of ms) {
    if (m.type !== 'ORG' || !m.ref || m.end > at || m.start < from) continue;
    if (!found || m.start > found.start) found = m;
  }
  return found ? { ref: found.ref!, type: 'ORG' } : undefined;
}

interface Description extends Span {
  text: string;
  noun: string;
  kind: 'person' | 'org';
  lastToken: number;
}

/** "the envoy", "the US general", "America's top military general", "the militant group". */
function description(text: string, ts: Token[], i: number): Description | null {
  const first = ts[i]!.text;
  let j: number;
  if (/^the$/i.test(first)) j = i + 1;
  else if (/^\p{Lu}/u.test(first) && /^['’]s$/.test(ts[i + 1]?.text ?? '')) j = i + 2;
  else return null;
  let k = j;
  const modifier = (w: string) => ROLE_MODIFIERS.has(bare(w)) || /^\p{Lu}[\p{Lu}.]*$/u.test(w);
  // "top military general": "general" is also a modifier ("general secretary"), so the head is the
  // last word of the run that can be a noun.
  while (k < ts.length && k < j + 4 && modifier(ts[k]!.text) && !(isHeadNoun(ts[k]!.text) && !modifier(ts[k + 1]?.text ?? ''))) k++;
  const head = ts[k];
  if (!head || !/^\p{Ll}/u.test(head.text)) return null;
  const noun = bare(head.text);
  const follow = ts[k + 1]?.text.toLowerCase();
  if (follow === 'of' || (follow !== undefined && /^\p{Lu}/u.test(ts[k + 1]!.text))) return null; // "the head of …", "the envoy Ada Varga"
  let kind: 'person' | 'org' | null = null;
  if (ROLE_NOUNS.has(noun) || NAME_TITLES.has(noun)) kind = 'person';
  else if (ORG_DESCRIPTIONS.has(noun) || ORG_HEAD_NOUNS.has(noun)) kind = 'org';
  if (!kind) return null;
  if (kind === 'org' && k > j + 1) return null;
  const start = ts[i]!.start;
  const end = head.end;
  return { start, end, text: text.slice(start, end), noun, kind, lastToken: k };
}

const bare = (w: string) => w.toLowerCase().replace(/\.$/, '');
const isHeadNoun = (w: string) => /^\p{Ll}/u.test(w) && (ROLE_NOUNS.has(bare(w)) || ORG_DESCRIPTIONS.has(bare(w)) || ORG_HEAD_NOUNS.has(bare(w)));

/** The in-article entities of resolved mentions. */
export function articleEntities(mentions: Mention[]): ArticleEntity[] {
  const by = new Map<string, Mention[]>();
  for (const m of mentions) {
    if (!m.ref) continue;
    const list = by.get(m.ref) ?? [];
    list.push(m);
    by.set(m.ref, list);
  }
  const out: ArticleEntity[] = [];
  for (const [ref, ms] of by) {
    const names = ms.filter((m) => m.via !== 'coref:pronoun' && m.via !== 'coref:description');
    if (!names.length) continue;
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
    const best = [...names].sort((a, b) => nameScore(b) - nameScore(a) || a.start - b.start)[0]!;
    const name = norm(best.text);
    const aliases = [...new Set(ms.filter((m) => m.via !== 'coref:pronoun').map((m) => norm(m.text)))].filter((a) => a !== name);
    const roles = [...new Set(ms.flatMap((m) => m.roles ?? []))];
    const types = new Map<EntityType, number>();
    for (const m of names) types.set(m.type, (types.get(m.type) ?? 0) + 1);
    const type = [...types.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    out.push({ ref, name, type, aliases, roles, mentions: ms.length });
  }
  return out;
}

function nameScore(m: Mention): number {
  return isAcronym(m.text) ? 0 : nameWords(m.text).length * 100 + m.text.length;
}

export function entityOf(ref: string, mentions: Mention[]): ArticleEntity | null {
  return articleEntities(mentions.filter((m) => m.ref === ref))[0] ?? null;
}
