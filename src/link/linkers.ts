// Corpus linking: each linker updates the corpus objects incrementally as articles arrive
// (onArticle) and may settle corpus-wide views once a batch ends (onBatchEnd).
import type { Store } from '../store/store.js';
import type { Analysis, Article } from '../types.js';

export interface Linker {
  name: string;
  onArticle?(store: Store, article: Article, analysis: Analysis): Promise<void>;
  onBatchEnd?(store: Store, changedIds: string[]): Promise<void>;
}

export const LINKERS: Linker[] = [];
