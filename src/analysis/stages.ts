// The pipeline's stages in order. A new extractor plugs in as one more entry here; `needs` names
// the layers it reads, so a partial pipeline (--stages) still runs what it depends on.
import { segment } from '../text/segment.js';
import { extractClaims } from './claims/index.js';
import { resolveCoref } from './coref/index.js';
import { extractControl } from './events/control.js';
import { extractEvents } from './events/extract.js';
import { placesFromMentions } from './geo/index.js';
import { recognize } from './ner/index.js';
import type { Stage } from './pipeline.js';
import { extractQuantities } from './quantities/index.js';
import { extractQuotes, quoteTaggerEnabled } from './quotes/index.js';
import { resolveTimes } from './time/index.js';

/** undefined: the shipped tagger; null: rules only (see quoteTaggerEnabled). */
const QUOTE_TAGGER = quoteTaggerEnabled() ? undefined : null;

export const STAGES: Stage[] = [
  { name: 'segments', run: (input, a) => void (a.segments = segment(input.text)) },
  {
    name: 'mentions',
    needs: ['segments'],
    run: (input, a) => void (a.mentions = resolveCoref(input.text, a.segments!.sentences, recognize(input.text, a.segments!.sentences))),
  },
  { name: 'places', needs: ['segments', 'mentions'], run: (input, a) => void (a.places = placesFromMentions(input.text, a.segments!.sentences, a.mentions!)) },
  { name: 'times', needs: ['segments'], run: (input, a) => void (a.times = resolveTimes(input.text, a.segments!.sentences, input.published)) },
  { name: 'quotes', needs: ['segments', 'mentions'], run: (input, a) => void (a.quotes = extractQuotes(input.text, a.segments!, a.mentions!, { tagger: QUOTE_TAGGER })) },
  { name: 'quantities', needs: ['segments'], run: (input, a) => void (a.quantities = extractQuantities(input.text, a.segments!.sentences)) },
  {
    name: 'claims',
    needs: ['quantities', 'quotes', 'mentions', 'times'],
    run: (input, a) =>
      void (a.claims = extractClaims({
        text: input.text, sentences: a.segments!.sentences, quantities: a.quantities!, quotes: a.quotes!, mentions: a.mentions!,
        times: a.times!, published: input.published, outlet: input.outlet,
      })),
  },
  {
    name: 'events',
    needs: ['mentions', 'places', 'times', 'quotes'],
    run: (input, a) =>
      void (a.events = extractEvents({ text: input.text, sentences: a.segments!.sentences, mentions: a.mentions!, places: a.places!, times: a.times!, quotes: a.quotes!, published: input.published })),
  },
  {
    name: 'control',
    needs: ['mentions', 'places', 'times', 'quotes'],
    run: (input, a) =>
      void (a.control = extractControl({ text: input.text, sentences: a.segments!.sentences, mentions: a.mentions!, places: a.places!, times: a.times!, quotes: a.quotes!, published: input.published })),
  },
];
