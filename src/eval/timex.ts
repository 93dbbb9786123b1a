// TimeML evaluation of the time layer (TempEval-3 style) on TimeBank and AQUAINT: extents strict
// and relaxed, and values among matched extents.
//
// Durations ("three days" → P3D), sets ("each year") and the reference words (now → PRESENT_REF)
// are scored too: TimeBank annotates them (about 13% of its TIMEX3 are durations), so leaving
// them out would cap recall. They come from findTimeExpressions(); resolveTimes() keeps only the
// dated ones for the news pipeline. Figures for DATE/TIME alone are printed beside the totals.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { findTimeExpressions, type TimeExpression } from '../analysis/time/index.js';

export interface GoldTimex {
  start: number;
  end: number;
  text: string;
  type: string;
  value: string;
}

export interface TimemlDoc {
  id: string;
  dct: string | null;
  text: string;
  timexes: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!);
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

/** The plain text of <TEXT> and its TIMEX3 tags as offsets into it. */
export function parseTimeml(xml: string, id = ''): TimemlDoc {
  const dctTag = /<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*>/.exec(xml)?.[0];
  const dct = dctTag ? attr(dctTag, 'value') : null;
  const docid = /<DOCID>([^<]*)<\/DOCID>/.exec(xml)?.[1]?.trim() ?? id;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? '';
  let text = '';
  const timexes: GoldTimex[] = [];
  const open: { start: number; type: string; value: string }[] = [];
  const re = /<(\/?)([A-Za-z0-9_]+)([^>]*)>|([^<]+)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[4] !== undefined) {
      text += decode(m[4]);
      continue;
    }
    if (m[2] !== 'TIMEX3') continue;
    if (!m[1]) {
      if (m[3]!.endsWith('/')) continue; // empty TIMEX3: no extent to find
      open.push({ start: text.length, type: attr(m[3]!, 'type') ?? 'DATE', value: attr(m[3]!, 'value') ?? '' });
    } else {
      const o = open.pop();
      if (o) timexes.push({ start: o.start, end: text.length, text: text.slice(o.start, text.length), type: o.type, value: o.value });
    }
  }
  return { id: docid, dct, text, timexes };
}

export interface TimexScores {
  documents: number;
  gold: number;
  system: number;
  strict: { precision: number; recall: number; f1: number };
  relaxed: { precision: number; recall: number; f1: number };
  /** Share of relaxed matches whose value is the gold value. */
  valueAccuracy: number;
  /** TempEval-3 value F1: a system TIMEX3 counts when its extent overlaps a gold one and the values agree. */
  value: { precision: number; recall: number; f1: number };
  typeAccuracy: number;
  /** Recall and value accuracy per gold type. */
  byType: Record<string, { gold: number; found: number; valueCorrect: number }>;
}

export interface TimexError {
  doc: string;
  kind: 'missed' | 'spurious' | 'value' | 'extent';
  gold?: string;
  goldValue?: string;
  system?: string;
  systemValue?: string;
  reason?: string;
  context: string;
}

export interface TimexEvalResult {
  corpora: Record<string, TimexScores>;
  /** DATE and TIME only (what resolveTimes serves to the news pipeline). */
  datesOnly: Record<string, TimexScores>;
  ms: number;
  errors?: TimexError[];
}

const prf = (tp: number, sys: number, gold: number, tpGold = tp) => {
  const precision = sys ? tp / sys : 0;
  const recall = gold ? tpGold / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

interface Tally {
  documents: number;
  gold: number;
  system: number;
  strictTp: number;
  relaxedSys: number;
  relaxedGold: number;
  valueTp: number;
  typeTp: number;
  byType: Record<string, { gold: number; found: number; valueCorrect: number }>;
}

const newTally = (): Tally => ({ documents: 0, gold: 0, system: 0, strictTp: 0, relaxedSys: 0, relaxedGold: 0, valueTp: 0, typeTp: 0, byType: {} });

/** Exact match, except for the padding of ISO week numbers (TimeBank writes both 1998-W2 and 1998-W02). */
function sameValue(gold: string, sys: string): boolean {
  const norm = (v: string) => v.toUpperCase().replace(/-W0(\d)\b/, '-W$1');
  return norm(gold) === norm(sys);
}

function scoreDoc(doc: TimemlDoc, sys: TimeExpression[], t: Tally, errors: TimexError[] | null): void {
  t.documents++;
  t.gold += doc.timexes.length;
  t.system += sys.length;
  const ctx = (s: number, e: number) => doc.text.slice(Math.max(0, s - 50), e + 50).replace(/\s+/g, ' ');
  const used = new Set<number>();
  for (const g of doc.timexes) {
    const bt = (t.byType[g.type] ??= { gold: 0, found: 0, valueCorrect: 0 });
    bt.gold++;
    // One-to-one: the overlapping system expression with the largest overlap.
    let best = -1;
    let bestOverlap = 0;
    sys.forEach((s, i) => {
      if (used.has(i)) return;
      const ov = Math.min(g.end, s.timexSpan.end) - Math.max(g.start, s.timexSpan.start);
      if (ov > bestOverlap) {
        bestOverlap = ov;
        best = i;
      }
    });
    if (best < 0) {
      errors?.push({ doc: doc.id, kind: 'missed', gold: g.text, goldValue: g.value, context: ctx(g.start, g.end) });
      continue;
    }
    used.add(best);
    const s = sys[best]!;
    t.relaxedGold++;
    t.relaxedSys++;
    bt.found++;
    if (s.timexSpan.start === g.start && s.timexSpan.end === g.end) t.strictTp++;
    else errors?.push({ doc: doc.id, kind: 'extent', gold: g.text, system: doc.text.slice(s.timexSpan.start, s.timexSpan.end), context: ctx(g.start, g.end) });
    if (sameValue(g.value, s.timex)) {
      t.valueTp++;
      bt.valueCorrect++;
    } else {
      errors?.push({ doc: doc.id, kind: 'value', gold: g.text, goldValue: g.value, system: s.text, systemValue: s.timex, reason: s.reason, context: ctx(g.start, g.end) });
    }
    if (s.timexType === g.type) t.typeTp++;
  }
  sys.forEach((s, i) => {
    if (!used.has(i)) errors?.push({ doc: doc.id, kind: 'spurious', system: s.text, systemValue: s.timex, context: ctx(s.start, s.end) });
  });
}

function finish(t: Tally): TimexScores {
  return {
    documents: t.documents,
    gold: t.gold,
    system: t.system,
    strict: prf(t.strictTp, t.system, t.gold),
    relaxed: prf(t.relaxedSys, t.system, t.gold, t.relaxedGold),
    valueAccuracy: t.relaxedGold ? t.valueTp / t.relaxedGold : 0,
    value: prf(t.valueTp, t.system, t.gold),
    typeAccuracy: t.relaxedGold ? t.typeTp / t.relaxedGold : 0,
    byType: t.byType,
  };
}

/** The .tml files of a directory, grouped by sub-corpus (its sub-directories, or the directory itself). */
function corpora(dir: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const tml = (d: string) => readdirSync(d).filter((f) => f.endsWith('.tml')).sort().map((f) => join(d, f));
  const own = tml(dir);
  if (own.length) out[basename(dir)] = own;
  for (const sub of readdirSync(dir).sort()) {
    const p = join(dir, sub);
    if (statSync(p).isDirectory()) {
      const files = tml(p);
      if (files.length) out[sub] = files;
    }
  }
  return out;
}

/** Our TIMEX3 tags over the document's text, as TimeML. */
export function toTimeml(doc: TimemlDoc, sys: TimeExpression[]): string {
  let body = '';
  let at = 0;
  let n = 1;
  for (const s of [...sys].sort((a, b) => a.timexSpan.start - b.timexSpan.start)) {
    if (s.timexSpan.start < at) continue;
    body += escapeXml(doc.text.slice(at, s.timexSpan.start));
    body += `<TIMEX3 tid="t${n++}" type="${s.timexType}" value="${escapeXml(s.timex)}">${escapeXml(doc.text.slice(s.timexSpan.start, s.timexSpan.end))}</TIMEX3>`;
    at = s.timexSpan.end;
  }
  body += escapeXml(doc.text.slice(at));
  return (
    '<?xml version="1.0" ?>\n<TimeML>\n' +
    `<DOCID>${escapeXml(doc.id)}</DOCID>\n` +
    `<DCT><TIMEX3 tid="t0" type="DATE" value="${doc.dct ?? ''}" temporalFunction="false" functionInDocument="CREATION_TIME">${doc.dct ?? ''}</TIMEX3></DCT>\n` +
    `<TEXT>${body}</TEXT>\n</TimeML>\n`
  );
}

export async function evalTimex(opts: { timeml: string; out?: string; errors?: boolean }): Promise<TimexEvalResult> {
  const t0 = Date.now();
  const result: TimexEvalResult = { corpora: {}, datesOnly: {}, ms: 0 };
  const errors: TimexError[] | null = opts.errors ? [] : null;
  const all = newTally();
  const allDates = newTally();
  for (const [name, files] of Object.entries(corpora(opts.timeml))) {
    const t = newTally();
    const td = newTally();
    for (const f of files) {
      const doc = parseTimeml(readFileSync(f, 'utf8'), basename(f, '.tml'));
      const sys = findTimeExpressions(doc.text, doc.dct);
      scoreDoc(doc, sys, t, errors);
      scoreDoc(doc, sys, all, null);
      const dateKinds = (s: TimeExpression) => s.timexType === 'DATE' || s.timexType === 'TIME';
      const dated = { ...doc, timexes: doc.timexes.filter((g) => g.type === 'DATE' || g.type === 'TIME') };
      scoreDoc(dated, sys.filter(dateKinds), td, null);
      scoreDoc(dated, sys.filter(dateKinds), allDates, null);
      if (opts.out) {
        const dir = join(opts.out, name);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, basename(f)), toTimeml(doc, sys));
      }
    }
    result.corpora[name] = finish(t);
    result.datesOnly[name] = finish(td);
  }
  if (Object.keys(result.corpora).length > 1) {
    result.corpora.all = finish(all);
    result.datesOnly.all = finish(allDates);
  }
  if (errors) result.errors = errors;
  result.ms = Date.now() - t0;
  return result;
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

function formatScores(name: string, s: TimexScores): string {
  const types = Object.entries(s.byType)
    .map(([k, v]) => `${k} ${v.found}/${v.gold} found, ${v.valueCorrect} value`)
    .join('; ');
  return (
    `${name.padEnd(9)} docs ${String(s.documents).padStart(3)}  gold ${String(s.gold).padStart(4)}  ours ${String(s.system).padStart(4)}  ` +
    `strict P/R/F1 ${pct(s.strict.precision)} ${pct(s.strict.recall)} ${pct(s.strict.f1)}  ` +
    `relaxed ${pct(s.relaxed.precision)} ${pct(s.relaxed.recall)} ${pct(s.relaxed.f1)}  ` +
    `value F1 ${pct(s.value.f1)} (accuracy ${pct(s.valueAccuracy)})  type acc ${pct(s.typeAccuracy)}\n          ${types}`
  );
}

export function registerEvalTimex(evalCmd: Command): Command {
  return evalCmd
    .command('timex')
    .description(
      'Time expressions on TimeML (TempEval-3 TimeBank/AQUAINT): extent P/R/F1 strict and relaxed, value F1,\n' +
        'per sub-corpus, with the document creation time as publication date.\n' +
        'Example: triangulate eval timex --timeml ../shared/corpora/timeml --json',
    )
    .requiredOption('--timeml <dir>', 'folder of .tml files, or of sub-corpus folders holding them')
    .option('--out <dir>', 'write each document back as TimeML with our TIMEX3 tags')
    .option('--errors <file>', 'write missed, spurious and wrongly valued expressions as JSON')
    .option('--json', 'print the result as JSON')
    .action(async (o: { timeml: string; out?: string; errors?: string; json?: boolean }) => {
      const r = await evalTimex({ timeml: o.timeml, out: o.out, errors: !!o.errors });
      if (o.errors) writeFileSync(o.errors, JSON.stringify(r.errors, null, 1));
      delete r.errors;
      if (o.json) {
        console.log(JSON.stringify(r, null, 2));
        return;
      }
      console.log(`TimeML evaluation, ${r.ms} ms (all TIMEX3 types: DATE, TIME, DURATION, SET)`);
      for (const [name, s] of Object.entries(r.corpora)) console.log(formatScores(name, s));
      console.log('DATE and TIME only:');
      for (const [name, s] of Object.entries(r.datesOnly)) console.log(formatScores(name, s));
    });
}
