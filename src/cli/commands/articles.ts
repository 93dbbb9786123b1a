import type { Command } from 'commander';
import { printJson, printTable, UserError, withCommon, withStore, type CommonOptions } from '../common.js';

interface ArticlesOptions extends CommonOptions {
  outlet?: string;
  from?: string;
  to?: string;
  search?: string;
  entity?: string;
  limit: string;
  offset: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function registerArticles(program: Command): void {
  withCommon(
    program
      .command('articles')
      .description('List stored articles, filtered by outlet, date range, entity or full-text search')
      .option('--outlet <name>', 'only this outlet (case-insensitive)')
      .option('--from <date>', 'published on or after this day (YYYY-MM-DD)')
      .option('--to <date>', 'published on or before this day (YYYY-MM-DD)')
      .option('--search <words>', 'full-text search over titles and bodies')
      .option('--entity <id>', 'only articles mentioning this canonical entity')
      .option('--limit <n>', 'at most this many', '100')
      .option('--offset <n>', 'skip this many', '0'),
  )
    .addHelpText('after', `
Examples:
  $ triangulate articles --outlet "Press TV" --from 2021-07-01
  $ triangulate articles --search "provincial capital" --json`)
    .action(async (opts: ArticlesOptions) => {
      for (const k of ['from', 'to'] as const) if (opts[k] && !ISO_DAY.test(opts[k]!)) throw new UserError(`--${k} "${opts[k]}" is not a date: use YYYY-MM-DD`);
      const limit = Number(opts.limit);
      const offset = Number(opts.offset);
      if (!Number.isInteger(limit) || limit < 0) throw new UserError(`--limit "${opts.limit}" is not a whole number`);
      if (!Number.isInteger(offset) || offset < 0) throw new UserError(`--offset "${opts.offset}" is not a whole number`);
      const rows = await withStore(opts, (s) => s.listArticles({ outlet: opts.outlet, from: opts.from, to: opts.to, search: opts.search, entity: opts.entity, limit, offset }));
      if (opts.json) return printJson(rows);
      if (!rows.length) return void process.stdout.write('no articles match\n');
      printTable(
        rows.map((r) => ({ ...r, id: r.id.slice(0, 8), published: r.published?.slice(0, 10) ?? null })),
        [
          { key: 'id', title: 'ID', width: 8 },
          { key: 'published', title: 'PUBLISHED', width: 10 },
          { key: 'outlet', title: 'OUTLET', width: 18 },
          { key: 'wordCount', title: 'WORDS', width: 6 },
          { key: 'title', title: 'TITLE' },
        ],
      );
    });
}
