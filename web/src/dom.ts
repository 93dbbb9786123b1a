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
export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function articleLink(id: string, label: string, span?: { start: number; end: number }): HTMLAnchorElement {
  return h('a', { href: `#/article/${id}${span ? `?hl=${span.start}-${span.end}` : ''}` }, label);
}

export function empty(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}
