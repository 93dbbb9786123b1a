// An in-memory implementation of the store methods reuse linking needs: for the benchmark and for
// running reuse on a corpus without a database. Band postings are capped: a band key shared by
// more than `maxPostings` articles is common wording, not evidence, and stops being looked up.
import { holdersRead, type CorpusObject } from '../../store/store.js';
import type { Article } from '../../types.js';
import type { ReuseStore } from './index.js';

// Band keys are a base-36 band letter and 8 hex digits: as one number they cost a fraction of a
// string in a Map, and article ids are interned to small integers for the same reason.
function keyNumber(k: string): number | string {
  if (k.length !== 9) return k;
  const band = parseInt(k[0]!, 36);
  const h = parseInt(k.slice(1), 16);
  return Number.isNaN(band) || Number.isNaN(h) ? k : band * 4294967296 + h;
}

export class MemoryReuseStore implements ReuseStore {
  readonly articles = new Map<string, Article>();
  readonly objects = new Map<string, CorpusObject>();
  private readonly postings = new Map<number | string, number[]>();
  private readonly common = new Set<number | string>();
  private readonly ids: string[] = [];
  private readonly idNumber = new Map<string, number>();

  constructor(readonly maxPostings = 100) {}

  addArticle(a: Article): void {
    this.articles.set(a.id, a);
  }

  async getArticle(id: string): Promise<Article | null> {
    return this.articles.get(id) ?? null;
  }

  async getArticleText(id: string): Promise<Article | null> {
    return this.articles.get(id) ?? null;
  }

  private intern(id: string): number {
    let n = this.idNumber.get(id);
    if (n === undefined) {
      n = this.ids.length;
      this.ids.push(id);
      this.idNumber.set(id, n);
    }
    return n;
  }

  async addBands(articleId: string, bands: string[]): Promise<void> {
    const n = this.intern(articleId);
    for (const band of bands) {
      const b = keyNumber(band);
      if (this.common.has(b)) continue;
      const list = this.postings.get(b);
      if (!list) this.postings.set(b, [n]);
      else if (list.length >= this.maxPostings) {
        this.postings.delete(b);
        this.common.add(b);
      } else if (list[list.length - 1] !== n) list.push(n);
    }
  }

  async bandCandidates(bands: string[], exclude: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const ids of (await this.bandPostings(bands, exclude)).values()) for (const id of ids) out.set(id, (out.get(id) ?? 0) + 1);
    return out;
  }

  /** The articles holding each band key (in arrival order, cut by holdersRead), common keys and
   * `exclude` left out. */
  async bandPostings(bands: string[], exclude: string): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    const ex = this.idNumber.get(exclude);
    for (const band of new Set(bands)) {
      const list = this.postings.get(keyNumber(band));
      if (!list) continue;
      const ids = holdersRead(list.filter((n) => n !== ex)).map((n) => this.ids[n]!);
      if (ids.length) out.set(band, ids);
    }
    return out;
  }

  async putObjects(objects: CorpusObject[]): Promise<void> {
    for (const o of objects) this.objects.set(`${o.kind}\u0000${o.id}`, o);
  }

  async getObjects<T = unknown>(kind: string, opts: { article?: string } = {}): Promise<CorpusObject<T>[]> {
    return [...this.objects.values()].filter(
      (o) => o.kind === kind && (!opts.article || o.articles.includes(opts.article)),
    ) as CorpusObject<T>[];
  }

  /** Number of distinct band keys indexed, and of keys dropped as common. */
  stats(): { keys: number; common: number; postings: number } {
    let postings = 0;
    for (const l of this.postings.values()) postings += l.length;
    return { keys: this.postings.size, common: this.common.size, postings };
  }
}
