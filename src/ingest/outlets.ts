// Who published an article: general knowledge of wire-service codes and news hosts, and the
// signatures outlets leave in their own headers and footers.

/** Wire-service codes as they appear in datelines: "WASHINGTON (AA) –". */
export const WIRE_CODES: Record<string, string> = {
  AA: 'Anadolu Agency', AP: 'Associated Press', AFP: 'Agence France-Presse', Reuters: 'Reuters',
  REUTERS: 'Reuters', UPI: 'United Press International', PTI: 'Press Trust of India', IANS: 'IANS',
  ANI: 'Asian News International', APP: 'Associated Press of Pakistan', DPA: 'dpa', dpa: 'dpa', EFE: 'EFE',
  ANSA: 'ANSA', Xinhua: 'Xinhua', XINHUA: 'Xinhua', TASS: 'TASS', IRNA: 'IRNA', Yonhap: 'Yonhap',
  KYODO: 'Kyodo News', Kyodo: 'Kyodo News', Bernama: 'Bernama', KUNA: 'KUNA', WAM: 'WAM', SPA: 'Saudi Press Agency',
  QNA: 'Qatar News Agency', CNA: 'CNA', AAP: 'Australian Associated Press', CP: 'The Canadian Press', PA: 'PA Media',
  BSS: 'BSS', NNA: 'National News Agency', MENA: 'MENA', IRIB: 'IRIB', Sputnik: 'Sputnik', RIA: 'RIA Novosti',
  Interfax: 'Interfax', Anadolu: 'Anadolu Agency', Pajhwok: 'Pajhwok Afghan News', Bakhtar: 'Bakhtar News Agency',
};

/** News hosts whose display name is not their domain. Keys are registrable domains. */
const HOSTS: Record<string, string> = {
  'presstv.ir': 'Press TV', 'presstv.com': 'Press TV', 'presstv.co.uk': 'Press TV', 'presstv.tv': 'Press TV',
  'aa.com.tr': 'Anadolu Agency', 'reuters.com': 'Reuters', 'apnews.com': 'Associated Press', 'afp.com': 'Agence France-Presse',
  'bbc.co.uk': 'BBC', 'bbc.com': 'BBC', 'cnn.com': 'CNN', 'nytimes.com': 'The New York Times',
  'washingtonpost.com': 'The Washington Post', 'theguardian.com': 'The Guardian', 'aljazeera.com': 'Al Jazeera',
  'aljazeera.net': 'Al Jazeera', 'dawn.com': 'Dawn', 'tolonews.com': 'TOLOnews', 'pajhwok.com': 'Pajhwok Afghan News',
  'baaghitv.com': 'BaaghiTV', 'france24.com': 'France 24', 'dw.com': 'DW', 'rferl.org': 'RFE/RL', 'voanews.com': 'VOA',
  'xinhuanet.com': 'Xinhua', 'tass.com': 'TASS', 'rt.com': 'RT', 'npr.org': 'NPR', 'foxnews.com': 'Fox News',
  'nbcnews.com': 'NBC News', 'cbsnews.com': 'CBS News', 'abcnews.go.com': 'ABC News', 'politico.com': 'Politico',
  'wsj.com': 'The Wall Street Journal', 'ft.com': 'Financial Times', 'bloomberg.com': 'Bloomberg',
  'independent.co.uk': 'The Independent', 'telegraph.co.uk': 'The Telegraph', 'thehill.com': 'The Hill',
  'euronews.com': 'Euronews', 'trtworld.com': 'TRT World', 'arabnews.com': 'Arab News', 'thenational.ae': 'The National',
  'hindustantimes.com': 'Hindustan Times', 'indiatimes.com': 'The Times of India', 'ndtv.com': 'NDTV',
  'tribune.com.pk': 'The Express Tribune', 'geo.tv': 'Geo News', 'khaama.com': 'Khaama Press',
};

/** Display name for a URL's host, and whether it came from the known-hosts table. */
export function outletFromUrl(url: string): { outlet: string; known: boolean } | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\d?\./, '');
  } catch {
    return null;
  }
  if (!host || /^[\d.]+$/.test(host) || host === 'localhost') return null;
  const parts = host.split('.');
  for (let i = 0; i < parts.length - 1; i++) {
    const known = HOSTS[parts.slice(i).join('.')];
    if (known) return { outlet: known, known: true };
  }
  return { outlet: host, known: false };
}

/** Site signatures in header and footer lines: the outlet names itself. */
const SIGNATURES: RegExp[] = [
  /^(.{2,40}?)['’]s website can also be accessed/i,
  /^stay tuned to (.{2,40}?) for\b/i,
  /^(?:©|copyright|\(c\))\s*(?:\d{4}\s*)?(.{2,40}?)(?:\.|,|\s+all rights reserved|$)/i,
  /^follow (.{2,40}?) on (?:twitter|facebook|telegram|instagram|x)\b/i,
  /^download the (.{2,40}?) app\b/i,
];

export function outletFromSignature(line: string): string | null {
  const s = line.trim();
  for (const re of SIGNATURES) {
    const m = re.exec(s);
    if (m?.[1] && !/^(us|our|the)$/i.test(m[1].trim())) return m[1].trim();
  }
  // A bare host name in a footer ("www.example.co.uk").
  const host = /^(?:https?:\/\/)?(www\.[a-z0-9.-]+\.[a-z]{2,})\/?$/i.exec(s);
  if (host) {
    const o = outletFromUrl('https://' + host[1]);
    if (o?.known) return o.outlet;
  }
  return null;
}
