// Quotations that go on after their attribution: "“A,” she said. “B.”" and "“A,” said Jane Roe, a
// professor at the college, “B.”". News copy splits one statement around its cue; PolNeAR
// annotates the pieces as one content with one cue and source, and readers take them so.
import type { QuoteDetail } from './index.js';

// Abbreviations whose full stop does not end a sentence inside an attribution clause.
const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Rev|St|Jr|Sr|Inc|Co|Corp|Ltd|Jan|Feb|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.N|\p{Lu})\.$/u;

/** Does the text between two quotations hold one sentence at most, ending where it ends? Another
 * sentence in the gap ("Kevin was snoring.") means the second quotation stands on its own. */
function oneClause(gap: string): boolean {
  const re = /[.!?]+(?=\s+\S)/g;
  for (let m = re.exec(gap); m; m = re.exec(gap)) {
    const before = gap.slice(0, m.index + m[0].length);
    if (m[0] === '.' && ABBREVIATION.test(before)) continue;
    // The stop right before the opening mark of the next quotation closes the attribution itself.
    if (/^\s*$/.test(gap.slice(m.index + m[0].length))) continue;
    return false;
  }
  return true;
}

/** The quotation with a cue that `q` belongs with, or null: the one before it in the paragraph
 * ("“A,” she said, “B.”" with the cue read for A) or the one after it (with the cue read for B),
 * with only the attribution clause holding that cue between the two. */
function hostOf(text: string, q: QuoteDetail, before: QuoteDetail | undefined, after: QuoteDetail | undefined, samePara: (a: number, b: number) => boolean): QuoteDetail | null {
  for (const [host, from, to] of [[before, before?.end, q.start], [after, q.end, after?.start]] as const) {
    if (!host?.cue || from === undefined || to === undefined || !samePara(host.start, q.start)) continue;
    if (host.cue.start < from || host.cue.end > to) continue;
    // Without the closing mark of the first quotation and the opening mark of the second.
    const gap = text.slice(from, to).replace(/^["”’']+|[“"‘']+$/g, '');
    if (/["“”«»]/.test(gap) || gap.length > 300 || !oneClause(gap)) continue;
    return host;
  }
  return null;
}

/** Give each cue-less quotation that continues an attributed one its host's cue, source and
 * speaker. `quotes` are the rules' quotations in text order. */
export function joinContinuations(text: string, quotes: QuoteDetail[], samePara: (a: number, b: number) => boolean): void {
  const attributed = quotes.filter((q) => q.kind !== 'reported');
  for (let k = 0; k < attributed.length; k++) {
    const q = attributed[k]!;
    if (q.cue) continue;
    // The quotations are in text order: the nearest one ending before q and starting after it.
    let b = k - 1;
    while (b >= 0 && attributed[b]!.end > q.start) b--;
    let a = k + 1;
    while (a < attributed.length && attributed[a]!.start < q.end) a++;
    const host = hostOf(text, q, attributed[b], attributed[a], samePara);
    if (!host) continue;
    Object.assign(q, {
      kind: 'direct',
      cue: host.cue,
      channel: host.channel,
      sourceSpan: host.sourceSpan,
      speaker: host.speaker,
      speakerRef: host.speakerRef,
      speakerSpan: host.speakerSpan,
      speakerRole: host.speakerRole,
      speakerDescription: host.speakerDescription,
      confidence: Math.max(q.confidence, host.confidence - 0.1),
      evidence: [{ reason: `continues the quotation attributed by cue "${host.cue!.text}"`, span: { start: host.cue!.start, end: host.cue!.end } }],
    } satisfies Partial<QuoteDetail>);
  }
}
