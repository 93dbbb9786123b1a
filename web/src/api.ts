// The web app's only way to data: the JSON API. A token given in the page address (#…?token=)
// or stored earlier is sent with every request.
const TOKEN_KEY = 'triangulate-token';

function token(): string | null {
  const m = /[?&]token=([^&]+)/.exec(location.hash) ?? /[?&]token=([^&]+)/.exec(location.search);
  if (m) sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]!));
  return sessionStorage.getItem(TOKEN_KEY);
}

export class ApiError extends Error {}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  const t = token();
  if (t) headers.set('authorization', `Bearer ${t}`);
  const res = await fetch(path, { ...init, headers });
  const body = await res.json().catch(() => ({ error: `${res.status} ${res.statusText}` }));
  if (!res.ok) throw new ApiError((body as { error?: string }).error ?? `request failed (${res.status})`);
  return body as T;
}

export const api = {
  get: <T>(path: string) => call<T>(path),
  post: <T>(path: string, body: unknown) => call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  upload: <T>(path: string, file: File) => call<T>(`${path}?filename=${encodeURIComponent(file.name)}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file }),
};

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}
