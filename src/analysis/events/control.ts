// Who holds a place, as the text says it: "X captured Y", "Y fell to X", "Y, held by X",
// "X-held Y", "X stopped the attackers at Y" (the defender holds Y), "the fall of Y" (to the
// group named with it). A claim made by a party about its own gains is `claimed`; what the
// outlet or a third party states is `reported`.
import type { ControlClaim, Evidence, Mention, PlaceRef, Quote, Span, TimeRef } from '../../types.js';
import { findClaimant, publishedDay, sideOf, speechDate, stripDeterminer, subjectBefore, displayName, type Actor } from '../claims/context.js';
import { COUNTRY_SIDES, OUTLET_HINT_RE, STATE_FORCE_RE } from '../claims/lexicon.js';

export interface ControlInput {
  text: string;
  sentences: Span[];
  mentions: Mention[];
  places: PlaceRef[];
  times: TimeRef[];
  quotes: Quote[];
  published: string | null;
}

const TAKE_RE = /\b(?:captured|capture|seized|seize|overran|overrun|took control of|taken control of|take control of|took over|taken over|retook|retaken|recaptured|conquered|entered)\b/gi;
const STOP_RE = /\b(?:stop|stopped|repelled|repulsed|pushed back|held off|beat back|beaten back|halted|defended)\b/gi;
const NEGATION_RE = /\b(?:not|no|never|failed to|unable to|would|could|might|may|if)\b/i;
const GAP_TO_PLACE = /^(?:\s|,|the|city|town|village|province|district|capital|provincial|of|key|strategic|northern|southern|eastern|western|central|main|base|bases|at|in|including|areas?|around|[\p{Lu}][\p{L}]*['’]s)*$/u;

function placesAfter(places: PlaceRef[], text: string, from: number, to: number): PlaceRef[] {
  const out: PlaceRef[] = [];
  let cursor = from;
  for (const p of places) {
    if (p.start < from || p.end > to) continue;
    const gap = text.slice(cursor, p.start);
    // The first place may follow "the city of"; later ones only a list joiner ("X and Y").
    if (out.length === 0 ? !GAP_TO_PLACE.test(gap) : !/^\s*(?:,|,?\s*and|,?\s*or)\s*$/.test(gap)) break;
    // "the country's sixth city": the place only qualifies the real target.
    if (/^['’]s\b/.test(text.slice(p.end, p.end + 3))) break;
    out.push(p);
    cursor = p.end;
  }
  return out;
}

/** A holder's name for the map: state forces stand for their government ("Afghan troops" → "Afghan government"). */
export function holderName(name: string): string {
  const n = stripDeterminer(name);
  if (STATE_FORCE_RE.test(n)) {
    const first = n.split(/\s+/)[0]!;
    const country = COUNTRY_SIDES.find(([, names]) => names.includes(first));
    if (country || /^\p{Lu}/u.test(first)) return `${first} government`;
    return 'government';
  }
  return n;
}

export function extractControl(input: ControlInput): ControlClaim[] {
  const { text, sentences, mentions, places, quotes, times } = input;
  const out: ControlClaim[] = [];
  const push = (place: PlaceRef, holder: string, s: Span, si: number, how: string, triggerSpan: Span) => {
    if (out.some((c) => c.start === place.start)) return;
    const evidence: Evidence[] = [{ reason: how, span: triggerSpan }];
    const { claimant } = findClaimant(text, s, place, quotes, mentions);
    const claimantSide = claimant ? sideOf(claimant, text, mentions) : null;
    const body = text.slice(s.start, s.end);
    const self = claimant && (claimantSide === holder || claimant.name === holder || /\bclaim(?:ed|s)?\b/i.test(body.slice(0, triggerSpan.start - s.start)));
    const status: ControlClaim['status'] = self ? 'claimed' : 'reported';
    if (claimant) evidence.push({ reason: `${status} by ${claimant.name}`, span: claimant.span });
    const asOf = dateOf(input, s, si, claimant);
    if (asOf) evidence.push({ reason: `as of ${asOf.value}: ${asOf.why}` });
    out.push({
      start: place.start,
      end: place.end,
      place: place.name,
      holder,
      asOf: asOf?.value ?? null,
      status,
      claimant: claimant?.name ?? null,
      evidence,
    });
  };

  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const body = text.slice(s.start, s.end);
    // X captured Y.
    for (const m of body.matchAll(TAKE_RE)) {
      const at = s.start + m.index!;
      const before = text.slice(Math.max(s.start, at - 25), at);
      if (NEGATION_RE.test(before)) continue;
      const targets = placesAfter(places, text, at + m[0].length, s.end);
      if (targets.length === 0) continue;
      const actor = subjectBefore(text, s.start, at, mentions);
      if (!actor) continue;
      for (const p of targets) push(p, holderName(actor.name), s, si, `"${m[0]}" by ${actor.name}`, { start: at, end: at + m[0].length });
    }
    // Y fell to X.
    for (const m of body.matchAll(/\b(?:fell|fallen|falls)\s+to\s+(?:the\s+)?/gi)) {
      const at = s.start + m.index!;
      const p = [...places].reverse().find((x) => x.end <= at && x.start >= s.start && /^[\s,]*(?:has|had|have|was|finally|reportedly)?\s*$/.test(text.slice(x.end, at)));
      const who = actorAt(text, at + m[0].length, s.end, mentions);
      if (p && who) push(p, holderName(who), s, si, `"${p.name} ${m[0].trim()} ${who}"`, { start: at, end: at + m[0].length });
    }
    // Y held by X; X-held Y.
    for (const m of body.matchAll(/\b(?:held|controlled|run)\s+by\s+(?:the\s+)?/gi)) {
      const at = s.start + m.index!;
      const p = [...places].reverse().find((x) => x.end <= at && x.start >= s.start && at - x.end < 30);
      const who = actorAt(text, at + m[0].length, s.end, mentions);
      if (p && who && !NEGATION_RE.test(text.slice(p.end, at))) push(p, holderName(who), s, si, `"${m[0].trim()} ${who}"`, { start: at, end: at + m[0].length });
    }
    for (const m of body.matchAll(/\b([\p{Lu}][\p{L}]+)-(?:held|controlled)\s+/gu)) {
      const at = s.start + m.index! + m[0].length;
      const p = places.find((x) => x.start === at);
      if (p) push(p, holderName(m[1]!), s, si, `"${m[0].trim()} ${p.text}"`, { start: s.start + m.index!, end: at });
    }
    // X stopped the attackers at Y: the defender X holds Y.
    for (const m of body.matchAll(STOP_RE)) {
      const at = s.start + m.index!;
      const targets = places.filter((p) => p.start > at && p.end <= s.end);
      if (targets.length === 0) continue;
      const defender = subjectBefore(text, s.start, at, mentions) ?? npBefore(text, s.start, at);
      if (!defender) continue;
      for (const p of targets) push(p, holderName(defender.name), s, si, `${defender.name} "${m[0]}" the attackers at ${p.name}`, { start: at, end: at + m[0].length });
    }
    // The fall of Y (to the group named with it).
    for (const m of body.matchAll(/\bfall of\s+/gi)) {
      const at = s.start + m.index!;
      const p = places.find((x) => x.start === at + m[0].length);
      if (!p) continue;
      const rest = text.slice(p.end, s.end);
      if (/\b(?:is|was|would be|will be)\s+not\b|\bnot\s+imminent\b/i.test(rest.slice(0, 40)) || NEGATION_RE.test(text.slice(Math.max(s.start, at - 20), at))) continue;
      const org = mentions
        .filter((x) => x.type === 'ORG' && x.start >= s.start && x.end <= s.end && !OUTLET_HINT_RE.test(x.text) && !STATE_FORCE_RE.test(x.text) && !/\b(?:council|department|embassy|ministry|house)\b/i.test(x.text))
        .sort((a, b) => Math.abs(a.start - p.end) - Math.abs(b.start - p.end))[0];
      if (org) push(p, holderName(displayName(org.ref, mentions, org.text)), s, si, `"the fall of ${p.name}" with ${org.text}`, { start: at, end: p.end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function actorAt(text: string, from: number, to: number, mentions: Mention[]): string | null {
  const m = mentions.find((x) => x.start >= from && x.start <= from + 4 && x.end <= to && (x.type === 'ORG' || x.type === 'PERSON'));
  if (m) return displayName(m.ref, mentions, stripDeterminer(m.text));
  const w = /^(?:the\s+)?((?:\p{Lu}[\p{L}\-’']*\s*){1,4})/u.exec(text.slice(from, to));
  return w ? w[1]!.trim() : null;
}

function npBefore(text: string, from: number, pos: number): Actor | null {
  const m = /((?:\p{Lu}[\p{L}\-]*\s+){1,5})(?:had\s+|has\s+|have\s+)?(?:been\s+able\s+to\s+|managed\s+to\s+)?$/u.exec(text.slice(from, pos));
  if (!m) return null;
  const name = m[1]!.trim();
  const start = from + m.index;
  return { name, ref: null, span: { start, end: start + name.length }, article: false };
}

function dateOf(input: ControlInput, s: Span, si: number, claimant: Actor | null): { value: string; why: string } | null {
  const { text, sentences, times, mentions } = input;
  const own = times.find((t) => t.start >= s.start && t.end <= s.end);
  if (own) return { value: own.value, why: `"${own.text}" in the sentence` };
  const prev = si > 0 ? sentences[si - 1]! : null;
  if (prev && TAKE_OR_FALL.test(text.slice(prev.start, prev.end))) {
    const t = times.find((x) => x.start >= prev.start && x.end <= prev.end && x.granularity === 'day');
    if (t) return { value: t.value, why: `the sentence before reports the same capture "${t.text}"` };
  }
  const sd = claimant ? speechDate(claimant, text, sentences, times, mentions) : null;
  if (sd) return { value: sd.value, why: `${claimant!.name} spoke "${sd.text}"` };
  const pub = publishedDay(input.published);
  return pub ? { value: pub.value, why: 'publication date' } : null;
}

const TAKE_OR_FALL = /\b(?:captured|seized|overran|took control|fell|fall of|stopped)\b/i;
