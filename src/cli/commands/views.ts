// The read-only commands: each prints one view of the store as a table, JSON or CSV.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import * as views from '../../views/index.js';
import type { ReusePair } from '../../types.js';
import { reuseFamilies } from '../../link/reuse/index.js';
import { printJson, printTable, UserError, withCommon, withStore, type CommonOptions } from '../common.js';
import { resolveArticle } from './show.js';

type Opts = CommonOptions & Record<string, string | boolean | undefined>;

/** RFC 4180 CSV of flat rows (arrays joined with "; "). */
export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  const cell = (v: unknown) => {
    const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\n') + '\n';
}

function writeCsv(file: string, rows: Record<string, unknown>[], columns: string[]): void {
  if (file === '-') process.stdout.write(toCsv(rows, columns));
  else {
    writeFileSync(file, toCsv(rows, columns));
    process.stderr.write(`wrote ${rows.length} rows to ${file}\n`);
  }
}

const short = (id: string | null) => (id ? id.slice(0, 8) : '–');

/** Wrap text into lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (line && line.length + 1 + word.length > width) (out.push(line), (line = ''));
    line = line ? `${line} ${word}` : word.length > width ? word.slice(0, width) : word;
  }
  if (line) out.push(line);
  return out;
}

/** A pair's aligned passages in two columns, earlier article on the left; reused text is
 * highlighted on a terminal. */
async function printPair(store: import('../../store/store.js').Store, p: ReusePair): Promise<void> {
  const [leftId, rightId] = [p.source ?? p.articles[0], p.target ?? p.articles[1]];
  const [left, right] = await Promise.all([store.getArticle(leftId), store.getArticle(rightId)]);
  if (!left || !right) return;
  const tty = process.stdout.isTTY;
  const col = Math.max(30, Math.floor(((process.stdout.columns || 120) - 3) / 2));
  const mark = (s: string) => (tty ? `\x1b[7m${s}\x1b[0m` : s);
  const out = process.stdout;
  out.write(`\n${p.kind.toUpperCase()}  ${Math.round(p.targetShare * 100)}% of ${short(rightId)} reused, similarity ${p.similarity}  (${p.direction})\n`);
  const head = (a: typeof left, label: string) => `${label} ${short(a.id)} ${a.outlet ?? '?'} ${(a.published ?? 'undated').slice(0, 10)}`;
  out.write(`${head(left, p.source ? 'earlier' : 'article').padEnd(col)} │ ${head(right, p.target ? 'later' : 'article')}\n`);
  out.write(`${'─'.repeat(col)}─┼─${'─'.repeat(col)}\n`);
  for (const ps of [...p.passages].sort((a, b) => a.targetStart - b.targetStart)) {
    const l = wrap(left.text.slice(ps.sourceStart, ps.sourceEnd), col);
    const r = wrap(right.text.slice(ps.targetStart, ps.targetEnd), col);
    for (let i = 0; i < Math.max(l.length, r.length); i++) out.write(`${mark((l[i] ?? '').padEnd(col))} │ ${mark(r[i] ?? '')}\n`);
    out.write(`${' '.repeat(col)} │\n`);
  }
}

export function registerViews(program: Command): void {
  withCommon(program.command('quotes').description('Who said what: quotations with their resolved speakers')
    .option('--speaker <name>', 'only quotes by this speaker (any of their names)')
    .option('--article <id>', 'only quotes in this article'))
    .addHelpText('after', '\nExamples:\n  $ triangulate quotes --speaker Varn\n  $ triangulate quotes --article 54d0d16a --json')
    .action(async (o: Opts) => withStore(o, async (s) => {
      const article = o.article ? await resolveArticle(s, o.article as string) : undefined;
      const list = await views.quotes(s, { speaker: o.speaker as string | undefined, article });
      if (o.json) return printJson(list);
      if (!list.length) return void process.stdout.write('no quotes found\n');
      printTable(list.map((q) => ({ ...q, articleId: short(q.articleId), speaker: q.speaker ?? '(unknown)', text: q.text.replace(/\s+/g, ' ') })), [
        { key: 'articleId', title: 'ARTICLE', width: 8 }, { key: 'kind', title: 'KIND', width: 8 },
        { key: 'speaker', title: 'SPEAKER', width: 22 }, { key: 'text', title: 'QUOTE' },
      ]);
    }));

  withCommon(program.command('voices').description('Who is quoted, how often, and by which outlets'))
    .addHelpText('after', '\nExample:\n  $ triangulate voices --json')
    .action(async (o: Opts) => withStore(o, async (s) => {
      const list = await views.voices(s);
      if (o.json) return printJson(list);
      printTable(list.map((v) => ({ ...v, outlets: v.outlets.join(', '), articles: v.articles.length })), [
        { key: 'speaker', title: 'SPEAKER', width: 28 }, { key: 'quotes', title: 'QUOTES', width: 6 },
        { key: 'articles', title: 'ARTICLES', width: 8 }, { key: 'outlets', title: 'OUTLETS' },
      ]);
    }));

  withCommon(program.command('entities').description('People, organisations and places recognised and merged across articles')
    .option('--type <type>', 'PERSON, ORG, PLACE or OTHER')
    .option('--article <id>', 'only entities mentioned in this article'))
    .addHelpText('after', '\nExamples:\n  $ triangulate entities --type PERSON\n  $ triangulate entities --article 54d0d16a --json')
    .action(async (o: Opts) => withStore(o, async (s) => {
      if (o.type && !['PERSON', 'ORG', 'PLACE', 'OTHER'].includes((o.type as string).toUpperCase())) throw new UserError(`--type "${o.type}" is not one of PERSON, ORG, PLACE, OTHER`);
      const article = o.article ? await resolveArticle(s, o.article as string) : undefined;
      const list = await views.entities(s, { type: o.type as string | undefined, article });
      if (o.json) return printJson(list);
      printTable(list.map((e) => ({ ...e, aliases: e.aliases.filter((a) => a !== e.name).join('; '), roles: e.roles.join('; '), articles: e.articles.length })), [
        { key: 'type', title: 'TYPE', width: 6 }, { key: 'name', title: 'NAME', width: 26 }, { key: 'mentions', title: 'MENTIONS', width: 8 },
        { key: 'articles', title: 'ARTICLES', width: 8 }, { key: 'roles', title: 'ROLES', width: 30 }, { key: 'aliases', title: 'ALIASES' },
      ]);
    }));

  withCommon(program.command('places').description('Places on the map, resolved offline against a gazetteer')
    .option('--geojson [file]', 'write GeoJSON (to a file, or standard output)'))
    .addHelpText('after', '\nExamples:\n  $ triangulate places\n  $ triangulate places --geojson places.geojson')
    .action(async (o: Opts) => withStore(o, async (s) => {
      const list = await views.places(s);
      if (o.geojson) {
        const gj = JSON.stringify(views.placesGeoJSON(list), null, 2) + '\n';
        if (o.geojson === true) process.stdout.write(gj);
        else (writeFileSync(o.geojson as string, gj), process.stderr.write(`wrote ${list.length} places to ${o.geojson}\n`));
        return;
      }
      if (o.json) return printJson(list);
      printTable(list.map((p) => ({ ...p, articles: p.articles.length, at: `${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` })), [
        { key: 'name', title: 'PLACE', width: 24 }, { key: 'kind', title: 'KIND', width: 8 }, { key: 'country', title: 'CC', width: 3 },
        { key: 'at', title: 'LAT, LON', width: 16 }, { key: 'mentions', title: 'MENTIONS', width: 8 }, { key: 'articles', title: 'ARTICLES' },
      ]);
    }));

  withCommon(program.command('claims').description('Figures bound to what they measure and who claims them, grouped, with agreement, trends and conflicts')
    .option('--conflicts', 'only conflicting claims and their relations')
    .option('--csv <file>', 'write the claims as CSV ("-" for standard output)'))
    .addHelpText('after', '\nExamples:\n  $ triangulate claims\n  $ triangulate claims --conflicts --json\n  $ triangulate claims --csv claims.csv')
    .action(async (o: Opts) => withStore(o, async (s) => {
      const v = await views.claims(s, { conflicts: !!o.conflicts });
      const cols = ['id', 'articleId', 'outlet', 'start', 'end', 'text', 'quantity', 'value', 'of', 'unit', 'approx', 'claimant', 'side', 'asOf', 'groupId'];
      if (o.csv) return writeCsv(o.csv as string, v.claims as unknown as Record<string, unknown>[], cols);
      if (o.json) return printJson(v);
      if (!v.claims.length) return void process.stdout.write('no claims found\n');
      for (const g of v.groups) {
        const members = v.claims.filter((c) => c.groupId === g.id);
        if (!members.length) continue;
        process.stdout.write(`\n${g.quantity}  (${g.independentReports} independent report${g.independentReports === 1 ? '' : 's'})\n`);
        for (const c of members) process.stdout.write(`  ${(c.asOf ?? '?').padEnd(10)}  ${c.approx ? '≈' : ' '}${c.value}${c.of ? ' of ' + c.of : ''}  ${c.claimant ?? c.outlet ?? '?'}${c.side ? ` [${c.side}]` : ''}  · ${short(c.articleId)}\n`);
        for (const r of v.relations.filter((r) => r.groupId === g.id)) process.stdout.write(`  → ${r.kind}: ${r.reason}\n`);
      }
      const loose = v.claims.filter((c) => !c.groupId);
      if (loose.length) process.stdout.write(`\n${loose.length} more claims without a group (see --json)\n`);
    }));

  withCommon(program.command('timeline').description('Dated events merged across articles, each with its sources')
    .option('--from <date>', 'on or after this day').option('--to <date>', 'on or before this day')
    .option('--csv <file>', 'write the events as CSV ("-" for standard output)'))
    .addHelpText('after', '\nExamples:\n  $ triangulate timeline --from 2021-08-01\n  $ triangulate timeline --csv events.csv')
    .action(async (o: Opts) => withStore(o, async (s) => {
      const list = await views.timeline(s, { from: o.from as string | undefined, to: o.to as string | undefined });
      if (o.csv) return writeCsv(o.csv as string, list as unknown as Record<string, unknown>[], ['id', 'date', 'granularity', 'type', 'summary', 'actors', 'place', 'articles']);
      if (o.json) return printJson(list);
      printTable(list.map((e) => ({ ...e, date: e.date ?? 'undated', actors: e.actors.join(', '), n: e.articles.length })), [
        { key: 'date', title: 'DATE', width: 10 }, { key: 'type', title: 'TYPE', width: 12 }, { key: 'n', title: 'SRC', width: 3 },
        { key: 'place', title: 'PLACE', width: 14 }, { key: 'summary', title: 'WHAT' },
      ]);
    }));

  withCommon(program.command('control').description('Who controls which place, according to whom, as of when')
    .option('--csv <file>', 'write the records as CSV ("-" for standard output)'))
    .addHelpText('after', '\nExamples:\n  $ triangulate control\n  $ triangulate control --json')
    .action(async (o: Opts) => withStore(o, async (s) => {
      const list = await views.control(s);
      if (o.csv) return writeCsv(o.csv as string, list as unknown as Record<string, unknown>[], ['place', 'holder', 'asOf', 'status', 'claimant', 'articles']);
      if (o.json) return printJson(list);
      if (!list.length) return void process.stdout.write('no control claims found\n');
      printTable(list.map((c) => ({ ...c, claimant: c.claimant ?? '(reported)', n: c.articles.length, history: c.history.length })), [
        { key: 'place', title: 'PLACE', width: 18 }, { key: 'holder', title: 'HOLDER', width: 16 }, { key: 'asOf', title: 'AS OF', width: 10 },
        { key: 'status', title: 'STATUS', width: 8 }, { key: 'claimant', title: 'CLAIMANT', width: 22 }, { key: 'n', title: 'SRC', width: 3 }, { key: 'history', title: 'EARLIER' },
      ]);
    }));

  withCommon(program.command('reuse').description('Who copied whom: reuse pairs with their aligned passages side by side')
    .argument('[article]', 'only pairs involving this article (id or prefix)')
    .option('--kind <kind>', 'only copied, near-duplicate or shared-quotation pairs')
    .option('--families', 'list reuse families (articles connected by copying) instead of pairs'))
    .addHelpText('after', '\nExamples:\n  $ triangulate reuse\n  $ triangulate reuse cc56083d\n  $ triangulate reuse --json')
    .action(async (ref: string | undefined, o: Opts) => withStore(o, async (s) => {
      if (o.kind && !['copied', 'near-duplicate', 'shared-quotation'].includes(o.kind as string)) throw new UserError(`--kind "${o.kind}" is not copied, near-duplicate or shared-quotation`);
      const article = ref ? await resolveArticle(s, ref) : undefined;
      let pairs = await views.reusePairs(s, { article });
      if (o.kind) pairs = pairs.filter((p) => p.kind === o.kind);
      if (o.families) {
        const families = reuseFamilies(pairs);
        if (o.json) return printJson(families);
        families.forEach((f, i) => process.stdout.write(`family ${i + 1}: ${f.map(short).join(', ')}\n`));
        return;
      }
      if (o.json) return printJson(pairs);
      if (!pairs.length) return void process.stdout.write('no reuse found\n');
      for (const p of pairs) await printPair(s, p);
    }));

  withCommon(program.command('outlets').description('Outlets with their article counts and originality (share of their text that is their own)'))
    .addHelpText('after', '\nExample:\n  $ triangulate outlets --json')
    .action(async (o: Opts) => withStore(o, async (s) => {
      const list = await views.outlets(s);
      if (o.json) return printJson(list);
      printTable(list.map((x) => ({ ...x, originality: `${Math.round(x.originality * 100)}%`, copies: x.copiesMost ? `${x.copiesMost.outlet} (${x.copiesMost.words} words)` : '–' })), [
        { key: 'outlet', title: 'OUTLET', width: 24 }, { key: 'articles', title: 'ARTICLES', width: 8 }, { key: 'originality', title: 'OWN TEXT', width: 8 }, { key: 'copies', title: 'COPIES MOST FROM' },
      ]);
    }));
}
