// Trains the entity tagger on CoNLL-2003 eng.train and writes models/ner.json.gz. Word classes are
// learnt first from unlabelled news (Reuters-21578, PolNeAR texts and the training words).
//   node --import tsx scripts/train-ner.ts [--train FILE] [--dev FILE] [--iterations N] [--seed N] [--out FILE]
//     [--classes-cache FILE]   reuse (or write) the word-class table, for quicker experiments
// Deterministic: the same data, iteration count and seed give the same file.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildWordClasses, rawTokens, WordClasses, type WordClassData } from '../src/analysis/ner/clusters.js';
import { gzipSync } from 'node:zlib';
import { parseConll } from '../src/analysis/ner/conll.js';
import { Gazetteer, loadGazetteerData } from '../src/analysis/ner/gazetteer.js';
import { DEFAULT_MODEL_PATH, toModelFile } from '../src/analysis/ner/model.js';
import { tagDocument } from '../src/analysis/ner/tagger.js';
import { trainTagger } from '../src/analysis/ner/train.js';
import { scoreSpans } from '../src/eval/ner.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf('--' + name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const train = opt('train', '../shared/corpora/conll2003/eng.train');
const dev = opt('dev', '../shared/corpora/conll2003/eng.testa');
const iterations = Number(opt('iterations', '12'));
const seed = Number(opt('seed', '7'));
const minCount = Number(opt('min-count', '1'));
const out = opt('out', DEFAULT_MODEL_PATH);
const devEvery = args.includes('--dev-each');
const corpora = opt('corpora', '../shared/corpora');
const classesCache = opt('classes-cache', '');

/** Sentences of raw tokens from the unlabelled corpora, in a fixed order. */
function unlabelledSentences(trainSentences: string[][]): string[][] {
  const out: string[][] = [];
  const add = (text: string) => {
    for (const s of text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=[\p{Lu}"“])/u)) out.push(rawTokens(s));
  };
  const reuters = join(corpora, 'reuters21578.jsonl');
  if (existsSync(reuters))
    for (const line of readFileSync(reuters, 'utf8').split('\n')) if (line.trim()) add((JSON.parse(line) as { text: string }).text);
  for (const part of ['train']) {
    const dir = join(corpora, 'polnear', part, 'text');
    if (existsSync(dir)) for (const f of readdirSync(dir).sort()) add(readFileSync(join(dir, f), 'utf8'));
  }
  out.push(...trainSentences);
  return out;
}

const t0 = Date.now();
const trainDocs = parseConll(readFileSync(train, 'utf8'));
const devDocs = parseConll(readFileSync(dev, 'utf8'));
const gazData = await loadGazetteerData();
const gaz = new Gazetteer(gazData);
console.log(`train: ${trainDocs.length} documents; dev: ${devDocs.length}; gazetteer loaded in ${Date.now() - t0} ms`);
let classData: WordClassData;
if (classesCache && existsSync(classesCache)) classData = { table: readFileSync(classesCache, 'utf8') };
else {
  const sentences = unlabelledSentences(trainDocs.flatMap((d) => d.sentences));
  console.log(`unlabelled: ${sentences.length} sentences`);
  classData = buildWordClasses(sentences, undefined, (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${m}`));
  if (classesCache) writeFileSync(classesCache, classData.table);
}
const lex = { gaz, classes: new WordClasses(classData) };

const table = trainTagger(trainDocs, lex, {
  iterations,
  seed,
  minCount,
  log: (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${m}`),
  onIteration: devEvery
    ? (it, avg) => {
        const r = scoreSpans(devDocs.map((d) => ({ gold: d.gold, pred: tagDocument(d.sentences, avg, lex) })));
        console.log(`  dev after ${it}: F1 ${(r.overall.f1 * 100).toFixed(2)}`);
      }
    : undefined,
});
const file = toModelFile(table, gazData, classData, { trainedOn: 'conll2003/eng.train', iterations, seed });
const gz = gzipSync(JSON.stringify(file), { level: 9 });
writeFileSync(out, gz);
const r = scoreSpans(devDocs.map((d) => ({ gold: d.gold, pred: tagDocument(d.sentences, table, lex) })));
console.log(`wrote ${out}: ${file.features.length} features, ${(gz.length / 1e6).toFixed(1)} MB; dev F1 ${(r.overall.f1 * 100).toFixed(2)}`);
