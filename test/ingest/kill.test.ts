// An ingest killed midway (SIGKILL) leaves a consistent database, and running it again completes
// the work. The articles are generated fictional notes.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const N = 400;

function makeCorpus(dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < N; i++) {
    writeFileSync(
      join(dir, `note-${String(i).padStart(4, '0')}.txt`),
      `Harbour note ${i} from the fictional port of Lowmere\n\nThe ferry number ${i} left the quay at dawn with ${i * 3} passengers, the harbour office said.\n\n"The sea was calm," said the skipper of boat ${i}.\n`,
    );
  }
}

const count = (db: string, sql: string): number => {
  const d = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return (d.prepare(sql).get() as { n: number }).n;
  } finally {
    d.close();
  }
};

describe('ingest killed midway', () => {
  it('leaves a consistent database and a second run completes it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tri-kill-'));
    const corpus = join(dir, 'corpus');
    const db = join(dir, 'kill.db');
    makeCorpus(corpus);
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'ingest', corpus, '--db', db, '--workers', '0', '--no-progress'], { stdio: 'ignore' });
    // Kill it once some, but not all, articles are in.
    const deadline = Date.now() + 60_000;
    let seen = 0;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      try {
        seen = count(db, 'SELECT COUNT(*) AS n FROM articles');
      } catch {
        continue;
      }
      if (seen >= 20) break;
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    assert.ok(seen >= 20, 'the first run stored some articles before it was killed');

    const articles = count(db, 'SELECT COUNT(*) AS n FROM articles');
    assert.ok(articles < N, `killed before the end (${articles} of ${N})`);
    assert.equal(count(db, "SELECT COUNT(*) AS n FROM pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
    // Every stored article came with its analysis and its search entry: no half-written article.
    assert.equal(count(db, "SELECT COUNT(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM analyses x WHERE x.article_id = a.id AND x.layer = 'segments')"), 0);
    assert.equal(count(db, 'SELECT COUNT(*) AS n FROM articles_fts'), articles);

    const second = spawn(process.execPath, ['--import', 'tsx', CLI, 'ingest', corpus, '--db', db, '--workers', '0', '--no-progress'], { stdio: 'ignore' });
    const code = await new Promise((r) => second.once('exit', r));
    assert.equal(code, 0);
    assert.equal(count(db, 'SELECT COUNT(*) AS n FROM articles'), N);
  });
});
