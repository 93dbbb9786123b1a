// Fetching an article URL without becoming a way into the local network: every hop's host is
// resolved and checked, and the connection goes to the address that was checked (no second DNS
// answer can swap in a private one). Timeout and size limits cover the whole transfer.
import { promises as dnsPromises } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

export class FetchError extends Error {}

/** true: any address; a function: decides per resolved address (tests pin it to one loopback address). */
export type AddressPolicy = boolean | ((address: string) => boolean);

export interface FetchOptions {
  allowPrivate?: AddressPolicy;
  /** Largest body accepted, after decompression (default 20 MB). */
  maxBytes?: number;
  /** For the whole fetch, redirects and body included (default 15000 ms). */
  timeoutMs?: number;
  maxRedirects?: number;
}

export interface FetchResult {
  /** The URL after redirects. */
  url: string;
  status: number;
  contentType?: string;
  body: Buffer;
}

export interface CheckedUrl {
  url: URL;
  addresses: { address: string; family: 4 | 6 }[];
}

const RANGES: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', '"this network"'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['100.64.0.0', 10, 'ipv4', 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.0.0.0', 24, 'ipv4', 'IETF protocol'],
  ['192.0.2.0', 24, 'ipv4', 'documentation'],
  ['192.88.99.0', 24, 'ipv4', '6to4 relay'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['198.18.0.0', 15, 'ipv4', 'benchmarking'],
  ['198.51.100.0', 24, 'ipv4', 'documentation'],
  ['203.0.113.0', 24, 'ipv4', 'documentation'],
  ['224.0.0.0', 4, 'ipv4', 'multicast'],
  ['240.0.0.0', 4, 'ipv4', 'reserved'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['64:ff9b:1::', 48, 'ipv6', 'local NAT64'],
  ['100::', 64, 'ipv6', 'discard'],
  ['2001::', 23, 'ipv6', 'IETF protocol'],
  ['2001:db8::', 32, 'ipv6', 'documentation'],
  ['fc00::', 7, 'ipv6', 'private (unique local)'],
  ['fe80::', 10, 'ipv6', 'link-local'],
  ['fec0::', 10, 'ipv6', 'site-local'],
  ['ff00::', 8, 'ipv6', 'multicast'],
];

const BLOCKS = RANGES.map(([net_, prefix, type, name]) => {
  const b = new net.BlockList();
  b.addSubnet(net_, prefix, type);
  return { b, type, name };
});

/** IPv4 carried inside IPv6 (mapped, NAT64, 6to4, compatible): judged as the IPv4 it carries. */
function embeddedIpv4(ip: string): string | null {
  const lower = ip.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([\da-f]{1,4}):([\da-f]{1,4})$/.exec(lower);
  if (hex) {
    const a = parseInt(hex[1]!, 16);
    const b = parseInt(hex[2]!, 16);
    return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  }
  const sixToFour = /^2002:([\da-f]{1,4}):([\da-f]{1,4}):/.exec(lower);
  if (sixToFour) {
    const a = parseInt(sixToFour[1]!, 16);
    const b = parseInt(sixToFour[2]!, 16);
    return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  }
  return null;
}

/** Name of the non-public range an address lies in, or null for a public address. */
export function reservedRange(ip: string): string | null {
  const family = net.isIP(ip);
  if (!family) return 'invalid';
  if (family === 6) {
    const v4 = embeddedIpv4(ip);
    if (v4) return reservedRange(v4);
  }
  if (ip === '255.255.255.255') return 'broadcast';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const { b, type: t, name } of BLOCKS) if (t === type && b.check(ip, type)) return name;
  return null;
}

export const isPublicAddress = (ip: string) => reservedRange(ip) === null;

/** Throws a FetchError unless the URL is http(s) and every address its host resolves to is public
 * (or `allowPrivate`). Returns the addresses to connect to. */
export async function assertPublicUrl(url: string | URL, allowPrivate: AddressPolicy = false): Promise<CheckedUrl> {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    throw new FetchError(`invalid URL '${String(url).slice(0, 200)}'`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new FetchError(`only http and https URLs can be fetched, not ${u.protocol}`);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw new FetchError('URL has no host');
  let addresses: { address: string; family: 4 | 6 }[];
  const literal = net.isIP(host);
  if (literal) addresses = [{ address: host, family: literal as 4 | 6 }];
  else {
    try {
      const found = await dnsPromises.lookup(host, { all: true, verbatim: true });
      addresses = found.map((a) => ({ address: a.address, family: a.family as 4 | 6 }));
    } catch (e) {
      throw new FetchError(`cannot resolve host ${host} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    if (!addresses.length) throw new FetchError(`cannot resolve host ${host} (no addresses)`);
  }
  if (allowPrivate !== true) {
    for (const a of addresses) {
      const range = reservedRange(a.address);
      if (range && typeof allowPrivate === 'function' && allowPrivate(a.address)) continue;
      // Any non-public answer refuses the host: a mixed answer is how rebinding attacks start.
      if (range) throw new FetchError(`refused to fetch ${host}: ${literal ? 'it is' : `resolves to ${a.address},`} a ${range} address (allowPrivate is off)`);
    }
  }
  return { url: u, addresses };
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function once(checked: CheckedUrl, signal: AbortSignal): Promise<http.IncomingMessage> {
  const { url, addresses } = checked;
  // IPv4 first, as local test servers and many hosts listen there only.
  const v4first = [...addresses].sort((a, b) => a.family - b.family);
  const pinned = v4first[0]!;
  const mod = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = mod.request(
      url,
      {
        method: 'GET',
        agent: false,
        signal,
        headers: {
          'user-agent': 'Triangulate/0.1 (news reader)',
          accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/json,text/plain;q=0.9,*/*;q=0.5',
          'accept-encoding': 'gzip, deflate, br',
        },
        // Connect to the address that was checked, whatever DNS says now.
        lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) => {
          if (opts?.all) cb(null, v4first.map((a) => ({ address: a.address, family: a.family })));
          else cb(null, pinned.address, pinned.family);
        }) as unknown as net.LookupFunction,
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

function decoded(res: http.IncomingMessage): Readable {
  const enc = (res.headers['content-encoding'] ?? '').toLowerCase().trim();
  const z = enc === 'gzip' || enc === 'x-gzip' ? createGunzip() : enc === 'deflate' ? createInflate() : enc === 'br' ? createBrotliDecompress() : null;
  if (!z) return res;
  res.on('error', (e) => z.destroy(e));
  return res.pipe(z);
}

const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${n} bytes`);

export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const maxBytes = opts.maxBytes ?? 20 * 1024 * 1024;
  const timeoutMs = opts.timeoutMs ?? 15000;
  const maxRedirects = opts.maxRedirects ?? 5;
  const ac = new AbortController();
  const timer = setTimeout(() => ac.abort(), timeoutMs);
  let current: URL | string = url;
  try {
    for (let hop = 0; ; hop++) {
      // DNS lookups cannot be aborted: race them against the deadline.
      const checked: CheckedUrl = await Promise.race([
        assertPublicUrl(current, opts.allowPrivate),
        new Promise<never>((_, reject) => {
          if (ac.signal.aborted) reject(new Error('aborted'));
          ac.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        }),
      ]);
      const res = await once(checked, ac.signal);
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status) && res.headers.location) {
        res.resume();
        if (hop >= maxRedirects) throw new FetchError(`too many redirects (more than ${maxRedirects})`);
        try {
          current = new URL(res.headers.location, checked.url);
        } catch {
          throw new FetchError(`invalid redirect location '${res.headers.location.slice(0, 200)}'`);
        }
        continue;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        throw new FetchError(`HTTP ${status}${res.statusMessage ? ' ' + res.statusMessage : ''}`);
      }
      const declared = Number(res.headers['content-length']);
      if (!res.headers['content-encoding'] && Number.isFinite(declared) && declared > maxBytes) {
        res.destroy();
        throw new FetchError(`response of ${mb(declared)} exceeds the ${mb(maxBytes)} limit`);
      }
      const parts: Buffer[] = [];
      let n = 0;
      for await (const chunk of decoded(res) as AsyncIterable<Buffer>) {
        n += chunk.length;
        if (n > maxBytes) {
          res.destroy();
          throw new FetchError(`response exceeds the ${mb(maxBytes)} limit`);
        }
        parts.push(chunk);
      }
      const ct = res.headers['content-type'];
      return { url: checked.url.toString(), status, contentType: ct, body: Buffer.concat(parts, n) };
    }
  } catch (e) {
    if (ac.signal.aborted) throw new FetchError(`timed out after ${timeoutMs} ms`);
    if (e instanceof FetchError) throw e;
    const err = e as NodeJS.ErrnoException;
    throw new FetchError(`${err.code ? err.code + ': ' : ''}${err.message}`.replace(/\s+/g, ' '));
  } finally {
    clearTimeout(timer);
  }
}
