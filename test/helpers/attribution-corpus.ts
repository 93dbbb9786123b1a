// Tiny fictional training texts for the attribution tagger: one sentence per [source, cue,
// content] line, each part annotated as PolNeAR would.
import { segment } from '../../src/text/segment.js';
import type { TrainText } from '../../src/analysis/quotes/tagger-train.js';

export function attributionCorpus(lines: [string, string, string][]): TrainText[] {
  return lines.map(([src, cue, content]) => {
    const text = `${src} ${cue} ${content}.`;
    const at = (w: string) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
    return {
      text,
      sentences: segment(text).sentences,
      ctx: { quoted: [], mentions: [] },
      gold: [
        { type: 'Source', fragments: [at(src)] },
        { type: 'Cue', fragments: [at(cue)] },
        { type: 'Content', fragments: [at(content)] },
      ],
    };
  });
}
