// Claims: a figure bound to what it measures (subject, predicate, unit), who states it, the
// side that claimant speaks for, and the date the figure refers to.
import type { Claim, Evidence, Mention, Quantity, Quote, Span, TimeRef } from '../../types.js';
import type { QuantityX } from '../quantities/extract.js';
import {
  findClaimant,
  leadDate,
  publishedDay,
  sentenceAt,
  sentenceIndex,
  sideOf,
  speechDate,
  subjectBefore,
  timeIn,
  type Actor,
  type Dated,
} from './context.js';
import { PREDICATES, type Predicate } from './lexicon.js';

export interface ClaimInput {
  text: string;
  sentences: Span[];
  quantities: Quantity[];
  quotes: Quote[];
  mentions: Mention[];
  times: TimeRef[];
  published: string | null;
  outlet: string | null;
}

/** Claim with what the shared type has no room for. */
export interface ClaimX extends Claim {
  /** The whole was itself approximate ("roughly 400"). */
  ofApprox: boolean;
  bound: 'lower' | 'upper' | null;
  /** Value as a share (0–1) of its whole when the text gives one. */
  share: number | null;
  /** Days over which a count was reached ("in four days"). */
  periodDays: number | null;
  /** An outlet or person that relayed the claimant's words ("…, ABC reported"). */
  via: string | null;
  /** Upper end of a range. */
  max: number | null;
  confidence: number;
}

const PLURAL_KEEP = /(?:s|people|personnel|police|killed|wounded|territory|aircraft)$/;

function plural(unit: string): string {
  if (PLURAL_KEEP.test(unit)) return unit;
  if (/[^aeiou]y$/.test(unit)) return unit.slice(0, -1) + 'ies';
  return unit + 's';
}

export function extractClaims(input: ClaimInput): ClaimX[] {
  const { text, sentences, quotes, mentions, times } = input;
  const out: ClaimX[] = [];
  for (const q of input.quantities as QuantityX[]) {
    if (!q.unit) continue;
    const sentence = sentenceAt(sentences, q.start) ?? { start: Math.max(0, q.start - 200), end: Math.min(text.length, q.end + 200) };
    const si = sentenceIndex(sentences, q.start);
    const evidence: Evidence[] = [];

    const { claimant, via } = findClaimant(text, sentence, q, quotes, mentions);
    // The reported clause starts after the speech cue: its subject is not the speaker's.
    const cueInSentence = claimant && (claimant.how === 'speech-cue' || claimant.how === 'quote') && claimant.cue.end > claimant.cue.start && claimant.cue.start >= sentence.start && claimant.cue.end <= q.start;
    const clauseStart = cueInSentence ? claimant!.cue.end : sentence.start;
    const pred = predicateNear(text, clauseStart, sentence.end, q);
    const subject = pred
      ? pred.passiveBy ?? subjectBefore(text, clauseStart, pred.at, mentions)
      : subjectBefore(text, clauseStart, q.start, mentions);
    // "held by our forces": the speaker's own side acts.
    const byUs = pred && claimant && /^\s+by\s+(?:our|my)\b/i.test(text.slice(pred.at + pred.trigger.length, pred.at + pred.trigger.length + 12));
    // "X claim (they) are in control of …": nothing between cue and predicate names another actor.
    const subjectOrClaimant =
      (byUs ? { ...claimant!, name: sideOf(claimant, text, mentions) ?? claimant!.name, article: false } : null) ??
      subject ??
      (pred && claimant && claimant.how === 'speech-cue' && /^[\s,]*(?:that\s+)?(?:(?:they|it|we|are|is|were|was|have|has|had|now|still|already|to|be|been|being)\s+)*$/i.test(text.slice(claimant.cue.end, pred.at))
        ? claimant
        : null);
    if (pred) evidence.push({ reason: `measures what is ${pred.predicate.participle}: "${pred.trigger}"`, span: { start: pred.at, end: pred.at + pred.trigger.length } });
    if (subjectOrClaimant) evidence.push({ reason: `actor: ${subjectOrClaimant.name}`, span: subjectOrClaimant.span });

    const objectNoun = pred ? objectBetween(input.quantities as QuantityX[], q, pred.at) : null;
    const quantity = describe(q, pred?.predicate ?? null, subjectOrClaimant, objectNoun);

    const claimantName = claimant?.name ?? input.outlet;
    if (claimant) evidence.push({ reason: `stated by ${claimant.name} (${claimant.how})`, span: claimant.cue.end > claimant.cue.start ? claimant.cue : claimant.span });
    else evidence.push({ reason: 'no speaker: the reporting outlet states it' });
    const side = claimant ? sideOf(claimant, text, mentions) : null;
    if (side) evidence.push({ reason: `claimant speaks for ${side}` });

    const asOf = dateFor(input, sentence, si, q, claimant);
    evidence.push({ reason: `as of ${asOf?.value ?? 'unknown'}: ${asOf?.evidence ?? 'no date'}`, span: asOf?.span });

    out.push({
      start: q.start,
      end: q.end,
      text: q.text,
      quantity,
      subject: subjectOrClaimant ? (subjectOrClaimant.article ? `the ${subjectOrClaimant.name}` : subjectOrClaimant.name) : null,
      predicate: pred?.predicate.lemma ?? null,
      value: q.value,
      of: q.of,
      unit: q.unit,
      approx: q.approx,
      claimant: claimantName,
      claimantRef: claimant?.ref ?? null,
      side,
      asOf: asOf?.value ?? null,
      asOfGranularity: asOf?.granularity ?? null,
      evidence,
      ofApprox: q.ofApprox ?? false,
      bound: q.bound ?? null,
      share: q.share ?? (q.of ? q.value / q.of : null),
      periodDays: q.period?.days ?? null,
      via,
      max: q.max ?? null,
      confidence: (claimant ? 0.7 : 0.5) + (pred ? 0.15 : 0) + (subjectOrClaimant ? 0.1 : 0),
    });
  }
  return out;
}

interface PredicateHit {
  predicate: Predicate;
  trigger: string;
  at: number;
  /** Passive or intransitive with its actor after: "fell to X", "captured by X". */
  passiveBy: Actor | null;
}

/** The predicate trigger nearest to the figure: before it in the clause ("controls 140 of"),
 * else right after it ("12 people were killed", "nine towns fell to the rebels"). */
function predicateNear(text: string, from: number, to: number, q: Span): PredicateHit | null {
  let best: PredicateHit | null = null;
  let bestD = Infinity;
  const before = text.slice(from, q.start);
  for (const p of PREDICATES) {
    p.re.lastIndex = 0;
    for (const m of before.matchAll(p.re)) {
      const at = from + m.index!;
      const d = q.start - (at + m[0].length);
      // Clause breaks between trigger and figure weaken the link.
      const gap = text.slice(at + m[0].length, q.start);
      const penalty = /[;:]|,\s*(?:but|while|and|as)\b/.test(gap) ? 200 : 0;
      if (d + penalty < bestD) {
        bestD = d + penalty;
        best = { predicate: p.predicate, trigger: m[0], at, passiveBy: null };
      }
    }
  }
  const afterText = text.slice(q.end, Math.min(to, q.end + 60));
  for (const p of PREDICATES) {
    p.re.lastIndex = 0;
    const m = p.re.exec(afterText);
    if (!m) continue;
    const lead = afterText.slice(0, m.index);
    if (!/^\s*(?:(?:have|has|had|were|was|are|is|been|being|reportedly|now|already|also)\s+)*$/i.test(lead)) continue;
    const d = m.index;
    if (d < bestD || best === null) {
      bestD = d;
      const at = q.end + m.index;
      const by = /^\s+(?:by|to)\s+((?:the\s+)?(?:\p{Lu}[\p{L}\-’']*\s*){1,4})/u.exec(text.slice(at + m[0].length, to));
      best = {
        predicate: p.predicate,
        trigger: m[0],
        at,
        passiveBy: by
          ? {
              name: by[1]!.trim().replace(/^the\s+/i, ''),
              ref: null,
              span: { start: at + m[0].length + by.index + by[0].indexOf(by[1]!), end: at + m[0].length + by[0].length },
              article: /^the\s/i.test(by[1]!),
            }
          : null,
      };
    }
  }
  return best;
}

/** "destroying hundreds of buildings in 29 of 34 provinces": the thing acted on sits between
 * the trigger and the figure, and the figure counts where it happened. */
function objectBetween(all: QuantityX[], q: QuantityX, predAt: number): string | null {
  for (const o of all) {
    if (o === q || o.start < predAt || o.end > q.start) continue;
    const gap = o.counted ? o.counted.end : o.end;
    if (q.start - gap < 12 && o.counted) return o.counted.text.toLowerCase();
  }
  return null;
}

function describe(q: QuantityX, pred: Predicate | null, subject: Actor | null, objectNoun: string | null): string {
  const by = subject ? ` by ${subject.article ? 'the ' : ''}${subject.name}` : '';
  // A share of territory taken is a share held: both describe the same state of control.
  const participle = pred && q.unit === 'percent of territory' && pred.lemma === 'capture' ? 'controlled' : pred?.participle;
  const part = participle ? ` ${participle}` : '';
  let what: string;
  if (q.unit === 'percent of territory') what = 'share of territory';
  else if (q.unit === 'percent') what = `share of ${q.counted ? q.counted.text.toLowerCase().replace(/^(?:the|its|their)\s+/, '') : 'total'}`;
  else what = plural(q.unit!);
  if (objectNoun && pred) return `${what} where ${objectNoun} were${part}${by}`;
  // Without a verb, "by" would read as an agent: name the subject the figure is about instead.
  if (!part && subject) return `${what} (${subject.article ? 'the ' : ''}${subject.name})`;
  return `${what}${part}${by}`;
}

function dateFor(input: ClaimInput, sentence: Span, si: number, q: QuantityX, claimant: ReturnType<typeof findClaimant>['claimant']): Dated | null {
  const { text, sentences, times, mentions } = input;
  const exclude: Span[] = [q, ...(q.period ? [q.period] : [])];
  const own = timeIn(times, sentence.start, sentence.end, q.start, exclude);
  if (own) return { value: own.value, granularity: own.granularity, evidence: `"${own.text}" in the same sentence`, confidence: 0.9, span: own };
  if (claimant?.how === 'quote' && claimant.cue.end > claimant.cue.start) {
    const cueSentence = sentenceAt(sentences, claimant.cue.start);
    if (cueSentence && cueSentence.start !== sentence.start) {
      const t = timeIn(times, cueSentence.start, cueSentence.end, claimant.cue.start);
      if (t) return { value: t.value, granularity: t.granularity, evidence: `quote introduced "${t.text}"`, confidence: 0.8, span: t };
    }
  }
  if (claimant) {
    const t = speechDate(claimant, text, sentences, times, mentions);
    if (t) return { value: t.value, granularity: t.granularity, evidence: `${claimant.name} spoke "${t.text}"`, confidence: 0.7, span: t };
    const lead = leadDate(text, sentences, si, times);
    if (lead) return { value: lead.value, granularity: lead.granularity, evidence: `date of the remarks reported just before: "${lead.text}"`, confidence: 0.55, span: lead };
  }
  return publishedDay(input.published);
}
