// Shared reading of a sentence's context for claims, events and control: who says it, which
// actor a group noun or pronoun stands for, which side a speaker belongs to, and which date a
// statement refers to.
import type { Granularity, Mention, Quote, Span, TimeRef } from '../../types.js';
import {
  ACCORDING_TO_RE,
  COUNTRY_SIDES,
  GROUP_NOUN_RE,
  OUTLET_HINT_RE,
  PRONOUN_RE,
  SPEECH_CUE_RE,
  STATE_FORCE_RE,
} from './lexicon.js';

export interface Actor {
  name: string;
  ref: string | null;
  span: Span;
  /** "the" was written before the name ("the Ember Front"), so descriptions keep it. */
  article: boolean;
}

export interface Claimant extends Actor {
  cue: Span & { text: string };
  how: 'quote' | 'speech-cue' | 'according-to' | 'trailing-cue';
}

const DEMONYMS = new Set(COUNTRY_SIDES.flatMap(([, names]) => names.map((n) => n.toLowerCase())));

/** Mentions that can act: people and organisations, and recurring names the tagger could not
 * type (an armed movement named a dozen times is an actor even when tagged OTHER). Demonyms,
 * compounds ("X-led") and names seen once or twice stay out. */
export function isActor(m: Mention, mentions: Mention[]): boolean {
  if (m.type === 'PERSON' || m.type === 'ORG') return true;
  if (m.type !== 'OTHER' || !m.ref) return false;
  if (PRONOUN_RE.test(m.text)) return mentions.some((x) => x.ref === m.ref && !PRONOUN_RE.test(x.text) && isActor(x, mentions));
  if (!/^\p{Lu}/u.test(m.text) || DEMONYMS.has(m.text.toLowerCase()) || /-/.test(m.text)) return false;
  let n = 0;
  for (const x of mentions) if (x.ref === m.ref && !PRONOUN_RE.test(x.text)) n++;
  return n >= 3;
}

/** The group an actor's type says it is, OTHER actors counting as organisations. */
function actorType(m: Mention, mentions: Mention[]): 'PERSON' | 'ORG' | null {
  if (m.type === 'PERSON' || m.type === 'ORG') return m.type;
  return isActor(m, mentions) ? 'ORG' : null;
}

export function sentenceAt(sentences: Span[], pos: number): Span | null {
  for (const s of sentences) if (pos >= s.start && pos < s.end) return s;
  return null;
}

export function sentenceIndex(sentences: Span[], pos: number): number {
  return sentences.findIndex((s) => pos >= s.start && pos < s.end);
}

/** Bodies of a state: they command or report, they are not the armed group a noun refers to. */
const STATE_BODY_RE = /\b(?:department|ministry|chiefs|staff|council|embassy|government|administration|pentagon|house|office|agency|commission|mission|army|forces|police|military|command)\b/i;

const TITLE_WORD = /^(?:mr|mrs|ms|dr|gen|general|lt|col|colonel|maj|major|capt|captain|adm|admiral|sgt|president|vice|prime|minister|secretary|ambassador|envoy|chairman|chief|commander|spokesman|spokeswoman|senator|sen|rep|gov|governor|mullah|sheikh|king|queen|prince|judge|justice|army|navy|top|military|state|defense|defence|foreign|head|former|acting|deputy|special|u\.?s\.?|us|uk|un)\.?$/i;

/** The article's proper name for an entity: among its capitalised mentions, titles stripped
 * ("U.S. Army Gen. Jan Doe" → "Jan Doe"), the fullest form; descriptions ("the top general")
 * only when nothing better exists. */
export function displayName(ref: string | null | undefined, mentions: Mention[], fallback: string): string {
  if (!ref) return fallback;
  let best = '';
  let bestDesc = '';
  for (const m of mentions) {
    if (m.ref !== ref || m.via?.startsWith('coref:pronoun') || PRONOUN_RE.test(m.text)) continue;
    if (!actorType(m, mentions)) continue;
    const t = stripDeterminer(m.text);
    const words = t.split(/\s+/);
    const proper = words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|and|for|the|al|bin|de|van|von)$/i.test(w) || /^al-/.test(w));
    if (!proper) {
      if (t.length > bestDesc.length) bestDesc = t;
      continue;
    }
    let k = 0;
    while (k < words.length - 1 && TITLE_WORD.test(words[k]!) && m.type === 'PERSON') k++;
    const name = words.slice(k).join(' ');
    if (name.length > best.length) best = name;
  }
  return best || bestDesc || fallback;
}

export function stripDeterminer(s: string): string {
  return s.replace(/^(?:the|a|an)\s+/i, '').replace(/['’]s$/, '').trim();
}

const AUX = /^(?:\s|,|has|have|had|was|were|is|are|also|later|earlier|previously|reportedly|now|then|again|once|too|repeatedly|publicly|separately|further|in a statement|on \w+|in an interview)*$/i;

/** The mention (or, failing that, noun phrase) that ends just before `pos` in `[from, pos)`. */
// "X, who has moved her office to Y, said": the clause between commas is not the speaker.
const TRAILING_ASIDE = /,\s*(?:who|which|whose|the|a|an|now|then|himself|herself)\b[^,]*,\s*$/i;
// "The ministry on Tuesday said", "Officials last week said": time words sit before the cue.
const TRAILING_TIME = /\s+(?:on\s+)?(?:(?:last|this|late|early)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|weekend|month|year|night|morning|evening)\s*,?\s*$/i;

function actorBefore(text: string, from: number, cuePos: number, mentions: Mention[]): Actor | null {
  let pos = cuePos;
  const aside = TRAILING_ASIDE.exec(text.slice(from, pos));
  if (aside) pos = from + aside.index;
  const time = TRAILING_TIME.exec(text.slice(from, pos));
  if (time) pos = from + time.index;
  const window = text.slice(from, pos);
  let best: Mention | null = null;
  for (const m of mentions) {
    if (m.start < from || m.end > pos) continue;
    if (!actorType(m, mentions)) continue;
    if (!AUX.test(text.slice(m.end, pos))) continue;
    if (!best || m.end > best.end || (m.end === best.end && m.start < best.start)) best = m;
  }
  if (best) {
    const name = PRONOUN_RE.test(best.text) ? displayName(best.ref, mentions, best.text) : displayName(best.ref, mentions, stripDeterminer(best.text));
    // "a spokesman for the X said": the spokesman speaks, for X.
    const role = /\b(spokes(?:man|woman|person)|official|commander|envoy|representative)\s+(?:for|of)\s+(?:the\s+)?$/i.exec(text.slice(Math.max(from, best.start - 40), best.start));
    return {
      name: role && best.type !== 'PERSON' ? `${name} ${role[1]!.toLowerCase()}` : name,
      ref: best.ref ?? null,
      span: { start: best.start, end: best.end },
      article: /\bthe\s+$/i.test(text.slice(Math.max(0, best.start - 4), best.start)) || /^the\s/i.test(best.text),
    };
  }
  // A noun phrase such as "American military officials have" or "The city government".
  const m = /((?:[\p{L}\p{N}.'’\-]+\s+){0,5}[\p{L}\p{N}.'’\-]+)((?:\s|,)*(?:has|have|had|was|were|is|are|also|later|earlier|previously|reportedly|now)?\s*)$/u.exec(window);
  if (!m) return null;
  let np = m[1]!;
  // Cut at the last clause boundary word ("that", "and", "but", a preposition).
  const parts = np.split(/\s+/);
  let k = parts.length;
  while (k > 0 && !/^(?:that|and|but|while|as|because|since|after|before|when|where|which|who|if|of|in|on|at|to|for|with|from|by|said|says)$/i.test(parts[k - 1]!)) k--;
  // "A nurse at the regional hospital", "Officials in the capital": the head comes before the
  // preposition, which then belongs to the phrase.
  if (k > 1 && /^(?:at|in|from|with|of)$/i.test(parts[k - 1]!)) {
    let h = k - 1;
    while (h > 0 && k - 1 - h < 2 && !/^(?:that|and|but|while|as|because|since|after|before|when|where|which|who|if|said|says|to|for|by|on)$/i.test(parts[h - 1]!)) h--;
    const head = parts.slice(h, k - 1);
    if (head.length > 0 && /^(?:a|an|the|\p{Lu}[\p{Ll}]+s|(?:officials?|sources?|residents?|nurses?|doctors?|witness(?:es)?|diplomats?|analysts?|people|someone))$/iu.test(head[0]!) && /(?:s|man|woman|nurse|doctor|official|source|resident|witness|diplomat|analyst|person)$/i.test(head.at(-1)!)) k = h;
  }
  np = parts.slice(k).join(' ').replace(/(?:\s+(?:has|have|had|was|were|is|are|also|later|earlier|previously|reportedly|now))+$/i, '');
  // A phrase ending in a determiner or a verb is not a name ("… rejected the").
  if (/\s(?:the|a|an|its|their|his|her)$/i.test(np) || /\b\p{Ll}+ed\s/u.test(np + ' ') && !/^(?:the|a|an)\s/i.test(np) && np.split(/\s+/).length > 3) return null;
  if (!np || /^(?:it|this|that|which|who)$/i.test(np)) return null;
  const start = from + m.index + m[1]!.length - np.length;
  const pron = PRONOUN_RE.test(np);
  if (pron) {
    const r = resolveGroup(text, start, mentions, /^(?:he|she)$/i.test(np) ? 'PERSON' : 'ORG');
    if (r) return { ...r, span: { start, end: start + np.length } };
    return null;
  }
  return { name: attributiveSide(stripDeterminer(np)), ref: null, span: { start, end: start + np.length }, article: /^the\s/i.test(np) };
}

// Sides whose short name is also how English writes them before a noun ("US officials").
const ATTRIBUTIVE = new Set(['US', 'UK', 'EU', 'UN', 'NATO']);

/** "American military officials" → "US military officials": one voice, however an outlet writes
 * the country, so claimants group across outlets. Other demonyms stay as written. */
export function attributiveSide(np: string): string {
  const m = /^([\p{L}.]+)(\s+.+)$/u.exec(np);
  if (!m) return np;
  const entry = COUNTRY_SIDES.find(([side, names]) => ATTRIBUTIVE.has(side) && names.includes(m[1]!));
  return entry && /^\s+\p{Ll}/u.test(m[2]!) ? `${entry[0]}${m[2]}` : np;
}

/** The nearest earlier actor a group noun or pronoun stands for ("the militants" → the last
 * named armed group). News organisations are skipped: they report, they do not fight; so are
 * state bodies when the noun names an armed group ("the insurgents" is never the ministry). */
export function resolveGroup(text: string, pos: number, mentions: Mention[], type: 'ORG' | 'PERSON' = 'ORG', armed = false): Actor | null {
  let best: Mention | null = null;
  for (const m of mentions) {
    if (m.end > pos || actorType(m, mentions) !== type) continue;
    if (PRONOUN_RE.test(m.text)) continue;
    if (type === 'ORG' && OUTLET_HINT_RE.test(m.text)) continue;
    if (armed && STATE_BODY_RE.test(m.text)) continue;
    if (!best || m.end > best.end) best = m;
  }
  if (!best) return null;
  return {
    name: displayName(best.ref, mentions, stripDeterminer(best.text)),
    ref: best.ref ?? null,
    span: { start: best.start, end: best.end },
    article: /\bthe\s+$/i.test(text.slice(Math.max(0, best.start - 4), best.start)),
  };
}

/** Who asserts what is at `span`: the speaker of a quote around it, the subject of a speech
 * cue before it in the sentence, "according to X", or a trailing ", X said". */
export function findClaimant(
  text: string,
  sentence: Span,
  span: Span,
  quotes: Quote[],
  mentions: Mention[],
): { claimant: Claimant | null; via: string | null } {
  // Nested attribution ("X said that …, ABC reported"): the innermost speaker made the claim,
  // the outer one relayed it.
  const around = quotes.filter((x) => x.start <= span.start && span.end <= x.end && x.speaker).sort((a, b) => a.end - a.start - (b.end - b.start));
  const q = around[0];
  let claimant: Claimant | null = null;
  let relay: string | null = null;
  for (const o of around.slice(1)) {
    const name = displayName(o.speakerRef, mentions, o.speaker!);
    if (q && name !== displayName(q.speakerRef, mentions, q.speaker!)) {
      relay = name;
      break;
    }
  }
  if (q) {
    claimant = {
      name: displayName(q.speakerRef, mentions, q.speaker!),
      ref: q.speakerRef,
      span: q.speakerSpan ?? { start: q.start, end: q.start },
      article: false,
      cue: q.cue ?? { start: q.start, end: q.start, text: '' },
      how: 'quote',
    };
  }
  const before = text.slice(sentence.start, span.start);
  if (!claimant) {
    const cues = [...before.matchAll(SPEECH_CUE_RE)];
    for (let n = cues.length - 1; n >= 0 && !claimant; n--) {
      const c = cues[n]!;
      const cueStart = sentence.start + c.index!;
      // "rejected the claim", "their reports": a noun, not a verb of saying.
      if (/\b(?:the|a|an|its|their|his|her|this|that|these|those)\s+$/i.test(text.slice(Math.max(sentence.start, cueStart - 8), cueStart))) continue;
      const a = actorBefore(text, sentence.start, cueStart, mentions);
      if (a) claimant = { ...a, cue: { start: cueStart, end: cueStart + c[0].length, text: c[0] }, how: 'speech-cue' };
    }
  }
  const whole = text.slice(sentence.start, sentence.end);
  let via: string | null = relay;
  for (const m of whole.matchAll(ACCORDING_TO_RE)) {
    const at = sentence.start + m.index! + m[0].length;
    const np = /^((?:the\s+)?(?:[\p{L}\p{N}.'’\-]+\s*){1,6}?)(?=[,.;]|$|\s+(?:as|and|who|which|on|in|that)\b)/u.exec(text.slice(at, sentence.end));
    if (!np) continue;
    const raw = np[1]!.trim().replace(/[.,;]+$/, '');
    const name = mentionAt(mentions, at, at + raw.length) ?? attributiveSide(stripDeterminer(raw));
    if (!claimant) {
      claimant = { name, ref: null, span: { start: at, end: at + raw.length }, article: false, cue: { start: sentence.start + m.index!, end: at, text: m[0].trim() }, how: 'according-to' };
    } else if (name !== claimant.name) via = name;
  }
  // ", ABC reported." / ", officials said." after the figure.
  const after = text.slice(span.end, sentence.end);
  const tail = /,\s*((?:the\s+)?(?:[\p{L}\p{N}.'’\-]+\s+){0,5}?)(?:(?:have|has|had)\s+)?(said|reported|told|says|reports|claimed|added)\s*(?:[,.;!?"”]|$)/u.exec(after);
  if (tail && tail[1]!.trim()) {
    const at = span.end + tail.index! + tail[0].indexOf(tail[1]!);
    const raw = tail[1]!.trim();
    const name = mentionAt(mentions, at, at + raw.length) ?? attributiveSide(stripDeterminer(raw));
    if (!PRONOUN_RE.test(raw)) {
      if (!claimant) {
        const cs = at + tail[0].length - tail[0].indexOf(tail[1]!) ;
        claimant = { name, ref: null, span: { start: at, end: at + raw.length }, article: false, cue: { start: cs, end: cs, text: tail[2]! }, how: 'trailing-cue' };
      } else if (name !== claimant.name) via = name;
    }
  }
  return { claimant, via };
}

function mentionAt(mentions: Mention[], start: number, end: number): string | null {
  const m = mentions.find((x) => x.start >= start && x.end <= end && (x.type === 'ORG' || x.type === 'PERSON'));
  return m ? displayName(m.ref, mentions, stripDeterminer(m.text)) : null;
}

const SIDE_ALIASES: { side: string; re: RegExp }[] = COUNTRY_SIDES.map(([side, names]) => ({
  side,
  re: new RegExp(`(?:^|[^\\p{L}])(?:${names.map((n) => n.replace(/[.]/g, '\\.')).join('|')})(?![\\p{L}])`, 'u'),
}));

/** The group a claimant speaks for: an organisation or country named in its roles or just
 * before its name ("a rebel-front spokesman", "US general", "a spokesman for the X"), or the
 * claimant itself when it is a government or an armed group. */
export function sideOf(claimant: Actor | null, text: string, mentions: Mention[]): string | null {
  if (!claimant) return null;
  const contexts: string[] = [];
  const same = mentions.filter((m) => (claimant.ref && m.ref === claimant.ref) || (m.start === claimant.span.start && m.end === claimant.span.end));
  for (const m of same) {
    contexts.push(...(m.roles ?? []));
    contexts.push(text.slice(Math.max(0, m.start - 60), m.start).split(/[.;!?\n"“”]/).pop() ?? '');
    contexts.push(text.slice(m.end, Math.min(text.length, m.end + 40)).split(/[.;!?\n]/)[0]!.replace(/^\s*,?\s*(?:a|an|the)?\s*/, ''));
  }
  if (same.length === 0) contexts.push(claimant.name);
  const self = mentions.find((m) => m.type === 'ORG' && (m.ref ? m.ref === claimant.ref : m.start === claimant.span.start));
  if (self && !OUTLET_HINT_RE.test(self.text)) return countrySide(claimant.name) ?? claimant.name;
  if (STATE_FORCE_RE.test(claimant.name) || /\b(?:spokesman|spokeswoman|spokesperson)\b/i.test(claimant.name)) {
    contexts.unshift(claimant.name);
  }
  for (const ctx of contexts) {
    const s = sideInText(ctx, mentions);
    if (s) return s;
  }
  if (/\b(?:government|administration)\b/i.test(claimant.name)) return claimant.name;
  return null;
}

function countrySide(s: string): string | null {
  for (const a of SIDE_ALIASES) if (a.re.test(s)) return a.side;
  return null;
}

/** First organisation or country named in a short piece of text. */
export function sideInText(ctx: string, mentions: Mention[]): string | null {
  if (!ctx.trim()) return null;
  let best: { at: number; side: string } | null = null;
  const orgNames = new Set(mentions.filter((m) => m.type === 'ORG' && !OUTLET_HINT_RE.test(m.text)).map((m) => stripDeterminer(m.text)));
  for (const name of orgNames) {
    if (name.length < 2) continue;
    const re = new RegExp(`(?:^|[^\\p{L}])${escapeRe(name)}(?![\\p{L}])`, 'u');
    const m = re.exec(ctx);
    if (m && (!best || m.index < best.at)) best = { at: m.index, side: countrySide(name) ?? name };
  }
  for (const a of SIDE_ALIASES) {
    const m = a.re.exec(ctx);
    if (m && (!best || m.index < best.at)) best = { at: m.index, side: a.side };
  }
  return best?.side ?? null;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The actor that performs a predicate whose trigger starts at `pos`: the nearest mention or
 * group noun before it in the clause (resolved to the group it stands for). */
export function subjectBefore(text: string, from: number, pos: number, mentions: Mention[]): Actor | null {
  const clause = text.slice(from, pos);
  let best: Actor | null = null;
  let bestPronoun = false;
  for (const m of mentions) {
    if (m.start < from || m.end > pos || !actorType(m, mentions)) continue;
    if (OUTLET_HINT_RE.test(m.text) && m.type === 'ORG') continue;
    if (!best || m.end > best.span.end) {
      const pron = PRONOUN_RE.test(m.text);
      // A pronoun the coreference layer tied to a named actor is that actor.
      const name = displayName(m.ref, mentions, pron ? m.text : stripDeterminer(m.text));
      bestPronoun = pron && PRONOUN_RE.test(name);
      best = {
        name,
        ref: m.ref ?? null,
        span: { start: m.start, end: m.end },
        article: /\bthe\s+$/i.test(text.slice(Math.max(0, m.start - 4), m.start)) || /^the\s/i.test(m.text),
      };
    }
  }
  // Group nouns and pronouns that come after the last named actor.
  const re = new RegExp(`${GROUP_NOUN_RE.source}|\\b(?:they|it)\\b`, 'gi');
  let lastGroup: { at: number; len: number; armed: boolean } | null = null;
  for (const m of clause.matchAll(re)) lastGroup = { at: from + m.index!, len: m[0].length, armed: !/^(?:they|it)$/i.test(m[0]) };
  if (lastGroup && (!best || lastGroup.at >= best.span.end)) {
    const r = resolveGroup(text, lastGroup.at, mentions, 'ORG', lastGroup.armed);
    if (r) return { ...r, span: { start: lastGroup.at, end: lastGroup.at + lastGroup.len }, article: r.article || true };
  }
  if (best && bestPronoun) return resolveGroup(text, best.span.start, mentions, 'ORG');
  return best;
}

// ---------------------------------------------------------------------------------------------
// Dates a statement refers to.

export interface Dated {
  value: string;
  granularity: Granularity;
  evidence: string;
  confidence: number;
  span?: Span;
}

const SPEECH_EVENT_RE = /\b(?:said|says|told|remarks?|press conference|news conference|briefing|statement|interview|spoke|announced|testified|tweeted)\b/i;

/** The time expression in `[from, to)` nearest to `pos`, not inside any `exclude` span. */
export function timeIn(times: TimeRef[], from: number, to: number, pos: number, exclude: Span[] = []): TimeRef | null {
  let best: TimeRef | null = null;
  let bestD = Infinity;
  for (const t of times) {
    if (t.start < from || t.end > to) continue;
    if (exclude.some((e) => t.start < e.end && e.start < t.end)) continue;
    const d = t.end <= pos ? pos - t.end : Math.max(0, t.start - pos);
    if (d < bestD) {
      best = t;
      bestD = d;
    }
  }
  return best;
}

/** When `who` spoke, as the article states it elsewhere: a sentence naming the same speaker
 * with a speech word and a day-precise time ("X made the remark on Wednesday"). */
export function speechDate(who: Actor | null, text: string, sentences: Span[], times: TimeRef[], mentions: Mention[]): TimeRef | null {
  if (!who) return null;
  const last = who.name.split(/\s+/).pop()!.toLowerCase();
  const mine = mentions.filter((m) => (who.ref && m.ref === who.ref) || m.text.toLowerCase().split(/\s+/).pop() === last);
  for (const s of sentences) {
    if (!mine.some((m) => m.start >= s.start && m.end <= s.end)) continue;
    const body = text.slice(s.start, s.end);
    if (!SPEECH_EVENT_RE.test(body)) continue;
    const t = times.find((x) => x.start >= s.start && x.end <= s.end && x.granularity === 'day');
    if (t) return t;
  }
  return null;
}

/** The date of the last report of speech in the few sentences before: news leads state when
 * something was said and the following sentences go on without repeating it. Within `back`
 * sentences any sentence may sit between; further back only an unbroken run of undated reports
 * of speech carries the date ("X said on Monday …. X said …. The US general said …"). */
export function leadDate(text: string, sentences: Span[], index: number, times: TimeRef[], back = 2, chain = 6): TimeRef | null {
  for (let k = index - 1; k >= Math.max(0, index - chain); k--) {
    const s = sentences[k]!;
    const speech = SPEECH_EVENT_RE.test(text.slice(s.start, s.end));
    const dated = times.filter((x) => x.start >= s.start && x.end <= s.end && (x.granularity === 'day' || x.granularity === 'month' || x.granularity === 'year'));
    const t = dated.find((x) => x.granularity === 'day');
    if (speech && t) return t;
    // A sentence with its own date of another kind, or no speech beyond the near window, ends the run.
    if (index - k >= back && (!speech || dated.length > 0)) break;
  }
  return null;
}

export function publishedDay(published: string | null): Dated | null {
  if (!published) return null;
  const day = /^\d{4}-\d{2}-\d{2}/.exec(published)?.[0];
  return day ? { value: day, granularity: 'day', evidence: 'publication date', confidence: 0.4 } : null;
}
