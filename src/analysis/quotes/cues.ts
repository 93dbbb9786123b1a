// Attribution cues inside one text unit (a sentence, or sentences joined by a quotation that runs
// over them): who said it (the source noun phrase), the cue, the channel and the content span.
import type { Span } from '../../types.js';
import { tokenize, type Token } from '../../text/segment.js';
import { OBJECT_CUES, ADJUNCT_RE, CHANNEL_PATTERNS, CUE_MODIFIERS, cueNeedsClause, learnedCue, learnedParticle, PERSON_NOUNS, ORG_NOUNS, PRONOUNS, speechLemma } from './lexicon.js';

export interface Attribution {
  cue: Span;
  lemma: string;
  /** The whole source noun phrase, appositive included. */
  source: Span | null;
  /** The head part of the source (before an appositive). */
  head: Span | null;
  /** The appositive part, when there is one. */
  appositive: Span | null;
  content: Span[];
  channel: string | null;
  mode: 'subject-cue-content' | 'content-subject-cue' | 'content-cue-subject' | 'according-to' | 'participle' | 'parenthetical';
  /** For a cue from the learned lexicon: the share of its occurrences that are cues. */
  learned?: number;
}

/** Lemma prefix of cues from the learned lexicon (beliefs, intentions, findings, stances). */
export const LEARNED = 'learned:';
const STRONG_LEARNED = 0.45;

const FINITE = /\b(?:is|are|was|were|has been|have been|will|would|could|should|can|may|might|must|did|does|do|being|seems?|seemed|appears?|become|becomes|became|got|gets)\b/i;
const BOUNDARY_RE = /(?:[;:—–]|\s-\s|,\s*(?:and|but|while|as|because|although|though|so|or|yet)\b|\b(?:that|because|while|when|whereas|although|though|if|unless|after|before|since|as)\b)\s*/g;
const INTRO_WORDS = /^(?:but|and|so|yet|still|however|meanwhile|moreover|instead|separately|later|earlier|now|then|also|indeed|further|furthermore|nonetheless|nevertheless|in addition|in turn|for (?:his|her|their|its) part|at the same time|on the other hand)\b,?\s*/i;
const INTRO_PP = /^(?:in|at|on|during|after|before|speaking|asked|writing|last|this|from|via|through|under|with|without|amid|despite|following|for|by|as|when|while|addressing|responding|replying|earlier|later|since|until|in an?|hours|days|minutes|weeks)\b[^,]{0,100},\s*/i;
const END_PUNCT = /[\s.,;:!?]+$/;

const wordsOf = (s: string) => s.split(/\s+/).filter(Boolean);

function isNounPhrase(s: string, allowLong = false): boolean {
  const w = wordsOf(s);
  if (w.length === 0 || w.length > (allowLong ? 20 : 12)) return false;
  if (/["“”]/.test(s)) return false;
  if (FINITE.test(s)) return false;
  const lw = w.map((x) => x.toLowerCase().replace(/[,.'’s]+$/, ''));
  const last = w[w.length - 1]!.toLowerCase();
  if (/^(?:the|a|an|of|to|in|on|at|for|with|by|and|or|that|his|her|their|its)$/.test(last)) return false;
  if (w.length === 1 && PRONOUNS.has(w[0]!.toLowerCase())) return true;
  if (/\p{Lu}/u.test(s)) return true;
  return lw.some((x) => PERSON_NOUNS.has(x) || PERSON_NOUNS.has(x + 's') || ORG_NOUNS.has(x));
}

/** Skip a channel or time adjunct starting at `pos`; returns the new position and the channel. */
function skipAdjuncts(text: string, pos: number, end: number): { pos: number; channel: string | null } {
  let channel: string | null = null;
  for (let guard = 0; guard < 6; guard++) {
    const before = pos;
    while (pos < end && /[\s,]/.test(text[pos]!)) pos++;
    const slice = text.slice(0, end);
    for (const p of CHANNEL_PATTERNS) {
      p.re.lastIndex = pos;
      const m = p.re.exec(slice);
      if (m && m.index === pos) {
        channel ??= p.label(m);
        pos += m[0].length;
        break;
      }
    }
    ADJUNCT_RE.lastIndex = pos;
    const a = ADJUNCT_RE.exec(slice);
    if (a && a.index === pos) pos += a[0].length;
    if (pos === before) break;
  }
  return { pos, channel };
}

function trimSpan(text: string, s: number, e: number): Span {
  while (s < e && /[\s,:;—–-]/.test(text[s]!)) s++;
  while (e > s && /[\s,;:—–-]/.test(text[e - 1]!)) e--;
  // A full stop that ends the sentence is not part of reported content.
  if (e > s && text[e - 1] === '.' && !/[.”"’']/.test(text[e - 2] ?? '')) e--;
  return { start: s, end: e };
}

/** The subject noun phrase that ends right before `end` (the cue), searched back to `floor`. */
function subjectBefore(text: string, floor: number, end: number, masks: Span[], progressive = false): { source: Span; head: Span; appositive: Span | null } | null {
  // Step back over auxiliaries and adverbs: "he has also said"; "is" only before an -ing cue
  // ("she is demanding"), since before a participle it makes a passive ("was announced").
  let e = end;
  for (;;) {
    const m = /(\S+)\s*$/.exec(text.slice(floor, e));
    if (!m) break;
    const w = m[1]!.toLowerCase();
    if (CUE_MODIFIERS.has(w) || (progressive && /^(?:is|are|was|were|been|be|’s|'s|’re|'re)$/.test(w)) || (/^\w+ly$/.test(w) && w !== 'only' && !/^(?:ally|italy|sally|kelly|reilly|daily)$/.test(w))) {
      e = floor + m.index;
      continue;
    }
    break;
  }
  while (e > floor && /\s/.test(text[e - 1]!)) e--;
  if (e <= floor) return null;
  // The clause starts after the last quotation mark span, boundary word or punctuation.
  let s = floor;
  for (const m of masks) if (m.end <= e && m.end > s) s = m.end;
  const region = text.slice(s, e);
  const appos = text[e - 1] === ',';
  let headEnd = e;
  let appositive: Span | null = null;
  if (appos) {
    // "Name, a top aide, said" / "A spokesman, Name, said".
    const inner = text.slice(s, e - 1);
    const c = inner.lastIndexOf(',');
    if (c < 0) return null;
    appositive = { start: s + c + 1, end: e - 1 };
    headEnd = s + c;
    if (!isNounPhrase(text.slice(appositive.start, appositive.end), true) && !/^\s*(?:who|which)\b/.test(text.slice(appositive.start, appositive.end)) && !/^\s*\d+\s*$/.test(text.slice(appositive.start, appositive.end))) return null;
  }
  let hs = s;
  const headRegion = text.slice(s, headEnd);
  BOUNDARY_RE.lastIndex = 0;
  for (let m = BOUNDARY_RE.exec(headRegion); m; m = BOUNDARY_RE.exec(headRegion)) hs = s + m.index + m[0].length;
  if (!appos) {
    // "The plan is dead, the mayor said": only what follows the last comma is the subject.
    const c = text.lastIndexOf(',', headEnd - 1);
    if (c >= hs) hs = c + 1;
  }
  let head = text.slice(hs, headEnd);
  for (let k = 0; k < 4; k++) {
    const before = head;
    head = head.replace(/^\s+/, '').replace(INTRO_WORDS, '').replace(INTRO_PP, '');
    if (head === before) break;
  }
  head = head.replace(/^(?:with|while|as)\s+/i, '');
  hs = headEnd - head.length;
  while (hs < headEnd && /\s/.test(text[hs]!)) hs++;
  if (hs >= headEnd || !isNounPhrase(text.slice(hs, headEnd))) return null;
  void region;
  const headSpan = { start: hs, end: headEnd };
  return { source: { start: hs, end: appos ? e - 1 : e }, head: headSpan, appositive };
}

/** The subject noun phrase right after an inverted cue: ", said Mayor Ann Blake." */
export function subjectAfter(text: string, start: number, end: number): Span | null {
  let s = start;
  while (s < end && /\s/.test(text[s]!)) s++;
  const m = /^[^,.;:!?“”"]+/.exec(text.slice(s, end));
  if (!m) return null;
  let phrase = m[0];
  const cut = /\s(?:in|on|at|during|told|who|according|after|before|when|while|as|to|from|of a|last|this|late|early|earlier|adding|noting|speaking)\s/.exec(' ' + phrase + ' ');
  if (cut) phrase = phrase.slice(0, Math.max(0, cut.index - 1));
  phrase = phrase.replace(/\s+$/, '');
  // Time words after the name: "said Ms Doe Monday".
  phrase = phrase.replace(/\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|on)$/i, '');
  if (!phrase || !isNounPhrase(phrase)) return null;
  return { start: s, end: s + phrase.length };
}

const inMask = (masks: Span[], i: number) => masks.some((m) => i >= m.start && i < m.end);

/** All attributions found in one unit [uStart, uEnd). `masks` are quotation spans. */
export function findAttributions(text: string, uStart: number, uEnd: number, masks: Span[]): Attribution[] {
  const toks = tokenize(text.slice(uStart, uEnd), uStart);
  const out: Attribution[] = [];
  const localMasks = masks.filter((m) => m.end > uStart && m.start < uEnd);
  // A headline in title case ("Budget Will Pass, Mayor Says") capitalises its cue too.
  const long = toks.filter((t) => t.text.length > 3 && /^\p{L}/u.test(t.text));
  const titleCase = long.length >= 4 && long.filter((t) => /^\p{Lu}/u.test(t.text)).length >= 0.8 * long.length;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (inMask(localMasks, t.start)) continue;
    // "according to X"
    if (t.text.toLowerCase() === 'according' && toks[i + 1]?.text.toLowerCase() === 'to') {
      const a = accordingTo(text, uStart, uEnd, t, toks[i + 1]!, localMasks);
      if (a) out.push(a);
      continue;
    }
    const learned = speechLemma(t.text) ? null : learnedCue(t.text);
    const lemma = speechLemma(t.text) ?? (learned ? LEARNED + learned.form : null);
    if (!lemma) continue;
    if (/^\p{Lu}/u.test(t.text) && t.start !== uStart && !titleCase) continue; // "Said", a name
    const a = attributionAt(text, uStart, uEnd, toks, i, lemma, localMasks, out) ?? coordinatedCue(text, uEnd, toks, i, lemma, out);
    if (a && learned) a.learned = learned.weight;
    if (a) out.push(a);
  }
  return cutAtCoordinatedAttributions(text, out);
}

/** "X said A, but pledged B", "X called on P and urged Q": a cue whose subject is elided after
 * "and" or "but" inside the content of the attribution before it is a second attribution of the
 * same source; the first content stops at the conjunction. */
function coordinatedCue(text: string, uEnd: number, toks: Token[], i: number, lemma: string, found: Attribution[]): Attribution | null {
  const t = toks[i]!;
  const conj = toks[i - 1];
  if (!conj || !/^(?:and|but)$/i.test(conj.text) || /ing$/.test(t.text)) return null;
  const main = found.at(-1);
  if (!main || main.mode !== 'subject-cue-content' || main.content.length !== 1 || !main.source) return null;
  const c = main.content[0]!;
  if (t.start <= c.start || t.start >= c.end) return null;
  const restStart = skipAdjuncts(text, t.end, uEnd).pos;
  const rest = text.slice(restStart, uEnd);
  if (wordsOf(rest.replace(/[.!?”"’']+$/, '')).length < 2 || /^\s*(?:for|about|of|with|in|by|during|at|from|into|over|up|out|off|down|back|as)\b/i.test(rest)) return null;
  const before = toks[i - 2]?.text === ',' ? toks[i - 2]!.start : conj.start;
  const cut = trimSpan(text, c.start, before);
  if (cut.end - cut.start < 3) return null;
  main.content = [cut];
  const cue = { start: t.start, end: t.end };
  return { cue, lemma, source: main.source, head: main.head, appositive: main.appositive, content: [trimSpan(text, restStart, uEnd)], channel: null, mode: 'subject-cue-content' };
}

// A clause joined by a conjunction or semicolon: "…, but he said …", "…; officials noted …".
const COORDINATION = /(?:[,;]\s*(?:(?:but|and|though|although|while|yet|whereas)\s+)?|\s+(?:but|though|although|whereas|yet)\s+)$/i;

/** Content that runs on into a coordinated clause with its own attribution ("X agreed that A,
 * but he said that B") stops before that clause: B is the other attribution's content, not part
 * of A. An attribution introduced by "that" inside the content stays nested in it. */
function cutAtCoordinatedAttributions(text: string, attrs: Attribution[]): Attribution[] {
  for (const a of attrs) {
    if (a.mode !== 'subject-cue-content' || a.content.length !== 1) continue;
    const c = a.content[0]!;
    for (const b of attrs) {
      if (b === a || !b.source || b.mode !== 'subject-cue-content') continue;
      const at = b.source.start;
      if (at <= c.start || at >= c.end || b.cue.start < at) continue;
      const m = COORDINATION.exec(text.slice(c.start, at));
      if (!m) continue;
      const cut = trimSpan(text, c.start, c.start + m.index);
      if (cut.end - cut.start >= 3) a.content = [cut];
      break;
    }
  }
  return attrs;
}

function accordingTo(text: string, uStart: number, uEnd: number, t: Token, to: Token, masks: Span[]): Attribution | null {
  const src = subjectAfterAccording(text, to.end, uEnd);
  if (!src) return null;
  const cue = { start: t.start, end: to.end };
  const before = text.slice(uStart, t.start);
  let content: Span;
  if (/^\s*$/.test(before) || INTRO_WORDS.test(before.trim())) {
    const c = text.indexOf(',', src.end);
    if (c < 0 || c >= uEnd) return null;
    content = trimSpan(text, c + 1, uEnd);
  } else {
    let s = uStart;
    for (const m of masks) if (m.end <= t.start && m.start < s) s = m.start;
    content = trimSpan(text, s, t.start);
    const after = trimSpan(text, src.end, uEnd);
    // "X, according to Y, is Z": the content runs on past the source.
    if (after.end - after.start > 3 && text[src.end] === ',') return { cue, lemma: 'according', source: src, head: src, appositive: null, content: [content, after], channel: null, mode: 'according-to' };
  }
  if (content.end <= content.start) return null;
  void masks;
  return { cue, lemma: 'according', source: src, head: src, appositive: null, content: [content], channel: null, mode: 'according-to' };
}

function subjectAfterAccording(text: string, start: number, end: number): Span | null {
  let s = start;
  while (s < end && /\s/.test(text[s]!)) s++;
  const m = /^[^,.;:!?“”"]+/.exec(text.slice(s, end));
  if (!m) return null;
  const phrase = m[0].replace(/\s+$/, '');
  if (!phrase || wordsOf(phrase).length > 14) return null;
  return { start: s, end: s + phrase.length };
}

const GERUND_PREP = /^(?:by|for|after|before|while|from|without|of|about|in|on|upon|since)$/i;
const SCENE_OPENING = /^\s*(?:in|at|on|by|following|when|whenever|while|after|before|since|during|despite|if|although|though|until|once|but when|but after|but in)\b/i;
const TELL_LISTENER_ONLY = /^\s*(?:him|her|them|us|me|you|(?:local\s+|foreign\s+)?(?:reporters|journalists)|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)(?:\s+(?:this|last|on|in|at|earlier|later|during|after|before|yesterday|today|recently)\b[^,;:"“”]*)?[\s.!?]*$/;

function attributionAt(text: string, uStart: number, uEnd: number, toks: Token[], i: number, lemma: string, masks: Span[], found: Attribution[]): Attribution | null {
  const t = toks[i]!;
  const cue = { start: t.start, end: t.end };
  const prevTok = toks[i - 1];
  // "told AFP" is itself a channel pattern, so it is read from the cue on.
  const afterCue = skipAdjuncts(text, lemma === 'tell' ? t.start : t.end, uEnd);
  if (afterCue.pos < t.end) afterCue.pos = t.end;
  const restStart = afterCue.pos;
  const rest = text.slice(restStart, uEnd);
  const restWords = wordsOf(rest.replace(/[.!?”"’']+$/, '')).length;
  const startsClause = /^\s*(?:that\b|:|,?\s*["“‘])/.test(rest) || /^\s*,\s*$/.test(rest) === false && /^\s*(?:he|she|they|it|we|i|the|a|an|there|this|these|those|his|her|their|its|our|[A-Z])/.test(rest);
  // Participles after a comma take the subject of the clause they hang on: ", adding that …".
  if (/ing$/.test(t.text) && prevTok && (prevTok.text === ',' || prevTok.text === 'and')) {
    const main = found.at(-1);
    if (!main || restWords < 2) return null;
    const skipThat = /^\s*that\b/.exec(rest);
    return { cue, lemma, source: null, head: main.head, appositive: null, content: [trimSpan(text, restStart + (skipThat ? 0 : 0), uEnd)], channel: afterCue.channel, mode: 'participle' };
  }
  // "criticised for saying that …", "began by saying he would …": the speaker is the subject of a
  // clause this cue does not head; the content is still what was said.
  if (/ing$/.test(t.text) && prevTok && GERUND_PREP.test(prevTok.text) && /^\s*(?:that\b|:|,?\s*["“]|(?:he|she|they|it|we|i)\b)/i.test(rest) && restWords >= 3) {
    return { cue, lemma, source: null, head: null, appositive: null, content: [trimSpan(text, restStart, uEnd)], channel: afterCue.channel, mode: 'subject-cue-content' };
  }
  // "with the ministry saying that …": an -ing cue with its own subject.
  const progressive = /ing$/.test(t.text) && /\b(?:is|are|was|were)\s+(?:\w+ly\s+|also\s+|now\s+|still\s+)?$/i.test(text.slice(Math.max(uStart, t.start - 30), t.start));
  if (/ing$/.test(t.text) && !progressive && !/^\s*(?:that\b|:|,?\s*["“])/.test(rest)) return null;
  // "an architect who said he was …": the relative pronoun is the source, and the noun phrase it
  // refers to, when one ends just before it, is who spoke.
  if (prevTok && /^(?:who|which|that)$/.test(prevTok.text) && !/ing$/.test(t.text) && restWords >= 2) {
    if (/^\s*(?:to|for|about|of|with|on|in|by|during|at|from)\b/i.test(rest) && !/^[^“"]{0,100}?\bthat\b/.test(rest)) return null;
    let anteEnd = prevTok.start;
    while (anteEnd > uStart && /[\s,]/.test(text[anteEnd - 1]!)) anteEnd--;
    const ante = anteEnd > uStart ? subjectBefore(text, uStart, anteEnd, masks) : null;
    const source = { start: prevTok.start, end: prevTok.end };
    return { cue, lemma, source, head: ante?.head ?? null, appositive: null, content: [trimSpan(text, restStart, uEnd)], channel: afterCue.channel, mode: 'subject-cue-content' };
  }
  // Subject before the cue.
  const subj = subjectBefore(text, uStart, t.start, masks, progressive);
  if (subj) {
    const beforeSubj = text.slice(uStart, subj.source.start);
    const restIsEnd = restWords === 0 || /^[\s.!?]*$/.test(rest);
    // "In June, the senator called on …": an opening adverbial sets the scene for a cue that goes
    // on to its own content; it is not what was said.
    // So are the words before the subject when the cue goes on to a clause of its own ("…, Jones
    // said at a rally that …").
    const ownClause = /^\s*(?:that\b|:)/.test(rest) || /^\s*(?:to|for|about|of|with|on|in|by|during|at)\b[^“".]{0,100}?\bthat\b/.test(rest);
    const sceneSetter = !restIsEnd && (SCENE_OPENING.test(beforeSubj) || ownClause) && !/["“”]/.test(beforeSubj);
    const beforeIsContent = /[,”"’']\s*$/.test(beforeSubj) && wordsOf(beforeSubj).length >= 2 && !sceneSetter;
    const commaAfter = /^\s*,/.test(text.slice(t.end, uEnd));
    const adjunctAfter = /^\s*(?:to|of|about|during|at|in|on|after|before|while|when|as|from|with)\b/i.test(rest) || /^\s*\w+ing\b/.test(rest);
    // "“…,” X told me this week.": the listener and a time or place are all that follows.
    const listenerOnly = lemma === 'tell' && TELL_LISTENER_ONLY.test(rest);
    if (beforeIsContent && (restIsEnd || commaAfter || adjunctAfter || restWords <= 1 || listenerOnly)) {
      // "“…,” X said." or "The plan failed, X said, and …"
      let s = uStart;
      // Only the clause before the subject: skip an intro ending with a comma if no quotation.
      const content: Span[] = [trimSpan(text, s, subj.source.start)];
      if (!restIsEnd && restWords >= 3 && !adjunctAfter) {
        content.push(trimSpan(text, restStart, uEnd));
        return { cue, lemma, ...subj, content, channel: afterCue.channel, mode: 'parenthetical' };
      }
      s = content[0]!.start;
      return { cue, lemma, ...subj, content, channel: afterCue.channel, mode: 'content-subject-cue' };
    }
    if (restWords >= 1 && lemma.startsWith(LEARNED)) {
      // Learned cues take whatever follows as their content: "wants to leave", "endorsed the
      // plan", "believes the count is wrong"; a learned particle joins the cue ("called for").
      const next = toks[i + 1];
      if (next && learnedParticle(t.text, next.text)) {
        const after = trimSpan(text, next.end, uEnd);
        if (after.end - after.start < 2) return null;
        return { cue: { start: cue.start, end: next.end }, lemma, ...subj, content: [after], channel: afterCue.channel, mode: 'subject-cue-content' };
      }
      if (/^\s*(?:for|about|of|with|on|in|by|during|at|against|from|into|over|up|out|off|down|back|as)\b/i.test(rest)) return null;
      return { cue, lemma, ...subj, content: [trimSpan(text, restStart, uEnd)], channel: afterCue.channel, mode: 'subject-cue-content' };
    }
    if (restWords >= 2) {
      if (OBJECT_CUES.has(lemma)) {
        // "called for a recount", "criticized the plan": the object is the content.
        const ext = /^\s*(?:for|on)\b/.test(rest) && lemma === 'call' ? /^\s*(?:for|on)\b/.exec(rest)![0] : '';
        const objStart = restStart + ext.length;
        if (/^\s*(?:to|for|about|of|with|on|in|by|during|at)\b/.test(text.slice(objStart, uEnd)) && lemma !== 'want' && lemma !== 'plan' && lemma !== 'refuse') return null;
        return { cue: { start: cue.start, end: ext ? restStart + ext.length : cue.end }, lemma, ...subj, content: [trimSpan(text, objStart, uEnd)], channel: afterCue.channel, mode: 'subject-cue-content' };
      }
      if (cueNeedsClause(lemma) && !/^\s*(?:that\b|:|,?\s*["“])/.test(rest)) {
        // Forms that annotated news nearly always uses as cues ("the poll shows Jones ahead",
        // "declined to comment") need no "that"; rarer ones ("found a body") still do.
        const lc = learnedCue(t.text, STRONG_LEARNED);
        if (!lc || /^\s*(?:for|about|of|with|on|in|by|during|at)\b/.test(rest)) return null;
        return { cue, lemma, ...subj, content: [trimSpan(text, restStart, uEnd)], channel: afterCue.channel, mode: 'subject-cue-content', learned: lc.weight };
      }
      void startsClause;
      if (lemma === 'tell' && !afterCue.channel && !/^\s*(?:that|:|["“])/.test(rest)) {
        // "told his radio audience on Monday, “…”": the listener, then the quotation.
        const toQuote = /^[^“".;:]{1,60}?[:,]\s*(?=[“"])/.exec(rest);
        if (toQuote) return { cue, lemma, ...subj, content: [trimSpan(text, restStart + toQuote[0].length, uEnd)], channel: toQuote[0].replace(/[:,]\s*$/, '').trim(), mode: 'subject-cue-content' };
        // "told him to leave" is not speech content we can use.
        const m = /^\s*(?:him|her|them|us|me|it|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)*)\s+(?:that\s+)?/.exec(rest);
        if (!m) return null;
        const start = restStart + m[0].length;
        if (/^\s*to\b/.test(text.slice(start))) return null;
        return { cue, lemma, ...subj, content: [trimSpan(text, start, uEnd)], channel: m[0].trim().replace(/\s+that$/, ''), mode: 'subject-cue-content' };
      }
      if (/^\s*(?:to|for|about|of|with|on|in|by|during|at)\b/.test(rest)) {
        // "said during a rally in Ohio that …", "says of the rival, “…”": content after the adjunct.
        const m = /^[^“"]{0,100}?(?:\bthat\b|[:,]\s*(?=[“"]))/.exec(rest);
        if (!m) return null;
        const at = restStart + m[0].length - (/that$/.test(m[0]) ? 4 : 0);
        return { cue, lemma, ...subj, content: [trimSpan(text, at, uEnd)], channel: afterCue.channel, mode: 'subject-cue-content' };
      }
      return { cue, lemma, ...subj, content: [trimSpan(text, restStart, uEnd)], channel: afterCue.channel, mode: 'subject-cue-content' };
    }
    if (restIsEnd && wordsOf(beforeSubj).length >= 2) {
      return { cue, lemma, ...subj, content: [trimSpan(text, uStart, subj.source.start)], channel: afterCue.channel, mode: 'content-subject-cue' };
    }
    return null;
  }
  // Inverted: "“…,” said X." / "…, said X."
  const before = text.slice(uStart, t.start);
  if (/[,”"’']\s*$/.test(before) && wordsOf(before).length >= 2) {
    const src = subjectAfter(text, t.end, uEnd);
    if (!src) return null;
    const after = skipAdjuncts(text, src.end, uEnd);
    return { cue, lemma, source: src, head: src, appositive: null, content: [trimSpan(text, uStart, t.start)], channel: afterCue.channel ?? after.channel, mode: 'content-cue-subject' };
  }
  return null;
}
