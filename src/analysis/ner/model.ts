// The shipped model file: gzipped JSON holding the feature names, sparse averaged weights and the
// gazetteer lists. Loaded once per process.
import { weightRows } from '../../util/weights.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { WordClasses, type WordClassData } from './clusters.js';
import { FEATURE_VERSION, type Lexicons } from './features.js';
import { Gazetteer, type GazetteerData } from './gazetteer.js';
import { K, TAGS, tagDocument, type TaggedSpan, type WeightTable } from './tagger.js';

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../../../models/ner.json.gz', import.meta.url));

export interface ModelFile {
  kind: 'triangulate-ner';
  featureVersion: number;
  tags: string[];
  trainedOn: string;
  iterations: number;
  seed: number;
  gazetteer: GazetteerData;
  wordClasses?: WordClassData;
  features: string[];
  /** Per feature: "tag:weight tag:weight …", zero weights left out. */
  rows: string[];
}

export class NerModel {
  constructor(
    readonly table: WeightTable,
    readonly lexicons: Lexicons,
    readonly info: Pick<ModelFile, 'trainedOn' | 'iterations' | 'seed'>,
  ) {}

  /** Entity token spans per sentence of a document given as words. */
  tagDocument(doc: string[][]): TaggedSpan[][] {
    return tagDocument(doc, this.table, this.lexicons);
  }

  static fromFile(file: ModelFile): NerModel {
    if (file.kind !== 'triangulate-ner') throw new Error('not an entity model file');
    if (file.featureVersion !== FEATURE_VERSION)
      throw new Error(`entity model has feature version ${file.featureVersion}, code expects ${FEATURE_VERSION}: retrain with scripts/train-ner.ts`);
    if (file.tags.join(' ') !== TAGS.join(' ')) throw new Error('entity model tag set differs from the code');
    const index = new Map<string, number>();
    const weights = new Float32Array(file.features.length * K);
    file.features.forEach((f, i) => {
      index.set(f, i);
      const row = file.rows[i]!;
      let p = 0;
      while (p < row.length) {
        const colon = row.indexOf(':', p);
        let space = row.indexOf(' ', colon);
        if (space < 0) space = row.length;
        weights[i * K + Number(row.slice(p, colon))] = Number(row.slice(colon + 1, space));
        p = space + 1;
      }
    });
    return new NerModel({ index, weights }, { gaz: new Gazetteer(file.gazetteer), classes: new WordClasses(file.wordClasses) }, file);
  }

  static load(path = DEFAULT_MODEL_PATH): NerModel {
    return NerModel.fromFile(JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as ModelFile);
  }
}

let shared: NerModel | null = null;

/** The default model, loaded on first use. */
export function defaultModel(): NerModel {
  return (shared ??= NerModel.load());
}

/** Serialise averaged weights: tiny weights dropped, the rest rounded to 3 decimals. */
export function toModelFile(
  table: WeightTable,
  gazetteer: GazetteerData,
  wordClasses: WordClassData,
  info: Pick<ModelFile, 'trainedOn' | 'iterations' | 'seed'>,
  minWeight = 0.0005,
): ModelFile {
  const { features, rows } = weightRows(table, K, minWeight, 3);
  return { kind: 'triangulate-ner', featureVersion: FEATURE_VERSION, tags: TAGS, ...info, gazetteer, wordClasses, features, rows };
}
