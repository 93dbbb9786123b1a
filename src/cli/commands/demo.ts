import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { ingest } from '../../ingest/ingest.js';
import { readInputs } from '../../ingest/readers/index.js';
import { openStore } from '../../store/open.js';
import { printJson } from '../common.js';
import { startServer } from '../../server/server.js';
import type { Store } from '../../store/store.js';
import { ingestProgress } from '../progress.js';
import { storyReport, printStoryReport } from '../report.js';
import { briefMarkdown } from '../../views/brief.js';
import { overview } from '../../views/overview.js';

async function listenOnFreePort(store: Store, port: number) {
  for (let p = port; p < port + 20; p++) {
    try {
      return await startServer(store, { port: p });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    }
  }
  return startServer(store, { port: 0 });
}

export const DEMO_DIR = fileURLToPath(new URL('../../../demo/corpus', import.meta.url));

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Ingest the bundled demo corpus (fictional reports written for the project) into a fresh SQLite file and report what was found')
    .option('--db <file>', 'SQLite file to (re)create', './triangulate-demo.db')
    .option('--json', 'print the report as JSON (and do not serve)')
    .option('--no-serve', 'only ingest and report; do not start the web app')
    .option('--port <n>', 'port for the web app (the next free one is used if it is taken)', '8080')
    .addHelpText('after', `
Example:
  $ npm run demo            (the same as: npx triangulate demo)`)
    .action(async (opts: { db: string; json?: boolean; serve: boolean; port: string }) => {
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
          process.stdout.write('\n' + briefMarkdown(await overview(store)));
          process.stdout.write(`\nExplore it:  npx triangulate articles --db ${opts.db}\n`);
        }
        if (summary.failed) process.exitCode = 1;
        if (opts.serve && !opts.json) {
          const server = await listenOnFreePort(store, Number(opts.port));
          process.stdout.write(`\nThe web app is at ${server.url}  (Ctrl+C to stop)\n`);
          await new Promise<void>((resolve) => process.once('SIGINT', resolve).once('SIGTERM', resolve));
          await server.close();
        }
      } finally {
        await store.close();
      }
    });
}
