// General English vocabulary of attribution: speech verbs, the words that make up a speaker's noun
// phrase, and channels. Nothing here is specific to any story.
import { LEARNED_CUES, LEARNED_PHRASES, LEARNED_STEMS } from './learned-cues.js';

/** Verbs (all inflections listed) that introduce speech or a written statement. */
const SPEECH_LEMMAS: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  add: ['add', 'adds', 'added', 'adding'],
  claim: ['claim', 'claims', 'claimed', 'claiming'],
  warn: ['warn', 'warns', 'warned', 'warning'],
  state: ['stated', 'states', 'stating'],
  note: ['note', 'notes', 'noted', 'noting'],
  insist: ['insist', 'insists', 'insisted', 'insisting'],
  acknowledge: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  announce: ['announce', 'announces', 'announced', 'announcing'],
  deny: ['deny', 'denies', 'denied', 'denying'],
  argue: ['argue', 'argues', 'argued', 'arguing'],
  explain: ['explain', 'explains', 'explained', 'explaining'],
  write: ['write', 'writes', 'wrote', 'writing'],
  tweet: ['tweet', 'tweets', 'tweeted', 'tweeting'],
  post: ['posted'],
  ask: ['ask', 'asks', 'asked', 'asking'],
  reply: ['replied', 'replies'],
  respond: ['responded', 'responds'],
  suggest: ['suggest', 'suggests', 'suggested', 'suggesting'],
  report: ['report', 'reports', 'reported'],
  confirm: ['confirm', 'confirms', 'confirmed', 'confirming'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  declare: ['declare', 'declares', 'declared', 'declaring'],
  predict: ['predict', 'predicts', 'predicted'],
  estimate: ['estimates', 'estimated'],
  emphasise: ['emphasized', 'emphasised', 'emphasizes', 'emphasises'],
  stress: ['stressed', 'stresses'],
  maintain: ['maintained', 'maintains'],
  contend: ['contended', 'contends'],
  assert: ['asserted', 'asserts'],
  allege: ['alleged', 'alleges'],
  recall: ['recalled', 'recalls'],
  concede: ['conceded', 'concedes'],
  observe: ['observed', 'observes'],
  remark: ['remarked', 'remarks'],
  comment: ['commented', 'comments'],
  vow: ['vowed', 'vows'],
  pledge: ['pledged', 'pledges'],
  promise: ['promised', 'promises'],
  urge: ['urged', 'urges'],
  caution: ['cautioned', 'cautions'],
  complain: ['complained', 'complains'],
  lament: ['lamented', 'laments'],
  boast: ['boasted', 'boasts'],
  continue: ['continued'],
  reiterate: ['reiterated', 'reiterates'],
  repeat: ['repeated'],
  testify: ['testified', 'testifies'],
  agree: ['agreed', 'agrees'],
  accuse: ['accused', 'accuses'],
  charge: ['charged'],
  threaten: ['threatened'],
  predict2: ['forecast'],
  believe: ['believe', 'believes', 'believed'],
  think: ['think', 'thinks', 'thought'],
  find: ['found', 'finds'],
  show: ['show', 'shows', 'showed', 'shown'],
  indicate: ['indicated', 'indicates'],
  speculate: ['speculated'],
  describe: ['described'],
  call: ['called'],
  quip: ['quipped'],
  joke: ['joked'],
  exclaim: ['exclaimed'],
  shout: ['shouted'],
  chant: ['chanted', 'chanting'],
  cite: ['cited', 'citing'],
  mention: ['mentioned'],
  point: ['pointed'],
  tout: ['touted'],
  hint: ['hinted'],
  signal: ['signalled', 'signaled'],
  criticise: ['criticized', 'criticised', 'criticizes', 'criticises'],
  praise: ['praised', 'praises'],
  condemn: ['condemned', 'condemns'],
  blast: ['blasted', 'blasts'],
  slam: ['slammed', 'slams'],
  question: ['questioned', 'questions'],
};

/** Cues whose content is a noun phrase rather than a clause ("criticized the plan"). */
export const OBJECT_CUES = new Set(['criticise', 'praise', 'condemn', 'blast', 'slam', 'cite', 'question', 'urge', 'vow', 'pledge', 'promise', 'describe', 'call']);

/** Verbs that only count as a cue when a clause follows ("found that …", "believes the …"):
 * otherwise "found a body", "called a meeting" would be quotes. */
const NEEDS_CLAUSE = new Set([
  'believe', 'think', 'find', 'show', 'indicate', 'describe', 'call', 'cite', 'mention', 'point',
  'continue', 'agree', 'accuse', 'charge', 'threaten', 'post', 'report', 'tout', 'signal', 'repeat',
  'estimate', 'predict2', 'promise', 'pledge', 'urge', 'announce', 'deny', 'confirm', 'admit',
  'respond', 'reply', 'ask', 'write', 'state', 'comment', 'remark', 'observe', 'hint', 'testify',
]);

const FORM_TO_LEMMA = new Map<string, string>();
for (const [lemma, forms] of Object.entries(SPEECH_LEMMAS)) for (const f of forms) FORM_TO_LEMMA.set(f, lemma);

/** The share of a word's occurrences that PolNeAR's train annotators marked as a cue head, below
 * which a learned cue is not used: tuned on the dev split's F1 (see src/eval/quotes.ts). */
export const LEARNED_MIN_WEIGHT = 0.2;
const LEARNED_MIN_COUNT = 4;

/** A cue form learned from annotated news (believes, wants, shows, endorsed …) that the hand
 * list lacks, with its weight (share of occurrences that are cues); null when weak or unknown. */
export function learnedCue(word: string, minWeight = LEARNED_MIN_WEIGHT): { form: string; weight: number } | null {
  const w = word.toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(LEARNED_CUES, w)) return null;
  const [cue, all] = LEARNED_CUES[w]!;
  const weight = cue / all;
  return cue >= LEARNED_MIN_COUNT && weight >= minWeight ? { form: w, weight } : null;
}

/** A rough lemma: enough to let "believes", "believed" and "believing" share weight. */
export function stem(w: string): string {
  if (w.length <= 4) return w;
  return w.replace(/(?:ing|ed|es|s)$/, '');
}

/** For a form too rare to be learned on its own: the pooled weight of the forms sharing its stem. */
export function learnedStem(word: string): { form: string; weight: number } | null {
  const st = stem(word.toLowerCase());
  if (!Object.prototype.hasOwnProperty.call(LEARNED_STEMS, st)) return null;
  const [cue, all] = LEARNED_STEMS[st]!;
  return { form: st, weight: cue / all };
}

/** Does this learned cue take the next word as its particle ("called for", "talked about")? */
export function learnedParticle(cue: string, next: string): boolean {
  return (LEARNED_PHRASES[`${cue.toLowerCase()} ${next.toLowerCase()}`] ?? 0) >= 3;
}

export function speechLemma(word: string): string | null {
  return FORM_TO_LEMMA.get(word.toLowerCase()) ?? null;
}

export function cueNeedsClause(lemma: string): boolean {
  return NEEDS_CLAUSE.has(lemma);
}

/** Cue verbs strong enough to attribute a direct quote that stands next to them. */
export function isStrongSpeech(lemma: string): boolean {
  if (lemma.startsWith('learned:')) return false;
  return !NEEDS_CLAUSE.has(lemma) || ['write', 'ask', 'state', 'reply', 'respond', 'continue', 'admit', 'confirm', 'announce', 'deny'].includes(lemma);
}

export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we', 'you', 'who', 'which']);
export const PERSON_PRONOUNS = new Set(['he', 'she']);

/** Words that may stand between a speaker and the cue ("he also said", "she has repeatedly said"). */
export const CUE_MODIFIERS = new Set(
  ('also has have had later previously repeatedly then once again publicly privately reportedly recently ' +
    'earlier first further last simply flatly separately would will did does do not never had already ' +
    'quickly immediately bluntly openly angrily told long since subsequently initially originally ' +
    'explicitly specifically frequently often always just even still only has instead').split(' '),
);

/** Titles that stand before a personal name; the value is the role they give. */
export const TITLES: Record<string, string> = {
  mr: '', mrs: '', ms: '', miss: '', dr: 'doctor', prof: 'professor', professor: 'professor',
  gen: 'general', general: 'general', lt: 'lieutenant', col: 'colonel', colonel: 'colonel', maj: 'major',
  major: 'major', capt: 'captain', captain: 'captain', cmdr: 'commander', commander: 'commander',
  adm: 'admiral', admiral: 'admiral', sgt: 'sergeant', sergeant: 'sergeant', rep: 'representative',
  representative: 'representative', sen: 'senator', senator: 'senator', gov: 'governor', governor: 'governor',
  president: 'president', pres: 'president', 'vice-president': 'vice president', secretary: 'secretary',
  minister: 'minister', 'prime': 'prime minister', mayor: 'mayor', judge: 'judge', justice: 'justice',
  ambassador: 'ambassador', amb: 'ambassador', envoy: 'envoy', chancellor: 'chancellor', king: 'king',
  queen: 'queen', prince: 'prince', princess: 'princess', pope: 'pope', rev: 'reverend', father: 'father',
  sheikh: 'sheikh', mullah: 'mullah', chief: 'chief', commissioner: 'commissioner', speaker: 'speaker',
  spokesman: 'spokesman', spokeswoman: 'spokeswoman', spokesperson: 'spokesperson', director: 'director',
  chairman: 'chairman', chairwoman: 'chairwoman', chair: 'chair', inspector: 'inspector', detective: 'detective',
  superintendent: 'superintendent', deputy: 'deputy', councillor: 'councillor', councilor: 'councillor',
  attorney: 'attorney', officer: 'officer', sheriff: 'sheriff', premier: 'premier', emir: 'emir',
  coach: 'coach', ceo: 'chief executive', nominee: 'nominee', candidate: 'candidate', leader: 'leader',
  analyst: 'analyst', correspondent: 'correspondent', economist: 'economist', lawyer: 'lawyer',
  manager: 'manager', head: 'head', founder: 'founder', executive: 'executive', official: 'official',
  diplomat: 'diplomat', negotiator: 'negotiator', adviser: 'adviser', advisor: 'adviser', aide: 'aide',
  representative2: 'representative', commentator: 'commentator', researcher: 'researcher', fellow: 'fellow',
};

/** Role nouns that head a description of a person ("the mayor", "a senior official"). */
export const PERSON_NOUNS = new Set(
  ('spokesman spokeswoman spokesperson official officials minister ministers secretary president mayor ' +
    'general commander governor senator representative lawmaker lawmakers legislator ambassador envoy ' +
    'diplomat diplomats analyst analysts expert experts source sources aide aides adviser advisers advisor ' +
    'advisors chief director chairman chairwoman chair leader leaders officer officers police man woman ' +
    'resident residents witness witnesses doctor doctors lawyer lawyers attorney prosecutor prosecutors ' +
    'judge candidate nominee member members voter voters protester protesters activist activists ' +
    'researcher researchers economist economists scientist scientists professor student students worker ' +
    'workers farmer farmers manager executive executives founder owner critic critics supporter supporters ' +
    'negotiator negotiators militant militants commander commanders fighter fighters soldier soldiers ' +
    'officer investigators investigator inspector counsel strategist pollster pollsters observer observers ' +
    'correspondent reporter reporters journalist journalists historian writer author host anchor ' +
    'representative representatives delegate delegates premier chancellor king queen prince official ' +
    'head deputy sheriff councillor councilor commissioner superintendent campaigner campaigners people ' +
    'person parent parents mother father teacher teachers nurse nurses victim victims survivor survivors ' +
    'organizer organizers organiser organisers coach player players fan fans democrats republicans ' +
    'conservatives liberals economist staffer staffers insider insiders regulator regulators individual individuals ' +
    'moderator citizen citizens donor donors opponent opponents proponent proponents advocate advocates ally allies ' +
    'lobbyist lobbyists consultant consultants').split(' '),
);

/** Head nouns of organisations that can speak ("the ministry said", "the State Department added"). */
export const ORG_NOUNS = new Set(
  ('department ministry government administration office agency council committee commission ' +
    'campaign party army military police force forces navy pentagon embassy court union ' +
    'company firm group organisation organization institute university board authority authorities ' +
    'bureau service team coalition alliance movement federation association network ' +
    'newspaper paper study survey poll report website station channel cabinet parliament congress senate ' +
    'ruling verdict decision letter memo complaint lawsuit filing indictment analysis audit assessment document ' +
    'house regime mission centre center bank fund hospital school college foundation corporation ' +
    'statement panel jury White House Kremlin').toLowerCase().split(' '),
);

/** Capitalised words that end or make an organisation's name. */
export const ORG_NAME_WORDS = new Set(
  ('Department Ministry Government Administration Office Agency Council Committee Commission Party ' +
    'Army Navy Police Pentagon Embassy Court Union Company Group Organisation Organization Institute ' +
    'University Board Authority Bureau Service Coalition Alliance Movement Federation Association ' +
    'Network Times Post News Press Journal Herald Tribune Guardian Telegraph Reuters AFP AP BBC CNN ' +
    'NBC CBS ABC Fox Bank Fund Hospital School College Foundation Corporation Corp Inc Ltd Cabinet ' +
    'Parliament Congress Senate House Kremlin Taliban Hamas Hezbollah NATO UN EU Nations Forces ' +
    'Campaign Center Centre Mission Command Guard Guards Ministry Secretariat Assembly Tribunal ' +
    'Commission Inquirer Gazette Observer Economist Monitor Chronicle Star Daily Weekly Magazine').split(' '),
);

/** Capitalised words that do not begin or make up a name by themselves. */
export const NOT_NAME = new Set(
  ('The A An But And Or So Yet However Meanwhile Still Also In On At For From With Without Of By To ' +
    'As After Before During Since Until While When Where Why How What Who Whom Whose Which That This ' +
    'These Those There Here Then Now Today Yesterday Tomorrow Last Next Earlier Later Some Many Most ' +
    'Several Other Another Any Each Every All Both No Not Nor If Though Although Because Unless It Its ' +
    'He She They We You I His Her Their Our Your My Me Him Them Us Mr Mrs Ms Dr Monday Tuesday ' +
    'Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec One Two ' +
    'Three Four Five Six Seven Eight Nine Ten Asked Speaking According Despite Amid Under Over Against ' +
    'Instead Even Just Only Such Like Unlike Why Whether Read More Photo Image Video Watch Follow Share ' +
    'Update Updated Breaking Please Thank Yes Well Oh Do Does Did Is Are Was Were Be Been Has Have Had ' +
    'Will Would Can Could Should Must May Might Let Let\'s Our Nobody Everyone Someone Anyone None ' +
    'Top Senior Former Acting Retired Veteran New Old Young Big Key').split(' '),
);

/** Channels: what the statement was made through. Each returns a short display label. */
export const CHANNEL_PATTERNS: { re: RegExp; label: (m: RegExpExecArray) => string }[] = [
  { re: /\btold\s+((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})/y, label: (m) => m[1]!.replace(/^the\s+/, '') },
  { re: /\btold\s+(reporters|journalists|the press|the media|lawmakers|senators|parliament|a news conference|a press conference|a briefing|an audience|supporters|the crowd|a crowd|the audience)/iy, label: (m) => m[1]!.replace(/^(?:the|a|an)\s+/i, '') },
  { re: /\bin\s+an?\s+((?:[\w-]+\s+){0,3}?(?:statement|interview|tweet|post|letter|email|e-mail|speech|address|op-ed|editorial|video|broadcast|blog post|press release|message))\b/iy, label: (m) => m[1]!.toLowerCase() },
  { re: /\b(?:at|during)\s+an?\s+((?:[\w-]+\s+){0,3}?(?:press conference|news conference|briefing|press briefing|news briefing|rally|hearing|event|summit|meeting|debate|forum|town hall|interview))\b/iy, label: (m) => m[1]!.toLowerCase() },
  { re: /\bin\s+an?\s+((?:[\w-]+\s+){0,3}?(?:press briefing|news briefing|briefing|news conference|press conference))\b/iy, label: (m) => m[1]!.toLowerCase() },
  { re: /\b(?:on|via)\s+(Twitter|Facebook|Telegram|Instagram|X|YouTube|television|TV|radio|state television|state TV)\b/y, label: (m) => m[1]! },
  { re: /\bin\s+(?:a\s+)?(remarks|comments)\b(?:\s+to\s+((?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}|reporters|journalists))?/iy, label: (m) => (m[2] ? m[2].replace(/^the\s+/, '') : m[1]!.toLowerCase()) },
];

/** Words that start a time or place adjunct after a cue ("said on Monday", "said in Kabul"). */
export const ADJUNCT_RE =
  /(?:\s*,)?\s*(?:(?:on|late|early|last|this|earlier|later)\s+)?(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?|(?:on\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:,\s*\d{4})?|today|yesterday|tonight|this week|last week|last month|this month|earlier this (?:week|month|year)|in a (?:recent )?interview|in an interview|in a statement|recently|again|also|publicly|previously|then|later|on (?:twitter|facebook)|in (?:a|an) [\w-]+ (?:statement|interview|speech|briefing))\b/iy;

// Verbs of force and movement: in conflict reporting they describe events, not statements,
// whatever a political-news corpus says about "attacked" or "hit".
export const NOT_CUES = new Set(
  ('attack attacks attacked attacking capture captures captured capturing seize seizes seized kill kills killed ' +
    'strike strikes struck bomb bombed shoot shot shelled fire fired hit hits storm stormed overrun overran ' +
    'take took taken takes advance advanced retreat retreated push pushed launch launched target targeted ' +
    'fight fought battle battled defeat defeated beat destroy destroyed invade invaded occupy occupied ' +
    'hold held control controlled surround surrounded ambush ambushed raid raided blast blasted slam slammed ' +
    'hammer hammered went go goes sent send put puts').split(' '),
);
