// Small HTTP plumbing for the API: routing, query validation, JSON answers and errors.
import type { IncomingMessage, ServerResponse } from 'node:http';

export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface Ctx {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

export type Handler = (ctx: Ctx) => Promise<unknown>;

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

export class Router {
  private routes: Route[] = [];

  on(method: string, path: string, handler: Handler): this {
    const keys: string[] = [];
    const pattern = new RegExp('^' + path.replace(/:(\w+)/g, (_, k: string) => (keys.push(k), '([^/]+)')) + '$');
    this.routes.push({ method, pattern, keys, handler });
    return this;
  }

  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | 'method' | null {
    let wrongMethod = false;
    for (const r of this.routes) {
      const m = r.pattern.exec(path);
      if (!m) continue;
      if (r.method !== method) {
        wrongMethod = true;
        continue;
      }
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1]!)));
      return { handler: r.handler, params };
    }
    return wrongMethod ? 'method' : null;
  }
}

/** A JSON body serialised once and served many times (cached views). */
export class RawJson {
  constructor(readonly body: string) {}
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = body instanceof RawJson ? body.body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(data), 'cache-control': 'no-store' });
  res.end(data);
}

/** Query parameter readers that answer 400 with the parameter's name and the reason. */
export const q = {
  str(url: URL, name: string, max = 500): string | undefined {
    const v = url.searchParams.get(name);
    if (v === null || v === '') return undefined;
    if (v.length > max) throw new HttpError(400, `parameter "${name}" is longer than ${max} characters`);
    return v;
  },
  int(url: URL, name: string, def: number, min: number, max: number): number {
    const v = url.searchParams.get(name);
    if (v === null || v === '') return def;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new HttpError(400, `parameter "${name}" must be a whole number from ${min} to ${max}, not "${v}"`);
    return n;
  },
  date(url: URL, name: string): string | undefined {
    const v = url.searchParams.get(name);
    if (v === null || v === '') return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new HttpError(400, `parameter "${name}" must be a date YYYY-MM-DD, not "${v}"`);
    return v;
  },
  bool(url: URL, name: string): boolean {
    const v = url.searchParams.get(name);
    if (v === null || v === '' || v === 'false' || v === '0') return false;
    if (v === 'true' || v === '1') return true;
    throw new HttpError(400, `parameter "${name}" must be true or false, not "${v}"`);
  },
  oneOf<T extends string>(url: URL, name: string, allowed: readonly T[]): T | undefined {
    const v = url.searchParams.get(name);
    if (v === null || v === '') return undefined;
    if (!allowed.includes(v as T)) throw new HttpError(400, `parameter "${name}" must be one of ${allowed.join(', ')}, not "${v}"`);
    return v as T;
  },
};

export function paginate<T>(items: T[], url: URL): { items: T[]; total: number; limit: number; offset: number } {
  const limit = q.int(url, 'limit', 50, 1, 1000);
  const offset = q.int(url, 'offset', 0, 0, 10_000_000);
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
}

/** The request body, refusing more than `max` bytes. */
export async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new HttpError(413, `request body is larger than ${max} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
