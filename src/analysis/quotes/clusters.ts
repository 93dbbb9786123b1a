// Distributional word classes (scripts/build-word-clusters.ts): a fine and a coarse class per
// frequent lower-cased word, for tagger features that carry over to words seen rarely in training.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const DEFAULT_CLUSTERS_PATH = fileURLToPath(new URL('../../../models/word-clusters.json.gz', import.meta.url));

export interface ClusterFile {
  kind: 'triangulate-word-clusters';
  builtFrom: string;
  fine: number;
  coarse: number;
  /** The coarse class of each fine class. */
  coarseOf: number[];
  /** Per fine class, its words separated by spaces. */
  clusters: string[];
}

/** A word's classes as feature values: fine and coarse. */
export interface WordClass {
  fine: string;
  coarse: string;
}

let table: Map<string, WordClass> | null = null;

function load(): Map<string, WordClass> {
  const out = new Map<string, WordClass>();
  let file: ClusterFile;
  try {
    file = JSON.parse(gunzipSync(readFileSync(DEFAULT_CLUSTERS_PATH)).toString('utf8')) as ClusterFile;
  } catch {
    return out; // no classes: the tagger loses these features, nothing else
  }
  if (file.kind !== 'triangulate-word-clusters') return out;
  file.clusters.forEach((words, c) => {
    const cls: WordClass = { fine: String(c), coarse: String(file.coarseOf[c]) };
    for (const w of words.split(' ')) if (w) out.set(w, cls);
  });
  return out;
}

/** The classes of a lower-cased word; undefined for a word too rare to have been clustered. */
export function wordClass(lower: string): WordClass | undefined {
  return (table ??= load()).get(lower);
}
