/**
 * The one door to the API. Sends JSON, adds x-csrf-token on state-changing requests, and turns
 * `{error:{code,message,details}}` answers into a typed ApiError. Global reactions (401 → login,
 * workspace access gone) are announced to listeners that the app registers.
 */

export interface ErrorDetail {
  path?: string;
  message?: string;
  [key: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, code: string, message: string, details?: unknown, retryAfter?: number | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfter ?? null;
  }

  /** Validation details as [{path, message}] (empty when there are none). */
  get fieldErrors(): { path: string; message: string }[] {
    if (!Array.isArray(this.details)) return [];
    return this.details
      .filter((d): d is ErrorDetail => typeof d === 'object' && d !== null)
      .map((d) => ({ path: String(d.path ?? ''), message: String(d.message ?? '') }));
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

let csrfToken: string | null = null;
let csrfRefresher: (() => Promise<string | null>) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** How to get a fresh CSRF token (re-reads the session) when the server answers ERR_CSRF. */
export function setCsrfRefresher(fn: (() => Promise<string | null>) | null): void {
  csrfRefresher = fn;
}

type UnauthenticatedListener = (err: ApiError) => void;
type WorkspaceDeniedListener = (workspaceId: string, err: ApiError) => void;

const unauthenticatedListeners = new Set<UnauthenticatedListener>();
const workspaceDeniedListeners = new Set<WorkspaceDeniedListener>();

export function onUnauthenticated(l: UnauthenticatedListener): () => void {
  unauthenticatedListeners.add(l);
  return () => unauthenticatedListeners.delete(l);
}

export function onWorkspaceDenied(l: WorkspaceDeniedListener): () => void {
  workspaceDeniedListeners.add(l);
  return () => workspaceDeniedListeners.delete(l);
}

export interface RequestOptions {
  /** Do not announce a 401 (used for the session probe and anonymous pages). */
  quiet401?: boolean;
  /** Do not announce 403/404 on workspace paths (used by the access check itself). */
  quietWorkspace?: boolean;
  signal?: AbortSignal;
  /** Internal: this is the one retry after refreshing the CSRF token. */
  retried?: boolean;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const WORKSPACE_PATH = /^\/api\/workspaces\/([^/?#]+)/;

function retryAfterFrom(res: Response, details: unknown): number | null {
  if (details && typeof details === 'object' && 'retryAfterSeconds' in details) {
    const n = Number((details as { retryAfterSeconds: unknown }).retryAfterSeconds);
    if (Number.isFinite(n)) return Math.max(0, Math.ceil(n));
  }
  const header = res.headers.get('retry-after');
  if (header) {
    const n = Number(header);
    if (Number.isFinite(n)) return Math.max(0, Math.ceil(n));
    const at = Date.parse(header);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - Date.now()) / 1000));
  }
  return null;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (STATE_CHANGING.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'ERR_NETWORK', 'The server could not be reached.');
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (res.ok) return data as T;

  const errBody = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
  if (res.status === 403 && errBody?.code === 'ERR_CSRF' && !opts.retried && csrfRefresher) {
    const fresh = await csrfRefresher().catch(() => null);
    if (fresh) return request<T>(method, path, body, { ...opts, retried: true });
  }

  const err = new ApiError(
    res.status,
    errBody?.code ?? `HTTP_${res.status}`,
    errBody?.message ?? res.statusText ?? 'Request failed',
    errBody?.details,
    res.status === 429 ? retryAfterFrom(res, errBody?.details) : null,
  );

  if (res.status === 401 && err.code === 'ERR_UNAUTHENTICATED' && !opts.quiet401) {
    for (const l of unauthenticatedListeners) l(err);
  }
  const ws = WORKSPACE_PATH.exec(path);
  if (ws && (res.status === 404 || res.status === 403) && !opts.quietWorkspace) {
    const id = decodeURIComponent(ws[1]);
    for (const l of workspaceDeniedListeners) l(id, err);
  }
  throw err;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body: unknown = {}, opts?: RequestOptions) => request<T>('POST', path, body, opts),
  patch: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PATCH', path, body, opts),
  put: <T>(path: string, body: unknown, opts?: RequestOptions) => request<T>('PUT', path, body, opts),
  del: <T = void>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
};

/** Builds "?a=1&b=2" from the defined, non-empty values. */
export function query(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const enc = encodeURIComponent;
