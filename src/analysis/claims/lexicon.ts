// Words that tie a figure to what it measures and who states it: predicates, speech cues,
// group nouns that stand for an actor, and country names and demonyms that give a side.

export interface Predicate {
  lemma: string;
  /** Participle for descriptions: "districts controlled by …". */
  participle: string;
}

// Trigger (lower case, may be several words) → predicate. Order does not matter: the trigger
// nearest to the figure wins.
const PREDICATE_TRIGGERS: Record<string, string[]> = {
  control: ['control', 'controls', 'controlled', 'controlling', 'in control of', 'under the control of', 'hold', 'holds', 'held', 'holding', 'run', 'runs', 'occupy', 'occupies', 'occupied'],
  capture: ['capture', 'captures', 'captured', 'capturing', 'seize', 'seized', 'seizes', 'seizing', 'take', 'took', 'taken', 'takes', 'taking', 'overran', 'overrun', 'fell', 'fallen', 'fall', 'conquered', 'gained', 'won', 'retook', 'retaken', 'recaptured', 'took control of', 'taken control of', 'take control of'],
  kill: ['kill', 'killed', 'kills', 'killing', 'died', 'dead', 'slain', 'lost their lives', 'massacred'],
  wound: ['wounded', 'injured', 'injuring', 'wounding', 'hurt'],
  destroy: ['destroy', 'destroyed', 'destroying', 'destroys', 'damaged', 'damaging', 'burned', 'razed', 'demolished'],
  strike: ['carried out', 'carry out', 'conducted', 'launched', 'struck', 'hit', 'bombed', 'fired'],
  deploy: ['deploy', 'deployed', 'deploying', 'sent', 'send', 'remain', 'remains', 'stay', 'stays', 'stationed', 'keep', 'based'],
  withdraw: ['withdraw', 'withdrew', 'withdrawn', 'withdrawing', 'pulled out', 'pull out', 'evacuated', 'evacuate', 'left', 'leave'],
  arrest: ['arrested', 'detained', 'captured alive', 'jailed', 'imprisoned'],
  displace: ['displaced', 'fled', 'flee', 'forced from their homes', 'uprooted'],
  attack: ['attacked', 'attacking', 'attack', 'besieged', 'besieging', 'targeted', 'targeting', 'pressure on', 'surrounded'],
};

const PARTICIPLES: Record<string, string> = {
  control: 'controlled', capture: 'captured', kill: 'killed', wound: 'wounded', destroy: 'destroyed',
  strike: 'carried out', deploy: 'deployed', withdraw: 'withdrawn', arrest: 'arrested', displace: 'displaced',
  attack: 'attacked',
};

export const PREDICATES: { trigger: string; re: RegExp; predicate: Predicate }[] = Object.entries(PREDICATE_TRIGGERS)
  .flatMap(([lemma, triggers]) =>
    triggers.map((trigger) => ({
      trigger,
      re: new RegExp(`\\b${trigger.replace(/ /g, '\\s+')}\\b`, 'gi'),
      predicate: { lemma, participle: PARTICIPLES[lemma]! },
    })),
  )
  .sort((a, b) => b.trigger.length - a.trigger.length);

/** Verbs and phrases that introduce what someone says or asserts. */
export const SPEECH_CUE_RE =
  /\b(?:said|says|say|told|tells|tell|claimed|claims|claim|stated|states|announced|announces|estimated|estimates|reported|reports|added|adds|noted|notes|insisted|insists|acknowledged|admitted|admits|confirmed|confirms|accused|accuses|warned|warns|argued|argues|asserted|declared|declares|alleged|alleges|believes|believed|explained|wrote|tweeted|posted)\b/g;

export const ACCORDING_TO_RE = /\baccording\s+to\s+/gi;

/** Nouns that stand for an armed group or party already named in the article. */
export const GROUP_NOUN_RE =
  /\b(?:the\s+)?(?:(?:militant|rebel|insurgent|armed|hardline|extremist|jihadist|separatist|islamist)\s+)?(?:militants|insurgents|rebels|fighters|group|movement|insurgency|guerrillas|separatists|jihadists|islamists|outfit|faction)\b/gi;

export const PRONOUN_RE = /^(?:they|it|he|she|we|them|their|its)$/i;

/** Country names, demonyms and metonyms → a short side name. General knowledge only. */
export const COUNTRY_SIDES: [string, string[]][] = [
  ['US', ['US', 'U.S.', 'USA', 'U.S.A.', 'United States', 'America', 'American', 'Americans', 'Pentagon', 'White House', 'State Department', 'Washington']],
  ['UK', ['UK', 'U.K.', 'United Kingdom', 'Britain', 'British', 'Downing Street', 'Whitehall']],
  ['Russia', ['Russia', 'Russian', 'Kremlin', 'Moscow']],
  ['China', ['China', 'Chinese', 'Beijing']],
  ['France', ['France', 'French', 'Elysee', 'Élysée']],
  ['Germany', ['Germany', 'German', 'Berlin']],
  ['Iran', ['Iran', 'Iranian', 'Tehran']],
  ['Pakistan', ['Pakistan', 'Pakistani', 'Islamabad']],
  ['India', ['India', 'Indian', 'New Delhi']],
  ['Afghanistan', ['Afghanistan', 'Afghan', 'Afghans']],
  ['Iraq', ['Iraq', 'Iraqi', 'Baghdad']],
  ['Syria', ['Syria', 'Syrian', 'Damascus']],
  ['Turkey', ['Turkey', 'Turkish', 'Türkiye', 'Ankara']],
  ['Israel', ['Israel', 'Israeli']],
  ['Ukraine', ['Ukraine', 'Ukrainian', 'Kyiv', 'Kiev']],
  ['Qatar', ['Qatar', 'Qatari', 'Doha']],
  ['Saudi Arabia', ['Saudi Arabia', 'Saudi', 'Riyadh']],
  ['Japan', ['Japan', 'Japanese', 'Tokyo']],
  ['Canada', ['Canada', 'Canadian', 'Ottawa']],
  ['Australia', ['Australia', 'Australian', 'Canberra']],
  ['Egypt', ['Egypt', 'Egyptian', 'Cairo']],
  ['Yemen', ['Yemen', 'Yemeni']],
  ['Libya', ['Libya', 'Libyan']],
  ['Sudan', ['Sudan', 'Sudanese']],
  ['Ethiopia', ['Ethiopia', 'Ethiopian']],
  ['Nigeria', ['Nigeria', 'Nigerian']],
  ['Mali', ['Mali', 'Malian']],
  ['Somalia', ['Somalia', 'Somali']],
  ['Myanmar', ['Myanmar', 'Burmese']],
  ['Mongolia', ['Mongolia', 'Mongolian', 'Ulaanbaatar']],
  ['Kazakhstan', ['Kazakhstan', 'Kazakh']],
  ['Uzbekistan', ['Uzbekistan', 'Uzbek', 'Tashkent']],
  ['Tajikistan', ['Tajikistan', 'Tajik', 'Dushanbe']],
  ['Armenia', ['Armenia', 'Armenian', 'Yerevan']],
  ['Azerbaijan', ['Azerbaijan', 'Azerbaijani', 'Baku']],
  ['Georgia', ['Georgia', 'Georgian', 'Tbilisi']],
  ['Lebanon', ['Lebanon', 'Lebanese']],
  ['Palestine', ['Palestine', 'Palestinian', 'Palestinians']],
  ['NATO', ['NATO', 'Nato']],
  ['EU', ['EU', 'E.U.', 'European Union', 'Brussels']],
  ['UN', ['UN', 'U.N.', 'United Nations']],
];

/** Demonym (as written) → the government side ("Afghan troops" hold for the Afghan government). */
export const STATE_FORCE_RE =
  /\b(?:forces|troops|army|military|soldiers|commandos|police|government|administration|authorities|officials|ministry|security forces|special operations forces)\b/i;

/** News organisations are reporters, not actors, when they appear in a clause. */
export const OUTLET_HINT_RE = /\b(?:news|agency|times|post|press|tv|radio|reuters|afp|ap|cnn|bbc|abc|nbc|cbs|fox|al jazeera|wire|journal|herald|tribune|guardian)\b/i;
