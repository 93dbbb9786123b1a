// The reuse index on SQLite. Band keys are hashes, so each key added to the big (band, seq) B-tree
// lands on a page of its own, and a commit spends its time writing those pages: at 100k articles
// that was 0.8 ms of the 2 ms an article's linking cost. New keys therefore go first to a staging
// table in arrival order (appended: a few pages per commit), mirrored in memory for lookups, and are
// merged into the big table in one sorted pass once STAGE_ROWS have gathered, when each page takes
// many keys at once. Readers see both: a key's holders are the big table's plus the staged ones.
import type Database from 'better-sqlite3';
import { BAND_HOLDERS_READ, MAX_BAND_ARTICLES, holdersRead } from './store.js';

/** Staged keys merged into the big table at once (about 3,000 articles' worth). */
export const STAGE_ROWS = 100_000;

type Holder = [seq: number, articleId: string];

/** Two seq-ordered holder lists as one, without repeats. */
function mergeBySeq(a: Holder[], b: Holder[]): Holder[] {
  if (!b.length) return a;
  if (!a.length) return b;
  const out: Holder[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    const next = !y || (x && x[0] <= y[0]) ? (i++, x!) : (j++, y);
    if (!out.length || out[out.length - 1]![0] !== next[0]) out.push(next);
  }
  return out;
}

/** Index of the first holder at or after `seq` in a seq-ordered list (its length when none):
 * lists of a common key grow long, and new articles come last. */
function firstFrom(list: Holder[], seq: number): number {
  if (!list.length || list[list.length - 1]![0] < seq) return list.length;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]![0] < seq) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SqliteBands {
  /** Staged holders per key, in seq order; null until read (and after a rollback). */
  private staged: Map<string, Holder[]> | null = null;
  private stagedRows = 0;

  constructor(
    private readonly st: (sql: string) => Database.Statement,
    private readonly stageRows = STAGE_ROWS,
  ) {}

  /** Forget the in-memory mirror: after a rollback it may hold keys the table no longer has. */
  invalidate(): void {
    this.staged = null;
  }

  private mirror(): Map<string, Holder[]> {
    if (this.staged) return this.staged;
    const m = new Map<string, Holder[]>();
    let n = 0;
    for (const [seq, band, id] of this.st('SELECT seq, band, article_id FROM band_staging ORDER BY seq').raw().iterate() as Iterable<[number, string, string]>) {
      const list = m.get(band);
      if (list) list.push([seq, id]);
      else m.set(band, [[seq, id]]);
      n++;
    }
    this.stagedRows = n;
    return (this.staged = m);
  }

  /** Stage an article's keys; call inside a transaction. */
  add(seq: number, articleId: string, bands: string[]): void {
    const m = this.mirror();
    // The mirror holds exactly what is staged, so it tells which keys are new without asking.
    const added = [...new Set(bands)].filter((b) => {
      const list = m.get(b);
      return !list || list[firstFrom(list, seq)]?.[0] !== seq;
    });
    if (!added.length) return;
    // One statement for all the keys: a call per key cost more than the inserts themselves.
    this.st('INSERT OR IGNORE INTO band_staging (seq, band, article_id) SELECT ?, value, ? FROM json_each(?)').run(seq, articleId, JSON.stringify(added));
    for (const b of added) {
      const list = m.get(b);
      if (!list) m.set(b, [[seq, articleId]]);
      // An older article's keys (re-linked after re-cleaning) go in at their place.
      else list.splice(firstFrom(list, seq), 0, [seq, articleId]);
    }
    this.stagedRows += added.length;
  }

  get shouldMerge(): boolean {
    return this.stagedRows >= this.stageRows;
  }

  /** Move the staged keys into the big table, in key order; call inside a transaction. */
  merge(): void {
    this.st('INSERT OR IGNORE INTO bands (band, seq, article_id) SELECT band, seq, article_id FROM band_staging ORDER BY band, seq').run();
    this.st('DELETE FROM band_staging').run();
    this.staged = new Map();
    this.stagedRows = 0;
  }

  /** Up to `limit` earliest holders of each key in the big table, read in one statement: most keys
   * of a new article are held by no one, and a call per key cost more than the lookups. */
  private firstHolders(keys: string[], limit: number): Map<string, Holder[]> {
    const out = new Map<string, Holder[]>();
    if (!keys.length) return out;
    const rows = this.st(
      `SELECT j.value, (SELECT group_concat(seq || char(31) || article_id, char(30)) FROM (SELECT seq, article_id FROM bands WHERE band = j.value ORDER BY seq LIMIT ${limit})) FROM json_each(?) j`,
    ).raw().all(JSON.stringify(keys)) as [string, string | null][];
    for (const [band, list] of rows) {
      if (list === null) continue;
      // Fields and holders are parted by control characters no article id holds.
      const holders: Holder[] = list.split('\x1e').map((h) => {
        const cut = h.indexOf('\x1f');
        return [Number(h.slice(0, cut)), h.slice(cut + 1)];
      });
      // group_concat keeps the subquery's order in practice; the order is not promised.
      holders.sort((a, b) => a[0] - b[0]);
      out.set(band, holders);
    }
    return out;
  }

  /** Each key's holders as the reuse index reads them (see Store.bandPostings). */
  postings(bands: string[], exclude: string): Map<string, string[]> {
    // A key shared by very many articles says nothing about any one of them: it is skipped whole.
    // Otherwise its earliest and latest holders are read, each an index range of a few rows.
    const { earliest, latest } = BAND_HOLDERS_READ;
    const beyond = this.st('SELECT 1 FROM bands WHERE band = ? ORDER BY seq LIMIT 1 OFFSET ?').pluck();
    const last = this.st(`SELECT seq, article_id FROM bands WHERE band = ? ORDER BY seq DESC LIMIT ${latest}`).raw();
    const m = this.mirror();
    const out = new Map<string, string[]>();
    const keys = [...new Set(bands)];
    const firstOf = this.firstHolders(keys, earliest + latest + 1);
    for (const band of keys) {
      const staged = m.get(band) ?? [];
      const rows = firstOf.get(band) ?? [];
      let holders: Holder[];
      if (rows.length <= earliest + latest) {
        holders = mergeBySeq(rows, staged);
        if (holders.length > MAX_BAND_ARTICLES) continue;
        holders = holdersRead(holders);
      } else {
        // The big table alone holds more than are read: its count matters only against the cap.
        const room = MAX_BAND_ARTICLES - staged.length;
        if (room < 0 || beyond.get(band, room) !== undefined) continue;
        const tail = (last.all(band) as Holder[]).reverse();
        holders = [...mergeBySeq(rows, staged).slice(0, earliest), ...mergeBySeq(tail, staged).slice(-latest)];
      }
      const ids = holders.map((h) => h[1]).filter((id) => id !== exclude);
      if (ids.length) out.set(band, ids);
    }
    return out;
  }
}
