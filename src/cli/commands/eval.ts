// triangulate eval …: each extractor scored on a public corpus. Subcommands come from the
// extractors' own eval modules.
import type { Command } from 'commander';

export function registerEval(program: Command): void {
  const evalCmd = program
    .command('eval')
    .description('Score the extractors on public corpora (see ../shared/corpora/README.md)')
    .addHelpText('after', `
Examples:
  $ triangulate eval ner --conll ../shared/corpora/conll2003/eng.testa
  $ triangulate eval seeds --gold ../shared/gold/seeds.json --seeds ../shared/seeds`);
  void evalCmd;
}
