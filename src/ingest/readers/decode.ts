// Bytes → text: byte-order marks, declared charsets (HTTP, HTML meta, XML declaration), then a
// UTF-8 validity test and chardet's guess; and the refusal of binary files before any of that.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** iconv-lite name of the encoding used. */
  encoding: string;
  /** Why that encoding: "bom", "http", "html-meta", "xml-declaration", "utf-8-valid", "chardet", "fallback". */
  from: string;
}

const MAGIC: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46, 0x2d], 'PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'PNG image'],
  [[0xff, 0xd8, 0xff], 'JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'ZIP archive or office document'],
  [[0x50, 0x4b, 0x05, 0x06], 'empty ZIP archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'ELF executable'],
  [[0x42, 0x5a, 0x68], 'bzip2 archive'],
  [[0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'xz archive'],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], '7-zip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'RAR archive'],
  [[0x28, 0xb5, 0x2f, 0xfd], 'zstd archive'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'SQLite database'],
  [[0x00, 0x61, 0x73, 0x6d], 'WebAssembly module'],
  [[0x4f, 0x67, 0x67, 0x53], 'Ogg media'],
  [[0x49, 0x44, 0x33], 'MP3 audio'],
  [[0x1a, 0x45, 0xdf, 0xa3], 'Matroska/WebM media'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'legacy Office document'],
];

export const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

export function bomEncoding(b: Uint8Array): { encoding: string; length: number } | null {
  if (startsWith(b, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8', length: 3 };
  if (startsWith(b, [0xff, 0xfe])) return { encoding: 'utf-16le', length: 2 };
  if (startsWith(b, [0xfe, 0xff])) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** A reason when the bytes are not text ("PDF document", "NUL bytes", …), else null. Only the
 * first bytes are looked at: a text file does not turn binary half way. */
export function binaryReason(head: Uint8Array): string | null {
  for (const [sig, what] of MAGIC) if (startsWith(head, sig)) return what;
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && head.length >= 12) return 'RIFF media';
  if (startsWith(head, [0x66, 0x74, 0x79, 0x70], 4)) return 'MP4/QuickTime media';
  if (bomEncoding(head)?.encoding.startsWith('utf-16')) return null;
  const n = Math.min(head.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i]!;
    if (c === 0) return 'NUL bytes';
    // Tab, line feed, form feed, carriage return and escape occur in real text files.
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) control++;
  }
  if (n > 0 && control / n > 0.05) return `${Math.round((100 * control) / n)}% control characters`;
  return null;
}

/** WHATWG treats these labels as windows-1252, and so do real pages that say "iso-8859-1" but
 * carry curly quotes in 0x80–0x9F. */
function canonicalCharset(label: string): string | null {
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!l) return null;
  if (/^(iso-?8859-1|latin-?1|l1|us-ascii|ascii|cp819|ibm819|iso_8859-1(:1987)?|windows-1252|cp1252|x-cp1252)$/.test(l)) return 'windows-1252';
  if (l === 'utf8' || l === 'unicode-1-1-utf-8') return 'utf-8';
  if (l === 'utf-16' || l === 'unicode') return 'utf-16le';
  return iconv.encodingExists(l) ? l : null;
}

/** Charset declared inside the document: XML declaration or HTML meta (first 4 KB: HTML says 1 KB,
 * real pages put long scripts first). */
export function declaredCharset(head: Uint8Array): { charset: string; from: string } | null {
  const s = Buffer.from(head.subarray(0, 4096)).toString('latin1');
  // Only markup declares its charset; a JSON or text body quoting a meta tag does not.
  if (!/^\s*</.test(s)) return null;
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(s);
  if (xml) return { charset: xml[1]!, from: 'xml-declaration' };
  const meta = /<meta\s[^>]*?\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(s);
  if (meta) return { charset: meta[1]!, from: 'html-meta' };
  return null;
}

export function charsetFromContentType(ct: string | undefined): string | undefined {
  const m = ct ? /charset\s*=\s*["']?([\w.:-]+)/i.exec(ct) : null;
  return m?.[1];
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(b: Uint8Array): boolean {
  try {
    utf8Strict.decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Choose the encoding of a document from its first bytes (the whole document when it is small). */
export function detectEncoding(head: Uint8Array, httpCharset?: string, complete = true): { encoding: string; from: string; bom: number } {
  const bom = bomEncoding(head);
  if (bom) return { encoding: bom.encoding, from: 'bom', bom: bom.length };
  const http = httpCharset ? canonicalCharset(httpCharset) : null;
  if (http) return { encoding: http, from: 'http', bom: 0 };
  const declared = declaredCharset(head);
  const dc = declared ? canonicalCharset(declared.charset) : null;
  // A page that declares UTF-16 in its own (ASCII-readable) bytes is not UTF-16.
  if (dc && declared && !dc.startsWith('utf-16')) return { encoding: dc, from: declared.from, bom: 0 };
  // A sample may end inside a multi-byte character: allow the last three bytes to be cut.
  const sample = complete ? head : head.subarray(0, trimPartialUtf8(head));
  if (isValidUtf8(sample)) return { encoding: 'utf-8', from: 'utf-8-valid', bom: 0 };
  const guess = chardet.detect(head);
  const g = guess ? canonicalCharset(guess) : null;
  if (g && g !== 'utf-8' && !g.startsWith('utf-16') && !g.startsWith('utf-32')) return { encoding: g, from: 'chardet', bom: 0 };
  return { encoding: 'windows-1252', from: 'fallback', bom: 0 };
}

function trimPartialUtf8(b: Uint8Array): number {
  let end = b.length;
  for (let k = 1; k <= 3 && end - k >= 0; k++) {
    const c = b[end - k]!;
    if ((c & 0xc0) === 0x80) continue; // continuation byte
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      if (k < need) end -= k;
    }
    break;
  }
  return end;
}

export function decodeBytes(buf: Uint8Array, httpCharset?: string): Decoded {
  const { encoding, from, bom } = detectEncoding(buf, httpCharset);
  const body = buf.subarray(bom);
  let text = encoding === 'utf-8' ? Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8') : iconv.decode(Buffer.from(body), encoding);
  // A BOM after a declared charset (or a second one) is still not text.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding, from };
}
