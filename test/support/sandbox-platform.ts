import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in social platform for the sandbox connector (`serverUrl` in its credentials) that, like X or Meta, does
 * NOT refuse a duplicate: every POST /posts makes a new post. So a test can count what really went out per
 * idempotency key. `dropRate` makes that share of publishes succeed but lose the answer (the connection is cut
 * after the post is stored), the hardest failure for exactly-once.
 */
export interface SandboxPlatform {
  url: string;
  /** Posts per idempotency key. */
  countByKey(): Map<string, number>;
  posts: Array<{ id: string; account: string; key: string; parts: string[] }>;
  dropped: number;
  close(): Promise<void>;
}

async function raw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
const body = async (req: IncomingMessage) => (await raw(req)).toString('utf8');

export async function startSandboxPlatform(opts: { dropRate?: number; random?: () => number } = {}): Promise<SandboxPlatform> {
  const random = opts.random ?? Math.random;
  const posts: SandboxPlatform['posts'] = [];
  let dropped = 0;
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method === 'POST' && url.pathname === '/posts') {
      const b = JSON.parse(await body(req)) as { account: string; key: string; parts: string[] };
      const id = `sp-${posts.length + 1}`;
      posts.push({ id, ...b });
      if (random() < (opts.dropRate ?? 0)) {
        dropped++;
        req.socket.destroy();
        return;
      }
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/posts') {
      const items = posts.filter((p) => p.account === url.searchParams.get('account') && p.key === url.searchParams.get('key'));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    posts,
    get dropped() {
      return dropped;
    },
    countByKey() {
      const m = new Map<string, number>();
      for (const p of posts) m.set(p.key, (m.get(p.key) ?? 0) + 1);
      return m;
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}

/**
 * A loopback HTTP proxy in front of `target` that, for requests `shouldDrop` picks, forwards the request, lets the
 * target act on it, and then cuts the connection instead of answering (a lost answer after success).
 */
export async function startFaultProxy(target: string, shouldDrop: (method: string, path: string) => boolean): Promise<{ url: string; dropped: number; close(): Promise<void> }> {
  const t = new URL(target);
  const state = { dropped: 0 };
  const server = createServer(async (req, res) => {
    const payload = await raw(req);
    const drop = shouldDrop(req.method ?? 'GET', req.url ?? '/');
    const upstream = httpRequest({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: { ...req.headers, host: t.host } }, async (up) => {
      const data = await raw(up);
      if (drop && (up.statusCode ?? 500) < 300) {
        state.dropped++;
        req.socket.destroy();
        return;
      }
      const headers = { ...up.headers, 'content-length': String(data.length) };
      delete headers['transfer-encoding'];
      delete headers.connection;
      res.writeHead(up.statusCode ?? 502, headers).end(data);
    });
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end(payload);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get dropped() {
      return state.dropped;
    },
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
  };
}
