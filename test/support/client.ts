import type { FastifyInstance } from 'fastify';

export interface Res<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * A signed-in (or anonymous) API client over inject(): keeps the session cookie, sends the CSRF token on
 * state-changing requests, or a bearer token instead.
 */
export class Client {
  cookie: string | null = null;
  csrf: string | null = null;
  bearer: string | null = null;
  ip = '127.0.0.1';

  constructor(readonly http: FastifyInstance) {}

  async req<T = any>(method: string, url: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<Res<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (this.bearer) headers.authorization = `Bearer ${this.bearer}`;
    else if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && this.csrf && !this.bearer && !('x-csrf-token' in headers)) headers['x-csrf-token'] = this.csrf;
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    const r = await this.http.inject({
      method: method as any,
      url,
      headers,
      remoteAddress: this.ip,
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    const set = r.headers['set-cookie'];
    const first = Array.isArray(set) ? set[0] : set;
    if (first?.startsWith('regie_session=')) {
      const value = first.split(';')[0];
      this.cookie = value === 'regie_session=' ? null : value;
      if (this.cookie) await this.refreshCsrf();
      else this.csrf = null;
    }
    let parsed: any = null;
    try {
      parsed = r.body ? JSON.parse(r.body) : null;
    } catch {
      parsed = null;
    }
    return { status: r.statusCode, body: parsed, headers: r.headers as any, text: r.body };
  }

  async refreshCsrf(): Promise<void> {
    const r = await this.http.inject({ method: 'GET', url: '/api/session', headers: { cookie: this.cookie! } });
    this.csrf = r.statusCode === 200 ? JSON.parse(r.body).csrf : null;
  }

  get = <T = any>(url: string) => this.req<T>('GET', url);
  post = <T = any>(url: string, body: unknown = {}) => this.req<T>('POST', url, body);
  patch = <T = any>(url: string, body: unknown) => this.req<T>('PATCH', url, body);
  put = <T = any>(url: string, body: unknown) => this.req<T>('PUT', url, body);
  del = <T = any>(url: string) => this.req<T>('DELETE', url);
}

export const PASSWORD = 'correct horse battery staple';

/** Runs first-run set-up and returns the owner's client and the workspace id. */
export async function setupOwner(http: FastifyInstance, email = 'owner@gemeente.nl') {
  const c = new Client(http);
  const r = await c.post('/api/setup', {
    name: 'Olga Owner',
    email,
    password: PASSWORD,
    organizationName: 'Gemeente Testdorp',
    workspaceName: 'Communicatie',
  });
  if (r.status !== 201) throw new Error(`setup failed: ${r.status} ${r.text}`);
  return { owner: c, ws: r.body.workspaceId as string, ownerId: r.body.user.id as string };
}

/** Invites `email` with `role` (as `by`) and accepts it as a new account; returns the new person's client. */
export async function inviteAndJoin(http: FastifyInstance, by: Client, path: string, email: string, role: string, name = 'New Person') {
  const inv = await by.post(path, { email, role });
  if (inv.status !== 201) throw new Error(`invite failed: ${inv.status} ${inv.text}`);
  const token = decodeURIComponent(String(inv.body.acceptUrl).split('/invite/')[1]);
  const c = new Client(http);
  const acc = await c.post(`/api/invitations/${encodeURIComponent(token)}/accept`, { name, password: PASSWORD });
  if (acc.status !== 200) throw new Error(`accept failed: ${acc.status} ${acc.text}`);
  const me = await c.get('/api/session');
  return { client: c, userId: me.body.user.id as string };
}
