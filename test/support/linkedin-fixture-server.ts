/**
 * A LinkedIn-like server on loopback for the LinkedIn connector's peer tests. LinkedIn publishes no spec and runs
 * nowhere here, so this serves the answers recorded from LinkedIn's Marketing API docs (test/fixtures/linkedin,
 * each with its `_source`), checks what the docs require of every request (bearer token, `LinkedIn-Version:
 * YYYYMM`, `X-Restli-Protocol-Version: 2.0.0`, Rest.li-encoded URNs, the Posts/Comments/Images body shapes,
 * escaped little text) and keeps state, so that publish → find → delete, comment polling and replies behave.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { createPlatformFetch } from '../../src/connectors/http/fetchers';
import type { HttpFetch } from '../../src/connectors/types';

const dir = join(import.meta.dirname, '../fixtures/linkedin');
/** A recorded fixture without its `_source` note. */
export function linkedinFixture(name: string): Record<string, any> {
  const { _source, ...rest } = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  return rest;
}

/** A post the fixture server keeps (share URN, its activity URN for comments). */
export interface StoredPost { id: string; activity: string; author: string; commentary: string; createdAt: number; content?: Record<string, any> }
/** A comment the fixture server keeps (`parent` for a nested one). */
export interface StoredComment { urn: string; id: string; actor: string; post: string; parent?: string; text: string; time: number }
type Body = string | object;

export interface LinkedInFixtureServer {
  url: string;
  org: string;
  code: string;
  accessToken: string;
  refreshToken: string;
  posts: StoredPost[];
  comments: StoredComment[];
  uploads: Map<string, Buffer>;
  requests: Array<{ method: string; path: string; headers: IncomingMessage['headers']; body: string }>;
  /** ctx.fetch for tests: api.linkedin.com and www.linkedin.com go to this server; anything else is refused. */
  fetch(opts?: { timeoutMs?: number }): HttpFetch;
  addComment(postUrn: string, c: { actor: string; text: string; parent?: string; time?: number }): string;
  expireAccessToken(): void;
  revokeAccessToken(): void;
  /** The next request (or the next one on `route`, e.g. `POST /rest/posts`) answers this instead. */
  failNext(status: number, body: Body, headers?: Record<string, string>, route?: string): void;
  /** The next request gets no answer at all. */
  hangNext(): void;
  close(): Promise<void>;
}

const RESERVED = new Set('|{}@[]()<>#*_~');
/** Why `s` is not valid little text (an unescaped reserved character outside a template), or null. */
function littleTextProblem(s: string): string | null {
  const plain = s.replace(/\{hashtag\|\\#\|(?:\\.|[^\\}])*\}/g, '').replace(/@\[(?:\\.|[^\\\]])*\]\(urn:[^)]*\)/g, '');
  for (let i = 0; i < plain.length; i++) {
    if (plain[i] === '\\') i++;
    else if (RESERVED.has(plain[i])) return `unescaped reserved character '${plain[i]}' at ${i}`;
  }
  return null;
}

/** Parses `List(a,b)` (Rest.li 2.0, items encoded) from a raw query string. */
function listParam(rawQuery: string, name: string): string[] {
  const part = rawQuery.split('&').find((p) => p.startsWith(`${name}=`));
  const m = part?.slice(name.length + 1).match(/^List\((.*)\)$/);
  return m ? m[1].split(',').filter(Boolean).map(decodeURIComponent) : [];
}

/** Starts the server on a free loopback port, seeded with the recorded post and its comments. */
export async function startLinkedInFixtureServer(): Promise<LinkedInFixtureServer> {
  const org = 'urn:li:organization:2414183';
  let seq = 7400000000000001000n;
  const next = () => String(seq++);
  let failures: Array<{ status: number; body: Body; headers?: Record<string, string>; route?: string }> = [];
  let hang = false;
  let revoked = false;
  const seedPost = linkedinFixture('posts-by-author.json').elements[0];
  const s = {
    org, code: 'li-code-1', accessToken: 'li-access-1', refreshToken: 'li-refresh-1',
    posts: [{ id: seedPost.id, activity: 'urn:li:activity:7400000000000000000', author: org, commentary: seedPost.commentary, createdAt: seedPost.createdAt, content: seedPost.content }] as StoredPost[],
    comments: [] as StoredComment[],
    uploads: new Map<string, Buffer>(),
    requests: [] as LinkedInFixtureServer['requests'],
    addComment(postUrn: string, c: { actor: string; text: string; parent?: string; time?: number }) {
      const post = s.posts.find((p) => p.id === postUrn)!;
      const id = next();
      const urn = `urn:li:comment:(${post.activity},${id})`;
      s.comments.push({ urn, id, actor: c.actor, post: postUrn, parent: c.parent, text: c.text, time: c.time ?? Date.now() });
      return urn;
    },
    expireAccessToken: () => void (s.accessToken = `expired-${s.accessToken}`),
    revokeAccessToken: () => void (revoked = true),
    failNext: (status: number, body: Body, headers?: Record<string, string>, route?: string) => void failures.push({ status, body, headers, route }),
    hangNext: () => void (hang = true),
  };
  for (const c of linkedinFixture('comments.json').elements) s.comments.push({ urn: c.commentUrn, id: c.id, actor: c.actor, post: seedPost.id, text: c.message.text, time: c.created.time });

  const send = (res: ServerResponse, status: number, body?: Body, headers: Record<string, string> = {}) => {
    if (body === undefined) return void res.writeHead(status, headers).end();
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(typeof body === 'string' ? linkedinFixture(body) : body));
  };
  const bad = (res: ServerResponse, message: string) => send(res, 400, { status: 400, serviceErrorCode: 100, code: 'INVALID_REQUEST', message });
  const commentJson = (c: StoredComment) => {
    const post = s.posts.find((p) => p.id === c.post)!;
    const replies = s.comments.filter((r) => r.parent === c.urn).length;
    return {
      actor: c.actor, commentUrn: c.urn, $URN: c.urn, id: c.id, object: post.activity, message: { attributes: [], text: c.text },
      created: { actor: c.actor, time: c.time }, lastModified: { actor: c.actor, time: c.time },
      ...(c.parent ? { parentComment: c.parent } : {}),
      commentsSummary: { aggregatedTotalComments: replies, totalFirstLevelComments: replies, selectedComments: [] },
    };
  };

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const u = new URL(req.url!, 'http://li');
    const rawQuery = req.url!.split('?')[1] ?? '';
    const route = `${req.method} ${u.pathname}`;
    if (hang) return void (hang = false);
    const failure = failures.find((f) => !f.route || f.route === route);
    if (failure) {
      failures = failures.filter((f) => f !== failure);
      return send(res, failure.status, failure.body, failure.headers);
    }
    if (route === 'POST /oauth/v2/accessToken') {
      const f = new URLSearchParams(raw);
      const client = f.get('client_id') === 'regie' && f.get('client_secret') === 'secret';
      const code = f.get('grant_type') === 'authorization_code' && f.get('code') === s.code && !!f.get('redirect_uri');
      const refresh = f.get('grant_type') === 'refresh_token' && f.get('refresh_token') === s.refreshToken;
      if (!client || !(code || refresh)) return send(res, 400, { error: 'invalid_request', error_description: 'A required parameter is missing or invalid' });
      if (refresh) [s.accessToken, s.refreshToken] = [`li-access-${next()}`, `li-refresh-${next()}`];
      return send(res, 200, { ...linkedinFixture('token.json'), access_token: s.accessToken, refresh_token: s.refreshToken });
    }
    if (req.headers.authorization !== `Bearer ${s.accessToken}` || revoked) return send(res, 401, revoked ? 'error-401-revoked.json' : 'error-401.json');
    if (req.method === 'PUT' && u.pathname.startsWith('/dms-uploads/')) {
      s.uploads.set(`urn:li:image:${u.pathname.split('/')[2]}`, Buffer.from(raw, 'latin1'));
      return send(res, 201);
    }
    if (!/^\d{6}$/.test(String(req.headers['linkedin-version']))) return send(res, 426, { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version is not active' });
    if (req.headers['x-restli-protocol-version'] !== '2.0.0') return bad(res, 'X-Restli-Protocol-Version 2.0.0 is required');
    if (/[:()]/.test(u.pathname)) return bad(res, `URNs in the path must be encoded: ${u.pathname}`);
    const segments = u.pathname.split('/').map(decodeURIComponent);
    const q = u.searchParams;

    if (route === 'GET /rest/organizationAcls' && q.get('q') === 'roleAssignee') return send(res, 200, 'organization-acls.json');
    if (route === 'GET /rest/organizations/2414183') return send(res, 200, 'organization.json');
    if (route === 'POST /rest/images' && q.get('action') === 'initializeUpload') {
      const b = JSON.parse(raw);
      if (b?.initializeUploadRequest?.owner !== org) return bad(res, '/initializeUploadRequest/owner must be the organization');
      const id = `C4E10AQ${next()}`;
      const value = { ...linkedinFixture('images-initialize-upload.json').value, image: `urn:li:image:${id}`, uploadUrl: `https://www.linkedin.com/dms-uploads/${id}/uploaded-image/0?ca=vector_ads&cn=uploads` };
      return send(res, 200, { value });
    }
    if (route === 'POST /rest/posts') {
      const b = JSON.parse(raw);
      const allowed = new Set(['author', 'commentary', 'visibility', 'distribution', 'lifecycleState', 'isReshareDisabledByAuthor', 'content']);
      const extra = Object.keys(b).find((k) => !allowed.has(k));
      if (extra) return bad(res, `/${extra} :: unrecognized field`);
      if (b.author !== org || typeof b.commentary !== 'string' || b.visibility !== 'PUBLIC' || b.lifecycleState !== 'PUBLISHED' || b.distribution?.feedDistribution !== 'MAIN_FEED') return bad(res, 'author, commentary, visibility, distribution and lifecycleState are required');
      const problem = littleTextProblem(b.commentary);
      if (problem) return bad(res, `/commentary :: ${problem}`);
      const images = b.content?.media ? [b.content.media] : b.content?.multiImage?.images ?? [];
      if (b.content?.multiImage && (images.length < 2 || images.length > 20)) return bad(res, '/content/multiImage/images :: 2 to 20 images');
      if (images.some((i: { id: string }) => !s.uploads.has(i.id))) return bad(res, '/content :: image not uploaded');
      if (b.content?.article && (!/^https?:\/\//.test(b.content.article.source) || typeof b.content.article.title !== 'string')) return bad(res, '/content/article :: source and title are required');
      const dup = s.posts.find((p) => p.commentary === b.commentary);
      if (dup) return send(res, 422, { ...linkedinFixture('error-422-duplicate.json'), message: `Content is a duplicate of ${dup.id}` });
      const id = `urn:li:share:${next()}`;
      s.posts.push({ id, activity: `urn:li:activity:${next()}`, author: org, commentary: b.commentary, createdAt: Date.now(), content: b.content });
      return send(res, 201, undefined, { 'x-restli-id': id });
    }
    if (route === 'GET /rest/posts') {
      if (q.get('q') !== 'author' || q.get('author') !== org) return bad(res, 'finder q=author with the organization is required');
      const count = Number(q.get('count') ?? 10);
      const elements = [...s.posts].sort((a, b) => b.createdAt - a.createdAt).slice(0, count).map((p) => ({
        ...seedPost, id: p.id, commentary: p.commentary, createdAt: p.createdAt, publishedAt: p.createdAt, lastModifiedAt: p.createdAt, content: p.content,
      }));
      return send(res, 200, { paging: { start: 0, count, links: [], total: s.posts.length }, elements });
    }
    if (req.method === 'DELETE' && segments[2] === 'posts' && segments[3]) {
      if (req.headers['x-restli-method']?.toString().toUpperCase() !== 'DELETE') return bad(res, 'X-RestLi-Method: DELETE is required');
      if (!s.posts.some((p) => p.id === segments[3])) return send(res, 404, { status: 404, message: `Post ${segments[3]} does not exist` });
      s.posts = s.posts.filter((p) => p.id !== segments[3]);
      s.comments = s.comments.filter((c) => c.post !== segments[3]);
      return send(res, 204);
    }
    if (segments[2] === 'socialActions' && segments[4] === 'comments') {
      const target = segments[3];
      const onPost = s.posts.some((p) => p.id === target);
      const onComment = s.comments.find((c) => c.urn === target);
      if (!onPost && !onComment) return send(res, 404, { status: 404, message: `No such entity ${target}` });
      if (req.method === 'GET') {
        const elements = s.comments.filter((c) => (onPost ? c.post === target && !c.parent : c.parent === target)).slice(Number(q.get('start') ?? 0), Number(q.get('start') ?? 0) + Number(q.get('count') ?? 10));
        return send(res, 200, { paging: { start: 0, count: elements.length, links: [] }, elements: elements.map(commentJson) });
      }
      const b = JSON.parse(raw);
      const post = onPost ? target : onComment!.post;
      if (b.actor !== org || b.object !== post || typeof b.message?.text !== 'string') return bad(res, 'actor (the organization), object (the post) and message.text are required');
      if (onComment && b.parentComment !== target) return bad(res, '/parentComment must be the comment in the path');
      if (onComment?.parent) return bad(res, 'comments nest one level only');
      const urn = s.addComment(post, { actor: org, text: b.message.text, parent: onComment ? target : undefined });
      const created = s.comments.find((c) => c.urn === urn)!;
      return send(res, 201, commentJson(created), { 'x-restli-id': created.id });
    }
    if (route === 'GET /rest/organizationalEntityShareStatistics') {
      if (q.get('q') !== 'organizationalEntity' || q.get('organizationalEntity') !== org) return bad(res, 'q=organizationalEntity with the organization is required');
      const template = linkedinFixture('share-statistics.json').elements[0];
      const elements = listParam(rawQuery, 'shares').filter((urn) => s.posts.some((p) => p.id === urn)).map((urn) => ({
        ...template, share: urn, totalShareStatistics: { ...template.totalShareStatistics, commentCount: s.comments.filter((c) => c.post === urn).length },
      }));
      return send(res, 200, { paging: { start: 0, count: 10, links: [] }, elements });
    }
    return send(res, 404, { status: 404, message: `no fixture for ${route}` });
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString(req.method === 'PUT' ? 'latin1' : 'utf8');
      s.requests.push({ method: req.method!, path: req.url!, headers: req.headers, body: raw });
      try {
        handle(req, res, raw);
      } catch (e) {
        bad(res, `fixture server: ${(e as Error).message}`);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return Object.assign(s, {
    url,
    fetch(opts: { timeoutMs?: number } = {}): HttpFetch {
      const inner = createPlatformFetch();
      return async (target, init = {}) => {
        const m = target.match(/^https:\/\/(api|www)\.linkedin\.com(\/.*)$/);
        if (!m) throw new Error(`test refuses a request outside LinkedIn: ${target}`);
        return inner(url + m[2], { ...init, ...opts });
      };
    },
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  });
}
