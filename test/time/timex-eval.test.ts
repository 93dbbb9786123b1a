import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { evalTimex, parseTimeml } from '../../src/eval/timex.js';

// A fictional TimeML document (DCT Thursday 2030-03-14).
const DOC = `<?xml version="1.0" ?>
<TimeML>
<DOCID>FICT20300314.0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2030-03-14" temporalFunction="false" functionInDocument="CREATION_TIME">20300314</TIMEX3></DCT>
<TEXT>
The lantern guild <EVENT eid="e1" class="REPORTING">said</EVENT> <TIMEX3 tid="t1" type="DATE" value="2030-03-12">Tuesday</TIMEX3> that repairs took <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3> &amp; would end in <TIMEX3 tid="t3" type="DATE" value="2030-09">September</TIMEX3>. The guild was founded in <TIMEX3 tid="t4" type="DATE" value="1901">1901</TIMEX3>.
</TEXT>
</TimeML>`;

test('parseTimeml reads plain text, gold spans and the creation time', () => {
  const d = parseTimeml(DOC);
  assert.equal(d.dct, '2030-03-14');
  assert.equal(d.timexes.length, 4);
  for (const g of d.timexes) assert.equal(d.text.slice(g.start, g.end), g.text);
  assert.ok(d.text.includes('three days & would'));
  assert.deepEqual(d.timexes.map((g) => g.value), ['2030-03-12', 'P3D', '2030-09', '1901']);
});

test('evalTimex scores a folder and writes TimeML back', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'timex-'));
  try {
    writeFileSync(join(dir, 'one.tml'), DOC);
    const out = join(dir, 'out');
    const r = await evalTimex({ timeml: dir, out });
    const s = Object.values(r.corpora)[0]!;
    assert.equal(s.gold, 4);
    assert.equal(s.relaxed.recall, 1);
    assert.equal(s.strict.f1, 1);
    assert.equal(s.valueAccuracy, 1);
    const written = readFileSync(join(out, Object.keys(r.corpora)[0]!, 'one.tml'), 'utf8');
    const back = parseTimeml(written);
    assert.deepEqual(back.timexes.map((g) => g.value), ['2030-03-12', 'P3D', '2030-09', '1901']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
