import type { Command } from 'commander';
import { ingest } from '../../ingest/ingest.js';
import { readInputs } from '../../ingest/readers/index.js';
import { printJson, withCommon, withStore, type CommonOptions } from '../common.js';
import { ingestProgress } from '../progress.js';

interface IngestCliOptions extends CommonOptions {
  allowPrivate?: boolean;
  maxBytes: string;
  timeout: string;
  workers?: string;
  stages?: string;
  progress: boolean;
}

export function registerIngest(program: Command): void {
  withCommon(
    program
      .command('ingest')
      .description('Read articles from files, directories, URLs or standard input ("-") into the store')
      .argument('[inputs...]', 'files, directories (recursive), http(s) URLs, or - for standard input', ['-'])
      .option('--allow-private', 'allow fetching URLs on loopback, private or link-local addresses')
      .option('--max-bytes <n>', 'refuse inputs larger than this many bytes', String(20 * 1024 * 1024))
      .option('--timeout <ms>', 'give up on a URL after this many milliseconds', '15000')
      .option('--workers <n>', 'analysis worker threads (default: one per core; 0 runs in this thread)')
      .option('--stages <list>', 'comma-separated analysis layers to compute (default: all)')
      .option('--no-progress', 'do not show progress'),
  )
    .addHelpText(
      'after',
      `
Formats are detected by content: plain text, HTML, JSON / JSON Lines records, RSS and Atom feeds,
WARC and WARC.gz. Re-ingesting the same content or URL stores nothing new. A bad input is reported
with its reason; the rest of the batch goes on; the exit code is 1 if anything failed.

Examples:
  $ triangulate ingest ../shared/seeds
  $ triangulate ingest feed.xml https://example.org/story.html --db team.db
  $ cat story.txt | triangulate ingest -
  $ triangulate ingest corpus.jsonl --db postgres://localhost/news --json`,
    )
    .action(async (inputs: string[], opts: IngestCliOptions) => {
      const progress = ingestProgress(opts.progress && !opts.json);
      const summary = await withStore(opts, (store) =>
        ingest(store, readInputs(inputs, { allowPrivate: opts.allowPrivate, maxBytes: Number(opts.maxBytes), timeoutMs: Number(opts.timeout) }), {
          workers: opts.workers === undefined ? undefined : Number(opts.workers),
          stages: opts.stages?.split(',').map((s) => s.trim()).filter(Boolean),
          onProgress: progress.update,
        }),
      );
      progress.done();
      if (opts.json) printJson(summary);
      else {
        const rate = summary.seconds > 0 ? Math.round(summary.ingested / summary.seconds) : 0;
        process.stdout.write(
          `ingested ${summary.ingested}, already present ${summary.existing}, failed ${summary.failed}` +
            (summary.updated ? `, re-cleaned ${summary.updated} (new boilerplate learned)` : '') +
            ` in ${summary.seconds.toFixed(1)} s (${rate}/s)\n`,
        );
        for (const f of summary.failures) process.stderr.write(`failed: ${f.source}: ${f.error}\n`);
      }
      if (summary.failed) process.exitCode = 1;
    });
}
