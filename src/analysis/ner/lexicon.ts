// General word lists: titles, role nouns, organisation heads and suffixes, demonyms. General
// knowledge only; they feed the tagger as features and the role splitter as vocabulary.

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Titles written before a name ("Gen. X", "President X"). Lower-case, without the final dot. */
export const NAME_TITLES = new Set(
  words(`
  mr mrs ms miss mx dr prof professor sir dame lord lady madam rev reverend father sister brother
  pope cardinal bishop archbishop rabbi imam sheikh sheik mullah maulvi ayatollah emir king queen prince
  princess president vice-president premier chancellor governor gov mayor senator sen rep representative
  congressman congresswoman minister secretary ambassador amb envoy judge justice attorney atty
  general gen lieutenant lt colonel col major maj captain capt commander cmdr cmdt admiral adm
  sergeant sgt corporal cpl private pvt brigadier marshal commodore ensign officer inspector insp
  superintendent supt detective det chief director chairman chairwoman chair spokesman spokeswoman
  spokesperson commissioner deputy councillor councilman councilwoman alderman sheriff coach
  `),
);

/** Military and police ranks (a subset of titles) and their abbreviations. */
export const RANKS = new Set(
  words(`
  general gen lieutenant lt colonel col major maj captain capt commander cmdr admiral adm sergeant
  sgt corporal cpl private pvt brigadier marshal commodore ensign lt-gen lt.-gen maj.-gen brig.-gen
  `),
);

/** Role nouns that can stand alone as a description of a person ("the envoy said"). */
export const ROLE_NOUNS = new Set(
  words(`
  spokesman spokeswoman spokesperson envoy ambassador president vice-president minister secretary
  chairman chairwoman chair chief head leader commander general admiral colonel officer official
  director governor mayor senator lawmaker diplomat negotiator adviser advisor analyst researcher
  expert prosecutor judge lawyer attorney premier chancellor king queen prince emir mullah cleric
  founder ceo executive manager editor correspondent reporter journalist deputy aide representative
  coordinator commissioner inspector detective sheriff captain lieutenant sergeant major
  strategist economist professor scientist doctor surgeon witness resident militant commander-in-chief
  `),
);

/** Adjectives and nouns that qualify a role ("press secretary", "special envoy", "top general"). */
export const ROLE_MODIFIERS = new Set(
  words(`
  press special deputy chief senior top foreign defense defence interior finance prime vice acting
  former military civilian political regional national state federal associate assistant executive
  general principal lead managing permanent first second junior leading army navy naval air marine
  police security intelligence trade health justice economy education energy interim supreme
  `),
);

/** Post heads that take "of …" ("Secretary of State", "head of the mission"). */
export const ROLE_OF_HEADS = new Set(
  words(`
  secretary minister chairman chairwoman chair head chief leader director president commander
  governor member spokesman spokeswoman ambassador envoy deputy founder ceo editor coordinator
  commissioner`),
);

/** Last words of organisation names. */
export const ORG_SUFFIXES = new Set(
  words(`
  inc inc. corp corp. corporation co co. company ltd ltd. llc plc gmbh ag sa nv bv group holdings
  bank ministry agency council committee commission department office bureau authority service
  services party union association federation institute institution university college school
  foundation fund organisation organization army navy force forces police court parliament assembly
  senate congress board club team church mission network airlines airways motors industries
  systems technologies press times post news tribune herald journal gazette television radio channel
  front movement alliance coalition league brigade battalion regiment command corps society centre
  center hospital trust exchange reserve
  `),
);

/** Demonyms and nationality adjectives (MISC in CoNLL, OTHER here). */
export const DEMONYMS = new Set(
  words(`
  american americans british briton britons english scottish welsh irish french german germans
  italian italians spanish portuguese dutch belgian swiss austrian swedish norwegian danish finnish
  icelandic polish czech slovak hungarian romanian bulgarian greek greeks turkish turks russian russians
  ukrainian belarusian serbian serb serbs croatian croat croats bosnian albanian macedonian slovenian
  estonian latvian lithuanian georgian armenian azerbaijani azeri kazakh uzbek tajik turkmen kyrgyz
  afghan afghans pakistani pakistanis indian indians bangladeshi nepali sri lankan chinese japanese
  korean koreans vietnamese thai cambodian laotian burmese malaysian indonesian filipino australian
  australians zealander canadian canadians mexican mexicans cuban brazilian brazilians argentine
  argentinian chilean peruvian colombian venezuelan bolivian ecuadorian uruguayan paraguayan
  egyptian egyptians libyan tunisian algerian moroccan sudanese ethiopian somali kenyan ugandan
  tanzanian rwandan nigerian nigerians ghanaian senegalese malian congolese angolan zambian
  zimbabwean mozambican namibian african africans european europeans asian asians arab arabs
  israeli israelis palestinian palestinians lebanese syrian syrians iraqi iraqis iranian iranians
  saudi saudis yemeni omani emirati qatari kuwaiti bahraini jordanian kurdish kurd kurds pashtun
  hazara tajiks uzbeks baluch sikh hindu muslim muslims christian christians jewish jews catholic
  protestant sunni shia shiite shi'ite western latin nordic scandinavian balkan caucasian soviet
  `),
);

/** Months and weekdays: capitalised, yet never names in this task. */
export const CALENDAR = new Set(
  words(`
  january february march april may june july august september october november december jan feb mar
  apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday
  `),
);

/** Common given names, a small general list: a person feature that generalises to unseen surnames. */
export const GIVEN_NAMES = new Set(
  words(`
  john james robert michael william david richard joseph thomas charles christopher daniel matthew
  anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
  jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
  gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas
  zachary peter kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin
  carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert willie alan juan
  wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis mary patricia jennifer
  linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly
  emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia
  kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine debra
  rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly
  lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann
  sara madison frances kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn
  danielle beverly isabella theresa diana natalie brittany charlotte marie kayla alexis lori
  hans klaus jurgen wolfgang helmut gerhard dieter pierre jean-pierre jacques francois michel alain
  philippe giovanni giuseppe marco luca antonio carlos luis miguel pedro manuel javier fernando
  jorge alejandro vladimir boris sergei igor dmitry mikhail yuri ivan olga natalia tatiana irina
  mohammad mohammed muhammad ahmad ahmed ali hassan hussein omar abdul abdullah mahmoud mustafa
  khalid ibrahim yusuf karim rashid tariq hamid ashraf amir reza hamza bilal fatima aisha zainab
  leila mariam nadia hamid wei li ming hong jun yan kim park lee chen wang zhang liu yang
  hiroshi takeshi kenji yuki akira raj rahul amit sanjay vijay priya anil sunil
  `),
);
