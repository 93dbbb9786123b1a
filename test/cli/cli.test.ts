// The command line as a user meets it: bad input named with its reason, the rest of the batch
// ingested, exit codes, --json everywhere, --help with examples.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const CLI = new URL('../../src/cli/main.ts', import.meta.url).pathname;
const run = (args: string[], input?: string) => spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', input });

describe('triangulate CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tri-cli-'));
  const db = join(dir, 'cli.db');
  writeFileSync(join(dir, 'good.txt'), 'Bridge reopens in fictional Lowmere\n\nThe old bridge reopened on Monday after repairs, the council said.\n');
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'binary.bin'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0]));

  it('ingests what it can, names each bad input with its reason, and exits non-zero', () => {
    const r = run(['ingest', join(dir, 'good.txt'), join(dir, 'empty.txt'), join(dir, 'binary.bin'), join(dir, 'missing.txt'), '--db', db, '--workers', '0']);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /ingested 1, already present 0, failed 3/);
    assert.match(r.stderr, /empty\.txt: .*empty/);
    assert.match(r.stderr, /binary\.bin: .*binary/);
    assert.match(r.stderr, /missing\.txt: /);
  });

  it('reads standard input and reports re-ingesting as already present', () => {
    const r = run(['ingest', '-', '--db', db, '--workers', '0', '--json'], 'Ferry timetable changes\n\nThe fictional ferry will sail twice a day from March, its operator said.\n');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(JSON.parse(r.stdout).ingested, 1);
    const again = run(['ingest', join(dir, 'good.txt'), '--db', db, '--workers', '0', '--json']);
    assert.equal(JSON.parse(again.stdout).existing, 1);
  });

  it('lists and shows articles as JSON with the documented fields', () => {
    const list = JSON.parse(run(['articles', '--db', db, '--json']).stdout);
    assert.equal(list.length, 2);
    for (const k of ['id', 'title', 'outlet', 'published', 'publishedEvidence', 'source', 'wordCount']) assert.ok(k in list[0], k);
    const one = JSON.parse(run(['show', list[0].id.slice(0, 8), '--db', db, '--json']).stdout);
    for (const k of ['text', 'boilerplate', 'captions', 'dateline', 'section']) assert.ok(k in one, k);
  });

  it('answers bad options with a clear message and exit code 2', () => {
    const r = run(['articles', '--from', 'last-week', '--db', db]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--from "last-week" is not a date/);
    const s = run(['show', 'zzzz', '--db', db]);
    assert.equal(s.status, 2);
    assert.match(s.stderr, /no article "zzzz"/);
  });

  it('gives every command --help with an example and --json', () => {
    for (const cmd of ['ingest', 'articles', 'show', 'quotes', 'voices', 'entities', 'places', 'claims', 'timeline', 'control', 'outlets', 'reuse', 'serve', 'brief', 'demo']) {
      const r = run([cmd, '--help']);
      assert.equal(r.status, 0, cmd);
      assert.match(r.stdout, /Example/i, `${cmd} --help has an example`);
      if (cmd !== 'serve') assert.match(r.stdout, /--json/, `${cmd} has --json`);
    }
  });
});
