import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segment } from '../../src/text/segment.js';
import { extractQuotes, findSpeakerCandidates, findQuotationMarks, unifyOverlappingSources, type QuoteDetail } from '../../src/analysis/quotes/index.js';
import type { Mention } from '../../src/types.js';

// Fictional town of Brackwater, its mayor and a made-up ministry.
const run = (text: string, mentions: Mention[] = []) => extractQuotes(text, segment(text), mentions);
const find = (text: string, words: string, mentions: Mention[] = [], kind?: string) => {
  const q = run(text, mentions).find((x) => x.text.includes(words) && (!kind || x.kind === kind));
  assert.ok(q, `no quote containing "${words}"`);
  return q;
};

test('direct quotation followed by "X said" takes X, with the cue span', () => {
  const t = 'Mayor Elsa Brandt spoke on Monday.\n\n"The bridge will reopen in spring," Brandt said.';
  const q = find(t, 'bridge will reopen');
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker, 'Elsa Brandt');
  assert.equal(q.cue?.text, 'said');
  assert.equal(t.slice(q.start, q.end), q.text);
  assert.equal(q.speakerSpan?.text, 'Brandt');
});

test('curly quotes, inverted cue "said X" and a colon-introduced quote', () => {
  const t = '“We have no money left,” said Tomas Oyelaran, the town treasurer.\n\nOyelaran added: “Nobody warned us.”';
  assert.equal(find(t, 'no money left').speaker, 'Tomas Oyelaran');
  const q = find(t, 'Nobody warned us');
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker, 'Tomas Oyelaran');
  assert.equal(q.cue?.text, 'added');
});

test('single quotation marks count, apostrophes do not', () => {
  const t = "Mayor Elsa Brandt said the plan was 'dead on arrival' and that the council's vote didn't matter.";
  const marks = findQuotationMarks(t, segment(t).paragraphs);
  assert.deepEqual(marks.map((m) => t.slice(m.innerStart, m.innerEnd)), ['dead on arrival']);
  const q = find(t, 'dead on arrival', [], 'partial');
  assert.equal(q.text, 'dead on arrival');
  assert.equal(q.speaker, 'Elsa Brandt');
});

test('a quotation over several paragraphs continues into a paragraph that opens with a mark', () => {
  const t = 'Elsa Brandt, the mayor, said:\n\n“We tried everything. The pumps failed first.\n\n“Then the levee went. We will rebuild,” she said.';
  const q = find(t, 'We tried everything');
  assert.ok(q.text.includes('We will rebuild'), q.text);
  assert.equal(q.speaker, 'Elsa Brandt');
});

test('reported speech: said that, told AFP, according to, in a statement', () => {
  const t =
    'Elsa Brandt said that the river had peaked.\n\n' +
    'Deputy Mayor Ivo Carrow told AFP the dam was safe.\n\n' +
    'The flood cost 3 million crowns, according to the Ministry of Waterways.\n\n' +
    'In a statement, the Ministry of Waterways said it would send engineers.\n\n' +
    'Ivo Carrow said in a statement on Monday that schools would stay closed.';
  const a = find(t, 'river had peaked');
  assert.equal(a.kind, 'reported');
  assert.equal(a.speaker, 'Elsa Brandt');
  const b = find(t, 'dam was safe');
  assert.equal(b.speaker, 'Ivo Carrow');
  assert.equal(b.channel, 'AFP');
  const c = find(t, '3 million crowns');
  assert.equal(c.speaker, 'Ministry of Waterways');
  assert.equal(c.cue?.text, 'according to');
  const d = find(t, 'send engineers');
  assert.equal(d.speaker, 'Ministry of Waterways');
  const e = find(t, 'schools would stay closed');
  assert.equal(e.speaker, 'Ivo Carrow');
  assert.equal(e.channel, 'statement');
});

test('channels: told reporters, at a press conference, in an off-camera press briefing', () => {
  const t =
    'Elsa Brandt told reporters that the roads were open.\n\n' +
    'Ivo Carrow said at a press conference that buses would run.\n\n' +
    'Ivo Carrow said in an off-camera press briefing that trains would not.';
  assert.equal(find(t, 'roads were open').channel, 'reporters');
  assert.equal(find(t, 'buses would run').channel, 'press conference');
  assert.equal(find(t, 'trains would not').channel, 'off-camera press briefing');
});

test('pronouns and descriptions resolve to the earlier speaker', () => {
  const t =
    'General Hana Voss, the fictional army chief, visited Brackwater.\n\n' +
    '"The situation is stable," Voss said.\n\n' +
    '"We are not leaving," she added.\n\n' +
    'The general said supplies would arrive by Friday.';
  assert.equal(find(t, 'not leaving').speaker, 'Hana Voss');
  assert.equal(find(t, 'not leaving').cue?.text, 'added');
  assert.equal(find(t, 'supplies would arrive').speaker, 'Hana Voss');
});

test('apposition: "A ministry spokesman, Name, told …" gives the name and the role', () => {
  const t = 'A ministry spokesman, Piet Ramelow, told reporters that the dam held.';
  const q = find(t, 'dam held');
  assert.equal(q.speaker, 'Piet Ramelow');
  assert.equal(q.speakerRole, 'spokesman');
});

test('a quotation paragraph without a cue takes the previous speaker', () => {
  const t = '"We need help," said Mayor Elsa Brandt.\n\n"Every street is under water."';
  const q = find(t, 'Every street');
  assert.equal(q.speaker, 'Elsa Brandt');
  assert.equal(q.cue, null);
});

test('organisations speak: "the Ministry of Waterways said", then "the ministry added"', () => {
  const t = 'The Ministry of Waterways said the river would fall.\n\nThe ministry added that no lives were lost.';
  assert.equal(find(t, 'river would fall').speaker, 'Ministry of Waterways');
  assert.equal(find(t, 'no lives were lost').speaker, 'Ministry of Waterways');
});

test('headline quotes with a colon attribution', () => {
  const t = "Brackwater flood 'worst in a century': mayor\n\nMayor Elsa Brandt toured the town on Monday.";
  const q = find(t, 'worst in a century');
  assert.equal(q.speaker, 'Elsa Brandt');
});

test('no guess: an unnamed or unresolvable speaker stays null', () => {
  const t = 'Residents gathered at the hall.\n\n"It is a disgrace," he said.\n\nA senior official said the report was wrong.';
  assert.equal(find(t, 'a disgrace').speaker, null);
  const q = find(t, 'report was wrong');
  assert.equal(q.speaker, null);
  assert.equal(q.speakerDescription, 'A senior official');
});

test('two people in the previous sentence: "she" is resolved only through the previous quote', () => {
  const t = 'Elsa Brandt met Ivo Carrow.\n\nShe said the talks went well.';
  assert.equal(find(t, 'talks went well').speaker, null);
});

test('given NER mentions win and their ref becomes the speaker key', () => {
  const t = '"Water is falling," the official said.';
  const start = t.indexOf('the official');
  const mentions: Mention[] = [
    { start, end: start + 'the official'.length, text: 'the official', type: 'PERSON', ref: 'e7', via: 'coref:description' },
  ];
  const q = find(t, 'Water is falling', mentions);
  assert.equal(q.speakerRef, 'e7');
});

test('speaker candidates: names with titles, surnames linked, pronouns', () => {
  const t = 'Deputy Mayor Ivo Carrow arrived. Carrow said he was tired.';
  const c = findSpeakerCandidates(t, segment(t).sentences);
  const full = c.find((m) => m.text.includes('Ivo Carrow'))!;
  const sur = c.find((m) => m.text === 'Carrow')!;
  assert.equal(full.ref, sur.ref);
  assert.ok(full.roles?.includes('mayor'));
  assert.ok(c.some((m) => m.text === 'he' && m.via === 'pronoun'));
});

test('transcript speaker labels and dash sign-offs', () => {
  const t = 'Brackwater radio interview\n\nHOST: Will the dam hold tonight?\n\nBRANDT: It will hold, and we are watching it.\n\n“Our street was gone in an hour.” ― Mira Okonkwo';
  assert.equal(find(t, 'It will hold').speaker, 'BRANDT');
  assert.equal(find(t, 'street was gone').speaker, 'Mira Okonkwo');
});

test('evaluation scoring: exact and one-to-one overlap matches', async () => {
  const { matchSpans } = await import('../../src/eval/quotes.js');
  const m = matchSpans([[{ start: 0, end: 10 }], [{ start: 20, end: 30 }]], [[{ start: 0, end: 10 }], [{ start: 25, end: 40 }], [{ start: 26, end: 28 }]]);
  assert.deepEqual(m, { exactHits: 1, overlapGoldHits: 2, overlapPredHits: 2 });
});

test('reported content stops before a coordinated clause with its own attribution', () => {
  const t = 'Mayor Elsa Brandt agreed that the ferry timetable needs work, but she said that any change must wait until the spring.';
  const qs = run(t).filter((q) => q.kind === 'reported');
  const first = qs.find((q) => q.text.includes('ferry timetable'));
  assert.ok(first);
  assert.ok(!first.text.includes('spring'), `first content ran on: "${first.text}"`);
  assert.ok(qs.some((q) => q.text.includes('must wait until the spring')));
});

test('an attribution introduced by "that" stays inside the content it is nested in', () => {
  const t = 'Mayor Elsa Brandt said that the treasurer had warned the council about the ferry debts.';
  const q = find(t, 'treasurer had warned', [], 'reported');
  assert.ok(q.text.includes('ferry debts'));
});

test('two apostrophes make a double quotation mark', () => {
  const t = "''The ferry will run all winter,'' Anna Berg, the fictional town's chief economist, told me this week.";
  const marks = findQuotationMarks(t, segment(t).paragraphs);
  assert.deepEqual(marks.map((m) => t.slice(m.innerStart, m.innerEnd)), ['The ferry will run all winter,']);
  const q = find(t, 'ferry will run');
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker, 'Anna Berg');
  assert.equal(q.cue?.text, 'told');
});

test('a title-case headline capitalises its cue', () => {
  const t = 'Ferry Will Run All Winter, Mayor Elsa Brandt Says\n\nThe fictional town of Brackwater has one ferry.';
  const q = find(t, 'Ferry Will Run All Winter');
  assert.equal(q.cue?.text, 'Says');
});

test('a gerund cue after a preposition reports content without inventing a speaker', () => {
  const t = 'The fictional ferry board was criticised for saying that the winter timetable would stay.';
  const q = find(t, 'winter timetable would stay', [], 'reported');
  assert.equal(q.cue?.text, 'saying');
  assert.equal(q.speaker, null);
});

test('a relative pronoun before the cue is the source, and its antecedent speaks', () => {
  const t = 'The council hired Tomas Oyelaran, who said the ferry debts would be paid by March.';
  const q = find(t, 'ferry debts would be paid', [], 'reported');
  assert.equal(q.cue?.text, 'said');
  assert.equal(q.speaker, 'Tomas Oyelaran');
});

test('a second cue after "but" with the subject left out is a second attribution of the same speaker', () => {
  const t = 'Mayor Elsa Brandt said the ferry fares would rise, but pledged to keep the winter timetable.';
  const qs = run(t).filter((q) => q.kind === 'reported');
  const first = qs.find((q) => q.text.includes('fares would rise'));
  const second = qs.find((q) => q.text.includes('keep the winter timetable'));
  assert.ok(first && second);
  assert.ok(!first.text.includes('pledged'), `first content ran on: "${first.text}"`);
  assert.equal(second.cue?.text, 'pledged');
  assert.equal(second.speaker, 'Elsa Brandt');
});

test('"X said:" closing a paragraph introduces the quotation that opens the next', () => {
  const t = 'The fictional mayor spoke at length.\n\nMayor Elsa Brandt said:\n\n"We will keep the ferry running all winter, whatever it costs the town."\n\nThe council did not reply.';
  const q = find(t, 'keep the ferry running');
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker, 'Elsa Brandt');
  assert.equal(q.cue?.text, 'said');
});

test('a right quotation mark opening a paragraph opens the quotation', () => {
  const t = 'Readers wrote in.\n\n”The ferry is the heart of this fictional town. Keep it.” ― Anna Berg.\n\nMore letters follow.';
  const q = find(t, 'heart of this fictional town');
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker, 'Anna Berg');
});

test('a quotation that goes on after its attribution shares the cue and speaker', () => {
  const t = 'The pier reopened on Friday.\n\n“The repairs took longer than anyone hoped,” said Tomas Oyelaran, the harbour master since 2009. “We had to replace every pile.”';
  const q = find(t, 'every pile');
  assert.equal(q.kind, 'direct');
  assert.equal(q.speaker, 'Tomas Oyelaran');
  assert.equal(q.cue?.text, 'said');
  const first = find(t, 'repairs took longer');
  assert.equal(first.cue?.start, q.cue?.start);
});

test('a short opening quotation joins the cue read with the quotation after it', () => {
  const t = 'Elsa Brandt spoke at the ferry terminal.\n\n“Frankly,” Brandt said, “the ferry costs more than it earns.”';
  const q = find(t, 'Frankly');
  assert.equal(q.cue?.text, 'said');
  assert.equal(q.speaker, 'Elsa Brandt');
});

test('another sentence between two quotations keeps them apart', () => {
  const t = 'Elsa Brandt spoke at the ferry terminal.\n\n“We will see,” Brandt said. The crowd was quiet. “Maybe next year.”';
  assert.equal(find(t, 'Maybe next year').cue, null);
});

test('a quotation signed with a dash is the whole line up to the dash, nested marks and all', () => {
  const t = 'Readers wrote in about the ferry.\n\n“She calls the harbour “a sinkhole” and I agree with her on that.” ― Ilse Marrow';
  const q = find(t, 'sinkhole');
  assert.equal(q.text, 'She calls the harbour “a sinkhole” and I agree with her on that.');
  assert.equal(q.speaker, 'Ilse Marrow');
  assert.equal(q.cue?.text, '―');
});

test('transcript lines take their speaker labels; a lone heading label is no speaker', () => {
  const t = 'The mayor of Brackwater spoke to the harbour radio on Monday about the ferry and the winter timetable.\n\nHOST: Will the ferry run this winter?\n\nBRANDT: It will run twice a day until March.\n\nUPDATE: The ferry schedule was published on Tuesday.';
  const q = find(t, 'twice a day');
  assert.equal(q.speaker, 'BRANDT');
  assert.equal(q.cue?.text, ':');
  const one = 'The council of Brackwater met on Monday to vote on the budget for the new ferry terminal.\n\nCORRECTION: An earlier version misspelled the name of the harbour.';
  assert.ok(!run(one).some((x) => x.speaker === 'CORRECTION'));
});

test('interview lines in "Q: … / A: …" are quotations of the interviewer and the interviewee', () => {
  const t = 'Ilse Marrow has run the Brackwater ferry for twenty years and spoke to us about its future.\n\nQ: Why did the ferry stop in March?\n\nA: The engine failed and no parts could be found.';
  const a = find(t, 'engine failed');
  assert.equal(a.kind, 'direct');
  assert.equal(a.speakerDescription, 'the interviewee');
  assert.equal(a.speaker, null);
  assert.equal(find(t, 'Why did the ferry stop').speakerDescription, 'the interviewer');
});

test('reported content ends where a coordinated attribution of its own begins', () => {
  const t = 'Mayor Elsa Brandt spoke at the ferry terminal on Monday about the winter timetable.\n\nBrandt mocked the harbour board’s complaint, saying anyone who objects to a later ferry has never waited in the rain.';
  const qs = run(t).filter((q) => q.kind === 'reported');
  const first = qs.find((q) => q.cue?.text === 'mocked');
  const second = qs.find((q) => q.cue?.text === 'saying');
  if (first) assert.ok(!first.text.includes('anyone who objects'), `"${first.text}" runs into the second attribution`);
  assert.ok(second && second.text.includes('anyone who objects'), 'the participle keeps its own content');
});

test('an opening adverbial before the subject is not what the cue reports', () => {
  const t = 'In March, the mayor of Brackwater called on residents to save water during the drought.';
  const qs = run(t);
  assert.ok(!qs.some((q) => q.text.trim() === 'In March'), `got ${JSON.stringify(qs.map((q) => q.text))}`);
  // The same shape with the cue closing the sentence stays a quote: "…, the mayor said."
  const said = 'The ferry will run twice a day until March, the mayor of Brackwater said.';
  assert.ok(run(said).some((q) => q.text.startsWith('The ferry will run')));
});

test('a headline kicker before a colon is not a speaker; a named person is', () => {
  const mention = (t: string, text: string, type: Mention['type']): Mention => ({ start: t.indexOf(text), end: t.indexOf(text) + text.length, text, type });
  const t = 'Quiet Waters: Brackwater Braces for the Spring Floods\n\nThe river at Brackwater rose by two metres overnight and the ferry was moved to higher moorings.';
  const sourceText = (q: { sourceSpan: { start: number; end: number } | null }) => (q.sourceSpan ? t.slice(q.sourceSpan.start, q.sourceSpan.end) : '');
  assert.ok(!run(t, [mention(t, 'Brackwater', 'PLACE')]).some((q) => sourceText(q) === 'Quiet Waters'));
  const h = 'Elsa Brandt: Brackwater Will Rebuild the Old Quay\n\nThe mayor of Brackwater promised on Monday to rebuild the quay that the spring floods destroyed.';
  const q = run(h, [mention(h, 'Elsa Brandt', 'PERSON')]).find((x) => x.text.includes('Rebuild the Old Quay'));
  assert.ok(q?.sourceSpan, 'the headline names its speaker');
  assert.equal(h.slice(q.sourceSpan.start, q.sourceSpan.end), 'Elsa Brandt');
});

test('the words before the subject are not content when the cue goes on to a clause of its own', () => {
  const t = 'Following early reports of the flood, but before the council had met, the mayor of Brackwater said at a meeting in the ferry hall that the quay had collapsed.';
  const q = run(t).find((x) => x.cue?.text === 'said' && x.kind === 'reported');
  assert.ok(q, 'the attribution is found');
  assert.ok(q.text.includes('the quay had collapsed') && !q.text.includes('Following'), q.text);
});

test('a ruling or a letter can be the source of an inverted quotation; a listener can precede the quotation', () => {
  const t = '“The town cannot close the ferry without a hearing,” said the ruling.';
  const q = find(t, 'cannot close the ferry');
  assert.equal(q.cue?.text, 'said');
  assert.equal(q.sourceSpan && t.slice(q.sourceSpan.start, q.sourceSpan.end), 'the ruling');
  const told = 'Ilse Marrow told her radio listeners on Monday, “The ferry will be back by Easter.”';
  const r = find(told, 'back by Easter');
  assert.equal(r.cue?.text, 'told');
  assert.equal(r.sourceSpan && told.slice(r.sourceSpan.start, r.sourceSpan.end), 'Ilse Marrow');
});

test('overlapping source spans of two attributions take one span: the whole noun phrase, never one that runs over a cue', () => {
  const t = 'Mayor Elsa Brandt backed the ferry plan. He said Tomas Oyelaran had warned the council, he added.';
  const at = (s: string, from = 0) => ({ start: t.indexOf(s, from), end: t.indexOf(s, from) + s.length });
  const quote = (source: string, cue: string, from = 0): QuoteDetail => {
    const src = at(source, from);
    const c = at(cue, from);
    return {
      kind: 'reported', start: c.end + 1, end: c.end + 5, text: '', cue: { ...c, text: cue }, speakerSpan: { ...src, text: source },
      speaker: source, speakerRef: null, channel: null, confidence: 0.5, evidence: [], sourceSpan: src, fragments: [], speakerRole: null, speakerDescription: null,
    };
  };
  const quotes = [quote('Elsa Brandt', 'backed'), quote('Mayor Elsa Brandt', 'backed'), quote('He said Tomas', 'said'), quote('He', 'added', 40)];
  quotes[3]!.sourceSpan = at('He');
  quotes[3]!.speakerSpan = { ...at('He'), text: 'He' };
  unifyOverlappingSources(quotes);
  const spans = quotes.map((q) => t.slice(q.sourceSpan!.start, q.sourceSpan!.end));
  assert.deepEqual(spans, ['Mayor Elsa Brandt', 'Mayor Elsa Brandt', 'He', 'He']);
  // The speaker mention stays when it lies inside the kept span, and follows the span otherwise.
  assert.equal(quotes[0]!.speaker, 'Elsa Brandt');
  assert.equal(quotes[2]!.speaker, 'He');
});

test('the subject of "seems" or "appears" is not a source: the writer judges it', () => {
  const t = 'Mayor Elsa Brandt appears to have conceded that the ferry will not run this winter.';
  const q = run(t).find((x) => x.cue?.text === 'appears');
  assert.ok(q, 'the attribution is still found');
  assert.equal(q.sourceSpan, null);
  assert.equal(q.speaker, null);
});

test('a passive cue takes its agent as the source: the listener in "X was told by Y" did not speak', () => {
  const t = '“The quay is safe,” the mayor was told by Ilse Varga, the harbour master.';
  const q = run(t).find((x) => x.cue?.text === 'was told');
  assert.ok(q, 'the attribution is found');
  assert.equal(t.slice(q.sourceSpan!.start, q.sourceSpan!.end), 'Ilse Varga');
  assert.equal(q.speaker, 'Ilse Varga');
});
