// triangulate: the command-line face. Each command lives in ./commands and teaches its use in --help.
import { Command, CommanderError } from 'commander';
import { registerArticles } from './commands/articles.js';
import { registerDemo } from './commands/demo.js';
import { registerEval } from './commands/eval.js';
import { registerIngest } from './commands/ingest.js';
import { registerShow } from './commands/show.js';
import { registerViews } from './commands/views.js';
import { registerServe } from './commands/serve.js';
import { UserError } from './common.js';

// A reader that stops early ("| head") is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const program = new Command('triangulate')
  .description('Follow a developing news story across many outlets: who said what, which figures agree or conflict, who copied whom, a dated timeline and a map, each traced to the characters of its sources.')
  .version('0.1.0')
  .showHelpAfterError('(add --help for usage)')
  .exitOverride();

program.addHelpText('after', `
Start here:
  $ triangulate demo                     ingest the bundled fictional demo corpus and report
  $ triangulate ingest ../shared/seeds   ingest your own files, directories, URLs or feeds
  $ triangulate articles                 list what is stored
  $ triangulate show <id>                read one article with its metadata and evidence

Every command takes --db <file|postgres://…> (default ./triangulate.db) and --json.`);

registerIngest(program);
registerArticles(program);
registerShow(program);
registerViews(program);
registerServe(program);
registerDemo(program);
registerEval(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode;
  } else if (e instanceof UserError) {
    process.stderr.write(`triangulate: ${e.message}\n`);
    process.exitCode = e.exitCode;
  } else {
    process.stderr.write(`triangulate: ${(e as Error).message}\n`);
    if (process.env.TRIANGULATE_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  }
}
