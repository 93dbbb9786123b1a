// npm test: every test/**/*.test.ts under node's test runner (Node 20's --test takes no globs).
// Extra arguments narrow the run to files whose path contains one of them: npm test -- store api
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
const filters = process.argv.slice(2);
const files = walk('test').sort().filter((f) => !filters.length || filters.some((x) => f.includes(x)));
if (!files.length) {
  console.error(`no test files match ${filters.join(', ')}`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
