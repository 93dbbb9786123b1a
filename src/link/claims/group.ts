// Claims about the same measured quantity across articles, ordered in time, and how they
// relate: the same figure (consistent), a figure moving over time (trend), figures that cannot
// both be true (conflict), and one report repeated by a copying article (copy).
import type { Claim } from '../../types.js';
import { foldKey } from '../../text/normalize.js';

export interface ClaimRecord {
  articleId: string;
  outlet: string | null;
  published: string | null;
  claim: Claim;
}

export type ClaimRelationKind = 'consistent' | 'trend' | 'conflict' | 'copy';

export interface ClaimRelation {
  kind: ClaimRelationKind;
  /** Claim ids (`${articleId}:${start}`), in time order for trends. */
  claims: string[];
  reason: string;
}

export interface ClaimGroup {
  id: string;
  /** Normalised description shared by the group ("districts controlled by the X"). */
  quantity: string;
  unit: string | null;
  subject: string | null;
  predicate: string | null;
  /** Claim ids ordered by as-of date. */
  claims: string[];
}

export interface GroupOptions {
  /** Articles an article copies from (reuse detection); a claim repeated there is not a new report. */
  copiedFrom?: (articleId: string) => string[];
  /** Days apart within which two figures count as the same moment. */
  sameMomentDays?: number;
  /** Days apart within which figures from opposing sides are compared for conflict. */
  conflictWindowDays?: number;
}

export const claimId = (articleId: string, c: { start: number }) => `${articleId}:${c.start}`;

interface Item {
  id: string;
  rec: ClaimRecord;
  c: Claim & { share?: number | null; ofApprox?: boolean; bound?: 'lower' | 'upper' | null };
  from: number;
  to: number;
  mid: number;
  side: string;
}

const DAY = 86_400_000;

/** Start and end (ms) of an ISO date, month, year or "a/b" range; null when unparseable. */
export function interval(value: string | null): [number, number] | null {
  if (!value) return null;
  if (value.includes('/')) {
    const [a, b] = value.split('/');
    const x = interval(a!);
    const y = interval(b!);
    return x && y ? [x[0], y[1]] : null;
  }
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (m) {
    const t = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
    return [t, t + DAY - 1];
  }
  m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return [Date.UTC(+m[1]!, +m[2]! - 1, 1), Date.UTC(+m[1]!, +m[2]!, 1) - 1];
  m = /^(\d{4})$/.exec(value);
  if (m) return [Date.UTC(+m[1]!, 0, 1), Date.UTC(+m[1]! + 1, 0, 1) - 1];
  return null;
}

const subjectKey = (s: string | null) => (s ? foldKey(s).replace(/^the\s+/, '') : '');
const predicateKey = (c: Claim) => (c.unit === 'percent of territory' && c.predicate === 'capture' ? 'control' : c.predicate ?? '');
/** Predicates that all say how much an actor holds, for comparing different measures. */
const family = (c: Claim) => (['control', 'capture'].includes(predicateKey(c)) ? 'control' : predicateKey(c));

function shareOf(c: Item['c']): number | null {
  if (typeof c.share === 'number') return c.share;
  if (c.of) return c.value / c.of;
  if (c.unit === 'percent' || c.unit === 'percent of territory') return c.value / 100;
  return null;
}

/** Two figures agree within rounding and hedges. */
export function valuesAgree(a: Item['c'], b: Item['c']): boolean {
  const approx = a.approx || b.approx || !!a.ofApprox || !!b.ofApprox;
  const sa = shareOf(a);
  const sb = shareOf(b);
  if (a.of && b.of && sa !== null && sb !== null) {
    const wholes = Math.abs(a.of - b.of) / Math.max(a.of, b.of) <= (approx ? 0.1 : 0.005);
    return wholes && Math.abs(sa - sb) <= (approx ? 0.05 : 0.01);
  }
  if (a.bound === 'lower' && b.value >= a.value * 0.98) return true;
  if (b.bound === 'lower' && a.value >= b.value * 0.98) return true;
  const rel = Math.abs(a.value - b.value) / Math.max(Math.abs(a.value), Math.abs(b.value), 1e-9);
  return rel <= (approx ? 0.1 : 0.005);
}

const fmtDate = (it: Item) => it.c.asOf ?? 'undated';
const fmtValue = (c: Item['c']) =>
  `${c.bound === 'lower' ? 'more than ' : c.approx ? 'about ' : ''}${c.value}${c.of ? ` of ${c.ofApprox ? '~' : ''}${c.of}` : ''}${c.unit === 'percent' || c.unit === 'percent of territory' ? '%' : ''}`;

export function groupClaims(
  records: ClaimRecord[],
  independence: (articleIds: string[]) => number,
  options: GroupOptions = {},
): { groups: ClaimGroup[]; relations: ClaimRelation[] } {
  const sameMoment = (options.sameMomentDays ?? 7) * DAY;
  const conflictWindow = (options.conflictWindowDays ?? 31) * DAY;
  const items: Item[] = [];
  for (const rec of records) {
    const iv = interval(rec.claim.asOf) ?? interval(rec.published);
    const [from, to] = iv ?? [Number.NaN, Number.NaN];
    items.push({
      id: claimId(rec.articleId, rec.claim),
      rec,
      c: rec.claim,
      from,
      to,
      mid: (from + to) / 2,
      side: rec.claim.side ?? rec.claim.claimant ?? rec.outlet ?? '',
    });
  }
  const byKey = new Map<string, Item[]>();
  for (const it of items) {
    const key = `${it.c.unit ?? ''}|${subjectKey(it.c.subject)}|${predicateKey(it.c)}`;
    (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(it);
  }
  const order = (a: Item, b: Item) => (a.mid || 0) - (b.mid || 0) || a.rec.articleId.localeCompare(b.rec.articleId) || a.c.start - b.c.start;

  const groups: ClaimGroup[] = [];
  const relations: ClaimRelation[] = [];
  const isCopy = (a: Item, b: Item) =>
    a.rec.articleId !== b.rec.articleId &&
    ((options.copiedFrom?.(b.rec.articleId).includes(a.rec.articleId) ?? false) ||
      (options.copiedFrom?.(a.rec.articleId).includes(b.rec.articleId) ?? false) ||
      independence([a.rec.articleId, b.rec.articleId]) < 2);

  let n = 0;
  for (const members of byKey.values()) {
    members.sort(order);
    const first = members[0]!.c;
    groups.push({ id: `g${++n}`, quantity: first.quantity, unit: first.unit, subject: first.subject, predicate: predicateKey(first) || null, claims: members.map((m) => m.id) });

    // Copies: the same figure in an article that copies another.
    const copied = new Set<string>();
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const a = members[i]!;
        const b = members[j]!;
        if (a.c.value === b.c.value && a.c.of === b.c.of && isCopy(a, b)) {
          const [src, dst] = (options.copiedFrom?.(a.rec.articleId).includes(b.rec.articleId) ? [b, a] : [a, b]) as [Item, Item];
          relations.push({ kind: 'copy', claims: [src.id, dst.id], reason: `${dst.rec.outlet ?? dst.rec.articleId} repeats ${src.rec.outlet ?? src.rec.articleId}'s figure ${fmtValue(a.c)} from a copied passage: one independent report` });
          copied.add(dst.id);
        }
      }
    }
    const independent = members.filter((m) => !copied.has(m.id));

    // Moments: figures that agree and were stated within a few days of each other.
    const moments: Item[][] = [];
    for (const it of independent) {
      const m = moments.find((mo) => mo.every((x) => valuesAgree(x.c, it.c) && Math.abs(x.mid - it.mid) <= sameMoment));
      if (m) m.push(it);
      else moments.push([it]);
    }
    for (const mo of moments) {
      if (mo.length < 2) continue;
      relations.push({
        kind: 'consistent',
        claims: mo.map((x) => x.id),
        reason: `${mo.map((x) => `${fmtValue(x.c)} (${x.c.claimant ?? x.rec.outlet}, ${fmtDate(x)})`).join(' and ')} agree within rounding`,
      });
    }

    // Trend or conflict along time.
    // A trend needs each figure placed in time: undated figures and spans of months ("until
    // September") cannot say which came first.
    const placed = (it: Item) => Number.isFinite(it.mid) && it.to - it.from <= 40 * DAY;
    const seq = moments
      .filter((mo) => placed(mo[0]!))
      .map((mo) => ({ items: mo, mid: mo[0]!.mid, value: mo[0]!.c.value, share: shareOf(mo[0]!.c) }))
      .sort((a, b) => a.mid - b.mid);
    const distinctTimes = new Set(seq.map((s) => Math.round(s.mid / DAY))).size;
    if (seq.length >= 2 && distinctTimes >= 2) {
      const vals = seq.map((s) => s.value);
      const up = vals.every((v, i) => i === 0 || v >= vals[i - 1]!);
      const down = vals.every((v, i) => i === 0 || v <= vals[i - 1]!);
      // Equal figures at both ends are a steady state, not a trend.
      if ((up || down) && vals[0] !== vals.at(-1)) {
        relations.push({
          kind: 'trend',
          claims: seq.flatMap((s) => s.items.map((x) => x.id)),
          reason: `${up ? 'rising' : 'falling'}: ${seq.map((s) => `${fmtValue(s.items[0]!.c)} (${fmtDate(s.items[0]!)})`).join(' → ')}`,
        });
      }
    }
    for (let i = 0; i < seq.length; i++) {
      for (let j = i + 1; j < seq.length; j++) {
        const a = seq[i]!.items[0]!;
        const b = seq[j]!.items[0]!;
        if (!a.c.side || !b.c.side || a.c.side === b.c.side || valuesAgree(a.c, b.c)) continue;
        const gap = Math.abs(a.mid - b.mid);
        // Different figures from different sides for the same day; or a later figure that goes
        // back against the direction the others move in.
        const reversal = seq.length > 2 && !isMonotone(seq.map((s) => s.value)) && gap <= conflictWindow;
        if (gap <= DAY || reversal) {
          relations.push({
            kind: 'conflict',
            claims: [a.id, b.id],
            reason: `${a.c.side}: ${fmtValue(a.c)} (${fmtDate(a)}) vs ${b.c.side}: ${fmtValue(b.c)} (${fmtDate(b)})`,
          });
        }
      }
    }
  }

  // Different measures of the same thing from opposing sides ("more than 80% of the territory"
  // vs "about half of the districts"): compare shares within the conflict window.
  const withShare = items.filter((it) => shareOf(it.c) !== null && it.c.side);
  const used = new Set<string>();
  for (const a of withShare.sort(order)) {
    if (used.has(a.id)) continue;
    const opposes = (x: Item, y: Item) =>
      y.c.unit !== x.c.unit &&
      y.c.side !== x.c.side &&
      subjectKey(x.c.subject) !== '' &&
      subjectKey(y.c.subject) === subjectKey(x.c.subject) &&
      family(y.c) === family(x.c) &&
      Math.abs(y.mid - x.mid) <= conflictWindow &&
      Math.abs(shareOf(y.c)! - shareOf(x.c)!) > 0.15 &&
      !(x.c.bound === 'lower' && shareOf(y.c)! >= shareOf(x.c)!) &&
      !(y.c.bound === 'lower' && shareOf(x.c)! >= shareOf(y.c)!);
    const partners = withShare.filter((b) => !used.has(b.id) && opposes(a, b));
    if (partners.length === 0) continue;
    const mine = withShare.filter((x) => !used.has(x.id) && x.c.unit === a.c.unit && x.c.side === a.c.side && partners.some((p) => opposes(x, p)));
    const all = [...new Set([...mine, ...partners])].sort(order);
    for (const x of all) used.add(x.id);
    const p = partners[0]!;
    relations.push({
      kind: 'conflict',
      claims: all.map((x) => x.id),
      reason: `${a.c.side} says ${fmtValue(a.c)} (${a.c.unit}, ${fmtDate(a)}); ${p.c.side} says ${fmtValue(p.c)} (${p.c.unit}, ${fmtDate(p)}): different measures of the same control that cannot both hold`,
    });
  }
  return { groups, relations };
}

function isMonotone(v: number[]): boolean {
  return v.every((x, i) => i === 0 || x >= v[i - 1]!) || v.every((x, i) => i === 0 || x <= v[i - 1]!);
}
