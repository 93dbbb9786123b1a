// Fictional articles for the reuse tests (invented towns, people and events).
import type { Article } from '../../src/types.js';

export const P = {
  flood1:
    'Floodwater from the Brenn river reached the market square of Lowmere on Tuesday night, forcing the evacuation of forty homes along Mill Lane and the old tannery district.',
  flood2:
    'Council engineer Tamsin Oake said the temporary barrier near the footbridge had held for six hours before the water found a way around its northern end.',
  flood3:
    'Residents spent the night in the school gymnasium, where volunteers from the rowing club handed out blankets, soup and dry socks until the early morning.',
  flood4:
    'The regional weather office expects another band of heavy rain to cross the valley on Thursday, with up to sixty millimetres falling on the hills above the town.',
  own1:
    'Our reporter walked the length of Mill Lane at dawn and counted eleven cars still half submerged outside the bakery, their alarms long since silent.',
  own2:
    'Shopkeepers on the square were already sweeping brown silt out of doorways, and several said they had not been told about the evacuation until midnight.',
  own3:
    'A spokesman for the insurance firm Harthill Mutual declined to say how many claims it expected from the valley this week.',
  quote:
    '"We will rebuild every bridge and every lane that the river has taken from us, and we will do it before the harvest," the mayor said.',
  chess1:
    'The annual chess festival in Quillby opened with a simultaneous exhibition in which the visiting grandmaster played thirty amateurs on the pier.',
  chess2:
    'Organisers sold out the evening blitz tournament within an hour, and the harbour café extended its opening hours for the first time in a decade.',
  chess3:
    'The youngest entrant, a nine-year-old from the village school, drew her game against the grandmaster after a long rook endgame.',
};

let seq = 0;
export function art(id: string, paragraphs: string[], over: Partial<Article> = {}): Article {
  const text = paragraphs.join('\n\n');
  return {
    id,
    source: `${id}.txt`,
    url: null,
    format: 'text',
    title: null,
    outlet: over.outlet ?? 'Example Wire',
    outletEvidence: null,
    published: '2031-05-06',
    publishedEvidence: { value: '2031-05-06', source: 'metadata', confidence: 1, reason: 'test' },
    section: null,
    dateline: null,
    byline: null,
    captions: [],
    subheadings: [],
    boilerplate: [],
    raw: text,
    text,
    offsets: [{ clean: 0, raw: 0, length: text.length }],
    wordCount: text.split(/\s+/).length,
    seq: seq++,
    ...over,
  };
}
