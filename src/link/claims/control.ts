// Territorial control across articles: for each place, its history of holders in date order
// and the latest state. A reported state outranks a party's own claim made for the same day.
import type { ControlClaim } from '../../types.js';
import { foldKey } from '../../text/normalize.js';
import { interval } from './group.js';

export interface ControlRecord {
  articleId: string;
  published: string | null;
  control: ControlClaim;
}

export interface ControlEntry {
  articleId: string;
  start: number;
  end: number;
  holder: string;
  asOf: string | null;
  status: ControlClaim['status'];
  claimant: string | null;
}

export interface PlaceControl {
  place: string;
  holder: string;
  asOf: string | null;
  status: ControlClaim['status'];
  /** Different holders stated for the same days. */
  contested: boolean;
  history: ControlEntry[];
}

/** Short forms of a holder ("the Front") mean the one longer holder that ends with them
 * ("Highland Accord Front"); ambiguous short forms stay as written. */
export function canonicalHolders(names: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const uniq = [...new Set(names)];
  for (const n of uniq) {
    const k = foldKey(n);
    const longer = uniq.filter((m) => m !== n && foldKey(m).endsWith(' ' + k));
    if (longer.length === 1) out.set(n, longer[0]!);
  }
  return out;
}

export function controlByPlace(input: ControlRecord[]): PlaceControl[] {
  const canon = canonicalHolders(input.map((r) => r.control.holder));
  const records = input.map((r) => (canon.has(r.control.holder) ? { ...r, control: { ...r.control, holder: canon.get(r.control.holder)! } } : r));
  const byPlace = new Map<string, ControlRecord[]>();
  for (const r of records) {
    const k = foldKey(r.control.place);
    (byPlace.get(k) ?? byPlace.set(k, []).get(k)!).push(r);
  }
  const out: PlaceControl[] = [];
  for (const recs of byPlace.values()) {
    const when = (r: ControlRecord) => interval(r.control.asOf ?? r.published)?.[0] ?? 0;
    recs.sort((a, b) => when(a) - when(b) || (a.control.status === b.control.status ? 0 : a.control.status === 'claimed' ? -1 : 1));
    const history = recs.map((r) => ({
      articleId: r.articleId,
      start: r.control.start,
      end: r.control.end,
      holder: r.control.holder,
      asOf: r.control.asOf,
      status: r.control.status,
      claimant: r.control.claimant,
    }));
    const last = recs[recs.length - 1]!;
    const sameDay = recs.filter((r) => Math.abs(when(r) - when(last)) < 86_400_000);
    out.push({
      place: last.control.place,
      holder: last.control.holder,
      asOf: last.control.asOf,
      status: last.control.status,
      contested: new Set(sameDay.map((r) => foldKey(r.control.holder))).size > 1,
      history,
    });
  }
  return out.sort((a, b) => a.place.localeCompare(b.place));
}
