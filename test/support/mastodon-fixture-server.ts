/**
 * A small Mastodon stand-in on loopback for connector tests, since no Mastodon runs here. It answers with the
 * fixtures recorded from docs.joinmastodon.org (test/fixtures/mastodon/) and keeps the state Mastodon keeps, so the
 * behaviour the connector relies on can be tested: bearer tokens, apps and the PKCE code flow, media processing
 * (202 → 206 → 200), statuses with `Idempotency-Key` (same key, same account → the same status), threads, context,
 * deletes, and notifications paged by `min_id` / `since_id` / `max_id` and filtered by `types[]`.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

type Json = any;
interface Answer { status: number; headers?: Record<string, string>; body?: Json }
interface Fixture extends Answer { _source: string }

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/mastodon');

/** Every recorded fixture by name (`status`, `notifications`, `error-429`...), deep-copied on each read. */
export function mastodonFixture(name: string): Fixture {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Fixture;
}

/** Names of all recorded fixtures. */
export function mastodonFixtureNames(): string[] {
  return readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
}

export interface RecordedRequest { method: string; path: string; query: URLSearchParams; headers: IncomingMessage['headers']; body: Json }

export interface MastodonFixtureServer {
  url: string;
  /** The access token the server accepts (from token.json). */
  token: string;
  /** The connected account (from verify-credentials.json). */
  me: Json;
  statuses: Map<string, Json>;
  requests: RecordedRequest[];
  /** The next request matching `match` (default: any) gets this answer instead (a fixture name or an answer). */
  failNext(answer: string | Answer, match?: (r: RecordedRequest) => boolean): void;
  /** Adds a mention notification for a new status by `account` (a fixture account), newest of all; returns it. */
  addMention(account: Json, status: Partial<Json>): Json;
  revokeToken(): void;
  stop(): Promise<void>;
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const graphemes = (s: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].length;
const cmp = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

async function readBody(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  if (!raw.length) return {};
  if (type.startsWith('application/json')) return JSON.parse(raw.toString('utf8'));
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const out: Json = {};
    for (const [k, v] of new URLSearchParams(raw.toString('utf8'))) {
      if (k.endsWith('[]')) (out[k.slice(0, -2)] ??= []).push(v);
      else out[k] = v;
    }
    return out;
  }
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    return Object.fromEntries(form.entries());
  }
  return { _raw: raw };
}

/** Starts the stand-in on a free loopback port, seeded with the recorded account, status and notifications. */
export async function startMastodonFixtureServer(): Promise<MastodonFixtureServer> {
  const me = mastodonFixture('verify-credentials').body;
  const tokens = new Set<string>([mastodonFixture('token').body.access_token]);
  const statuses = new Map<string, Json>();
  const notifications: Json[] = mastodonFixture('notifications').body;
  const root = mastodonFixture('status').body;
  statuses.set(root.id, root);
  for (const n of notifications) if (n.status) statuses.set(n.status.id, n.status);
  const apps = new Map<string, Json>();
  const codes = new Map<string, { clientId: string; redirectUri: string; challenge: string }>();
  const media = new Map<string, { attachment: Json; pendingChecks: number }>();
  const idempotency = new Map<string, string>();
  const requests: RecordedRequest[] = [];
  const failures: Array<{ answer: Answer; match: (r: RecordedRequest) => boolean }> = [];
  let seq = 112000000000000000n;
  const nextId = () => String(++seq);
  let notificationSeq = 6000;

  const err = (status: number, error: string, extra: Json = {}): Answer => ({ status, body: { error, ...extra } });

  function newStatus(body: Json): Answer {
    const text: string = body.status ?? '';
    const mediaIds: string[] = body.media_ids ?? [];
    if (!text.trim() && !mediaIds.length) return err(422, "Validation failed: Text can't be blank");
    if (body.poll && mediaIds.length) return err(422, 'Validation failed: Cannot attach a poll to a post with media');
    const countable = text.replace(/https?:\/\/\S+/g, 'x'.repeat(23)).replace(/@(\w+)@[\w.-]+\w/g, '@$1');
    if (graphemes(countable) > 500) return mastodonFixture('error-422');
    const attachments = [];
    for (const id of mediaIds) {
      const m = media.get(String(id));
      if (!m) return err(422, 'Validation failed: Media attachments is invalid');
      if (m.pendingChecks > 0 || m.attachment.url === null) return err(422, 'Cannot attach files that have not finished processing. Try again in a moment!');
      attachments.push(m.attachment);
    }
    const parent = body.in_reply_to_id ? statuses.get(String(body.in_reply_to_id)) : null;
    if (body.in_reply_to_id && !parent) return err(404, 'Record not found');
    if (parent) parent.replies_count += 1;
    const id = nextId();
    const known = [me, ...notifications.map((n) => n.account)];
    const mentions = known.filter((a, i) => known.findIndex((b) => b.id === a.id) === i && new RegExp(`@${a.acct}(?![\\w@])`, 'i').test(text));
    const paragraphs = text.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br />')}</p>`).join('');
    const poll = body.poll && {
      id: nextId(), expires_at: new Date(Date.now() + Number(body.poll.expires_in) * 1000).toISOString(), expired: false, multiple: !!body.poll.multiple,
      votes_count: 0, voters_count: 0, options: body.poll.options.map((title: string) => ({ title, votes_count: 0 })), emojis: [], voted: false, own_votes: [],
    };
    const status = {
      ...structuredClone(root), id, created_at: new Date().toISOString(), content: paragraphs, visibility: body.visibility ?? 'public', language: body.language ?? null,
      uri: `${me.uri}/statuses/${id}`, url: `${me.url}/${id}`, in_reply_to_id: parent?.id ?? null, in_reply_to_account_id: parent?.account.id ?? null,
      replies_count: 0, reblogs_count: 0, favourites_count: 0, media_attachments: attachments, mentions: mentions.map(({ id: mid, username, url, acct }) => ({ id: mid, username, url, acct })),
      poll: poll || null, spoiler_text: body.spoiler_text ?? '', sensitive: !!body.sensitive,
    };
    statuses.set(id, status);
    return { status: 200, body: status };
  }

  function notificationPage(q: URLSearchParams): Answer {
    const types = [...q.getAll('types[]'), ...q.getAll('types')];
    const excluded = [...q.getAll('exclude_types[]'), ...q.getAll('exclude_types')];
    const limit = Math.min(Number(q.get('limit') ?? 40), 80);
    let list = notifications.filter((n) => (!types.length || types.includes(n.type)) && !excluded.includes(n.type));
    list = [...list].sort((a, b) => cmp(b.id, a.id));
    const max = q.get('max_id'), since = q.get('since_id'), min = q.get('min_id');
    if (max) list = list.filter((n) => cmp(n.id, max) < 0);
    if (since) list = list.filter((n) => cmp(n.id, since) > 0);
    if (min) list = list.filter((n) => cmp(n.id, min) > 0).slice(-limit);
    return { status: 200, body: list.slice(0, limit) };
  }

  function route(r: RecordedRequest): Answer {
    const { method, path, query: q, body } = r;
    if (method === 'GET' && path === '/api/v2/instance') return mastodonFixture('instance-v2');
    if (method === 'POST' && path === '/api/v1/apps') {
      const uris = Array.isArray(body.redirect_uris) ? body.redirect_uris : String(body.redirect_uris ?? '').split(/\s+/).filter(Boolean);
      if (!body.client_name || !uris.length) return err(422, "Validation failed: Application name can't be blank, Redirect URI can't be blank");
      const app = { ...mastodonFixture('app').body, name: body.client_name, website: body.website ?? null, redirect_uri: uris.join('\n'), redirect_uris: uris, scopes: String(body.scopes ?? 'read').split(' ') };
      app.client_id = `${app.client_id}-${apps.size}`;
      apps.set(app.client_id, app);
      return { status: 200, body: app };
    }
    if (method === 'GET' && path === '/oauth/authorize') {
      const app = apps.get(q.get('client_id') ?? '');
      const redirect = q.get('redirect_uri') ?? '';
      if (!app || !app.redirect_uris.includes(redirect) || q.get('response_type') !== 'code') return err(400, 'invalid_request');
      if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return err(400, 'invalid_request', { error_description: 'PKCE S256 expected' });
      const code = `code-${codes.size}-${Math.random().toString(36).slice(2)}`;
      codes.set(code, { clientId: app.client_id, redirectUri: redirect, challenge: q.get('code_challenge')! });
      const to = new URL(redirect);
      to.searchParams.set('code', code);
      if (q.get('state')) to.searchParams.set('state', q.get('state')!);
      return { status: 302, headers: { location: to.toString() } };
    }
    if (method === 'POST' && path === '/oauth/token') {
      const grant = codes.get(body.code);
      const app = apps.get(body.client_id);
      const verifier = createHash('sha256').update(String(body.code_verifier ?? '')).digest('base64url');
      if (!app || app.client_secret !== body.client_secret) return err(401, 'invalid_client', { error_description: 'Client authentication failed' });
      if (body.grant_type !== 'authorization_code' || !grant || grant.clientId !== app.client_id || grant.redirectUri !== body.redirect_uri || verifier !== grant.challenge) {
        return err(400, 'invalid_grant', { error_description: 'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.' });
      }
      codes.delete(body.code);
      return mastodonFixture('token');
    }
    const auth = /^Bearer (.+)$/.exec(String(r.headers.authorization ?? ''));
    if (!auth || !tokens.has(auth[1])) return mastodonFixture('error-401');
    if (method === 'GET' && path === '/api/v1/accounts/verify_credentials') return mastodonFixture('verify-credentials');
    if (method === 'GET' && path === '/api/v1/notifications') return notificationPage(q);
    if (method === 'POST' && path === '/api/v2/media') {
      const file = body.file as File | undefined;
      if (!file || typeof file === 'string') return err(422, "Validation failed: File can't be blank");
      const video = file.type.startsWith('video/');
      const fx = mastodonFixture(video ? 'media-video-processing' : 'media-image');
      const attachment = { ...fx.body, id: nextId(), description: body.description ?? null, type: video ? 'video' : file.type === 'image/gif' ? 'gifv' : 'image' };
      media.set(attachment.id, { attachment, pendingChecks: video ? 1 : 0 });
      return { status: fx.status, body: attachment };
    }
    let m = /^\/api\/v1\/media\/([^/]+)$/.exec(path);
    if (m && method === 'GET') {
      const entry = media.get(m[1]);
      if (!entry) return err(404, 'Record not found');
      if (entry.pendingChecks-- > 0) return { status: 206, body: entry.attachment };
      entry.attachment.url ??= `https://files.social.example/media_attachments/files/${m[1]}/original/file.mp4`;
      return { status: 200, body: entry.attachment };
    }
    if (method === 'POST' && path === '/api/v1/statuses') {
      const key = r.headers['idempotency-key'];
      const seen = key && idempotency.get(`${auth[1]}:${key}`);
      if (seen && statuses.has(seen)) return { status: 200, body: statuses.get(seen) };
      const answer = newStatus(body);
      if (key && answer.status === 200) idempotency.set(`${auth[1]}:${key}`, answer.body.id);
      return answer;
    }
    m = /^\/api\/v1\/statuses\/([^/]+)(\/context)?$/.exec(path);
    if (m) {
      const status = statuses.get(m[1]);
      if (!status) return err(404, 'Record not found');
      if (m[2] && method === 'GET') {
        const ancestors = [];
        for (let p = statuses.get(status.in_reply_to_id); p; p = statuses.get(p.in_reply_to_id)) ancestors.unshift(p);
        const descendants = [...statuses.values()].filter((s) => s.in_reply_to_id === status.id);
        return { status: 200, body: { ancestors, descendants } };
      }
      if (method === 'GET') return { status: 200, body: status };
      if (method === 'DELETE') {
        if (status.account.id !== me.id) return err(403, 'This action is not allowed');
        statuses.delete(m[1]);
        return { status: 200, body: { ...status, text: status.content.replace(/<[^>]+>/g, '') } };
      }
    }
    return err(404, 'Record not found');
  }

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    let answer: Answer;
    try {
      const r: RecordedRequest = { method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, headers: req.headers, body: await readBody(req) };
      requests.push(r);
      const i = failures.findIndex((f) => f.match(r));
      answer = i >= 0 ? failures.splice(i, 1)[0].answer : route(r);
    } catch (e) {
      answer = err(500, `fixture server: ${(e as Error).message}`);
    }
    const reset = new Date(Math.ceil(Date.now() / 300_000) * 300_000).toISOString();
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299', 'x-ratelimit-reset': reset, ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;

  return {
    url: `http://127.0.0.1:${port}`,
    token: [...tokens][0],
    me,
    statuses,
    requests,
    failNext(answer, match = () => true) {
      const a = typeof answer === 'string' ? mastodonFixture(answer) : answer;
      failures.push({ answer: { status: a.status, headers: a.headers, body: a.body }, match });
    },
    addMention(account, partial) {
      const id = nextId();
      const status = { ...structuredClone(root), id, account, created_at: new Date().toISOString(), uri: `${account.uri}/statuses/${id}`, url: `${account.url}/${id}`, favourites_count: 0, reblogs_count: 0, replies_count: 0, mentions: [{ id: me.id, username: me.username, url: me.url, acct: me.acct }], ...partial };
      statuses.set(id, status);
      const n = { id: String(++notificationSeq), type: 'mention', created_at: status.created_at, group_key: `ungrouped-${notificationSeq}`, account, status };
      notifications.unshift(n);
      return n;
    },
    revokeToken: () => tokens.clear(),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
