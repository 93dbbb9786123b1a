// Who holds a place, as the text says it: "X captured Y", "Y fell to X", "Y, held by X",
// "X-held Y", "X stopped the attackers at Y" (the defender holds Y), "the fall of Y" (to the
// group named with it). A claim made by a party about its own gains is `claimed`; what the
// outlet or a third party states is `reported`.
import type { ControlClaim, Evidence, Mention, PlaceRef, Span } from '../../types.js';
import { findClaimant, isActor, publishedDay, sideOf, speechDate, stripDeterminer, subjectBefore, displayName, type Actor } from '../claims/context.js';
import { COUNTRY_SIDES, OUTLET_HINT_RE, SPEECH_CUE_RE, STATE_FORCE_RE } from '../claims/lexicon.js';
import { newsDay, type NewsDay as NewsDayT } from './newsday.js';
import type { EventInput } from './extract.js';

/** Control reads the same layers as events. */
export type ControlInput = EventInput;

const TAKE_RE = /\b(?:captured|capture|seized|seize|overran|overrun|took control of|taken control of|take control of|took over|taken over|retook|retaken|recaptured|conquered|entered)\b/gi;
const STOP_RE = /\b(?:stop|stopped|repelled|repulsed|pushed back|held off|beat back|beaten back|halted|defended)\b/gi;
const NEGATION_RE = /\b(?:not|no|never|failed to|unable to|would|could|might|may|if)\b/i;
const GAP_TO_PLACE = /^(?:\s|,|the|city|town|village|province|district|capital|provincial|of|key|strategic|northern|southern|eastern|western|central|main|base|bases|at|in|including|areas?|around|[\p{Lu}][\p{L}]*['’]s)*$/u;

/** A target the gazetteer or tagger missed, recognised by how the text frames it: a capitalised
 * name followed by an appositive that makes it a place (", the capital of …", ", a town in …"). */
const PLACE_APPOSITIVE = /^,\s+(?:the|a|an)\s+(?:[\p{Ll}-]+\s+){0,3}(?:capital|city|town|village|district|province|provincial capital|base|port|stronghold|hub|seat)\b/u;
const NAME_AT = /^(?:\p{Lu}[\p{L}'’\-]*)(?:\s+\p{Lu}[\p{L}'’\-]*){0,2}/u;

export interface Target extends Span {
  text: string;
  /** Gazetteer name when the place was resolved. */
  name: string;
}

function nameAt(text: string, at: number, to: number): Target | null {
  const m = NAME_AT.exec(text.slice(at, to));
  if (!m) return null;
  return { start: at, end: at + m[0].length, text: m[0], name: m[0] };
}

/** The organisation or group a capitalised word names, when the tagger saw it as one. */
function actorWord(mentions: Mention[], start: number, end: number): string | null {
  const m = mentions.find((x) => x.start <= start && x.end >= end && (x.type === 'ORG' || x.type === 'OTHER'));
  return m && isActor(m, mentions) ? displayName(m.ref, mentions, m.text) : null;
}

function placesAfter(places: PlaceRef[], text: string, from: number, to: number): Target[] {
  const out: Target[] = [];
  let cursor = from;
  const sorted = places.filter((p) => p.start >= from && p.end <= to).sort((a, b) => a.start - b.start);
  let k = 0;
  while (cursor < to) {
    const p = sorted[k];
    const gapRe = out.length === 0 ? GAP_TO_PLACE : /^\s*(?:,|,?\s*and|,?\s*or)\s*$/;
    const skip = /^[\s,]*(?:(?:and|or)\s+)?/.exec(text.slice(cursor, to))![0].length;
    let next: Target | null = null;
    if (p && gapRe.test(text.slice(cursor, p.start))) {
      next = { start: p.start, end: p.end, text: p.text, name: p.text };
      k++;
    } else if (out.length > 0) {
      // "including Kandahar and Varrow": a name listed with a resolved place is a place.
      const n = nameAt(text, cursor + skip, to);
      if (n && gapRe.test(text.slice(cursor, n.start)) && /^\s*(?:[.,;]|and\b|or\b|$)/.test(text.slice(n.end, n.end + 5))) next = n;
    } else {
      const lead = /^(?:\s|,|the|city|town|village|of)*/.exec(text.slice(cursor, to))![0].length;
      const n = nameAt(text, cursor + lead, to);
      if (n && PLACE_APPOSITIVE.test(text.slice(n.end, to))) next = n;
    }
    if (!next) break;
    // "the country's sixth city": the place only qualifies the real target.
    if (/^['’]s\b/.test(text.slice(next.end, next.end + 3))) break;
    out.push(next);
    cursor = next.end;
    while (k < sorted.length && sorted[k]!.start < cursor) k++;
  }
  return out;
}

/** A holder's name for the map: state forces stand for their government ("Afghan troops" → "Afghan government"). */
export function holderName(name: string, fallbackGovernment: string | null = null): string {
  const n = stripDeterminer(name);
  if (STATE_FORCE_RE.test(n)) {
    const first = n.split(/\s+/)[0]!;
    const country = COUNTRY_SIDES.find(([, names]) => names.includes(first));
    // "Government forces", "Army units": no country in the name; the place's own government.
    if (country || (/^\p{Lu}/u.test(first) && !STATE_FORCE_RE.test(first) && !GENERIC_STATE.test(first))) return `${first} government`;
    return fallbackGovernment ?? 'government';
  }
  return n;
}

const GENERIC_STATE = /^(?:government|state|national|federal|regime|security|special|elite|regular|pro-government)$/i;

/** The government a place belongs to, named by the demonym of its country as the article
 * writes it ("Afghan government"), for places said to be held against an attack. */
function governmentOf(place: Target, places: PlaceRef[]): string | null {
  const ref = places.find((p) => p.start === place.start);
  const code = ref?.country ?? places.find((p) => p.kind !== 'country' && p.country)?.country ?? null;
  if (!code) return null;
  const country = places.find((p) => p.kind === 'country' && p.country === code);
  if (!country) return null;
  const entry = COUNTRY_SIDES.find(([side, names]) => side === country.name || names.includes(country.text) || names.includes(country.name));
  const demonym = entry?.[1].find((n) => n !== country.text && n !== country.name && /(?:an|ish|ese|i|ch)$/.test(n) && !/s$/.test(n));
  return `${demonym ?? country.text} government`;
}

/** Where the reported clause begins: after the last speech cue before `pos` ("He said X had
 * stopped …"), so the speaker is not taken for the actor. */
function clauseStart(text: string, from: number, pos: number): number {
  let start = from;
  for (const m of text.slice(from, pos).matchAll(SPEECH_CUE_RE)) start = from + m.index! + m[0].length;
  return start;
}

export function extractControl(input: ControlInput): ControlClaim[] {
  const { text, sentences, mentions, places, quotes } = input;
  const out: ControlClaim[] = [];
  const day = newsDay(text, sentences, input.times, input.published);
  const push = (place: Target, holder: string, s: Span, si: number, how: string, triggerSpan: Span) => {
    if (out.some((c) => c.start === place.start)) return;
    const evidence: Evidence[] = [{ reason: how, span: triggerSpan }];
    const { claimant } = findClaimant(text, s, place, quotes, mentions);
    const claimantSide = claimant ? sideOf(claimant, text, mentions) : null;
    const body = text.slice(s.start, s.end);
    const self = claimant && (claimantSide === holder || claimant.name === holder || /\bclaim(?:ed|s)?\b/i.test(body.slice(0, triggerSpan.start - s.start)));
    const status: ControlClaim['status'] = self ? 'claimed' : 'reported';
    if (claimant) evidence.push({ reason: `${status} by ${claimant.name}`, span: claimant.span });
    const asOf = dateOf(input, s, si, claimant, day, place);
    if (asOf) evidence.push({ reason: `as of ${asOf.value}: ${asOf.why}` });
    out.push({
      start: place.start,
      end: place.end,
      // The name as the article writes it; places are matched across articles by folded key.
      place: place.text,
      holder,
      asOf: asOf?.value ?? null,
      status,
      claimant: claimant?.name ?? null,
      evidence,
    });
  };
  const asTarget = (p: PlaceRef): Target => ({ start: p.start, end: p.end, text: p.text, name: p.name });

  for (let si = 0; si < sentences.length; si++) {
    const s = sentences[si]!;
    const body = text.slice(s.start, s.end);
    // X captured Y.
    for (const m of body.matchAll(TAKE_RE)) {
      const at = s.start + m.index!;
      const before = text.slice(Math.max(s.start, at - 25), at);
      if (NEGATION_RE.test(before)) continue;
      // "were captured at the airport": people taken somewhere, not the place taken.
      if (/^\s+(?:at|in|near|from|outside|inside|on|during|while)\b/i.test(text.slice(at + m[0].length, at + m[0].length + 12))) continue;
      const targets = placesAfter(places, text, at + m[0].length, s.end);
      if (targets.length === 0) continue;
      // "A spokesman for X claimed to have captured Y": the claim's subject is the one acting.
      const from = clauseStart(text, s.start, at);
      const actor = (from > s.start ? subjectBefore(text, from, at, mentions) ?? npBefore(text, from, at) : null) ?? subjectBefore(text, s.start, at, mentions);
      if (!actor) continue;
      for (const p of targets) push(p, holderName(actor.name, governmentOf(p, places)), s, si, `"${m[0]}" by ${actor.name}`, { start: at, end: at + m[0].length });
    }
    // Y fell to X.
    for (const m of body.matchAll(/\b(?:fell|fallen|falls)\s+to\s+(?:the\s+)?/gi)) {
      const at = s.start + m.index!;
      const p = [...places].reverse().find((x) => x.end <= at && x.start >= s.start && /^[\s,]*(?:has|had|have|was|finally|reportedly)?\s*$/.test(text.slice(x.end, at)));
      const who = actorAt(text, at + m[0].length, s.end, mentions);
      if (p && who) push(asTarget(p), holderName(who), s, si, `"${p.text} ${m[0].trim()} ${who}"`, { start: at, end: at + m[0].length });
    }
    // Y held by X; X-held Y.
    for (const m of body.matchAll(/\b(?:held|controlled|run)\s+by\s+(?:the\s+)?/gi)) {
      const at = s.start + m.index!;
      const p = [...places].reverse().find((x) => x.end <= at && x.start >= s.start && at - x.end < 30);
      const who = actorAt(text, at + m[0].length, s.end, mentions);
      if (p && who && !NEGATION_RE.test(text.slice(p.end, at))) push(asTarget(p), holderName(who), s, si, `"${m[0].trim()} ${who}"`, { start: at, end: at + m[0].length });
    }
    for (const m of body.matchAll(/\b([\p{Lu}][\p{L}]+)-(?:held|controlled)\s+/gu)) {
      const at = s.start + m.index! + m[0].length;
      const p = places.find((x) => x.start === at);
      if (p) push(asTarget(p), holderName(m[1]!), s, si, `"${m[0].trim()} ${p.text}"`, { start: s.start + m.index!, end: at });
    }
    // X stopped the attackers at Y (and Z): the defender X holds them.
    for (const m of body.matchAll(STOP_RE)) {
      const at = s.start + m.index!;
      const first = places.filter((p) => p.start > at && p.end <= s.end).sort((a, b) => a.start - b.start)[0];
      if (!first) continue;
      const targets = placesAfter(places, text, first.start, s.end);
      const from = clauseStart(text, s.start, at);
      const defender = subjectBefore(text, from, at, mentions) ?? npBefore(text, from, at);
      if (!defender) continue;
      for (const p of targets) push(p, holderName(defender.name, governmentOf(p, places)), s, si, `${defender.name} "${m[0]}" the attackers at ${p.text}`, { start: at, end: at + m[0].length });
    }
    // "X's takeover of Y", "the X capture of Y", "X's Y victory": Y held by the actor X.
    for (const m of body.matchAll(/\b([\p{Lu}][\p{L}-]+)(?:['’]s)?\s+(?:takeover|capture|seizure|conquest)\s+of\s+(?:the\s+)?/gu)) {
      const at = s.start + m.index!;
      const p = places.find((x) => x.start === at + m[0].length);
      const who = actorWord(mentions, at, at + m[1]!.length);
      if (p && who && !NEGATION_RE.test(text.slice(Math.max(s.start, at - 20), at))) push(asTarget(p), holderName(who), s, si, `"${m[0].trim()} ${p.text}"`, { start: at, end: p.end });
    }
    for (const m of body.matchAll(/\b([\p{Lu}][\p{L}-]+)['’]s\s+/gu)) {
      const at = s.start + m.index!;
      const p = places.find((x) => x.start === at + m[0].length);
      if (!p || !/^\s+(?:victory|takeover|capture|conquest)\b/i.test(text.slice(p.end, p.end + 14))) continue;
      const who = actorWord(mentions, at, at + m[1]!.length);
      if (who) push(asTarget(p), holderName(who), s, si, `"${m[0].trim()} ${p.text} victory"`, { start: at, end: p.end });
    }
    // The fall of Y: to the group named with it ("the fall of Y, the rebels' biggest victory");
    // "the fall of Y is not imminent": Y is still held by its government.
    for (const m of body.matchAll(/\bfall of\s+/gi)) {
      const at = s.start + m.index!;
      const p = places.find((x) => x.start === at + m[0].length);
      if (!p) continue;
      const rest = text.slice(p.end, s.end);
      const negated = /^[\s,]*(?:(?:is|was|would be|will be|was still|is still)\s+(?:not|far from|unlikely)|(?:is|was)\s+not\s+imminent)\b/i.test(rest);
      if (negated) {
        const gov = governmentOf(asTarget(p), places);
        if (gov) push(asTarget(p), gov, s, si, `"the fall of ${p.text}" denied: still held by the ${gov}`, { start: at, end: p.end });
        continue;
      }
      if (NEGATION_RE.test(text.slice(Math.max(s.start, at - 20), at))) continue;
      // "compared to the fall of Y": an analogy with another war, not news of this one.
      if (/\b(?:compared?\s+(?:to|with)|like|reminiscent\s+of|echoes?\s+of|parallels?\s+(?:to|with))\s+(?:the\s+)?$/i.test(text.slice(Math.max(s.start, at - 30), at))) continue;
      const org = mentions
        .filter((x) => isActor(x, mentions) && x.type !== 'PERSON' && x.start >= s.start && x.end <= s.end && !OUTLET_HINT_RE.test(x.text) && !STATE_FORCE_RE.test(x.text) && !/\b(?:council|department|embassy|ministry|house|pentagon)\b/i.test(x.text))
        .sort((a, b) => Math.abs(a.start - p.end) - Math.abs(b.start - p.end))[0];
      if (org) push(asTarget(p), holderName(displayName(org.ref, mentions, org.text)), s, si, `"the fall of ${p.text}" with ${org.text}`, { start: at, end: p.end });
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

/** The noun phrase just before a verb when no actor was tagged: "Tessaly commando forces had
 * been able to …" → "Tessaly commando forces". Cut at the last clause word; it must start with a
 * capital or name a state force. */
function npBefore(text: string, from: number, pos: number): Actor | null {
  const window = text.slice(from, pos).replace(/(?:\s+(?:had|has|have|were|was|been|able|to|managed|reportedly|also|now))*\s*$/i, '');
  const words = [...window.matchAll(/[\p{L}\p{N}.'’\-]+/gu)];
  let k = words.length;
  while (k > 0 && words.length - k < 6 && !/^(?:that|and|but|while|as|because|after|before|when|where|which|who|if|said|says|told|of|in|on|at|to|for|with|from|by|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i.test(words[k - 1]![0])) k--;
  if (k === words.length) return null;
  const np = words.slice(k);
  const name = np.map((w) => w[0]).join(' ').replace(/^(?:the|a|an)\s+/i, '');
  if (!name || !(/^\p{Lu}/u.test(name) || STATE_FORCE_RE.test(name))) return null;
  const start = from + np[0]!.index!;
  const end = from + np.at(-1)!.index! + np.at(-1)![0].length;
  return { name, ref: null, span: { start, end }, article: false };
}

function dateOf(input: ControlInput, s: Span, si: number, claimant: Actor | null, day: NewsDayT | null, at: Span): { value: string; why: string } | null {
  const { text, sentences, times, mentions } = input;
  // The time nearest the place: "entered X on Sunday … since it seized Y last month".
  const own = times
    .filter((t) => t.start >= s.start && t.end <= s.end && t.granularity !== 'range')
    .sort((a, b) => Math.abs(a.start - at.start) - Math.abs(b.start - at.start))[0];
  if (own) return { value: own.value, why: `"${own.text}" in the sentence` };
  const prev = si > 0 ? sentences[si - 1]! : null;
  if (prev && TAKE_OR_FALL.test(text.slice(prev.start, prev.end))) {
    const t = times.find((x) => x.start >= prev.start && x.end <= prev.end && x.granularity === 'day');
    if (t) return { value: t.value, why: `the sentence before reports the same capture "${t.text}"` };
  }
  const sd = claimant ? speechDate(claimant, text, sentences, times, mentions) : null;
  if (sd) return { value: sd.value, why: `${claimant!.name} spoke "${sd.text}"` };
  // A statement with no date of its own, in a report whose statements are all of one day.
  if (claimant && day) return { value: day.value, why: day.why };
  const pub = publishedDay(input.published);
  return pub ? { value: pub.value, why: 'publication date' } : null;
}

const TAKE_OR_FALL = /\b(?:captured|seized|overran|took control|fell|fall of|stopped)\b/i;
