// Normalised units for counted noun phrases. Reports count the same things with different
// words ("district centers", "districts"; "provincial centres", "provincial capitals"), and
// claims can only be compared across articles when they share one unit name.

const IRREGULAR: Record<string, string> = {
  people: 'people', men: 'man', women: 'woman', children: 'child', police: 'police',
  personnel: 'personnel', headquarters: 'headquarters', casualties: 'casualty', series: 'series',
  crossings: 'crossing', civilians: 'civilian', troops: 'troops', forces: 'forces', news: 'news',
  percent: 'percent', data: 'data', media: 'media', lives: 'life', wives: 'wife',
};

/** Singular of an English noun, good enough for the heads of counted phrases. */
export function singular(word: string): string {
  const w = word.toLowerCase();
  if (w in IRREGULAR) return IRREGULAR[w]!;
  if (/[^aeiou]ies$/.test(w)) return w.slice(0, -3) + 'y';
  if (/(?:ss|x|ch|sh|zz)es$/.test(w)) return w.slice(0, -2);
  if (/(?:ss|us|is)$/.test(w)) return w;
  if (w.endsWith('s') && w.length > 3) return w.slice(0, -1);
  return w;
}

// Canonical unit ← phrases (singular, lower case) that mean it. Longer phrases are tried first,
// so "provincial center" wins over "center". Kept general: administrative and conflict units.
const SYNONYMS: Record<string, string[]> = {
  district: ['district', 'district center', 'district centre', 'district headquarters', 'administrative district', 'district capital'],
  province: ['province', 'provincial', 'governorate', 'state province'],
  'provincial capital': [
    'provincial capital', 'provincial center', 'provincial centre', 'province capital', 'regional capital',
    'provincial headquarters', 'state capital',
  ],
  city: ['city', 'major city', 'urban center', 'urban centre', 'main city'],
  town: ['town', 'township'],
  village: ['village', 'hamlet'],
  'border crossing': ['border crossing', 'border post', 'crossing point', 'border point', 'border town crossing'],
  troops: [
    'troops', 'troop', 'soldier', 'service member', 'serviceman', 'servicemen', 'personnel', 'forces',
    'force', 'commando', 'marine', 'paratrooper', 'military personnel',
  ],
  fighters: ['fighter', 'militant', 'insurgent', 'rebel', 'guerrilla', 'gunman', 'combatant'],
  'people killed': ['dead', 'death', 'fatality', 'people killed', 'killed', 'body', 'life'],
  'people wounded': ['wounded', 'injured', 'injury', 'people wounded', 'people injured'],
  civilians: ['civilian', 'non-combatant'],
  casualties: ['casualty'],
  airstrikes: ['airstrike', 'air strike', 'strike', 'drone strike', 'air raid', 'bombing raid', 'missile strike'],
  attacks: ['attack', 'assault', 'raid', 'ambush', 'bombing'],
  people: ['people', 'person', 'resident', 'inhabitant'],
  refugees: ['refugee', 'displaced people', 'displaced person', 'internally displaced person', 'evacuee'],
  'percent of territory': ['percent of territory', 'percent of the territory', 'percent of the country', 'percent of land'],
  percent: ['percent', 'per cent', '%'],
  checkpoints: ['checkpoint', 'outpost', 'security post'],
  bases: ['base', 'military base', 'airbase', 'air base'],
  'government buildings': ['government building', 'public building', 'government office'],
  prisoners: ['prisoner', 'detainee', 'captive', 'hostage'],
  aircraft: ['aircraft', 'plane', 'helicopter', 'jet', 'fighter jet'],
  vehicles: ['vehicle', 'tank', 'armoured vehicle', 'armored vehicle', 'humvee'],
};

const PHRASE_TO_UNIT = new Map<string, string>();
for (const [unit, phrases] of Object.entries(SYNONYMS)) {
  for (const p of phrases) PHRASE_TO_UNIT.set(p, unit);
}
const MAX_PHRASE_WORDS = 4;

/** Words naming time spans: a counted phrase made of them is a duration, not a quantity. */
export const TIME_UNITS = new Set([
  'second', 'minute', 'hour', 'day', 'night', 'week', 'fortnight', 'month', 'year', 'decade', 'century', 'weekend',
]);

/** Normalised unit of a counted noun phrase: the longest known phrase at its end (so modifiers
 * such as "US" or "vital" drop out), else the singular of its head noun. */
export function normaliseUnit(phrase: string): string | null {
  const words = phrase
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return null;
  const sing = words.map((w, i) => (i === words.length - 1 ? singular(w) : w));
  for (let n = Math.min(MAX_PHRASE_WORDS, sing.length); n >= 1; n--) {
    const tail = sing.slice(sing.length - n).join(' ');
    const hit = PHRASE_TO_UNIT.get(tail) ?? PHRASE_TO_UNIT.get(words.slice(words.length - n).join(' '));
    if (hit) return hit;
  }
  return sing[sing.length - 1]!;
}

/** True when the phrase is a span of time ("four days"), which we treat as a period. */
export function isTimeUnit(phrase: string): boolean {
  const last = phrase.toLowerCase().split(/\s+/).filter(Boolean).pop();
  return last !== undefined && TIME_UNITS.has(singular(last));
}

/** Days in one of a time unit, for periods ("in four days", "in two weeks"). */
export function daysIn(unit: string): number | null {
  const u = singular(unit.toLowerCase());
  const table: Record<string, number> = { hour: 1 / 24, day: 1, night: 1, week: 7, fortnight: 14, month: 30, year: 365, decade: 3650, weekend: 2 };
  return table[u] ?? null;
}
