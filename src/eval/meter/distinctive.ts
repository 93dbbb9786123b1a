// Word-level evidence beyond alignment.
//  - Content words: a brief rewrite of a long PA report keeps its content words (names, charges,
//    sentences passed) but few runs of them, so alignment finds little; the share of the story's
//    content stems found in PA at all sees it. It is also given separately for brief stories,
//    whose label depends most on it.
//  - PA's own wording: papers that report the same hearing independently share its names, facts
//    and quotations with the PA copy; a paper that rewrites the PA copy also keeps PA's phrasing.
//    The other newspapers' stories on the same catchline (their texts only, never their labels)
//    are meant to tell the two apart: stem n-grams the story shares with PA but with none of them.
//    On METER these measured no better (many of the other papers copy PA too, so PA's phrasing is
//    often in them as well); they are reported beside the headline, not part of it.
import { gramHash } from '../../link/reuse/hash.js';
import { stemWords } from '../../link/reuse/stem.js';
import { isFunctionWord, type Words } from '../../link/reuse/words.js';

export interface Text {
  text: string;
  words: Words;
}

/** Stories shorter than this (in words) are brief. */
export const BRIEF_WORDS = 80;

/** Names of the features contentFeatures returns, in order. */
export const CONTENT_FEATURES = ['content stems present in PA', `content stems present in PA, stories under ${BRIEF_WORDS} words`] as const;

/** Share of the story's distinct content stems (stems of words that are not function words) found
 * among the stems of its PA texts; the same share for brief stories, 0 for others. */
export function contentFeatures(story: Text, sources: Text[]): number[] {
  const inPa = contentShares(story, sources, [])[0]!;
  return [inPa, story.words.length < BRIEF_WORDS ? inPa : 0];
}

/** Names of the features paOnlyFeatures returns, in order. */
export const PA_ONLY_FEATURES = [
  'stem bigrams in PA and in no other paper',
  'stem trigrams in PA and in no other paper',
  'stem trigrams in another paper but not in PA',
  'words under a trigram in PA and in no other paper',
  'content stems in PA and in no other paper',
] as const;

/** Features of a story against its PA texts and the other papers' stories of the same catchline. */
export function paOnlyFeatures(story: Text, sources: Text[], others: Text[]): number[] {
  const st = stemWords(story.text, story.words);
  const ss = sources.map((s) => stemWords(s.text, s.words));
  const os = others.map((s) => stemWords(s.text, s.words));
  const gramSet = (ws: Words[], k: number) => {
    const out = new Set<number>();
    for (const w of ws) for (let i = 0; i + k <= w.length; i++) out.add(gramHash(w.hash, i, k));
    return out;
  };
  const shares = (k: number) => {
    const pa = gramSet(ss, k);
    const other = gramSet(os, k);
    const mine = gramSet([st], k);
    let paOnly = 0;
    let otherOnly = 0;
    for (const g of mine) {
      if (pa.has(g) && !other.has(g)) paOnly++;
      if (!pa.has(g) && other.has(g)) otherOnly++;
    }
    const n = Math.max(1, mine.size);
    return { paOnly: paOnly / n, otherOnly: otherOnly / n, pa, other };
  };
  const bi = shares(2);
  const tri = shares(3);
  const cover = new Uint8Array(st.length);
  for (let i = 0; i + 3 <= st.length; i++) {
    const g = gramHash(st.hash, i, 3);
    if (tri.pa.has(g) && !tri.other.has(g)) cover.fill(1, i, i + 3);
  }
  const covered = cover.reduce((a, b) => a + b, 0) / Math.max(1, st.length);
  return [bi.paOnly, tri.paOnly, tri.otherOnly, covered, contentShares(story, sources, others)[1]!];
}

/** Shares of the story's distinct content stems found in PA, and in PA but in none of `others`. */
function contentShares(story: Text, sources: Text[], others: Text[]): [number, number] {
  const st = stemWords(story.text, story.words);
  const content = new Set<number>();
  for (let i = 0; i < st.length; i++) if (!isFunctionWord(story.words.hash[i]!)) content.add(st.hash[i]!);
  const stems = (ts: Text[]) => {
    const out = new Set<number>();
    for (const t of ts) for (const h of stemWords(t.text, t.words).hash) out.add(h);
    return out;
  };
  const pa = stems(sources);
  const other = stems(others);
  let inPa = 0;
  let paOnly = 0;
  for (const h of content) {
    if (!pa.has(h)) continue;
    inPa++;
    if (!other.has(h)) paOnly++;
  }
  const c = Math.max(1, content.size);
  return [inPa / c, paOnly / c];
}
