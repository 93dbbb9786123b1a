import { Command } from 'commander';
import { registerEvalTimex } from '../../src/eval/timex.js';
const p = new Command('triangulate');
registerEvalTimex(p.command('eval'));
await p.parseAsync(process.argv);
