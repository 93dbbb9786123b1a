// Realistic reuse variants of real wire stories, with known ground truth, for bench/reuse.ts.
// A variant takes paragraphs from one or more earlier stories (its roots), edits them lightly or
// heavily (word substitutions, deletions, insertions), may reorder them and pad them with
// paragraphs of another story, and is published a few hours after the stories it takes from.
// Deterministic: the same seed gives the same corpus.
//
// BenchStream orders originals and variants into the stream the bench indexes, in one of two ways:
// 'uniform' (all the originals first, then variants whose roots are any original: a story keeps
// gaining copies as the corpus grows) or 'cycle' (the originals in feed order, interleaved with
// variants of recent stories only, as copies are made of news within a news cycle).
import { seededRandom } from '../src/util/random.js';
import { readFileSync } from 'node:fs';
import { splitSentences } from '../src/text/segment.js';
import type { Article } from '../src/types.js';


const MONTHS: Record<string, string> = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' };

/** "26-FEB-1987 15:01:01.79" → ISO. */
export function reutersDate(s: string): string | null {
  const m = /^\s*(\d{1,2})-([A-Z]{3})-(\d{4}) (\d\d):(\d\d):(\d\d)/.exec(s);
  if (!m || !MONTHS[m[2]!]) return null;
  return `${m[3]}-${MONTHS[m[2]!]}-${m[1]!.padStart(2, '0')}T${m[4]}:${m[5]}:${m[6]}Z`;
}

export function benchArticle(id: string, text: string, published: string | null, seq: number, outlet: string): Article {
  return {
    id, source: id, url: null, format: 'json', title: null, outlet, outletEvidence: null, published,
    publishedEvidence: { value: published, source: published ? 'metadata' : 'none', confidence: 1, reason: 'bench' },
    section: null, dateline: null, byline: null, captions: [], subheadings: [], boilerplate: [], raw: text, text,
    offsets: [{ clean: 0, raw: 0, length: text.length }], wordCount: text.split(/\s+/).filter(Boolean).length, seq,
  };
}

/** Reuters-21578 stories as articles: wrapped lines joined, one paragraph per indented line. */
export function loadReuters(path: string): Article[] {
  const out: Article[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; published: string; text: string };
    const text = r.text
      .split(/\n\s{2,}/)
      .map((p) => p.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
      .join('\n\n');
    if (!text) continue;
    out.push(benchArticle(r.id, text, reutersDate(r.published), out.length, 'Reuters'));
  }
  return out;
}

export interface Truth {
  /** The variant takes text from this article… */
  source: string;
  /** …and this share of the variant's words come from it. */
  share: number;
  kind: 'near-duplicate' | 'partial' | 'rewrite' | 'compilation' | 'filler';
}

export interface Variant {
  article: Article;
  truth: Truth[];
}

const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Stories long enough to take copies from. */
export const copyable = (a: Article) => a.wordCount >= 60;

export class VariantGenerator {
  private rand: () => number;
  private vocab: string[] = [];
  private pool: Article[];
  private byId: Map<string, Article>;

  constructor(private originals: Article[], seed = 7) {
    this.rand = seededRandom(seed);
    this.pool = originals.filter(copyable);
    this.byId = new Map(originals.map((a) => [a.id, a]));
    for (let i = 0; i < this.originals.length && this.vocab.length < 20000; i += 3) {
      for (const w of this.originals[i]!.text.split(/\s+/).slice(0, 20)) if (/^[a-z]{3,}$/.test(w)) this.vocab.push(w);
    }
  }

  private pick<T>(xs: T[]): T {
    return xs[Math.floor(this.rand() * xs.length)]!;
  }

  private paragraphs(a: Article): string[] {
    const ps = a.text.split('\n\n');
    if (ps.length >= 3) return ps;
    // One-paragraph stories: use sentences as paragraphs.
    return ps.flatMap((p) => splitSentences(p).map((s) => p.slice(s.start, s.end)));
  }

  /** Substitute, delete and insert words with the given per-word rates. */
  private edit(p: string, rate: number): string {
    const out: string[] = [];
    for (const w of p.split(' ')) {
      const r = this.rand();
      if (r < rate * 0.5) out.push(this.pick(this.vocab));
      else if (r < rate * 0.8) continue;
      else if (r < rate) out.push(w, this.pick(this.vocab));
      else out.push(w);
    }
    return out.join(' ');
  }

  private shuffle<T>(xs: T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.rand() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }

  /** A variant whose roots and filler come from `pool` (by default every copyable original). */
  make(id: string, seq: number, pool: Article[] = this.pool): Variant {
    if (!pool.length) throw new Error(`variant ${id}: no story to copy from`);
    const r = this.rand();
    const root = this.pick(pool);
    const parts: { text: string; from: string | null }[] = [];
    let kind: Truth['kind'];
    if (r < 0.2) {
      kind = 'near-duplicate';
      for (const p of this.paragraphs(root)) parts.push({ text: this.edit(p, 0.02), from: root.id });
    } else if (r < 0.75) {
      kind = 'partial';
      const ps = this.paragraphs(root);
      const keep = Math.max(1, Math.round(ps.length * (0.3 + 0.7 * this.rand())));
      const start = Math.floor(this.rand() * (ps.length - keep + 1));
      let taken = ps.slice(start, start + keep).map((p) => ({ text: this.edit(p, 0.03), from: root.id as string | null }));
      if (this.rand() < 0.5) taken = this.shuffle(taken);
      const copied = taken.reduce((n, p) => n + countWords(p.text), 0);
      const wantShare = 0.2 + 0.8 * this.rand();
      const filler = this.pick(pool);
      const own: string[] = [];
      let ownWords = 0;
      for (const p of filler.id === root.id ? [] : this.paragraphs(filler)) {
        if (copied / (copied + ownWords) <= wantShare) break;
        own.push(p);
        ownWords += countWords(p);
      }
      // Own paragraphs before, between and after the copied ones.
      const all = [...taken];
      for (const p of own) all.splice(Math.floor(this.rand() * (all.length + 1)), 0, { text: p, from: filler.id });
      parts.push(...all);
    } else if (r < 0.9) {
      kind = 'rewrite';
      for (const p of this.paragraphs(root)) parts.push({ text: this.edit(p, 0.1), from: root.id });
    } else {
      kind = 'compilation';
      const roots = [root, this.pick(pool), this.pick(pool)];
      for (const a of new Set(roots)) {
        const ps = this.paragraphs(a);
        const n = Math.min(ps.length, 1 + Math.floor(this.rand() * 3));
        const s = Math.floor(this.rand() * (ps.length - n + 1));
        for (const p of ps.slice(s, s + n)) parts.push({ text: this.edit(p, 0.03), from: a.id });
      }
    }
    const text = parts.map((p) => p.text).join('\n\n');
    const total = countWords(text);
    const by = new Map<string, number>();
    for (const p of parts) if (p.from) by.set(p.from, (by.get(p.from) ?? 0) + countWords(p.text));
    const sources = [...by.keys()].map((sid) => this.byId.get(sid) ?? root);
    const latest = sources.map((a) => Date.parse(a.published ?? '1987-01-01T00:00:00Z')).reduce((a, b) => Math.max(a, b), 0);
    const published = new Date(latest + (1 + Math.floor(this.rand() * 47)) * 3600_000).toISOString();
    const truth: Truth[] = [...by.entries()].map(([source, w]) => ({
      source,
      share: Math.round((w / total) * 1000) / 1000,
      kind: source === root.id ? kind : kind === 'compilation' ? 'compilation' : 'filler',
    }));
    return { article: benchArticle(id, text, published, seq, `Outlet ${1 + Math.floor(this.rand() * 20)}`), truth };
  }
}

export type RootsMode = 'cycle' | 'uniform';

/** Copyable stories a variant takes its roots from in cycle mode: the latest 500 of the Reuters
 * feed span a median 39 hours, about the time a wire story is picked up and rewritten by other
 * outlets. Older stories are no longer copied, so a story's family stops growing. */
export const CYCLE_STORIES = 500;

/** Stream length the originals are spread over in cycle mode. The 18,543 indexed Reuters stories
 * (13,355 copyable) among 100,000 articles leave about six variants per copyable story, so a new
 * copy meets about four earlier copies of its source (three to four in the bench's stream) at any
 * corpus size. A longer stream spreads the originals thinner and its families grow with it: the
 * feed has no more stories to start new ones. */
export const CYCLE_STREAM = 100_000;

export interface StreamItem {
  article: Article;
  /** Known provenance of a variant; null for an original. */
  truth: Truth[] | null;
}

export interface StreamOptions {
  roots: RootsMode;
  seed?: number;
  /** Cycle mode: copyable stories in the window (CYCLE_STORIES). */
  window?: number;
  /** Cycle mode: articles the originals are spread over (CYCLE_STREAM). */
  span?: number;
}

/** The bench's article stream: item i is the i-th article indexed (ids `variant-i`, seq i). */
export class BenchStream {
  private gen: VariantGenerator;
  private issued = 0;
  private recent: Article[] = [];
  private next = 0;
  /** Where the opening run of originals ended, and how many it issued. */
  private filled = { at: 0, issued: 0 };
  readonly roots: RootsMode;
  private readonly window: number;
  private readonly span: number;

  constructor(private originals: Article[], opts: StreamOptions) {
    this.roots = opts.roots;
    this.gen = new VariantGenerator(originals, opts.seed ?? 7);
    this.window = opts.window ?? CYCLE_STORIES;
    this.span = Math.max(opts.span ?? CYCLE_STREAM, originals.length);
  }

  /** The copyable stories a variant made now may take from (cycle mode; empty in uniform mode). */
  cycle(): readonly Article[] {
    return this.recent;
  }

  item(): StreamItem {
    const i = this.next++;
    if (this.roots === 'uniform') {
      // All the originals, then variants of any of them: the stream the bench always had.
      if (i < this.originals.length) return { article: this.originals[i]!, truth: null };
      const v = this.gen.make(`variant-${i}`, i);
      return { article: v.article, truth: v.truth };
    }
    // The stream opens with originals until the cycle is full (copies made while it held a few
    // stories would all pile onto those few); the rest of the feed is then spread evenly, in its
    // own order, over the rest of the stream.
    const left = this.originals.length - this.issued;
    let due = left > 0 && this.recent.length < this.window;
    if (due) this.filled = { at: i + 1, issued: this.issued + 1 };
    else if (left > 0) {
      const { at, issued } = this.filled;
      due = (this.issued - issued) * (this.span - at) <= (i - at) * (this.originals.length - issued);
    }
    if (due) {
      const a = this.originals[this.issued++]!;
      if (copyable(a)) {
        this.recent.push(a);
        if (this.recent.length > this.window) this.recent.shift();
      }
      // Its place in this stream, not in the feed: arrival order decides a pair's direction.
      return { article: { ...a, seq: i }, truth: null };
    }
    const v = this.gen.make(`variant-${i}`, i, this.recent);
    return { article: v.article, truth: v.truth };
  }
}
