// A tiny element builder: enough for a readable app without a framework.
type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2).toLowerCase(), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function svg(tag: string, attrs: Record<string, string | number | null | undefined> = {}, ...children: (Node | string)[]): SVGElement {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

export function append(el: Element, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

export const shortId = (id: string) => id.slice(0, 8);
export const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : 'undated');
export const plural = (n: number, word: string) => `${num(n)} ${word}${n === 1 ? '' : 's'}`;

export function articleLink(id: string, label: string, span?: { start: number; end: number }): HTMLAnchorElement {
  return h('a', { href: `#/article/${id}${span ? `?hl=${span.start}-${span.end}` : ''}` }, label);
}

export function empty(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}

const nf = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
/** Figures as a reader writes them: 46,000 rather than 46000. */
export const num = (n: number) => nf.format(n);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The first day an ISO value covers ("2021-W32" → its Monday, "2021-06" → "2021-06-01", a range
 * → its start), so that values of any granularity sort and place on a time axis together. */
export function firstDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.split('/')[0]!;
  const week = /^(\d{4})-W(\d{1,2})$/.exec(v);
  if (week) {
    const jan4 = Date.UTC(+week[1]!, 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (+week[2]! - 1) * 7 * 86_400_000;
    return new Date(monday).toISOString().slice(0, 10);
  }
  if (/^\d{4}$/.test(v)) return `${v}-01-01`;
  if (/^\d{4}-\d{2}$/.test(v)) return `${v}-01`;
  return /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;
}

/** An ISO date value of any granularity in words: "21 Jul 2021", "week of 9 Aug 2021",
 * "Aug 2021", "25 Jun 2021 – Sep 2021". */
export function when(value: string | null | undefined, unknown = 'date unknown'): string {
  if (!value) return unknown;
  if (value.includes('/')) return value.split('/').map((v) => when(v, '?')).join(' – ');
  const d = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (d) return `${+d[3]!} ${MONTHS[+d[2]! - 1]} ${d[1]}`;
  if (/^\d{4}-W\d{1,2}$/.test(value)) return `week of ${when(firstDay(value))}`;
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return `${MONTHS[+m[2]! - 1]} ${m[1]}`;
  return value;
}

// Sides keep one colour on every page: the colour comes from the name, not from the order in
// which a page happens to meet the sides. Colour is never the only cue: the name is always shown.
const SIDE_PALETTE = ['#2471a3', '#c0392b', '#148f77', '#d68910', '#7d3c98', '#a04000', '#1f618d', '#ad1457', '#b7950b', '#6c3483'];
export function sideColor(side: string | null | undefined): string {
  if (!side) return '#8a94a0';
  let hash = 0;
  for (const ch of side.toLowerCase().replace(/^the\s+/, '')) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return SIDE_PALETTE[hash % SIDE_PALETTE.length]!;
}

export function sideChip(side: string | null | undefined): HTMLElement {
  return h('span', { class: 'side', style: `--side:${sideColor(side)}` }, side ?? 'unattributed');
}
