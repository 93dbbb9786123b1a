// triangulate eval …: each extractor scored on a public corpus (../shared/corpora) or on the seed
// articles against their reference annotation. Subcommands come from the extractors' eval modules.
import type { Command } from 'commander';
import { registerEvalGeo } from '../../eval/geo.js';
import { registerEvalNer } from '../../eval/ner.js';
import { registerEvalQuotes } from '../../eval/quotes.js';
import { registerEvalTimex } from '../../eval/timex.js';
import { registerEvalSeeds } from '../../eval/seeds.js';
import { registerEvalReuse } from '../../eval/meter/evaluate.js';

export function registerEval(program: Command): void {
  const evalCmd = program
    .command('eval')
    .description('Score the extractors on public corpora (see ../shared/corpora/README.md)')
    .addHelpText('after', `
Examples:
  $ triangulate eval ner --conll ../shared/corpora/conll2003/eng.testa
  $ triangulate eval geo --lgl ../shared/corpora/geo/lgl.xml
  $ triangulate eval quotes --polnear ../shared/corpora/polnear/dev
  $ triangulate eval timex --timeml ../shared/corpora/timeml
  $ triangulate eval reuse --meter ../shared/corpora/meter
  $ triangulate eval seeds --verbose`);
  registerEvalNer(evalCmd);
  registerEvalGeo(evalCmd);
  registerEvalQuotes(evalCmd);
  registerEvalTimex(evalCmd);
  registerEvalReuse(evalCmd);
  registerEvalSeeds(evalCmd);
}
