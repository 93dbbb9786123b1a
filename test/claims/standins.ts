// Minimal stand-ins for the layers claims, events and control build on (times, mentions,
// quotes, places), so these tests do not depend on other modules being finished.
import type { Granularity, Mention, PlaceRef, Quote, TimeRef } from '../../src/types.js';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MON_ABBR: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function monthNo(s: string): number | null {
  const k = s.toLowerCase().replace(/\.$/, '');
  const i = MONTHS.indexOf(k);
  if (i >= 0) return i + 1;
  return MON_ABBR[k] ?? null;
}
const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Dates in `text` resolved against the publication day: weekdays (the latest on or before),
 * "Month D, YYYY", "Mon. D", "in Month YYYY", "in YYYY", "last month", "this week". */
export function findTimes(text: string, published: string): TimeRef[] {
  const pub = new Date(published.slice(0, 10) + 'T00:00:00Z');
  const out: TimeRef[] = [];
  const add = (start: number, end: number, value: string, granularity: Granularity) =>
    out.push({ start, end, text: text.slice(start, end), value, granularity, confidence: 0.8, reason: 'stand-in' });
  const taken = (s: number, e: number) => out.some((t) => s < t.end && t.start < e);
  const MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
  for (const m of text.matchAll(new RegExp(`${MONTH_RE}\\s+(\\d{1,2})(?!\\d)(?:,\\s*(\\d{4}))?`, 'g'))) {
    const mo = monthNo(m[1]!)!;
    const y = m[3] ? Number(m[3]) : pub.getUTCFullYear();
    add(m.index!, m.index! + m[0].length, `${y}-${pad(mo)}-${pad(Number(m[2]))}`, 'day');
  }
  for (const m of text.matchAll(new RegExp(`\\bin\\s+${MONTH_RE}\\s+(\\d{4})`, 'g'))) {
    const s = m.index! + 3;
    if (!taken(s, m.index! + m[0].length)) add(s, m.index! + m[0].length, `${m[2]}-${pad(monthNo(m[1]!)!)}`, 'month');
  }
  for (const m of text.matchAll(/\b(?:in|since|of)\s+((?:19|20)\d{2})\b(?![-\d])/g)) {
    const s = m.index! + m[0].length - 4;
    if (!taken(s, s + 4)) add(s, s + 4, m[1]!, 'year');
  }
  for (const m of text.matchAll(/\b(?:on\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|evening|afternoon))?\b/g)) {
    const wd = WEEKDAYS.indexOf(m[1]!.toLowerCase());
    const d = new Date(pub);
    const back = (pub.getUTCDay() - wd + 7) % 7;
    d.setUTCDate(d.getUTCDate() - back);
    const s = m.index! + m[0].indexOf(m[1]!);
    if (!taken(s, m.index! + m[0].length)) add(s, m.index! + m[0].length, iso(d), 'day');
  }
  for (const m of text.matchAll(/\b[Ll]ast month\b/g)) {
    const y = pub.getUTCMonth() === 0 ? pub.getUTCFullYear() - 1 : pub.getUTCFullYear();
    const mo = pub.getUTCMonth() === 0 ? 12 : pub.getUTCMonth();
    add(m.index!, m.index! + m[0].length, `${y}-${pad(mo)}`, 'month');
  }
  for (const m of text.matchAll(/\b[Yy]esterday\b/g)) {
    const d = new Date(pub);
    d.setUTCDate(d.getUTCDate() - 1);
    add(m.index!, m.index! + m[0].length, iso(d), 'day');
  }
  return out.sort((a, b) => a.start - b.start);
}

export interface NameEntry {
  name: string;
  type: 'PERSON' | 'ORG';
  aliases?: string[];
  roles?: string[];
}

/** Every occurrence of each name or alias, longest first, as a mention of that entity. */
export function findMentions(text: string, entries: NameEntry[]): Mention[] {
  const forms: { form: string; e: NameEntry }[] = [];
  for (const e of entries) for (const f of [e.name, ...(e.aliases ?? [])]) forms.push({ form: f, e });
  forms.sort((a, b) => b.form.length - a.form.length);
  const out: Mention[] = [];
  for (const { form, e } of forms) {
    const esc = form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]");
    const ci = /^\p{Ll}/u.test(form);
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${esc}(?![\\p{L}])`, ci ? 'giu' : 'gu'))) {
      const s = m.index!;
      const en = s + m[0].length;
      if (out.some((x) => s < x.end && x.start < en)) continue;
      out.push({ start: s, end: en, text: m[0], type: e.type, ref: e.name, roles: e.roles, via: 'stand-in' });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Quotes located by their text, with a known speaker. */
export function makeQuotes(text: string, items: { text: string; speaker: string }[]): Quote[] {
  const out: Quote[] = [];
  const norm = (s: string) => s.replace(/[’‘]/g, "'").replace(/[“”]/g, '"').replace(/\s/g, ' ');
  const nt = norm(text);
  for (const q of items) {
    const needle = norm(q.text).replace(/[,.]$/, '');
    let at = nt.indexOf(needle);
    while (at >= 0 && out.some((o) => o.start === at)) at = nt.indexOf(needle, at + 1);
    if (at < 0) continue;
    out.push({
      start: at, end: at + needle.length, kind: 'direct', text: text.slice(at, at + needle.length), cue: null,
      speakerSpan: null, speaker: q.speaker, speakerRef: q.speaker, channel: null, confidence: 1, evidence: [],
    });
  }
  return out;
}

/** Places named in `text`, from a list of names with coordinates. */
export function findPlaces(text: string, names: { name: string; lat: number; lon: number; kind?: string; country?: string | null }[]): PlaceRef[] {
  const out: PlaceRef[] = [];
  for (const p of names) {
    const esc = p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])${esc}(?![\\p{L}])`, 'gu'))) {
      out.push({
        start: m.index!, end: m.index! + m[0].length, text: m[0], name: p.name, lat: p.lat, lon: p.lon,
        country: p.country ?? null, kind: p.kind === 'country' ? 'country' : p.kind === 'province' ? 'admin1' : 'city',
        geoId: `standin:${p.name}`, confidence: 1, reason: 'stand-in',
      });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
