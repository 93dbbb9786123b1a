// An in-memory implementation of the store methods reuse linking needs: for the benchmark and for
// running reuse on a corpus without a database. Band postings are capped: a band key shared by
// more than `maxPostings` articles is common wording, not evidence, and stops being looked up.
import type { CorpusObject } from '../../store/store.js';
import type { Article } from '../../types.js';
import type { ReuseStore } from './index.js';

export class MemoryReuseStore implements ReuseStore {
  readonly articles = new Map<string, Article>();
  readonly objects = new Map<string, CorpusObject>();
  private readonly postings = new Map<string, string[]>();
  private readonly common = new Set<string>();

  constructor(readonly maxPostings = 100) {}

  addArticle(a: Article): void {
    this.articles.set(a.id, a);
  }

  async getArticle(id: string): Promise<Article | null> {
    return this.articles.get(id) ?? null;
  }

  async addBands(articleId: string, bands: string[]): Promise<void> {
    for (const b of bands) {
      if (this.common.has(b)) continue;
      const list = this.postings.get(b);
      if (!list) this.postings.set(b, [articleId]);
      else if (list.length >= this.maxPostings) {
        this.postings.delete(b);
        this.common.add(b);
      } else if (list[list.length - 1] !== articleId) list.push(articleId);
    }
  }

  async bandCandidates(bands: string[], exclude: string): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const b of new Set(bands)) {
      for (const id of this.postings.get(b) ?? []) if (id !== exclude) out.set(id, (out.get(id) ?? 0) + 1);
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
