// A name the tagger typed OTHER (a group, a movement) becomes an organisation for the whole article
// when the article shows it acting as one: it speaks or acts as a subject ("the Brotherhood said",
// "the Order, which had seized …"), or has a spokesman or leaders ("a spokesman for the Order").
import type { Token } from '../../text/segment.js';
import type { Mention } from '../../types.js';
import { DEMONYMS } from '../ner/lexicon.js';

const AGENT_VERBS = new Set(
  `said says say claimed claims claim announced announces announce denied denies deny captured
  captures capture seized seizes seize took takes launched launches attacked attacks killed kills
  agreed agrees vowed vows warned warns rejected rejects accused accuses told tells stated states
  insisted insists pledged pledges threatened threatens controls controlled overran struck signed
  demanded demands held carried executed issued confirmed confirms responded admitted blamed
  refused refuses urged urges`.split(/\s+/),
);
const BETWEEN = new Set(
  'has have had is are was were will would also just now then reportedly later already instead still allegedly which who that'.split(' '),
);
const MEMBERS = new Set(
  'spokesman spokeswoman spokesperson spokesmen leader leaders leadership official officials commander commanders chief founder fighters negotiators delegation'.split(' '),
);
const SPOKES = /^spokes(?:man|woman|person|men)$|^leaders?$|^officials?$|^commanders?$/;

/** True when the tokens around [a, b) show the name acting as an organisation. */
export function actsAsOrganisation(ts: Token[], a: number, b: number): boolean {
  const w = (i: number) => (i >= 0 && i < ts.length ? ts[i]!.text.toLowerCase() : '');
  let j = b;
  if (w(j) === "'s" || w(j) === '’s') j++;
  if (MEMBERS.has(w(j))) return true;
  j = b;
  if (w(j) === ',' && (w(j + 1) === 'which' || w(j + 1) === 'who')) j++;
  for (let k = 0; k < 4 && BETWEEN.has(w(j)); k++) j++;
  if (AGENT_VERBS.has(w(j))) return true;
  // "a spokesman for the Order", "leaders of the Order"
  let p = a - 1;
  if (w(p) === 'the') p--;
  return (w(p) === 'for' || w(p) === 'of') && SPOKES.test(w(p - 1));
}

/** Retype OTHER entities that act as organisations anywhere in the article. Mentions must carry
 * refs; `toks` are the sentence tokens the spans index into. */
export function promoteActingGroups(toks: Token[][], mentions: Mention[]): void {
  const flat = toks.flat();
  const startAt = new Map(flat.map((t, i) => [t.start, i]));
  const endAt = new Map(flat.map((t, i) => [t.end, i]));
  const sentenceOf = new Map<number, Token[]>();
  for (const ts of toks) for (const t of ts) sentenceOf.set(t.start, ts);
  const acting = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'OTHER' || !m.ref || acting.has(m.ref)) continue;
    if (m.via === 'coref:pronoun' || m.via === 'coref:description') continue;
    const last = m.text.split(/\s+/).pop()!.toLowerCase();
    if (DEMONYMS.has(last) || !/^\p{L}/u.test(m.text)) continue;
    const ts = sentenceOf.get(m.start);
    const i = startAt.get(m.start);
    const e = endAt.get(m.end);
    if (!ts || i === undefined || e === undefined) continue;
    const off = ts.indexOf(flat[i]!);
    if (actsAsOrganisation(ts, off, off + (e - i) + 1)) acting.add(m.ref);
  }
  for (const m of mentions) if (m.ref && acting.has(m.ref)) m.type = 'ORG';
}
