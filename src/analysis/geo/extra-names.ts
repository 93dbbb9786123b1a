// General-knowledge alternate names that the npm gazetteers lack: postal and AP-style
// abbreviations of US states and Canadian provinces (news writes "Paris, Tex."), English
// exonyms and older spellings of cities, and a list of large cities used as an importance prior
// (the npm city data carries no population).

/** admin1 id (GeoNames "CC.CODE") → abbreviations used after a comma in datelines and copy. */
export const ADMIN1_ABBREVIATIONS: Record<string, string[]> = {
  'US.AL': ['AL', 'Ala.'], 'US.AK': ['AK', 'Alaska'], 'US.AZ': ['AZ', 'Ariz.'], 'US.AR': ['AR', 'Ark.'],
  'US.CA': ['CA', 'Calif.', 'Cal.'], 'US.CO': ['CO', 'Colo.'], 'US.CT': ['CT', 'Conn.'], 'US.DE': ['DE', 'Del.'],
  'US.DC': ['DC', 'D.C.'], 'US.FL': ['FL', 'Fla.'], 'US.GA': ['GA', 'Ga.'], 'US.HI': ['HI'], 'US.ID': ['ID'],
  'US.IL': ['IL', 'Ill.'], 'US.IN': ['IN', 'Ind.'], 'US.IA': ['IA'], 'US.KS': ['KS', 'Kan.', 'Kans.'],
  'US.KY': ['KY', 'Ky.'], 'US.LA': ['LA', 'La.'], 'US.ME': ['ME'], 'US.MD': ['MD', 'Md.'],
  'US.MA': ['MA', 'Mass.'], 'US.MI': ['MI', 'Mich.'], 'US.MN': ['MN', 'Minn.'], 'US.MS': ['MS', 'Miss.'],
  'US.MO': ['MO', 'Mo.'], 'US.MT': ['MT', 'Mont.'], 'US.NE': ['NE', 'Neb.', 'Nebr.'], 'US.NV': ['NV', 'Nev.'],
  'US.NH': ['NH', 'N.H.'], 'US.NJ': ['NJ', 'N.J.'], 'US.NM': ['NM', 'N.M.'], 'US.NY': ['NY', 'N.Y.'],
  'US.NC': ['NC', 'N.C.'], 'US.ND': ['ND', 'N.D.'], 'US.OH': ['OH'], 'US.OK': ['OK', 'Okla.'],
  'US.OR': ['OR', 'Ore.', 'Oreg.'], 'US.PA': ['PA', 'Pa.', 'Penn.'], 'US.RI': ['RI', 'R.I.'],
  'US.SC': ['SC', 'S.C.'], 'US.SD': ['SD', 'S.D.'], 'US.TN': ['TN', 'Tenn.'], 'US.TX': ['TX', 'Tex.'],
  'US.UT': ['UT'], 'US.VT': ['VT', 'Vt.'], 'US.VA': ['VA', 'Va.'], 'US.WA': ['WA', 'Wash.', 'Washington state', 'Washington State'],
  'US.WV': ['WV', 'W.Va.', 'W. Va.'], 'US.WI': ['WI', 'Wis.', 'Wisc.'], 'US.WY': ['WY', 'Wyo.'],
  'CA.01': ['AB', 'Alta.'], 'CA.02': ['BC', 'B.C.'], 'CA.03': ['MB', 'Man.'], 'CA.04': ['NB', 'N.B.'],
  'CA.05': ['NL', 'Nfld.', 'Newfoundland'], 'CA.07': ['NS', 'N.S.'], 'CA.08': ['ON', 'Ont.'],
  'CA.09': ['PE', 'P.E.I.', 'PEI'], 'CA.10': ['QC', 'Que.', 'Quebec'], 'CA.11': ['SK', 'Sask.'],
};

/** Exonyms and older or alternative spellings: alternate → [canonical GeoNames-style name, country]. */
export const CITY_ALTERNATES: [string, string, string][] = [
  ['Kiev', 'Kyiv', 'UA'], ['Kharkov', 'Kharkiv', 'UA'], ['Odessa', 'Odesa', 'UA'],
  ['Mecca', 'Makkah', 'SA'], ['Medina', 'Medina', 'SA'], ['Peking', 'Beijing', 'CN'], ['Canton', 'Guangzhou', 'CN'],
  ['Bombay', 'Mumbai', 'IN'], ['Calcutta', 'Kolkata', 'IN'], ['Madras', 'Chennai', 'IN'], ['Bangalore', 'Bengaluru', 'IN'],
  ['Saigon', 'Ho Chi Minh City', 'VN'], ['Rangoon', 'Yangon', 'MM'], ['Teheran', 'Tehran', 'IR'],
  ['St. Petersburg', 'Saint Petersburg', 'RU'], ['Leningrad', 'Saint Petersburg', 'RU'],
  ['Cologne', 'Köln', 'DE'], ['Munich', 'Munich', 'DE'], ['Nuremberg', 'Nürnberg', 'DE'],
  ['Lisbon', 'Lisbon', 'PT'], ['Florence', 'Florence', 'IT'], ['Naples', 'Naples', 'IT'], ['Venice', 'Venice', 'IT'],
  ['Gaza City', 'Gaza', 'PS'], ['Al Quds', 'Jerusalem', 'IL'], ['Tel Aviv', 'Tel Aviv', 'IL'],
  ['Herat', 'Herat', 'AF'], ['Mazar', 'Mazār-e Sharīf', 'AF'], ['Kandahar', 'Kandahār', 'AF'], ['Qandahar', 'Kandahār', 'AF'],
  ['Lashkargah', 'Lashkar Gāh', 'AF'], ['Jalalabad', 'Jalālābād', 'AF'], ['Sheberghan', 'Sheberghān', 'AF'],
  ['Termez', 'Termiz', 'UZ'], ['Almaty', 'Almaty', 'KZ'], ['Alma-Ata', 'Almaty', 'KZ'],
  ['Ulan Bator', 'Ulaanbaatar', 'MN'], ['Sanaa', "Sana'a", 'YE'], ['Hanoi', 'Hanoi', 'VN'],
  ['New York', 'New York City', 'US'], ['NYC', 'New York City', 'US'], ['Washington, D.C.', 'Washington', 'US'],
  ['Washington DC', 'Washington', 'US'], ['Washington D.C.', 'Washington', 'US'], ['L.A.', 'Los Angeles', 'US'],
  ['Mexico City', 'Mexico City', 'MX'], ['Sao Paulo', 'São Paulo', 'BR'], ['Bogota', 'Bogotá', 'CO'],
  ['Tbilisi', 'Tbilisi', 'GE'], ['Tiflis', 'Tbilisi', 'GE'], ['Astana', 'Astana', 'KZ'], ['Nur-Sultan', 'Astana', 'KZ'],
];

/** Large cities by general knowledge (country code, names), used as an importance prior. */
const MAJOR = `
JP:Tokyo;Osaka;Yokohama;Nagoya;Kyoto;Kobe;Sapporo;Fukuoka;Hiroshima
IN:New Delhi;Delhi;Mumbai;Kolkata;Chennai;Bengaluru;Hyderabad;Ahmedabad;Pune;Surat;Jaipur;Lucknow;Kanpur;Srinagar;Amritsar
CN:Shanghai;Beijing;Guangzhou;Shenzhen;Chongqing;Tianjin;Wuhan;Chengdu;Nanjing;Xi'an;Hangzhou;Shenyang;Harbin;Urumqi;Lhasa;Kashgar
PK:Karachi;Lahore;Islamabad;Rawalpindi;Faisalabad;Peshawar;Quetta;Multan;Hyderabad
AF:Kabul;Kandahār;Herāt;Mazār-e Sharīf;Jalālābād;Kunduz;Lashkar Gāh;Ghazni;Khōst;Pul-e Khumrī;Fayzābād;Tāloqān;Sheberghān;Maīdān Shahr;Gardēz;Bāmyān;Zaranj;Farāh;Chaghcharān;Mehtar Lām;Asadabad;Sar-e Pul;Qal‘ah-ye Now;Tarinkot;Nīlī;Bāzārak;Pul-e ‘Alam;Charikar;Maḩmūd-e Rāqī;Qalāt;Sharan;Paghmān
IR:Tehran;Mashhad;Isfahan;Tabriz;Shiraz;Qom;Zahedan
IQ:Baghdad;Basra;Mosul;Erbil;Kirkuk;Najaf;Karbala;Fallujah;Ramadi;Tikrit
SY:Damascus;Aleppo;Homs;Hama;Latakia;Raqqa;Idlib;Deir ez-Zor
LB:Beirut;Tripoli;Sidon;Tyre
IL:Jerusalem;Tel Aviv;Haifa
PS:Gaza;Ramallah;Hebron;Nablus;Bethlehem;Jericho;Khan Yunis;Rafah
EG:Cairo;Alexandria;Giza;Port Said;Suez;Luxor;Aswan
SA:Riyadh;Jeddah;Makkah;Medina;Dammam
AE:Dubai;Abu Dhabi;Sharjah
QA:Doha
TR:Istanbul;Ankara;Izmir;Bursa;Antalya;Adana
RU:Moscow;Saint Petersburg;Novosibirsk;Yekaterinburg;Kazan;Nizhniy Novgorod;Samara;Omsk;Rostov-na-Donu;Ufa;Krasnoyarsk;Volgograd;Vladivostok;Grozny;Sochi
UA:Kyiv;Kharkiv;Odesa;Dnipro;Donetsk;Lviv;Luhansk;Sevastopol;Simferopol
GE:Tbilisi;Batumi;Kutaisi;Sukhumi;Tskhinvali;Gori
GB:London;Birmingham;Manchester;Liverpool;Leeds;Glasgow;Edinburgh;Belfast;Bristol;Cardiff;Sheffield;Newcastle upon Tyne
FR:Paris;Marseille;Lyon;Toulouse;Nice;Bordeaux;Lille;Strasbourg
DE:Berlin;Hamburg;Munich;Köln;Frankfurt am Main;Stuttgart;Düsseldorf
IT:Rome;Milan;Naples;Turin;Venice;Florence;Palermo
ES:Madrid;Barcelona;Valencia;Seville
US:New York City/NY;Los Angeles/CA;Chicago/IL;Houston/TX;Phoenix/AZ;Philadelphia/PA;San Antonio/TX;San Diego/CA;Dallas/TX;San Jose/CA;Austin/TX;Jacksonville/FL;San Francisco/CA;Columbus/OH;Indianapolis/IN;Fort Worth/TX;Charlotte/NC;Seattle/WA;Denver/CO;Washington/DC;Boston/MA;El Paso/TX;Detroit/MI;Nashville/TN;Memphis/TN;Portland/OR;Oklahoma City/OK;Las Vegas/NV;Louisville/KY;Baltimore/MD;Milwaukee/WI;Albuquerque/NM;Tucson/AZ;Fresno/CA;Sacramento/CA;Kansas City/MO;Atlanta/GA;Miami/FL;Omaha/NE;Raleigh/NC;Minneapolis/MN;Cleveland/OH;Tulsa/OK;Oakland/CA;New Orleans/LA;Tampa/FL;Pittsburgh/PA;Cincinnati/OH;St. Louis/MO;Honolulu/HI;Anchorage/AK;Buffalo/NY;Salt Lake City/UT;Richmond/VA;Orlando/FL;Newark/NJ;Long Beach/CA;Virginia Beach/VA;Arlington/TX;Bakersfield/CA;Wichita/KS;Aurora/CO;Lexington/KY;Corpus Christi/TX;Riverside/CA;Stockton/CA;St. Paul/MN;Toledo/OH;Greensboro/NC;Lincoln/NE;Plano/TX;Fort Wayne/IN;Madison/WI;Norfolk/VA;Boise/ID;Spokane/WA;Des Moines/IA;Birmingham/AL;Rochester/NY;Baton Rouge/LA;Little Rock/AR;Jackson/MS;Hartford/CT;Providence/RI;Charleston/SC;Savannah/GA;Knoxville/TN;Chattanooga/TN;Shreveport/LA;Montgomery/AL;Mobile/AL;Columbia/SC;Albany/NY;Harrisburg/PA;Trenton/NJ;Annapolis/MD;Dover/DE;Concord/NH;Montpelier/VT;Augusta/ME;Springfield/IL;Jefferson City/MO;Topeka/KS;Lansing/MI;Frankfort/KY;Nashville/TN;Tallahassee/FL;Austin/TX;Santa Fe/NM;Cheyenne/WY;Helena/MT;Bismarck/ND;Pierre/SD;Salem/OR;Olympia/WA;Carson City/NV;Juneau/AK;Charleston/WV;Raleigh/NC;Columbus/OH;Indianapolis/IN;Saint Paul/MN;Madison/WI;Boston/MA
CA:Toronto;Montréal;Vancouver;Calgary;Edmonton;Ottawa;Winnipeg;Québec
MX:Mexico City;Guadalajara;Monterrey;Tijuana;Puebla
BR:São Paulo;Rio de Janeiro;Brasília;Salvador;Fortaleza;Belo Horizonte;Manaus;Recife
AR:Buenos Aires;Córdoba;Rosario
AU:Sydney;Melbourne;Brisbane;Perth;Adelaide
ID:Jakarta;Surabaya;Bandung;Medan
NG:Lagos;Kano;Ibadan;Abuja
KE:Nairobi;Mombasa
ET:Addis Ababa
ZA:Johannesburg;Cape Town;Durban;Pretoria
SD:Khartoum;Omdurman;Port Sudan;El Fasher;Nyala
SO:Mogadishu
YE:Sanaa;Aden
LY:Tripoli;Benghazi;Misrata
KR:Seoul;Busan;Incheon
KP:Pyongyang
TH:Bangkok
VN:Ho Chi Minh City;Hanoi
PH:Manila;Quezon City;Davao
BD:Dhaka;Chittagong
MM:Yangon;Mandalay
UZ:Tashkent;Samarkand;Bukhara;Termiz
TJ:Dushanbe
TM:Ashgabat
KZ:Almaty;Astana
`;

/** Large cities and US state capitals; "Name/ST" pins the admin-1 code where the name is common. */
export const MAJOR_CITIES: { cc: string; name: string; admin1: string | null }[] = MAJOR.trim()
  .split('\n')
  .flatMap((line) => {
    const [cc = '', names = ''] = line.split(':');
    return names.split(';').map((n) => {
      const [name = '', admin1 = null] = n.trim().split('/');
      return { cc, name, admin1 };
    });
  });

/** Generic words that name the level of a division and are dropped to get the bare name. */
export const DIVISION_SUFFIXES = [
  'province', 'governorate', 'oblast', 'region', 'state', 'prefecture', 'department', 'district',
  'wilayah', 'wilayat', 'velayat', 'muhafazat', 'krai', 'kray', 'republic', 'autonomous okrug',
  'emirate', 'canton', 'voivodeship', 'county', 'parish', 'municipality', 'borough', 'territory',
];

/** Continents and well-known regions (general knowledge, approximate centres), kind "other".
 * Fields: names (;-separated) | lat | lon | country code or "" | adjectival forms. */
const REGION_TABLE = `
Europe|48.69|9.14||European;Europeans
European Union;EU|50.5|9.0||
Africa|7.19|21.09||African;Africans
Asia|29.84|89.3||Asian;Asians
North America|46.07|-100.55||North American
South America;Latin America|-14.6|-57.66||South American;Latin American
Oceania|-18.31|138.52||
Antarctica|-78.16|16.41||
Middle East;Mideast|29.0|45.0||Middle Eastern
Central Asia|45.0|68.0||Central Asian
South Asia|22.0|78.0||South Asian
Southeast Asia|10.0|106.0||Southeast Asian
Caucasus|42.5|45.0||Caucasian
Balkans|44.0|20.0||Balkan
Scandinavia|62.0|15.0||Scandinavian
Caribbean|15.0|-75.0||
Persian Gulf;Gulf region|26.5|52.0||
Sahel|15.0|0.0||
Gaza Strip|31.4|34.35|PS|Gazan;Gazans
West Bank|32.0|35.25|PS|
Darfur|13.5|24.0|SD|Darfuri;Darfuris
South Ossetia|42.35|44.0|GE|South Ossetian;South Ossetians;Ossetian;Ossetians
Abkhazia|43.0|41.0|GE|Abkhaz;Abkhazian;Abkhazians
Kashmir|34.5|76.0|IN|Kashmiri;Kashmiris
Kurdistan|36.5|44.5|IQ|Kurdish;Kurds
Crimea|45.0|34.0|UA|Crimean
Chechnya|43.4|45.7|RU|Chechen;Chechens
Tibet|31.0|88.0|CN|Tibetan;Tibetans
Siberia|60.0|105.0|RU|Siberian
`;

export const REGIONS: { names: string[]; lat: number; lon: number; country: string | null; adjectives: string[] }[] =
  REGION_TABLE.trim()
    .split('\n')
    .map((line) => {
      const [names = '', lat = '0', lon = '0', cc = '', adj = ''] = line.split('|');
      return {
        names: names.split(';'),
        lat: Number(lat),
        lon: Number(lon),
        country: cc || null,
        adjectives: adj ? adj.split(';') : [],
      };
    });
