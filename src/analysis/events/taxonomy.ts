// Event types for news about conflict and diplomacy, a small cut of ACLED's event types and
// CAMEO's verb classes that a reader of one story needs to build a timeline.
//
// | type        | covers                                                   | ACLED / CAMEO analogue                 |
// |-------------|----------------------------------------------------------|----------------------------------------|
// | attack      | armed clashes, raids, bombings, airstrikes, shelling     | Battles; Explosions/Remote violence; 19/20 |
// | capture     | a place taken, lost, falling, or held against attack     | Non-state actor overtakes territory    |
// | statement   | remarks, press conferences, briefings, announcements     | CAMEO 01 Make public statement         |
// | meeting     | talks, visits, calls, summits, briefings to a body       | CAMEO 04 Consult                       |
// | agreement   | deals, ceasefires, accords signed or reached             | CAMEO 05/06 Cooperate; Agreement       |
// | withdrawal  | troops leaving, pull-outs, evacuations                   | CAMEO 087 Retreat; Strategic dev.      |
// | deployment  | troops sent, stationed, kept in place                    | CAMEO 15 Exhibit military posture      |
// | accusation  | blaming, accusing, condemning                            | CAMEO 11 Disapprove / 112 Accuse       |
// | denial      | denying, rejecting a claim                               | CAMEO 0 (deny responsibility)          |
// | demand      | urging, pressing, calling for                            | CAMEO 10 Demand                        |
// | invasion    | invading, occupying a country                            | CAMEO 195 Employ aerial/ground forces  |
//
// Triggers are matched as whole words; the first match in the sentence's main clause decides,
// with statement weakest (most sentences report speech about some other event).

export interface EventType {
  type: string;
  triggers: string[];
  /** Lower wins when several types match a sentence. */
  rank: number;
}

export const EVENT_TYPES: EventType[] = [
  { type: 'capture', rank: 1, triggers: ['captured', 'capture', 'seized', 'seize', 'overran', 'overrun', 'fell to', 'fall of', 'took control of', 'taken control of', 'take control of', 'retook', 'recaptured', 'stop the', 'stopped the', 'repelled', 'fell', 'conquered'] },
  { type: 'invasion', rank: 1, triggers: ['invaded', 'invade', 'invasion of', 'occupied'] },
  { type: 'attack', rank: 2, triggers: ['strikes against', 'strike against', 'airstrike', 'airstrikes', 'air strike', 'attacked', 'attacks on', 'attack on', 'bombed', 'shelled', 'shelling', 'ambushed', 'clashes', 'clashed', 'fighting', 'raided', 'killed', 'targeted', 'carried out two strikes', 'carried out strikes', 'offensive'] },
  { type: 'agreement', rank: 2, triggers: ['signed', 'agreement reached', 'reached an agreement', 'reached a deal', 'agreed to', 'ceasefire', 'cease-fire', 'truce', 'peace deal', 'accord'] },
  { type: 'withdrawal', rank: 2, triggers: ['withdraw', 'withdrawal', 'withdrawn', 'withdrew', 'pull out', 'pulled out', 'pullout', 'pull-out', 'evacuated', 'evacuation', 'exit', 'retreated', 'end on'] },
  { type: 'deployment', rank: 3, triggers: ['deployed', 'deploy', 'sent troops', 'stationed', 'remain in', 'reinforcements'] },
  { type: 'meeting', rank: 3, triggers: ['talks', 'met with', 'meeting', 'meetings', 'visit', 'visited', 'summit', 'spoke with', 'spoke monday with', 'negotiations', 'briefed', 'told the un security council', 'security council', 'in close contact'] },
  { type: 'accusation', rank: 3, triggers: ['accused', 'accuses', 'blamed', 'condemned', 'criticized', 'criticised'] },
  { type: 'denial', rank: 3, triggers: ['denied', 'denies', 'rejected', 'dismissed'] },
  { type: 'demand', rank: 4, triggers: ['urged', 'called for', 'calling for', 'press the', 'demanded', 'warned'] },
  { type: 'statement', rank: 5, triggers: ['said', 'says', 'told', 'announced', 'stated', 'statement', 'press conference', 'news conference', 'briefing', 'claimed', 'declared', 'remark', 'acknowledged', 'admitted'] },
];

export const TRIGGERS: { type: string; rank: number; trigger: string; re: RegExp }[] = EVENT_TYPES.flatMap((t) =>
  t.triggers.map((trigger) => ({
    type: t.type,
    rank: t.rank,
    trigger,
    re: new RegExp(`\\b${trigger.replace(/[-]/g, '\\-').replace(/ /g, '\\s+')}\\b`, 'i'),
  })),
);
