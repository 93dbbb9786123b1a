import type { Command } from 'commander';
import type { Store } from '../../store/store.js';
import type { DateEvidence } from '../../types.js';
import { DATE_ESTIMATE_KIND } from '../../link/linkers.js';
import { printJson, UserError, withCommon, withStore, type CommonOptions } from '../common.js';

/** An article id from a full id or a unique prefix, or a clear error. */
export async function resolveArticle(store: Store, ref: string): Promise<string> {
  const id = (await store.hasArticle(ref)) ? ref : await store.resolveId(ref);
  if (!id) throw new UserError(`no article "${ref}": give an id or a unique prefix of at least 4 characters (see: triangulate articles)`);
  return id;
}

export function registerShow(program: Command): void {
  withCommon(
    program
      .command('show')
      .description('Show one article: metadata, evidence, clean text, and what was set apart from it')
      .argument('<id>', 'article id or a unique prefix of it')
      .option('--raw', 'print the raw text as read instead of the clean text')
      .option('--analysis', 'with --json: include the analysis layers'),
  )
    .addHelpText('after', `
Examples:
  $ triangulate show 54d0d16a
  $ triangulate show 54d0d16a --json --analysis`)
    .action(async (ref: string, opts: CommonOptions & { raw?: boolean; analysis?: boolean }) => {
      await withStore(opts, async (store) => {
        const id = await resolveArticle(store, ref);
        const a = (await store.getArticle(id))!;
        if (opts.json) {
          const { offsets: _o, ...rest } = a;
          const estimate = a.published ? null : ((await store.getObjects<DateEvidence>(DATE_ESTIMATE_KIND, { ids: [id] }))[0]?.data ?? null);
          return printJson({ ...rest, publishedEstimate: estimate, ...(opts.analysis ? { analysis: await store.getAnalysis(id) } : {}) });
        }
        const out = process.stdout;
        out.write(`${a.title ?? '(untitled)'}\n`);
        out.write(`id        ${a.id}\noutlet    ${a.outlet ?? '–'}  (${a.outletEvidence ?? 'no evidence'})\n`);
        out.write(`published ${a.published ?? '–'}  (${a.publishedEvidence.reason}; confidence ${a.publishedEvidence.confidence})\n`);
        const estimate = a.published ? null : (await store.getObjects<DateEvidence>(DATE_ESTIMATE_KIND, { ids: [id] }))[0]?.data;
        if (estimate) out.write(`estimated ${estimate.value}  (${estimate.reason}; confidence ${estimate.confidence})\n`);
        if (a.section) out.write(`section   ${a.section}\n`);
        if (a.dateline) out.write(`dateline  ${a.dateline}\n`);
        if (a.byline) out.write(`byline    ${a.byline}\n`);
        out.write(`source    ${a.source}${a.url && a.url !== a.source ? `  (${a.url})` : ''}\n\n`);
        out.write((opts.raw ? a.raw : a.text) + '\n');
        for (const [label, list] of [['captions', a.captions], ['subheadings', a.subheadings], ['boilerplate (removed)', a.boilerplate]] as const) {
          if (list.length) out.write(`\n${label}:\n${list.map((l) => '  · ' + l).join('\n')}\n`);
        }
      });
    });
}
