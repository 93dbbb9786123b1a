import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Command } from 'commander';
import { cleanPa, classify, score } from '../../src/eval/reuse.js';
import { evalReuse, registerEvalReuse } from '../../src/eval/meter/evaluate.js';
import { P } from './fixtures.js';

test('cleanPa drops wire furniture and joins wrapped lines', () => {
  const raw = [
    '  ----------------------------------------',
    '           11:29 01/03/31: Page 1 (HHH) COURTS Ferry',
    'FERRY SKIPPER CLEARED<',
    'By Ann Example, PA News<',
    'A ferry skipper was cleared today of',
    'sailing without lights.<',
    'abc<',
  ].join('\n');
  assert.equal(cleanPa(raw), 'FERRY SKIPPER CLEARED\n\nA ferry skipper was cleared today of sailing without lights.');
});

test('score: confusion, macro F1 and derived/non-derived F1', () => {
  const s = score(['wholly', 'partially', 'non', 'non'], ['wholly', 'non', 'non', 'partially']);
  assert.equal(s.confusion.partially.non, 1);
  assert.equal(s.perClass.wholly.f1, 1);
  assert.equal(s.perClass.non.f1, 0.5);
  assert.equal(s.binary.recall, 0.5);
  assert.equal(classify(0.5, [0.2, 0.7]), 'partially');
});

test('evalReuse reads the METER layout and classifies stories against their folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'meter-'));
  const lists: Record<string, string[]> = { wholly: [], partially: [], non: [] };
  const stories: [string, string, string[]][] = [
    ['flood', 'wholly', [P.flood1, P.flood2, P.flood3]],
    ['flood', 'partially', [P.own1, P.flood2, P.own2, P.own3]],
    ['flood', 'non', [P.chess1, P.chess2, P.chess3]],
    ['pier', 'wholly', [P.chess1, P.chess2]],
    ['pier', 'partially', [P.chess3, P.own1, P.own2, P.chess2]],
    ['pier', 'non', [P.flood4, P.own3]],
  ];
  const pa: Record<string, string[]> = { flood: [P.flood1, P.flood2, P.flood3, P.flood4], pier: [P.chess1, P.chess2, P.chess3] };
  for (const [folder, paras] of Object.entries(pa)) {
    mkdirSync(join(dir, 'PA/rawtexts/courts/01.01.31', folder), { recursive: true });
    writeFileSync(join(dir, 'PA/rawtexts/courts/01.01.31', folder, `${folder}1.txt`), paras.map((p) => `${p}<`).join('\n'));
  }
  stories.forEach(([folder, gold, paras], i) => {
    const rel = `newspapers/rawtexts/courts/01.01.31/${folder}/${folder}${i}_paper.txt`;
    mkdirSync(join(dir, 'newspapers/rawtexts/courts/01.01.31', folder), { recursive: true });
    writeFileSync(join(dir, rel), paras.join('\n\n'));
    lists[gold]!.push(`meter_corpus/${rel}`);
  });
  mkdirSync(join(dir, 'file_index/courts'), { recursive: true });
  for (const [c, l] of Object.entries(lists)) writeFileSync(join(dir, 'file_index/courts', `${c}_derived.txt`), l.join('\r\n') + '\r\n');
  const out = join(dir, 'pred.tsv');
  const r = await evalReuse({ meter: dir, out, folds: 2 });
  assert.equal(r.stories, 6);
  assert.ok(r.meanShare.wholly > r.meanShare.partially && r.meanShare.partially > r.meanShare.non);
  const lines = readFileSync(out, 'utf8').trim().split('\n');
  assert.equal(lines.length, 6);
  assert.match(lines[0]!, /^01\.01\.31\/flood\/flood0_paper\t(wholly|partially|non)\t1\twholly$/);
  const cmd = new Command('eval');
  registerEvalReuse(cmd);
  const reuse = cmd.commands.find((c) => c.name() === 'reuse');
  assert.match(reuse?.description() ?? '', /Classifier: two ridge-regression scores/);
});
