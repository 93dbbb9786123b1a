// General-knowledge table of countries and territories: ISO 3166-1 alpha-2 code, English names
// and common alternates, demonyms / adjectival forms, and capital (with alternate spellings).
// Fields: code | names (;-separated, first is canonical) | demonyms | capitals.
// Coordinates come from the npm data (country-state-city) at build time, not from here.

const TABLE = `
AF|Afghanistan;Islamic Republic of Afghanistan;Islamic Emirate of Afghanistan|Afghan;Afghani|Kabul
AL|Albania|Albanian|Tirana;Tirane
DZ|Algeria|Algerian|Algiers
AD|Andorra|Andorran|Andorra la Vella
AO|Angola|Angolan|Luanda
AG|Antigua and Barbuda;Antigua|Antiguan|Saint John's
AR|Argentina|Argentine;Argentinian|Buenos Aires
AM|Armenia|Armenian|Yerevan
AU|Australia|Australian;Aussie|Canberra
AT|Austria|Austrian|Vienna;Wien
AZ|Azerbaijan|Azerbaijani;Azeri|Baku
BS|Bahamas;The Bahamas|Bahamian|Nassau
BH|Bahrain|Bahraini|Manama
BD|Bangladesh|Bangladeshi|Dhaka;Dacca
BB|Barbados|Barbadian;Bajan|Bridgetown
BY|Belarus;Byelorussia|Belarusian;Belarussian|Minsk
BE|Belgium|Belgian|Brussels;Bruxelles
BZ|Belize|Belizean|Belmopan
BJ|Benin|Beninese|Porto-Novo
BT|Bhutan|Bhutanese|Thimphu
BO|Bolivia|Bolivian|La Paz;Sucre
BA|Bosnia and Herzegovina;Bosnia;Bosnia-Herzegovina|Bosnian|Sarajevo
BW|Botswana|Botswanan;Motswana|Gaborone
BR|Brazil;Brasil|Brazilian|Brasilia
BN|Brunei|Bruneian|Bandar Seri Begawan
BG|Bulgaria|Bulgarian|Sofia
BF|Burkina Faso|Burkinabe|Ouagadougou
BI|Burundi|Burundian|Gitega
KH|Cambodia|Cambodian|Phnom Penh
CM|Cameroon|Cameroonian|Yaounde
CA|Canada|Canadian|Ottawa
CV|Cape Verde;Cabo Verde|Cape Verdean|Praia
CF|Central African Republic|Central African|Bangui
TD|Chad|Chadian|N'Djamena
CL|Chile|Chilean|Santiago
CN|China;People's Republic of China;PRC;Mainland China|Chinese|Beijing;Peking
CO|Colombia|Colombian|Bogota
KM|Comoros|Comoran;Comorian|Moroni
CG|Republic of the Congo;Congo-Brazzaville|Congolese|Brazzaville
CD|Democratic Republic of the Congo;DR Congo;DRC;Congo;Congo-Kinshasa;Zaire|Congolese|Kinshasa
CR|Costa Rica|Costa Rican|San Jose
CI|Ivory Coast;Cote d'Ivoire|Ivorian|Yamoussoukro;Abidjan
HR|Croatia|Croatian;Croat|Zagreb
CU|Cuba|Cuban|Havana
CY|Cyprus|Cypriot|Nicosia
CZ|Czech Republic;Czechia|Czech|Prague
DK|Denmark|Danish;Dane|Copenhagen
DJ|Djibouti|Djiboutian|Djibouti
DM|Dominica|Dominican|Roseau
DO|Dominican Republic|Dominican|Santo Domingo
EC|Ecuador|Ecuadorian|Quito
EG|Egypt|Egyptian|Cairo
SV|El Salvador|Salvadoran|San Salvador
GQ|Equatorial Guinea|Equatoguinean|Malabo
ER|Eritrea|Eritrean|Asmara
EE|Estonia|Estonian|Tallinn
SZ|Eswatini;Swaziland|Swazi|Mbabane
ET|Ethiopia|Ethiopian|Addis Ababa
FJ|Fiji|Fijian|Suva
FI|Finland|Finnish;Finn|Helsinki
FR|France;French Republic|French;Frenchman;Frenchwoman|Paris
GA|Gabon|Gabonese|Libreville
GM|Gambia;The Gambia|Gambian|Banjul
GE|Georgia|Georgian|Tbilisi
DE|Germany;Federal Republic of Germany|German|Berlin
GH|Ghana|Ghanaian|Accra
GR|Greece;Hellenic Republic|Greek|Athens
GD|Grenada|Grenadian|Saint George's
GT|Guatemala|Guatemalan|Guatemala City
GN|Guinea|Guinean|Conakry
GW|Guinea-Bissau|Bissau-Guinean|Bissau
GY|Guyana|Guyanese|Georgetown
HT|Haiti|Haitian|Port-au-Prince
HN|Honduras|Honduran|Tegucigalpa
HU|Hungary|Hungarian|Budapest
IS|Iceland|Icelandic;Icelander|Reykjavik
IN|India;Republic of India|Indian|New Delhi
ID|Indonesia|Indonesian|Jakarta
IR|Iran;Islamic Republic of Iran;Persia|Iranian;Persian|Tehran;Teheran
IQ|Iraq|Iraqi|Baghdad
IE|Ireland;Republic of Ireland;Eire|Irish|Dublin
IL|Israel|Israeli|Jerusalem
IT|Italy|Italian|Rome;Roma
JM|Jamaica|Jamaican|Kingston
JP|Japan|Japanese|Tokyo
JO|Jordan|Jordanian|Amman
KZ|Kazakhstan|Kazakh;Kazakhstani|Astana;Nur-Sultan
KE|Kenya|Kenyan|Nairobi
KI|Kiribati|I-Kiribati|Tarawa
KP|North Korea;Democratic People's Republic of Korea;DPRK|North Korean|Pyongyang
KR|South Korea;Republic of Korea;Korea|South Korean;Korean|Seoul
XK|Kosovo|Kosovar;Kosovan|Pristina
KW|Kuwait|Kuwaiti|Kuwait City
KG|Kyrgyzstan;Kirghizia|Kyrgyz;Kirghiz|Bishkek
LA|Laos;Lao PDR|Laotian;Lao|Vientiane
LV|Latvia|Latvian|Riga
LB|Lebanon|Lebanese|Beirut
LS|Lesotho|Basotho;Mosotho|Maseru
LR|Liberia|Liberian|Monrovia
LY|Libya|Libyan|Tripoli
LI|Liechtenstein|Liechtensteiner|Vaduz
LT|Lithuania|Lithuanian|Vilnius
LU|Luxembourg|Luxembourgish;Luxembourger|Luxembourg
MG|Madagascar|Malagasy|Antananarivo
MW|Malawi|Malawian|Lilongwe
MY|Malaysia|Malaysian|Kuala Lumpur
MV|Maldives|Maldivian|Male
ML|Mali|Malian|Bamako
MT|Malta|Maltese|Valletta
MH|Marshall Islands|Marshallese|Majuro
MR|Mauritania|Mauritanian|Nouakchott
MU|Mauritius|Mauritian|Port Louis
MX|Mexico;United Mexican States|Mexican|Mexico City
FM|Micronesia|Micronesian|Palikir
MD|Moldova|Moldovan|Chisinau
MC|Monaco|Monegasque|Monaco
MN|Mongolia|Mongolian|Ulaanbaatar;Ulan Bator
ME|Montenegro|Montenegrin|Podgorica
MA|Morocco|Moroccan|Rabat
MZ|Mozambique|Mozambican|Maputo
MM|Myanmar;Burma|Burmese|Naypyidaw;Nay Pyi Taw
NA|Namibia|Namibian|Windhoek
NR|Nauru|Nauruan|Yaren
NP|Nepal|Nepalese;Nepali|Kathmandu
NL|Netherlands;Holland;The Netherlands|Dutch;Dutchman|Amsterdam
NZ|New Zealand|New Zealander;Kiwi|Wellington
NI|Nicaragua|Nicaraguan|Managua
NE|Niger|Nigerien|Niamey
NG|Nigeria|Nigerian|Abuja
MK|North Macedonia;Macedonia|Macedonian|Skopje
NO|Norway|Norwegian|Oslo
OM|Oman|Omani|Muscat
PK|Pakistan|Pakistani|Islamabad
PW|Palau|Palauan|Ngerulmud
PS|Palestine;Palestinian Territories;Palestinian Territory;State of Palestine|Palestinian|Ramallah
PA|Panama|Panamanian|Panama City
PG|Papua New Guinea|Papua New Guinean|Port Moresby
PY|Paraguay|Paraguayan|Asuncion
PE|Peru|Peruvian|Lima
PH|Philippines;The Philippines|Filipino;Philippine|Manila
PL|Poland|Polish;Pole|Warsaw
PT|Portugal|Portuguese|Lisbon
QA|Qatar;State of Qatar|Qatari|Doha
RO|Romania|Romanian|Bucharest
RU|Russia;Russian Federation|Russian|Moscow;Moskva
RW|Rwanda|Rwandan|Kigali
KN|Saint Kitts and Nevis|Kittitian|Basseterre
LC|Saint Lucia|Saint Lucian|Castries
VC|Saint Vincent and the Grenadines|Vincentian|Kingstown
WS|Samoa|Samoan|Apia
SM|San Marino|Sammarinese|San Marino
ST|Sao Tome and Principe|Sao Tomean|Sao Tome
SA|Saudi Arabia;Kingdom of Saudi Arabia;KSA|Saudi;Saudi Arabian|Riyadh
SN|Senegal|Senegalese|Dakar
RS|Serbia|Serbian;Serb|Belgrade
SC|Seychelles|Seychellois|Victoria
SL|Sierra Leone|Sierra Leonean|Freetown
SG|Singapore|Singaporean|Singapore
SK|Slovakia|Slovak;Slovakian|Bratislava
SI|Slovenia|Slovenian;Slovene|Ljubljana
SB|Solomon Islands|Solomon Islander|Honiara
SO|Somalia|Somali;Somalian|Mogadishu
ZA|South Africa|South African|Pretoria;Cape Town
SS|South Sudan|South Sudanese|Juba
ES|Spain|Spanish;Spaniard|Madrid
LK|Sri Lanka;Ceylon|Sri Lankan|Colombo;Sri Jayawardenepura Kotte
SD|Sudan|Sudanese|Khartoum
SR|Suriname|Surinamese|Paramaribo
SE|Sweden|Swedish;Swede|Stockholm
CH|Switzerland|Swiss|Bern;Berne
SY|Syria;Syrian Arab Republic|Syrian|Damascus
TW|Taiwan;Republic of China|Taiwanese|Taipei
TJ|Tajikistan|Tajik;Tajikistani|Dushanbe
TZ|Tanzania|Tanzanian|Dodoma
TH|Thailand;Siam|Thai|Bangkok
TL|East Timor;Timor-Leste|Timorese|Dili
TG|Togo|Togolese|Lome
TO|Tonga|Tongan|Nuku'alofa
TT|Trinidad and Tobago;Trinidad|Trinidadian;Tobagonian|Port of Spain
TN|Tunisia|Tunisian|Tunis
TR|Turkey;Turkiye|Turkish;Turk|Ankara
TM|Turkmenistan|Turkmen|Ashgabat
TV|Tuvalu|Tuvaluan|Funafuti
UG|Uganda|Ugandan|Kampala
UA|Ukraine;The Ukraine|Ukrainian|Kyiv;Kiev
AE|United Arab Emirates;UAE;Emirates|Emirati|Abu Dhabi
GB|United Kingdom;UK;U.K.;Britain;Great Britain|British;Briton;Brit|London
US|United States;United States of America;USA;U.S.;U.S.A.;America;US|American|Washington;Washington, D.C.;Washington D.C.;Washington DC
UY|Uruguay|Uruguayan|Montevideo
UZ|Uzbekistan|Uzbek;Uzbekistani|Tashkent
VU|Vanuatu|Ni-Vanuatu|Port Vila
VA|Vatican City;Vatican;Holy See|Vatican|Vatican City
VE|Venezuela|Venezuelan|Caracas
VN|Vietnam;Viet Nam|Vietnamese|Hanoi
YE|Yemen|Yemeni|Sanaa;Sana'a
ZM|Zambia|Zambian|Lusaka
ZW|Zimbabwe|Zimbabwean|Harare
PR|Puerto Rico|Puerto Rican|San Juan
GL|Greenland|Greenlandic;Greenlander|Nuuk
HK|Hong Kong|Hongkonger|Hong Kong
MO|Macau;Macao|Macanese|Macau
EH|Western Sahara|Sahrawi|Laayoune
GU|Guam|Guamanian|Hagatna
`;

export interface CountryInfo {
  code: string;
  names: string[];
  demonyms: string[];
  capitals: string[];
}

export const COUNTRY_INFO: CountryInfo[] = TABLE.trim()
  .split('\n')
  .map((line) => {
    const [code = '', names = '', dem = '', caps = ''] = line.split('|');
    const split = (s: string) => s.split(';').map((x) => x.trim()).filter(Boolean);
    return { code, names: split(names), demonyms: split(dem), capitals: split(caps) };
  });

/** Plural of a demonym ("Afghans", "Qataris"); forms that do not inflect return nothing. */
export function demonymPlural(d: string): string | null {
  if (/(?:ese|ss|sh|ch|[sxz])$/i.test(d) || / /.test(d)) return null;
  if (/man$/.test(d)) return d.replace(/man$/, 'men');
  if (/woman$/.test(d)) return d.replace(/woman$/, 'women');
  return d + 's';
}

// Constituent countries and common regional names that news copy treats like countries.
export const SUBNATIONAL_COUNTRIES: { name: string; code: string; admin1Hint: string; demonyms: string[] }[] = [
  { name: 'England', code: 'GB', admin1Hint: 'GB.ENG', demonyms: ['English', 'Englishman'] },
  { name: 'Scotland', code: 'GB', admin1Hint: 'GB.SCT', demonyms: ['Scottish', 'Scot', 'Scots'] },
  { name: 'Wales', code: 'GB', admin1Hint: 'GB.WLS', demonyms: ['Welsh'] },
  { name: 'Northern Ireland', code: 'GB', admin1Hint: 'GB.NIR', demonyms: ['Northern Irish'] },
];
