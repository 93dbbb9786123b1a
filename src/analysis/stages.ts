// The pipeline's stages in order. A new extractor plugs in as one more entry here.
import { segment } from '../text/segment.js';
import type { Stage } from './pipeline.js';

export const STAGES: Stage[] = [
  { name: 'segments', run: (input, a) => void (a.segments = segment(input.text)) },
];
