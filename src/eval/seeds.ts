// triangulate eval seeds: the seed articles ingested through the whole pipeline and scored
// against their reference annotation (../shared/gold/seeds.json), section by section, with the
// comparison rules of the gold README. The gold is data read at run time, never code.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Command } from 'commander';
import { ingest } from '../ingest/ingest.js';
import { readInputs } from '../ingest/readers/index.js';
import { DATE_ESTIMATE_KIND } from '../link/linkers.js';
import { haversineKm } from '../analysis/geo/index.js';
import { SqliteStore } from '../store/sqlite.js';
import type { Store } from '../store/store.js';
import type { Article, CanonicalEntity, DateEvidence, PlaceSummary, QuoteGroup, ReusePair } from '../types.js';
import * as views from '../views/index.js';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Gold = any;

export interface SectionScore {
  found: number;
  total: number;
  recall: number;
  /** Items we produced that contradict the gold (wrong speaker, reported non-reuse, …). */
  wrong?: number;
  misses: string[];
}

export type SeedsReport = Record<string, SectionScore>;

/** Gold README normalisation: NFKC, white space folded, curly quotes straight. */
export function norm(s: string): string {
  return s.normalize('NFKC').replace(/[\u2018\u2019\u201A\u201B]/g, "'").replace(/[\u201C\u201D\u201E\u201F]/g, '"').replace(/[\s\u00A0]+/g, ' ').trim();
}
const key = (s: string) => norm(s).toLowerCase().replace(/^(the|a|an) /, '');
const trimQuote = (s: string) => norm(s).replace(/^["'\s]+|["'\s.,]+$/g, '').toLowerCase();

/** Quote text match of the README: containment, or character overlap ≥ 80% of the shorter. */
export function quoteTextMatches(a: string, b: string): boolean {
  const x = trimQuote(a);
  const y = trimQuote(b);
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  const [s, l] = x.length <= y.length ? [x, y] : [y, x];
  let best = 0; // longest common substring, a conservative "character overlap"
  const prev = new Array(l.length + 1).fill(0);
  for (let i = 1; i <= s.length; i++) {
    let diag = 0;
    for (let j = 1; j <= l.length; j++) {
      const tmp = prev[j];
      prev[j] = s[i - 1] === l[j - 1] ? diag + 1 : 0;
      if (prev[j] > best) best = prev[j];
      diag = tmp;
    }
  }
  return best >= 0.8 * s.length;
}

/** Day-level date match: "A/B" accepts either day, "YYYY-MM" any day of that month. */
export function dateMatches(gold: string, ours: string | null | undefined): boolean {
  if (!ours) return false;
  const o = ours.slice(0, 10);
  const alts = gold.split('/');
  return alts.some((g) => (g.length === 7 ? o.startsWith(g) : g.length === 4 ? o.startsWith(g) : o.slice(0, 10) === g)) || (gold.length === 7 && ours.startsWith(gold));
}

const score = (found: number, total: number, misses: string[], wrong?: number): SectionScore => ({ found, total, recall: total ? +(found / total).toFixed(3) : 1, misses, ...(wrong !== undefined ? { wrong } : {}) });

export async function scoreSeeds(store: Store, gold: Gold): Promise<SeedsReport> {
  const byPrefix = new Map<string, Article>();
  for (const id of await store.articleIds()) {
    const a = (await store.getArticle(id))!;
    byPrefix.set(basename(a.source).slice(0, 3), a);
  }
  const idOf = (prefix: string) => byPrefix.get(prefix)?.id ?? `missing-${prefix}`;
  const entities = await views.entities(store);
  const namesOf = (e: CanonicalEntity) => new Set([e.name, ...e.aliases].map(key));
  const goldEntity = (name: string) => gold.entities.find((e: Gold) => e.name === name);
  /** Does our speaker/claimant string denote the gold entity (by its name or aliases)? */
  const denotes = (ours: string | null | undefined, goldName: string): boolean => {
    if (!ours) return false;
    const g = goldEntity(goldName);
    const goldNames = new Set([goldName, ...(g?.aliases ?? [])].map(key));
    if (goldNames.has(key(ours))) return true;
    const ent = entities.find((e) => namesOf(e).has(key(ours)));
    return !!ent && [...namesOf(ent)].some((n) => goldNames.has(n));
  };
  const report: SeedsReport = {};

  // Articles: outlet and dates (own evidence or estimate).
  const estimates = new Map((await store.getObjects<DateEvidence>(DATE_ESTIMATE_KIND)).map((o) => [o.id, o.data]));
  {
    let outlet = 0, dated = 0;
    const misses: string[] = [];
    for (const ga of gold.articles) {
      const a = byPrefix.get(ga.file.slice(0, 3));
      if (a?.outlet === ga.outlet) outlet++;
      else misses.push(`outlet ${ga.file.slice(0, 3)}: ${a?.outlet}`);
      const d = (a?.published ?? estimates.get(a?.id ?? '')?.value ?? null)?.slice(0, 10);
      if (d && d >= ga.published.earliest && d <= ga.published.latest) dated++;
      else misses.push(`published ${ga.file.slice(0, 3)}: ${d ?? 'none'} not in ${ga.published.earliest}..${ga.published.latest}`);
    }
    report.outlets = score(outlet, gold.articles.length, misses.filter((m) => m.startsWith('outlet')));
    report.published = score(dated, gold.articles.length, misses.filter((m) => m.startsWith('published')));
  }

  // Entities: a canonical entity of the same type has the reference name or an alias as a name.
  for (const type of ['PERSON', 'ORG']) {
    const list = gold.entities.filter((e: Gold) => e.type === type);
    const misses: string[] = [];
    let found = 0;
    for (const g of list) {
      const names = [g.name, ...(g.aliases ?? [])].map(key);
      const hit = entities.find((e) => e.type === type && names.some((n) => namesOf(e).has(n)));
      if (hit) found++;
      else misses.push(g.name);
    }
    report[type === 'PERSON' ? 'people' : 'organisations'] = score(found, list.length, misses);
  }

  // Places: resolved within 50 km (cities) or 300 km / same country code (countries, provinces).
  {
    const places = await views.places(store);
    const misses: string[] = [];
    let found = 0;
    for (const g of gold.places) {
      const tol = /city/.test(g.kind) && !/province/.test(g.kind) ? 50 : 300;
      const cands = places.filter((p: PlaceSummary) => key(p.name) === key(g.name) || haversineKm(p, g) <= tol);
      const ok = cands.some((p) => haversineKm(p, g) <= tol || (tol === 300 && g.country && p.country === g.country && p.kind !== 'city'));
      if (ok) found++;
      else misses.push(`${g.name} (${cands.map((p) => `${p.name} ${p.lat.toFixed(1)},${p.lon.toFixed(1)}`).join('; ') || 'not found'})`);
    }
    report.places = score(found, gold.places.length, misses);
  }

  // Quotes: text matches in the same article and the speaker resolves to the reference speaker.
  const quotes = await views.quotes(store);
  {
    const misses: string[] = [];
    let found = 0, wrong = 0;
    for (const g of gold.quotes) {
      const inArticle = quotes.filter((q) => q.articleId === idOf(g.article) && quoteTextMatches(q.text, g.text));
      if (inArticle.some((q) => denotes(q.speaker, g.speaker))) found++;
      else {
        const bad = inArticle.filter((q) => q.speaker && !denotes(q.speaker, g.speaker));
        if (bad.length) wrong++;
        misses.push(`${g.article} "${g.text.slice(0, 50)}" → ${inArticle.map((q) => q.speaker ?? 'unknown').join(', ') || 'not found'} (want ${g.speaker})`);
      }
    }
    report.quotes = score(found, gold.quotes.length, misses, wrong);
  }

  // Quote groups: one group holding the statement in both articles, with the independence count.
  {
    const groups = (await store.getObjects<QuoteGroup>('quote-group')).map((o) => o.data);
    const misses: string[] = [];
    let found = 0;
    for (const g of gold.quote_groups) {
      const want = g.articles.map(idOf);
      const hit = groups.find((qg) => want.every((id: string) => qg.articles.includes(id)) && quoteTextMatches(qg.text, g.text));
      if (hit && hit.independentReports === g.independent_reports) found++;
      else misses.push(`"${g.text.slice(0, 40)}": ${hit ? `independent ${hit.independentReports}, want ${g.independent_reports}` : 'no group'}`);
    }
    report.quoteGroups = score(found, gold.quote_groups.length, misses);
  }

  // Reuse: directed copied pair with the passages inside aligned spans and the share in range;
  // shared quotation only; nothing between the not_reuse pairs.
  {
    const pairs = await views.reusePairs(store);
    const between = (a: string, b: string) => pairs.filter((p) => p.articles.includes(a) && p.articles.includes(b));
    const misses: string[] = [];
    let found = 0, total = 0, wrong = 0;
    for (const g of gold.reuse) {
      total++;
      if (g.source) {
        const [s, t] = [idOf(g.source), idOf(g.target)];
        const p = between(s, t).find((x: ReusePair) => x.source === s && x.target === t && x.kind === 'copied');
        const target = byPrefix.get(g.target)!;
        const inside = (first: string) => {
          // Find the words in the target's own text, tolerant of spacing and quote variants.
          const pattern = norm(first)
            .split(' ')
            .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['"]/g, (q) => (q === '"' ? '["\u201C\u201D]' : "['\u2018\u2019]")))
            .join('[\\s\\u00A0]+');
          const m = new RegExp(pattern).exec(target.text);
          if (!m) return false;
          return !!p?.passages.some((ps) => ps.targetStart <= m.index + 2 && ps.targetEnd >= m.index + m[0].length - 2);
        };
        const passagesOk = g.passages_in_target_first_words.every(inside);
        const shareOk = p && p.targetShare >= g.share_of_target_body.min && p.targetShare <= g.share_of_target_body.max;
        if (p && passagesOk && shareOk) found++;
        else misses.push(`${g.source}→${g.target}: ${p ? `share ${p.targetShare.toFixed(2)}, passages ${passagesOk ? 'ok' : 'missing'}` : `no copied pair (${between(s, t).map((x) => x.kind).join(', ') || 'none'})`}`);
      } else {
        const [a, b] = g.articles.map(idOf);
        const ps = between(a, b);
        if (ps.length && ps.every((x) => x.kind === 'shared-quotation')) found++;
        else misses.push(`${g.articles.join('/')}: ${ps.map((x) => x.kind).join(', ') || 'none'} (want shared-quotation only)`);
      }
    }
    for (const g of gold.not_reuse) {
      const [a, b] = g.articles.map(idOf);
      if (between(a, b).length) (wrong++, misses.push(`${g.articles.join('/')} reported as reuse`));
    }
    const listed = new Set([...gold.reuse.flatMap((g: Gold) => (g.source ? [[g.source, g.target]] : [g.articles])).map((x: string[]) => x.map(idOf).sort().join('|'))]);
    const extra = pairs.filter((p) => !listed.has([...p.articles].sort().join('|')));
    wrong += extra.length;
    for (const p of extra) misses.push(`unexpected ${p.kind} pair ${p.articles.map((x) => x.slice(0, 8)).join('/')}`);
    report.reuse = score(found, total, misses, wrong);
  }

  // Claims: value (and of) agree, claimant resolves, as-of matches.
  const { claims, relations } = await views.claims(store);
  const claimMatch = new Map<string, string>();
  {
    const misses: string[] = [];
    let found = 0;
    for (const g of gold.claims) {
      const cands = claims.filter((c) => c.articleId === idOf(g.article) && c.value === g.value && (g.of === undefined || c.of === g.of));
      const hit = cands.find((c) => (denotes(c.claimant, g.claimant) || key(c.claimant ?? '') === key(g.claimant)) && dateMatches(g.as_of, c.asOf));
      if (hit) (found++, claimMatch.set(g.id, hit.id));
      else {
        if (cands[0]) claimMatch.set(g.id, cands[0].id);
        misses.push(`${g.id} ${g.value}${g.of ? '/' + g.of : ''}: ${cands.map((c) => `${c.claimant} @${c.asOf}`).join('; ') || 'no claim with that value'} (want ${g.claimant} @${g.as_of})`);
      }
    }
    report.claims = score(found, gold.claims.length, misses);
  }
  {
    const misses: string[] = [];
    let found = 0;
    for (const g of gold.claim_relations) {
      const ids = g.claims.map((c: string) => claimMatch.get(c)).filter(Boolean) as string[];
      const hit = ids.length >= 2 && relations.find((r) => r.kind === g.kind && ids.filter((id) => r.claims.includes(id)).length >= 2);
      if (hit) found++;
      else misses.push(`${g.kind} ${g.claims.join(',')}: ${ids.length < 2 ? 'claims not found' : relations.filter((r) => ids.some((id) => r.claims.includes(id))).map((r) => r.kind).join(', ') || 'no relation'}`);
    }
    report.claimRelations = score(found, gold.claim_relations.length, misses);
  }

  // Events: an event from one of the listed articles, on the right date, about the same thing.
  {
    const events = await views.timeline(store);
    const words = (s: string) => new Set(norm(s).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3));
    const misses: string[] = [];
    let found = 0;
    for (const g of gold.events) {
      const ids = g.articles.map(idOf);
      const gw = words(g.what + ' ' + (g.place ?? ''));
      const hit = events.find((e) => e.articles.some((a) => ids.includes(a)) && dateMatches(g.date, e.date) && [...words(e.summary + ' ' + (e.place ?? ''))].filter((w) => gw.has(w)).length >= 1);
      if (hit) found++;
      else misses.push(`${g.date} ${g.what}`);
    }
    report.events = score(found, gold.events.length, misses);
  }

  // Control: place, holder, as-of date and status.
  {
    const control = await views.control(store);
    const misses: string[] = [];
    let found = 0;
    for (const g of gold.control) {
      const all = control.flatMap((c) => [{ place: c.place, holder: c.holder, asOf: c.asOf, status: c.status }, ...c.history.map((h) => ({ place: c.place, ...h }))]);
      const hit = all.find((c) => key(c.place).startsWith(key(g.place).slice(0, 5)) && key(c.holder).includes(key(g.holder).split(' ')[0]!) && dateMatches(g.as_of, c.asOf) && c.status === g.status);
      if (hit) found++;
      else misses.push(`${g.place}: ${all.filter((c) => key(c.place).startsWith(key(g.place).slice(0, 5))).map((c) => `${c.holder} @${c.asOf} ${c.status}`).join('; ') || 'none'} (want ${g.holder} @${g.as_of} ${g.status})`);
    }
    report.control = score(found, gold.control.length, misses);
  }
  return report;
}

/** Ingest the seeds into a fresh temporary store and score them. */
export async function evalSeeds(opts: { seeds: string; gold: string; workers?: number }): Promise<SeedsReport> {
  const gold = JSON.parse(readFileSync(opts.gold, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'tri-eval-seeds-'));
  const store = new SqliteStore(join(dir, 'seeds.db'));
  try {
    await store.migrate();
    const summary = await ingest(store, readInputs([opts.seeds]), { workers: opts.workers ?? 0 });
    if (summary.failed) throw new Error(`seed ingest failed: ${summary.failures.map((f) => `${f.source}: ${f.error}`).join('; ')}`);
    return await scoreSeeds(store, gold);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatSeedsReport(r: SeedsReport, verbose = false): string {
  const lines = ['section          found / total   recall   wrong'];
  for (const [name, s] of Object.entries(r)) {
    lines.push(`${name.padEnd(16)} ${String(s.found).padStart(5)} / ${String(s.total).padEnd(5)}   ${s.recall.toFixed(2).padStart(6)}   ${s.wrong ?? ''}`);
    if (verbose) for (const m of s.misses) lines.push(`    · ${m}`);
  }
  return lines.join('\n');
}

export function registerEvalSeeds(evalCmd: Command): Command {
  return evalCmd
    .command('seeds')
    .description('Ingest the seed articles through the whole pipeline and score every section against the reference annotation')
    .option('--seeds <dir>', 'the seed articles', '../shared/seeds')
    .option('--gold <file>', 'the reference annotation', '../shared/gold/seeds.json')
    .option('--verbose', 'list what was missed or wrong')
    .option('--json', 'print machine-readable JSON')
    .addHelpText('after', '\nExample:\n  $ triangulate eval seeds --verbose')
    .action(async (o: { seeds: string; gold: string; verbose?: boolean; json?: boolean }) => {
      const r = await evalSeeds({ seeds: o.seeds, gold: o.gold });
      process.stdout.write(o.json ? JSON.stringify(r, null, 2) + '\n' : formatSeedsReport(r, o.verbose) + '\n');
    });
}
