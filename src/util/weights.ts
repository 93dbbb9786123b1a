// Averaged-perceptron weight tables (the entity tagger's and the attribution tagger's) and their
// compact file form: one row of "class:weight" pairs per feature, tiny weights dropped.

export interface WeightTable {
  index: Map<string, number>;
  weights: Float32Array | Float64Array;
}

/** Features in name order with their rows; weights under `minWeight` dropped, the rest rounded
 * to `decimals` places. Deterministic, so retraining reproduces the file byte for byte. */
export function weightRows(table: WeightTable, classes: number, minWeight: number, decimals: number): { features: string[]; rows: string[] } {
  const scale = 10 ** decimals;
  const features: string[] = [];
  const rows: string[] = [];
  const names = [...table.index.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [name, id] of names) {
    const parts: string[] = [];
    for (let k = 0; k < classes; k++) {
      const v = table.weights[id * classes + k]!;
      if (Math.abs(v) < minWeight) continue;
      parts.push(k + ':' + String(Math.round(v * scale) / scale));
    }
    if (!parts.length) continue;
    features.push(name);
    rows.push(parts.join(' '));
  }
  return { features, rows };
}
