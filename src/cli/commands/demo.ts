import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { ingest } from '../../ingest/ingest.js';
import { readInputs } from '../../ingest/readers/index.js';
import { openStore } from '../../store/open.js';
import { printJson } from '../common.js';
import { ingestProgress } from '../progress.js';
import { storyReport, printStoryReport } from '../report.js';

export const DEMO_DIR = fileURLToPath(new URL('../../../demo/corpus', import.meta.url));

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Ingest the bundled demo corpus (fictional reports written for the project) into a fresh SQLite file and report what was found')
    .option('--db <file>', 'SQLite file to (re)create', './triangulate-demo.db')
    .option('--json', 'print the report as JSON')
    .addHelpText('after', `
Example:
  $ npm run demo            (the same as: npx triangulate demo)`)
    .action(async (opts: { db: string; json?: boolean }) => {
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(opts.db + suffix)) rmSync(opts.db + suffix);
      const store = await openStore(opts.db);
      try {
        const progress = ingestProgress(!opts.json);
        const summary = await ingest(store, readInputs([DEMO_DIR]), { onProgress: progress.update });
        progress.done();
        const report = await storyReport(store);
        if (opts.json) printJson({ db: opts.db, ingest: summary, report });
        else {
          process.stdout.write(`Demo corpus: ${DEMO_DIR}\nDatabase:    ${opts.db}\n`);
          process.stdout.write(`Ingested ${summary.ingested} articles (${summary.failed} failed) in ${summary.seconds.toFixed(1)} s.\n\n`);
          printStoryReport(report);
          process.stdout.write(`\nExplore it:  npx triangulate articles --db ${opts.db}\n`);
        }
        if (summary.failed) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
