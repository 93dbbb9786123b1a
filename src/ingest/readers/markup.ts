// A light element tree over HTML or XML that remembers where every piece of text sits in the
// source, so extracted text can be mapped back character by character (entities included).
import { Parser } from 'htmlparser2';

/** One run of text as the parser delivered it: decoded `data` from source[raw, raw + rawLength). */
export interface TextSeg {
  data: string;
  raw: number;
  rawLength: number;
}

export interface TextNode {
  type: 'text';
  segs: TextSeg[];
}

export interface ElementNode {
  type: 'element';
  tag: string;
  attrs: Record<string, string>;
  children: MarkupNode[];
  parent: ElementNode | null;
  /** Source offset of the opening tag. */
  start: number;
}

export type MarkupNode = ElementNode | TextNode;

export interface ParseResult {
  root: ElementNode;
  /** For XML: the first well-formedness problem found, with its line. */
  error?: string;
}

/** Parse markup into a tree. In XML mode, report (but survive) what a strict parser would reject. */
export function parseMarkup(src: string, xml = false): ParseResult {
  const root: ElementNode = { type: 'element', tag: '#root', attrs: {}, children: [], parent: null, start: 0 };
  let cur = root;
  let error: string | undefined;
  let justOpened: ElementNode | null = null;
  let roots = 0;
  const lineAt = (i: number) => {
    let n = 1;
    for (let k = src.indexOf('\n'); k !== -1 && k < i; k = src.indexOf('\n', k + 1)) n++;
    return n;
  };
  const fail = (msg: string, at: number) => {
    error ??= `${msg} (line ${lineAt(at)})`;
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        if (xml) {
          if (!/^[A-Za-z_][\w.:-]*$/.test(name)) fail(`invalid element name <${name}>`, parser.startIndex);
          if (cur === root && ++roots > 1) fail(`more than one root element (<${name}>)`, parser.startIndex);
        }
        const el: ElementNode = { type: 'element', tag: xml ? name : name.toLowerCase(), attrs: attribs, children: [], parent: cur, start: parser.startIndex };
        cur.children.push(el);
        cur = el;
        justOpened = el;
      },
      onclosetag(name, isImplied) {
        // In XML an implied close is only legitimate for a self-closing tag.
        if (xml && isImplied && justOpened !== cur) {
          fail(parser.startIndex >= src.length ? `unexpected end of document: <${name}> not closed` : `element <${name}> not closed before its parent`, parser.startIndex);
        }
        justOpened = null;
        if (cur.parent) cur = cur.parent;
      },
      ontext(data) {
        justOpened = null;
        if (xml && cur === root && data.trim()) fail('text outside the root element', parser.startIndex);
        const seg: TextSeg = { data, raw: parser.startIndex, rawLength: parser.endIndex + 1 - parser.startIndex };
        const last = cur.children[cur.children.length - 1];
        if (last?.type === 'text') last.segs.push(seg);
        else cur.children.push({ type: 'text', segs: [seg] });
      },
      oncdatastart() {
        justOpened = null;
      },
      oncomment() {
        justOpened = null;
      },
    },
    { xmlMode: xml, decodeEntities: true, recognizeCDATA: xml, lowerCaseTags: !xml, lowerCaseAttributeNames: !xml },
  );
  parser.write(src);
  parser.end();
  if (xml && roots === 0) fail('no root element', src.length);
  return { root, error };
}

export const isElement = (n: MarkupNode | undefined): n is ElementNode => n?.type === 'element';

/** Local name without namespace prefix, lower case ("content:encoded" → "encoded" with prefix kept apart). */
export const localName = (tag: string) => tag.slice(tag.indexOf(':') + 1).toLowerCase();

export function* walk(el: ElementNode): Generator<ElementNode> {
  for (const c of el.children) {
    if (c.type === 'element') {
      yield c;
      yield* walk(c);
    }
  }
}

export function children(el: ElementNode, tag?: string): ElementNode[] {
  const out: ElementNode[] = [];
  for (const c of el.children) if (c.type === 'element' && (!tag || c.tag.toLowerCase() === tag)) out.push(c);
  return out;
}

/** All text inside, decoded, without any whitespace handling. */
export function textContent(n: MarkupNode): string {
  if (n.type === 'text') return n.segs.map((s) => s.data).join('');
  let out = '';
  for (const c of n.children) out += textContent(c);
  return out;
}

/** Text with whitespace collapsed and trimmed: for titles, captions, metadata. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function closest(el: ElementNode | null, pred: (e: ElementNode) => boolean): ElementNode | null {
  for (let e = el; e; e = e.parent) if (pred(e)) return e;
  return null;
}
