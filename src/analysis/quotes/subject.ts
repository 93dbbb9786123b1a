// The subject of a cue verb, read off the words before it, for attributions whose source the
// tagger left untagged ("Mexico demanded that …", "an arbitration panel found …", "He plans to …"),
// and the checks every source passes: whether a cue's subject speaks at all, and whether a source
// span is a noun phrase. Without a parser this is a shallow walk: over auxiliaries and adverbs,
// then back across the noun phrase to the nearest clause boundary.
import { tokenize, type Token } from '../../text/segment.js';
import type { Span } from '../../types.js';
import { ORG_NOUNS, PERSON_NOUNS } from './lexicon.js';

// Between a subject and its verb: "has also said", "did not immediately respond", "is stressing".
const AUXILIARY = new Set(
  ('has have had is are was were be been being will would could should can may might must shall did does do ' +
    'not never also even then still just already again now once reportedly repeatedly recently later first ' +
    'further often always publicly privately long n’t n\'t').split(' '),
);

// Words that open a new clause or phrase: the subject starts after them.
const BOUNDARY = new Set(
  ('and but or nor that because when whenever while if as after before since although though so where whereas ' +
    'than until unless whether once said says say told tells according in on with by from into during about against ' +
    'under over without within between among to').split(' '),
);

const DETERMINER = /^(?:the|a|an|this|these|those|its|their|his|her|our)$/i;
const PRONOUN = /^(?:he|she|they|it|we|i|you|who|which)$/i;
const MAX_WORDS = 8;

const isPunct = (t: string) => !/[\p{L}\p{N}]/u.test(t);
// "Sen." and "U.S." keep their stops; a lone stop is the end of something else.
const isTitleStop = (tok: Token[], i: number) => tok[i]!.text === '.' && i > 0 && /^\p{Lu}[\p{L}.]{0,3}$/u.test(tok[i - 1]!.text) && tok[i - 1]!.end === tok[i]!.start;

/** Token range [start, end) of the subject of the verb at `cue`, not reaching before `floor`; null
 * when the words before the cue are not a subject (a comma, a preposition, nothing). */
export function subjectBefore(tok: Token[], cue: number, floor: number): [number, number] | null {
  let i = cue - 1;
  while (i >= floor && AUXILIARY.has(tok[i]!.text.toLowerCase())) i--;
  if (i >= floor && tok[i]!.text === ',') return appositiveSubject(tok, i, floor);
  if (i < floor || isPunct(tok[i]!.text) && !/^['’]s?$/.test(tok[i]!.text)) return null;
  const head = tok[i]!.text;
  if (PRONOUN.test(head)) return [i, i + 1];
  if (BOUNDARY.has(head.toLowerCase()) || /ly$/.test(head)) return null;
  let start = i;
  while (start - 1 >= floor && i + 1 - start < MAX_WORDS) {
    const t = tok[start - 1]!.text;
    const lower = t.toLowerCase();
    if (BOUNDARY.has(lower) || PRONOUN.test(t) && start - 1 < i) break;
    if (isPunct(t) && !isTitleStop(tok, start - 1) && !/^['’]s?$|^-$/.test(t)) break;
    // A determiner opens the noun phrase unless a preposition ties it to the words before
    // ("the head of the agency"): "After the storm the ferry company warned" starts at "the ferry".
    if (DETERMINER.test(tok[start]!.text) && !/^(?:of|for|at)$/i.test(t)) break;
    start--;
  }
  // A sentence-initial connective ("However", "Meanwhile") is not part of the subject.
  while (start < i && /^(?:However|Meanwhile|Instead|Still|Yet|Now|Then|Also|Indeed|Moreover)$/.test(tok[start]!.text)) start++;
  return [start, i + 1];
}

// Words between the commas that make them a clause, not an appositive (prepositions are fine:
// "a lawyer from Ohio").
const CLAUSE_OPENER = new Set('and but or nor that because when whenever while if as although though so where whereas than until unless whether said says say told tells according'.split(' '));

/** "Gov. Ann Roe of Utah, a Republican, plans …", "mining companies, including one in Ohio,
 * declared …": a subject closed by an appositive between commas, the comma at `close`. The
 * subject runs from its noun phrase to the appositive's end; the words between the commas must
 * not open a clause. */
function appositiveSubject(tok: Token[], close: number, floor: number): [number, number] | null {
  for (let open = close - 1; open >= floor && close - open <= 12; open--) {
    const t = tok[open]!.text;
    if (t === ',') {
      if (open === close - 1) return null;
      const head = subjectBefore(tok, open, floor);
      return head && head[1] === open ? [head[0], close] : null;
    }
    if (CLAUSE_OPENER.has(t.toLowerCase()) || PRONOUN.test(t) || isPunct(t) && !isTitleStop(tok, open) && !/^['’]s?$|^-$|^[()]$/.test(t)) return null;
  }
  return null;
}

/** A subject head that can speak: a pronoun, a name, or a person or organisation noun. */
export function speakerLike(head: string): boolean {
  const w = head.toLowerCase();
  if (/^(?:he|she|they|we|i|who)$/.test(w) || /^\p{Lu}/u.test(head) && w !== 'it') return true;
  // The singular of a plural head: "officials", "agencies".
  const one = w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.replace(/s$/, '');
  return PERSON_NOUNS.has(w) || PERSON_NOUNS.has(one) || ORG_NOUNS.has(w) || ORG_NOUNS.has(one);
}

// Words that open a prepositional phrase or a clause. A source read from the words before a cue
// can start with one ("In a statement issued …", "by senators", "in which X said", "that more
// forces be left"). After a clause word the words that follow are its subject ("When the mayor
// said"); after a preposition they are its object, and a subject must come later ("In 2019 she").
const PREPOSITION = new Set('in on at by of to for from with without into during against over under through despite like'.split(' '));
const CLAUSE_WORD = new Set('after before since until as if when while whereas although though because unless whether what where that'.split(' '));

// Words that alone name no speaker: expletive "there", interrogative "what", and the relative or
// demonstrative "that" and "this", which refer to things (on PolNeAR train such a source is right
// 28 times in 93).
const NAMES_NO_ONE = new Set(['there', 'what', 'that', 'this']);

/** A source span as a noun phrase: unchanged when it does not open with a preposition or a clause
 * word, else the subject at its end when that can speak ("In 2019 she" → "she"), else null ("In a
 * statement", "by the canal"), or null when it is a lone word that names no one ("that"). */
export function sourceNounPhrase(text: string, span: Span): Span | null {
  const tok = tokenize(text.slice(span.start, span.end), span.start);
  const first = tok[0]?.text ?? '';
  const opener = first.toLowerCase();
  if (tok.length === 1 && NAMES_NO_ONE.has(opener)) return null;
  const preposition = PREPOSITION.has(opener);
  // "That letter" is a demonstrative; "at least half of voters" a quantity.
  if (tok.length < 2 || !preposition && !CLAUSE_WORD.has(opener) || first === 'That' || opener === 'at' && /^(?:least|most)$/i.test(tok[1]!.text)) return span;
  // An appositive closes with a comma or a dash: "When the director, Jane Roe, said".
  let end = tok.length;
  while (end > 1 && /^[,—–-]$/.test(tok[end - 1]!.text)) end--;
  const subj = subjectBefore(tok, end, 1);
  if (!subj || preposition && subj[0] === 1 || !speakerLike(tok[subj[1] - 1]!.text)) return null;
  return { start: tok[subj[0]]!.start, end: tok[subj[1] - 1]!.end };
}

// "X seems to …", "X appeared unconvinced": a raising verb's subject belongs to what is judged,
// and the judge is the writer (PolNeAR train: such a subject is the source 36 times in 220).
const RAISING = /\b(?:seems?|seemed|seeming|appears?|appeared|appearing)\b/i;
// "X was asked about …", "X has been criticized": a passive cue's subject is its target; the
// speaker, when named, is the agent after "by" (PolNeAR train: the subject is the source 26 times
// in 178). Participles that name a state of mind ("is convinced", "were worried about") are
// adjectives whose subject does hold the view.
const PASSIVE = /^(?:is|are|was|were|be|been|being|has been|have been|had been|will be|would be)\s+(?:\w+ly\s+|not\s+|also\s+|never\s+|then\s+|first\s+|now\s+|still\s+|just\s+|once\s+|already\s+)*(\w+(?:ed|en|wn)|told|said|heard|seen|known|made|held|sought|shown|given|taken|thought|brought|caught|taught|bought|left|kept|met|paid|put|read|set|sent|spent|won)(?:\s+(?:by|as|with|about|of|for|to|that|on|in|from|over))?$/i;
const STATE_OF_MIND = new Set(
  ('convinced concerned worried pleased thrilled upset surprised disappointed interested determined committed ' +
    'opposed frustrated alarmed troubled divided satisfied excited encouraged scared tired prepared inclined ' +
    'annoyed angered outraged dismayed disturbed relieved delighted impressed confused embarrassed offended ' +
    'terrified horrified shocked stunned amazed unconvinced undecided focused obsessed persuaded mystified ' +
    'startled assured poised open drawn aligned split').split(' '),
);

/** What the subject of this cue is to it: its speaker, or, for a raising verb or a passive, not. */
export function subjectRole(cue: string): 'speaker' | 'raising' | 'passive' {
  if (RAISING.test(cue)) return 'raising';
  const m = PASSIVE.exec(cue.trim());
  return !m || STATE_OF_MIND.has(m[1]!.toLowerCase()) ? 'speaker' : 'passive';
}

/** Whether the subject of this cue can be its source: not for raising verbs or passives. */
export function subjectSpeaks(cue: string): boolean {
  return subjectRole(cue) === 'speaker';
}
