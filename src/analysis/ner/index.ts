// Named-entity recognition over an article's clean text: the trained tagger finds PERSON, ORG,
// PLACE and OTHER names; titles and roles are split from person names and kept as roles.
import type { Token } from '../../text/segment.js';
import type { EntityType, Mention, Span } from '../../types.js';
import { defaultModel, type NerModel } from './model.js';
import { DEMONYMS, ORG_SUFFIXES } from './lexicon.js';
import { repairSpans } from './repairs.js';
import { findRoles, isTitle, leadingTitles } from './roles.js';
import type { ConllType, TaggedSpan } from './tagger.js';
import { nerTokens, taggerWord } from './tokens.js';

export { NerModel, defaultModel } from './model.js';
export { nerTokens } from './tokens.js';

export const TYPE_OF: Record<ConllType, EntityType> = { PER: 'PERSON', ORG: 'ORG', LOC: 'PLACE', MISC: 'OTHER' };

const CAP = /^\p{Lu}/u;
const STRONG_ORG_HEADS = new Set(
  'council committee commission ministry agency department party forces army navy bank university inc corp corporation ltd company institute foundation association federation'.split(' '),
);

/** After a title, capitalised words that are not an organisation ("Gen. Ada Varga", but not
 * "General Motors" or "General Electric Co"). */
function titledName(ts: Token[], a: number, b: number, title: string): boolean {
  const words = ts.slice(a, b).map((t) => t.text);
  if (!words.every((w) => CAP.test(w))) return false;
  if (ORG_SUFFIXES.has(words[words.length - 1]!.toLowerCase().replace(/\.$/, ''))) return false;
  return words.length >= 2 || title.endsWith('.');
}

const AUX = new Set('said says say has have had is are was were will would could can may might claim claims claimed'.split(' '));

/** "the Xs said", "fighting the Xs.": a name used as a noun phrase with an article is a group, not
 * a nationality adjective ("the Afghan government") or a demonym ("the French"). */
function groupNoun(ts: Token[], a: number, b: number): boolean {
  if (a === 0 || !/^the$/i.test(ts[a - 1]!.text)) return false;
  if (DEMONYMS.has(ts[b - 1]!.text.toLowerCase())) return false;
  const next = ts[b]?.text;
  return next === undefined || /^[^\p{L}\p{N}]/u.test(next) || AUX.has(next.toLowerCase()) || /^\p{Ll}+ed$/u.test(next);
}

function postOfDepartment(ts: Token[], a: number, b: number): boolean {
  return b - a >= 3 && a >= 2 && ts[a - 1]!.text === 'of' && isTitle(ts[a - 2]!.text) && titledName(ts, a + 1, b, '');
}

/** "Joint Harbour Board General Lena Moor" tagged as one name: the organisation before the title
 * and the person after it are two mentions. */
function splitAtTitle(ts: Token[], span: TaggedSpan): TaggedSpan[] {
  for (let k = span.start + 1; k < span.end - 1; k++) {
    if (!isTitle(ts[k]!.text) || isTitle(ts[k - 1]!.text)) continue;
    let p = k;
    while (p < span.end - 1 && isTitle(ts[p]!.text)) p++;
    if (!titledName(ts, p, span.end, ts[p - 1]!.text)) continue;
    return [{ start: span.start, end: k, type: span.type === 'PER' ? 'ORG' : span.type }, { start: k, end: span.end, type: 'PER' }];
  }
  return [span];
}

/** "the Front, Tomas Reed, said" tagged as one name: a comma inside a span separates an
 * organisation or place from the person named in apposition after it. */
function splitAtComma(ts: Token[], span: TaggedSpan): TaggedSpan[] {
  for (let k = span.start + 1; k < span.end - 1; k++) {
    if (ts[k]!.text !== ',') continue;
    const rest = ts.slice(k + 1, span.end);
    const personLike = rest.length >= 2 && rest.length <= 3 && rest.every((t) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(t.text));
    return [{ start: span.start, end: k, type: span.type }, { start: k + 1, end: span.end, type: personLike ? 'PER' : span.type }];
  }
  return [span];
}

/** Tokens of every sentence, as the tagger sees them. */
export function sentenceTokens(text: string, sentences: Span[]): Token[][] {
  return sentences.map((s) => nerTokens(text, s));
}

export function recognize(text: string, sentences: Span[], model: NerModel = defaultModel()): Mention[] {
  return recognizeTokens(text, sentenceTokens(text, sentences), model);
}

export function recognizeTokens(text: string, toks: Token[][], model: NerModel = defaultModel()): Mention[] {
  const tagged = model.tagDocument(toks.map((ts) => ts.map((t) => taggerWord(t.text))));
  const out: Mention[] = [];
  const lex = { classes: model.lexicons.classes, gaz: model.lexicons.gaz };
  toks.forEach((ts, si) => {
    for (const span of repairSpans(ts, tagged[si]!, lex).flatMap((sp) => splitAtTitle(ts, sp)).flatMap((sp) => splitAtComma(ts, sp))) {
      let a = span.start;
      const b = span.end;
      let type = TYPE_OF[span.type];
      const titles = leadingTitles(ts, a, b);
      if (titles && (type === 'PERSON' || titledName(ts, a + titles, b, ts[a + titles - 1]!.text))) {
        type = 'PERSON';
        a += titles;
      } else if ((type === 'PLACE' || type === 'OTHER') && b - a > 1 && STRONG_ORG_HEADS.has(ts[b - 1]!.text.toLowerCase())) {
        // "… National Security Council" read as a place: the head noun decides.
        type = 'ORG';
      } else if (type === 'OTHER' && groupNoun(ts, a, b)) {
        type = 'ORG';
      } else if (type !== 'PERSON' && postOfDepartment(ts, a, b)) {
        // "Secretary of State Ada Varga" read as one ORG: the department belongs to the title.
        type = 'PERSON';
        a += 1;
      }
      const m: Mention = { start: ts[a]!.start, end: ts[b - 1]!.end, text: text.slice(ts[a]!.start, ts[b - 1]!.end), type, via: 'ner' };
      if (type === 'PERSON') {
        const roles = findRoles(text, ts, a, b).map((r) => r.text.replace(/\s+/g, ' '));
        if (roles.length) m.roles = [...new Set(roles)];
      }
      out.push(m);
    }
  });
  return out;
}
