/**
 * A loopback stand-in for the parts of Meta's Graph API (v23.0) that the Facebook Page and Instagram connectors
 * use, answering with the shapes recorded in test/fixtures/meta/ (from Meta's reference docs). It keeps state (posts,
 * photos, comments, containers, media) and CHECKS the request shape — path, method, pinned version, required
 * parameters, access token, appsecret_proof, multipart photo bytes, public https image URLs, PKCE — answering 400
 * with a Graph-style error otherwise, so a connector that sends the wrong thing fails here as it would at Meta.
 */
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConnectorError } from '../../src/connectors/errors';
import { createPlatformFetch } from '../../src/connectors/http/fetchers';
import type { HttpFetch } from '../../src/connectors/types';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/meta/${name}.json`, import.meta.url), 'utf8'));
const FX = { posts: fixture('pages-api-posts'), insights: fixture('pages-insights'), send: fixture('messenger-send-api'), ig: fixture('instagram-content-publishing'), igInsights: fixture('instagram-insights'), login: fixture('facebook-login') };

export interface GraphFixtureOptions { pageId: string; pageToken: string; igUserId: string; userToken: string; appId: string; appSecret: string }
type Params = Record<string, string>;
type Req = { method: string; path: string[]; params: Params; json: Record<string, any> | null; form: FormData | null; token: string };
type Answer = { status?: number; body: unknown };
type Comment = { id: string; parent: string; message: string; from: string; created_time: string };

export interface GraphFixtureServer {
  url: string;
  /** A platform fetch that sends https://graph.facebook.com/... here and refuses every other address. */
  fetch: HttpFetch;
  state: { posts: Map<string, { id: string; message?: string; link?: string; created_time: string; photos: string[] }>; photos: Map<string, { published: boolean; bytes: number; alt?: string }>; comments: Map<string, Comment>; containers: Map<string, { status: string; caption?: string; item: boolean; children: string[]; imageUrl?: string }>; media: Map<string, { id: string; caption?: string; timestamp: string; permalink: string }>; messages: Array<Record<string, unknown>>; inProgressPolls: number };
  requests: Array<{ method: string; path: string; params: Params }>;
  /** Registers the PKCE challenge the next code exchange must prove. */
  expectCode(code: string, codeChallenge: string, redirectUri: string): void;
  stop(): Promise<void>;
}

const graphError = (message: string, code = 100, sub?: number, status = 400): Answer => ({ status, body: { error: { message, type: code === 190 ? 'OAuthException' : 'GraphMethodException', code, ...(sub ? { error_subcode: sub } : {}), fbtrace_id: 'AFixtureTrace' } } });
const graphTime = () => new Date().toISOString().replace(/\.\d{3}Z$/, '+0000');
const fieldsOf = (p: Params) => (p.fields ?? '').split(/,(?![^{(]*[})])/).map((f) => f.split(/[{.(]/)[0]).filter(Boolean);
const pick = (o: Record<string, unknown>, p: Params) => Object.fromEntries(Object.entries(o).filter(([k]) => k === 'id' || fieldsOf(p).includes(k)));

async function readRequest(req: IncomingMessage, base: string): Promise<Omit<Req, 'path'> & { pathname: string }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const url = new URL(req.url ?? '/', base);
  const params: Params = Object.fromEntries(url.searchParams);
  const ct = req.headers['content-type'] ?? '';
  let json: Record<string, any> | null = null;
  let form: FormData | null = null;
  if (ct.startsWith('application/json')) json = JSON.parse(raw.toString('utf8') || '{}');
  else if (ct.startsWith('application/x-www-form-urlencoded')) Object.assign(params, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
  else if (ct.startsWith('multipart/form-data')) {
    form = await new Request(base, { method: 'POST', headers: { 'content-type': ct }, body: raw }).formData();
    for (const [k, v] of form.entries()) if (typeof v === 'string') params[k] = v;
  }
  const auth = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  return { method: req.method ?? 'GET', pathname: url.pathname, params, json, form, token: auth ?? params.access_token ?? '' };
}

/** Starts the fixture server on a free loopback port. */
export async function startGraphFixtureServer(o: GraphFixtureOptions): Promise<GraphFixtureServer> {
  const state: GraphFixtureServer['state'] = { posts: new Map(), photos: new Map(), comments: new Map(), containers: new Map(), media: new Map(), messages: [], inProgressPolls: 0 };
  const requests: GraphFixtureServer['requests'] = [];
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  let seq = 1116700000000000;
  const next = () => String(++seq);
  const shortToken = FX.login.shortLived.body.access_token as string;

  const need = (r: Req, ...names: string[]): Answer | undefined => {
    for (const n of names) if (!r.params[n]) return graphError(`(#100) The parameter ${n} is required`);
    return undefined;
  };
  const wantToken = (r: Req, kind: 'page' | 'user'): Answer | undefined => {
    const ok = kind === 'page' ? r.token === o.pageToken : r.token === o.userToken || r.token === FX.login.longLived.body.access_token;
    if (!r.token) return graphError('An active access token must be used to query information about the current user.', 2500);
    if (!ok) return graphError('Invalid OAuth access token - Cannot parse access token', 190);
    if (r.params.appsecret_proof && r.params.appsecret_proof !== createHmac('sha256', o.appSecret).update(r.token).digest('hex')) return graphError('Invalid appsecret_proof provided in the API argument', 100);
    return undefined;
  };
  const missing = (id: string) => graphError(`Unsupported request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 100, 33);

  function comments(r: Req, parent: string, ig: boolean): Answer {
    const own = ig ? o.igUserId : o.pageId;
    if (r.method === 'POST') {
      const bad = need(r, 'message');
      if (bad) return bad;
      const c = { id: ig ? next() : `${parent.split('_').pop()}_${next()}`, parent, message: r.params.message, from: own, created_time: graphTime() };
      state.comments.set(c.id, c);
      return { body: { id: c.id } };
    }
    const list = [...state.comments.values()].filter((c) => c.parent === parent).reverse();
    return { body: { data: list.map((c) => (ig ? { id: c.id, text: c.message, from: { id: c.from }, timestamp: c.created_time } : { id: c.id, message: c.message, from: { id: c.from }, created_time: c.created_time })) } };
  }

  function insights(r: Req, known: Record<string, number>, retired: Answer): Answer {
    const m = r.params.metric;
    if (!m) return graphError('(#100) The parameter metric is required');
    if (m.includes(',')) return graphError('(#100) This fixture expects one metric per request', 100);
    if (m === 'post_impressions' || m === 'impressions') return retired;
    if (!(m in known)) return graphError('(#100) The value must be a valid insights metric', 100);
    return { body: { data: [{ name: m, period: 'lifetime', values: [{ value: known[m] }], title: m, id: `${r.path[0]}/insights/${m}/lifetime` }] } };
  }

  async function route(r: Req): Promise<Answer> {
    const [a, b] = r.path;
    const M = r.method;
    if (a === 'oauth' && b === 'access_token' && M === 'POST') {
      if (r.params.client_id !== o.appId || r.params.client_secret !== o.appSecret) return graphError('Error validating client secret.', 1, 463);
      if (r.params.grant_type === 'fb_exchange_token') return r.params.fb_exchange_token === shortToken ? { body: FX.login.longLived.body } : graphError('Invalid OAuth access token.', 190);
      const bad = need(r, 'redirect_uri', 'code', 'code_verifier');
      if (bad) return bad;
      const want = codes.get(r.params.code);
      const challenge = createHash('sha256').update(r.params.code_verifier).digest('base64url');
      if (!want || want.redirectUri !== r.params.redirect_uri || want.challenge !== challenge) return graphError('This authorization code has been used or the PKCE verifier does not match.', 100, 36009);
      codes.delete(r.params.code);
      return { body: FX.login.shortLived.body };
    }
    if (a === 'me') {
      const bad = wantToken(r, 'user');
      if (bad) return bad;
      if (!b && M === 'GET') return { body: FX.login.me.body };
      if (b === 'accounts' && M === 'GET') return { body: (r.params.fields ?? '').includes('instagram_business_account') ? FX.login.accountsInstagram.body : FX.login.accountsPages.body };
      if (b === 'businesses' && M === 'GET') return { body: FX.login.businesses.body };
      return missing(`me/${b}`);
    }
    const bad = wantToken(r, 'page');
    if (bad) return bad;
    if (a === o.pageId) {
      if (!b && M === 'GET') return { body: pick({ ...FX.posts.page.body, id: o.pageId }, r.params) };
      if (b === 'published_posts' && M === 'GET') {
        const rows = [...state.posts.values()].reverse().map((p) => ({ id: p.id, message: p.message, created_time: p.created_time, permalink_url: `https://www.facebook.com/${o.pageId}/posts/${p.id.split('_')[1]}` }));
        return { body: { data: rows.slice(0, Number(r.params.limit ?? 25)).map((p) => pick(p, r.params)), paging: FX.posts.publishedPosts.body.paging } };
      }
      if (b === 'feed' && M === 'POST') {
        const attached = Object.keys(r.params).filter((k) => /^attached_media\[\d+\]$/.test(k)).map((k) => JSON.parse(r.params[k]).media_fbid as string);
        if (!r.params.message && !r.params.link && attached.length === 0) return graphError('(#100) Missing message or attachment');
        if (attached.some((id) => state.photos.get(id)?.published !== false)) return graphError('(#100) attached_media must be unpublished photos of this Page');
        const id = `${o.pageId}_${next()}`;
        state.posts.set(id, { id, message: r.params.message, link: r.params.link, created_time: graphTime(), photos: attached });
        return { body: { id } };
      }
      if (b === 'photos' && M === 'POST') {
        const file = r.form?.get('source');
        if (!(file instanceof Blob) || file.size === 0 || !file.type.startsWith('image/')) return graphError('(#324) Requires upload file', 324);
        const photoId = next();
        const published = r.params.published !== 'false';
        state.photos.set(photoId, { published, bytes: file.size, alt: r.params.alt_text_custom });
        if (!published) return { body: { id: photoId } };
        const postId = `${o.pageId}_${next()}`;
        state.posts.set(postId, { id: postId, message: r.params.caption, created_time: graphTime(), photos: [photoId] });
        return { body: { id: photoId, post_id: postId } };
      }
      if (b === 'messages' && M === 'POST') {
        const j = r.json;
        if (!j?.recipient?.id || typeof j?.message?.text !== 'string' || !j.messaging_type) return graphError('(#100) recipient, message.text and messaging_type are required');
        state.messages.push(j);
        return { body: { ...FX.send.sent.body, recipient_id: j.recipient.id, message_id: `m_${next()}` } };
      }
      if (b === 'subscribed_apps' && M === 'POST') return need(r, 'subscribed_fields') ?? { body: FX.posts.subscribed.body };
      return missing(`${a}/${b}`);
    }
    if (a === o.igUserId) {
      if (!b && M === 'GET') return { body: pick({ ...FX.ig.user.body, id: o.igUserId }, r.params) };
      if (b === 'media' && M === 'GET') return { body: { data: [...state.media.values()].reverse().map((m) => pick(m, r.params)) } };
      if (b === 'media' && M === 'POST') {
        const carousel = r.params.media_type === 'CAROUSEL';
        if (carousel) {
          const kids = (r.params.children ?? '').split(',').filter(Boolean);
          if (kids.length < 2 || kids.length > 10 || kids.some((k) => !state.containers.get(k)?.item)) return graphError('(#100) children must be 2 to 10 carousel item containers');
        } else {
          const bad2 = need(r, 'image_url');
          if (bad2) return bad2;
          if (!r.params.image_url.startsWith('https://')) return graphError('(#9004) Only photo or video can be accepted as media type.', 9004, 2207052);
        }
        const id = next();
        state.containers.set(id, { status: 'FINISHED', caption: r.params.caption, item: r.params.is_carousel_item === 'true', children: carousel ? r.params.children.split(',') : [], imageUrl: r.params.image_url });
        return { body: { id } };
      }
      if (b === 'media_publish' && M === 'POST') {
        const c = state.containers.get(r.params.creation_id ?? '');
        if (!c || c.item) return graphError('(#100) creation_id is not a publishable container');
        if (c.status !== 'FINISHED') return graphError('Media ID is not available', 9007, 2207027);
        c.status = 'PUBLISHED';
        const id = next();
        state.media.set(id, { id, caption: c.caption, timestamp: graphTime(), permalink: `https://www.instagram.com/p/F${id}/` });
        return { body: { id } };
      }
      return missing(`${a}/${b}`);
    }
    if (state.posts.has(a)) {
      if (!b && M === 'DELETE') return state.posts.delete(a) ? { body: FX.posts.deleted.body } : missing(a);
      if (!b && M === 'GET') return { body: { ...pick(FX.insights.engagement.body, r.params), id: a } };
      if (b === 'comments') return comments(r, a, false);
      if (b === 'insights' && M === 'GET') return insights(r, FX.insights.supportedMetrics, FX.insights.retiredMetric);
    }
    if (state.comments.has(a)) {
      const ig = !a.includes('_');
      if (b === (ig ? 'replies' : 'comments')) return comments(r, a, ig);
    }
    const container = state.containers.get(a);
    if (container && !b && M === 'GET') {
      if (container.status === 'FINISHED' && state.inProgressPolls > 0) {
        state.inProgressPolls -= 1;
        return { body: { status_code: 'IN_PROGRESS', status: 'In Progress', id: a } };
      }
      return { body: pick({ ...FX.ig.containerStatus.body, status_code: container.status, id: a }, r.params) };
    }
    const media = state.media.get(a);
    if (media) {
      if (!b && M === 'GET') return { body: pick({ ...FX.igInsights.media.body, permalink: media.permalink, id: a }, r.params) };
      if (b === 'comments') return comments(r, a, true);
      if (b === 'insights' && M === 'GET') return insights(r, FX.igInsights.supportedMetrics, FX.igInsights.retiredMetric);
    }
    return missing(r.path.join('/'));
  }

  const server = createServer((req, res) => {
    const base = `http://${req.headers.host}`;
    readRequest(req, base)
      .then(async (r) => {
        const m = /^\/(v\d+\.\d+)\/(.*)$/.exec(r.pathname);
        requests.push({ method: r.method, path: r.pathname, params: r.params });
        const answer = !m || m[1] !== 'v23.0' ? graphError(`Unknown path components: ${r.pathname}`, 2500) : await route({ ...r, path: m[2].split('/').map(decodeURIComponent) });
        res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      })
      .catch((e) => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: String(e), code: 1 } })));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const platform = createPlatformFetch();
  return {
    url,
    state,
    requests,
    fetch: async (target, init) => {
      const u = new URL(target);
      if (u.origin !== 'https://graph.facebook.com') throw new ConnectorError('rejected', `test fetch refuses ${u.origin}: tests talk to loopback only`);
      return platform(`${url}${u.pathname}${u.search}`, init);
    },
    expectCode: (code, challenge, redirectUri) => void codes.set(code, { challenge, redirectUri }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
