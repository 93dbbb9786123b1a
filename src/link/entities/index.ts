// Corpus-level entity resolution: the in-article entities of many articles become canonical
// entities. Pure and incremental: merging article by article into an existing list gives the same
// result as merging everything at once, up to the order of ids.
import type { ArticleEntity } from '../../analysis/coref/index.js';
import { acronymOf, isAcronym, nameWords, plainAcronym } from '../../analysis/coref/names.js';
import { foldKey } from '../../text/normalize.js';
import type { CanonicalEntity, EntityType, Mention } from '../../types.js';

export type { CanonicalEntity };

export interface ArticleEntities {
  articleId: string;
  entities: ArticleEntity[];
  mentions: Mention[];
}

const HONORIFIC = /^(?:mr|mrs|ms|dr|prof|sir|gen|col|lt|maj|capt|adm|sgt|sen|rep|gov|pres)\.?$/i;

function personWords(name: string): string[] {
  return nameWords(name).filter((w) => !HONORIFIC.test(w));
}

/** A stable id from type and name, so ids do not depend on merge order. */
function idFor(type: EntityType, name: string): string {
  let h = 2166136261;
  const s = type + ':' + foldKey(name);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return type.toLowerCase() + '-' + h.toString(36);
}

function names(e: { name: string; aliases: string[] }): string[] {
  return [e.name, ...e.aliases].filter((n) => !/^(?:the|a|an)\s/i.test(n) && !/^\p{Ll}/u.test(n));
}

function roleWords(roles: string[]): Set<string> {
  const out = new Set<string>();
  for (const r of roles) for (const w of nameWords(r)) if (w.length > 2) out.add(foldKey(w).replace(/\.$/, ''));
  out.delete('the');
  return out;
}

/** First names agree when either is missing, one is an initial of the other, or they are equal. */
function firstCompatible(a: string[], b: string[]): boolean {
  if (a.length < 2 || b.length < 2) return true;
  const fa = foldKey(a[0]!).replace(/\.$/, '');
  const fb = foldKey(b[0]!).replace(/\.$/, '');
  return fa === fb || (fa.length === 1 && fb.startsWith(fa)) || (fb.length === 1 && fa.startsWith(fb));
}

function samePerson(a: ArticleEntity | CanonicalEntity, b: ArticleEntity | CanonicalEntity): boolean {
  const ka = new Set(names(a).map(foldKey));
  if (names(b).some((n) => ka.has(foldKey(n)) && personWords(n).length > 1)) return true;
  const wa = personWords(a.name);
  const wb = personWords(b.name);
  if (!wa.length || !wb.length) return false;
  if (foldKey(wa[wa.length - 1]!) !== foldKey(wb[wb.length - 1]!)) return false;
  if (wa.length > 1 && wb.length > 1) return firstCompatible(wa, wb);
  // A bare surname on one side: merge only when the roles say it is the same person.
  const ra = roleWords(a.roles);
  return [...roleWords(b.roles)].some((w) => ra.has(w));
}

function sameOrg(a: ArticleEntity | CanonicalEntity, b: ArticleEntity | CanonicalEntity): boolean {
  const na = names(a);
  const nb = names(b);
  const ka = new Set(na.map(foldKey));
  if (nb.some((n) => ka.has(foldKey(n)))) return true;
  const acrA = new Set(na.map((n) => (isAcronym(n) ? plainAcronym(n) : acronymOf(nameWords(n)))).filter(Boolean));
  const acrB = nb.map((n) => (isAcronym(n) ? plainAcronym(n) : acronymOf(nameWords(n)))).filter(Boolean);
  // An acronym on one side matching the initials of a full name on the other.
  const acrOnlyA = new Set(na.filter(isAcronym).map(plainAcronym));
  const acrOnlyB = nb.filter(isAcronym).map(plainAcronym);
  return acrOnlyB.some((x) => acrA.has(x)) || acrB.some((x) => acrOnlyA.has(x!));
}

const GROUPISH = new Set<EntityType>(['ORG', 'OTHER']);

function same(a: ArticleEntity | CanonicalEntity, b: ArticleEntity | CanonicalEntity): boolean {
  // The tagger hesitates between ORG and OTHER for groups and movements: one name, one entity.
  if (a.type !== b.type) return GROUPISH.has(a.type) && GROUPISH.has(b.type) && foldKey(a.name) === foldKey(b.name);
  if (a.type === 'PERSON') return samePerson(a, b);
  if (a.type === 'ORG' || a.type === 'OTHER') return sameOrg(a, b);
  return foldKey(a.name) === foldKey(b.name);
}

function better(a: string, b: string, type: EntityType): string {
  // Longest proper name wins; acronyms lose to expansions.
  const score = (n: string) => {
    if (isAcronym(n)) return 0;
    const words = type === 'PERSON' ? personWords(n) : nameWords(n);
    const honorifics = nameWords(n).length - words.length;
    return words.length * 1000 + words.join(' ').length * 2 - honorifics;
  };
  return score(b) > score(a) ? b : a;
}

export function mergeEntities(perArticle: ArticleEntities[], existing: CanonicalEntity[] = []): CanonicalEntity[] {
  const out: CanonicalEntity[] = existing.map((e) => ({ ...e, aliases: [...e.aliases], roles: [...e.roles], articles: [...e.articles], spans: e.spans ? [...e.spans] : undefined }));
  for (const art of perArticle) {
    for (const ent of art.entities) {
      const ms = art.mentions.filter((m) => m.ref === ent.ref);
      const spans = ms.map((m) => ({ articleId: art.articleId, start: m.start, end: m.end }));
      const matches = out.filter((c) => same(c, ent));
      // Prefer the candidate with a full-name match; a surname-only candidate must be unique.
      const target = matches.length === 1 ? matches[0] : matches.find((c) => names(c).some((n) => foldKey(n) === foldKey(ent.name)));
      if (!target) {
        out.push({
          id: idFor(ent.type, ent.name),
          name: ent.name,
          type: ent.type,
          aliases: [...ent.aliases],
          roles: [...ent.roles],
          articles: [art.articleId],
          mentions: ms.length || ent.mentions,
          spans,
        });
        continue;
      }
      const added = ms.length || ent.mentions;
      if (target.type !== ent.type && added > target.mentions) target.type = ent.type;
      const name = better(target.name, ent.name, ent.type);
      const aliases = new Set([...target.aliases, target.name, ent.name, ...ent.aliases]);
      aliases.delete(name);
      target.name = name;
      target.aliases = [...aliases];
      target.roles = [...new Set([...target.roles, ...ent.roles])];
      if (!target.articles.includes(art.articleId)) target.articles.push(art.articleId);
      target.mentions += added;
      target.spans = [...(target.spans ?? []), ...spans];
    }
  }
  return out;
}
