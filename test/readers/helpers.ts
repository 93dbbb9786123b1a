// Shared helpers for the reader tests: collecting a generator, checking a text→raw map, writing
// small WARC files and scratch directories.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawDocument, ReadFailure } from '../../src/types.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'readers');
export const fixture = (name: string) => path.join(FIXTURES, name);

export async function all<T>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

export const isFail = (x: RawDocument | ReadFailure): x is ReadFailure => 'error' in x;
export const docs = (xs: (RawDocument | ReadFailure)[]) => xs.filter((x): x is RawDocument => !isFail(x));
export const fails = (xs: (RawDocument | ReadFailure)[]) => xs.filter(isFail);

/** Every piece of an HTML document's map points at the same characters in raw (whitespace may
 * differ, entities are whole), and the pieces cover every non-space character of the text. */
export function assertOffsets(doc: RawDocument): void {
  assert.ok(doc.text !== undefined && doc.textOffsets, `${doc.source} has text and offsets`);
  const text = doc.text!;
  const covered = new Uint8Array(text.length);
  let lastClean = -1;
  for (const p of doc.textOffsets!) {
    assert.ok(p.clean > lastClean, 'pieces in order');
    lastClean = p.clean;
    const clean = text.slice(p.clean, p.clean + p.length);
    const rawLen = p.rawLength ?? p.length;
    const raw = doc.raw.slice(p.raw, p.raw + rawLen);
    if (p.rawLength === undefined) {
      assert.equal(clean.replace(/\s/g, ' '), raw.replace(/\s/g, ' '), `piece ${JSON.stringify(p)} maps '${clean}' onto '${raw}'`);
    } else {
      assert.match(raw, /^&[#\w]+;?$/, `inexact piece ${JSON.stringify(p)} covers an entity, got '${raw}'`);
    }
    covered.fill(1, p.clean, p.clean + p.length);
  }
  for (let i = 0; i < text.length; i++) {
    if (!/\s/.test(text[i]!)) assert.equal(covered[i], 1, `character ${i} '${text[i]}' of ${doc.source} is mapped`);
  }
}

export function scratch(): { dir: string; done: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'readers-test-'));
  return { dir, done: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A WARC record, as ISO 28500 lays it out. */
export function warcRecord(type: string, headers: Record<string, string>, block: Buffer | string): Buffer {
  const body = Buffer.isBuffer(block) ? block : Buffer.from(block, 'utf8');
  const head = [`WARC/1.0`, `WARC-Type: ${type}`, `WARC-Record-ID: <urn:uuid:${Math.random().toString(16).slice(2)}>`, `WARC-Date: 2031-03-14T07:00:00Z`];
  for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
  head.push(`Content-Length: ${body.length}`);
  return Buffer.concat([Buffer.from(head.join('\r\n') + '\r\n\r\n', 'utf8'), body, Buffer.from('\r\n\r\n')]);
}

export function httpResponse(status: string, headers: Record<string, string>, body: Buffer | string): Buffer {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const head = [`HTTP/1.1 ${status}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)].join('\r\n');
  return Buffer.concat([Buffer.from(head + '\r\n\r\n', 'latin1'), b]);
}
