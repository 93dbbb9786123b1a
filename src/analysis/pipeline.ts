// Per-article analysis: an ordered list of stages, each adding one layer to the Analysis. A pure
// function of the article (plus read-only resources), so it runs in worker threads.
import type { Analysis, Article } from '../types.js';
import { STAGES } from './stages.js';

/** The fields of an article that analysis may read: what crosses to a worker thread. */
export type AnalysisInput = Pick<Article, 'id' | 'text' | 'title' | 'published' | 'outlet'>;

export interface Stage {
  /** The layer this stage writes (Analysis key). */
  name: string;
  /** Layers that must run first. */
  needs?: string[];
  run(input: AnalysisInput, analysis: Analysis): void;
}

export function stageNames(): string[] {
  return STAGES.map((s) => s.name);
}

/** Stages to run for the wanted layers, with what they need, in pipeline order. */
export function selectStages(wanted?: string[]): Stage[] {
  if (!wanted) return STAGES;
  const keep = new Set<string>();
  const add = (name: string) => {
    const s = STAGES.find((x) => x.name === name);
    if (!s) throw new Error(`unknown analysis stage "${name}" (stages: ${stageNames().join(', ')})`);
    if (keep.has(name)) return;
    keep.add(name);
    for (const n of s.needs ?? []) add(n);
  };
  wanted.forEach(add);
  return STAGES.filter((s) => keep.has(s.name));
}

export function analyse(input: AnalysisInput, stages: Stage[] = STAGES): Analysis {
  const analysis: Analysis = {};
  for (const s of stages) s.run(input, analysis);
  return analysis;
}

export function toInput(a: Article): AnalysisInput {
  return { id: a.id, text: a.text, title: a.title, published: a.published, outlet: a.outlet };
}
