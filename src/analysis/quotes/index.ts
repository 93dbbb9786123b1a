// Quotations and reported speech with their speakers. Direct quotations come from quotation
// marks, reported speech from speech cues ("X said that …", "according to X"); each is tied to a
// speaker through the noun phrase next to its cue, resolved to an in-article entity with the
// mention refs (or, without an NER layer, with the fallback candidates of ./candidates.ts).
// An unknown speaker stays null: no guessing.
import type { Evidence, Mention, Quote, Span } from '../../types.js';
import { foldKey } from '../../text/normalize.js';
import { findSpeakerCandidates, displayNames, type Candidate } from './candidates.js';
import { findAttributions, subjectAfter, type Attribution } from './cues.js';
import { joinContinuations } from './continuation.js';
import { isStrongSpeech, speechLemma, NOT_CUES, NOT_NAME, ORG_NOUNS, PERSON_NOUNS, TITLES } from './lexicon.js';
import { findQuotationMarks, type Marked } from './marks.js';
import { defaultTagger, type AttributionTagger, type TaggedAttribution } from './tagger.js';
import { sourceNounPhrase, subjectRole } from './subject.js';
import type { Decoding } from './tagger-fast.js';

export { findSpeakerCandidates } from './candidates.js';
export { findQuotationMarks } from './marks.js';

/** A Quote with the detail this module knows beyond the shared type. */
export interface QuoteDetail extends Quote {
  /** The whole source noun phrase ("Flynn, a top aide,"), appositive included. */
  sourceSpan: Span | null;
  /** Content pieces when the content is split by its cue ("“A,” she said. “B.”" stays two quotes;
   * "A, she said, B" is one quote with two pieces). */
  fragments: Span[];
  /** A role of the speaker stated at the quote ("spokesman"). */
  speakerRole: string | null;
  /** The speaker as described when no entity could be resolved ("a senior official"). */
  speakerDescription: string | null;
}

interface Speaker {
  name: string | null;
  ref: string | null;
  span: (Span & { text: string }) | null;
  role: string | null;
  description: string | null;
  type: string | null;
  reason: string;
}

interface Prev {
  sp: Speaker;
  at: number;
  channel?: string | null;
}

const NO_SPEAKER: Speaker = { name: null, ref: null, span: null, role: null, description: null, type: null, reason: 'no speaker found' };

/** Sentences joined where a quotation runs across their boundary. */
function units(text: string, sentences: Span[], marks: Marked[]): Span[] {
  const out: Span[] = [];
  for (const s of sentences) {
    const last = out.at(-1);
    if (last && marks.some((m) => m.start < last.end && m.end > last.end && m.end > s.start && m.start < s.start)) last.end = s.end;
    // "“Why now?” Brandt said." is split after the question mark: the cue belongs to the quote.
    else if (last && /[?!…]["”’']$/.test(text.slice(last.start, last.end)) && text.slice(s.start, s.end).split(/\s+/).length <= 10 && text.slice(s.start, s.end).split(/\s+/).some((w) => speechLemma(w.replace(/[.,]/g, '')))) last.end = s.end;
    // "He said:" closing a paragraph introduces the quotation that opens the next one.
    else if (last && /:\s*$/.test(text.slice(last.start, last.end)) && /^["“‘']/.test(text.slice(s.start, s.start + 1))) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}

function headNoun(s: string): string | null {
  const words = s.toLowerCase().replace(/[,.]/g, '').split(/\s+/).filter(Boolean);
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]!.replace(/['’]s$/, '');
    if (PERSON_NOUNS.has(w) || ORG_NOUNS.has(w) || Object.prototype.hasOwnProperty.call(TITLES, w)) return (TITLES[w] || w);
  }
  return null;
}

class Resolver {
  readonly names: Map<string, string>;
  readonly types = new Map<string, string>();
  readonly roles = new Map<string, Set<string>>();
  /** End of the lead (headlines and first body paragraph), where descriptions may refer forward. */
  lead = 0;
  constructor(readonly text: string, readonly mentions: Mention[]) {
    this.names = displayNames(mentions);
    for (const m of mentions) {
      if (!m.ref) continue;
      if (m.type !== 'OTHER' && !(m.via ?? '').includes('pronoun')) this.types.set(m.ref, m.type);
      const set = this.roles.get(m.ref) ?? new Set<string>();
      for (const r of m.roles ?? []) for (const w of r.toLowerCase().split(/\s+/)) set.add(TITLES[w.replace(/\.$/, '')] || w);
      if (m.type === 'ORG') for (const w of m.text.toLowerCase().split(/\s+/)) set.add(w);
      this.roles.set(m.ref, set);
    }
  }

  private inside(s: Span): Mention[] {
    return this.mentions.filter((m) => m.start >= s.start && m.end <= s.end);
  }

  private named(m: Mention): boolean {
    const via = m.via ?? '';
    return !!m.ref && !via.includes('pronoun') && !(via === 'description') && (m.type === 'PERSON' || m.type === 'ORG' || m.type === 'OTHER');
  }

  private fromMention(m: Mention, reason: string, role: string | null): Speaker {
    const name = (m.ref && this.names.get(m.ref)) ?? (m as Candidate).name ?? m.text;
    return { name, ref: m.ref ?? null, span: { start: m.start, end: m.end, text: m.text }, role, description: null, type: m.ref ? (this.types.get(m.ref) ?? m.type) : m.type, reason };
  }

  /** Resolve a source noun phrase. `previous` are the speakers of earlier quotes, nearest last. */
  resolve(head: Span, appositive: Span | null, previous: Prev[], paraStartOf: (i: number) => number): Speaker {
    const headText = this.text.slice(head.start, head.end);
    const headMentions = this.inside(head);
    // A name followed by a role noun only modifies it: "a ministry spokesman", "the US general".
    const modifies = (m: Mention) => this.text.slice(m.end, head.end).toLowerCase().split(/\b(?:of|for|at|from|with|in|by)\b/)[0]!.split(/[^\p{L}]+/u).some((w) => PERSON_NOUNS.has(w) || ORG_NOUNS.has(w) || ORG_NOUNS.has(w.replace(/s$/, '')) || w === 'media');
    // "Jane Roe of the Crisis Group": the name after a preposition is not the head.
    const afterPrep = (m: Mention) => /\b(?:of|for|at|from|with|in|by)\s+(?:the\s+)?$/i.test(this.text.slice(head.start, m.start));
    const named = headMentions.filter((m) => this.named(m) && !(m as Candidate).possessive && !/^['’]s?\b/u.test(this.text.slice(m.end, m.end + 2)) && !modifies(m) && !afterPrep(m));
    const apposMentions = appositive ? this.inside(appositive).filter((m) => this.named(m)) : [];
    const role = headNoun(appositive ? this.text.slice(appositive.start, appositive.end) : '') ?? headNoun(headText);
    if (named.length) {
      const m = named.at(-1)!;
      return this.fromMention(m, `source "${m.text}"${m.via && m.via !== 'name' && m.via !== 'ner' ? ` (${m.via})` : ''}`, role);
    }
    // "A ministry spokesman, Jane Roe, said": the name is in the appositive.
    if (apposMentions.length && apposMentions.every((m) => m.type !== 'ORG') && !/^\s*(?:who|which)\b/.test(this.text.slice(appositive!.start, appositive!.end))) {
      const m = apposMentions[0]!;
      return this.fromMention(m, `source "${m.text}" named in apposition`, headNoun(headText));
    }
    // A capitalised word the candidate finder passed over ("Merrill says …") is still a name.
    const bare = /^(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(\p{Lu}[\p{L}'’-]+)$/u.exec(headText.trim());
    if (bare && !NOT_NAME.has(bare[1]!) && !headMentions.some((m) => this.named(m))) {
      const word = bare[1]!;
      const ref = [...this.names.entries()].find(([, n]) => n.split(' ').at(-1) === word)?.[0] ?? 'p:' + word.toLowerCase();
      return { name: this.names.get(ref) ?? word, ref, span: { start: head.start, end: head.end, text: headText }, role: null, description: null, type: this.types.get(ref) ?? null, reason: `capitalised subject "${headText}" of the cue` };
    }
    const pron = /^(he|she|they|it|i|we|who|which)$/i.exec(headText.trim());
    if (pron) {
      const p = pron[1]!.toLowerCase();
      const given = headMentions.find((m) => m.ref);
      if (given) return this.fromMention(given, `pronoun "${headText}" (${given.via ?? 'coref'})`, null);
      return this.pronoun(p, head, previous, paraStartOf);
    }
    const desc = headMentions.find((m) => m.ref && (m.via ?? '').includes('description'));
    if (desc) return this.fromMention(desc, `description "${desc.text}" (${desc.via})`, headNoun(desc.text));
    // A description: resolve to the one earlier entity bearing its role, else leave unnamed.
    const hn = headNoun(headText);
    const span = { start: head.start, end: head.end, text: headText };
    if (hn) {
      const definite = /^(?:the|his|her|their|its)\b/i.test(headText.trim()) || /^\p{L}+['’]s\b/u.test(headText.trim()) || /^(?:top|senior)\b/i.test(headText.trim());
      // "The statement added": the statement of the last speaker who issued one.
      if (hn === 'statement') {
        const prev = [...previous].reverse().find((x) => x.channel && /statement/.test(x.channel) && x.sp.ref);
        if (prev) return { ...prev.sp, span, role: null, description: headText, reason: `"${headText}" → the statement of ${prev.sp.name}` };
      }
      if (definite) {
        const bearers = new Set<string>();
        for (const m of this.mentions) {
          if (!m.ref || m.start >= head.start || !this.named(m)) continue;
          if (this.roles.get(m.ref)?.has(hn)) bearers.add(m.ref);
        }
        if (bearers.size === 1) {
          const ref = [...bearers][0]!;
          return { name: this.names.get(ref) ?? null, ref, span, role: hn, description: headText, type: this.types.get(ref) ?? null, reason: `description "${headText}" matches the role of an earlier entity` };
        }
      }
      // With no earlier bearer, a definite description points forward to the next person named
      // with its role ("the top general said …" and later "Gen. Jane Roe"): copy often names the
      // speaker a paragraph or more after the description.
      if (definite) {
        const next = this.mentions.find((m) => m.ref && m.start > head.end && this.named(m) && this.roles.get(m.ref)?.has(hn) && (this.types.get(m.ref) ?? m.type) !== 'ORG');
        if (next) {
          const ref = next.ref!;
          return { name: this.names.get(ref) ?? null, ref, span, role: hn, description: headText, type: this.types.get(ref) ?? null, reason: `description "${headText}" matches the role of the next person named with it` };
        }
      }
      return { ...NO_SPEAKER, span, role: hn, description: headText, reason: `unnamed source "${headText}"` };
    }
    return { ...NO_SPEAKER, span, description: headText, reason: `source "${headText}" not resolved` };
  }

  pronoun(p: string, at: Span, previous: Prev[], paraStartOf: (i: number) => number): Speaker {
    const span = { start: at.start, end: at.end, text: this.text.slice(at.start, at.end) };
    if (p === 'i' || p === 'we') return { ...NO_SPEAKER, span, reason: `first person "${span.text}" outside a quotation` };
    if (p === 'who' || p === 'which') {
      // "Jane Roe, who …, said": the relative pronoun stands for the phrase before its comma.
      const before = this.mentions.filter((m) => this.named(m) && m.end <= at.start && at.start - m.end <= 3).at(-1);
      if (before) return this.fromMention(before, `relative pronoun "${span.text}" → "${before.text}"`, null);
      return { ...NO_SPEAKER, span, reason: 'relative pronoun without antecedent' };
    }
    const wantPerson = p === 'he' || p === 'she';
    // The speaker of the previous quotation in this or the previous two paragraphs.
    const paraHere = paraStartOf(at.start);
    const prev = previous.at(-1);
    const fits = (sp: Speaker) => sp.ref && (wantPerson ? sp.type !== 'ORG' : p === 'it' ? sp.type === 'ORG' : true);
    if (prev && fits(prev.sp) && paraHere - paraStartOf(prev.at) <= 2) {
      return { ...prev.sp, span, role: null, description: null, reason: `pronoun "${span.text}" → previous speaker ${prev.sp.name}` };
    }
    // Else one entity of the right kind mentioned in the same or the previous sentence.
    if (wantPerson) {
      const window = this.mentions.filter((m) => this.named(m) && m.end <= at.start && at.start - m.end < 300 && (this.types.get(m.ref!) ?? m.type) === 'PERSON');
      const refs = new Set(window.map((m) => m.ref!));
      if (refs.size === 1) {
        const m = window.at(-1)!;
        return { ...this.fromMention(m, `pronoun "${span.text}" → the only person named just before`, null), span };
      }
    }
    return { ...NO_SPEAKER, span, reason: `pronoun "${span.text}" not resolved` };
  }
}

/** Headlines: "Mayor: 'We will rebuild'" and "… : Top official". */
function headlineAttribution(text: string, p: Span, mentions: Mention[]): { content: Span; source: Span } | null {
  const line = text.slice(p.start, p.end);
  if (/[.!?]["”’']?$/.test(line) && !/:/.test(line)) return null;
  if (line.split(/\s+/).length > 25) return null;
  const m = /^(.{3,}?)\s*:\s+(.+)$/.exec(line);
  if (!m) return null;
  const left = m[1]!;
  const right = m[2]!;
  const rightStart = p.start + line.length - right.length;
  const wl = left.split(/\s+/).length;
  const wr = right.split(/\s+/).length;
  // The speaking side names someone: a person or organisation the entity layer found, or a
  // speaker noun ("Pentagon spokesman"); a kicker ("Stealth Over Health: …") is not a source.
  const speaks = (from: number, to: number, words: string) =>
    !!headNoun(words) || mentions.some((m) => (m.type === 'PERSON' || m.type === 'ORG') && m.start >= from && m.start < to && m.start - from <= 2);
  if (wr <= 6 && speaks(rightStart, p.end, right) && wl >= 3 && !/["“]$/.test(right)) {
    return { content: { start: p.start, end: p.start + left.length }, source: { start: rightStart, end: p.end } };
  }
  if (wl <= 4 && /^\p{Lu}/u.test(left) && speaks(p.start, p.start + left.length, left) && wr >= 3 && !left.split(/\s+/).some((w) => speechLemma(w))) {
    return { source: { start: p.start, end: p.start + left.length }, content: { start: rightStart, end: p.end } };
  }
  return null;
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The pipeline's mentions plus our own pronouns and descriptions where it is silent; our own
 * candidates alone when there is no NER layer. */
export function normaliseMentions(text: string, sentences: Span[], mentions: Mention[]): Mention[] {
  if (mentions.length === 0) return findSpeakerCandidates(text, sentences);
  // NER layers do not always emit pronouns or descriptions: add ours where they are silent.
  const extra = findSpeakerCandidates(text, sentences).filter(
    (c) => (c.via === 'pronoun' || c.via === 'description') && !mentions.some((m) => m.start < c.end && m.end > c.start),
  );
  for (const c of extra) if (c.via === 'description') delete c.ref;
  return [...mentions, ...extra].sort((a, b) => a.start - b.start);
}

export interface ExtractOptions {
  /** The trained attribution tagger that adds what the rules miss; null for the rules alone.
   * Defaults to the shipped model (rules alone when it is missing). */
  tagger?: AttributionTagger | null;
}

/** Every quotation and piece of reported speech in `text`, in order. */
export function extractQuotes(text: string, segments: { paragraphs: Span[]; sentences: Span[] }, mentions: Mention[], options: ExtractOptions = {}): QuoteDetail[] {
  const { paragraphs, sentences } = segments;
  const marks = findQuotationMarks(text, paragraphs);
  const ms = normaliseMentions(text, sentences, mentions);
  const resolver = new Resolver(text, ms);
  const paraIndex = (i: number) => {
    let lo = 0;
    for (let k = 0; k < paragraphs.length; k++) if (paragraphs[k]!.start <= i) lo = k;
    return lo;
  };
  const us = units(text, sentences, marks);
  const out: QuoteDetail[] = [];
  const previous: Prev[] = [];
  const used = new Set<Marked>();
  const learnedCues = new Set<QuoteDetail>();

  const push = (q: QuoteDetail, sp: Speaker) => {
    out.push(q);
    if (sp.ref || sp.name) previous.push({ sp, at: q.start, channel: q.channel });
  };

  const make = (kind: Quote['kind'], content: Span, a: Attribution | null, sp: Speaker, confidence: number, evidence: Evidence[], fragments: Span[] = [content]): QuoteDetail => ({
    kind,
    start: content.start,
    end: content.end,
    text: text.slice(content.start, content.end),
    cue: a ? { ...a.cue, text: text.slice(a.cue.start, a.cue.end) } : null,
    speakerSpan: sp.span,
    speaker: sp.name,
    speakerRef: sp.ref,
    channel: a?.channel ?? null,
    confidence,
    evidence: [...evidence, { reason: sp.reason, ...(sp.span ? { span: { start: sp.span.start, end: sp.span.end } } : {}) }],
    sourceSpan: a?.source ?? sp.span ?? null,
    fragments,
    speakerRole: sp.role,
    speakerDescription: sp.description,
  });

  const headlineDone = new Set<number>();
  const leadPara = paragraphs.findIndex((p) => /[.!?]["”’']?$/.test(text.slice(p.start, p.end)) && text.slice(p.start, p.end).split(/\s+/).length > 12);
  resolver.lead = leadPara >= 0 ? paragraphs[leadPara]!.end : 0;
  // Headlines are the short lines before the first paragraph of running text.
  const firstBody = paragraphs.findIndex((p) => /[.!?]["”’']?$/.test(text.slice(p.start, p.end)) && text.slice(p.start, p.end).split(/\s+/).length > 12);
  for (const p of paragraphs.slice(0, Math.max(1, Math.min(3, firstBody < 0 ? 3 : firstBody)))) {
    const h = headlineAttribution(text, p, ms);
    if (!h) continue;
    headlineDone.add(p.start);
    // In a headline a description may point forward to the person the story names.
    let sp = resolver.resolve(h.source, null, previous, paraIndex);
    if (!sp.ref && sp.role) {
      const bearers = new Set(ms.filter((m) => m.ref && m.start > p.end && resolver.roles.get(m.ref)?.has(sp.role!)).map((m) => m.ref!));
      if (bearers.size === 1) {
        const ref = [...bearers][0]!;
        sp = { ...sp, ref, name: resolver.names.get(ref) ?? null, type: resolver.types.get(ref) ?? null, reason: `headline description "${sp.description}" matches the role of an entity named in the story` };
      }
    }
    const inner = marks.filter((m) => m.start >= h.content.start && m.end <= h.content.end);
    // The cue is the colon between the two parts, whichever comes first.
    const [first, second] = h.source.start < h.content.start ? [h.source, h.content] : [h.content, h.source];
    const colon = text.indexOf(':', first.end);
    const cue = colon >= 0 && colon < second.start ? { start: colon, end: colon + 1 } : { start: first.end, end: first.end + 1 };
    const attr: Attribution = { cue, lemma: 'headline', source: h.source, head: h.source, appositive: null, content: [h.content], channel: null, mode: 'content-subject-cue' };
    for (const m of inner) {
      used.add(m);
      push(make('partial', { start: m.innerStart, end: m.innerEnd }, attr, sp, sp.ref ? 0.7 : 0.4, [{ reason: 'quoted words in a headline with a colon attribution' }]), sp);
    }
    const whole = inner.length === 1 && inner[0]!.start <= h.content.start + 1 && inner[0]!.end >= h.content.end - 1;
    if (!whole) push(make('reported', h.content, attr, sp, sp.ref ? 0.6 : 0.4, [{ reason: 'headline "content: source" pattern' }]), sp);
  }

  // Transcripts ("SMITH: Well, …", interviews in "Q: …" / "A: …") and sign-offs ("“…” ― Jane Roe").
  const LABEL = /^(["“]?)(\p{Lu}[\p{Lu}.'’ -]{1,30}\p{Lu}|Q|A):\s+/u;
  const labelled = paragraphs.filter((p) => LABEL.test(text.slice(p.start, p.end))).length;
  for (const p of paragraphs) {
    if (headlineDone.has(p.start)) continue;
    const line = text.slice(p.start, p.end);
    const tr = LABEL.exec(line);
    const dash = /[”"]\s*([―—–])\s*(\p{Lu}[\p{L}.'’ -]{1,40}?)\.?$/u.exec(line);
    let source: Span | null = null;
    let cueAt: Span | null = null;
    let content: Span | null = null;
    if (tr) {
      source = { start: p.start + tr[1]!.length, end: p.start + tr[1]!.length + tr[2]!.length };
      cueAt = { start: source.end, end: source.end + 1 };
      content = { start: p.start + tr[0].length, end: p.end };
    } else if (dash) {
      const at = p.start + dash.index + 1;
      const open = marks.find((m) => m.end >= at - 1 && m.start <= at && m.start >= p.start);
      const sStart = p.start + dash.index + dash[0].indexOf(dash[2]!);
      source = { start: sStart, end: sStart + dash[2]!.length };
      cueAt = { start: p.start + dash.index + dash[0].indexOf(dash[1]!), end: p.start + dash.index + dash[0].indexOf(dash[1]!) + 1 };
      // A line that opens with a mark is one quotation up to the dash, whatever marks it nests
      // ("“… what he calls “hell” than …” ― Name" pairs the inner marks wrongly).
      if (/^["“]/.test(line)) content = { start: p.start + 1, end: p.start + dash.index };
      else content = open ? { start: open.innerStart, end: open.innerEnd } : null;
    }
    if (!source || !cueAt || !content) continue;
    const word = text.slice(source.start, source.end);
    const qa = !!tr && (word === 'Q' || word === 'A');
    const ref = qa ? null : ([...resolver.names.entries()].find(([, n]) => foldKey(n.split(' ').at(-1)!) === foldKey(word.split(' ').at(-1)!))?.[0] ?? null);
    // A lone label that names no one in the story is a heading ("UPDATE: …", "CORRECTION: …"); a
    // transcript labels several lines.
    if (tr && !ref && labelled < 2) continue;
    headlineDone.add(p.start);
    const span = { ...source, text: word };
    const sp: Speaker = qa
      ? { ...NO_SPEAKER, span, description: word === 'Q' ? 'the interviewer' : 'the interviewee', reason: `interview label "${word}"` }
      : ref
        ? { name: resolver.names.get(ref) ?? word, ref, span, role: null, description: null, type: resolver.types.get(ref) ?? null, reason: `speaker label "${word}"` }
        : { name: word, ref: 'p:' + foldKey(word), span, role: null, description: null, type: 'PERSON', reason: `speaker label "${word}"` };
    for (const m of marks) if (m.start >= p.start && m.end <= p.end) used.add(m);
    const attr: Attribution = { cue: cueAt, lemma: tr ? 'transcript' : 'signature', source, head: source, appositive: null, content: [content], channel: null, mode: 'content-subject-cue' };
    push(make('direct', content, attr, sp, 0.7, [{ reason: tr ? 'transcript line with a speaker label' : 'quotation signed with a dash' }]), sp);
  }

  for (const u of us) {
    if (headlineDone.has(paragraphs[paraIndex(u.start)]!.start)) continue;
    const uMarks = marks.filter((m) => m.start >= u.start && m.start < u.end && !used.has(m));
    const attrs = findAttributions(text, u.start, u.end, marks);
    const resolved: Speaker[] = attrs.map((a) => (a.mode === 'participle' || !a.head ? NO_SPEAKER : resolver.resolve(a.head, a.appositive, previous, paraIndex)));
    // A participle cue (", adding that …") takes the speaker of the clause it hangs on.
    attrs.forEach((a, k) => {
      if (a.mode !== 'participle') return;
      const main = attrs.slice(0, k).reverse().findIndex((b) => b.mode !== 'participle');
      resolved[k] = main >= 0 ? resolved[k - 1 - main]! : (previous.at(-1)?.sp ?? NO_SPEAKER);
    });
    const absorbed = new Set<Attribution>();
    const items: { q: QuoteDetail; sp: Speaker }[] = [];
    for (const m of uMarks) {
      const inner = { start: m.innerStart, end: m.innerEnd };
      let best = -1;
      let bestOv = 0;
      attrs.forEach((a, k) => {
        // A quotation inside a nested belief ("X said Y appear to have 'Z'") is X's words.
        const ov = a.content.reduce((n, c) => n + overlap(c, m), 0) * (a.learned !== undefined ? 0.5 : 1);
        if (ov > bestOv) {
          bestOv = ov;
          best = k;
        }
      });
      if (best >= 0) {
        const a = attrs[best]!;
        const sp = resolved[best]!;
        const contentLen = a.content.reduce((n, c) => n + c.end - c.start, 0);
        const quotedLen = uMarks.filter((x) => a.content.some((c) => overlap(c, x) > 0)).reduce((n, x) => n + x.end - x.start, 0);
        const direct = quotedLen >= 0.7 * contentLen && (isStrongSpeech(a.lemma) || a.lemma === 'according');
        if (direct) absorbed.add(a);
        const conf = (sp.ref ? 0.9 : sp.name ? 0.7 : 0.5) - (direct ? 0 : 0.1);
        items.push({ q: make(direct ? 'direct' : 'partial', inner, a, sp, conf, [{ reason: `${direct ? 'quotation' : 'quoted phrase'} attributed by cue "${text.slice(a.cue.start, a.cue.end)}"`, span: a.cue }]), sp });
        continue;
      }
      // A quotation with no cue of its own: the previous quotation's speaker goes on speaking when
      // it opens the unit (news style: "“…,” she said. “…”").
      const opensUnit = m.start <= u.start + 1;
      const wordCount = text.slice(m.innerStart, m.innerEnd).split(/\s+/).length;
      const prev = previous.at(-1);
      if (opensUnit && wordCount >= 3) {
        const near = prev && paraIndex(m.start) - paraIndex(prev.at) <= 1;
        const sp = near && prev ? { ...prev.sp, reason: `continues the quotation of ${prev.sp.name ?? 'the previous speaker'}` } : NO_SPEAKER;
        const q = make('direct', inner, null, sp, sp.ref ? 0.7 : 0.3, [{ reason: 'quotation without its own cue' }]);
        items.push({ q, sp });
        continue;
      }
      items.push({ q: make('partial', inner, null, NO_SPEAKER, 0.2, [{ reason: 'quoted words with no speech cue (may be a title or scare quotes)' }]), sp: NO_SPEAKER });
    }
    attrs.forEach((a, k) => {
      if (absorbed.has(a)) return;
      const sp = resolved[k]!;
      const env = { start: Math.min(...a.content.map((c) => c.start)), end: Math.max(...a.content.map((c) => c.end)) };
      if (env.end - env.start < 3) return;
      const weak = !isStrongSpeech(a.lemma);
      // Learned cues (beliefs, intentions, findings, stances) stay below 0.5 so that views can keep
      // to speech; an unnamed but described source ("a new poll", "the study") still counts.
      const conf = a.learned !== undefined
        ? Math.min(0.49, 0.4 + 0.1 * a.learned + (sp.ref ? 0.05 : 0))
        : (sp.ref ? 0.75 : sp.name ? 0.6 : sp.description ? 0.5 : 0.45) - (weak ? 0.1 : 0);
      const q = make('reported', env, a, sp, conf, [{ reason: `${a.learned !== undefined ? 'attribution' : 'reported speech'} with cue "${text.slice(a.cue.start, a.cue.end)}" (${a.mode}${a.learned !== undefined ? `, learned cue weight ${a.learned.toFixed(2)}` : ''})`, span: a.cue }], a.content);
      if (a.learned !== undefined) learnedCues.add(q);
      items.push({ q, sp });
    });
    items.sort((x, y) => x.q.start - y.q.start);
    // A belief or stance ("Washington suspected …") or an attribution nested inside another's
    // content does not make its source the one who goes on speaking: pronouns skip it.
    const nested = (q: QuoteDetail) => attrs.some((a) => a.cue.start !== q.cue?.start && a.content.some((c) => q.cue && q.cue.start >= c.start && q.cue.end <= c.end));
    for (const it of items) {
      if (it.q.kind === 'reported' && (learnedCues.has(it.q) || nested(it.q))) out.push(it.q);
      else push(it.q, it.sp);
    }
  }
  joinContinuations(text, [...out].sort((a, b) => a.start - b.start), (a, b) => paraIndex(a) === paraIndex(b));
  const tagger = options.tagger === undefined ? defaultTagger() : options.tagger;
  if (tagger) {
    // The tagger only adds attributions whose cue the rules did not find, below the confidence
    // that views showing speech use, and never makes its speakers the ones pronouns refer to.
    const quoted = marks.map((m) => ({ start: m.start, end: m.end }));
    const ruleCues = out.filter((q) => q.cue).map((q) => q.cue!);
    const tagged = tagger.tag(text, sentences, { quoted, mentions: ms }, quoteDecoding());
    demoteContested(out, tagged);
    const ruleQuotes = out.filter((q) => q.confidence >= 0.4);
    for (const ta of tagged) {
      if (ruleCues.some((c) => c.start < ta.cue.end && c.end > ta.cue.start)) continue;
      if (ta.content.end - ta.content.start < 2) continue;
      // Mostly the same words as an attribution of the rules, with the cue outside them: the same
      // statement read with another cue word, not a nested one.
      const len = ta.content.end - ta.content.start;
      if (ruleQuotes.some((q) => q.fragments.reduce((n, f) => n + overlap(f, ta.content), 0) > 0.3 * len && !q.fragments.some((f) => f.start <= ta.cue.start && f.end >= ta.cue.end))) continue;
      // Force and movement verbs describe events in conflict reporting, whatever the training news said.
      if (text.slice(ta.cue.start, ta.cue.end).toLowerCase().split(/\s+/).some((w) => NOT_CUES.has(w))) continue;
      const before = previous.filter((p) => p.at < ta.cue.start);
      const sp = ta.source ? resolver.resolve(ta.source, null, before, paraIndex) : NO_SPEAKER;
      const a: Attribution = { cue: ta.cue, lemma: 'tagger', source: ta.source, head: ta.source, appositive: null, content: [ta.content], channel: null, mode: ta.content.start > ta.cue.start ? 'subject-cue-content' : 'content-subject-cue' };
      // Every attribution the tagger reads counts, at the bottom of the band when its cue is
      // weak: a Viterbi path can keep a cue whose tokens lose locally (a negative margin), and such
      // cues still pay (2-fold split of PolNeAR train, overlap F1 source/cue/content +0.001/+0.004/
      // +0.011 against leaving them below the band; exact cue -0.008).
      const conf = Math.min(0.49, Math.max(0.4, 0.42 + (sp.ref ? 0.03 : 0) + Math.min(0.04, ta.cueMargin / 100)));
      out.push(make('reported', ta.content, a, sp, conf, [{ reason: `attribution found by the trained tagger with cue "${text.slice(ta.cue.start, ta.cue.end)}"`, span: ta.cue }]));
    }
  }
  cutAtCoordinatedCues(text, out);
  keepSpeakingSources(text, out, (source) => resolver.resolve(source, null, previous.filter((p) => p.at < source.start), paraIndex));
  unifyOverlappingSources(out);
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}

// What joins a second predicate to a reported content: ", saying", "and called for", ", but he has
// also warned". The words after the join belong to the second attribution, not the first's content.
const COORDINATED_JOIN = /(?:,\s*(?:(?:and|but)\s+)?|\s(?:and|but)\s+)(?:(?:he|she|they|it|we|who)\s+)?(?:(?:has|have|had|is|are|was|were|also|then|later|repeatedly|promptly)\s+)*$/i;

/** Reported content ends where a coordinated attribution of its own begins ("X mocked the
 * complaint, saying …": two attributions, the second not inside the first's content). Nested
 * attributions ("X said that Y believes …") are joined by other words and keep their host whole. */
function cutAtCoordinatedCues(text: string, quotes: QuoteDetail[]): void {
  const cues = quotes.filter((q) => q.kind === 'reported' && q.cue).map((q) => q.cue!);
  for (const q of quotes) {
    if (q.kind !== 'reported') continue;
    const last = q.fragments.at(-1)!;
    let cut = -1;
    for (const c of cues) {
      if (c.start <= last.start + 2 || c.start >= last.end || (cut >= 0 && c.start >= cut)) continue;
      const m = COORDINATED_JOIN.exec(text.slice(Math.max(last.start, c.start - 40), c.start));
      if (!m) continue;
      const at = c.start - m[0].length;
      if (at > last.start + 2) cut = at;
    }
    if (cut < 0) continue;
    let end = cut;
    while (end > last.start && /\s/.test(text[end - 1]!)) end--;
    q.fragments = [...q.fragments.slice(0, -1), { start: last.start, end }];
    if (q.end === last.end) {
      q.end = end;
      q.text = text.slice(q.start, q.end);
    }
  }
}

/** A source must be a subject that speaks. The subject of a raising cue is not ("X seems …"); the
 * subject of a passive cue is its target, and the source is the agent after "by" when there is
 * one ("X was criticized by Y": Y in place of X); a source read as a prepositional phrase or a clause is cut to the
 * subject at its end. Otherwise the source is dropped with its speaker: an unknown speaker rather
 * than a wrong one. */
function keepSpeakingSources(text: string, quotes: QuoteDetail[], resolve: (source: Span) => Speaker): void {
  for (const q of quotes) {
    if (!q.sourceSpan) continue;
    const role = q.cue ? subjectRole(q.cue.text) : 'speaker';
    if (role !== 'speaker') {
      // Read as the content itself ("was criticized by X for …"), the agent is not its source.
      const agent = role === 'passive' ? passiveAgent(text, q.cue!, q.fragments) : null;
      setSpeaker(q, agent, agent ? resolve(agent) : NO_SPEAKER);
      if (agent) q.evidence.push({ reason: `source "${text.slice(agent.start, agent.end)}" is the agent of the passive cue`, span: agent });
      continue;
    }
    const np = sourceNounPhrase(text, q.sourceSpan);
    if (np === q.sourceSpan) continue;
    const sp = q.speakerSpan;
    if (np && sp && sp.start >= np.start && sp.end <= np.end) q.sourceSpan = np;
    else setSpeaker(q, np, NO_SPEAKER);
  }
}

function setSpeaker(q: QuoteDetail, source: Span | null, sp: Speaker): void {
  q.sourceSpan = source;
  q.speakerSpan = sp.span;
  q.speaker = sp.name;
  q.speakerRef = sp.ref;
  q.speakerRole = sp.role;
  q.speakerDescription = sp.description;
}

/** The agent of a passive cue: "was criticized by the senator" → "the senator"; null without "by"
 * or when the content starts right after the cue. */
function passiveAgent(text: string, cue: Span, content: Span[]): Span | null {
  if (content.some((c) => c.start <= cue.end + 4 && c.end > cue.end)) return null;
  let pos = cue.end;
  if (!/\bby$/i.test(text.slice(cue.start, cue.end))) {
    const by = /^\s+by\s/i.exec(text.slice(pos, pos + 8));
    if (!by) return null;
    pos += by[0].length;
  }
  return subjectAfter(text, pos, Math.min(text.length, pos + 200));
}

/** Source spans that overlap name one speaker, so they take one span: the rules and the tagger
 * can read the same subject with different edges ("Mr. Obama" / "Obama", "He" / "He said Obama").
 * A span that runs over a cue is the misread one; otherwise the longer span, the whole noun
 * phrase, wins. Speaker fields follow the span when the kept speaker mention would fall outside. */
export function unifyOverlappingSources(quotes: QuoteDetail[]): void {
  const cues = quotes.filter((q) => q.cue).map((q) => q.cue!);
  const withSource = quotes.filter((q) => q.sourceSpan);
  const runsOverCue = (s: Span) => cues.some((c) => c.start >= s.start && c.end <= s.end);
  const better = (a: QuoteDetail, b: QuoteDetail) => {
    const ra = runsOverCue(a.sourceSpan!);
    const rb = runsOverCue(b.sourceSpan!);
    if (ra !== rb) return rb ? a : b;
    const la = a.sourceSpan!.end - a.sourceSpan!.start;
    const lb = b.sourceSpan!.end - b.sourceSpan!.start;
    return la !== lb ? (la > lb ? a : b) : a.confidence >= b.confidence ? a : b;
  };
  for (const q of withSource) {
    let best = q;
    for (const o of withSource) if (overlap(o.sourceSpan!, q.sourceSpan!) > 0) best = better(best, o);
    if (best === q || (best.sourceSpan!.start === q.sourceSpan!.start && best.sourceSpan!.end === q.sourceSpan!.end)) continue;
    q.sourceSpan = { ...best.sourceSpan! };
    const sp = q.speakerSpan;
    if (!sp || sp.start < q.sourceSpan.start || sp.end > q.sourceSpan.end) {
      q.speakerSpan = best.speakerSpan;
      q.speaker = best.speaker;
      q.speakerRef = best.speakerRef;
    }
  }
}

/** Reported speech of the rules whose cue the tagger does not read as a cue, while it reads some
 * of the same words as the content of another attribution, drops below the evaluated band: the
 * two readings cannot both hold, and the tagger's attributions are the more precise (PolNeAR dev:
 * overlap precision 0.87/0.82/0.83 for source/cue/content against the rules' 0.82/0.82/0.83,
 * and their cues disagree most on words that are speech only sometimes: "called", "released",
 * "report", "supported"). Quotations are left alone: their marks are evidence of their own. */
function demoteContested(quotes: QuoteDetail[], tagged: TaggedAttribution[]): void {
  for (const q of quotes) {
    if (q.kind !== 'reported' || !q.cue || q.confidence < 0.4) continue;
    if (tagged.some((ta) => overlap(ta.cue, q.cue!) > 0)) continue;
    if (tagged.some((ta) => q.fragments.some((f) => overlap(f, ta.content) > 0))) q.confidence = Math.min(q.confidence, 0.39);
  }
}

/** The trained attribution tagger adds recall (attributions below the speech confidence band);
 * the pipeline runs it unless TRIANGULATE_QUOTE_TAGGER=0 asks for the rules alone. */
export function quoteTaggerEnabled(): boolean {
  return process.env.TRIANGULATE_QUOTE_TAGGER !== '0';
}

/** The tagger finds each sentence's best tag sequence; TRIANGULATE_QUOTE_DECODE=greedy tags token
 * by token instead (about a fifth less quote time, about 0.01 less F1 on PolNeAR dev). */
export function quoteDecoding(): Decoding {
  return process.env.TRIANGULATE_QUOTE_DECODE === 'greedy' ? 'greedy' : 'viterbi';
}
