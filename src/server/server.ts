// One process serves the API and the web app. Loopback by default; any other address needs a
// token, which every request must then carry.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timingSafeEqual } from 'node:crypto';
import type { Store } from '../store/store.js';
import { buildApi, type ApiOptions } from './api.js';
import { HttpError, sendJson } from './http.js';
import type { JobQueue } from './jobs.js';

export const WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.woff2': 'font/woff2',
};

export interface ServeOptions extends ApiOptions {
  host?: string;
  port?: number;
  token?: string;
  webDir?: string;
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\./.test(host);
}

function tokenOk(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startServer(store: Store, opts: ServeOptions = {}): Promise<{ server: Server; url: string; jobs: JobQueue; close: () => Promise<void> }> {
  const host = opts.host ?? '127.0.0.1';
  if (!isLoopback(host) && !opts.token) throw new Error(`binding to ${host} exposes the store beyond this machine: give --token <secret> (or TRIANGULATE_TOKEN)`);
  const { router, jobs, warm } = buildApi(store, opts);
  // The first view should not wait for the overview to be computed.
  void warm().catch(() => undefined);
  const webDir = opts.webDir ?? WEB_DIR;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (opts.token) {
        const auth = req.headers.authorization;
        const given = auth?.startsWith('Bearer ') ? auth.slice(7) : url.searchParams.get('token');
        if (!tokenOk(given, opts.token)) throw new HttpError(401, 'missing or wrong token: send "Authorization: Bearer <token>"');
      }
      if (url.pathname.startsWith('/api/')) {
        const m = router.match(req.method ?? 'GET', url.pathname);
        if (m === 'method') throw new HttpError(405, `${req.method} is not allowed on ${url.pathname}`);
        if (!m) throw new HttpError(404, `no API endpoint ${url.pathname} (see /api/openapi.json)`);
        const body = await m.handler({ req, res, url, params: m.params });
        if (!res.headersSent) sendJson(res, 200, body);
        return;
      }
      serveStatic(webDir, url.pathname, res);
    } catch (e) {
      const status = e instanceof HttpError ? e.status : 500;
      if (status === 500) process.stderr.write(`error on ${req.method} ${req.url}: ${(e as Error).stack}\n`);
      if (!res.headersSent) sendJson(res, status, { error: (e as Error).message, status });
      else res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8080, host, () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  return {
    server,
    url,
    jobs,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function serveStatic(root: string, pathname: string, res: import('node:http').ServerResponse): void {
  if (!existsSync(join(root, 'index.html'))) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Triangulate</title><p>The web app is not built: run <code>npm run build:web</code>. The API is at <a href="/api/openapi.json">/api/openapi.json</a>.</p>');
    return;
  }
  const rel = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  let file = join(root, rel);
  if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) file = join(root, 'index.html'); // client-side routes
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': file.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(res);
}
