// Trains the attribution tagger on the PolNeAR train split and writes models/quotes-tagger.json.gz.
//   node --import tsx scripts/train-quotes.ts [--polnear DIR] [--iterations N] [--seed N] [--min-count N] [--out FILE]
// Entity mentions (a tagger feature) come from the pipeline's own NER + coreference, so the
// features at training match those at run time. Deterministic: same data, options and entity
// model give the same file. Texts with several annotators use the first .ann by sorted name.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { segment } from '../src/text/segment.js';
import { recognize } from '../src/analysis/ner/index.js';
import { resolveCoref } from '../src/analysis/coref/index.js';
import { findQuotationMarks } from '../src/analysis/quotes/marks.js';
import { normaliseMentions } from '../src/analysis/quotes/index.js';
import { DEFAULT_TAGGER_PATH, toTaggerFile } from '../src/analysis/quotes/tagger.js';
import { trainAttributionTagger, type GoldSpan, type TrainText } from '../src/analysis/quotes/tagger-train.js';
import { parseBrat } from '../src/eval/quotes.js';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf('--' + name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const dir = opt('polnear', '../shared/corpora/polnear/train');
const iterations = Number(opt('iterations', '10'));
const seed = Number(opt('seed', '11'));
const minCount = Number(opt('min-count', '2'));
const out = opt('out', DEFAULT_TAGGER_PATH);

const cache = opt('cache', '');
if (/[\\/]dev[\\/]?$/.test(dir)) throw new Error('train on the train split only; dev is for measuring');

const t0 = Date.now();
function prepare(): TrainText[] {
  const anns = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const texts: TrainText[] = [];
  for (const tf of readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort()) {
    const stem = basename(tf, '.txt');
    const af = anns.find((a) => a.slice(0, a.lastIndexOf('_')) === stem);
    if (!af) continue;
    const text = readFileSync(join(dir, 'text', tf), 'utf8');
    const gold = parseBrat(readFileSync(join(dir, 'attributions', af), 'utf8')) as GoldSpan[];
    const seg = segment(text);
    const mentions = normaliseMentions(text, seg.sentences, resolveCoref(text, seg.sentences, recognize(text, seg.sentences)));
    const quoted = findQuotationMarks(text, seg.paragraphs).map((m) => ({ start: m.start, end: m.end }));
    texts.push({ text, sentences: seg.sentences, ctx: { quoted, mentions }, gold });
  }
  return texts;
}
// --cache FILE keeps the prepared texts (with their entity mentions) for quicker experiments.
let texts: TrainText[];
if (cache && existsSync(cache)) texts = JSON.parse(readFileSync(cache, 'utf8')) as TrainText[];
else {
  texts = prepare();
  if (cache) writeFileSync(cache, JSON.stringify(texts));
}
console.log(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${texts.length} texts prepared`);
const table = trainAttributionTagger(texts, { iterations, seed, minCount, log: (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(0)}s] ${m}`) });
const file = toTaggerFile(table, { trainedOn: 'PolNeAR train (first annotator per text)', iterations, seed });
const gz = gzipSync(JSON.stringify(file), { level: 9 });
writeFileSync(out, gz);
console.log(`wrote ${out}: ${file.features.length} features, ${(gz.length / 1e6).toFixed(2)} MB`);
